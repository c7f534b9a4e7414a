/**
 * Calendar arithmetic in a store's time zone without a date library: due dates are "3 days later at
 * 18:00 in Shanghai", not "72 hours later in UTC". Uses only Intl, so it knows every IANA zone and DST.
 */
export type LocalDate = { year: number; month: number; day: number };

export type WallClock = LocalDate & { hour: number; minute: number; second: number };

const FORMATTERS = new Map<string, Intl.DateTimeFormat>();

/** The wall clock by Intl itself: the reference, a few tens of microseconds a call. */
const formattedWallClock = (instant: Date, timeZone: string): WallClock => {
  let formatter = FORMATTERS.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    FORMATTERS.set(timeZone, formatter);
  }
  const fields = formatter.formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(fields.find((p) => p.type === type)?.value);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
};

const HOUR = 3_600_000;
/** Zone offsets by UTC hour, per zone; NaN for an hour in which the zone changes its offset. */
const OFFSETS = new Map<string, Map<number, number>>();
const OFFSETS_KEPT = 20_000;

/** How far ahead of UTC the zone's wall clock is at a whole second (ms). */
const offsetAt = (ms: number, timeZone: string): number => {
  const c = formattedWallClock(new Date(ms), timeZone);
  return Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second) - ms;
};

/**
 * The zone's offset throughout the UTC hour of `ms`, or NaN when it changes within that hour. Zones
 * change their offset at most once in an hour, so an hour that starts and ends on the same offset
 * keeps it all through.
 */
const hourOffset = (ms: number, timeZone: string): number => {
  let offsets = OFFSETS.get(timeZone);
  if (!offsets) {
    offsets = new Map();
    OFFSETS.set(timeZone, offsets);
  }
  const hour = Math.floor(ms / HOUR);
  let offset = offsets.get(hour);
  if (offset === undefined) {
    const start = offsetAt(hour * HOUR, timeZone);
    offset = start === offsetAt(hour * HOUR + HOUR - 1000, timeZone) ? start : Number.NaN;
    if (offsets.size >= OFFSETS_KEPT) offsets.clear();
    offsets.set(hour, offset);
  }
  return offset;
};

/**
 * What the wall clock of the zone shows at an instant. Building an Intl formatter costs a hundred times
 * more than using one (a report over a store-year of visits spent 2 s building them), so there is one
 * per zone for the life of the process; and using one costs ~25 µs, which an export of 100,000 rows
 * pays 200,000 times, so the zone's offset is kept per UTC hour and the wall clock is plain arithmetic.
 * Instants outside 1900-2199 (and hours with a change of offset) ask Intl directly.
 */
export const wallClockOf = (instant: Date, timeZone: string): WallClock => {
  const ms = Math.floor(instant.getTime() / 1000) * 1000;
  if (!(ms >= -2_208_988_800_000 && ms < 7_258_118_400_000)) return formattedWallClock(instant, timeZone);
  const offset = hourOffset(ms, timeZone);
  if (Number.isNaN(offset)) return formattedWallClock(instant, timeZone);
  const wall = new Date(ms + offset);
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
  };
};

export const localDateOf = (instant: Date, timeZone: string): LocalDate => {
  const { year, month, day } = wallClockOf(instant, timeZone);
  return { year, month, day };
};

/** `YYYY-MM-DD` of an instant in the zone. */
export const localDateKey = (instant: Date, timeZone: string): string =>
  formatLocalDate(localDateOf(instant, timeZone));

export const formatLocalDate = ({ year, month, day }: LocalDate): string =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

export const parseLocalDate = (key: string): LocalDate => {
  const [year, month, day] = key.split('-').map(Number);
  return { year: year ?? 0, month: month ?? 1, day: day ?? 1 };
};

/** The instant when the wall clock in the zone shows this date and time. */
export const instantAt = (date: LocalDate, hour: number, minute: number, timeZone: string): Date => {
  const wanted = Date.UTC(date.year, date.month - 1, date.day, hour, minute);
  // Guess with the zone's offset at that moment, then correct once for a DST change in between.
  let guess = wanted;
  for (let i = 0; i < 2; i++) {
    const p = wallClockOf(new Date(guess), timeZone);
    const shown = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
    guess += wanted - shown;
  }
  return new Date(guess);
};

export const addDays = (date: LocalDate, days: number): LocalDate => {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
};

/** Calendar months, clamped to the month's last day: 31 Jan + 1 month = 28 (or 29) Feb. */
export const addMonths = (date: LocalDate, months: number): LocalDate => {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { year, month, day: Math.min(date.day, lastDay) };
};

export const compareLocalDates = (a: LocalDate, b: LocalDate): number =>
  a.year - b.year || a.month - b.month || a.day - b.day;
