import { describe, expect, it } from 'vitest';
import { addDays, addMonths, instantAt, localDateKey, localDateOf, wallClockOf } from './local-time';

describe('local time', () => {
  it('reads the local date: 16:30 UTC is already tomorrow in Shanghai', () => {
    expect(localDateKey(new Date('2026-11-25T16:30:00Z'), 'Asia/Shanghai')).toBe('2026-11-26');
    expect(localDateKey(new Date('2026-11-25T16:30:00Z'), 'UTC')).toBe('2026-11-25');
  });

  it('finds the instant of a wall-clock time', () => {
    expect(instantAt({ year: 2026, month: 11, day: 26 }, 18, 0, 'Asia/Shanghai').toISOString()).toBe(
      '2026-11-26T10:00:00.000Z',
    );
  });

  it('handles a zone with daylight saving: 18:00 in Berlin in July and in January', () => {
    expect(instantAt({ year: 2026, month: 7, day: 1 }, 18, 0, 'Europe/Berlin').toISOString()).toBe(
      '2026-07-01T16:00:00.000Z',
    );
    expect(instantAt({ year: 2026, month: 1, day: 15 }, 18, 0, 'Europe/Berlin').toISOString()).toBe(
      '2026-01-15T17:00:00.000Z',
    );
  });

  it('adds days across a month and a year end', () => {
    expect(addDays({ year: 2026, month: 12, day: 30 }, 3)).toEqual({ year: 2027, month: 1, day: 2 });
    expect(addDays({ year: 2028, month: 2, day: 28 }, 1)).toEqual({ year: 2028, month: 2, day: 29 });
  });

  it.each([
    [{ year: 2027, month: 1, day: 31 }, 1, { year: 2027, month: 2, day: 28 }],
    [{ year: 2028, month: 1, day: 31 }, 1, { year: 2028, month: 2, day: 29 }],
    [{ year: 2026, month: 11, day: 30 }, 3, { year: 2027, month: 2, day: 28 }],
    [{ year: 2026, month: 8, day: 31 }, 3, { year: 2026, month: 11, day: 30 }],
    [{ year: 2026, month: 3, day: 15 }, -3, { year: 2025, month: 12, day: 15 }],
  ])('%j + %i months is %j (clamped to the month end)', (date, months, expected) => {
    expect(addMonths(date, months)).toEqual(expected);
  });

  it('round-trips', () => {
    const instant = new Date('2026-11-25T03:04:00Z');
    expect(localDateOf(instant, 'Asia/Shanghai')).toEqual({ year: 2026, month: 11, day: 25 });
  });

  it('reads the wall clock as Intl does, across changes of offset (whole, half and quarter hours)', () => {
    const formatters = new Map<string, Intl.DateTimeFormat>();
    const intl = (instant: Date, timeZone: string) => {
      const formatter =
        formatters.get(timeZone) ??
        new Intl.DateTimeFormat('en-US', {
          timeZone,
          hourCycle: 'h23',
          year: 'numeric',
          month: 'numeric',
          day: 'numeric',
          hour: 'numeric',
          minute: 'numeric',
          second: 'numeric',
        });
      formatters.set(timeZone, formatter);
      const parts = formatter.formatToParts(instant);
      const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
      return {
        year: get('year'),
        month: get('month'),
        day: get('day'),
        hour: get('hour'),
        minute: get('minute'),
        second: get('second'),
      };
    };
    const zones = [
      'Asia/Shanghai',
      'Europe/Berlin',
      'America/New_York',
      // -3:30: its clocks change at 05:30 UTC, within a UTC hour.
      'America/St_Johns',
      'Australia/Lord_Howe',
      'Asia/Kathmandu',
    ];
    // Every 7 minutes 13 seconds through the days around the changes of offset of these zones in 2026.
    const starts = [
      '2026-03-08T00:00:00Z',
      '2026-03-28T20:00:00Z',
      '2026-04-04T10:00:00Z',
      '2026-10-24T20:00:00Z',
    ];
    for (const timeZone of zones) {
      for (const start of starts) {
        for (let ms = Date.parse(start); ms < Date.parse(start) + 2 * 86_400_000; ms += 433_000) {
          const instant = new Date(ms);
          expect(wallClockOf(instant, timeZone), `${instant.toISOString()} ${timeZone}`).toEqual(
            intl(instant, timeZone),
          );
        }
      }
      // Before 1900 and after 2199: read by Intl directly.
      for (const iso of ['1850-06-01T12:34:56Z', '2250-06-01T12:34:56Z', '1901-01-01T00:00:00Z'])
        expect(wallClockOf(new Date(iso), timeZone)).toEqual(intl(new Date(iso), timeZone));
    }
  });
});
