import { describe, expect, it } from 'vitest';
import { averageOf, medianOf, percentileOf } from './durations';

describe('duration summaries', () => {
  it.each([
    [[], null, null, null],
    [[5], 5, 5, 5],
    [[10, 30, 90, 240], 60, 92.5, 240],
    [[24, 2, 10, 6.5, 4], 6.5, 9.3, 24],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5.5, 5.5, 9],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 6, 6, 10],
  ])('%j: median %s, average %s, p90 %s', (values, median, average, p90) => {
    expect(medianOf(values)).toBe(median);
    expect(averageOf(values)).toBe(average);
    expect(percentileOf(values, 90)).toBe(p90);
  });
});
