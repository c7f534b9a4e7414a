import type { TAssignmentReason } from '@qianke/contracts/assignment';
import type {
  TCatalogRef,
  TCustomer,
  TCustomerLead,
  TCustomerListItem,
  TOtherPhone,
} from '@qianke/contracts/customers';
import type { Role } from '@qianke/core/accounts/roles';
import type { OtherPhone } from '@qianke/core/customers/merge-profile';
import { maskPhone } from '@qianke/core/customers/phone';
import { displayPhone } from '@qianke/core/customers/phone-display';
import { seesPhoneInFull } from '@qianke/core/customers/visibility';
import { manAction } from '@qianke/core/leads/man';
import type { CardRow, LeadRow } from './customers.repo';

/** Who is looking: phones are shown in full or masked per core/customers/visibility.ts. */
export type Viewer = { userId: string; roles: readonly Role[] };

const phoneFor = (e164: string | null, full: boolean): string | null =>
  e164 === null ? null : full ? displayPhone(e164) : maskPhone(e164);

export const otherPhonesFor = (phones: readonly OtherPhone[] | null, full: boolean): TOtherPhone[] =>
  (phones ?? []).map((p) => ({
    phone: phoneFor(p.e164, full) ?? '',
    phoneE164: full ? p.e164 : null,
    label: p.label ?? null,
  }));

/** json_build_object arrives parsed from both drivers; a string is parsed here to be safe. */
const seriesRef = (value: unknown): TCatalogRef | null => {
  const parsed = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
  if (!parsed || typeof parsed !== 'object') return null;
  const { id, name, nameEn } = parsed as { id: string; name: string; nameEn: string | null };
  return { id, name, nameEn: nameEn ?? null };
};

const iso = (at: Date | string | null): string | null =>
  at === null ? null : (at instanceof Date ? at : new Date(at)).toISOString();

export const toListItem = (row: CardRow, viewer: Viewer): TCustomerListItem => {
  const full = seesPhoneInFull(viewer.roles, viewer.userId, row.ownerId);
  return {
    id: row.id,
    cardNo: row.cardNo,
    name: row.name,
    kind: row.kind,
    gender: row.gender,
    phone: phoneFor(row.phoneE164, full),
    phoneMasked: row.phoneE164 !== null && !full,
    level: row.level,
    ownerId: row.ownerId,
    ownerName: row.ownerName,
    sourceId: row.sourceId,
    source:
      row.sourceId && row.sourceCode
        ? {
            id: row.sourceId,
            code: row.sourceCode,
            nameZh: row.sourceNameZh ?? '',
            nameEn: row.sourceNameEn ?? '',
          }
        : null,
    latestSeries: seriesRef(row.latestSeries),
    leadCount: row.leadCount,
    status: row.status,
    nextContactAt: iso(row.nextContactAt),
    fleet: row.fleet,
    createdAt: iso(row.createdAt) ?? '',
    version: row.version,
  };
};

/** The stored reason is jsonb written by assignment; anything without `by` is shown as none. */
const assignmentReasonOf = (value: unknown): TAssignmentReason | null =>
  value && typeof value === 'object' && typeof (value as { by?: unknown }).by === 'string'
    ? (value as TAssignmentReason)
    : null;

const manOf = (lead: LeadRow) =>
  lead.manMoney === null || lead.manAuthority === null || lead.manNeed === null
    ? null
    : { money: lead.manMoney, authority: lead.manAuthority, need: lead.manNeed };

const toLead = (lead: LeadRow): TCustomerLead => {
  const man = manOf(lead);
  const action = man ? manAction(man) : null;
  return {
    id: lead.id,
    level: lead.level,
    horizon: lead.horizon,
    status: lead.status,
    ownerId: lead.ownerId,
    ownerName: lead.ownerName,
    source: {
      id: lead.sourceId,
      code: lead.sourceCode,
      nameZh: lead.sourceNameZh,
      nameEn: lead.sourceNameEn,
    },
    series: lead.seriesId
      ? { id: lead.seriesId, name: lead.seriesName ?? '', nameEn: lead.seriesNameEn }
      : null,
    model: lead.modelId ? { id: lead.modelId, name: lead.modelName ?? '', nameEn: null } : null,
    colour: lead.colourId
      ? { id: lead.colourId, name: lead.colourName ?? '', nameEn: lead.colourNameEn }
      : null,
    channel: lead.channel,
    campaignCode: lead.campaignCode,
    note: lead.note,
    createdAt: iso(lead.createdAt) ?? '',
    man,
    manAction: action ? { code: action.code, prospect: action.prospect, zh: action.zh, en: action.en } : null,
    assignmentReason: assignmentReasonOf(lead.assignmentReason),
    version: lead.version,
  };
};

export const toCustomer = (row: CardRow, leadRows: readonly LeadRow[], viewer: Viewer): TCustomer => {
  const full = seesPhoneInFull(viewer.roles, viewer.userId, row.ownerId);
  return {
    ...toListItem(row, viewer),
    phoneE164: full ? row.phoneE164 : null,
    otherPhones: otherPhonesFor(row.otherPhones, full),
    region: row.region,
    address: row.address,
    occupation: row.occupation,
    company: row.company,
    currentCar: row.currentCar,
    budgetMin: row.budgetMin,
    budgetMax: row.budgetMax,
    paymentIntent: row.paymentIntent,
    ownerSince: row.ownerSince,
    updatedAt: iso(row.updatedAt) ?? '',
    leads: leadRows.map(toLead),
  };
};
