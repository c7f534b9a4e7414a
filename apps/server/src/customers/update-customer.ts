import type { TUpdateCustomerRequest } from '@qianke/contracts/customers';
import type { OtherPhone } from '@qianke/core/customers/merge-profile';
import { DomainError } from '@qianke/core/shared/domain-error';
import { recordAudit } from '../infra/audit/record-audit';
import type { Db } from '../infra/db/database';
import { uniqueViolationOf } from '../infra/db/pg-errors';
import type { AuthContext } from '../infra/http/auth-context';
import { loadVisibleCard } from './customer-access';
import { assertPhonesFree, blankToNull, duplicateCustomer, otherPhonesOf, phoneOf } from './customer-input';
import { type CardRow, type CustomerPatch, findPhoneHolder, updateCustomer } from './customers.repo';

const stale = () =>
  new DomainError(
    'stale_version',
    'Someone else changed this customer in the meantime. Reload and try again.',
  );

const TEXT_FIELDS = ['region', 'address', 'occupation', 'company', 'currentCar'] as const;
const PLAIN_FIELDS = ['kind', 'gender', 'budgetMin', 'budgetMax', 'paymentIntent'] as const;

const samePhones = (a: readonly OtherPhone[], b: readonly OtherPhone[]) =>
  JSON.stringify(a.map((p) => [p.e164, p.raw, p.label])) ===
  JSON.stringify(b.map((p) => [p.e164, p.raw, p.label]));

/** What the request changes, compared with the card as read: only real changes are written and audited. */
const patchOf = (before: CardRow, input: TUpdateCustomerRequest): CustomerPatch => {
  const patch: CustomerPatch = {};
  if (input.name !== undefined && input.name.trim() !== before.name) patch.name = input.name.trim();
  for (const field of TEXT_FIELDS) {
    const value = blankToNull(input[field]);
    if (value !== undefined && value !== before[field]) patch[field] = value;
  }
  for (const field of PLAIN_FIELDS) {
    const value = input[field];
    if (value !== undefined && value !== before[field]) Object.assign(patch, { [field]: value });
  }
  if (input.phone !== undefined) {
    const { e164 } = phoneOf(input.phone, 'phone');
    if (e164 !== before.phoneE164) patch.phoneE164 = e164;
    if (e164 !== before.phoneE164 || input.phone.trim() !== before.phoneRaw)
      patch.phoneRaw = input.phone.trim();
  }
  const mainE164 = patch.phoneE164 ?? before.phoneE164;
  const others = input.otherPhones === undefined ? undefined : otherPhonesOf(input.otherPhones, mainE164);
  if (others && !samePhones(others, before.otherPhones ?? [])) patch.otherPhones = others;
  return patch;
};

const auditViewOf = (card: CardRow | CustomerPatch, keys: readonly string[]) =>
  Object.fromEntries(keys.map((key) => [key, (card as Record<string, unknown>)[key] ?? null]));

/** Edits the profile card with optimistic locking; a new phone is checked against the store again. */
export const updateCustomerCard = async (
  db: Db,
  ctx: AuthContext,
  id: string,
  input: TUpdateCustomerRequest,
  requestId?: string,
): Promise<void> => {
  const before = await loadVisibleCard(db, ctx, id);
  if (before.version !== input.version) throw stale();
  const patch = patchOf(before, input);
  const budgetMin = patch.budgetMin !== undefined ? patch.budgetMin : before.budgetMin;
  const budgetMax = patch.budgetMax !== undefined ? patch.budgetMax : before.budgetMax;
  if (budgetMin != null && budgetMax != null && budgetMin > budgetMax) {
    const message = 'The upper budget must not be below the lower one.';
    throw new DomainError('validation_failed', message, { fields: { budgetMax: message } });
  }
  const keys = Object.keys(patch);
  if (keys.length === 0) return;
  const newNumbers = [
    ...(patch.phoneE164 ? [{ e164: patch.phoneE164, field: 'phone' }] : []),
    ...((patch.otherPhones as OtherPhone[] | undefined) ?? [])
      .map((p, index) => ({ e164: p.e164, field: `otherPhones.${index}.phone` }))
      .filter(
        ({ e164 }) =>
          !(before.otherPhones ?? []).some((known) => known.e164 === e164) && e164 !== before.phoneE164,
      ),
  ];
  await assertPhonesFree(db, ctx.dealerId, newNumbers, id);
  try {
    await db.transaction(async (tx) => {
      if (!(await updateCustomer(tx, ctx.dealerId, id, patch, input.version))) throw stale();
      await recordAudit(tx, {
        dealerId: ctx.dealerId,
        actorId: ctx.userId,
        action: 'customer.update',
        entity: 'customer',
        entityId: id,
        before: auditViewOf(before, keys),
        after: auditViewOf(patch, keys),
        requestId,
      });
    });
  } catch (error) {
    // Another desk took this number between the check and the write.
    if (patch.phoneE164 && uniqueViolationOf(error) === 'customers_phone_key') {
      const holder = await findPhoneHolder(db, ctx.dealerId, patch.phoneE164, id);
      if (holder) throw duplicateCustomer(holder);
    }
    throw error;
  }
};

/** Promotes a customer to fleet / wholesale customer (批售客户); fleet customers are never merged. */
export const promoteToFleet = async (
  db: Db,
  ctx: AuthContext,
  id: string,
  version: number,
  requestId?: string,
): Promise<void> => {
  const before = await loadVisibleCard(db, ctx, id);
  if (before.version !== version) throw stale();
  if (before.fleet) return;
  await db.transaction(async (tx) => {
    if (!(await updateCustomer(tx, ctx.dealerId, id, { fleet: true }, version))) throw stale();
    await recordAudit(tx, {
      dealerId: ctx.dealerId,
      actorId: ctx.userId,
      action: 'customer.fleet',
      entity: 'customer',
      entityId: id,
      before: { fleet: false },
      after: { fleet: true },
      requestId,
    });
  });
};
