import {
  type AssignmentDecision,
  type AssignmentRule,
  chooseOwner,
  type PoolMember,
} from '@qianke/core/assignment/choose-owner';
import type { Executor } from '../infra/db/database';
import {
  findLeadForAssignment,
  listRules,
  poolMembers,
  type RuleRow,
  setQueueReason,
} from './assignment.repo';
import { transferLeads } from './transfer-leads';

export const toCoreRule = (row: RuleRow): AssignmentRule => {
  const match = (row.match ?? {}) as { channels?: string[]; sourceCodes?: string[] };
  return {
    id: row.id,
    name: row.name,
    priority: row.priority,
    match: { channels: match.channels ?? [], sourceCodes: match.sourceCodes ?? [] },
    poolUserIds: (row.poolUserIds ?? []) as string[],
    openLeadCap: row.openLeadCap,
    active: row.active,
  };
};

/** The store's active assignment rules and the people of their pools, with their workload now. */
export const loadAssignmentPool = async (
  tx: Executor,
  dealerId: string,
): Promise<{ rules: AssignmentRule[]; members: PoolMember[] }> => {
  const rules = (await listRules(tx, dealerId)).map(toCoreRule).filter((rule) => rule.active);
  const poolIds = [...new Set(rules.flatMap((rule) => rule.poolUserIds))];
  return { rules, members: await poolMembers(tx, dealerId, poolIds) };
};

/**
 * The store's automatic assignment rules applied to a lead captured without an owner (issue 4), inside
 * the capturing transaction: core chooseOwner picks by the first matching rule, fair rotation among
 * those on duty, under the rule's cap. The lead goes to that person as any assignment does (owner,
 * reason, first task, notification, audit), or stays in the distribution queue with the reason why.
 * A lead that has an owner, or is closed, is left alone.
 */
export const autoAssignLead = async (
  tx: Executor,
  input: { dealerId: string; leadId: string; now: Date; requestId?: string },
): Promise<AssignmentDecision | undefined> => {
  const { dealerId, leadId, now } = input;
  const lead = await findLeadForAssignment(tx, dealerId, leadId);
  if (!lead || lead.ownerId !== null || (lead.status !== 'open' && lead.status !== 'nurturing'))
    return undefined;
  const { rules, members } = await loadAssignmentPool(tx, dealerId);
  const decision = chooseOwner({ channel: lead.channel, sourceCode: lead.sourceCode }, rules, members);
  if (decision.ownerId === null) {
    await setQueueReason(tx, dealerId, leadId, decision.reason);
    return decision;
  }
  await transferLeads(tx, {
    dealerId,
    leadIds: [leadId],
    ownerId: decision.ownerId,
    reason: decision.reason,
    actorId: null,
    now,
    requestId: input.requestId,
  });
  return decision;
};
