import { describe, expect, it } from 'vitest';
import { isInvitationDue, ratesOf } from './rates';

describe('the DCC rates per agent', () => {
  it.each([
    [
      { calls: 10, reached: 6, invitations: 3, invitationsDue: 3, arrived: 2 },
      { reachRate: 0.6, invitationRate: 0.5, arrivalRate: 0.6667 },
    ],
    [
      { calls: 4, reached: 0, invitations: 0, invitationsDue: 0, arrived: 0 },
      { reachRate: 0, invitationRate: null, arrivalRate: null },
    ],
    [
      { calls: 0, reached: 0, invitations: 0, invitationsDue: 0, arrived: 0 },
      { reachRate: null, invitationRate: null, arrivalRate: null },
    ],
    [
      { calls: 3, reached: 3, invitations: 3, invitationsDue: 1, arrived: 1 },
      { reachRate: 1, invitationRate: 1, arrivalRate: 1 },
    ],
  ])('%j -> %j', (tally, rates) => {
    expect(ratesOf(tally)).toEqual({ ...tally, ...rates });
  });

  const now = new Date('2026-11-25T02:00:00Z');
  it.each([
    ['scheduled, time passed', 'scheduled', '2026-11-25T01:00:00Z', true],
    ['scheduled, still ahead', 'scheduled', '2026-11-25T03:00:00Z', false],
    ['arrived early', 'arrived', '2026-11-25T03:00:00Z', true],
    ['no-show', 'no_show', '2026-11-24T03:00:00Z', true],
    ['no-show marked before its hour', 'no_show', '2026-11-25T05:00:00Z', true],
    ['cancelled', 'cancelled', '2026-11-24T03:00:00Z', false],
  ] as const)('%s counts in the arrival rate: %s', (_name, status, scheduledAt, due) => {
    expect(isInvitationDue({ status, scheduledAt: new Date(scheduledAt) }, now)).toBe(due);
  });
});
