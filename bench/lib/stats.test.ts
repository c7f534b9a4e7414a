import { describe, expect, it } from 'vitest';
import { percentile, summarize, timeSequential } from './stats';

describe('percentile (nearest rank)', () => {
  it.each([
    [[5], 50, 5],
    [[5], 99, 5],
    [[1, 2, 3, 4], 50, 2],
    [[1, 2, 3, 4], 75, 3],
    [[1, 2, 3, 4], 76, 4],
    [[4, 3, 2, 1], 100, 4],
    [[10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 95, 100],
    [[10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 90, 90],
    [[10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 10, 10],
  ])('of %j at p%d is %d', (samples, p, expected) => {
    expect(percentile(samples, p)).toBe(expected);
  });

  it('does not reorder the caller samples', () => {
    const samples = [3, 1, 2];
    percentile(samples, 50);
    expect(samples).toEqual([3, 1, 2]);
  });

  it('refuses no samples and a p outside (0, 100]', () => {
    expect(() => percentile([], 50)).toThrow(/no samples/);
    expect(() => percentile([1], 0)).toThrow(/0 < p <= 100/);
    expect(() => percentile([1], 101)).toThrow(/0 < p <= 100/);
  });
});

describe('summarize', () => {
  it('gives the count, p50, p95, p99 and max of 1..100', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(summarize(samples)).toEqual({ n: 100, p50: 50, p95: 95, p99: 99, max: 100 });
  });
});

describe('timeSequential', () => {
  it('runs the warm-up unmeasured, then one sample per timed run, one after the other', async () => {
    const calls: number[] = [];
    let running = 0;
    const samples = await timeSequential(
      async (i) => {
        running += 1;
        expect(running).toBe(1);
        calls.push(i);
        await new Promise((resolve) => setTimeout(resolve, 2));
        running -= 1;
      },
      3,
      2,
    );
    expect(calls).toEqual([0, 1, 0, 1, 2]);
    expect(samples).toHaveLength(3);
    for (const ms of samples) expect(ms).toBeGreaterThan(1);
  });
});
