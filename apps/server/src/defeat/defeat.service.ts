import type {
  TApproveDefeatRequest,
  TCreateDefeatReasonRequest,
  TCreateDefeatRequest,
  TDefeatMonthly,
  TDefeatMonthlyQuery,
  TDefeatReason,
  TDefeatRequest,
  TDefeatRequestList,
  TEligibleLead,
  TEligibleLeadsParsed,
  TListDefeatRequestsParsed,
  TRejectDefeatRequest,
  TUpdateDefeatReasonRequest,
} from '@qianke/contracts/defeat';
import { hasPermission } from '@qianke/core/accounts/roles';
import { customerScopeOf } from '@qianke/core/customers/visibility';
import {
  checkDefeatRequest,
  DEFAULT_DEFEAT_REASONS,
  type DefeatDecision,
  type DefeatEffect,
  type DefeatTally,
  decideDefeat,
  monthBounds,
  tallyDefeats,
} from '@qianke/core/leads/defeat';
import { DomainError } from '@qianke/core/shared/domain-error';
import { localDateOf } from '@qianke/core/shared/local-time';
import type { AssignmentService } from '../assignment/assignment.service';
import { decodeKeyset, encodeKeyset } from '../assignment/keyset-cursor';
import { replanLeadTasks } from '../follow-ups/plan-lead-tasks';
import { recordAudit } from '../infra/audit/record-audit';
import type { Clock } from '../infra/clock';
import type { Db, Executor } from '../infra/db/database';
import { uniqueViolationOf } from '../infra/db/pg-errors';
import type { AuthContext } from '../infra/http/auth-context';
import { notify } from '../notifications/notify';
import {
  closeLeadAsLost,
  decideRequest,
  eligibleLeads,
  findLeadForDefeat,
  findReason,
  hasPendingRequest,
  insertDefaultReasons,
  insertReason,
  insertRequest,
  type LeadForDefeat,
  listReasons,
  listRequests,
  lockRequest,
  managerIdsOf,
  nextReasonSort,
  type ReasonRow,
  type RequestListRow,
  type RequestRow,
  requestsTouching,
  storeTimeZone,
  updateReason,
  userNameOf,
  userNamesOf,
} from './defeat.repo';

/** A new store starts with the default defeat reasons (zh/en), inside the set-up's transaction. */
export const createDefaultDefeatReasons = async (tx: Executor, dealerId: string): Promise<void> => {
  await insertDefaultReasons(tx, dealerId, DEFAULT_DEFEAT_REASONS);
};

const toReason = (row: ReasonRow): TDefeatReason => ({
  id: row.id,
  code: row.code,
  nameZh: row.nameZh,
  nameEn: row.nameEn,
  needsCompetitor: row.needsCompetitor,
  sort: row.sort,
  active: row.active,
  version: row.version,
});

const toRequest = (row: RequestListRow): TDefeatRequest => ({
  id: row.id,
  leadId: row.leadId,
  leadStatus: row.leadStatus,
  customer: { id: row.customerId, name: row.customerName, cardNo: row.cardNo },
  series: row.seriesId ? { id: row.seriesId, name: row.seriesName ?? '', nameEn: row.seriesNameEn } : null,
  level: row.level,
  owner: row.ownerId ? { id: row.ownerId, name: row.ownerName ?? '' } : null,
  requestedBy: { id: row.requestedBy, name: row.requestedByName },
  reason: { id: row.reasonId, code: row.reasonCode, nameZh: row.reasonNameZh, nameEn: row.reasonNameEn },
  competitorBrand: row.competitorBrand,
  competitorModel: row.competitorModel,
  note: row.note,
  status: row.status,
  outcome: row.outcome,
  decidedBy: row.decidedBy ? { id: row.decidedBy, name: row.decidedByName ?? '' } : null,
  decidedAt: row.decidedAt?.toISOString() ?? null,
  managerNote: row.managerNote,
  createdAt: row.createdAt.toISOString(),
  version: row.version,
});

const NO_SUCH_LEAD = 'There is no such lead in this store.';
const NO_SUCH_REQUEST = 'There is no such defeat request in this store.';

const isManager = (ctx: AuthContext) => hasPermission(ctx.roles, 'defeat.approve');

/** A consultant sees only their own customers' leads: another's is "not found" (customers/visibility.ts). */
const canSeeLead = (ctx: AuthContext, lead: LeadForDefeat) =>
  customerScopeOf(ctx.roles) === 'store' ||
  lead.ownerId === ctx.userId ||
  lead.customerOwnerId === ctx.userId;

export type DefeatServiceDeps = { db: Db; clock: Clock; assignment: AssignmentService };

/** Defeat with approval (DOMAIN §3): reasons, requests, the manager's decision, the monthly record. */
export const createDefeatService = ({ db, clock, assignment }: DefeatServiceDeps) => {
  const reasons = async (ctx: AuthContext): Promise<TDefeatReason[]> =>
    (await listReasons(db, ctx.dealerId)).map(toReason);

  const getReason = async (ctx: AuthContext, id: string): Promise<TDefeatReason> => {
    const row = await findReason(db, ctx.dealerId, id);
    if (!row) throw new DomainError('not_found', 'There is no such defeat reason in this store.');
    return toReason(row);
  };

  const createReason = async (
    ctx: AuthContext,
    input: TCreateDefeatReasonRequest,
    requestId?: string,
  ): Promise<TDefeatReason> => {
    try {
      const id = await db.transaction(async (tx) => {
        const values = {
          code: input.code,
          nameZh: input.nameZh,
          nameEn: input.nameEn,
          needsCompetitor: input.needsCompetitor ?? false,
          sort: input.sort ?? (await nextReasonSort(tx, ctx.dealerId)),
          active: input.active ?? true,
        };
        const reasonId = await insertReason(tx, ctx.dealerId, values);
        await recordAudit(tx, {
          dealerId: ctx.dealerId,
          actorId: ctx.userId,
          action: 'defeat_reason.create',
          entity: 'defeat_reason',
          entityId: reasonId,
          after: values,
          requestId,
        });
        return reasonId;
      });
      return getReason(ctx, id);
    } catch (error) {
      if (uniqueViolationOf(error) === 'defeat_reasons_code_key') {
        const message = 'The store already has a reason with this code.';
        throw new DomainError('conflict', message, { fields: { code: message } });
      }
      throw error;
    }
  };

  const updateReasonById = async (
    ctx: AuthContext,
    id: string,
    input: TUpdateDefeatReasonRequest,
    requestId?: string,
  ): Promise<TDefeatReason> => {
    await db.transaction(async (tx) => {
      const before = await findReason(tx, ctx.dealerId, id);
      if (!before) throw new DomainError('not_found', 'There is no such defeat reason in this store.');
      const { version, ...patch } = input;
      if (!(await updateReason(tx, ctx.dealerId, id, version, patch))) {
        throw new DomainError(
          'stale_version',
          'Someone else changed this reason in the meantime. Reload and try again.',
        );
      }
      await recordAudit(tx, {
        dealerId: ctx.dealerId,
        actorId: ctx.userId,
        action: 'defeat_reason.update',
        entity: 'defeat_reason',
        entityId: id,
        before: toReason(before),
        after: patch,
        requestId,
      });
    });
    return getReason(ctx, id);
  };

  const getRequest = async (db_: Executor, ctx: AuthContext, id: string): Promise<TDefeatRequest> => {
    const [row] = await listRequests(db_, ctx.dealerId, { ids: [id], order: 'desc', limit: 1 });
    if (!row) throw new DomainError('not_found', NO_SUCH_REQUEST);
    return toRequest(row);
  };

  /** The lead's owner (or a manager) asks to close it as lost; the store's managers are notified. */
  const request = async (
    ctx: AuthContext,
    leadId: string,
    input: TCreateDefeatRequest,
    requestId?: string,
  ): Promise<TDefeatRequest> => {
    const now = clock.now();
    const id = await db.transaction(async (tx) => {
      const lead = await findLeadForDefeat(tx, ctx.dealerId, leadId, true);
      if (!lead || !canSeeLead(ctx, lead)) throw new DomainError('not_found', NO_SUCH_LEAD);
      const reason = await findReason(tx, ctx.dealerId, input.reasonId);
      if (!reason?.active) {
        const message = "Choose one of the store's defeat reasons.";
        throw new DomainError('validation_failed', message, { fields: { reasonId: message } });
      }
      checkDefeatRequest({
        leadStatus: lead.status,
        callerIsOwner: lead.ownerId === ctx.userId,
        callerIsManager: isManager(ctx),
        hasPendingRequest: await hasPendingRequest(tx, ctx.dealerId, leadId),
        needsCompetitor: reason.needsCompetitor,
        competitorBrand: input.competitorBrand,
      });
      const row = {
        dealerId: ctx.dealerId,
        leadId,
        requestedBy: ctx.userId,
        reasonId: reason.id,
        competitorBrand: input.competitorBrand?.trim() || null,
        competitorModel: input.competitorModel?.trim() || null,
        note: input.note.trim(),
        createdAt: now,
      };
      const requestRowId = await insertRequest(tx, row);
      await recordAudit(tx, {
        dealerId: ctx.dealerId,
        actorId: ctx.userId,
        action: 'defeat_request.create',
        entity: 'defeat_request',
        entityId: requestRowId,
        after: {
          leadId,
          reason: reason.code,
          competitorBrand: row.competitorBrand,
          competitorModel: row.competitorModel,
          note: row.note,
        },
        requestId,
      });
      const requestedByName = (await userNameOf(tx, ctx.dealerId, ctx.userId)) ?? '';
      for (const managerId of await managerIdsOf(tx, ctx.dealerId)) {
        if (managerId === ctx.userId) continue;
        await notify(tx, {
          dealerId: ctx.dealerId,
          userId: managerId,
          kind: 'defeat_request',
          subjectKey: `defeat_request:${requestRowId}`,
          payload: {
            leadId,
            customerId: lead.customerId,
            customerName: lead.customerName,
            cardNo: lead.cardNo,
            defeatRequestId: requestRowId,
            requestedByName,
            reason: reason.nameZh,
          },
        });
      }
      return requestRowId;
    });
    return getRequest(db, ctx, id);
  };

  /** Managers see the store's requests; everyone else their own. Pending ones oldest first. */
  const list = async (ctx: AuthContext, query: TListDefeatRequestsParsed): Promise<TDefeatRequestList> => {
    const { limit } = query;
    const order = query.status === 'pending' ? 'asc' : 'desc';
    const tag = `defeat:${order}`;
    const rows = await listRequests(db, ctx.dealerId, {
      status: query.status,
      leadId: query.leadId,
      requestedBy: isManager(ctx) ? undefined : ctx.userId,
      order,
      after: decodeKeyset(tag, query.cursor),
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map(toRequest),
      nextCursor:
        rows.length > limit && last ? encodeKeyset(tag, { key: last.createdKey, id: last.id }) : null,
    };
  };

  /** The decision applied in one transaction: the request, its lead, tasks, notification, audit. */
  const decide = async (
    ctx: AuthContext,
    id: string,
    decision: DefeatDecision,
    managerNote: string | null,
    requestId?: string,
  ): Promise<TDefeatRequest> => {
    const now = clock.now();
    await db.transaction(async (tx) => {
      const row = await lockRequest(tx, ctx.dealerId, id);
      if (!row) throw new DomainError('not_found', NO_SUCH_REQUEST);
      const lead = await findLeadForDefeat(tx, ctx.dealerId, row.leadId, true);
      if (!lead) throw new DomainError('not_found', NO_SUCH_LEAD);
      const effect = decideDefeat(
        { status: row.status },
        { status: lead.status, ownerId: lead.ownerId },
        decision,
      );
      const reason = await findReason(tx, ctx.dealerId, row.reasonId);
      const deciderName = (await userNameOf(tx, ctx.dealerId, ctx.userId)) ?? '';
      await applyToLead(tx, ctx, {
        row,
        lead,
        effect,
        reasonCode: reason?.code ?? 'other',
        managerNote,
        deciderName,
        now,
        requestId,
      });
      await decideRequest(tx, ctx.dealerId, id, {
        status: effect.requestStatus,
        outcome: effect.outcome,
        decidedBy: ctx.userId,
        decidedAt: now,
        managerNote,
      });
      await recordAudit(tx, {
        dealerId: ctx.dealerId,
        actorId: ctx.userId,
        action: effect.requestStatus === 'approved' ? 'defeat_request.approve' : 'defeat_request.reject',
        entity: 'defeat_request',
        entityId: id,
        before: { status: row.status },
        after: { status: effect.requestStatus, outcome: effect.outcome, managerNote, leadId: row.leadId },
        requestId,
      });
      if (row.requestedBy !== ctx.userId) {
        await notify(tx, {
          dealerId: ctx.dealerId,
          userId: row.requestedBy,
          kind: 'defeat_decision',
          subjectKey: `defeat_request:${id}`,
          payload: {
            leadId: row.leadId,
            customerId: lead.customerId,
            customerName: lead.customerName,
            cardNo: lead.cardNo,
            defeatRequestId: id,
            decision: effect.requestStatus,
            outcome: effect.outcome,
            decidedByName: deciderName,
          },
        });
      }
    });
    return getRequest(db, ctx, id);
  };

  const applyToLead = async (
    tx: Executor,
    ctx: AuthContext,
    input: {
      row: RequestRow;
      lead: LeadForDefeat;
      effect: DefeatEffect;
      reasonCode: string;
      managerNote: string | null;
      deciderName: string;
      now: Date;
      requestId: string | undefined;
    },
  ) => {
    const { row, lead, effect, now } = input;
    const change = effect.lead;
    if (!change) return;
    if (change.status === 'lost') {
      const cancelledTasks = await closeLeadAsLost(tx, ctx.dealerId, lead.id, {
        closedAt: now,
        lostReason: input.reasonCode,
      });
      await replanLeadTasks(tx, { dealerId: ctx.dealerId, leadId: lead.id, now });
      await recordAudit(tx, {
        dealerId: ctx.dealerId,
        actorId: ctx.userId,
        action: 'lead.lost',
        entity: 'lead',
        entityId: lead.id,
        before: { status: lead.status },
        after: { status: 'lost', lostReason: input.reasonCode, defeatRequestId: row.id, cancelledTasks },
        requestId: input.requestId,
      });
      return;
    }
    const owner = change.owner === 'keep' ? lead.ownerId : change.owner;
    await assignment.transferWithin(tx, {
      dealerId: ctx.dealerId,
      leadIds: [lead.id],
      ownerId: owner,
      status: change.status === 'nurturing' ? 'nurturing' : 'open',
      reason: { by: 'manager', managerId: ctx.userId, note: input.managerNote, defeatRequestId: row.id },
      actorId: ctx.userId,
      actorName: input.deciderName,
      now,
      requestId: input.requestId,
      kind: change.status === 'nurturing' ? 'nurturing' : 'lead',
    });
  };

  const approve = async (ctx: AuthContext, id: string, input: TApproveDefeatRequest, requestId?: string) => {
    const managerNote = input.managerNote?.trim() || null;
    const decision: DefeatDecision =
      input.outcome === 'lost'
        ? { kind: 'approve', outcome: 'lost' }
        : { kind: 'approve', outcome: input.outcome, newOwnerId: input.newOwnerId };
    return decide(ctx, id, decision, managerNote, requestId);
  };

  const reject = async (ctx: AuthContext, id: string, input: TRejectDefeatRequest, requestId?: string) =>
    decide(ctx, id, { kind: 'reject', managerNote: input.managerNote }, input.managerNote.trim(), requestId);

  /** Per consultant: requested, approved by outcome, rejected, by reason, in the store's calendar month. */
  const monthly = async (ctx: AuthContext, query: TDefeatMonthlyQuery): Promise<TDefeatMonthly> => {
    const timeZone = await storeTimeZone(db, ctx.dealerId);
    const today = localDateOf(clock.now(), timeZone);
    const month = query.month ?? `${today.year}-${String(today.month).padStart(2, '0')}`;
    const userId = isManager(ctx) ? query.userId : ctx.userId;
    const bounds = monthBounds(month, timeZone);
    const [rows, reasonRows] = await Promise.all([
      requestsTouching(db, ctx.dealerId, bounds, userId),
      listReasons(db, ctx.dealerId),
    ]);
    const tallies = tallyDefeats(rows, bounds);
    if (userId && !tallies.some((t) => t.userId === userId)) tallies.push(emptyTally(userId));
    const names = await userNamesOf(
      db,
      ctx.dealerId,
      tallies.map((t) => t.userId),
    );
    const reasonById = new Map(reasonRows.map((r) => [r.id, r]));
    const withNames = (tally: Omit<DefeatTally, 'userId'>) => ({
      requested: tally.requested,
      pending: tally.pending,
      approved: tally.approved,
      rejected: tally.rejected,
      byReason: tally.byReason.flatMap((entry) => {
        const reason = reasonById.get(entry.reasonId);
        return reason ? [{ ...entry, code: reason.code, nameZh: reason.nameZh, nameEn: reason.nameEn }] : [];
      }),
    });
    const items = tallies
      .map((tally) => ({
        userId: tally.userId,
        displayName: names.get(tally.userId) ?? '',
        ...withNames(tally),
      }))
      .sort(
        (a, b) => a.displayName.localeCompare(b.displayName, 'zh-CN') || a.userId.localeCompare(b.userId),
      );
    return { month, timeZone, items, totals: withNames(sumTallies(tallies)) };
  };

  /** Leads one may ask a defeat for now: one's own active leads (a manager: the store's). */
  const eligible = async (ctx: AuthContext, query: TEligibleLeadsParsed): Promise<TEligibleLead[]> => {
    const rows = await eligibleLeads(db, ctx.dealerId, {
      ownerId: isManager(ctx) ? undefined : ctx.userId,
      q: query.q,
      limit: query.limit,
    });
    return rows.map((row) => ({
      leadId: row.leadId,
      customerId: row.customerId,
      customerName: row.customerName,
      cardNo: row.cardNo,
      series: row.seriesId
        ? { id: row.seriesId, name: row.seriesName ?? '', nameEn: row.seriesNameEn }
        : null,
      level: row.level,
      status: row.status,
      owner: row.ownerId ? { id: row.ownerId, name: row.ownerName ?? '' } : null,
      createdAt: row.createdAt.toISOString(),
    }));
  };

  return {
    reasons,
    createReason,
    updateReason: updateReasonById,
    request,
    list,
    approve,
    reject,
    monthly,
    eligible,
  };
};

const emptyTally = (userId: string): DefeatTally => ({
  userId,
  requested: 0,
  pending: 0,
  approved: { total: 0, lost: 0, reassigned: 0, nurturing: 0 },
  rejected: 0,
  byReason: [],
});

const sumTallies = (tallies: readonly DefeatTally[]): Omit<DefeatTally, 'userId'> => {
  const total = emptyTally('');
  const reasons = new Map<string, { requested: number; approved: number }>();
  for (const tally of tallies) {
    total.requested += tally.requested;
    total.pending += tally.pending;
    total.rejected += tally.rejected;
    total.approved.total += tally.approved.total;
    total.approved.lost += tally.approved.lost;
    total.approved.reassigned += tally.approved.reassigned;
    total.approved.nurturing += tally.approved.nurturing;
    for (const entry of tally.byReason) {
      const sum = reasons.get(entry.reasonId) ?? { requested: 0, approved: 0 };
      sum.requested += entry.requested;
      sum.approved += entry.approved;
      reasons.set(entry.reasonId, sum);
    }
  }
  const { userId: _userId, ...rest } = total;
  return {
    ...rest,
    byReason: [...reasons.entries()]
      .map(([reasonId, counts]) => ({ reasonId, ...counts }))
      .sort(
        (a, b) =>
          b.requested + b.approved - (a.requested + a.approved) || a.reasonId.localeCompare(b.reasonId),
      ),
  };
};

export type DefeatService = ReturnType<typeof createDefeatService>;
