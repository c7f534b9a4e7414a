/**
 * The sales funnel (issue 6, DOMAIN §6, seed 001): leads -> contacted -> visited / called in -> test
 * drive -> order -> delivered.
 *
 * Definition (a cohort funnel):
 * - The cohort is the leads CREATED in the period (store days, the store's time zone), narrowed by
 *   the filter: consultant = the lead's owner, source = the lead's source node or any node below it,
 *   series = the lead's series, campaign = the lead's campaign code.
 * - For each of those leads every later step is counted whenever it happened, up to the moment the
 *   report is asked for (a lead of 28 Nov that orders on 3 Dec counts as ordered in November's funnel).
 * - The events of a step, per lead (the SQL reads them; a visit, test drive or order without a lead
 *   counts for the customer's leads created before it):
 *   contacted = the lead's first contact was recorded (leads.first_contacted_at);
 *   visited   = a showroom visit or a phone-in was logged (showroom_visits, either kind);
 *   testDrive = a test drive was completed (test_drives.status = done);
 *   ordered   = an order was written and not cancelled (draft, confirmed or delivered);
 *   delivered = the order was delivered.
 * - A step counts a lead that reached it OR any later step: a walk-in who orders on the spot without
 *   a logged contact was still contacted. So every step is at most the step before it.
 * - Step conversion = this step / the step before (the first step has none); overall = delivered /
 *   leads. Rates are `rate()` of period.ts (4 decimals; null when dividing by 0).
 * - By period: the bucket of the lead's creation (day for periods up to 31 days, week (from Monday) up
 *   to 92 days, month beyond).
 */
import { storeDateOf } from '../showroom/store-day';
import { bucketOf, bucketOfDay, type PeriodBucket, rate } from './period';

export const FUNNEL_STEPS = ['leads', 'contacted', 'visited', 'testDrive', 'ordered', 'delivered'] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number];

export type FunnelGroupBy = 'source' | 'consultant' | 'series' | 'period';

/** One lead of the cohort with the first time it reached each step (null: not yet). */
export type FunnelLeadRow = {
  leadId: string;
  customerId: string;
  createdAt: Date;
  sourceId: string | null;
  ownerId: string | null;
  seriesId: string | null;
  contactedAt: Date | null;
  visitedAt: Date | null;
  testDrivenAt: Date | null;
  orderedAt: Date | null;
  deliveredAt: Date | null;
};

export type FunnelCounts = Record<FunnelStep, number>;
export type FunnelRates = Record<FunnelStep, number | null>;

const EVENT_OF: Record<Exclude<FunnelStep, 'leads'>, keyof FunnelLeadRow> = {
  contacted: 'contactedAt',
  visited: 'visitedAt',
  testDrive: 'testDrivenAt',
  ordered: 'orderedAt',
  delivered: 'deliveredAt',
};

/** The furthest step the lead reached (0 = leads .. 5 = delivered). */
export const furthestStep = (row: FunnelLeadRow): number => {
  for (let i = FUNNEL_STEPS.length - 1; i > 0; i--) {
    const step = FUNNEL_STEPS[i] as Exclude<FunnelStep, 'leads'>;
    if (row[EVENT_OF[step]] != null) return i;
  }
  return 0;
};

/** Whether the lead counts at this step: it reached it or any later one. */
export const reachedStep = (row: FunnelLeadRow, step: FunnelStep): boolean =>
  furthestStep(row) >= FUNNEL_STEPS.indexOf(step);

export const emptyCounts = (): FunnelCounts => ({
  leads: 0,
  contacted: 0,
  visited: 0,
  testDrive: 0,
  ordered: 0,
  delivered: 0,
});

/**
 * How many leads of one row of the breakdown went as far as one step (`furthest`: 0 = leads ..
 * 5 = delivered, as furthestStep), so a report can be counted from a few of these instead of one row
 * per lead. `key` is the row of the breakdown (funnelGroupKey), but the store day of the lead's
 * creation for the period breakdown: the bucket is taken from it (funnelTallyBreakdown).
 */
export type FunnelTally = { key: string; furthest: number; leads: number };

/** The funnel of some tallies: a lead counts at its furthest step and every step before it. */
export const countTallies = (tallies: readonly FunnelTally[]): FunnelCounts => {
  const counts = emptyCounts();
  for (const { furthest, leads } of tallies) {
    for (let i = 0; i <= furthest; i++) counts[FUNNEL_STEPS[i] as FunnelStep] += leads;
  }
  return counts;
};

/** One lead as a tally (its own key, as funnelTallyBreakdown expects it for `groupBy`). */
export const tallyOfLead = (row: FunnelLeadRow, groupBy: FunnelGroupBy, timeZone: string): FunnelTally => ({
  key:
    groupBy === 'period'
      ? storeDateOf(row.createdAt, timeZone)
      : funnelGroupKey(row, groupBy, timeZone, 'day'),
  furthest: furthestStep(row),
  leads: 1,
});

export const countFunnel = (rows: readonly FunnelLeadRow[]): FunnelCounts =>
  countTallies(rows.map((row) => ({ key: '', furthest: furthestStep(row), leads: 1 })));

/** Each step's share of the step before it; `leads` has none (null). */
export const stepConversion = (counts: FunnelCounts): FunnelRates => {
  const rates = { leads: null } as FunnelRates;
  for (let i = 1; i < FUNNEL_STEPS.length; i++) {
    const step = FUNNEL_STEPS[i] as FunnelStep;
    rates[step] = rate(counts[step], counts[FUNNEL_STEPS[i - 1] as FunnelStep]);
  }
  return rates;
};

/** The bucket of a "by period" funnel for a period of so many days. */
export const funnelBucketFor = (days: number): PeriodBucket =>
  days <= 31 ? 'day' : days <= 92 ? 'week' : 'month';

/** The row of the breakdown a lead belongs to; '' for a lead without a source / owner / series. */
export const funnelGroupKey = (
  row: FunnelLeadRow,
  groupBy: FunnelGroupBy,
  timeZone: string,
  bucket: PeriodBucket,
): string => {
  switch (groupBy) {
    case 'source':
      return row.sourceId ?? '';
    case 'consultant':
      return row.ownerId ?? '';
    case 'series':
      return row.seriesId ?? '';
    case 'period':
      return bucketOf(row.createdAt, timeZone, bucket);
  }
};

export type FunnelGroup = { key: string; counts: FunnelCounts; conversion: FunnelRates };

/** The funnel per group, most leads first (ties: by key; periods in calendar order). */
export const funnelBreakdown = (
  rows: readonly FunnelLeadRow[],
  groupBy: FunnelGroupBy,
  timeZone: string,
  bucket: PeriodBucket,
): FunnelGroup[] =>
  funnelTallyBreakdown(
    rows.map((row) => tallyOfLead(row, groupBy, timeZone)),
    groupBy,
    bucket,
  );

/** funnelBreakdown of tallies (their keys are store days for the period breakdown). */
export const funnelTallyBreakdown = (
  tallies: readonly FunnelTally[],
  groupBy: FunnelGroupBy,
  bucket: PeriodBucket,
): FunnelGroup[] => {
  const byKey = new Map<string, FunnelTally[]>();
  for (const tally of tallies) {
    const key = groupBy === 'period' ? bucketOfDay(tally.key, bucket) : tally.key;
    const list = byKey.get(key);
    if (list) list.push(tally);
    else byKey.set(key, [tally]);
  }
  const groups = [...byKey].map(([key, list]) => {
    const counts = countTallies(list);
    return { key, counts, conversion: stepConversion(counts) };
  });
  return groupBy === 'period'
    ? groups.sort((a, b) => a.key.localeCompare(b.key))
    : groups.sort((a, b) => b.counts.leads - a.counts.leads || a.key.localeCompare(b.key));
};

/** The customers behind one figure: the leads at that step (of one group, when a key is given). */
export const funnelCustomers = (
  rows: readonly FunnelLeadRow[],
  step: FunnelStep,
  group?: { groupBy: FunnelGroupBy; key: string; timeZone: string; bucket: PeriodBucket },
): string[] =>
  rows
    .filter(
      (row) =>
        reachedStep(row, step) &&
        (!group || funnelGroupKey(row, group.groupBy, group.timeZone, group.bucket) === group.key),
    )
    .map((row) => row.customerId);

export const isFunnelStep = (value: string): value is FunnelStep =>
  (FUNNEL_STEPS as readonly string[]).includes(value);
