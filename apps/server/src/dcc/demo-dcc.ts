import { CALL_OUTCOMES, type CallOutcome } from '@qianke/core/dcc/calls';
import type { InvitationPurpose, InvitationStatus } from '@qianke/core/dcc/invitations';
import { uuidv7 } from 'uuidv7';
import type { Executor } from '../infra/db/database';
import { type DemoInvitation, insertDemoInvitations } from '../invitations/demo-invitations';
import { demoLeadsOfAgent, insertDemoCalls, type NewCallRow } from './dcc.repo';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The demo agent's past calls, one lead each, spread over the last three weeks. */
const PLAN: readonly { outcome: CallOutcome; daysAgo: number; invitation?: InvitationStatus }[] = [
  { outcome: 'invited', daysAgo: 20, invitation: 'arrived' },
  { outcome: 'no_answer', daysAgo: 19 },
  { outcome: 'reached', daysAgo: 18 },
  { outcome: 'invited', daysAgo: 16, invitation: 'no_show' },
  { outcome: 'busy', daysAgo: 14 },
  { outcome: 'invited', daysAgo: 12, invitation: 'arrived' },
  { outcome: 'not_interested', daysAgo: 10 },
  { outcome: 'invited', daysAgo: 8, invitation: 'cancelled' },
  { outcome: 'call_back', daysAgo: 6 },
  { outcome: 'invited', daysAgo: 5, invitation: 'arrived' },
  { outcome: 'wrong_number', daysAgo: 4 },
  { outcome: 'invited', daysAgo: 3, invitation: 'no_show' },
];

const PURPOSES: readonly InvitationPurpose[] = ['viewing', 'test_drive', 'negotiation'];
const NOTES: Partial<Record<CallOutcome, string>> = {
  invited: '客户同意到店看车',
  reached: '客户仍在比较车型，下周再联系',
  not_interested: '客户近期无购车计划',
  call_back: '客户开会中，约定明天回电',
};

/**
 * A few weeks of DCC work by dcc1 in store 1 so that the rates page has figures: calls on contacted
 * leads (never the new ones, which stay on the new-portal list) and the invitations they booked,
 * arrived, no-show or cancelled. Every invitation is younger than 30 days, so the timer returns nothing.
 */
export const loadDemoDcc = async (tx: Executor, input: { store1Id: string; now: Date }): Promise<void> => {
  const dealerId = input.store1Id;
  const leads = await demoLeadsOfAgent(tx, dealerId, 'dcc1', PLAN.length);
  const calls: NewCallRow[] = [];
  const invitations: DemoInvitation[] = [];
  for (const [i, lead] of leads.entries()) {
    const plan = PLAN[i];
    if (!plan || !(CALL_OUTCOMES as readonly string[]).includes(plan.outcome)) continue;
    const occurredAt = new Date(
      Math.max(new Date(lead.created_at).getTime() + HOUR, input.now.getTime() - plan.daysAgo * DAY),
    );
    if (occurredAt.getTime() > input.now.getTime()) continue;
    let invitationId: string | null = null;
    if (plan.invitation) {
      invitationId = uuidv7();
      const scheduledAt = new Date(occurredAt.getTime() + 2 * DAY);
      const status = scheduledAt.getTime() < input.now.getTime() ? plan.invitation : 'scheduled';
      invitations.push({
        dealerId,
        id: invitationId,
        customerId: lead.customer_id,
        leadId: lead.id,
        invitedBy: lead.agent_id,
        consultantId: null,
        scheduledAt,
        purpose: PURPOSES[i % PURPOSES.length] ?? 'viewing',
        status,
        arrivedAt: status === 'arrived' ? new Date(scheduledAt.getTime() + 0.5 * HOUR) : null,
        createdAt: occurredAt,
        updatedAt: occurredAt,
      });
    }
    calls.push({
      dealerId,
      direction: 'outbound',
      agentId: lead.agent_id,
      customerId: lead.customer_id,
      leadId: lead.id,
      list: i % 2 === 0 ? 'due' : 'new_portal',
      outcome: plan.outcome,
      note: NOTES[plan.outcome] ?? null,
      occurredAt,
      nextCallAt: null,
      invitationId,
      createdAt: occurredAt,
      updatedAt: occurredAt,
    });
  }
  await insertDemoInvitations(tx, invitations);
  await insertDemoCalls(tx, calls);
};
