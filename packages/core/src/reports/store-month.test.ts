import { describe, expect, it } from 'vitest';
import {
  asOfInstant,
  isStoreMonth,
  monthWindowOf,
  shiftStoreMonth,
  storeMonthBounds,
  storeMonthOf,
} from './store-month';

describe('store months', () => {
  it.each([
    ['2026-11', true],
    ['2026-1', false],
    ['2026-13', false],
    ['2026-00', false],
    ['26-11', false],
  ])('%s is a month: %s', (value, ok) => {
    expect(isStoreMonth(value)).toBe(ok);
  });

  it.each([
    ['2026-11', 1, '2026-12'],
    ['2026-12', 1, '2027-01'],
    ['2027-01', -1, '2026-12'],
    ['2026-03', -14, '2025-01'],
  ])('%s %+d months is %s', (month, delta, expected) => {
    expect(shiftStoreMonth(month, delta)).toBe(expected);
  });

  it.each([
    // Shanghai is UTC+8 all year: the month starts at 16:00 UTC on the last day of the month before.
    ['2026-11', 'Asia/Shanghai', '2026-10-31T16:00:00.000Z', '2026-11-30T16:00:00.000Z'],
    ['2026-12', 'Asia/Shanghai', '2026-11-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z'],
    // Berlin leaves summer time on 25 Oct 2026: October starts at UTC+2, November at UTC+1.
    ['2026-10', 'Europe/Berlin', '2026-09-30T22:00:00.000Z', '2026-10-31T23:00:00.000Z'],
  ])('%s in %s spans [%s, %s)', (month, zone, start, end) => {
    const bounds = storeMonthBounds(month, zone);
    expect(bounds.start.toISOString()).toBe(start);
    expect(bounds.end.toISOString()).toBe(end);
  });

  it.each([
    ['2026-11-30T15:59:59Z', '2026-11'],
    ['2026-11-30T16:00:00Z', '2026-12'],
    ['2026-12-31T16:00:00Z', '2027-01'],
  ])('%s is in store month %s in Shanghai', (instant, month) => {
    expect(storeMonthOf(new Date(instant), 'Asia/Shanghai')).toBe(month);
  });

  const nov = storeMonthBounds('2026-11', 'Asia/Shanghai');
  it.each([
    ['a month over stands at its end', '2026-12-05T00:00:00Z', '2026-11-30T16:00:00.000Z'],
    ['a month running stands now', '2026-11-16T00:00:00Z', '2026-11-16T00:00:00.000Z'],
    ['a month not begun stands at its start', '2026-10-20T00:00:00Z', '2026-10-31T16:00:00.000Z'],
  ])('%s', (_name, now, asOf) => {
    expect(asOfInstant(nov, new Date(now)).toISOString()).toBe(asOf);
  });

  it('a monthly report covers the month of its first day and compares with the month before', () => {
    const w = monthWindowOf('2027-01-15', 'Asia/Shanghai', new Date('2027-01-20T00:00:00Z'));
    expect(w.month).toBe('2027-01');
    expect(w.previousMonth).toBe('2026-12');
    expect(w.range.start.toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(w.asOf.toISOString()).toBe('2027-01-20T00:00:00.000Z');
    expect(w.previousRange.start.toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(w.previousAsOf.toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });
});
