import { describe, expect, it } from 'vitest';
import { consultantsOf, kindAt, SOAK_MIX, shareOf } from './soak';

describe('SOAK_MIX', () => {
  const share = (kinds: readonly string[]) =>
    SOAK_MIX.filter(([kind]) => kinds.includes(kind)).reduce((sum, [, weight]) => sum + weight, 0);

  it("is issue 7's mix: 80% reads, 15% updates, 5% intake", () => {
    expect(share(['today', 'counts', 'search', 'card', 'timeline', 'history', 'report'])).toBe(80);
    expect(share(['log', 'edit', 'plan'])).toBe(15);
    expect(share(['intake'])).toBe(5);
    expect(share(SOAK_MIX.map(([kind]) => kind))).toBe(100);
  });
});

describe('kindAt', () => {
  const mix = [
    ['a', 80],
    ['b', 15],
    ['c', 5],
  ] as const;

  it.each([
    [0, 'a'],
    [0.7999, 'a'],
    [0.8, 'b'],
    [0.9499, 'b'],
    [0.95, 'c'],
    [0.999_999_999, 'c'],
  ] as const)('puts a roll of %d on %s', (roll, kind) => {
    expect(kindAt(mix, roll)).toBe(kind);
  });

  it('gives each kind its weight of evenly spread rolls', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 10_000; i++) {
      const kind = kindAt(SOAK_MIX, (i + 0.5) / 10_000);
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
    }
    for (const [kind, weight] of SOAK_MIX) expect(counts.get(kind)).toBe(weight * 100);
  });

  it('refuses a roll outside [0, 1) and an empty mix', () => {
    expect(() => kindAt(mix, 1)).toThrow(/\[0, 1\)/);
    expect(() => kindAt(mix, -0.1)).toThrow(/\[0, 1\)/);
    expect(() => kindAt([], 0.5)).toThrow(/empty mix/);
  });
});

describe('shareOf', () => {
  const ids = Array.from(
    { length: 2000 },
    (_, i) => `019a${String(i).padStart(4, '0')}-0000-7000-8000-000000000000`,
  );

  it('gives the same customer to the same virtual user every time', () => {
    for (const id of ids.slice(0, 50)) expect(shareOf(id, 5)).toBe(shareOf(id, 5));
  });

  it('spreads customers over every sharer, none left without work', () => {
    const counts = [0, 0, 0, 0, 0];
    for (const id of ids) counts[shareOf(id, 5)] = (counts[shareOf(id, 5)] ?? 0) + 1;
    for (const n of counts) expect(n).toBeGreaterThan(300);
    expect(ids.every((id) => shareOf(id, 1) === 0)).toBe(true);
  });
});

describe('consultantsOf', () => {
  it("names the generator's ten consultants of each store", () => {
    const names = consultantsOf(2);
    expect(names).toHaveLength(20);
    expect(names.slice(0, 2)).toEqual(['b01-c01', 'b01-c02']);
    expect(names.slice(9, 11)).toEqual(['b01-c10', 'b02-c01']);
  });
});
