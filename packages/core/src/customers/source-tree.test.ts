import { describe, expect, it } from 'vitest';
import { childTierOf, isSelectable, nextSortAfter } from './source-tree';

describe('source tree rules', () => {
  it.each([
    [null, 'channel'],
    ['channel', 'source'],
    ['source', 'sub_source'],
    ['sub_source', null],
  ] as const)('a child of %s is a %s', (parent, child) => {
    expect(childTierOf(parent)).toBe(child);
  });

  it.each([
    [[], 10],
    [[10, 20, 30], 40],
    [[5, 12], 22],
  ])('after siblings at %j comes %i', (sorts, next) => {
    expect(nextSortAfter(sorts)).toBe(next);
  });

  it('lets a lead use a source only while it and its parents are active', () => {
    expect(isSelectable([{ active: true }, { active: true }])).toBe(true);
    expect(isSelectable([{ active: false }, { active: true }])).toBe(false);
    expect(isSelectable([{ active: true }, { active: false }])).toBe(false);
  });
});
