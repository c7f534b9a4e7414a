import { instantAt, parseLocalDate } from '@qianke/core/shared/local-time';
import { storeDateOf } from '@qianke/core/showroom/store-day';

/** `YYYY-MM-DD` of today in the store. */
export const storeToday = (timeZone: string, now = new Date()): string => storeDateOf(now, timeZone);

/** A wall-clock value of a datetime-local input (`2026-11-26T10:00`) read on the store's clock. */
export const storeInstant = (local: string, timeZone: string): Date | undefined => {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/.exec(local);
  if (!match) return undefined;
  return instantAt(parseLocalDate(match[1] ?? ''), Number(match[2]), Number(match[3]), timeZone);
};

/** `10:00` on the store's clock. */
export const storeClock = (iso: string, timeZone: string): string =>
  new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(iso),
  );

/** `10:00–11:00` on the store's clock. */
export const storeSlot = (drive: { startsAt: string; endsAt: string }, timeZone: string): string =>
  `${storeClock(drive.startsAt, timeZone)}–${storeClock(drive.endsAt, timeZone)}`;

/** The date and the start and end of a booking on the store's clock, e.g. for a clash message. */
export const storeSlotParts = (
  drive: { startsAt: string; endsAt: string },
  timeZone: string,
): { date: string; from: string; to: string } => ({
  date: storeDateOf(new Date(drive.startsAt), timeZone),
  from: storeClock(drive.startsAt, timeZone),
  to: storeClock(drive.endsAt, timeZone),
});
