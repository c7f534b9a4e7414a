/**
 * Automatic assignment (issue 4): the first active rule, by priority, that matches the lead's channel
 * or source gives the lead to its pool by fair rotation: among users on duty and under the rule's cap,
 * the one with the fewest open leads, then the one who waited longest. No rule or nobody available:
 * the lead goes to the sales manager's distribution queue. The answer says why, for the lead's page.
 */
export type AssignmentRule = {
  id: string;
  name: string;
  priority: number;
  match: { channels?: string[]; sourceCodes?: string[] };
  poolUserIds: string[];
  openLeadCap: number | null;
  active: boolean;
};

export type PoolMember = {
  userId: string;
  name: string;
  onDuty: boolean;
  disabled: boolean;
  openLeads: number;
  lastAssignedAt: Date | null;
};

export type AssignmentReason =
  | { by: 'rule'; ruleId: string; ruleName: string; openLeads: number; cap: number | null; poolSize: number }
  | { by: 'queue'; why: 'no_rule' | 'nobody_available'; ruleName?: string };

export type AssignmentDecision = { ownerId: string | null; reason: AssignmentReason };

export const ruleMatches = (rule: AssignmentRule, lead: { channel: string; sourceCode: string }): boolean => {
  const { channels = [], sourceCodes = [] } = rule.match;
  if (channels.length === 0 && sourceCodes.length === 0) return true;
  return channels.includes(lead.channel) || sourceCodes.includes(lead.sourceCode);
};

export const chooseOwner = (
  lead: { channel: string; sourceCode: string },
  rules: readonly AssignmentRule[],
  members: readonly PoolMember[],
): AssignmentDecision => {
  const rule = [...rules]
    .filter((r) => r.active)
    .sort((a, b) => a.priority - b.priority || a.name.localeCompare(b.name))
    .find((r) => ruleMatches(r, lead));
  if (!rule) return { ownerId: null, reason: { by: 'queue', why: 'no_rule' } };
  const available = members
    .filter((m) => rule.poolUserIds.includes(m.userId) && m.onDuty && !m.disabled)
    .filter((m) => rule.openLeadCap === null || m.openLeads < rule.openLeadCap)
    .sort(
      (a, b) =>
        a.openLeads - b.openLeads ||
        (a.lastAssignedAt?.getTime() ?? 0) - (b.lastAssignedAt?.getTime() ?? 0) ||
        a.userId.localeCompare(b.userId),
    );
  const chosen = available[0];
  if (!chosen)
    return { ownerId: null, reason: { by: 'queue', why: 'nobody_available', ruleName: rule.name } };
  return {
    ownerId: chosen.userId,
    reason: {
      by: 'rule',
      ruleId: rule.id,
      ruleName: rule.name,
      openLeads: chosen.openLeads,
      cap: rule.openLeadCap,
      poolSize: available.length,
    },
  };
};

/** A lead of a batch captured in order: with the owner it came with (then no rule is asked), or none. */
export type BatchLead = {
  channel: string;
  sourceCode: string;
  ownerId: string | null;
  /** When the lead was given to `ownerId` (it counts for that person's last assignment). */
  assignedAt: Date | null;
};

/**
 * Fair rotation over a batch of leads captured one after another (an import), without I/O: `choose`
 * decides for the next lead as `chooseOwner` would, and every lead given to someone (by a rule at
 * `now`, or `given` with the owner it came with) adds one open lead to that person and moves their
 * last assignment before the next lead is decided, exactly as if the leads were captured one by one.
 */
export const ownerRotation = (
  rules: readonly AssignmentRule[],
  members: readonly PoolMember[],
  now: Date,
) => {
  const state = new Map(members.map((m) => [m.userId, { ...m }]));
  const given = (userId: string, at: Date | null) => {
    const m = state.get(userId);
    if (!m) return;
    m.openLeads += 1;
    if (at && (m.lastAssignedAt === null || at.getTime() > m.lastAssignedAt.getTime())) m.lastAssignedAt = at;
  };
  const choose = (lead: { channel: string; sourceCode: string }): AssignmentDecision => {
    const decision = chooseOwner(lead, rules, [...state.values()]);
    if (decision.ownerId !== null) given(decision.ownerId, now);
    return decision;
  };
  return { given, choose };
};

/** `ownerRotation` over a list: null for a lead that came with its owner (no decision was taken). */
export const chooseOwners = (
  leads: readonly BatchLead[],
  rules: readonly AssignmentRule[],
  members: readonly PoolMember[],
  now: Date,
): (AssignmentDecision | null)[] => {
  const rotation = ownerRotation(rules, members, now);
  return leads.map((lead) => {
    if (lead.ownerId === null) return rotation.choose(lead);
    rotation.given(lead.ownerId, lead.assignedAt);
    return null;
  });
};
