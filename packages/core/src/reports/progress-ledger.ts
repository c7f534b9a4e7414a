/**
 * Intention customer progress table (意向客户进度管制表, seed 003 §2.5): each consultant's rolling
 * ledger of valid prospects for one store month.
 *
 * Definitions (all instants on the store's clock, month = [start, end), "as of" = the month's end once
 * it is over, else now):
 * - A lead is on the ledger of its owner when it was created before "as of" and had no result before
 *   the month began (a lead sold or defeated in an earlier month was struck out then).
 * - Result "sold" (实现销售): the lead's first order that was not cancelled was taken in the month.
 *   Result "defeated" (战败): the lead was closed as lost, or a manager approved its defeat request
 *   (closed as lost, moved to nurturing or handed on), in the month. A lead with both takes the
 *   earlier one.
 * - Level at an instant: the `to` of the last level change at or before it; before its first change a
 *   lead has the `from` of that change; a lead with no change has its current level.
 * - Opening: leads carried in from last month (created before the month, no result yet), by their
 *   level at the month's start. New: leads created in the month.
 * - Changes: the level changes recorded in the month; up = towards O (C < B < A < H < O).
 * - Closing (month-end roll-over): at month end the sold and defeated are struck out and the rest is
 *   carried into the next month, counted by its level "as of".
 */
import { LEVELS, type Level } from '../leads/grading';

export type LevelChange = { at: Date; from: Level | null; to: Level };

export type LedgerLead = {
  leadId: string;
  customerId: string;
  customerName: string;
  consultantId: string;
  createdAt: Date;
  /** The lead's level now (leads.level). */
  level: Level | null;
  /** Every level change of the lead, any order. */
  changes: readonly LevelChange[];
  /** When its first order that was not cancelled was taken. */
  soldAt: Date | null;
  /** When it was closed as lost, or its defeat was approved (first time). */
  defeatedAt: Date | null;
};

export type LedgerResult = 'sold' | 'defeated';

/** Counts by level; `none` for a lead never graded. */
export type LevelCounts = Record<Level | 'none', number>;

export type LedgerRow = {
  leadId: string;
  customerId: string;
  customerName: string;
  consultantId: string;
  isNew: boolean;
  levelAtStart: Level | null;
  levelAsOf: Level | null;
  /** Level changes in the month, oldest first. */
  changes: LevelChange[];
  result: LedgerResult | null;
  resultAt: Date | null;
  /** Struck out at month end (sold or defeated); the rest rolls over. */
  struck: boolean;
};

export type LedgerSummary = {
  opening: LevelCounts;
  openingTotal: number;
  new: number;
  upgraded: number;
  downgraded: number;
  sold: number;
  defeated: number;
  closing: LevelCounts;
  /** Leads carried into the next month (= sum of closing). */
  carried: number;
};

export type ConsultantLedger = { consultantId: string; rows: LedgerRow[]; summary: LedgerSummary };

const RANK: Record<Level, number> = { C: 1, B: 2, A: 3, H: 4, O: 5 };

export const emptyLevelCounts = (): LevelCounts => ({ O: 0, H: 0, A: 0, B: 0, C: 0, none: 0 });

const byTime = (a: LevelChange, b: LevelChange) => a.at.getTime() - b.at.getTime();

/** The lead's level at an instant (see the file header). */
export const levelAt = (lead: Pick<LedgerLead, 'level' | 'changes'>, at: Date): Level | null => {
  const sorted = [...lead.changes].sort(byTime);
  if (sorted.length === 0) return lead.level;
  let level: Level | null = sorted[0]?.from ?? null;
  for (const change of sorted) {
    if (change.at.getTime() > at.getTime()) break;
    level = change.to;
  }
  return level;
};

/** Whether a change moves the lead towards an order (true), away (false) or neither (null). */
export const isUpgrade = (change: Pick<LevelChange, 'from' | 'to'>): boolean | null => {
  if (change.from === null || change.from === change.to) return null;
  return RANK[change.to] > RANK[change.from];
};

const resultOf = (lead: LedgerLead): { result: LedgerResult; at: Date } | null => {
  const sold = lead.soldAt ? { result: 'sold' as const, at: lead.soldAt } : null;
  const defeated = lead.defeatedAt ? { result: 'defeated' as const, at: lead.defeatedAt } : null;
  if (sold && defeated) return sold.at.getTime() <= defeated.at.getTime() ? sold : defeated;
  return sold ?? defeated;
};

/** One lead's line for the month, or null when it is not on the month's ledger. */
export const ledgerRowOf = (lead: LedgerLead, month: { start: Date; asOf: Date }): LedgerRow | null => {
  const start = month.start.getTime();
  const asOf = month.asOf.getTime();
  if (lead.createdAt.getTime() >= asOf) return null;
  const outcome = resultOf(lead);
  if (outcome && outcome.at.getTime() < start) return null;
  const result = outcome && outcome.at.getTime() < asOf ? outcome : null;
  const isNew = lead.createdAt.getTime() >= start;
  return {
    leadId: lead.leadId,
    customerId: lead.customerId,
    customerName: lead.customerName,
    consultantId: lead.consultantId,
    isNew,
    levelAtStart: isNew ? null : levelAt(lead, new Date(start - 1)),
    levelAsOf: levelAt(lead, new Date(asOf - 1)),
    changes: lead.changes
      .filter((c) => c.at.getTime() >= start && c.at.getTime() < asOf)
      .sort(byTime)
      .map((c) => ({ ...c })),
    result: result?.result ?? null,
    resultAt: result?.at ?? null,
    struck: result !== null,
  };
};

const count = (counts: LevelCounts, level: Level | null) => {
  counts[level ?? 'none'] += 1;
};

export const summariseLedger = (rows: readonly LedgerRow[]): LedgerSummary => {
  const summary: LedgerSummary = {
    opening: emptyLevelCounts(),
    openingTotal: 0,
    new: 0,
    upgraded: 0,
    downgraded: 0,
    sold: 0,
    defeated: 0,
    closing: emptyLevelCounts(),
    carried: 0,
  };
  for (const row of rows) {
    if (row.isNew) summary.new += 1;
    else {
      count(summary.opening, row.levelAtStart);
      summary.openingTotal += 1;
    }
    for (const change of row.changes) {
      const up = isUpgrade(change);
      if (up === true) summary.upgraded += 1;
      if (up === false) summary.downgraded += 1;
    }
    if (row.result === 'sold') summary.sold += 1;
    if (row.result === 'defeated') summary.defeated += 1;
    if (!row.struck) {
      count(summary.closing, row.levelAsOf);
      summary.carried += 1;
    }
  }
  return summary;
};

const ORDER: Record<Level | 'none', number> = { O: 0, H: 1, A: 2, B: 3, C: 4, none: 5 };

/**
 * The ledgers of a month, one per consultant (in the order of `consultantIds`; a consultant without
 * leads gets an empty ledger), rows by level (O first), then customer name.
 */
export const progressLedgers = (
  leads: readonly LedgerLead[],
  month: { start: Date; asOf: Date },
  consultantIds: readonly string[],
): ConsultantLedger[] => {
  const rowsOf = new Map<string, LedgerRow[]>(consultantIds.map((id) => [id, []]));
  for (const lead of leads) {
    const row = ledgerRowOf(lead, month);
    if (!row) continue;
    const rows = rowsOf.get(lead.consultantId);
    if (rows) rows.push(row);
  }
  return consultantIds.map((consultantId) => {
    const rows = (rowsOf.get(consultantId) ?? []).sort(
      (a, b) =>
        Number(a.struck) - Number(b.struck) ||
        ORDER[a.levelAsOf ?? 'none'] - ORDER[b.levelAsOf ?? 'none'] ||
        a.customerName.localeCompare(b.customerName, 'zh-CN'),
    );
    return { consultantId, rows, summary: summariseLedger(rows) };
  });
};

/** The store's totals: the consultants' summaries added up. */
export const addSummaries = (summaries: readonly LedgerSummary[]): LedgerSummary => {
  const total = summariseLedger([]);
  for (const s of summaries) {
    for (const level of [...LEVELS, 'none'] as const) {
      total.opening[level] += s.opening[level];
      total.closing[level] += s.closing[level];
    }
    total.openingTotal += s.openingTotal;
    total.new += s.new;
    total.upgraded += s.upgraded;
    total.downgraded += s.downgraded;
    total.sold += s.sold;
    total.defeated += s.defeated;
    total.carried += s.carried;
  }
  return total;
};

export const LEDGER_METRICS = [
  'opening',
  'new',
  'upgraded',
  'downgraded',
  'sold',
  'defeated',
  'carried',
] as const;
export type LedgerMetric = (typeof LEDGER_METRICS)[number];

/**
 * The rows behind a figure of the summary (the drill-down): `level` narrows `opening` to the level at
 * the month's start and `carried` to the level "as of" (`none`: never graded).
 */
export const ledgerRowsFor = (
  rows: readonly LedgerRow[],
  metric: LedgerMetric,
  level?: Level | 'none',
): LedgerRow[] => {
  const atLevel = (value: Level | null) => level === undefined || (value ?? 'none') === level;
  const keep: Record<LedgerMetric, (row: LedgerRow) => boolean> = {
    opening: (row) => !row.isNew && atLevel(row.levelAtStart),
    new: (row) => row.isNew,
    upgraded: (row) => row.changes.some((c) => isUpgrade(c) === true),
    downgraded: (row) => row.changes.some((c) => isUpgrade(c) === false),
    sold: (row) => row.result === 'sold',
    defeated: (row) => row.result === 'defeated',
    carried: (row) => !row.struck && atLevel(row.levelAsOf),
  };
  return rows.filter(keep[metric]);
};
