import { describe, expect, it } from 'vitest';
import { cardPrefixOf, cardSeriesCounts, cardYearOf, formatCardNumber, numberCards } from './card-number';

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

describe('numbering cards opened together (an import batch)', () => {
  const a26 = { prefix: 'A01', year: 2026 };
  const z26 = { prefix: 'Z99', year: 2026 };
  const a27 = { prefix: 'A01', year: 2027 };
  it.each([
    {
      name: 'one series continues after the block reserved for it, in file order',
      cards: [a26, a26, a26],
      reserved: [{ ...a26, lastSerial: 12 }],
      numbers: ['A01-26-0010', 'A01-26-0011', 'A01-26-0012'],
    },
    {
      name: 'several prefixes and a new year (cards dated either side of New Year in the store) interleave',
      cards: [a26, z26, a27, a26, z26],
      reserved: [
        { ...a26, lastSerial: 2 },
        { ...z26, lastSerial: 7 },
        { ...a27, lastSerial: 1 },
      ],
      numbers: ['A01-26-0001', 'Z99-26-0006', 'A01-27-0001', 'A01-26-0002', 'Z99-26-0007'],
    },
  ])('$name', ({ cards, reserved, numbers }) => {
    expect(numberCards(cards, reserved)).toEqual(numbers);
  });

  it('counts the cards each series needs, once per series', () => {
    expect(cardSeriesCounts([a26, z26, a26, a27])).toEqual([
      { ...a26, count: 2 },
      { ...z26, count: 1 },
      { ...a27, count: 1 },
    ]);
  });

  it('refuses to number a card whose series reserved nothing', () => {
    expect(() => numberCards([a26], [])).toThrow(/A01\/2026/);
  });
});
