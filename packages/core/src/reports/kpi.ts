/**
 * KPI dashboard (DOMAIN §6, seeds 001/004): a month's figures per store and per consultant against the
 * monthly targets the sales manager sets (kpi_targets), and their attainment.
 *
 * Figures of a store month [start, end) ("now" cuts a month still running):
 * - `leads`: leads created in the month (a consultant: those they own).
 * - `visits`: showroom arrivals (showroom_visits kind `visit`) in the month (a consultant: received).
 * - `test_drives`: test drives done (status `done`), by their start.
 * - `orders`: orders taken in the month and not cancelled.
 * - `deliveries`: orders delivered in the month.
 * - `info_retention_rate` (信息留存率, DOMAIN §3): first-time visitors who left details / first-time
 *   visitors not closed on the spot, over showroom arrivals of the month (per receiving consultant).
 * - `callback_24h_rate` and `on_time_follow_up_rate`: follow-up-compliance.ts (call-backs due in the
 *   month met in time / due; tasks due in the month done by their due time / due), per the person who
 *   owes them.
 *
 * Attainment = actual / target, rounded to 4 places; null without a target (or a target of 0) or
 * without an actual rate. Roll-up of several stores: counts and the parts of every rate are added up
 * (the rate is recomputed, not averaged); count targets are added up, rate targets are the mean of the
 * stores that set one; a metric no store set a target for has none.
 */

import { type CallbackRow, isCallbackDue, isTaskDue, type TaskRow } from './follow-up-compliance';
import { rate as rateOf } from './period';

export const COUNT_METRICS = ['leads', 'visits', 'test_drives', 'orders', 'deliveries'] as const;
export const RATE_METRICS = ['info_retention_rate', 'callback_24h_rate', 'on_time_follow_up_rate'] as const;
export const KPI_METRICS = [...COUNT_METRICS, ...RATE_METRICS] as const;

export type CountMetric = (typeof COUNT_METRICS)[number];
export type RateMetric = (typeof RATE_METRICS)[number];
export type KpiMetric = (typeof KPI_METRICS)[number];

export const isRateMetric = (metric: KpiMetric): metric is RateMetric =>
  (RATE_METRICS as readonly string[]).includes(metric);

/** A rate's parts: `part` of `whole`. */
export type Ratio = { part: number; whole: number };

export type KpiTally = Record<CountMetric, number> & Record<RateMetric, Ratio>;

export type KpiTargets = Partial<Record<KpiMetric, number>>;

export type KpiFigure = {
  metric: KpiMetric;
  /** A count, or a rate in [0, 1] (null: nothing to divide by). */
  actual: number | null;
  /** The rate's parts; null for a count. */
  ratio: Ratio | null;
  target: number | null;
  attainment: number | null;
};

/** One thing counted for a count metric: who it belongs to (null: nobody's, the store's only) and when. */
export type KpiEvent = { metric: CountMetric; consultantId: string | null; at: Date };

/** A showroom arrival, for the information retention rate. */
export type RetentionVisit = {
  consultantId: string | null;
  arrivedAt: Date;
  firstVisit: boolean;
  leftContact: boolean;
  closedOnSpot: boolean;
};

export type KpiRows = {
  events: readonly KpiEvent[];
  visits: readonly RetentionVisit[];
  callbacks: readonly CallbackRow[];
  tasks: readonly TaskRow[];
};

type Range = { start: Date; end: Date };

export const emptyKpiTally = (): KpiTally => ({
  leads: 0,
  visits: 0,
  test_drives: 0,
  orders: 0,
  deliveries: 0,
  info_retention_rate: { part: 0, whole: 0 },
  callback_24h_rate: { part: 0, whole: 0 },
  on_time_follow_up_rate: { part: 0, whole: 0 },
});

const within = (at: Date, range: Range) =>
  at.getTime() >= range.start.getTime() && at.getTime() < range.end.getTime();

/** Whether an arrival counts in the retention rate's denominator (first-time, not closed on the spot). */
export const countsForRetention = (v: RetentionVisit): boolean => v.firstVisit && !v.closedOnSpot;

/**
 * The month's tallies: the store's (everything) and one per consultant of `consultantIds` (what
 * belongs to them; zeros for one with nothing).
 */
export const tallyKpis = (
  rows: KpiRows,
  month: Range,
  now: Date,
  consultantIds: readonly string[],
): { store: KpiTally; consultants: Map<string, KpiTally> } => {
  // A month still running is counted so far: up to now.
  const range = { start: month.start, end: new Date(Math.min(month.end.getTime(), now.getTime())) };
  const store = emptyKpiTally();
  const consultants = new Map(consultantIds.map((id) => [id, emptyKpiTally()]));
  const both = (userId: string | null, apply: (t: KpiTally) => void) => {
    apply(store);
    const own = userId === null ? undefined : consultants.get(userId);
    if (own) apply(own);
  };
  for (const e of rows.events) {
    if (within(e.at, range)) both(e.consultantId, (t) => (t[e.metric] += 1));
  }
  for (const v of rows.visits) {
    if (!within(v.arrivedAt, range) || !countsForRetention(v)) continue;
    both(v.consultantId, (t) => {
      t.info_retention_rate.whole += 1;
      if (v.leftContact) t.info_retention_rate.part += 1;
    });
  }
  for (const c of rows.callbacks) {
    if (!isCallbackDue(c, range, now)) continue;
    const met = c.contactedAt !== null && c.contactedAt.getTime() <= c.dueAt.getTime();
    both(c.userId, (t) => {
      t.callback_24h_rate.whole += 1;
      if (met) t.callback_24h_rate.part += 1;
    });
  }
  for (const task of rows.tasks) {
    if (!isTaskDue(task, range, now)) continue;
    const onTime =
      task.status === 'done' && task.doneAt !== null && task.doneAt.getTime() <= task.dueAt.getTime();
    both(task.assigneeId, (t) => {
      t.on_time_follow_up_rate.whole += 1;
      if (onTime) t.on_time_follow_up_rate.part += 1;
    });
  }
  return { store, consultants };
};

/** Attainment: actual / target, 4 places; null without a positive target or an actual. */
export const attainmentOf = (actual: number | null, target: number | null): number | null =>
  actual === null || target === null || target <= 0 ? null : Math.round((actual / target) * 10_000) / 10_000;

/** The figures of one tally against its targets, in KPI_METRICS order. */
export const kpiFigures = (tally: KpiTally, targets: KpiTargets): KpiFigure[] =>
  KPI_METRICS.map((metric) => {
    const target = targets[metric] ?? null;
    if (isRateMetric(metric)) {
      const ratio = tally[metric];
      const actual = rateOf(ratio.part, ratio.whole);
      return { metric, actual, ratio: { ...ratio }, target, attainment: attainmentOf(actual, target) };
    }
    const actual = tally[metric];
    return { metric, actual, ratio: null, target, attainment: attainmentOf(actual, target) };
  });

/** Several tallies added up (the parts of every rate too). */
export const addKpiTallies = (tallies: readonly KpiTally[]): KpiTally => {
  const total = emptyKpiTally();
  for (const t of tallies) {
    for (const m of COUNT_METRICS) total[m] += t[m];
    for (const m of RATE_METRICS) {
      total[m].part += t[m].part;
      total[m].whole += t[m].whole;
    }
  }
  return total;
};

/** The group's targets from the stores' targets: counts added up, rates the mean of those set. */
export const rollUpTargets = (targets: readonly KpiTargets[]): KpiTargets => {
  const out: KpiTargets = {};
  for (const metric of KPI_METRICS) {
    const set = targets.map((t) => t[metric]).filter((v): v is number => v !== undefined);
    if (set.length === 0) continue;
    const sum = set.reduce((a, b) => a + b, 0);
    out[metric] = isRateMetric(metric) ? Math.round((sum / set.length) * 10_000) / 10_000 : sum;
  }
  return out;
};

/** Whether a target value fits its metric: a whole count >= 0, or a rate in [0, 1]. */
export const isValidTarget = (metric: KpiMetric, value: number): boolean =>
  Number.isFinite(value) &&
  (isRateMetric(metric) ? value >= 0 && value <= 1 : Number.isInteger(value) && value >= 0);
