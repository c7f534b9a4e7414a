import type { TCaptureResult, TCreateCustomerParsed, TNewLead } from '@qianke/contracts/customers';
import { ownerOfNewCustomer } from '@qianke/core/customers/ownership';
import { DomainError } from '@qianke/core/shared/domain-error';
import type { Clock } from '../infra/clock';
import type { Db } from '../infra/db/database';
import type { AuthContext } from '../infra/http/auth-context';
import { captureLead } from './capture-lead';
import { type CardSerials, cardSerialsInTransaction } from './card-serials';
import { notFound } from './customer-access';
import {
  assertCanOwn,
  assertPhonesFree,
  blankToNull,
  duplicateCustomer,
  leadOf,
  otherPhonesOf,
  phoneOf,
} from './customer-input';
import { findCard, findPhoneHolder, setOtherPhones } from './customers.repo';

export type CreateDeps = { db: Db; clock: Clock; cardSerials?: CardSerials };

/**
 * Opens a customer card by hand with its first inquiry (DOMAIN §2). A phone the store already knows is a
 * 409 duplicate_customer naming that customer and its owner, and nothing is stored: the caller may then
 * add the inquiry to that customer instead.
 */
export const createCustomer = async (
  { db, clock, cardSerials = cardSerialsInTransaction }: CreateDeps,
  ctx: AuthContext,
  input: TCreateCustomerParsed,
  requestId?: string,
): Promise<string> => {
  const phone = phoneOf(input.phone, 'phone');
  const otherPhones = otherPhonesOf(input.otherPhones, phone.e164);
  const ownerId = ownerOfNewCustomer({
    roles: ctx.roles,
    userId: ctx.userId,
    requestedOwnerId: input.ownerId,
  });
  if (ownerId) await assertCanOwn(db, ctx.dealerId, ownerId);
  const lead = await leadOf(db, ctx.dealerId, input.lead, 'lead');
  // Checked before anything is written, so the 409 is clean; captureLead checks again inside.
  await assertPhonesFree(db, ctx.dealerId, [
    { e164: phone.e164, field: 'phone' },
    ...otherPhones.map((p, index) => ({ e164: p.e164, field: `otherPhones.${index}.phone` })),
  ]);
  return db.transaction(async (tx) => {
    const captured = await captureLead(
      tx,
      {
        dealerId: ctx.dealerId,
        actorId: ctx.userId,
        customer: {
          name: input.name.trim(),
          phoneE164: phone.e164,
          phoneRaw: input.phone.trim(),
          kind: input.kind,
          gender: input.gender ?? null,
          region: blankToNull(input.region) ?? null,
          address: blankToNull(input.address) ?? null,
          occupation: blankToNull(input.occupation) ?? null,
          company: blankToNull(input.company) ?? null,
          currentCar: blankToNull(input.currentCar) ?? null,
          budgetMin: input.budgetMin ?? null,
          budgetMax: input.budgetMax ?? null,
          paymentIntent: input.paymentIntent ?? null,
        },
        lead,
        ownerId,
        occurredAt: clock.now(),
        via: 'manual',
        requestId,
      },
      { cardSerials },
    );
    if (captured.duplicate) {
      // Another desk opened this phone a moment ago: roll back and say whose it is.
      const holder = await findPhoneHolder(tx, ctx.dealerId, phone.e164);
      if (holder) throw duplicateCustomer(holder);
      throw new DomainError('conflict', 'Someone changed this at the same moment. Try again.');
    }
    if (otherPhones.length > 0) await setOtherPhones(tx, ctx.dealerId, captured.customerId, otherPhones);
    return captured.customerId;
  });
};

/**
 * Adds an inquiry to a customer the store already has ("add this inquiry to it" after a duplicate). It
 * goes to the customer's owner. Anyone who may open cards may do it, also for a customer they cannot see,
 * since the duplicate answer named it; a merged customer's inquiry goes to the one it was merged into.
 */
export const addLead = async (
  { db, clock, cardSerials = cardSerialsInTransaction }: CreateDeps,
  ctx: AuthContext,
  customerId: string,
  input: TNewLead,
  requestId?: string,
): Promise<TCaptureResult> => {
  let card = await findCard(db, ctx.dealerId, customerId);
  if (card?.mergedIntoId) card = await findCard(db, ctx.dealerId, card.mergedIntoId);
  if (!card) throw notFound();
  const { phoneE164, name } = card;
  if (!phoneE164) {
    const message = 'This customer has no phone number: add one to the card first.';
    throw new DomainError('validation_failed', message);
  }
  const lead = await leadOf(db, ctx.dealerId, input, '');
  const captured = await db.transaction((tx) =>
    captureLead(
      tx,
      {
        dealerId: ctx.dealerId,
        actorId: ctx.userId,
        customer: { name, phoneE164, phoneRaw: card.phoneRaw ?? phoneE164 },
        lead,
        occurredAt: clock.now(),
        via: 'manual',
        requestId,
      },
      { cardSerials },
    ),
  );
  return { customerId: captured.customerId, leadId: captured.leadId, ownerId: captured.ownerId };
};
