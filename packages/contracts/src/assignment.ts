import { z } from 'zod';
import { ZId, ZVersion } from './common';

/**
 * Assignment (issue 4): the sales manager's distribution queue, manual and automatic assignment,
 * reassignment, and "why this owner" on every lead.
 */

/** How leads reach the store (leads.channel); rules may also name codes not in this list. */
export const LEAD_CHANNELS = [
  'walk_in',
  'phone_in',
  'hotline_400',
  'portal',
  'website',
  'online_order',
  'social',
  'event',
  'prospecting',
  'personal_network',
  'referral',
  'owner_base',
  'employee',
  'fleet',
  'info_station',
  'import',
  'other',
] as const;
export type TLeadChannel = (typeof LEAD_CHANNELS)[number];
export const isLeadChannel = (code: string): code is TLeadChannel =>
  (LEAD_CHANNELS as readonly string[]).includes(code);

const ZCode = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, { message: 'A lower_snake code such as walk_in.' });

/**
 * Why a lead has its owner, or why it waits in the queue. `by`: 'manager' (assigned by hand),
 * 'rule' (an automatic assignment rule), 'queue' (no rule or nobody available), 'capture' (owned
 * from the moment it was captured).
 */
export const ZAssignmentReason = z
  .looseObject({
    by: z.string(),
    managerId: ZId.optional(),
    note: z.string().nullable().optional(),
    ruleId: z.string().optional(),
    ruleName: z.string().optional(),
    openLeads: z.number().optional(),
    cap: z.number().nullable().optional(),
    poolSize: z.number().optional(),
    why: z.string().optional(),
    defeatRequestId: ZId.optional(),
    handoverFromId: ZId.optional(),
  })
  .meta({ id: 'AssignmentReason' });
export type TAssignmentReason = z.infer<typeof ZAssignmentReason>;

const ZNamedRef = z.object({ id: ZId, name: z.string(), nameEn: z.string().nullable() });
const ZSourceRef = z.object({ id: ZId, code: z.string(), nameZh: z.string(), nameEn: z.string() });

export const ZDistributionQueueQuery = z.object({
  cursor: z.string().max(200).optional().meta({ description: '`nextCursor` of the previous page' }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TDistributionQueueQuery = z.input<typeof ZDistributionQueueQuery>;
export type TDistributionQueueParsed = z.infer<typeof ZDistributionQueueQuery>;

export const ZQueueItem = z
  .object({
    leadId: ZId,
    customerId: ZId,
    customerName: z.string(),
    cardNo: z.string(),
    phone: z.string().nullable().meta({ description: 'In full for a sales manager, else masked' }),
    status: z.enum(['open', 'nurturing']),
    channel: z.string(),
    source: ZSourceRef,
    series: ZNamedRef.nullable(),
    level: z.string().nullable(),
    createdAt: z.iso.datetime(),
    ageMinutes: z.number().int().meta({ description: "Waiting time in the store's opening hours" }),
    overdue: z.boolean().meta({ description: 'Waiting longer than the store allows (default 30 minutes)' }),
    reason: ZAssignmentReason.nullable().meta({ description: 'Why no rule assigned it' }),
    version: ZVersion,
  })
  .meta({ id: 'QueueItem' });
export type TQueueItem = z.infer<typeof ZQueueItem>;

export const ZDistributionQueue = z
  .object({
    items: z.array(ZQueueItem),
    nextCursor: z.string().nullable(),
    total: z.number().int(),
    alertMinutes: z.number().int(),
  })
  .meta({ id: 'DistributionQueue' });
export type TDistributionQueue = z.infer<typeof ZDistributionQueue>;

export const ZAssignee = z
  .object({
    id: ZId,
    username: z.string(),
    displayName: z.string(),
    roles: z.array(z.string()),
    consultantCode: z.string().nullable(),
    onDuty: z.boolean(),
    disabled: z.boolean(),
    openLeads: z.number().int(),
    lastAssignedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Assignee' });
export type TAssignee = z.infer<typeof ZAssignee>;

export const ZAssigneesQuery = z.object({
  includeDisabled: z
    .enum(['true', 'false'])
    .optional()
    .meta({ description: '`true`: also disabled accounts (a departing colleague handing over)' }),
});
export type TAssigneesQuery = z.infer<typeof ZAssigneesQuery>;

export const ZAssigneeList = z.object({ items: z.array(ZAssignee) }).meta({ id: 'AssigneeList' });
export type TAssigneeList = z.infer<typeof ZAssigneeList>;

const ZNote = z.string().trim().max(500, { message: 'Use at most 500 characters.' });

export const ZAssignLeadsRequest = z.object({
  leadIds: z
    .array(ZId)
    .min(1, { message: 'Choose at least one lead.' })
    .max(500, { message: 'Assign at most 500 leads at once.' }),
  ownerId: ZId,
  note: ZNote.nullish(),
});
export type TAssignLeadsRequest = z.infer<typeof ZAssignLeadsRequest>;

export const ZAssignLeadsResult = z
  .object({
    assigned: z.number().int().meta({ description: 'Leads that changed owner' }),
    unchanged: z.number().int().meta({ description: 'Leads the person already owned' }),
    ownerId: ZId,
    assignedAt: z.iso.datetime(),
  })
  .meta({ id: 'AssignLeadsResult' });
export type TAssignLeadsResult = z.infer<typeof ZAssignLeadsResult>;

export const ZReassignAllRequest = z
  .object({ fromUserId: ZId, toUserId: ZId, note: ZNote.nullish() })
  .refine((value) => value.fromUserId !== value.toUserId, {
    path: ['toUserId'],
    message: 'Choose someone other than the person handing over.',
  });
export type TReassignAllRequest = z.infer<typeof ZReassignAllRequest>;

export const ZReassignAllResult = z
  .object({
    leads: z.number().int(),
    customers: z.number().int(),
    tasks: z.number().int(),
    assignedAt: z.iso.datetime(),
  })
  .meta({ id: 'ReassignAllResult' });
export type TReassignAllResult = z.infer<typeof ZReassignAllResult>;

export const ZSetDutyRequest = z.object({ onDuty: z.boolean() });
export type TSetDutyRequest = z.infer<typeof ZSetDutyRequest>;
export const ZDutyResult = z.object({ userId: ZId, onDuty: z.boolean() }).meta({ id: 'DutyResult' });

const ZRuleName = z
  .string()
  .trim()
  .min(1, { message: 'Enter a name for the rule.' })
  .max(60, { message: 'Use at most 60 characters.' });
const ZPriority = z.number().int().min(0).max(10_000);
const ZCap = z.number().int().min(1, { message: 'At least 1.' }).max(10_000);
export const ZRuleMatch = z.object({
  channels: z.array(ZCode).max(30).default([]),
  sourceCodes: z.array(ZCode).max(100).default([]),
});

export const ZAssignmentRule = z
  .object({
    id: ZId,
    name: z.string(),
    priority: z.number().int(),
    match: z.object({ channels: z.array(z.string()), sourceCodes: z.array(z.string()) }),
    poolUserIds: z.array(ZId),
    openLeadCap: z.number().int().nullable(),
    active: z.boolean(),
    updatedAt: z.iso.datetime(),
    version: ZVersion,
  })
  .meta({ id: 'AssignmentRule' });
export type TAssignmentRule = z.infer<typeof ZAssignmentRule>;

export const ZAssignmentRuleList = z.object({ items: z.array(ZAssignmentRule) }).meta({
  id: 'AssignmentRuleList',
  description: 'In the order they are tried: lowest priority number first',
});
export type TAssignmentRuleList = z.infer<typeof ZAssignmentRuleList>;

export const ZCreateAssignmentRuleRequest = z.object({
  name: ZRuleName,
  priority: ZPriority.default(100).meta({ description: 'Rules are tried lowest number first' }),
  match: ZRuleMatch.meta({ description: 'Channels and source codes; both empty = every lead' }),
  poolUserIds: z
    .array(ZId)
    .min(1, { message: 'Choose at least one person.' })
    .max(100)
    .meta({ description: 'Consultants, DCC agents or CRM specialists of the store who take turns' }),
  openLeadCap: ZCap.nullable()
    .default(null)
    .meta({ description: 'A person holding this many open leads is skipped; null = no cap' }),
  active: z.boolean().default(true),
});
export type TCreateAssignmentRuleRequest = z.input<typeof ZCreateAssignmentRuleRequest>;
export type TCreateAssignmentRuleParsed = z.infer<typeof ZCreateAssignmentRuleRequest>;

export const ZUpdateAssignmentRuleRequest = z.object({
  version: ZVersion,
  name: ZRuleName.optional(),
  priority: ZPriority.optional(),
  match: ZRuleMatch.optional(),
  poolUserIds: z.array(ZId).min(1, { message: 'Choose at least one person.' }).max(100).optional(),
  openLeadCap: ZCap.nullable().optional(),
  active: z.boolean().optional(),
});
export type TUpdateAssignmentRuleRequest = z.input<typeof ZUpdateAssignmentRuleRequest>;
export type TUpdateAssignmentRuleParsed = z.infer<typeof ZUpdateAssignmentRuleRequest>;

export const ZAssignmentHistoryEntry = z
  .object({
    at: z.iso.datetime(),
    actorId: ZId.nullable(),
    actorName: z.string().nullable(),
    fromOwnerId: ZId.nullable(),
    fromOwnerName: z.string().nullable(),
    toOwnerId: ZId.nullable(),
    toOwnerName: z.string().nullable(),
    reason: ZAssignmentReason.nullable(),
  })
  .meta({ id: 'AssignmentHistoryEntry' });
export type TAssignmentHistoryEntry = z.infer<typeof ZAssignmentHistoryEntry>;

export const ZLeadAssignment = z
  .object({
    leadId: ZId,
    status: z.string(),
    ownerId: ZId.nullable(),
    ownerName: z.string().nullable(),
    assignedAt: z.iso.datetime().nullable(),
    reason: ZAssignmentReason.nullable(),
    history: z.array(ZAssignmentHistoryEntry).meta({ description: 'Oldest first' }),
  })
  .meta({ id: 'LeadAssignment' });
export type TLeadAssignment = z.infer<typeof ZLeadAssignment>;
