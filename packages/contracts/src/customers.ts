import { normalisePhone } from '@qianke/core/customers/phone';
import { LEVELS } from '@qianke/core/leads/grading';
import { HORIZONS } from '@qianke/core/leads/horizon';
import { z } from 'zod';
import { ZAssignmentReason } from './assignment';
import { ZId, ZVersion } from './common';
import { ZMan, ZManAction } from './follow-ups';

export const ZLevel = z.enum(LEVELS, { message: 'Choose one of the levels O, H, A, B, C.' });
export const ZHorizon = z.enum(HORIZONS, { message: `Choose one of: ${HORIZONS.join(', ')}.` });
export const LEAD_STATUSES = ['open', 'nurturing', 'won', 'lost'] as const;
export const ZLeadStatus = z.enum(LEAD_STATUSES);
export const ZCustomerKind = z.enum(['person', 'company']);
export const ZGender = z.enum(['male', 'female']);
export const ZPaymentIntent = z.enum(['cash', 'loan', 'undecided']);

export const PHONE_PROBLEM = 'Enter a mobile number such as 138 0013 8000, or a landline with its area code.';

/** A phone in any spelling staff type it; the server keeps its E.164 form as the customer's key. */
export const ZPhoneInput = z
  .string()
  .trim()
  .min(1, { message: 'Enter the phone number.' })
  .max(40, { message: 'Use at most 40 characters.' })
  .refine((value) => normalisePhone(value) !== undefined, { message: PHONE_PROBLEM });

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `Use at most ${max} characters.` });
const ZMoney = z.number().nonnegative().max(100_000_000);

export const ZCustomerName = z
  .string()
  .trim()
  .min(1, { message: "Enter the customer's name." })
  .max(60, { message: 'Use at most 60 characters.' });

export const ZOtherPhoneInput = z.object({
  phone: ZPhoneInput,
  label: text(20).nullish().meta({ description: 'e.g. 家人, 工作, 备用' }),
});

/** The profile card (客户资料卡) fields of DOMAIN §2 that people type in. Empty strings mean "not known". */
const profileFields = {
  name: ZCustomerName,
  kind: ZCustomerKind,
  phone: ZPhoneInput,
  otherPhones: z.array(ZOtherPhoneInput).max(5, { message: 'At most 5 further numbers.' }),
  gender: ZGender.nullable(),
  region: text(60).nullable(),
  address: text(200).nullable(),
  occupation: text(60).nullable(),
  company: text(100).nullable(),
  currentCar: text(100).nullable(),
  budgetMin: ZMoney.nullable(),
  budgetMax: ZMoney.nullable(),
  paymentIntent: ZPaymentIntent.nullable(),
};

const budgetInOrder = (value: { budgetMin?: number | null; budgetMax?: number | null }) =>
  value.budgetMin === undefined ||
  value.budgetMin === null ||
  value.budgetMax === undefined ||
  value.budgetMax === null ||
  value.budgetMin <= value.budgetMax;
const BUDGET_ORDER = { path: ['budgetMax'], message: 'The upper budget must not be below the lower one.' };

/** One purchase interest (inquiry, 线索): the first one of a new customer, or a further one. */
export const ZNewLead = z
  .object({
    sourceId: ZId.meta({ description: 'A node of the source tree (GET /api/v1/sources)' }),
    seriesId: ZId.nullish(),
    modelId: ZId.nullish(),
    colourId: ZId.nullish(),
    campaignCode: text(40).nullish(),
    channel: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_]{1,31}$/, { message: 'A lower_snake code such as walk_in.' })
      .nullish()
      .meta({ description: "How the lead reached us; the code of the source's channel if left out" }),
    level: ZLevel.nullish(),
    horizon: ZHorizon.nullish(),
    note: text(500).nullish(),
  })
  .meta({ id: 'NewLead' });
export type TNewLead = z.infer<typeof ZNewLead>;

export const ZCreateCustomerRequest = z
  .object({
    ...profileFields,
    kind: ZCustomerKind.default('person'),
    otherPhones: profileFields.otherPhones.default([]),
    gender: profileFields.gender.optional(),
    region: profileFields.region.optional(),
    address: profileFields.address.optional(),
    occupation: profileFields.occupation.optional(),
    company: profileFields.company.optional(),
    currentCar: profileFields.currentCar.optional(),
    budgetMin: profileFields.budgetMin.optional(),
    budgetMax: profileFields.budgetMax.optional(),
    paymentIntent: profileFields.paymentIntent.optional(),
    ownerId: ZId.nullish().meta({
      description: 'A consultant always owns what they open; others may name the owner or leave it empty',
    }),
    lead: ZNewLead,
  })
  .refine(budgetInOrder, BUDGET_ORDER);
export type TCreateCustomerRequest = z.input<typeof ZCreateCustomerRequest>;
export type TCreateCustomerParsed = z.infer<typeof ZCreateCustomerRequest>;

export const ZUpdateCustomerRequest = z
  .object({
    version: ZVersion,
    name: profileFields.name.optional(),
    kind: profileFields.kind.optional(),
    phone: profileFields.phone.optional(),
    otherPhones: profileFields.otherPhones.optional(),
    gender: profileFields.gender.optional(),
    region: profileFields.region.optional(),
    address: profileFields.address.optional(),
    occupation: profileFields.occupation.optional(),
    company: profileFields.company.optional(),
    currentCar: profileFields.currentCar.optional(),
    budgetMin: profileFields.budgetMin.optional(),
    budgetMax: profileFields.budgetMax.optional(),
    paymentIntent: profileFields.paymentIntent.optional(),
  })
  .refine(budgetInOrder, BUDGET_ORDER);
export type TUpdateCustomerRequest = z.infer<typeof ZUpdateCustomerRequest>;

export const CUSTOMER_SORTS = ['createdAt', 'name', 'level', 'nextContactAt'] as const;
export const ZCustomerSort = z.enum(CUSTOMER_SORTS);
export type TCustomerSort = z.infer<typeof ZCustomerSort>;

export const ZListCustomersQuery = z.object({
  q: z.string().trim().max(60).optional().meta({
    description: 'Part of the name or card number, or a phone fragment in any spelling (0013, 138 0013)',
  }),
  level: ZLevel.optional(),
  horizon: ZHorizon.optional().meta({
    description: 'Customers with an open or nurtured lead of this horizon',
  }),
  sourceId: ZId.optional().meta({ description: 'This node of the source tree or any node below it' }),
  ownerId: ZId.optional(),
  status: ZLeadStatus.optional().meta({
    description: 'The status shown in the list (see `status` of an item)',
  }),
  createdFrom: z.iso.date().optional().meta({ description: "First day, in the store's calendar" }),
  createdTo: z.iso.date().optional().meta({ description: "Last day (included), in the store's calendar" }),
  sort: ZCustomerSort.default('createdAt'),
  order: z.enum(['asc', 'desc']).optional().meta({
    description: 'Newest first for createdAt; A-Z, hottest level and soonest contact first otherwise',
  }),
  cursor: z.string().max(400).optional().meta({ description: '`nextCursor` of the previous page' }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TListCustomersQuery = z.input<typeof ZListCustomersQuery>;
export type TListCustomersParsed = z.infer<typeof ZListCustomersQuery>;

export const ZSourceRef = z
  .object({ id: ZId, code: z.string(), nameZh: z.string(), nameEn: z.string() })
  .meta({ id: 'SourceRef' });
export type TSourceRef = z.infer<typeof ZSourceRef>;
export const ZCatalogRef = z
  .object({ id: ZId, name: z.string(), nameEn: z.string().nullable() })
  .meta({ id: 'CatalogRef' });
export type TCatalogRef = z.infer<typeof ZCatalogRef>;

const cardSummary = {
  id: ZId,
  cardNo: z.string(),
  name: z.string(),
  kind: ZCustomerKind,
  gender: ZGender.nullable(),
  phone: z.string().nullable().meta({
    description: 'As staff dial it (13800138000), or masked (138****8000) when `phoneMasked`',
  }),
  phoneMasked: z.boolean(),
  level: ZLevel.nullable(),
  ownerId: ZId.nullable(),
  ownerName: z.string().nullable(),
  sourceId: ZId.nullable(),
  source: ZSourceRef.nullable(),
  latestSeries: ZCatalogRef.nullable().meta({ description: 'Series of the latest lead' }),
  leadCount: z.number().int(),
  status: ZLeadStatus.nullable().meta({
    description: 'open if any lead is open, else nurturing, else won, else lost; null without leads',
  }),
  nextContactAt: z.iso.datetime().nullable(),
  fleet: z.boolean(),
  createdAt: z.iso.datetime(),
  version: ZVersion,
};

export const ZCustomerListItem = z.object(cardSummary).meta({ id: 'CustomerListItem' });
export type TCustomerListItem = z.infer<typeof ZCustomerListItem>;

export const ZCustomerList = z
  .object({ items: z.array(ZCustomerListItem), nextCursor: z.string().nullable() })
  .meta({ id: 'CustomerList' });
export type TCustomerList = z.infer<typeof ZCustomerList>;

export const ZOtherPhone = z
  .object({
    phone: z.string(),
    phoneE164: z.string().nullable().meta({ description: 'null while masked' }),
    label: z.string().nullable(),
  })
  .meta({ id: 'OtherPhone' });
export type TOtherPhone = z.infer<typeof ZOtherPhone>;

export const ZCustomerLead = z
  .object({
    id: ZId,
    level: ZLevel.nullable(),
    horizon: ZHorizon.nullable(),
    status: ZLeadStatus,
    ownerId: ZId.nullable(),
    ownerName: z.string().nullable(),
    source: ZSourceRef,
    series: ZCatalogRef.nullable(),
    model: ZCatalogRef.nullable(),
    colour: ZCatalogRef.nullable(),
    channel: z.string(),
    campaignCode: z.string().nullable(),
    note: z.string().nullable(),
    createdAt: z.iso.datetime(),
    man: ZMan.nullable().meta({ description: 'MAN as last judged when grading; null if never' }),
    manAction: ZManAction.nullable().meta({ description: 'What seed 001 recommends for that MAN' }),
    assignmentReason: ZAssignmentReason.nullable().meta({ description: 'Why this lead has its owner' }),
    version: ZVersion.meta({ description: "The lead's version, for POST /api/v1/leads/:id/level" }),
  })
  .meta({ id: 'CustomerLead' });
export type TCustomerLead = z.infer<typeof ZCustomerLead>;

export const ZCustomer = z
  .object({
    ...cardSummary,
    phoneE164: z.string().nullable().meta({ description: 'null while masked' }),
    otherPhones: z.array(ZOtherPhone),
    region: z.string().nullable(),
    address: z.string().nullable(),
    occupation: z.string().nullable(),
    company: z.string().nullable(),
    currentCar: z.string().nullable(),
    budgetMin: z.number().nullable(),
    budgetMax: z.number().nullable(),
    paymentIntent: ZPaymentIntent.nullable(),
    ownerSince: z.iso.date().nullable(),
    updatedAt: z.iso.datetime(),
    leads: z.array(ZCustomerLead).meta({ description: 'Newest first' }),
  })
  .meta({ id: 'Customer' });
export type TCustomer = z.infer<typeof ZCustomer>;

export const ZRevealedPhones = z
  .object({
    phone: z.string().nullable(),
    phoneE164: z.string().nullable(),
    otherPhones: z.array(ZOtherPhone),
  })
  .meta({ id: 'RevealedPhones' });
export type TRevealedPhones = z.infer<typeof ZRevealedPhones>;

export const TIMELINE_TYPES = [
  'lead',
  'visit',
  'phone_in',
  'follow_up',
  'level_change',
  'order',
  'change',
  // Test drives (issue 5)
  'test_drive',
  // DCC calls and invitations (issue 5)
  'call',
  'invitation',
] as const;
export const ZTimelineEntry = z
  .object({
    type: z.enum(TIMELINE_TYPES),
    id: z.string(),
    at: z.iso.datetime(),
    who: z.object({ id: ZId, name: z.string() }).nullable(),
    summary: z
      .string()
      .meta({ description: 'What was written or changed, in the words it was recorded with' }),
    details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  })
  .meta({ id: 'TimelineEntry' });
export type TTimelineEntry = z.infer<typeof ZTimelineEntry>;
export const ZCustomerTimeline = z
  .object({ items: z.array(ZTimelineEntry) })
  .meta({ id: 'CustomerTimeline' });
export type TCustomerTimeline = z.infer<typeof ZCustomerTimeline>;

export const ZCaptureResult = z
  .object({ customerId: ZId, leadId: ZId, ownerId: ZId.nullable() })
  .meta({ id: 'CaptureResult' });
export type TCaptureResult = z.infer<typeof ZCaptureResult>;

export const ZMergeCustomersRequest = z.object({
  survivorId: ZId.meta({ description: 'The customer that is kept; one of customerIds' }),
  customerIds: z
    .array(ZId)
    .min(2, { message: 'Choose at least two customers to merge.' })
    .max(20, { message: 'Merge at most 20 customers at once.' }),
});
export type TMergeCustomersRequest = z.infer<typeof ZMergeCustomersRequest>;

export const ZVersionRequest = z.object({ version: ZVersion });

/** `details` of a 409 duplicate_customer: the customer that already has this phone. */
export const ZDuplicateCustomerDetails = z.object({
  customerId: ZId,
  name: z.string(),
  cardNo: z.string(),
  ownerId: ZId.nullable(),
  ownerName: z.string().nullable(),
});
export type TDuplicateCustomerDetails = z.infer<typeof ZDuplicateCustomerDetails>;

/** What the customer forms offer to choose from: the catalog, and who may own a customer. */
export const ZCustomerFormOptions = z
  .object({
    series: z.array(
      z.object({
        id: ZId,
        name: z.string(),
        nameEn: z.string().nullable(),
        models: z.array(z.object({ id: ZId, name: z.string(), modelYear: z.number().int() })),
        colours: z.array(
          z.object({ id: ZId, name: z.string(), nameEn: z.string().nullable(), hex: z.string().nullable() }),
        ),
      }),
    ),
    owners: z.array(
      z.object({
        id: ZId,
        name: z.string(),
        consultantCode: z.string().nullable(),
        roles: z.array(z.string()),
      }),
    ),
  })
  .meta({ id: 'CustomerFormOptions' });
export type TCustomerFormOptions = z.infer<typeof ZCustomerFormOptions>;
