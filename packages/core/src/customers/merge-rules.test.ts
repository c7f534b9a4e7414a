import { describe, expect, it } from 'vitest';
import { type MergeCandidate, mergeProblems } from './merge-rules';

const c = (id: string, extra: Partial<MergeCandidate> = {}): MergeCandidate => ({
  id,
  name: `客户${id}`,
  fleet: false,
  orderCount: 0,
  mergedIntoId: null,
  ...extra,
});

describe('merge rules', () => {
  it('merges two or more plain customers', () => {
    expect(mergeProblems('a', [c('a'), c('b'), c('c')])).toEqual([]);
  });

  it('needs two different customers and a survivor among them', () => {
    expect(mergeProblems('a', [c('a')]).map((p) => p.message)).toEqual([
      'Choose at least two customers to merge.',
    ]);
    expect(mergeProblems('z', [c('a'), c('b')]).map((p) => p.customerId)).toEqual(['z']);
  });

  it('refuses fleet customers, customers with orders and customers already merged', () => {
    const problems = mergeProblems('a', [
      c('a'),
      c('b', { fleet: true }),
      c('c', { orderCount: 1 }),
      c('d', { mergedIntoId: 'x' }),
    ]);
    expect(problems).toEqual([
      { customerId: 'b', message: '客户b is a fleet customer and cannot be merged.' },
      { customerId: 'c', message: '客户c has orders and cannot be merged.' },
      { customerId: 'd', message: '客户d was already merged into another customer.' },
    ]);
  });
});
