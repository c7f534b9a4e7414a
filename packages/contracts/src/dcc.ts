import { CALL_LISTS, CALL_OUTCOMES } from '@qianke/core/dcc/calls';
import { INVITATION_PURPOSES, INVITATION_STATUSES } from '@qianke/core/dcc/invitations';
import { z } from 'zod';
import { ZId, ZVersion } from './common';

/**
 * DCC (direct call centre, issue 5): call lists worked one after another, outbound and inbound calls,
 * invitations (邀约) to the showroom, and each agent's invitation and arrival rates.
 */

const ZIsoDateTime = z.iso.datetime({
  offset: true,
  message: 'A date and time such as 2026-11-26T10:00:00+08:00.',
});
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `Use at most ${max} characters.` });

export const ZCallOutcome = z.enum(CALL_OUTCOMES, { message: 'Choose the outcome of the call.' });
export type TCallOutcome = z.infer<typeof ZCallOutcome>;
export const ZCallList = z.enum(CALL_LISTS, { message: 'Choose the list new_portal, no_show or due.' });
export type TCallListName = z.infer<typeof ZCallList>;
export const ZInvitationPurpose = z.enum(INVITATION_PURPOSES, {
  message: 'Choose viewing, test drive, negotiation or delivery.',
});
export type TInvitationPurpose = z.infer<typeof ZInvitationPurpose>;
export const ZInvitationStatus = z.enum(INVITATION_STATUSES);
export type TInvitationStatus = z.infer<typeof ZInvitationStatus>;

const ZPerson = z.object({ id: ZId, name: z.string() });

// Call lists

export const ZCallListQuery = z.object({
  list: ZCallList,
  agentId: ZId.optional().meta({ description: "A manager: another agent's list (default: your own)" }),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type TCallListQuery = z.input<typeof ZCallListQuery>;
export type TCallListParsed = z.infer<typeof ZCallListQuery>;

export const ZCallListRow = z
  .object({
    leadId: ZId,
    customer: z.object({
      id: ZId,
      name: z.string(),
      cardNo: z.string(),
      /** Masked unless the caller may see it in full (customers/visibility.ts). */
      phone: z.string().nullable(),
      level: z.string().nullable(),
      ownerName: z.string().nullable(),
    }),
    lead: z.object({
      channel: z.string(),
      createdAt: z.iso.datetime(),
      level: z.string().nullable(),
      seriesName: z.string().nullable(),
      note: z.string().nullable(),
    }),
    lastCall: z
      .object({ outcome: ZCallOutcome, occurredAt: z.iso.datetime(), agentName: z.string() })
      .nullable(),
    attempts: z.number().int().meta({ description: 'Calls logged on this lead' }),
    taskDueAt: z.iso.datetime().nullable(),
    invitation: z
      .object({ id: ZId, scheduledAt: z.iso.datetime(), status: ZInvitationStatus })
      .nullable()
      .meta({ description: "The lead's latest invitation" }),
  })
  .meta({ id: 'CallListRow' });
export type TCallListRow = z.infer<typeof ZCallListRow>;

export const ZCallListPage = z
  .object({
    list: ZCallList,
    agent: ZPerson,
    items: z.array(ZCallListRow),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: 'CallListPage' });
export type TCallListPage = z.infer<typeof ZCallListPage>;

// Invitations

const invitationFields = {
  scheduledAt: ZIsoDateTime,
  purpose: ZInvitationPurpose,
  consultantId: ZId.optional().meta({ description: 'The consultant who will receive the customer' }),
  note: text(500).optional(),
};

export const ZInvitationInput = z.object(invitationFields);
export type TInvitationInput = z.infer<typeof ZInvitationInput>;

export const ZCreateInvitationRequest = z
  .object({ leadId: ZId, ...invitationFields })
  .meta({ id: 'CreateInvitationRequest' });
export type TCreateInvitationRequest = z.infer<typeof ZCreateInvitationRequest>;

export const ZInvitation = z
  .object({
    id: ZId,
    leadId: ZId,
    customer: z.object({ id: ZId, name: z.string(), cardNo: z.string() }),
    invitedBy: ZPerson,
    consultant: ZPerson.nullable(),
    scheduledAt: z.iso.datetime(),
    purpose: ZInvitationPurpose,
    status: ZInvitationStatus,
    arrivedAt: z.iso.datetime().nullable(),
    visitId: ZId.nullable(),
    previousId: ZId.nullable(),
    returnedAt: z.iso.datetime().nullable(),
    note: z.string().nullable(),
    reminderTaskId: ZId.nullable(),
    createdAt: z.iso.datetime(),
    version: ZVersion,
  })
  .meta({ id: 'Invitation' });
export type TInvitation = z.infer<typeof ZInvitation>;

export const ZListInvitationsQuery = z.object({
  date: z.iso.date().optional().meta({ description: "Scheduled on this day of the store's calendar" }),
  status: ZInvitationStatus.optional(),
  agentId: ZId.optional().meta({ description: 'Invited by this agent' }),
  customerId: ZId.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type TListInvitationsQuery = z.input<typeof ZListInvitationsQuery>;
export type TListInvitationsParsed = z.infer<typeof ZListInvitationsQuery>;

export const ZInvitationList = z
  .object({
    items: z.array(ZInvitation),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: 'InvitationList' });
export type TInvitationList = z.infer<typeof ZInvitationList>;

export const ZInvitationChange = z
  .object({ version: ZVersion, note: text(500).optional() })
  .meta({ id: 'InvitationChange' });
export type TInvitationChange = z.infer<typeof ZInvitationChange>;

export const ZInvitationOptions = z
  .object({ consultants: z.array(ZPerson), agents: z.array(ZPerson) })
  .meta({ id: 'InvitationOptions' });
export type TInvitationOptions = z.infer<typeof ZInvitationOptions>;

// Calls

export const ZLogCallRequest = z
  .object({
    leadId: ZId,
    list: ZCallList.optional().meta({ description: 'The list the call was made from' }),
    outcome: ZCallOutcome,
    note: text(2000).optional(),
    nextCallAt: ZIsoDateTime.optional().meta({
      description: 'Required for call_back; no_answer and busy default to 2 h and 1 h later',
    }),
    invitation: ZInvitationInput.optional().meta({ description: "Required for the outcome 'invited'" }),
  })
  .meta({ id: 'LogCallRequest' });
export type TLogCallRequest = z.infer<typeof ZLogCallRequest>;

export const ZCall = z
  .object({
    id: ZId,
    direction: z.enum(['outbound', 'inbound']),
    agent: ZPerson,
    customerId: ZId.nullable(),
    leadId: ZId.nullable(),
    list: z.string().nullable(),
    outcome: ZCallOutcome,
    note: z.string().nullable(),
    occurredAt: z.iso.datetime(),
    nextCallAt: z.iso.datetime().nullable(),
    invitationId: ZId.nullable(),
  })
  .meta({ id: 'Call' });
export type TCall = z.infer<typeof ZCall>;

export const ZLoggedCall = z
  .object({
    call: ZCall,
    invitation: ZInvitation.nullable(),
    followUpId: ZId.nullable().meta({ description: 'A reached call is also a follow-up of the lead' }),
    nextTaskId: ZId.nullable(),
  })
  .meta({ id: 'LoggedCall' });
export type TLoggedCall = z.infer<typeof ZLoggedCall>;

// Inbound calls

export const ZInboundLookupQuery = z.object({ phone: z.string().trim().min(1).max(40) });

export const ZInboundMatch = z
  .object({
    known: z.boolean(),
    phone: z.string().meta({ description: 'As the caller may see it' }),
    customer: z
      .object({
        id: ZId,
        name: z.string(),
        cardNo: z.string(),
        level: z.string().nullable(),
        ownerName: z.string().nullable(),
      })
      .nullable(),
    openLead: z.object({ id: ZId, channel: z.string(), level: z.string().nullable() }).nullable(),
  })
  .meta({ id: 'InboundMatch' });
export type TInboundMatch = z.infer<typeof ZInboundMatch>;

export const INBOUND_CHANNELS = ['hotline_400', 'phone_in'] as const;

export const ZInboundCallRequest = z
  .object({
    phone: z.string().trim().min(1, { message: 'Enter the number that called.' }).max(40),
    outcome: ZCallOutcome.default('reached'),
    note: text(2000).optional(),
    nextCallAt: ZIsoDateTime.optional(),
    /** An unknown caller: open a card and a lead (captureLead). */
    capture: z
      .object({
        name: text(60).min(1, { message: "Enter the caller's name." }),
        channel: z.enum(INBOUND_CHANNELS).default('hotline_400'),
        seriesId: ZId.optional(),
        sourceId: ZId.optional(),
      })
      .optional(),
  })
  .meta({ id: 'InboundCallRequest' });
export type TInboundCallRequest = z.input<typeof ZInboundCallRequest>;
export type TInboundCallParsed = z.infer<typeof ZInboundCallRequest>;

export const ZInboundCallLogged = z
  .object({ call: ZCall, match: ZInboundMatch, captured: z.boolean() })
  .meta({ id: 'InboundCallLogged' });
export type TInboundCallLogged = z.infer<typeof ZInboundCallLogged>;

// Stats

export const ZDccStatsQuery = z.object({
  from: z.iso.date({ message: 'A day such as 2026-11-01.' }),
  to: z.iso.date({ message: 'A day such as 2026-11-30.' }),
});
export type TDccStatsQuery = z.infer<typeof ZDccStatsQuery>;

export const ZAgentStats = z
  .object({
    agent: ZPerson,
    calls: z.number().int(),
    reached: z.number().int(),
    reachRate: z.number().nullable(),
    invitations: z.number().int(),
    invitationsDue: z.number().int(),
    arrived: z.number().int(),
    invitationRate: z.number().nullable().meta({ description: 'Invitations / reached calls' }),
    arrivalRate: z
      .number()
      .nullable()
      .meta({ description: 'Arrived / invitations due (time passed, not cancelled)' }),
  })
  .meta({ id: 'DccAgentStats' });
export type TAgentStats = z.infer<typeof ZAgentStats>;

export const ZDccStats = z
  .object({ from: z.string(), to: z.string(), items: z.array(ZAgentStats) })
  .meta({ id: 'DccStats' });
export type TDccStats = z.infer<typeof ZDccStats>;
