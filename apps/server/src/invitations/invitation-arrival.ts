import { isSameStoreDay, receiverOnArrival } from '@qianke/core/dcc/invitations';
import { transferLeads } from '../assignment/transfer-leads';
import { recordAudit } from '../infra/audit/record-audit';
import type { Executor } from '../infra/db/database';
import { notify } from '../notifications/notify';
import {
  cancelReminders,
  leadCardOf,
  leadHolderOf,
  scheduledInvitationsOf,
  storeTimeZoneOf,
  updateInvitation,
} from './invitations.repo';

/**
 * "Your invited customer is here": when the receptionist logs a showroom visit of a customer with a
 * scheduled invitation for that store day, the invitation is marked arrived (with the visit) and its
 * consultant and the inviting agent are notified at once, and the consultant takes over a lead the
 * inviting agent held (core receiverOnArrival). Runs inside the transaction that logs the
 * visit, so a visit not saved marks nothing. Returns the invitation marked, if any.
 */
export const markInvitationArrived = async (
  tx: Executor,
  input: {
    dealerId: string;
    customerId: string;
    visitId: string;
    arrivedAt: Date;
    actorId: string;
    now: Date;
  },
): Promise<string | undefined> => {
  const { dealerId } = input;
  const scheduled = await scheduledInvitationsOf(tx, dealerId, input.customerId);
  if (scheduled.length === 0) return undefined;
  const timeZone = await storeTimeZoneOf(tx, dealerId);
  const invitation = scheduled.find((i) => isSameStoreDay(i.scheduledAt, input.arrivedAt, timeZone));
  if (!invitation) return undefined;
  const marked = await updateInvitation(
    tx,
    dealerId,
    invitation.id,
    invitation.version,
    { status: 'arrived', arrivedAt: input.arrivedAt, visitId: input.visitId },
    input.now,
  );
  if (!marked) return undefined;
  await cancelReminders(tx, dealerId, [invitation.id], input.now);
  await recordAudit(tx, {
    dealerId,
    actorId: input.actorId,
    action: 'invitation.arrived',
    entity: 'invitation',
    entityId: invitation.id,
    before: { status: 'scheduled' },
    after: { status: 'arrived', visitId: input.visitId, arrivedAt: input.arrivedAt.toISOString() },
  });
  const card = await leadCardOf(tx, dealerId, invitation.leadId);
  const recipients = new Set([invitation.consultantId, invitation.invitedBy].filter((id) => id !== null));
  for (const userId of recipients) {
    await notify(tx, {
      dealerId,
      userId,
      kind: 'invitation_arrived',
      subjectKey: `invitation:${invitation.id}:arrived`,
      payload: {
        invitationId: invitation.id,
        visitId: input.visitId,
        leadId: invitation.leadId,
        customerId: invitation.customerId,
        ...(card ? { customerName: card.customerName, cardNo: card.cardNo } : {}),
        arrivedAt: input.arrivedAt.toISOString(),
        scheduledAt: invitation.scheduledAt.toISOString(),
        purpose: invitation.purpose,
      },
    });
  }
  // The invited consultant receives the customer: a lead the inviting agent still holds goes to them
  // (owner, card, open tasks, notification and audit, as every assignment).
  const holder = await leadHolderOf(tx, dealerId, invitation.leadId);
  const receiver = holder
    ? receiverOnArrival({
        leadOwnerId: holder.ownerId,
        leadStatus: holder.status,
        invitedBy: invitation.invitedBy,
        consultantId: invitation.consultantId,
      })
    : null;
  if (receiver) {
    await transferLeads(tx, {
      dealerId,
      leadIds: [invitation.leadId],
      ownerId: receiver,
      reason: { by: 'arrival', invitationId: invitation.id },
      actorId: input.actorId,
      now: input.now,
    });
  }
  return invitation.id;
};
