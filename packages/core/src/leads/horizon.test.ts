import { describe, expect, it } from 'vitest';
import { horizonFromAdfTimeframe, horizonFromDate, horizonFromMonths, temperatureOf } from './horizon';

describe('purchase horizon tiers (seed 000)', () => {
  it.each([
    [0, 'm1'],
    [1, 'm1'],
    [2, 'm2_3'],
    [3, 'm2_3'],
    [4, 'm4_6'],
    [6, 'm4_6'],
    [7, 'm7_12'],
    [12, 'm7_12'],
    [13, 'm12_plus'],
  ] as const)('%i months is %s', (months, tier) => expect(horizonFromMonths(months)).toBe(tier));

  it.each([
    ['m1', 'hot'],
    ['m2_3', 'hot'],
    ['m4_6', 'warm'],
    ['m7_12', 'cold'],
    ['m12_plus', 'cold'],
  ] as const)('%s is %s', (tier, temperature) => expect(temperatureOf(tier)).toBe(temperature));

  it('reads a date across a month end: 31 Jan to 30 Apr is three months', () => {
    expect(horizonFromDate(new Date('2027-04-30T00:00:00Z'), new Date('2027-01-31T00:00:00Z'))).toBe('m2_3');
    expect(horizonFromDate(new Date('2027-02-28T00:00:00Z'), new Date('2027-01-31T00:00:00Z'))).toBe('m1');
  });
});

describe('ADF timeframe', () => {
  const now = new Date('2026-11-25T00:00:00Z');
  it.each([
    ['within 1 month', 'm1'],
    ['Immediately', 'm1'],
    ['1-3 months', 'm2_3'],
    ['3-6 months', 'm4_6'],
    ['6-12 months', 'm7_12'],
    ['1 year+', 'm12_plus'],
    ['over 12 months', 'm12_plus'],
    ['2 weeks', 'm1'],
    ['三个月内', undefined],
    ['3个月内', 'm2_3'],
    ['半年', undefined],
    ['1年以上', 'm12_plus'],
    ['Just looking', 'm12_plus'],
    ['', undefined],
  ] as const)('%j -> %s', (description, tier) => {
    expect(horizonFromAdfTimeframe({ description }, now)).toBe(tier);
  });

  it('prefers the latest date to the description', () => {
    expect(
      horizonFromAdfTimeframe(
        { description: 'just looking', latestDate: new Date('2027-01-10T00:00:00Z') },
        now,
      ),
    ).toBe('m2_3');
  });
});
