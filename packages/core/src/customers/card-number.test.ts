import { describe, expect, it } from 'vitest';
import { cardPrefixOf, cardYearOf, formatCardNumber } from './card-number';

describe('card number', () => {
  it.each([
    ['A01', 2026, 1, 'A01-26-0001'],
    ['A01', 2007, 42, 'A01-07-0042'],
    ['B12', 2030, 12345, 'B12-30-12345'],
  ])('%s, %i, serial %i is %s', (prefix, year, serial, expected) => {
    expect(formatCardNumber(prefix, year, serial)).toBe(expected);
  });

  it('uses the pool code for a customer without a consultant', () => {
    expect(cardPrefixOf(null)).toBe('Z99');
    expect(cardPrefixOf('A02')).toBe('A02');
  });

  it("takes the year from the store's calendar: 31 Dec 17:00 UTC is already New Year in Shanghai", () => {
    const instant = new Date('2026-12-31T17:00:00Z');
    expect(cardYearOf(instant, 'Asia/Shanghai')).toBe(2027);
    expect(cardYearOf(instant, 'UTC')).toBe(2026);
  });
});
