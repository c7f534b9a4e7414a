import type {
  TCreateInvitationRequest,
  TInvitation,
  TInvitationChange,
  TInvitationInput,
  TInvitationList,
  TInvitationOptions,
  TListInvitationsParsed,
} from '@qianke/contracts/dcc';
import { customerScopeOf } from '@qianke/core/customers/visibility';
import {
  checkMove,
  checkReinvite,
  checkSchedule,
  type InvitationStatus,
  reminderAt,
} from '@qianke/core/dcc/invitations';
import { DomainError } from '@qianke/core/shared/domain-error';
import { storeDayBounds } from '@qianke/core/showroom/store-day';
import { canWorkOn } from '../follow-ups/follow-ups.service';
import { recordAudit } from '../infra/audit/record-audit';
import type { Clock } from '../infra/clock';
import type { Db, Executor } from '../infra/db/database';
import type { AuthContext } from '../infra/http/auth-context';
import {
  activeUsersWithRole,
  cancelReminders,
  findInvitation,
  findLeadForInvitation,
  hasReinvite,
  type InvitationView,
  insertInvitation,
  insertReminderTask,
  type LeadForInvitation,
  listInvitationViews,
  REMINDER_KIND,
  reminderKeyOf,
  storeTimeZoneOf,
  updateInvitation,
} from './invitations.repo';

const NO_SUCH_LEAD = 'There is no such lead in this store, or it is not yours.';
const NO_SUCH_INVITATION = 'There is no such invitation in this store.';
const STALE = 'Someone else changed this invitation in the meantime. Reload and try again.';
const CONSULTANT = 'Choose an active consultant of this store.';

export const toInvitation = (row: InvitationView): TInvitation => ({
  id: row.id,
  leadId: row.leadId,
  customer: { id: row.customerId, name: row.customerName, cardNo: row.cardNo },
  invitedBy: { id: row.invitedBy, name: row.inviterName },
  consultant: row.consultantId ? { id: row.consultantId, name: row.consultantName ?? '' } : null,
  scheduledAt: row.scheduledAt.toISOString(),
  purpose: row.purpose,
  status: row.status,
  arrivedAt: row.arrivedAt?.toISOString() ?? null,
  visitId: row.visitId,
  previousId: row.previousId,
  returnedAt: row.returnedAt?.toISOString() ?? null,
  note: row.note,
  reminderTaskId: row.reminderTaskId,
  createdAt: row.createdAt.toISOString(),
  version: row.version,
});

/** A consultant works on their own customers only: their invitations are those they can see. */
const ownScopeOf = (ctx: AuthContext) => (customerScopeOf(ctx.roles) === 'own' ? ctx.userId : undefined);

export const loadLeadForInvitation = async (
  tx: Executor,
  ctx: AuthContext,
  leadId: string,
  field = 'leadId',
): Promise<LeadForInvitation> => {
  const lead = await findLeadForInvitation(tx, ctx.dealerId, leadId);
  if (!lead || !canWorkOn(ctx, lead)) {
    throw new DomainError('not_found', NO_SUCH_LEAD, { fields: { [field]: NO_SUCH_LEAD } });
  }
  if (lead.status !== 'open' && lead.status !== 'nurturing') {
    throw new DomainError('conflict', 'This lead is closed: it cannot be invited.');
  }
  return lead;
};

/**
 * Books an invitation inside the caller's transaction (a call logged 'invited', the invitation form, a
 * re-invite): the row, the inviter's reminder task before the visit, and the audit row.
 */
export const bookInvitation = async (
  tx: Executor,
  ctx: AuthContext,
  input: {
    lead: LeadForInvitation;
    invitation: TInvitationInput;
    now: Date;
    previousId?: string | null;
    requestId?: string | undefined;
    /** Where a field error points: 'invitation.scheduledAt' from the call form. */
    fieldPrefix?: string;
  },
): Promise<string> => {
  const { lead, invitation, now } = input;
  const prefix = input.fieldPrefix ?? '';
  const scheduledAt = new Date(invitation.scheduledAt);
  try {
    checkSchedule(scheduledAt, now);
  } catch (error) {
    if (error instanceof DomainError && prefix && error.fields) {
      throw new DomainError(error.code, error.message, {
        fields: Object.fromEntries(Object.entries(error.fields).map(([k, v]) => [prefix + k, v])),
      });
    }
    throw error;
  }
  if (invitation.consultantId) {
    const consultants = await activeUsersWithRole(tx, ctx.dealerId, 'consultant');
    if (!consultants.some((c) => c.id === invitation.consultantId)) {
      throw new DomainError('validation_failed', CONSULTANT, {
        fields: { [`${prefix}consultantId`]: CONSULTANT },
      });
    }
  }
  const id = await insertInvitation(tx, {
    dealerId: ctx.dealerId,
    customerId: lead.customerId,
    leadId: lead.id,
    invitedBy: ctx.userId,
    consultantId: invitation.consultantId ?? null,
    scheduledAt,
    purpose: invitation.purpose,
    note: invitation.note?.trim() || null,
    previousId: input.previousId ?? null,
    createdAt: now,
    updatedAt: now,
  });
  const timeZone = await storeTimeZoneOf(tx, ctx.dealerId);
  await insertReminderTask(tx, {
    dealerId: ctx.dealerId,
    leadId: lead.id,
    customerId: lead.customerId,
    assigneeId: ctx.userId,
    kind: REMINDER_KIND,
    dueAt: reminderAt(scheduledAt, now, timeZone),
    ruleKey: reminderKeyOf(id),
    title: null,
    custom: true,
    createdBy: ctx.userId,
    createdAt: now,
  });
  await recordAudit(tx, {
    dealerId: ctx.dealerId,
    actorId: ctx.userId,
    action: 'invitation.create',
    entity: 'invitation',
    entityId: id,
    after: {
      leadId: lead.id,
      customerId: lead.customerId,
      scheduledAt: scheduledAt.toISOString(),
      purpose: invitation.purpose,
      consultantId: invitation.consultantId ?? null,
      previousId: input.previousId ?? null,
    },
    requestId: input.requestId,
  });
  return id;
};

export const invitationView = async (
  executor: Executor,
  dealerId: string,
  id: string,
): Promise<TInvitation> => {
  const { rows } = await listInvitationViews(executor, dealerId, { ids: [id] });
  const [row] = rows;
  if (!row) throw new DomainError('not_found', NO_SUCH_INVITATION);
  return toInvitation(row);
};

export type InvitationsServiceDeps = { db: Db; clock: Clock };

/** Invitations (邀约): booking, the day's list, cancel, no-show by hand, re-invite. */
export const createInvitationsService = ({ db, clock }: InvitationsServiceDeps) => {
  const create = async (
    ctx: AuthContext,
    input: TCreateInvitationRequest,
    requestId?: string,
  ): Promise<TInvitation> => {
    const now = clock.now();
    const id = await db.transaction(async (tx) => {
      const lead = await loadLeadForInvitation(tx, ctx, input.leadId);
      const { leadId: _leadId, ...invitation } = input;
      return bookInvitation(tx, ctx, { lead, invitation, now, requestId });
    });
    return invitationView(db, ctx.dealerId, id);
  };

  const list = async (ctx: AuthContext, query: TListInvitationsParsed): Promise<TInvitationList> => {
    const timeZone = await storeTimeZoneOf(db, ctx.dealerId);
    const day = query.date ? storeDayBounds(query.date, timeZone) : undefined;
    const { rows, total } = await listInvitationViews(
      db,
      ctx.dealerId,
      {
        ...(day ? { from: day.start, to: day.end } : {}),
        ...(query.status ? { status: query.status } : {}),
        ...(query.agentId ? { agentId: query.agentId } : {}),
        ...(query.customerId ? { customerId: query.customerId } : {}),
        ...(ownScopeOf(ctx) ? { ownUserId: ctx.userId } : {}),
      },
      { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
    );
    return { items: rows.map(toInvitation), total, page: query.page, pageSize: query.pageSize };
  };

  const options = async (ctx: AuthContext): Promise<TInvitationOptions> => {
    const [consultants, agents] = await Promise.all([
      activeUsersWithRole(db, ctx.dealerId, 'consultant'),
      activeUsersWithRole(db, ctx.dealerId, 'dcc_agent'),
    ]);
    return { consultants, agents };
  };

  /** Loads an invitation the caller may see, locked for the change. */
  const loadForChange = async (tx: Executor, ctx: AuthContext, id: string, version: number) => {
    const row = await findInvitation(tx, ctx.dealerId, id, true);
    const own = ownScopeOf(ctx);
    if (!row || (own && row.customerOwnerId !== own && row.consultantId !== own && row.invitedBy !== own)) {
      throw new DomainError('not_found', NO_SUCH_INVITATION);
    }
    if (row.version !== version) throw new DomainError('stale_version', STALE);
    return row;
  };

  const move = async (
    ctx: AuthContext,
    id: string,
    to: Extract<InvitationStatus, 'cancelled' | 'no_show'>,
    input: TInvitationChange,
    requestId?: string,
  ): Promise<TInvitation> => {
    const now = clock.now();
    await db.transaction(async (tx) => {
      const row = await loadForChange(tx, ctx, id, input.version);
      checkMove(row.status, to);
      const note = input.note?.trim() ? [row.note, input.note.trim()].filter(Boolean).join(' · ') : row.note;
      if (!(await updateInvitation(tx, ctx.dealerId, id, row.version, { status: to, note }, now))) {
        throw new DomainError('stale_version', STALE);
      }
      await cancelReminders(tx, ctx.dealerId, [id], now);
      await recordAudit(tx, {
        dealerId: ctx.dealerId,
        actorId: ctx.userId,
        action: to === 'cancelled' ? 'invitation.cancel' : 'invitation.no_show',
        entity: 'invitation',
        entityId: id,
        before: { status: row.status },
        after: { status: to, note: input.note ?? null },
        requestId,
      });
    });
    return invitationView(db, ctx.dealerId, id);
  };

  const reinvite = async (
    ctx: AuthContext,
    id: string,
    input: TInvitationInput,
    requestId?: string,
  ): Promise<TInvitation> => {
    const now = clock.now();
    const newId = await db.transaction(async (tx) => {
      const row = await findInvitation(tx, ctx.dealerId, id, true);
      const own = ownScopeOf(ctx);
      if (!row || (own && row.customerOwnerId !== own && row.consultantId !== own && row.invitedBy !== own)) {
        throw new DomainError('not_found', NO_SUCH_INVITATION);
      }
      checkReinvite(row.status);
      // The no-show's row is locked: of two re-invites at once, the second finds the first.
      if (await hasReinvite(tx, ctx.dealerId, id)) {
        throw new DomainError('conflict', 'This no-show has been re-invited already.');
      }
      const lead = await loadLeadForInvitation(tx, ctx, row.leadId);
      return bookInvitation(tx, ctx, { lead, invitation: input, now, previousId: id, requestId });
    });
    return invitationView(db, ctx.dealerId, newId);
  };

  return {
    create,
    list,
    options,
    cancel: (ctx: AuthContext, id: string, input: TInvitationChange, requestId?: string) =>
      move(ctx, id, 'cancelled', input, requestId),
    noShow: (ctx: AuthContext, id: string, input: TInvitationChange, requestId?: string) =>
      move(ctx, id, 'no_show', input, requestId),
    reinvite,
  };
};

export type InvitationsService = ReturnType<typeof createInvitationsService>;
