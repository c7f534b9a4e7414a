import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/domain-error';
import { belongsOnList, type CallListCandidate, type CallOutcome, checkCall, compareOnList } from './calls';

const now = new Date('2026-11-25T02:00:00Z'); // 10:00 in Shanghai
const at = (iso: string) => new Date(iso);

const fieldsOf = (run: () => unknown) => {
  try {
    run();
    return undefined;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return error.fields;
  }
};

describe('checkCall: what each outcome implies', () => {
  it.each<[CallOutcome, string | null, boolean, string | null, boolean]>([
    // outcome, next call given, invitation given, next call settled, reached
    ['reached', null, false, null, true],
    ['reached', '2026-11-26T02:00:00Z', false, '2026-11-26T02:00:00.000Z', true],
    ['no_answer', null, false, '2026-11-25T04:00:00.000Z', false],
    ['no_answer', '2026-11-25T09:00:00Z', false, '2026-11-25T09:00:00.000Z', false],
    ['busy', null, false, '2026-11-25T03:00:00.000Z', false],
    ['wrong_number', null, false, null, false],
    ['not_interested', null, false, null, true],
    ['invited', null, true, null, true],
    ['call_back', '2026-11-27T06:00:00Z', false, '2026-11-27T06:00:00.000Z', true],
  ])('%s (next %s, invitation %s) -> next %s, reached %s', (outcome, next, invitation, settled, reached) => {
    const result = checkCall({
      outcome,
      nextCallAt: next ? at(next) : null,
      hasInvitation: invitation,
      now,
    });
    expect(result.nextCallAt?.toISOString() ?? null).toBe(settled);
    expect(result.reached).toBe(reached);
  });

  it.each<[CallOutcome, string | null, boolean, string[]]>([
    ['call_back', null, false, ['nextCallAt']],
    ['no_answer', '2026-11-25T01:00:00Z', false, ['nextCallAt']],
    ['busy', '2027-06-01T01:00:00Z', false, ['nextCallAt']],
    ['wrong_number', '2026-11-26T01:00:00Z', false, ['nextCallAt']],
    ['invited', null, false, ['invitation']],
    ['reached', null, true, ['invitation']],
    ['call_back', null, true, ['nextCallAt', 'invitation']],
  ])('%s (next %s, invitation %s) is refused naming %j', (outcome, next, invitation, fields) => {
    const found = fieldsOf(() =>
      checkCall({ outcome, nextCallAt: next ? at(next) : null, hasInvitation: invitation, now }),
    );
    expect(Object.keys(found ?? {})).toEqual(fields);
  });
});

const base: CallListCandidate = {
  leadStatus: 'open',
  channel: 'portal',
  leadCreatedAt: at('2026-11-24T02:00:00Z'),
  firstContactedAt: null,
  calls: 0,
  nextCallAt: null,
  lastInvitation: null,
  taskDueAt: null,
};

describe('the call lists', () => {
  it.each<[string, Partial<CallListCandidate>, { new_portal: boolean; no_show: boolean; due: boolean }]>([
    ['a new portal lead', {}, { new_portal: true, no_show: false, due: false }],
    ['a website lead', { channel: 'website' }, { new_portal: true, no_show: false, due: false }],
    ['a walk-in', { channel: 'walk_in' }, { new_portal: false, no_show: false, due: false }],
    ['a portal lead already called', { calls: 1 }, { new_portal: false, no_show: false, due: false }],
    ['a contacted portal lead', { firstContactedAt: now }, { new_portal: false, no_show: false, due: false }],
    ['a lost lead', { leadStatus: 'lost' }, { new_portal: false, no_show: false, due: false }],
    [
      'a no-show',
      { calls: 1, lastInvitation: { status: 'no_show', returned: false } },
      { new_portal: false, no_show: true, due: false },
    ],
    [
      'a no-show returned to the manager',
      { calls: 1, lastInvitation: { status: 'no_show', returned: true } },
      { new_portal: false, no_show: false, due: false },
    ],
    [
      'a re-invited no-show',
      { calls: 1, lastInvitation: { status: 'scheduled', returned: false } },
      { new_portal: false, no_show: false, due: false },
    ],
    [
      'a task due an hour ago',
      { calls: 1, taskDueAt: at('2026-11-25T01:00:00Z') },
      { new_portal: false, no_show: false, due: true },
    ],
    [
      'a task due tomorrow',
      { calls: 1, taskDueAt: at('2026-11-26T01:00:00Z') },
      { new_portal: false, no_show: false, due: false },
    ],
    [
      'a due task but a call-back planned later',
      { calls: 1, taskDueAt: at('2026-11-25T01:00:00Z'), nextCallAt: at('2026-11-25T04:00:00Z') },
      { new_portal: false, no_show: false, due: false },
    ],
  ])('%s', (_name, patch, expected) => {
    const c = { ...base, ...patch };
    expect({
      new_portal: belongsOnList('new_portal', c, now),
      no_show: belongsOnList('no_show', c, now),
      due: belongsOnList('due', c, now),
    }).toEqual(expected);
  });

  it('works the oldest new lead, the latest no-show and the most overdue task first', () => {
    const a = {
      leadCreatedAt: at('2026-11-20T00:00:00Z'),
      taskDueAt: at('2026-11-25T01:00:00Z'),
      invitationAt: at('2026-11-20T00:00:00Z'),
    };
    const b = {
      leadCreatedAt: at('2026-11-21T00:00:00Z'),
      taskDueAt: at('2026-11-24T01:00:00Z'),
      invitationAt: at('2026-11-22T00:00:00Z'),
    };
    expect(compareOnList('new_portal', a, b)).toBeLessThan(0);
    expect(compareOnList('no_show', a, b)).toBeGreaterThan(0);
    expect(compareOnList('due', a, b)).toBeGreaterThan(0);
  });
});
