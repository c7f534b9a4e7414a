import { describe, expect, it } from 'vitest';
import { dueGroupOf, dueGroupRange, endOfLocalDay, seesStoreTasks } from './worklist';

const at = (local: string, zone = '+08:00') => new Date(`${local}${zone}`);

describe('due groups in the store calendar', () => {
  const now = at('2026-11-30T23:00:00');
  it.each([
    ['2026-11-30T22:59:00', 'overdue'],
    ['2026-11-30T23:30:00', 'today'],
    ['2026-12-01T00:00:00', 'upcoming'],
    ['2026-12-01T18:00:00', 'upcoming'],
  ] as const)('at 23:00 Shanghai on 30 Nov (month end), a task due %s is %s', (due, group) => {
    expect(dueGroupOf(at(due), now, 'Asia/Shanghai')).toBe(group);
  });

  it('"today" is the store`s day, not UTC`s: 07:00 Shanghai is still the day before in UTC', () => {
    const morning = at('2026-12-01T07:00:00');
    expect(endOfLocalDay(morning, 'Asia/Shanghai').toISOString()).toBe('2026-12-01T16:00:00.000Z');
    expect(dueGroupOf(at('2026-12-01T18:00:00'), morning, 'Asia/Shanghai')).toBe('today');
    expect(dueGroupOf(at('2026-12-01T18:00:00'), morning, 'UTC')).toBe('upcoming');
  });

  it('a daylight-saving day in Berlin ends at local midnight', () => {
    expect(endOfLocalDay(new Date('2026-10-25T09:00:00Z'), 'Europe/Berlin').toISOString()).toBe(
      '2026-10-25T23:00:00.000Z',
    );
  });

  it('gives the ranges the task list filters with', () => {
    const now2 = at('2026-12-31T10:00:00');
    expect(dueGroupRange('overdue', now2, 'Asia/Shanghai')).toEqual({ from: null, to: now2 });
    expect(dueGroupRange('today', now2, 'Asia/Shanghai')).toEqual({
      from: now2,
      to: at('2027-01-01T00:00:00'),
    });
    expect(dueGroupRange('upcoming', now2, 'Asia/Shanghai')).toEqual({
      from: at('2027-01-01T00:00:00'),
      to: null,
    });
  });
});

describe('who sees the store`s tasks', () => {
  it.each([
    [['sales_manager'], true],
    [['admin'], true],
    [['consultant'], false],
    [['dcc_agent', 'crm_specialist'], false],
  ] as const)('%j -> %s', (roles, sees) => {
    expect(seesStoreTasks(roles)).toBe(sees);
  });
});
