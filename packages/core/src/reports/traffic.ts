/**
 * Showroom traffic (issue 6, DOMAIN §3 展厅接待): the showroom visits that ARRIVED in the period (store
 * days), narrowed by the filter (consultant = the receiving consultant, source / series as logged on the
 * visit, campaign = the campaign of the visit's lead).
 *
 * - visits: logged arrivals of kind `visit`; phone-ins (kind `phone_in`) are counted apart and take part
 *   in nothing else. people = the sum of party sizes.
 * - by hour of day (0-23) and weekday (1 = Monday .. 7 = Sunday): of the arrival, on the store's clock.
 * - first / repeat: the visit's `first_visit` flag as the reception log decided it.
 * - party size: visits of 1, 2, 3, 4 and 5+ people; average party size = people / visits.
 * - average stay: minutes from arrival to departure, over the visits with a departure logged.
 * - information retention rate (信息留存率) = first-time visitors who left contact details / first-time
 *   visitors not closed on the spot (both counted among first visits not closed on the spot).
 * - valid-customer rate = visits whose visitor left details AND whose customer has an intention level
 *   (graded O/H/A/B/C when the report is asked for) / visits.
 * - visit-to-order rate = visits whose customer has a live order (not cancelled) ordered at or after the
 *   arrival / visits.
 * - per duty consultant: the same figures over the visits that consultant received ('' = nobody).
 */
import { rate, storeClockOf } from './period';

export type TrafficVisitRow = {
  visitId: string;
  kind: 'visit' | 'phone_in';
  customerId: string | null;
  consultantId: string | null;
  arrivedAt: Date;
  leftAt: Date | null;
  partySize: number;
  firstVisit: boolean;
  leftContact: boolean;
  closedOnSpot: boolean;
  /** The customer has an intention level now. */
  graded: boolean;
  /** The customer ordered (live order) at or after this arrival. */
  ordered: boolean;
};

export type TrafficFigures = {
  visits: number;
  phoneIns: number;
  people: number;
  firstVisits: number;
  repeatVisits: number;
  leftContact: number;
  valid: number;
  ordered: number;
  averagePartySize: number | null;
  averageStayMinutes: number | null;
  retentionRate: number | null;
  validRate: number | null;
  visitToOrderRate: number | null;
};

export const TRAFFIC_METRICS = [
  'visits',
  'firstVisits',
  'repeatVisits',
  'leftContact',
  'valid',
  'ordered',
] as const;
export type TrafficMetric = (typeof TRAFFIC_METRICS)[number];

export const isTrafficMetric = (value: string): value is TrafficMetric =>
  (TRAFFIC_METRICS as readonly string[]).includes(value);

/** Whether a visit counts for a drill-down figure. */
export const countsFor = (row: TrafficVisitRow, metric: TrafficMetric): boolean => {
  if (row.kind !== 'visit') return false;
  switch (metric) {
    case 'visits':
      return true;
    case 'firstVisits':
      return row.firstVisit;
    case 'repeatVisits':
      return !row.firstVisit;
    case 'leftContact':
      return row.leftContact;
    case 'valid':
      return row.leftContact && row.graded;
    case 'ordered':
      return row.ordered;
  }
};

const round1 = (value: number) => Math.round(value * 10) / 10;

/**
 * The sums the figures are made of, so a report can be counted from one of these per consultant instead
 * of one row per visit. Every sum but `phoneIns` is over visits of kind `visit`; `stays` are the visits
 * with a departure logged at or after the arrival and `stayMs` their milliseconds in the showroom;
 * `firstOpen` are first visits not closed on the spot and `firstOpenLeftContact` those of them whose
 * visitor left details.
 */
export type TrafficTally = {
  visits: number;
  phoneIns: number;
  people: number;
  firstVisits: number;
  leftContact: number;
  valid: number;
  ordered: number;
  stays: number;
  stayMs: number;
  firstOpen: number;
  firstOpenLeftContact: number;
};

export const emptyTrafficTally = (): TrafficTally => ({
  visits: 0,
  phoneIns: 0,
  people: 0,
  firstVisits: 0,
  leftContact: 0,
  valid: 0,
  ordered: 0,
  stays: 0,
  stayMs: 0,
  firstOpen: 0,
  firstOpenLeftContact: 0,
});

/** The tally of one visit or phone-in. */
export const tallyOfVisit = (row: TrafficVisitRow): TrafficTally => {
  const tally = emptyTrafficTally();
  if (row.kind !== 'visit') {
    tally.phoneIns = 1;
    return tally;
  }
  const flag = (metric: TrafficMetric) => (countsFor(row, metric) ? 1 : 0);
  const stayed = row.leftAt !== null && row.leftAt >= row.arrivedAt;
  const firstOpen = row.firstVisit && !row.closedOnSpot;
  return {
    ...tally,
    visits: 1,
    people: row.partySize,
    firstVisits: flag('firstVisits'),
    leftContact: flag('leftContact'),
    valid: flag('valid'),
    ordered: flag('ordered'),
    stays: stayed ? 1 : 0,
    stayMs: stayed ? (row.leftAt as Date).getTime() - row.arrivedAt.getTime() : 0,
    firstOpen: firstOpen ? 1 : 0,
    firstOpenLeftContact: firstOpen && row.leftContact ? 1 : 0,
  };
};

/** The sum of tallies (of several consultants, or visits). */
export const addTallies = (tallies: readonly TrafficTally[]): TrafficTally => {
  const sum = emptyTrafficTally();
  for (const tally of tallies) {
    for (const key of Object.keys(sum) as (keyof TrafficTally)[]) sum[key] += tally[key];
  }
  return sum;
};

/** The figures of a tally. */
export const figuresOfTally = (t: TrafficTally): TrafficFigures => ({
  visits: t.visits,
  phoneIns: t.phoneIns,
  people: t.people,
  firstVisits: t.firstVisits,
  repeatVisits: t.visits - t.firstVisits,
  leftContact: t.leftContact,
  valid: t.valid,
  ordered: t.ordered,
  averagePartySize: t.visits ? round1(t.people / t.visits) : null,
  averageStayMinutes: t.stays ? round1(t.stayMs / 60_000 / t.stays) : null,
  retentionRate: rate(t.firstOpenLeftContact, t.firstOpen),
  validRate: rate(t.valid, t.visits),
  visitToOrderRate: rate(t.ordered, t.visits),
});

export const trafficFigures = (rows: readonly TrafficVisitRow[]): TrafficFigures =>
  figuresOfTally(addTallies(rows.map(tallyOfVisit)));

/** Visits (kind visit) that arrived in one hour of one weekday on the store's clock. */
export type TrafficTimeCell = { hour: number; weekday: number; visits: number };

/** Visits (kind visit) by hour of arrival (24 slots) and weekday (7 slots, Monday first), store clock. */
export const trafficByTime = (rows: readonly TrafficVisitRow[], timeZone: string) =>
  trafficByTimeOfCells(
    rows
      .filter((row) => row.kind === 'visit')
      .map((row) => ({ ...storeClockOf(row.arrivedAt, timeZone), visits: 1 })),
  );

/** trafficByTime of visits already counted per hour and weekday. */
export const trafficByTimeOfCells = (cells: readonly TrafficTimeCell[]) => {
  const byHour = Array.from({ length: 24 }, () => 0);
  const byWeekday = Array.from({ length: 7 }, () => 0);
  for (const { hour, weekday, visits } of cells) {
    byHour[hour] = (byHour[hour] ?? 0) + visits;
    byWeekday[weekday - 1] = (byWeekday[weekday - 1] ?? 0) + visits;
  }
  return { byHour, byWeekday };
};

/** Visits (kind visit) of one party size as logged. */
export type PartySizeCount = { partySize: number; visits: number };

/** Visits by party size: 1, 2, 3, 4, 5 or more. */
export const partySizes = (rows: readonly TrafficVisitRow[]): number[] =>
  partySizesOfCounts(rows.filter((row) => row.kind === 'visit').map((row) => ({ ...row, visits: 1 })));

/** partySizes of visits already counted per logged party size. */
export const partySizesOfCounts = (counts: readonly PartySizeCount[]): number[] => {
  const sizes = [0, 0, 0, 0, 0];
  for (const { partySize, visits } of counts) {
    const slot = Math.min(Math.max(partySize, 1), 5) - 1;
    sizes[slot] = (sizes[slot] ?? 0) + visits;
  }
  return sizes;
};

/** The figures per receiving consultant ('' = no consultant), most visits first. */
export const trafficByConsultant = (rows: readonly TrafficVisitRow[]) => {
  const byKey = new Map<string, TrafficTally[]>();
  for (const row of rows) {
    const key = row.consultantId ?? '';
    const list = byKey.get(key);
    if (list) list.push(tallyOfVisit(row));
    else byKey.set(key, [tallyOfVisit(row)]);
  }
  return trafficByConsultantOfTallies([...byKey].map(([key, list]) => ({ key, tally: addTallies(list) })));
};

/** trafficByConsultant of one tally per consultant (key '' = no consultant). */
export const trafficByConsultantOfTallies = (tallies: readonly { key: string; tally: TrafficTally }[]) =>
  tallies
    .map(({ key, tally }) => ({ key, figures: figuresOfTally(tally) }))
    .sort((a, b) => b.figures.visits - a.figures.visits || a.key.localeCompare(b.key));

/** The customers behind a figure (visitors without details have no card and cannot be listed). */
export const trafficCustomers = (
  rows: readonly TrafficVisitRow[],
  metric: TrafficMetric,
  consultantKey?: string,
): string[] =>
  rows
    .filter(
      (r) =>
        countsFor(r, metric) && (consultantKey === undefined || (r.consultantId ?? '') === consultantKey),
    )
    .flatMap((r) => (r.customerId ? [r.customerId] : []));
