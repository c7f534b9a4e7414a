import type { Executor } from '../infra/db/database';
import { findArrival } from './arrival.repo';
import { notify } from './notify';

/**
 * "Your customer is here": when a showroom visit of a customer who has an owner is logged, the owner
 * is notified (kind 'arrival', once per visit). Called by the showroom desk inside the transaction
 * that logs the visit, so a visit that is not saved notifies nobody. A phone-in, a visitor without a
 * customer card, a customer without an owner, or an owner who logged the visit themselves: nothing.
 */
export const notifyArrival = async (
  tx: Executor,
  input: { dealerId: string; visitId: string },
): Promise<void> => {
  const arrival = await findArrival(tx, input.dealerId, input.visitId);
  if (!arrival || arrival.loggedBy === arrival.ownerId) return;
  await notify(tx, {
    dealerId: input.dealerId,
    userId: arrival.ownerId,
    kind: 'arrival',
    subjectKey: `visit:${input.visitId}:arrival`,
    payload: {
      visitId: input.visitId,
      customerId: arrival.customerId,
      customerName: arrival.customerName,
      cardNo: arrival.cardNo,
      ...(arrival.leadId ? { leadId: arrival.leadId } : {}),
      arrivedAt: arrival.arrivedAt.toISOString(),
      consultantName: arrival.consultantName,
    },
  });
};
