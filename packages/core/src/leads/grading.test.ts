import { describe, expect, it } from 'vitest';
import { gradingProblem, LEVEL_TABLE, levelDefinition, levelFromCriteria, levelRank } from './grading';

describe('grading table (seed 001)', () => {
  it.each([
    ['O', '订单：已收订金', 3],
    ['H', '7日内成交', 2],
    ['A', '1个月内成交', 1],
    ['B', '1-3个月内成交', 7],
    ['C', '购车时间不明确', null],
  ] as const)('%s means %s and is contacted every %s days', (level, meaning, days) => {
    expect(levelDefinition(level).meaning.zh).toBe(meaning);
    expect(levelDefinition(level).cadenceDays).toBe(days);
  });

  it('has unique criterion keys', () => {
    const keys = LEVEL_TABLE.flatMap((d) => d.criteria.map((c) => c.key));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each([
    [['deposit_received', 'hesitating'], 'O'],
    [['financing_in_progress'], 'H'],
    [['came_back_to_see', 'choosing_model'], 'A'],
    [['able_to_buy'], 'B'],
    [['may_be_lost'], 'C'],
    [[], undefined],
  ] as const)('ticking %j grades %s', (ticked, level) => {
    expect(levelFromCriteria(ticked)).toBe(level);
  });

  it('ranks O hottest and C coldest', () => {
    expect(levelRank('O')).toBeGreaterThan(levelRank('H'));
    expect(levelRank('B')).toBeGreaterThan(levelRank('C'));
  });
});

describe('who is graded', () => {
  it.each([
    ['open', undefined],
    ['nurturing', undefined],
    ['won', 'This lead is closed as won: a closed lead is not graded.'],
    ['lost', 'This lead is closed as lost: a closed lead is not graded.'],
  ] as const)('a lead %s: %s', (status, problem) => {
    expect(gradingProblem(status)).toBe(problem);
  });
});
