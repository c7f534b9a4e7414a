import { addDays, instantAt, localDateOf } from '../shared/local-time';

/**
 * An unassigned lead raises an alert to the manager after a number of minutes counted in opening
 * hours only (default 30): a portal lead at 22:00 alerts at 09:30 the next morning, not at 22:30.
 */
export type OpeningHours = { opensAt: string; closesAt: string; timeZone: string };

const hm = (text: string) => {
  const [h = 0, m = 0] = text.split(':').map(Number);
  return { h, m };
};

/** Opening hours must open before they close on the same day ('HH:MM', local time). */
export const openingHoursProblem = (hours: { opensAt: string; closesAt: string }): string | undefined => {
  const open = hm(hours.opensAt);
  const close = hm(hours.closesAt);
  return open.h * 60 + open.m < close.h * 60 + close.m
    ? undefined
    : 'The store must open before it closes (same day).';
};

/** Minutes of opening hours between two instants. */
export const openingMinutesBetween = (from: Date, to: Date, hours: OpeningHours): number => {
  if (to <= from) return 0;
  const open = hm(hours.opensAt);
  const close = hm(hours.closesAt);
  let day = localDateOf(from, hours.timeZone);
  let total = 0;
  for (let i = 0; i < 400; i++) {
    const start = instantAt(day, open.h, open.m, hours.timeZone);
    if (start >= to) break;
    const end = instantAt(day, close.h, close.m, hours.timeZone);
    const a = Math.max(start.getTime(), from.getTime());
    const b = Math.min(end.getTime(), to.getTime());
    if (b > a) total += (b - a) / 60_000;
    day = addDays(day, 1);
  }
  return Math.floor(total);
};

export const isUnassignedTooLong = (
  createdAt: Date,
  now: Date,
  limitMinutes: number,
  hours: OpeningHours,
): boolean => openingMinutesBetween(createdAt, now, hours) >= limitMinutes;
