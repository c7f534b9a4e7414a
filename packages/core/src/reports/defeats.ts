import { rateOf } from '../dcc/rates';
import { averageOf, hoursBetween, medianOf } from './durations';
import { type InstantRange, inRange } from './period';

/**
 * Defeat statistics and analysis (战败分析, DOMAIN §3 "Defeat", §6 "defeat rate by reason").
 *
 * Over defeat requests (table defeat_requests) with the lead they are about:
 * - a **confirmed defeat** is a request the manager approved (status `approved`) whose decision
 *   (`decidedAt`) falls in the period; it counts once, by its reason, its competitor brand/model (as
 *   the consultant named them; none named is its own group), the consultant who asked for it
 *   (`requestedBy`) and the lead's series (none is its own group). A request made on 31 March and
 *   approved on 1 April counts in April (as the monthly defeat record, leads/defeat.ts);
 * - a **rejected request** (status `rejected`, decided in the period) is counted apart: the lead
 *   stayed open, so it is not a defeat; the groups show how many of their requests were rejected;
 * - **pending** = requests made in the period still waiting for a decision;
 * - **approval time** = hours from the request (`createdAt`) to the decision (`decidedAt`), over
 *   requests decided in the period, approved or rejected; median and average (durations.ts),
 *   in total and per deciding manager (`decidedBy`);
 * - **share** of a group = its confirmed defeats / all confirmed defeats of the period (null if none);
 * - the previous period is computed the same way over its own range, with each group's previous
 *   count beside its current one. Periods are half-open instant ranges from the store's calendar,
 *   so a decision at 00:30 Beijing time on the 1st belongs to the 1st.
 */

export type DefeatAnalysisRow = {
  requestId: string;
  leadId: string;
  customerId: string;
  requestedBy: string;
  decidedBy: string | null;
  reasonId: string;
  competitorBrand: string | null;
  competitorModel: string | null;
  seriesId: string | null;
  status: 'pending' | 'approved' | 'rejected';
  createdAt: Date;
  decidedAt: Date | null;
};

export type DefeatTotals = {
  confirmed: number;
  rejected: number;
  pending: number;
  /** Requests decided in the period (approved + rejected): the approval-time population. */
  decided: number;
  medianApprovalHours: number | null;
  averageApprovalHours: number | null;
};

export type DefeatGroup = {
  /** The group's key: reason id, user id, series id, or `brand|model` (null = none named). */
  key: string | null;
  confirmed: number;
  previousConfirmed: number;
  rejected: number;
  share: number | null;
};

export type CompetitorGroup = DefeatGroup & { brand: string | null; model: string | null };

export type ManagerApproval = {
  managerId: string;
  decided: number;
  approved: number;
  rejected: number;
  medianApprovalHours: number | null;
  averageApprovalHours: number | null;
};

export type DefeatAnalysis = {
  current: DefeatTotals;
  previous: DefeatTotals;
  byReason: DefeatGroup[];
  byCompetitor: CompetitorGroup[];
  byConsultant: DefeatGroup[];
  bySeries: DefeatGroup[];
  approvalByManager: ManagerApproval[];
};

export const DEFEAT_METRICS = ['confirmed', 'rejected', 'pending', 'decided'] as const;
export type DefeatMetric = (typeof DEFEAT_METRICS)[number];

/** Whether a request is behind `metric` in `range` (the drill-down uses the same rule as the figures). */
export const isDefeatIn = (row: DefeatAnalysisRow, metric: DefeatMetric, range: InstantRange): boolean => {
  switch (metric) {
    case 'confirmed':
      return row.status === 'approved' && inRange(row.decidedAt, range);
    case 'rejected':
      return row.status === 'rejected' && inRange(row.decidedAt, range);
    case 'pending':
      return row.status === 'pending' && inRange(row.createdAt, range);
    case 'decided':
      return row.status !== 'pending' && inRange(row.decidedAt, range);
  }
};

const approvalHours = (row: DefeatAnalysisRow): number =>
  row.decidedAt ? hoursBetween(row.createdAt, row.decidedAt) : 0;

const totalsOf = (rows: readonly DefeatAnalysisRow[], range: InstantRange): DefeatTotals => {
  const decided = rows.filter((r) => isDefeatIn(r, 'decided', range));
  const hours = decided.map(approvalHours);
  return {
    confirmed: rows.filter((r) => isDefeatIn(r, 'confirmed', range)).length,
    rejected: rows.filter((r) => isDefeatIn(r, 'rejected', range)).length,
    pending: rows.filter((r) => isDefeatIn(r, 'pending', range)).length,
    decided: decided.length,
    medianApprovalHours: medianOf(hours),
    averageApprovalHours: averageOf(hours),
  };
};

export const competitorKey = (row: Pick<DefeatAnalysisRow, 'competitorBrand' | 'competitorModel'>) =>
  row.competitorBrand ? `${row.competitorBrand}|${row.competitorModel ?? ''}` : null;

const groupBy = (
  rows: readonly DefeatAnalysisRow[],
  keyOf: (row: DefeatAnalysisRow) => string | null,
  current: InstantRange,
  previous: InstantRange,
  totalConfirmed: number,
): DefeatGroup[] => {
  const groups = new Map<string | null, DefeatGroup>();
  const groupOf = (key: string | null) => {
    let g = groups.get(key);
    if (!g) {
      g = { key, confirmed: 0, previousConfirmed: 0, rejected: 0, share: null };
      groups.set(key, g);
    }
    return g;
  };
  for (const row of rows) {
    if (isDefeatIn(row, 'confirmed', current)) groupOf(keyOf(row)).confirmed++;
    if (isDefeatIn(row, 'confirmed', previous)) groupOf(keyOf(row)).previousConfirmed++;
    if (isDefeatIn(row, 'rejected', current)) groupOf(keyOf(row)).rejected++;
  }
  return [...groups.values()]
    .map((g) => ({ ...g, share: rateOf(g.confirmed, totalConfirmed) }))
    .sort(
      (a, b) =>
        b.confirmed - a.confirmed ||
        b.previousConfirmed - a.previousConfirmed ||
        b.rejected - a.rejected ||
        String(a.key ?? '\uffff').localeCompare(String(b.key ?? '\uffff')),
    );
};

export const analyseDefeats = (
  rows: readonly DefeatAnalysisRow[],
  periods: { current: InstantRange; previous: InstantRange },
): DefeatAnalysis => {
  const { current, previous } = periods;
  const totals = totalsOf(rows, current);
  const by = (keyOf: (row: DefeatAnalysisRow) => string | null) =>
    groupBy(rows, keyOf, current, previous, totals.confirmed);

  const managers = new Map<string, DefeatAnalysisRow[]>();
  for (const row of rows) {
    if (!row.decidedBy || !isDefeatIn(row, 'decided', current)) continue;
    managers.set(row.decidedBy, [...(managers.get(row.decidedBy) ?? []), row]);
  }
  const approvalByManager = [...managers.entries()]
    .map(([managerId, decided]) => {
      const hours = decided.map(approvalHours);
      return {
        managerId,
        decided: decided.length,
        approved: decided.filter((r) => r.status === 'approved').length,
        rejected: decided.filter((r) => r.status === 'rejected').length,
        medianApprovalHours: medianOf(hours),
        averageApprovalHours: averageOf(hours),
      };
    })
    .sort((a, b) => b.decided - a.decided || a.managerId.localeCompare(b.managerId));

  return {
    current: totals,
    previous: totalsOf(rows, previous),
    byReason: by((r) => r.reasonId),
    byCompetitor: by(competitorKey).map((g) => {
      const [brand, model] = g.key === null ? [null, null] : g.key.split('|');
      return { ...g, brand: brand ?? null, model: model ? model : null };
    }),
    byConsultant: by((r) => r.requestedBy),
    bySeries: by((r) => r.seriesId),
    approvalByManager,
  };
};
