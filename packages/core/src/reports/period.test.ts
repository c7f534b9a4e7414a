import { describe, expect, it } from 'vitest';
import {
  bucketOf,
  inRange,
  isReportPeriod,
  monthBounds,
  periodDays,
  periodRange,
  previousMonth,
  previousPeriod,
  rate,
  storeClockOf,
} from './period';

describe('the previous period: the same number of days just before `from`', () => {
  it.each([
    // A calendar month of 30 days -> the 30 days before it (2 Oct .. 31 Oct), not "October".
    ['2026-11-01', '2026-11-30', 30, '2026-10-02', '2026-10-31'],
    // One day -> the day before, across a month end and a year end.
    ['2026-12-01', '2026-12-01', 1, '2026-11-30', '2026-11-30'],
    ['2027-01-01', '2027-01-01', 1, '2026-12-31', '2026-12-31'],
    // A week crossing February's end in a leap year.
    ['2028-03-01', '2028-03-07', 7, '2028-02-23', '2028-02-29'],
    // February (28 days) -> the 28 days before it.
    ['2026-02-01', '2026-02-28', 28, '2026-01-04', '2026-01-31'],
  ])('%s..%s (%i days) follows %s..%s', (from, to, days, prevFrom, prevTo) => {
    expect(periodDays({ from, to })).toBe(days);
    const previous = previousPeriod({ from, to });
    expect(previous).toEqual({ from: prevFrom, to: prevTo });
    expect(periodDays(previous)).toBe(days);
  });
});

describe('a period as UTC instants in the store zone', () => {
  it.each([
    // Shanghai is UTC+8 all year: the store day starts at 16:00 UTC the day before.
    ['2026-11-01', '2026-11-30', 'Asia/Shanghai', '2026-10-31T16:00:00.000Z', '2026-11-30T16:00:00.000Z'],
    ['2026-12-31', '2026-12-31', 'Asia/Shanghai', '2026-12-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z'],
    ['2026-11-25', '2026-11-25', 'UTC', '2026-11-25T00:00:00.000Z', '2026-11-26T00:00:00.000Z'],
    // A period over the autumn DST change in New York: starts at -04:00, ends at -05:00.
    ['2026-10-31', '2026-11-01', 'America/New_York', '2026-10-31T04:00:00.000Z', '2026-11-02T05:00:00.000Z'],
  ])('%s..%s in %s is [%s, %s)', (from, to, zone, start, end) => {
    const range = periodRange({ from, to }, zone);
    expect(range.start.toISOString()).toBe(start);
    expect(range.end.toISOString()).toBe(end);
  });

  it('counts a visit at 23:30 Shanghai on the last day in, and 00:10 the next day out', () => {
    const range = periodRange({ from: '2026-11-01', to: '2026-11-30' }, 'Asia/Shanghai');
    expect(inRange(new Date('2026-11-30T15:30:00Z'), range)).toBe(true);
    expect(inRange(new Date('2026-11-30T16:10:00Z'), range)).toBe(false);
    expect(inRange(new Date('2026-10-31T16:00:00Z'), range)).toBe(true);
    expect(inRange(new Date('2026-10-31T15:59:59Z'), range)).toBe(false);
    expect(inRange(null, range)).toBe(false);
  });

  it('refuses periods that end before they start or name no calendar day', () => {
    expect(isReportPeriod({ from: '2026-11-02', to: '2026-11-01' })).toBe(false);
    expect(isReportPeriod({ from: '2026-02-01', to: '2026-02-30' })).toBe(false);
    expect(isReportPeriod({ from: '2026-11-01', to: '2026-11-01' })).toBe(true);
  });
});

describe('month bounds', () => {
  it.each([
    ['2026-02', '2026-02-01', '2026-02-28'],
    ['2028-02', '2028-02-01', '2028-02-29'],
    ['2026-12', '2026-12-01', '2026-12-31'],
    ['2026-04', '2026-04-01', '2026-04-30'],
  ])('%s runs %s..%s', (month, from, to) => {
    expect(monthBounds(month)).toEqual({ from, to });
  });

  it('names the month before, across a year end', () => {
    expect(previousMonth('2026-01')).toBe('2025-12');
    expect(previousMonth('2026-11')).toBe('2026-10');
  });
});

describe('buckets and the store clock', () => {
  it.each([
    // 2026-11-30 15:30 UTC is Monday 30 Nov 23:30 in Shanghai; 16:30 UTC is already Tuesday 1 Dec.
    ['2026-11-30T15:30:00Z', 'day', '2026-11-30'],
    ['2026-11-30T16:30:00Z', 'day', '2026-12-01'],
    ['2026-11-30T16:30:00Z', 'month', '2026-12'],
    ['2026-11-30T15:30:00Z', 'month', '2026-11'],
    // Week buckets start on Monday: Sunday 29 Nov belongs to the week of Monday 23 Nov.
    ['2026-11-29T10:00:00Z', 'week', '2026-11-23'],
    ['2026-11-30T10:00:00Z', 'week', '2026-11-30'],
  ] as const)('%s falls in %s bucket %s (Shanghai)', (iso, bucket, key) => {
    expect(bucketOf(new Date(iso), 'Asia/Shanghai', bucket)).toBe(key);
  });

  it.each([
    ['2026-11-30T15:30:00Z', 23, 1],
    ['2026-11-30T16:30:00Z', 0, 2],
    ['2026-11-29T02:00:00Z', 10, 7],
  ])('%s is %i h on weekday %i in Shanghai', (iso, hour, weekday) => {
    expect(storeClockOf(new Date(iso), 'Asia/Shanghai')).toEqual({ hour, weekday });
  });

  it('divides, or says there is nothing to divide by', () => {
    expect(rate(1143, 1682)).toBe(0.6795);
    expect(rate(0, 0)).toBeNull();
    expect(rate(3, 3)).toBe(1);
  });
});
