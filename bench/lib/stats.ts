/** Latency statistics of a list of samples (milliseconds), by the nearest-rank method. */
export const percentile = (samples: readonly number[], p: number): number => {
  if (samples.length === 0) throw new Error('percentile of no samples');
  if (!(p > 0 && p <= 100)) throw new Error(`percentile takes 0 < p <= 100, not ${p}`);
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.max(0, rank - 1)] as number;
};

export type Summary = { n: number; p50: number; p95: number; p99: number; max: number };

export const summarize = (samples: readonly number[]): Summary => ({
  n: samples.length,
  p50: percentile(samples, 50),
  p95: percentile(samples, 95),
  p99: percentile(samples, 99),
  max: Math.max(...samples),
});

/** Runs `work` `count` times one after the other (after `warmup` unmeasured runs); the wall time of each, ms. */
export const timeSequential = async (
  work: (i: number) => Promise<void>,
  count: number,
  warmup = Math.min(5, count),
): Promise<number[]> => {
  for (let i = 0; i < warmup; i++) await work(i);
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await work(i);
    samples.push(performance.now() - started);
  }
  return samples;
};
