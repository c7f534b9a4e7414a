import { instantAt } from '@qianke/core/shared/local-time';

/**
 * Date pickers work in the browser's clock; the store's tasks in the store's time zone. A picked
 * "2027-02-04 09:30" means 09:30 in the store, wherever the browser is.
 */
export const WALL_CLOCK_FORMAT = 'YYYY-MM-DD HH:mm';

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD HH:mm` of an instant in the store's time zone. */
export const toWallClock = (iso: string, timeZone: string): string => {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(new Date(iso));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return `${get('year')}-${pad(get('month'))}-${pad(get('day'))} ${pad(get('hour'))}:${pad(get('minute'))}`;
};

/** The instant (ISO, with offset) when the store's wall clock shows `YYYY-MM-DD HH:mm`. */
export const fromWallClock = (wall: string, timeZone: string): string | undefined => {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(wall);
  if (!match) return undefined;
  const [, year, month, day, hour, minute] = match.map(Number);
  return instantAt(
    { year: year ?? 0, month: month ?? 1, day: day ?? 1 },
    hour ?? 0,
    minute ?? 0,
    timeZone,
  ).toISOString();
};
