import type {
  TCall,
  TCallListPage,
  TCallListParsed,
  TCallListRow,
  TCallOutcome,
  TDccStats,
  TDccStatsQuery,
  TInboundCallLogged,
  TInboundCallParsed,
  TInboundMatch,
  TLogCallRequest,
  TLoggedCall,
} from '@qianke/contracts/dcc';
import { hasPermission } from '@qianke/core/accounts/roles';
import { maskPhone, normalisePhone } from '@qianke/core/customers/phone';
import { customerScopeOf, seesPhoneInFull } from '@qianke/core/customers/visibility';
import { CALL_OUTCOMES, checkCall, isReached } from '@qianke/core/dcc/calls';
import { ratesOf } from '@qianke/core/dcc/rates';
import { DomainError } from '@qianke/core/shared/domain-error';
import { storeDayBounds } from '@qianke/core/showroom/store-day';
// Inbound calls are matched to a customer exactly as lead capture dedups a phone: one lookup.
import { captureLead, findCustomerByPhone } from '../customers/capture-lead';
import { type CardSerials, cardSerialsInTransaction } from '../customers/card-serials';
import type { FollowUpsService } from '../follow-ups/follow-ups.service';
import { recordAudit } from '../infra/audit/record-audit';
import type { Clock } from '../infra/clock';
import type { Db, Executor } from '../infra/db/database';
import type { AuthContext } from '../infra/http/auth-context';
import { bookInvitation, invitationView, loadLeadForInvitation } from '../invitations/invitations.service';
import {
  agentNameOf,
  agentTallies,
  CALL_BACK_KIND,
  type CallListSqlRow,
  type CallView,
  callListPage,
  cancelCallBacks,
  customerCardOf,
  findActiveSourceByCode,
  findCallView,
  insertCall,
  insertCallBackTask,
  latestOpenLeadOf,
  sourceIsActive,
  storeTimeZoneOf,
} from './dcc.repo';

const iso = (at: Date | string) => (at instanceof Date ? at : new Date(at)).toISOString();
const isoOrNull = (at: Date | string | null) => (at === null ? null : iso(at));

/** What a reached call writes in the lead's follow-up record (the web shows the outcome translated). */
const OUTCOME_RESULT: Record<TCallOutcome, string> = {
  reached: '已接通 / Reached',
  no_answer: '无人接听 / No answer',
  busy: '占线 / Busy',
  wrong_number: '号码错误 / Wrong number',
  not_interested: '无意向 / Not interested',
  invited: '已邀约到店 / Invited to the showroom',
  call_back: '约定回电 / Call back',
};

const PHONE = 'This is not a phone number we can call: check the digits.';
const NO_AGENT = 'There is no such agent in this store.';

/** A CN mobile as its 11 digits, anything else in E.164. */
const dialable = (e164: string) => (/^\+861\d{10}$/.test(e164) ? e164.slice(3) : e164);
const phoneAsSeenBy = (ctx: AuthContext, e164: string | null, ownerId: string | null) =>
  e164 ? (seesPhoneInFull(ctx.roles, ctx.userId, ownerId) ? dialable(e164) : maskPhone(e164)) : null;

const toCall = (row: CallView): TCall => ({
  id: row.id,
  direction: row.direction,
  agent: { id: row.agentId, name: row.agentName },
  customerId: row.customerId,
  leadId: row.leadId,
  list: row.list,
  outcome: row.outcome as TCallOutcome,
  note: row.note,
  occurredAt: row.occurredAt.toISOString(),
  nextCallAt: row.nextCallAt?.toISOString() ?? null,
  invitationId: row.invitationId,
});

const toRow = (ctx: AuthContext, r: CallListSqlRow): TCallListRow => ({
  leadId: r.lead_id,
  customer: {
    id: r.customer_id,
    name: r.customer_name,
    cardNo: r.card_no,
    phone: phoneAsSeenBy(ctx, r.phone_e164, r.customer_owner_id),
    level: r.customer_level,
    ownerName: r.owner_name,
  },
  lead: {
    channel: r.channel,
    createdAt: iso(r.lead_created_at),
    level: r.lead_level,
    seriesName: r.series_name,
    note: r.lead_note,
  },
  lastCall:
    r.last_outcome && r.last_at
      ? { outcome: r.last_outcome as TCallOutcome, occurredAt: iso(r.last_at), agentName: r.last_agent ?? '' }
      : null,
  attempts: r.attempts,
  taskDueAt: isoOrNull(r.task_due_at),
  invitation:
    r.invitation_id && r.invitation_at && r.invitation_status
      ? {
          id: r.invitation_id,
          scheduledAt: iso(r.invitation_at),
          status: r.invitation_status as NonNullable<TCallListRow['invitation']>['status'],
        }
      : null,
});

const isManager = (ctx: AuthContext) => hasPermission(ctx.roles, 'leads.assign');

export type DccServiceDeps = {
  db: Db;
  clock: Clock;
  followUps: FollowUpsService;
  cardSerials?: CardSerials;
};

/** The DCC desk: call lists, outbound and inbound calls, and the agents' rates (DOMAIN §3, seed 004). */
export const createDccService = ({
  db,
  clock,
  followUps,
  cardSerials = cardSerialsInTransaction,
}: DccServiceDeps) => {
  /** The agent whose list or figures are asked for: yourself, or (a manager) anyone of the store. */
  const agentOf = async (ctx: AuthContext, agentId: string | undefined) => {
    const id = agentId && isManager(ctx) ? agentId : ctx.userId;
    const agent = await agentNameOf(db, ctx.dealerId, id);
    if (!agent) throw new DomainError('not_found', NO_AGENT, { fields: { agentId: NO_AGENT } });
    return agent;
  };

  const callList = async (ctx: AuthContext, query: TCallListParsed): Promise<TCallListPage> => {
    const agent = await agentOf(ctx, query.agentId);
    const rows = await callListPage(db, {
      dealerId: ctx.dealerId,
      agentId: agent.id,
      list: query.list,
      now: clock.now(),
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });
    return {
      list: query.list,
      agent,
      items: rows.map((r) => toRow(ctx, r)),
      total: rows[0]?.total ?? 0,
      page: query.page,
      pageSize: query.pageSize,
    };
  };

  const callView = async (executor: Executor, ctx: AuthContext, id: string): Promise<TCall> => {
    const row = await findCallView(executor, ctx.dealerId, id);
    if (!row) throw new Error('a call vanished after it was written');
    return toCall(row);
  };

  /**
   * Logs an outbound call on a lead, in one transaction: the call; for 'invited' the invitation and its
   * reminder; for a reached call a follow-up of the lead (its first contact, the task it completes and
   * the next one, follow-ups.service logFollowUpIn); for an unanswered one the agent's call-back task.
   */
  const logCall = async (
    ctx: AuthContext,
    input: TLogCallRequest,
    requestId?: string,
  ): Promise<TLoggedCall> => {
    const now = clock.now();
    const { reached, nextCallAt } = checkCall({
      outcome: input.outcome,
      nextCallAt: input.nextCallAt ? new Date(input.nextCallAt) : null,
      hasInvitation: input.invitation !== undefined,
      now,
    });
    const note = input.note?.trim() || null;
    const result = await db.transaction(async (tx) => {
      const lead = await loadLeadForInvitation(tx, ctx, input.leadId);
      const invitationId = input.invitation
        ? await bookInvitation(tx, ctx, {
            lead,
            invitation: input.invitation,
            now,
            requestId,
            fieldPrefix: 'invitation.',
          })
        : null;
      await cancelCallBacks(tx, ctx.dealerId, lead.id, ctx.userId, now);
      let followUpId: string | null = null;
      let nextTaskId: string | null = null;
      // The call-back is the agent's own task; a date given to the lead's owner replaces their rule task.
      const ownsLead = lead.ownerId === ctx.userId || lead.ownerId === null;
      if (reached) {
        const logged = await followUps.logFollowUpIn(tx, ctx, lead.id, {
          channel: 'phone',
          content: note ?? OUTCOME_RESULT[input.outcome],
          result: OUTCOME_RESULT[input.outcome],
          ...(nextCallAt && ownsLead ? { nextContactAt: nextCallAt.toISOString() } : {}),
        });
        followUpId = logged.followUpId;
        nextTaskId = logged.nextTaskId;
      }
      if (nextCallAt && (!reached || !ownsLead)) {
        nextTaskId = await insertCallBackTask(tx, {
          dealerId: ctx.dealerId,
          leadId: lead.id,
          customerId: lead.customerId,
          assigneeId: ctx.userId,
          kind: CALL_BACK_KIND,
          dueAt: nextCallAt,
          ruleKey: `dcc:${input.outcome}`,
          title: null,
          custom: true,
          createdBy: ctx.userId,
          createdAt: now,
        });
      }
      const callId = await insertCall(tx, {
        dealerId: ctx.dealerId,
        direction: 'outbound',
        agentId: ctx.userId,
        customerId: lead.customerId,
        leadId: lead.id,
        list: input.list ?? null,
        outcome: input.outcome,
        note,
        occurredAt: now,
        nextCallAt,
        invitationId,
        createdAt: now,
        updatedAt: now,
      });
      await recordAudit(tx, {
        dealerId: ctx.dealerId,
        actorId: ctx.userId,
        action: 'dcc_call.create',
        entity: 'lead',
        entityId: lead.id,
        after: {
          callId,
          direction: 'outbound',
          list: input.list ?? null,
          outcome: input.outcome,
          nextCallAt: nextCallAt?.toISOString() ?? null,
          invitationId,
          followUpId,
        },
        requestId,
      });
      return { callId, invitationId, followUpId, nextTaskId };
    });
    return {
      call: await callView(db, ctx, result.callId),
      invitation: result.invitationId ? await invitationView(db, ctx.dealerId, result.invitationId) : null,
      followUpId: result.followUpId,
      nextTaskId: result.nextTaskId,
    };
  };

  const match = async (executor: Executor, ctx: AuthContext, e164: string): Promise<TInboundMatch> => {
    const found = await findCustomerByPhone(executor, ctx.dealerId, e164);
    const card = found ? await customerCardOf(executor, ctx.dealerId, found.id) : undefined;
    const visible = card && (customerScopeOf(ctx.roles) === 'store' || card.ownerId === ctx.userId);
    if (!card || !visible) {
      return {
        known: card !== undefined,
        phone: phoneAsSeenBy(ctx, e164, card?.ownerId ?? null) ?? '',
        customer: null,
        openLead: null,
      };
    }
    const lead = await latestOpenLeadOf(executor, ctx.dealerId, card.id);
    return {
      known: true,
      phone: phoneAsSeenBy(ctx, e164, card.ownerId) ?? '',
      customer: {
        id: card.id,
        name: card.name,
        cardNo: card.cardNo,
        level: card.level,
        ownerName: card.ownerName,
      },
      openLead: lead ? { id: lead.id, channel: lead.channel, level: lead.level } : null,
    };
  };

  const normalised = (raw: string) => {
    const phone = normalisePhone(raw);
    if (!phone) throw new DomainError('validation_failed', PHONE, { fields: { phone: PHONE } });
    return phone;
  };

  /** Who is calling: the customer with this number (any spelling; main or further phone), if any. */
  const inboundLookup = async (ctx: AuthContext, rawPhone: string): Promise<TInboundMatch> =>
    match(db, ctx, normalised(rawPhone).e164);

  /**
   * Logs an inbound call (IB) matched to a customer by phone; an unknown caller becomes a customer and
   * a lead (captureLead, channel hotline_400 or phone_in) when `capture` is given.
   */
  const logInbound = async (
    ctx: AuthContext,
    input: TInboundCallParsed,
    requestId?: string,
  ): Promise<TInboundCallLogged> => {
    const now = clock.now();
    const rawPhone = input.phone.trim();
    const phone = normalised(rawPhone);
    const { nextCallAt } = checkCall({
      outcome: input.outcome,
      nextCallAt: input.nextCallAt ? new Date(input.nextCallAt) : null,
      hasInvitation: input.outcome === 'invited',
      now,
    });
    const note = input.note?.trim() || null;
    const { callId, captured } = await db.transaction(async (tx) => {
      let found = await findCustomerByPhone(tx, ctx.dealerId, phone.e164);
      let leadId: string | null = null;
      let captured = false;
      if (!found && input.capture) {
        const channel = input.capture.channel;
        let sourceId = input.capture.sourceId;
        if (sourceId && !(await sourceIsActive(tx, ctx.dealerId, sourceId))) {
          const message = 'Choose an active source of this store.';
          throw new DomainError('validation_failed', message, { fields: { 'capture.sourceId': message } });
        }
        sourceId ??= (
          await findActiveSourceByCode(
            tx,
            ctx.dealerId,
            channel === 'hotline_400'
              ? ['hotline_400_dealer', 'hotline_400']
              : ['phone_in_showroom', 'phone_in'],
          )
        )?.id;
        if (!sourceId) {
          const message = 'This store has no active source for this kind of call: choose one.';
          throw new DomainError('validation_failed', message, { fields: { 'capture.sourceId': message } });
        }
        const result = await captureLead(
          tx,
          {
            dealerId: ctx.dealerId,
            actorId: ctx.userId,
            customer: { name: input.capture.name, phoneE164: phone.e164, phoneRaw: rawPhone },
            lead: { sourceId, channel, seriesId: input.capture.seriesId ?? null, note },
            occurredAt: now,
            via: 'dcc',
            ...(requestId ? { requestId } : {}),
          },
          { cardSerials },
        );
        found = { id: result.customerId, ownerId: result.ownerId };
        leadId = result.leadId;
        captured = !result.duplicate;
      } else if (found) {
        leadId = (await latestOpenLeadOf(tx, ctx.dealerId, found.id))?.id ?? null;
      }
      const id = await insertCall(tx, {
        dealerId: ctx.dealerId,
        direction: 'inbound',
        agentId: ctx.userId,
        customerId: found?.id ?? null,
        leadId,
        phoneE164: phone.e164,
        phoneRaw: rawPhone,
        list: null,
        outcome: input.outcome,
        note,
        occurredAt: now,
        nextCallAt,
        createdAt: now,
        updatedAt: now,
      });
      await recordAudit(tx, {
        dealerId: ctx.dealerId,
        actorId: ctx.userId,
        action: 'dcc_call.create',
        entity: found ? 'customer' : 'dcc_call',
        entityId: found?.id ?? id,
        after: { callId: id, direction: 'inbound', outcome: input.outcome, leadId, captured },
        requestId,
      });
      return { callId: id, captured };
    });
    return { call: await callView(db, ctx, callId), match: await match(db, ctx, phone.e164), captured };
  };

  /** Per agent over the days from..to of the store's calendar; an agent who is not a manager sees their own. */
  const stats = async (ctx: AuthContext, query: TDccStatsQuery): Promise<TDccStats> => {
    if (query.to < query.from) {
      const message = 'The last day must not be before the first.';
      throw new DomainError('validation_failed', message, { fields: { to: message } });
    }
    const timeZone = await storeTimeZoneOf(db, ctx.dealerId);
    const rows = await agentTallies(db, {
      dealerId: ctx.dealerId,
      start: storeDayBounds(query.from, timeZone).start,
      end: storeDayBounds(query.to, timeZone).end,
      now: clock.now(),
      reachedOutcomes: CALL_OUTCOMES.filter(isReached),
      ...(isManager(ctx) ? {} : { agentId: ctx.userId }),
    });
    return {
      from: query.from,
      to: query.to,
      items: rows.map((r) => {
        const rates = ratesOf({
          calls: r.calls,
          reached: r.reached,
          invitations: r.invitations,
          invitationsDue: r.invitations_due,
          arrived: r.arrived,
        });
        return {
          agent: { id: r.agent_id, name: r.agent_name },
          calls: rates.calls,
          reached: rates.reached,
          reachRate: rates.reachRate,
          invitations: rates.invitations,
          invitationsDue: rates.invitationsDue,
          arrived: rates.arrived,
          invitationRate: rates.invitationRate,
          arrivalRate: rates.arrivalRate,
        };
      }),
    };
  };

  return { callList, logCall, inboundLookup, logInbound, stats };
};

export type DccService = ReturnType<typeof createDccService>;
