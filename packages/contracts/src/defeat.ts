import { DEFEAT_OUTCOMES, DEFEAT_STATUSES } from '@qianke/core/leads/defeat';
import { z } from 'zod';
import { ZId, ZVersion } from './common';

/** Defeat (战败) with approval, DOMAIN §3: per-store reasons, requests, decisions, the monthly record. */

export const ZDefeatStatus = z.enum(DEFEAT_STATUSES);
export const ZDefeatOutcome = z.enum(DEFEAT_OUTCOMES, {
  message: 'Choose lost, reassigned or nurturing.',
});
export type TDefeatOutcome = z.infer<typeof ZDefeatOutcome>;
export type TDefeatStatus = z.infer<typeof ZDefeatStatus>;

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `Use at most ${max} characters.` });
const ZReasonName = z
  .string()
  .trim()
  .min(1, { message: 'Enter the name.' })
  .max(40, { message: 'Use at most 40 characters.' });

export const ZDefeatReason = z
  .object({
    id: ZId,
    code: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    needsCompetitor: z.boolean(),
    sort: z.number().int(),
    active: z.boolean(),
    version: ZVersion,
  })
  .meta({ id: 'DefeatReason' });
export type TDefeatReason = z.infer<typeof ZDefeatReason>;

export const ZDefeatReasonList = z
  .object({ items: z.array(ZDefeatReason) })
  .meta({ id: 'DefeatReasonList', description: 'In their order; retired reasons have active=false' });
export type TDefeatReasonList = z.infer<typeof ZDefeatReasonList>;

export const ZCreateDefeatReasonRequest = z.object({
  code: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z][a-z0-9_]{1,39}$/, {
      message: 'Lower-case letters, digits and underscores, e.g. no_stock.',
    }),
  nameZh: ZReasonName,
  nameEn: ZReasonName,
  needsCompetitor: z.boolean().default(false),
  sort: z.number().int().min(0).max(100_000).optional(),
  active: z.boolean().default(true),
});
export type TCreateDefeatReasonRequest = z.input<typeof ZCreateDefeatReasonRequest>;

export const ZUpdateDefeatReasonRequest = z.object({
  version: ZVersion,
  nameZh: ZReasonName.optional(),
  nameEn: ZReasonName.optional(),
  needsCompetitor: z.boolean().optional(),
  sort: z.number().int().min(0).max(100_000).optional(),
  active: z.boolean().optional(),
});
export type TUpdateDefeatReasonRequest = z.infer<typeof ZUpdateDefeatReasonRequest>;

export const ZCreateDefeatRequest = z.object({
  reasonId: ZId,
  competitorBrand: text(40).nullish(),
  competitorModel: text(60).nullish(),
  note: z
    .string()
    .trim()
    .min(1, { message: 'Say what happened: the manager decides from this.' })
    .max(1000, { message: 'Use at most 1000 characters.' }),
});
export type TCreateDefeatRequest = z.infer<typeof ZCreateDefeatRequest>;

const ZPersonRef = z.object({ id: ZId, name: z.string() });

export const ZDefeatRequest = z
  .object({
    id: ZId,
    leadId: ZId,
    leadStatus: z.string(),
    customer: z.object({ id: ZId, name: z.string(), cardNo: z.string() }),
    series: z.object({ id: ZId, name: z.string(), nameEn: z.string().nullable() }).nullable(),
    level: z.string().nullable(),
    owner: ZPersonRef.nullable().meta({ description: "The lead's owner now" }),
    requestedBy: ZPersonRef,
    reason: z.object({ id: ZId, code: z.string(), nameZh: z.string(), nameEn: z.string() }),
    competitorBrand: z.string().nullable(),
    competitorModel: z.string().nullable(),
    note: z.string().nullable(),
    status: ZDefeatStatus,
    outcome: ZDefeatOutcome.nullable(),
    decidedBy: ZPersonRef.nullable(),
    decidedAt: z.iso.datetime().nullable(),
    managerNote: z.string().nullable(),
    createdAt: z.iso.datetime(),
    version: ZVersion,
  })
  .meta({ id: 'DefeatRequest' });
export type TDefeatRequest = z.infer<typeof ZDefeatRequest>;

export const ZListDefeatRequestsQuery = z.object({
  status: ZDefeatStatus.optional(),
  leadId: ZId.optional(),
  cursor: z.string().max(200).optional().meta({ description: '`nextCursor` of the previous page' }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TListDefeatRequestsQuery = z.input<typeof ZListDefeatRequestsQuery>;
export type TListDefeatRequestsParsed = z.infer<typeof ZListDefeatRequestsQuery>;

export const ZDefeatRequestList = z
  .object({ items: z.array(ZDefeatRequest), nextCursor: z.string().nullable() })
  .meta({
    id: 'DefeatRequestList',
    description: 'Pending requests oldest first (the order to decide them in); otherwise newest first',
  });
export type TDefeatRequestList = z.infer<typeof ZDefeatRequestList>;

export const ZApproveDefeatRequest = z.object({
  outcome: ZDefeatOutcome,
  newOwnerId: ZId.nullish().meta({
    description:
      'reassigned: who takes the lead over (required); nurturing: the CRM specialist, or none to keep it in the queue',
  }),
  managerNote: text(1000).nullish(),
});
export type TApproveDefeatRequest = z.infer<typeof ZApproveDefeatRequest>;

export const ZRejectDefeatRequest = z.object({
  managerNote: z
    .string()
    .trim()
    .min(1, { message: 'Tell the consultant why the lead stays open.' })
    .max(1000, { message: 'Use at most 1000 characters.' }),
});
export type TRejectDefeatRequest = z.infer<typeof ZRejectDefeatRequest>;

export const ZDefeatMonthlyQuery = z.object({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'A month such as 2026-03.' })
    .optional()
    .meta({ description: "YYYY-MM in the store's calendar; this month if left out" }),
  userId: ZId.optional().meta({ description: 'One consultant (managers only; others always see their own)' }),
});
export type TDefeatMonthlyQuery = z.infer<typeof ZDefeatMonthlyQuery>;

const tallyFields = {
  requested: z.number().int().meta({ description: 'Requests made in the month' }),
  pending: z.number().int().meta({ description: 'Of those, still waiting for a decision' }),
  approved: z
    .object({
      total: z.number().int(),
      lost: z.number().int(),
      reassigned: z.number().int(),
      nurturing: z.number().int(),
    })
    .meta({ description: 'Approvals decided in the month, by outcome' }),
  rejected: z.number().int().meta({ description: 'Rejections decided in the month' }),
  byReason: z.array(
    z.object({
      reasonId: ZId,
      code: z.string(),
      nameZh: z.string(),
      nameEn: z.string(),
      requested: z.number().int(),
      approved: z.number().int(),
    }),
  ),
};

export const ZDefeatMonthly = z
  .object({
    month: z.string(),
    timeZone: z.string(),
    items: z.array(z.object({ userId: ZId, displayName: z.string(), ...tallyFields })),
    totals: z.object(tallyFields),
  })
  .meta({ id: 'DefeatMonthly' });
export type TDefeatMonthly = z.infer<typeof ZDefeatMonthly>;

export const ZEligibleLeadsQuery = z.object({
  q: z.string().trim().max(60).optional().meta({ description: 'Part of the name or card number' }),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type TEligibleLeadsQuery = z.input<typeof ZEligibleLeadsQuery>;
export type TEligibleLeadsParsed = z.infer<typeof ZEligibleLeadsQuery>;

export const ZEligibleLead = z
  .object({
    leadId: ZId,
    customerId: ZId,
    customerName: z.string(),
    cardNo: z.string(),
    series: z.object({ id: ZId, name: z.string(), nameEn: z.string().nullable() }).nullable(),
    level: z.string().nullable(),
    status: z.string(),
    owner: ZPersonRef.nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'EligibleLead' });
export type TEligibleLead = z.infer<typeof ZEligibleLead>;

export const ZEligibleLeadList = z.object({ items: z.array(ZEligibleLead) }).meta({
  id: 'EligibleLeadList',
  description: 'Active leads you may ask a defeat for, without a pending request',
});
export type TEligibleLeadList = z.infer<typeof ZEligibleLeadList>;
