/**
 * The DCC figures per agent (seed 004): reach rate = reached / calls, invitation success rate =
 * invitations / reached calls, arrival rate = arrived / invitations due (their time has come and they
 * were not cancelled). A rate with nothing to divide by is null, not 0.
 */
export type AgentTally = {
  calls: number;
  reached: number;
  invitations: number;
  /** Invitations whose scheduled time has passed and which were not cancelled. */
  invitationsDue: number;
  arrived: number;
};

export type AgentRates = AgentTally & {
  reachRate: number | null;
  invitationRate: number | null;
  arrivalRate: number | null;
};

/** A share rounded to 4 decimals (0.6667), or null without a denominator. */
export const rateOf = (part: number, whole: number): number | null =>
  whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;

export const ratesOf = (t: AgentTally): AgentRates => ({
  ...t,
  reachRate: rateOf(t.reached, t.calls),
  invitationRate: rateOf(t.invitations, t.reached),
  arrivalRate: rateOf(t.arrived, t.invitationsDue),
});

/** Whether an invitation counts in the arrival rate's denominator now. */
export const isInvitationDue = (
  i: { status: 'scheduled' | 'arrived' | 'no_show' | 'cancelled'; scheduledAt: Date },
  now: Date,
): boolean =>
  i.status !== 'cancelled' &&
  (i.status === 'arrived' || i.status === 'no_show' || i.scheduledAt.getTime() <= now.getTime());
