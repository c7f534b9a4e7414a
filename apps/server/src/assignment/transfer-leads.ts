import { customerOwnerAfter } from '@qianke/core/assignment/assignees';
import { loadPlanningContext, replanLeads } from '../follow-ups/plan-lead-tasks';
import type { Executor } from '../infra/db/database';
import { notify } from '../notifications/notify';
import {
  cancelOpenTasks,
  customerOwners,
  insertAuditRows,
  lockLeadsForTransfer,
  moveOpenTasks,
  setCustomerOwner,
  setLeadOwners,
  type TransferLeadRow,
} from './assignment.repo';

export type TransferInput = {
  dealerId: string;
  leadIds: readonly string[];
  /** The new owner; null sends the leads back to the distribution queue. */
  ownerId: string | null;
  /** Why (stored on each lead, shown on its page): { by: 'manager', managerId, note } or a rule's reason. */
  reason: Record<string, unknown>;
  /** Who did it; null for an automatic rule. */
  actorId: string | null;
  actorName?: string | null;
  now: Date;
  /** A defeat decision may move the lead into the nurturing pool (or back to open) in the same step. */
  status?: 'open' | 'nurturing';
  requestId?: string | undefined;
};

export type TransferResult = {
  /** The leads that changed hands, with their previous owner. */
  moved: { leadId: string; customerId: string; fromOwnerId: string | null }[];
  unchanged: number;
  customersChanged: number;
  tasksMoved: number;
};

/**
 * Gives leads to a new owner, the one way every assignment happens (by hand, by a rule, by a hand-over,
 * by a defeat decision), inside the caller's transaction: the lead's owner and why, the customer's
 * owner when it follows the lead, the previous owner's open tasks moved along (a colleague's own
 * reminder on the lead stays theirs), the rule task re-planned (a lead fresh from the queue gets its
 * first call-back), the new owner notified, and an audit row per change.
 * Leads the person already owns are left as they are. The caller has checked the leads and the owner.
 */
export const transferLeads = async (tx: Executor, input: TransferInput): Promise<TransferResult> => {
  const { dealerId, ownerId, now } = input;
  const rows = await lockLeadsForTransfer(tx, dealerId, input.leadIds);
  const moving = rows.filter(
    (row) => row.ownerId !== ownerId || (input.status && row.status !== input.status),
  );
  if (moving.length === 0) {
    return { moved: [], unchanged: rows.length, customersChanged: 0, tasksMoved: 0 };
  }
  const ids = moving.map((row) => row.id);
  await setLeadOwners(tx, dealerId, ids, {
    ownerId,
    assignedAt: ownerId ? now : null,
    reason: input.reason,
    ...(input.status ? { status: input.status } : {}),
  });

  const customersChanged = await followWithCustomers(tx, input, moving);
  const tasksMoved = ownerId
    ? await moveOpenTasks(
        tx,
        dealerId,
        moving.map((row) => ({ leadId: row.id, fromOwnerId: row.ownerId })),
        ownerId,
      )
    : await cancelOpenTasks(
        tx,
        dealerId,
        moving.map((row) => ({ leadId: row.id, fromOwnerId: row.ownerId })),
      );
  await replanLeads(tx, { dealerId, leadIds: ids, now, context: await loadPlanningContext(tx, dealerId) });

  await insertAuditRows(
    tx,
    dealerId,
    moving.map((row) => ({
      actorId: input.actorId,
      action: 'lead.assign',
      entity: 'lead',
      entityId: row.id,
      before: { ownerId: row.ownerId, status: row.status },
      after: { ownerId, status: input.status ?? row.status, reason: input.reason },
      requestId: input.requestId,
    })),
  );
  for (const row of moving) {
    if (ownerId && row.ownerId !== ownerId) {
      await notify(tx, {
        dealerId,
        userId: ownerId,
        kind: 'assignment',
        subjectKey: `lead:${row.id}:${now.toISOString()}`,
        payload: {
          leadId: row.id,
          customerId: row.customerId,
          customerName: row.customerName,
          cardNo: row.cardNo,
          ...(input.actorName ? { byName: input.actorName } : {}),
        },
      });
    }
  }
  return {
    moved: moving.map((row) => ({ leadId: row.id, customerId: row.customerId, fromOwnerId: row.ownerId })),
    unchanged: rows.length - moving.length,
    customersChanged,
    tasksMoved,
  };
};

/** Customers whose owner follows their lead (core customerOwnerAfter); returns how many changed. */
const followWithCustomers = async (
  tx: Executor,
  input: TransferInput,
  moving: readonly TransferLeadRow[],
): Promise<number> => {
  const { dealerId, ownerId } = input;
  if (ownerId === null) return 0;
  const owners = new Map(
    (await customerOwners(tx, dealerId, [...new Set(moving.map((row) => row.customerId))])).map((c) => [
      c.id,
      c.ownerId,
    ]),
  );
  const changed: { id: string; from: string | null }[] = [];
  for (const row of moving) {
    const current = owners.get(row.customerId) ?? null;
    const next = customerOwnerAfter({
      customerOwnerId: current,
      previousLeadOwnerId: row.ownerId,
      newOwnerId: ownerId,
    });
    if (next === current) continue;
    const original = changed.find((c) => c.id === row.customerId);
    if (!original) changed.push({ id: row.customerId, from: current });
    owners.set(row.customerId, next);
  }
  await setCustomerOwner(
    tx,
    dealerId,
    changed.map((c) => c.id),
    ownerId,
  );
  await insertAuditRows(
    tx,
    dealerId,
    changed.map((customer) => ({
      actorId: input.actorId,
      action: 'customer.owner_change',
      entity: 'customer',
      entityId: customer.id,
      before: { ownerId: customer.from },
      after: { ownerId, reason: input.reason },
      requestId: input.requestId,
    })),
  );
  return changed.length;
};
