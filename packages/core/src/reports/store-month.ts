/**
 * Store months (`YYYY-MM`) for the monthly reports of seed 003 (progress table, monthly plan, KPI
 * targets): a month runs from 00:00 on its first day to 00:00 on the next month's first day, on the
 * store's clock (Asia/Shanghai: 1 Nov 00:00 is 31 Oct 16:00 UTC).
 */
import { storeDateOf } from '../showroom/store-day';
import { monthBounds, periodRange, type StoreMonth } from './period';

export type { StoreMonth };

const STORE_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export const isStoreMonth = (value: string): value is StoreMonth => STORE_MONTH.test(value);

const parse = (month: StoreMonth) => {
  const match = STORE_MONTH.exec(month);
  if (!match) throw new RangeError(`not a month: ${month}`);
  return { year: Number(match[1]), month: Number(match[2]) };
};

/** The month `delta` months away: 2026-12 + 1 = 2027-01. */
export const shiftStoreMonth = (month: StoreMonth, delta: number): StoreMonth => {
  const { year, month: m } = parse(month);
  const index = year * 12 + (m - 1) + delta;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
};

/** The month of an instant on the store's clock. */
export const storeMonthOf = (instant: Date, timeZone: string): StoreMonth =>
  storeDateOf(instant, timeZone).slice(0, 7);

/** The UTC instants the month spans: `start` inclusive, `end` exclusive (period.ts `monthBounds`). */
export const storeMonthBounds = (month: StoreMonth, timeZone: string): { start: Date; end: Date } => {
  parse(month);
  return periodRange(monthBounds(month), timeZone);
};

/**
 * Where a month report stands: at the month's end once it is over, else now (a month still running
 * is reported "so far"; a month not begun has nothing yet and stands at its start).
 */
export const asOfInstant = (bounds: { start: Date; end: Date }, now: Date): Date =>
  new Date(Math.max(bounds.start.getTime(), Math.min(bounds.end.getTime(), now.getTime())));

export type MonthWindow = {
  month: StoreMonth;
  previousMonth: StoreMonth;
  /** The month's UTC span and where it stands ("as of"). */
  range: { start: Date; end: Date };
  asOf: Date;
  previousRange: { start: Date; end: Date };
  previousAsOf: Date;
};

/** The month a monthly report covers (the month of the period's first day) and the month before. */
export const monthWindowOf = (from: string, timeZone: string, now: Date): MonthWindow => {
  const month = from.slice(0, 7);
  const previousMonth = shiftStoreMonth(month, -1);
  const range = storeMonthBounds(month, timeZone);
  const previousRange = storeMonthBounds(previousMonth, timeZone);
  return {
    month,
    previousMonth,
    range,
    asOf: asOfInstant(range, now),
    previousRange,
    previousAsOf: asOfInstant(previousRange, now),
  };
};
