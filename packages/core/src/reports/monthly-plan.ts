/**
 * Monthly sales activity plan (月度销售活动计划表, seed 003 §2.5 ③): at month end the sales manager
 * counts each consultant's prospects by level (the progress table's closing, progress-ledger.ts) and
 * sets them against the month's targets (kpi_targets) and what was achieved (kpi.ts).
 *
 * A line per consultant and one for the store: prospects by level "as of" (carried into next month),
 * new prospects, sold and defeated in the month, and for the count metrics (leads, visits, test drives,
 * orders, deliveries) the target, the actual and the attainment. The store line's targets are the
 * store's own targets (consultant null), not the consultants' added up.
 */
import {
  COUNT_METRICS,
  type CountMetric,
  type KpiFigure,
  type KpiTally,
  type KpiTargets,
  kpiFigures,
} from './kpi';
import type { LedgerSummary, LevelCounts } from './progress-ledger';

export type PlanLine = {
  /** Null for the store's line. */
  consultantId: string | null;
  prospects: LevelCounts;
  carried: number;
  new: number;
  sold: number;
  defeated: number;
  figures: (KpiFigure & { metric: CountMetric })[];
};

const isCount = (f: KpiFigure): f is KpiFigure & { metric: CountMetric } =>
  (COUNT_METRICS as readonly string[]).includes(f.metric);

export const planLine = (
  consultantId: string | null,
  ledger: LedgerSummary,
  tally: KpiTally,
  targets: KpiTargets,
): PlanLine => ({
  consultantId,
  prospects: { ...ledger.closing },
  carried: ledger.carried,
  new: ledger.new,
  sold: ledger.sold,
  defeated: ledger.defeated,
  figures: kpiFigures(tally, targets).filter(isCount),
});
