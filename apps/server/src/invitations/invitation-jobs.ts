import { transferLeads } from '../assignment/transfer-leads';
import { recordAudit } from '../infra/audit/record-audit';
import type { Db } from '../infra/db/database';
import { notify } from '../notifications/notify';
import {
  activeUsersWithRole,
  cancelReminders,
  leadCardOf,
  markDueNoShows,
  stampReturnsDue,
  userNameOf,
} from './invitations.repo';

const groupBy = <T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> => {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return groups;
};

/**
 * The invitations' timed checks (core isNoShowDue, isReturnDue), run by the job timer with its `now`.
 * Each is one transaction whose first statement claims the rows it changes, so running it twice, or
 * in two processes, changes them once.
 */
export const createInvitationJobs = ({ db }: { db: Db }) => {
  /** Scheduled invitations whose store day has ended become no-shows; their reminders are cancelled. */
  const noShows = async (now: Date) =>
    db.transaction(async (tx) => {
      const rows = await markDueNoShows(tx, now);
      for (const [dealerId, group] of groupBy(rows, (r) => r.dealer_id)) {
        await cancelReminders(
          tx,
          dealerId,
          group.map((r) => r.id),
          now,
        );
        for (const row of group) {
          await recordAudit(tx, {
            dealerId,
            actorId: null,
            action: 'invitation.no_show',
            entity: 'invitation',
            entityId: row.id,
            before: { status: 'scheduled' },
            after: { status: 'no_show', by: 'timer' },
          });
        }
      }
      return { noShows: rows.length };
    });

  /**
   * A lead invited 30 days ago without an arrival goes back to the sales manager's distribution queue
   * (transferLeads with no owner: audited, its tasks cancelled), and the store's managers are notified.
   */
  const returns = async (now: Date) =>
    db.transaction(async (tx) => {
      const rows = await stampReturnsDue(tx, now);
      let returned = 0;
      for (const [dealerId, group] of groupBy(rows, (r) => r.dealer_id)) {
        const byLead = groupBy(group, (r) => r.lead_id);
        const result = await transferLeads(tx, {
          dealerId,
          leadIds: [...byLead.keys()],
          ownerId: null,
          reason: { by: 'invitation_timeout', days: 30 },
          actorId: null,
          now,
        });
        returned += result.moved.length;
        await cancelReminders(
          tx,
          dealerId,
          group.map((r) => r.id),
          now,
        );
        const managers = await activeUsersWithRole(tx, dealerId, 'sales_manager');
        for (const [leadId, invitations] of byLead) {
          const first = invitations[0];
          if (!first) continue;
          const card = await leadCardOf(tx, dealerId, leadId);
          const invitedByName = await userNameOf(tx, dealerId, first.invited_by);
          await recordAudit(tx, {
            dealerId,
            actorId: null,
            action: 'invitation.returned',
            entity: 'lead',
            entityId: leadId,
            after: { invitationIds: invitations.map((i) => i.id), days: 30 },
          });
          for (const manager of managers) {
            await notify(tx, {
              dealerId,
              userId: manager.id,
              kind: 'invitation_returned',
              subjectKey: `lead:${leadId}:invitation:${first.id}:returned`,
              payload: {
                leadId,
                invitationId: first.id,
                ...(card
                  ? { customerId: card.customerId, customerName: card.customerName, cardNo: card.cardNo }
                  : {}),
                ...(invitedByName ? { invitedByName } : {}),
                invitedAt: new Date(first.created_at).toISOString(),
              },
            });
          }
        }
      }
      return { returned };
    });

  return { noShows, returns };
};

export type InvitationJobs = ReturnType<typeof createInvitationJobs>;
