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
