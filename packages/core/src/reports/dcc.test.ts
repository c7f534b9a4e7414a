import { describe, expect, it } from 'vitest';
import { type DccCallRow, type DccInvitationRow, dccReport, isCallIn, isInvitationIn } from './dcc';

// November 2026 in Asia/Shanghai (UTC+8) and the 30 days before it; now is Nov 25 10:00 Beijing time.
const NOVEMBER = { start: new Date('2026-10-31T16:00:00Z'), end: new Date('2026-11-30T16:00:00Z') };
const OCTOBER_30 = { start: new Date('2026-10-01T16:00:00Z'), end: new Date('2026-10-31T16:00:00Z') };
const NOW = new Date('2026-11-25T02:00:00Z');
const at = (iso: string) => new Date(iso);

/**
 * Calls: a1 k1 reached, k2 no_answer, k3 invited, k4 busy (Nov 2-3), k5 call_back at Nov 1 00:10 Beijing
 * (5 calls, 3 reached); a2 k6 not_interested, k7 wrong_number (2 calls, 1 reached); a1 k8 reached at
 * Oct 31 23:50 Beijing (previous); a2 k9 at Dec 1 00:00 Beijing (neither).
 */
const call = (callId: string, agentId: string, outcome: string, occurredAt: string): DccCallRow => ({
  callId,
  agentId,
  customerId: `cust-${callId}`,
  leadId: `lead-${callId}`,
  outcome,
  occurredAt: at(occurredAt),
});
const CALLS = [
  call('k1', 'a1', 'reached', '2026-11-02T02:00:00Z'),
  call('k2', 'a1', 'no_answer', '2026-11-02T03:00:00Z'),
  call('k3', 'a1', 'invited', '2026-11-03T02:00:00Z'),
  call('k4', 'a1', 'busy', '2026-11-03T03:00:00Z'),
  call('k5', 'a1', 'call_back', '2026-10-31T16:10:00Z'),
  call('k6', 'a2', 'not_interested', '2026-11-10T02:00:00Z'),
  call('k7', 'a2', 'wrong_number', '2026-11-10T03:00:00Z'),
  call('k8', 'a1', 'reached', '2026-10-31T15:50:00Z'),
  call('k9', 'a2', 'no_answer', '2026-11-30T16:00:00Z'),
];

/**
 * Invitations (booked, scheduled, status, order):
 * i1 a1 Nov 3, Nov 5, arrived, ordered Nov 6          -> due, arrived, ordered
 * i2 a1 Nov 3, Nov 8, no_show                          -> due
 * i3 a1 Nov 20, Nov 28 (ahead), scheduled              -> not due yet
 * i4 a1 Nov 4, Nov 6, cancelled, order of Nov 1       -> not due; the order came before: not counted
 * i5 a2 Nov 10, Nov 12, arrived, ordered Nov 15       -> due, arrived, ordered
 * i6 a2 Oct 31 23:00 Beijing, Nov 2, arrived          -> previous period
 * a1: 4 invitations, 2 due, 1 arrived, 1 ordered; a2: 1, 1, 1, 1.
 */
const invitation = (
  invitationId: string,
  agentId: string,
  createdAt: string,
  scheduledAt: string,
  status: DccInvitationRow['status'],
  orderedAt: string | null = null,
): DccInvitationRow => ({
  invitationId,
  agentId,
  customerId: `cust-${invitationId}`,
  leadId: `lead-${invitationId}`,
  status,
  createdAt: at(createdAt),
  scheduledAt: at(scheduledAt),
  orderedAt: orderedAt ? at(orderedAt) : null,
});
const INVITATIONS = [
  invitation('i1', 'a1', '2026-11-03T02:00:00Z', '2026-11-05T02:00:00Z', 'arrived', '2026-11-06T02:00:00Z'),
  invitation('i2', 'a1', '2026-11-03T03:00:00Z', '2026-11-08T02:00:00Z', 'no_show'),
  invitation('i3', 'a1', '2026-11-20T02:00:00Z', '2026-11-28T02:00:00Z', 'scheduled'),
  invitation('i4', 'a1', '2026-11-04T02:00:00Z', '2026-11-06T02:00:00Z', 'cancelled', '2026-11-01T02:00:00Z'),
  invitation('i5', 'a2', '2026-11-10T02:00:00Z', '2026-11-12T02:00:00Z', 'arrived', '2026-11-15T02:00:00Z'),
  invitation('i6', 'a2', '2026-10-31T15:00:00Z', '2026-11-02T02:00:00Z', 'arrived'),
];

describe('the DCC report', () => {
  const report = dccReport(
    { calls: CALLS, invitations: INVITATIONS },
    { current: NOVEMBER, previous: OCTOBER_30 },
    NOW,
    ['a3'],
  );

  it('totals the period and the previous one', () => {
    expect(report.current).toEqual({
      calls: 7,
      reached: 4,
      reachRate: 0.5714,
      invitations: 5,
      invitationsDue: 3,
      arrived: 2,
      invitationRate: 1.25,
      arrivalRate: 0.6667,
      ordered: 2,
      invitationToOrderRate: 0.4,
    });
    expect(report.previous).toEqual({
      calls: 1,
      reached: 1,
      reachRate: 1,
      invitations: 1,
      invitationsDue: 1,
      arrived: 1,
      invitationRate: 1,
      arrivalRate: 1,
      ordered: 0,
      invitationToOrderRate: 0,
    });
  });

  it('has a row per agent, busiest first, an agent without calls included', () => {
    expect(report.byAgent.map((a) => a.agentId)).toEqual(['a1', 'a2', 'a3']);
    const [a1, a2, a3] = report.byAgent;
    expect(a1).toMatchObject({
      calls: 5,
      reached: 3,
      reachRate: 0.6,
      invitations: 4,
      invitationsDue: 2,
      arrived: 1,
      invitationRate: 1.3333,
      arrivalRate: 0.5,
      ordered: 1,
      invitationToOrderRate: 0.25,
    });
    expect(a1?.previous).toMatchObject({ calls: 1, reached: 1, invitations: 0, invitationToOrderRate: null });
    expect(a2).toMatchObject({ calls: 2, reached: 1, reachRate: 0.5, invitations: 1, ordered: 1 });
    expect(a2?.previous).toMatchObject({ calls: 0, reachRate: null, invitations: 1, invitationRate: null });
    expect(a3).toMatchObject({ calls: 0, reachRate: null, invitations: 0, invitationToOrderRate: null });
  });

  it('the drill-downs list the rows behind each figure', () => {
    expect(CALLS.filter((c) => isCallIn(c, 'reached', NOVEMBER)).map((c) => c.callId)).toEqual([
      'k1',
      'k3',
      'k5',
      'k6',
    ]);
    expect(
      INVITATIONS.filter((i) => isInvitationIn(i, 'ordered', NOVEMBER)).map((i) => i.invitationId),
    ).toEqual(['i1', 'i5']);
    expect(
      INVITATIONS.filter((i) => isInvitationIn(i, 'arrived', OCTOBER_30)).map((i) => i.invitationId),
    ).toEqual(['i6']);
  });
});
