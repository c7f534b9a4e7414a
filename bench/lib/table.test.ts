import { describe, expect, it } from 'vitest';
import { formatMarkdown, formatNumber, formatTable, type Result, ratioOf, verdictOf } from './table';

const latency: Result = { benchmark: 'search p95', figure: 12.5, unit: 'ms', target: 50 };
const slow: Result = { benchmark: 'report', figure: 2500, unit: 'ms', target: 2000, note: 'median of 3' };
const rate: Result = { benchmark: 'intake ratio', figure: 0.4, unit: 'x', target: 0.5, higherIsBetter: true };
const missing: Result = { benchmark: 'soak', figure: null, unit: 'ms', target: 200, note: 'not built yet' };
const bare: Result = { benchmark: 'tps', figure: 4200, unit: 'tps', target: null };

describe('verdictOf and ratioOf', () => {
  it.each([
    [latency, 'met', 0.25],
    [slow, 'missed', 1.25],
    [rate, 'missed', 0.8],
    [{ ...rate, figure: 0.5 }, 'met', 1],
    [{ ...latency, figure: 50 }, 'met', 1],
    [missing, 'not measured', null],
    [bare, 'no target', null],
    // A target of zero (errors): met only at zero, and no ratio to divide by.
    [{ benchmark: 'soak: errors', figure: 0, unit: 'errors', target: 0 }, 'met', null],
    [{ benchmark: 'soak: errors', figure: 1, unit: 'errors', target: 0 }, 'missed', null],
  ] as const)('%j is %s at ratio %s', (result, verdict, ratio) => {
    expect(verdictOf(result)).toBe(verdict);
    expect(ratioOf(result)).toBe(ratio);
  });
});

describe('formatNumber', () => {
  it.each([
    [1234.4, '1,234'],
    [123.4, '123'],
    [12.34, '12.3'],
    [1.234, '1.23'],
    [0, '0.00'],
  ])('%d as %s', (n, text) => {
    expect(formatNumber(n)).toBe(text);
  });
});

describe('formatTable', () => {
  it('lines up every column under its header and says "not measured" instead of a figure', () => {
    const lines = formatTable([latency, slow, missing]).split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/^benchmark\s+figure\s+target\s+ratio \/ verdict\s+note$/);
    const at = (line: string | undefined, text: string) => line?.indexOf(text);
    expect(at(lines[2], '12.5 ms')).toBe(at(lines[0], 'figure'));
    expect(at(lines[3], '2,500 ms')).toBe(at(lines[0], 'figure'));
    expect(at(lines[3], '<= 2,000 ms')).toBe(at(lines[0], 'target'));
    expect(at(lines[3], '1.25x missed')).toBe(at(lines[0], 'ratio'));
    expect(lines[4]).toMatch(/^soak\s+not measured\s+<= 200 ms\s+not measured\s+not built yet$/);
  });
});

describe('a whole-number result', () => {
  it('prints a count and its target without decimals and the verdict without a ratio', () => {
    const errors: Result = {
      benchmark: 'soak: errors',
      figure: 1234,
      unit: 'errors',
      target: 0,
      whole: true,
    };
    expect(
      formatMarkdown([errors, { ...errors, figure: 0 }])
        .split('\n')
        .slice(2),
    ).toEqual([
      '| soak: errors | 1,234 errors | <= 0 errors | missed |  |',
      '| soak: errors | 0 errors | <= 0 errors | met |  |',
    ]);
  });
});

describe('formatMarkdown', () => {
  it('writes a header, a rule and one row per result, with >= for rates', () => {
    expect(formatMarkdown([rate, bare]).split('\n')).toEqual([
      '| benchmark | figure | target | ratio / verdict | note |',
      '| --- | --- | --- | --- | --- |',
      '| intake ratio | 0.40 x | >= 0.50 x | 0.80x missed |  |',
      '| tps | 4,200 tps | - | no target |  |',
    ]);
  });
});
