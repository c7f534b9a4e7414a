import { CALL_OUTCOMES, type CallOutcome, isReached } from '../dcc/calls';
import { type AgentRates, isInvitationDue, rateOf, ratesOf } from '../dcc/rates';
import { type InstantRange, inRange } from './period';

/**
 * The DCC report (电话直销中心, seed 004; DOMAIN §6 "invitation success and arrival rate") per agent.
 * The rates are dcc/rates.ts's, over the period's rows:
 * - **calls** = calls the agent logged (`dcc_calls.occurred_at` in the period), inbound and outbound;
 *   **reached** = of those, outcomes where the customer was on the line (dcc/calls.ts OUTCOME_RULES);
 *   reach rate = reached / calls;
 * - **invitations** = invitations the agent booked (`invitations.created_at` in the period); invitation
 *   rate = invitations / reached calls; **arrived** = of those, the ones whose customer came; arrival
 *   rate = arrived / invitations due (time passed or arrived, not cancelled: rates.ts isInvitationDue);
 * - **ordered** = of the period's invitations, those whose customer placed an order that was not
 *   cancelled at or after the invitation was booked (whenever, up to now); invitation-to-order rate =
 *   ordered / invitations.
 * A rate with nothing to divide by is null. The previous period is computed the same way.
 */

export type DccCallRow = {
  callId: string;
  agentId: string;
  customerId: string | null;
  leadId: string | null;
  outcome: string;
  occurredAt: Date;
};

export type DccInvitationRow = {
  invitationId: string;
  agentId: string;
  customerId: string;
  leadId: string;
  status: 'scheduled' | 'arrived' | 'no_show' | 'cancelled';
  scheduledAt: Date;
  createdAt: Date;
  /** The customer's first live order placed at or after the invitation was booked. */
  orderedAt: Date | null;
};

export type DccFigures = AgentRates & { ordered: number; invitationToOrderRate: number | null };
export type DccAgentRow = DccFigures & { agentId: string; previous: DccFigures };
export type DccReport = { current: DccFigures; previous: DccFigures; byAgent: DccAgentRow[] };

export const DCC_METRICS = ['calls', 'reached', 'invitations', 'arrived', 'ordered'] as const;
export type DccMetric = (typeof DCC_METRICS)[number];

const isKnownOutcome = (outcome: string): outcome is CallOutcome =>
  (CALL_OUTCOMES as readonly string[]).includes(outcome);

export const isReachedCall = (row: DccCallRow): boolean =>
  isKnownOutcome(row.outcome) && isReached(row.outcome);

const hasOrder = (row: DccInvitationRow): boolean =>
  row.orderedAt !== null && row.orderedAt.getTime() >= row.createdAt.getTime();

export const isCallIn = (row: DccCallRow, metric: 'calls' | 'reached', range: InstantRange): boolean =>
  inRange(row.occurredAt, range) && (metric === 'calls' || isReachedCall(row));

export const isInvitationIn = (
  row: DccInvitationRow,
  metric: 'invitations' | 'arrived' | 'ordered',
  range: InstantRange,
): boolean =>
  inRange(row.createdAt, range) &&
  (metric === 'invitations' || (metric === 'arrived' ? row.status === 'arrived' : hasOrder(row)));

const figuresOf = (
  calls: readonly DccCallRow[],
  invitations: readonly DccInvitationRow[],
  range: InstantRange,
  now: Date,
): DccFigures => {
  const made = calls.filter((c) => isCallIn(c, 'calls', range));
  const booked = invitations.filter((i) => isInvitationIn(i, 'invitations', range));
  const ordered = booked.filter(hasOrder).length;
  return {
    ...ratesOf({
      calls: made.length,
      reached: made.filter(isReachedCall).length,
      invitations: booked.length,
      invitationsDue: booked.filter((i) => isInvitationDue(i, now)).length,
      arrived: booked.filter((i) => i.status === 'arrived').length,
    }),
    ordered,
    invitationToOrderRate: rateOf(ordered, booked.length),
  };
};

/**
 * The report: totals and one row per agent, for `agentIds` (every DCC agent of the scope, so an agent
 * with no call still shows) and anyone else who called or invited in either period.
 */
export const dccReport = (
  rows: { calls: readonly DccCallRow[]; invitations: readonly DccInvitationRow[] },
  periods: { current: InstantRange; previous: InstantRange },
  now: Date,
  agentIds: readonly string[] = [],
): DccReport => {
  const agents = new Set<string>(agentIds);
  for (const c of rows.calls) agents.add(c.agentId);
  for (const i of rows.invitations) agents.add(i.agentId);
  const byAgent = [...agents].map((agentId) => {
    const calls = rows.calls.filter((c) => c.agentId === agentId);
    const invitations = rows.invitations.filter((i) => i.agentId === agentId);
    return {
      agentId,
      ...figuresOf(calls, invitations, periods.current, now),
      previous: figuresOf(calls, invitations, periods.previous, now),
    };
  });
  byAgent.sort(
    (a, b) => b.calls - a.calls || b.invitations - a.invitations || a.agentId.localeCompare(b.agentId),
  );
  return {
    current: figuresOf(rows.calls, rows.invitations, periods.current, now),
    previous: figuresOf(rows.calls, rows.invitations, periods.previous, now),
    byAgent,
  };
};
