import { SUGGESTION_REASONS } from '@qianke/core/showroom/rotation';
import { isStoreDate } from '@qianke/core/showroom/store-day';
import { PARTY_SIZE_MAX, PARTY_SIZE_MIN, VISIT_KINDS } from '@qianke/core/showroom/visits';
import { z } from 'zod';
import { ZId, ZVersion } from './common';

/** Showroom traffic log (展厅接待) and phone-in log, DOMAIN §3. */
export const ZVisitKind = z.enum(VISIT_KINDS, { message: 'Choose visit or phone_in.' });
export type TVisitKind = z.infer<typeof ZVisitKind>;

const partySizeMessage = `A party of ${PARTY_SIZE_MIN} to ${PARTY_SIZE_MAX} people.`;
export const ZPartySize = z
  .number({ message: partySizeMessage })
  .int({ message: partySizeMessage })
  .min(PARTY_SIZE_MIN, { message: partySizeMessage })
  .max(PARTY_SIZE_MAX, { message: partySizeMessage });

const ZInstant = z.iso.datetime({
  offset: true,
  message: 'Give a date and time such as 2026-11-25T10:30:00+08:00.',
});

const ZConsultantId = z.uuid({
  error: (issue) =>
    issue.input === undefined ? 'Choose the consultant who receives them.' : 'Must be an id (uuid).',
});

const ZNote = z.string().trim().max(500, { message: 'Use at most 500 characters.' });

export const ZStoreDateParam = z
  .string()
  .refine(isStoreDate, { message: 'Give a day as YYYY-MM-DD, e.g. 2026-11-25.' });

export const ZLogVisitRequest = z.object({
  kind: ZVisitKind.default('visit'),
  arrivedAt: ZInstant.optional().meta({ description: 'Default: now. Not in the future.' }),
  partySize: ZPartySize.default(1),
  phone: z
    .string()
    .trim()
    .max(40, { message: 'Use at most 40 characters.' })
    .nullish()
    .meta({ description: 'Any spelling: 13800138000, +86 138-0013-8000, 0086 138 0013 8000…' }),
  name: z.string().trim().max(60, { message: 'Use at most 60 characters.' }).nullish(),
  gender: z.enum(['male', 'female'], { message: 'Choose male or female.' }).nullish(),
  consultantId: ZConsultantId.meta({ description: 'An active consultant of the store' }),
  seriesId: ZId.nullish(),
  sourceId: ZId.nullish().meta({
    description: 'Default: the walk_in source for a visit, phone_in for a phone-in',
  }),
  closedOnSpot: z.boolean().default(false),
  firstVisit: z.boolean().optional().meta({
    description:
      "Only for visitors without a phone: the receptionist's word (default true). With a phone, the log decides.",
  }),
  note: ZNote.nullish(),
});
export type TLogVisitRequest = z.input<typeof ZLogVisitRequest>;
export type TLogVisit = z.output<typeof ZLogVisitRequest>;

export const ZDepartRequest = z.object({
  leftAt: ZInstant.optional().meta({ description: 'Default: now. Not before the arrival.' }),
});
export type TDepartRequest = z.infer<typeof ZDepartRequest>;

export const ZUpdateVisitRequest = z.object({
  version: ZVersion,
  partySize: ZPartySize.optional(),
  consultantId: ZConsultantId.optional(),
  seriesId: ZId.nullish(),
  closedOnSpot: z.boolean().optional(),
  leftAt: ZInstant.nullish().meta({ description: 'Correct the time out; null puts them back on the board' }),
  note: ZNote.nullish(),
});
export type TUpdateVisitRequest = z.infer<typeof ZUpdateVisitRequest>;

const ZNamed = z.object({ id: ZId, name: z.string() });

export const ZVisit = z
  .object({
    id: ZId,
    kind: ZVisitKind,
    arrivedAt: z.iso.datetime(),
    leftAt: z.iso.datetime().nullable(),
    /** Whole minutes: until the time out, or so far for someone in the showroom now. */
    stayMinutes: z.number().int().nullable(),
    inShowroomNow: z.boolean(),
    partySize: z.number().int(),
    firstVisit: z.boolean(),
    leftContact: z.boolean(),
    closedOnSpot: z.boolean(),
    callbackDueAt: z.iso.datetime().nullable(),
    consultant: ZNamed.nullable(),
    series: ZNamed.extend({ nameEn: z.string().nullable() }).nullable(),
    source: z.object({ id: ZId, nameZh: z.string(), nameEn: z.string() }).nullable(),
    /** The customer card, for callers who may see it (consultants: their own customers). */
    customer: z.object({ id: ZId, name: z.string(), cardNo: z.string() }).nullable(),
    /** Masked (138****8000) unless the caller's role sees this customer's phone in full. */
    phone: z.string().nullable(),
    leadId: ZId.nullable(),
    note: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'ShowroomVisit' });
export type TVisit = z.infer<typeof ZVisit>;

export const ZLoggedVisit = ZVisit.extend({
  /** A new customer card was opened for this phone. */
  newCustomer: z.boolean(),
}).meta({ id: 'LoggedShowroomVisit' });
export type TLoggedVisit = z.infer<typeof ZLoggedVisit>;

export const ZListVisitsQuery = z.object({
  view: z.enum(['now', 'day'], { message: 'Choose now or day.' }).default('day'),
  date: ZStoreDateParam.optional().meta({ description: "A day of the store's calendar; default today" }),
  kind: ZVisitKind.optional(),
});
export type TListVisitsQuery = z.input<typeof ZListVisitsQuery>;

export const ZVisitList = z
  .object({
    view: z.enum(['now', 'day']),
    /** The store day shown, in the store's time zone. */
    date: z.string(),
    timeZone: z.string(),
    items: z.array(ZVisit),
    summary: z.object({
      visits: z.number().int(),
      phoneIns: z.number().int(),
      people: z.number().int(),
      firstVisits: z.number().int(),
      leftContact: z.number().int(),
      inShowroomNow: z.number().int(),
      /** Information retention rate of the day's first-time visitors (0..1); null when none. */
      retentionRate: z.number().nullable(),
    }),
  })
  .meta({ id: 'ShowroomVisitList' });
export type TVisitList = z.infer<typeof ZVisitList>;

export const ZPhoneLookupQuery = z.object({
  phone: z.string().trim().min(1, { message: 'Enter a phone number.' }).max(40),
  kind: ZVisitKind.default('visit'),
});

export const ZPhoneLookup = z
  .object({
    known: z.boolean(),
    /** Whether a visit of this kind now would be the first: false means a repeat visit (call). */
    firstVisit: z.boolean(),
    customerId: ZId.optional(),
    customerName: z.string().optional(),
    cardNo: z.string().optional(),
    ownerName: z.string().nullable().optional(),
    /** The number as the caller may see it (masked for the receptionist). */
    phone: z.string(),
    /** Showroom visits and phone-ins logged for this customer. */
    visits: z.number().int(),
    phoneIns: z.number().int(),
    lastVisitAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ShowroomPhoneLookup' });
export type TPhoneLookup = z.infer<typeof ZPhoneLookup>;

export const ZSuggestionReason = z.enum(SUGGESTION_REASONS);
export type TSuggestionReason = z.infer<typeof ZSuggestionReason>;

export const ZDutyConsultant = z.object({
  id: ZId,
  name: z.string(),
  consultantCode: z.string().nullable(),
  onDuty: z.boolean(),
  receptionsToday: z.number().int(),
  lastReceptionAt: z.iso.datetime().nullable(),
  /** With a visitor in the showroom now. */
  busy: z.boolean(),
});
export type TDutyConsultant = z.infer<typeof ZDutyConsultant>;

export const ZSuggestedConsultant = z
  .object({
    /** null when no consultant is on duty. */
    consultantId: ZId.nullable(),
    name: z.string().nullable(),
    reason: ZSuggestionReason.nullable(),
    consultants: z.array(ZDutyConsultant),
  })
  .meta({ id: 'ShowroomSuggestedConsultant' });
export type TSuggestedConsultant = z.infer<typeof ZSuggestedConsultant>;

export const ZShowroomOptions = z
  .object({
    series: z.array(z.object({ id: ZId, name: z.string(), nameEn: z.string().nullable() })),
    sources: z.array(
      z.object({
        id: ZId,
        parentId: ZId.nullable(),
        code: z.string(),
        nameZh: z.string(),
        nameEn: z.string(),
      }),
    ),
    /** The source a visit or phone-in gets when none is picked. */
    defaultSourceIds: z.object({ visit: ZId.nullable(), phone_in: ZId.nullable() }),
  })
  .meta({ id: 'ShowroomOptions' });
export type TShowroomOptions = z.infer<typeof ZShowroomOptions>;
