import type { Executor } from '../infra/db/database';
import { findCustomerIdByPhone, findOpenLead } from './capture.repo';
import type { CaptureLeadInput, CaptureLeadResult } from './capture-input';
import { type CaptureOptions, captureLeads, PhoneTakenMeanwhile } from './capture-leads';

export type { CaptureLeadInput, CaptureLeadResult } from './capture-input';

/**
 * The customer a phone belongs to, exactly as capture dedups it (the main phone or a further phone kept
 * on a card; merged cards left out): other parts that match a caller by phone (DCC inbound calls) use
 * this one lookup.
 */
export const findCustomerByPhone = findCustomerIdByPhone;

/**
 * The one way a lead enters Qianke, from every channel: one customer per phone in a store. A known
 * phone adds a lead to its customer; a new phone opens a card (numbered `A01-26-0001`). Runs inside
 * the caller's transaction, so a failure later in the request leaves nothing half stored.
 *
 * In the same transaction the lead gets its owner and its first task (never a batch that can miss):
 * a lead captured without an owner goes through the store's automatic assignment rules (or stays in
 * the manager's distribution queue), and the owner gets the first call-back, due by the store's rule
 * table (24 hours by default, DOMAIN §3). It is `captureLeads` for one lead (so a lead comes in the
 * same way alone or in an import), plus what only a single capture does: a returning visitor's open
 * lead taking the contact (`reuseOpenLead`), and a phone another desk opened at the same moment
 * getting this lead instead of a second card.
 */
export const captureLead = async (
  tx: Executor,
  input: CaptureLeadInput,
  options: CaptureOptions = {},
): Promise<CaptureLeadResult> => {
  if (input.reuseOpenLead) {
    const existing = await findCustomerIdByPhone(tx, input.dealerId, input.customer.phoneE164);
    const open = existing ? await findOpenLead(tx, input.dealerId, existing.id) : undefined;
    if (existing && open) {
      return { customerId: existing.id, leadId: open.id, duplicate: true, ownerId: open.ownerId };
    }
  }
  const once = async () => {
    const [result] = await captureLeads(tx, [{ ...input, reuseOpenLead: false }], options);
    if (!result) throw new Error('captureLeads returned no result for one lead');
    return result;
  };
  try {
    return await once();
  } catch (error) {
    // Nothing was written but the card number it took: now the phone is known, the lead goes to it.
    if (error instanceof PhoneTakenMeanwhile) return once();
    throw error;
  }
};
