import type { TMergeCustomersRequest } from '@qianke/contracts/customers';
import { mergePatchFor } from '@qianke/core/customers/merge-profile';
import { mergeProblems } from '@qianke/core/customers/merge-rules';
import { DomainError } from '@qianke/core/shared/domain-error';
import { recordAudit } from '../infra/audit/record-audit';
import type { Db } from '../infra/db/database';
import type { AuthContext } from '../infra/http/auth-context';
import { notFound } from './customer-access';
import { type CustomerPatch, updateCustomer } from './customers.repo';
import { keepLeadMilestones } from './lead-milestones';
import { lockMergeRows, moveCustomerRecords, retireMergedCustomers } from './merge.repo';

/**
 * Merges duplicate customers (合并, DOMAIN §3) in one transaction: the kept customer takes every lead,
 * visit, follow-up and task of the others, their phone numbers as further numbers, and what its own card
 * leaves empty; the others stay as records pointing at it and drop out of lists and search.
 */
export const mergeCustomers = async (
  db: Db,
  ctx: AuthContext,
  input: TMergeCustomersRequest,
  requestId?: string,
): Promise<string> => {
  const ids = [...new Set(input.customerIds)];
  return db.transaction(async (tx) => {
    const rows = await lockMergeRows(tx, ctx.dealerId, ids);
    if (rows.length !== ids.length) throw notFound();
    const problems = mergeProblems(input.survivorId, rows);
    if (problems.length > 0) {
      throw new DomainError('validation_failed', problems.map((p) => p.message).join(' '), {
        details: { problems },
      });
    }
    const survivor = rows.find((row) => row.id === input.survivorId);
    if (!survivor) throw notFound();
    // In the order the caller listed them: the first one with a value fills an empty field.
    const others = ids.flatMap((id) => rows.filter((row) => row.id === id && row.id !== survivor.id));
    const otherIds = others.map((row) => row.id);
    const patch = mergePatchFor(survivor, others);

    // Numbers are unique per store: the merged ones give theirs up before the kept one lists them.
    await retireMergedCustomers(tx, ctx.dealerId, otherIds, survivor.id);
    const moved = await moveCustomerRecords(tx, ctx.dealerId, otherIds, survivor.id);
    // The merged customers' visits and drives without a lead now count for the kept customer's leads.
    await keepLeadMilestones(tx, ctx.dealerId, [survivor.id]);
    // The merge rules in core speak plain strings; the rows they came from hold only valid values.
    await updateCustomer(tx, ctx.dealerId, survivor.id, patch as CustomerPatch);
    await recordAudit(tx, {
      dealerId: ctx.dealerId,
      actorId: ctx.userId,
      action: 'customer.merge',
      entity: 'customer',
      entityId: survivor.id,
      before: { otherPhones: survivor.otherPhones },
      after: {
        merged: others.map((row) => ({ id: row.id, cardNo: row.cardNo, name: row.name })),
        moved,
        filled: Object.keys(patch).filter((key) => key !== 'otherPhones'),
        otherPhones: patch.otherPhones,
      },
      requestId,
    });
    for (const row of others) {
      await recordAudit(tx, {
        dealerId: ctx.dealerId,
        actorId: ctx.userId,
        action: 'customer.merged_into',
        entity: 'customer',
        entityId: row.id,
        before: { phoneE164: row.phoneE164, cardNo: row.cardNo },
        after: { mergedIntoId: survivor.id, cardNo: survivor.cardNo },
        requestId,
      });
    }
    return survivor.id;
  });
};
