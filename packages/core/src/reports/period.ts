/**
 * The period of a report (issue 6). A report is asked for store-local calendar days, `from` and `to`
 * both included (`YYYY-MM-DD`); the database holds UTC instants. These functions turn the days into the
 * half-open UTC range [start, end) of the store's time zone, name the previous period (the same number
 * of days just before `from`) and the calendar month a day belongs to. Pure: no clock reads.
 */

import { wallClockOf } from '../shared/local-time';
import {
  isStoreDate,
  nextStoreDate,
  type StoreDate,
  storeDateOf,
  storeDayBounds,
} from '../showroom/store-day';

/** Store-local calendar days, both included. */
export type ReportPeriod = { from: StoreDate; to: StoreDate };

/** UTC instants: `start` included, `end` excluded. */
export type InstantRange = { start: Date; end: Date };

const DAY_MS = 86_400_000;

const utcDay = (date: StoreDate): number => Date.parse(`${date}T00:00:00Z`);

const dateOfUtcDay = (ms: number): StoreDate => new Date(ms).toISOString().slice(0, 10);

/** Whether both ends are calendar days and `from` is not after `to`. */
export const isReportPeriod = (period: ReportPeriod): boolean =>
  isStoreDate(period.from) && isStoreDate(period.to) && period.from <= period.to;

/** How many calendar days the period spans (1 for a single day). */
export const periodDays = (period: ReportPeriod): number =>
  Math.round((utcDay(period.to) - utcDay(period.from)) / DAY_MS) + 1;

/** The calendar day `days` after (or before, when negative) a day. */
export const shiftStoreDate = (date: StoreDate, days: number): StoreDate =>
  dateOfUtcDay(utcDay(date) + days * DAY_MS);

/** The same number of days just before `from`: 1-30 Nov -> 2-31 Oct; one day -> the day before. */
export const previousPeriod = (period: ReportPeriod): ReportPeriod => {
  const days = periodDays(period);
  return { from: shiftStoreDate(period.from, -days), to: shiftStoreDate(period.from, -1) };
};

/** The UTC instants the period covers in the store's zone: from 00:00 of `from` to 00:00 after `to`. */
export const periodRange = (period: ReportPeriod, timeZone: string): InstantRange => ({
  start: storeDayBounds(period.from, timeZone).start,
  end: storeDayBounds(nextStoreDate(period.to), timeZone).start,
});

/** Whether an instant falls in the range ([start, end)). */
export const inRange = (at: Date | null | undefined, range: InstantRange): boolean =>
  at != null && at.getTime() >= range.start.getTime() && at.getTime() < range.end.getTime();

/** `YYYY-MM` of a store day. */
export type StoreMonth = string;

/** The first and last day of a calendar month (`2026-02` -> 2026-02-01 .. 2026-02-28). */
export const monthBounds = (month: StoreMonth): ReportPeriod => {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, mon, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
};

/** The month of a store day. */
export const monthOf = (date: StoreDate): StoreMonth => date.slice(0, 7);

/** The month before (`2026-01` -> `2025-12`). */
export const previousMonth = (month: StoreMonth): StoreMonth => {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  return mon === 1 ? `${year - 1}-12` : `${year}-${String(mon - 1).padStart(2, '0')}`;
};

/** Granularity of a "by period" breakdown. */
export type PeriodBucket = 'day' | 'week' | 'month';

/**
 * The bucket an instant falls in, by the store's calendar: the day (`2026-11-25`), the Monday that
 * starts its ISO week (`2026-11-23`), or the month (`2026-11`).
 */
export const bucketOf = (at: Date, timeZone: string, bucket: PeriodBucket): string =>
  bucketOfDay(storeDateOf(at, timeZone), bucket);

/** The bucket a store day falls in (bucketOf for a day already read on the store's calendar). */
export const bucketOfDay = (day: StoreDate, bucket: PeriodBucket): string => {
  if (bucket === 'day') return day;
  if (bucket === 'month') return monthOf(day);
  const weekday = new Date(utcDay(day)).getUTCDay(); // 0 = Sunday
  return shiftStoreDate(day, -((weekday + 6) % 7));
};

/** Hour of day (0-23) and ISO weekday (1 = Monday .. 7 = Sunday) of an instant on the store's clock. */
export const storeClockOf = (at: Date, timeZone: string): { hour: number; weekday: number } => {
  const { hour } = wallClockOf(at, timeZone);
  const weekday = new Date(utcDay(storeDateOf(at, timeZone))).getUTCDay();
  return { hour, weekday: weekday === 0 ? 7 : weekday };
};

/** A ratio in [0, 1] rounded to 4 places, or null when there is nothing to divide by. */
export const rate = (numerator: number, denominator: number): number | null =>
  denominator > 0 ? Math.round((numerator / denominator) * 10_000) / 10_000 : null;
