/** The levels of a progress table's counts, O (order) first, then never graded. */
export const COUNT_LEVELS = ['O', 'H', 'A', 'B', 'C', 'none'] as const;
export type CountLevel = (typeof COUNT_LEVELS)[number];

/** A bar colour per level, from hot to cold. */
export const LEVEL_COLOURS: Record<CountLevel, string> = {
  O: '#cf1322',
  H: '#fa541c',
  A: '#faad14',
  B: '#1677ff',
  C: '#8c8c8c',
  none: '#d9d9d9',
};
