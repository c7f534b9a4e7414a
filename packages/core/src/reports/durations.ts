/**
 * Summaries of durations for the quality reports (defeat approval time, first response time).
 *
 * - median: the middle value of the sorted list; with an even count, the mean of the two middle ones;
 * - average: the arithmetic mean;
 * - percentile p (nearest rank): the value at rank ceil(p/100 * n) of the sorted list (1-based), so
 *   p90 of 10 values is the 9th, of 11 values the 10th;
 * - every summary of an empty list is null (nothing to summarise, not 0);
 * - results are rounded to `decimals` places (default 1).
 */

const round = (value: number, decimals: number): number => {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
};

const sorted = (values: readonly number[]): number[] => [...values].sort((a, b) => a - b);

export const medianOf = (values: readonly number[], decimals = 1): number | null => {
  if (values.length === 0) return null;
  const s = sorted(values);
  const mid = Math.floor(s.length / 2);
  const value = s.length % 2 === 1 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
  return round(value, decimals);
};

export const averageOf = (values: readonly number[], decimals = 1): number | null =>
  values.length === 0 ? null : round(values.reduce((sum, v) => sum + v, 0) / values.length, decimals);

export const percentileOf = (values: readonly number[], p: number, decimals = 1): number | null => {
  if (values.length === 0) return null;
  const s = sorted(values);
  const rank = Math.min(s.length, Math.max(1, Math.ceil((p / 100) * s.length)));
  return round(s[rank - 1] ?? 0, decimals);
};

/** Whole minutes and hours between two instants, as fractions (not floored). */
export const minutesBetween = (from: Date, to: Date): number => (to.getTime() - from.getTime()) / 60_000;
export const hoursBetween = (from: Date, to: Date): number => (to.getTime() - from.getTime()) / 3_600_000;
