import { wallClockOf } from '../shared/local-time';
/**
 * The showroom works by the store's calendar day, not UTC's: a visitor at 23:30 in Shanghai belongs to
 * that day although it is 15:30 UTC. Only Intl is used, so every IANA zone and its DST rules are known.
 */

/** `YYYY-MM-DD`: a calendar day of the store. */
export type StoreDate = string;

const STORE_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const wallClock = wallClockOf;

/** The store's calendar day of an instant. */
export const storeDateOf = (instant: Date, timeZone: string): StoreDate => {
  const { year, month, day } = wallClock(instant, timeZone);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};

/** Whether `YYYY-MM-DD` names a real calendar day (no 2026-02-30). */
export const isStoreDate = (value: string): boolean => {
  const match = STORE_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

/** The instant the store's clock shows 00:00 of this day (the first instant of it, on a DST day too). */
const midnightOf = (date: StoreDate, timeZone: string): Date => {
  const match = STORE_DATE.exec(date);
  if (!match || !isStoreDate(date)) throw new RangeError(`not a calendar day: ${date}`);
  const wanted = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  // Guess with the zone's offset, then correct once more in case a DST change lies in between.
  let guess = wanted;
  for (let i = 0; i < 3; i++) {
    const shown = wallClock(new Date(guess), timeZone);
    const shownUtc = Date.UTC(shown.year, shown.month - 1, shown.day, shown.hour, shown.minute, shown.second);
    if (shownUtc === wanted) break;
    guess += wanted - shownUtc;
  }
  // Where midnight does not exist (the clock jumps from 23:59 to 01:00), the day starts at the jump.
  if (storeDateOf(new Date(guess), timeZone) !== date) {
    while (storeDateOf(new Date(guess), timeZone) < date) guess += 60_000;
  }
  return new Date(guess);
};

/** The next calendar day: 2026-12-31 -> 2027-01-01. */
export const nextStoreDate = (date: StoreDate): StoreDate => {
  const match = STORE_DATE.exec(date);
  if (!match) throw new RangeError(`not a calendar day: ${date}`);
  const next = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + 1));
  return next.toISOString().slice(0, 10);
};

/** The UTC instants a store day spans: `start` inclusive, `end` exclusive (23, 24 or 25 hours). */
export const storeDayBounds = (date: StoreDate, timeZone: string): { start: Date; end: Date } => ({
  start: midnightOf(date, timeZone),
  end: midnightOf(nextStoreDate(date), timeZone),
});
