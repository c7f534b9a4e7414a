import { instantAt, parseLocalDate } from '@qianke/core/shared/local-time';
import { storeDateOf } from '@qianke/core/showroom/store-day';

/** A datetime-local value (`2026-11-26T10:00`) read on the store's clock, as an ISO instant. */
export const storeInstantIso = (local: string, timeZone: string): string | undefined => {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/.exec(local);
  if (!match) return undefined;
  return instantAt(
    parseLocalDate(match[1] ?? ''),
    Number(match[2]),
    Number(match[3]),
    timeZone,
  ).toISOString();
};

/** `YYYY-MM-DD` of today in the store. */
export const storeToday = (timeZone: string, now = new Date()): string => storeDateOf(now, timeZone);
