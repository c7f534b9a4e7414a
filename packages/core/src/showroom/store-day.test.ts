import { describe, expect, it } from 'vitest';
import { isStoreDate, nextStoreDate, storeDateOf, storeDayBounds } from './store-day';

describe("the store's calendar day of an instant", () => {
  it.each([
    // A visitor at 23:30 in Shanghai belongs to that day, though UTC has not reached midnight either.
    ['2026-11-25T15:30:00Z', 'Asia/Shanghai', '2026-11-25'],
    // 00:10 in Shanghai is the next day while UTC still shows the previous one.
    ['2026-11-25T16:10:00Z', 'Asia/Shanghai', '2026-11-26'],
    ['2026-11-25T15:59:59Z', 'Asia/Shanghai', '2026-11-25'],
    ['2026-11-25T16:00:00Z', 'Asia/Shanghai', '2026-11-26'],
    ['2026-12-31T16:30:00Z', 'Asia/Shanghai', '2027-01-01'],
    ['2026-11-25T02:00:00Z', 'Asia/Urumqi', '2026-11-25'],
    ['2026-11-25T03:00:00Z', 'America/New_York', '2026-11-24'],
    ['2026-11-25T23:30:00Z', 'UTC', '2026-11-25'],
  ])('%s in %s is %s', (iso, zone, date) => {
    expect(storeDateOf(new Date(iso), zone)).toBe(date);
  });
});

describe('the instants a store day spans', () => {
  it.each([
    ['2026-11-25', 'Asia/Shanghai', '2026-11-24T16:00:00.000Z', '2026-11-25T16:00:00.000Z'],
    ['2026-12-31', 'Asia/Shanghai', '2026-12-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z'],
    ['2026-02-28', 'Asia/Shanghai', '2026-02-27T16:00:00.000Z', '2026-02-28T16:00:00.000Z'],
    ['2026-11-25', 'UTC', '2026-11-25T00:00:00.000Z', '2026-11-26T00:00:00.000Z'],
    // DST: the spring day has 23 hours, the autumn day 25.
    ['2026-03-08', 'America/New_York', '2026-03-08T05:00:00.000Z', '2026-03-09T04:00:00.000Z'],
    ['2026-11-01', 'America/New_York', '2026-11-01T04:00:00.000Z', '2026-11-02T05:00:00.000Z'],
    // Where the clock jumps over midnight, the day starts at 01:00.
    ['2026-03-29', 'Asia/Beirut', '2026-03-28T22:00:00.000Z', '2026-03-29T21:00:00.000Z'],
  ])('%s in %s runs from %s to %s', (date, zone, start, end) => {
    const bounds = storeDayBounds(date, zone);
    expect(bounds.start.toISOString()).toBe(start);
    expect(bounds.end.toISOString()).toBe(end);
  });

  it('contains exactly the instants whose store day it is', () => {
    const { start, end } = storeDayBounds('2026-11-25', 'Asia/Shanghai');
    expect(storeDateOf(start, 'Asia/Shanghai')).toBe('2026-11-25');
    expect(storeDateOf(new Date(end.getTime() - 1), 'Asia/Shanghai')).toBe('2026-11-25');
    expect(storeDateOf(end, 'Asia/Shanghai')).toBe('2026-11-26');
  });
});

describe('calendar days', () => {
  it.each([
    ['2026-11-25', true],
    ['2028-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['2026-1-5', false],
    ['25/11/2026', false],
  ])('%s is a calendar day: %s', (value, valid) => {
    expect(isStoreDate(value)).toBe(valid);
  });

  it.each([
    ['2026-11-25', '2026-11-26'],
    ['2026-11-30', '2026-12-01'],
    ['2026-12-31', '2027-01-01'],
    ['2028-02-28', '2028-02-29'],
  ])('the day after %s is %s', (date, next) => {
    expect(nextStoreDate(date)).toBe(next);
  });
});
