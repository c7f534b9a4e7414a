import type { TNewLead } from '@qianke/contracts/customers';
import { PHONE_PROBLEM } from '@qianke/contracts/customers';
import type { OtherPhone } from '@qianke/core/customers/merge-profile';
import { canOwnCustomers } from '@qianke/core/customers/ownership';
import { type NormalisedPhone, normalisePhone } from '@qianke/core/customers/phone';
import { DomainError } from '@qianke/core/shared/domain-error';
import type { Executor } from '../infra/db/database';
import type { CaptureLeadInput } from './capture-lead';
import {
  findColour,
  findLeadSource,
  findModel,
  findPhoneHolder,
  findSeries,
  findStaff,
} from './customers.repo';

const invalid = (field: string, message: string) =>
  new DomainError('validation_failed', message, { fields: { [field]: message } });

export const phoneOf = (raw: string, field: string): NormalisedPhone => {
  const phone = normalisePhone(raw);
  if (!phone) throw invalid(field, PHONE_PROBLEM);
  return phone;
};

/** Further numbers, each once and never the main number again. */
export const otherPhonesOf = (
  inputs: readonly { phone: string; label?: string | null | undefined }[],
  mainE164: string | null,
): OtherPhone[] => {
  const seen = new Set(mainE164 ? [mainE164] : []);
  const phones: OtherPhone[] = [];
  inputs.forEach((input, index) => {
    const { e164 } = phoneOf(input.phone, `otherPhones.${index}.phone`);
    if (seen.has(e164)) return;
    seen.add(e164);
    phones.push({ e164, raw: input.phone.trim(), label: input.label?.trim() || null });
  });
  return phones;
};

/** Empty text from a form means "not known". */
export const blankToNull = (value: string | null | undefined): string | null | undefined =>
  value === undefined ? undefined : value === null || value.trim() === '' ? null : value.trim();

export type PhoneHolder = NonNullable<Awaited<ReturnType<typeof findPhoneHolder>>>;

/** The 409 that names the customer who already has the number, and its owner (DOMAIN §2). */
export const duplicateCustomer = (holder: PhoneHolder, field = 'phone'): DomainError => {
  const owner = holder.ownerName ? `owned by ${holder.ownerName}` : 'not assigned to anyone yet';
  const message = `This phone belongs to ${holder.name} (${holder.cardNo}), ${owner}.`;
  return new DomainError('duplicate_customer', message, {
    fields: { [field]: message },
    details: {
      customerId: holder.id,
      name: holder.name,
      cardNo: holder.cardNo,
      ownerId: holder.ownerId,
      ownerName: holder.ownerName,
    },
  });
};

/** Refuses numbers another customer of the store already has (as main or further number). */
export const assertPhonesFree = async (
  db: Executor,
  dealerId: string,
  phones: readonly { e164: string; field: string }[],
  exceptId?: string,
) => {
  for (const { e164, field } of phones) {
    const holder = await findPhoneHolder(db, dealerId, e164, exceptId);
    if (holder) throw duplicateCustomer(holder, field);
  }
};

/** The owner named on a form: an active member of this store whose roles follow customers up. */
export const assertCanOwn = async (db: Executor, dealerId: string, userId: string, field = 'ownerId') => {
  const staff = await findStaff(db, dealerId, userId);
  if (!staff || staff.disabled || !canOwnCustomers(staff.roles)) {
    throw invalid(field, 'Choose an active consultant of this store as the owner.');
  }
};

/** Checks an inquiry against the store's source tree and catalog; field names are under `prefix`. */
export const leadOf = async (
  db: Executor,
  dealerId: string,
  lead: TNewLead,
  prefix: string,
): Promise<CaptureLeadInput['lead']> => {
  const field = (name: string) => (prefix ? `${prefix}.${name}` : name);
  const source = await findLeadSource(db, dealerId, lead.sourceId);
  if (!source) throw invalid(field('sourceId'), 'Choose where the lead came from.');
  if (!source.selectable)
    throw invalid(field('sourceId'), 'This source is no longer in use: choose another.');
  let seriesId = lead.seriesId ?? null;
  if (lead.modelId) {
    const model = await findModel(db, dealerId, lead.modelId);
    if (!model) throw invalid(field('modelId'), 'Choose a model of this store’s catalog.');
    if (seriesId && model.seriesId !== seriesId)
      throw invalid(field('modelId'), 'This model is not of the chosen series.');
    seriesId = model.seriesId;
  }
  if (seriesId && !(await findSeries(db, dealerId, seriesId)))
    throw invalid(field('seriesId'), 'Choose a series of this store’s catalog.');
  if (lead.colourId) {
    const colour = await findColour(db, dealerId, lead.colourId);
    if (!colour) throw invalid(field('colourId'), 'Choose a colour of this store’s catalog.');
    if (seriesId && colour.seriesId !== seriesId)
      throw invalid(field('colourId'), 'This colour is not offered for the chosen series.');
    seriesId ??= colour.seriesId;
  }
  return {
    sourceId: source.id,
    channel: lead.channel ?? source.channelCode,
    seriesId,
    modelId: lead.modelId ?? null,
    colourId: lead.colourId ?? null,
    campaignCode: blankToNull(lead.campaignCode) ?? null,
    level: lead.level ?? null,
    horizon: lead.horizon ?? null,
    note: blankToNull(lead.note) ?? null,
  };
};
