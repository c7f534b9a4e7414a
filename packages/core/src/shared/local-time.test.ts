import { describe, expect, it } from 'vitest';
import { addDays, addMonths, instantAt, localDateKey, localDateOf } from './local-time';

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
});
