import type {
  TAssignee,
  TAssignLeadsRequest,
  TAssignLeadsResult,
  TAssignmentHistoryEntry,
  TAssignmentReason,
  TAssignmentRule,
  TCreateAssignmentRuleParsed,
  TDistributionQueue,
  TDistributionQueueParsed,
  TLeadAssignment,
  TReassignAllRequest,
  TReassignAllResult,
  TUpdateAssignmentRuleParsed,
} from '@qianke/contracts/assignment';
import { assigneeProblem, type Candidate, nurturerProblem } from '@qianke/core/assignment/assignees';
import { isUnassignedTooLong, openingMinutesBetween } from '@qianke/core/assignment/unassigned-alert';
import { maskPhone } from '@qianke/core/customers/phone';
import { displayPhone } from '@qianke/core/customers/phone-display';
import { customerScopeOf, seesPhoneInFull } from '@qianke/core/customers/visibility';
import { DomainError } from '@qianke/core/shared/domain-error';
import { recordAudit } from '../infra/audit/record-audit';
import type { Clock } from '../infra/clock';
import type { Db, Executor } from '../infra/db/database';
import type { AuthContext } from '../infra/http/auth-context';
import {
  type AssigneeRow,
  assignmentAuditOf,
  countQueue,
  customerIdsOwnedBy,
  customerOwnerOf,
  displayNames,
  findLeadForAssignment,
  findPeople,
  findPerson,
  findRule,
  handOverLeadIdsOf,
  insertAuditRows,
  insertRule,
  knownSourceCodes,
  listAssignees,
  listQueue,
  listRules,
  lockLeadsForTransfer,
  moveCustomerTasks,
  type RuleRow,
  type RuleValues,
  setCustomerOwner,
  setOnDuty,
  storeHours,
  updateRule,
} from './assignment.repo';
import { decodeKeyset, encodeKeyset } from './keyset-cursor';
import { type TransferInput, transferLeads } from './transfer-leads';

const QUEUE_CURSOR = 'queue';

const toAssignee = (row: AssigneeRow): TAssignee => ({
  id: row.id,
  username: row.username,
  displayName: row.displayName,
  roles: row.roles,
  consultantCode: row.consultantCode,
  onDuty: row.onDuty,
  disabled: row.disabled,
  openLeads: row.openLeads,
  lastAssignedAt: row.lastAssignedAt?.toISOString() ?? null,
});

const toRule = (row: RuleRow): TAssignmentRule => {
  const match = (row.match ?? {}) as { channels?: string[]; sourceCodes?: string[] };
  return {
    id: row.id,
    name: row.name,
    priority: row.priority,
    match: { channels: match.channels ?? [], sourceCodes: match.sourceCodes ?? [] },
    poolUserIds: (row.poolUserIds ?? []) as string[],
    openLeadCap: row.openLeadCap,
    active: row.active,
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
};

const candidateOf = (row: AssigneeRow | undefined): Candidate =>
  row ? { roles: row.roles, disabled: row.disabled } : undefined;

const asReason = (value: unknown): TAssignmentReason | null =>
  value && typeof value === 'object' && typeof (value as { by?: unknown }).by === 'string'
    ? (value as TAssignmentReason)
    : null;

/** The person leads are to go to, or a 422 next to the field that named them. */
export const requireAssignee = async (
  db: Executor,
  dealerId: string,
  userId: string,
  field: string,
  kind: 'lead' | 'nurturing' = 'lead',
): Promise<AssigneeRow> => {
  const person = await findPerson(db, dealerId, userId);
  const problem =
    kind === 'lead' ? assigneeProblem(candidateOf(person)) : nurturerProblem(candidateOf(person));
  if (problem || !person) {
    const message = problem ?? 'There is no such user in this store.';
    throw new DomainError('validation_failed', message, { fields: { [field]: message } });
  }
  return person;
};

export type AssignmentServiceDeps = { db: Db; clock: Clock };

/** The distribution queue, assignment by hand, hand-overs, the rules, and "why this owner" (issue 4). */
export const createAssignmentService = ({ db, clock }: AssignmentServiceDeps) => {
  const queue = async (ctx: AuthContext, query: TDistributionQueueParsed): Promise<TDistributionQueue> => {
    const { limit } = query;
    const after = decodeKeyset(QUEUE_CURSOR, query.cursor);
    const [rows, total, hours] = await Promise.all([
      listQueue(db, ctx.dealerId, after, limit + 1),
      countQueue(db, ctx.dealerId),
      storeHours(db, ctx.dealerId),
    ]);
    const page = rows.slice(0, limit);
    const now = clock.now();
    const opening = { opensAt: hours.opensAt, closesAt: hours.closesAt, timeZone: hours.timeZone };
    const fullPhones = seesPhoneInFull(ctx.roles, ctx.userId, null);
    const last = page.at(-1);
    return {
      items: page.map((row) => ({
        leadId: row.leadId,
        customerId: row.customerId,
        customerName: row.customerName,
        cardNo: row.cardNo,
        phone: row.phoneE164 ? (fullPhones ? displayPhone(row.phoneE164) : maskPhone(row.phoneE164)) : null,
        status: row.status,
        channel: row.channel,
        source: {
          id: row.sourceId,
          code: row.sourceCode,
          nameZh: row.sourceNameZh,
          nameEn: row.sourceNameEn,
        },
        series: row.seriesId
          ? { id: row.seriesId, name: row.seriesName ?? '', nameEn: row.seriesNameEn ?? null }
          : null,
        level: row.level,
        createdAt: row.createdAt.toISOString(),
        ageMinutes: openingMinutesBetween(row.createdAt, now, opening),
        overdue: isUnassignedTooLong(row.createdAt, now, hours.unassignedAlertMinutes, opening),
        reason: asReason(row.reason),
        version: row.version,
      })),
      nextCursor:
        rows.length > limit && last
          ? encodeKeyset(QUEUE_CURSOR, { key: last.createdKey, id: last.leadId })
          : null,
      total,
      alertMinutes: hours.unassignedAlertMinutes,
    };
  };

  const assignees = async (ctx: AuthContext, includeDisabled = false): Promise<TAssignee[]> =>
    (await listAssignees(db, ctx.dealerId, includeDisabled)).map(toAssignee);

  const managerReason = (
    ctx: AuthContext,
    note: string | null | undefined,
    extra: Record<string, unknown> = {},
  ) => ({
    by: 'manager',
    managerId: ctx.userId,
    note: note?.trim() || null,
    ...extra,
  });

  const actorName = async (tx: Executor, ctx: AuthContext) =>
    (await displayNames(tx, ctx.dealerId, [ctx.userId])).get(ctx.userId) ?? null;

  /** One or many leads, with or without an owner, to one person of the store. */
  const assign = async (
    ctx: AuthContext,
    input: TAssignLeadsRequest,
    requestId?: string,
  ): Promise<TAssignLeadsResult> => {
    const leadIds = [...new Set(input.leadIds)];
    const now = clock.now();
    const result = await db.transaction(async (tx) => {
      const rows = await lockLeadsForTransfer(tx, ctx.dealerId, leadIds);
      if (rows.length !== leadIds.length) {
        throw new DomainError(
          'not_found',
          'Some of these leads do not exist in this store. Reload the list.',
        );
      }
      const closed = rows.filter((row) => row.status !== 'open' && row.status !== 'nurturing');
      if (closed.length > 0) {
        const message =
          closed.length === 1
            ? `The lead of ${closed[0]?.customerName} is already closed (${closed[0]?.status}).`
            : `${closed.length} of these leads are already closed (won or lost).`;
        throw new DomainError('validation_failed', message, { fields: { leadIds: message } });
      }
      await requireAssignee(tx, ctx.dealerId, input.ownerId, 'ownerId');
      return transferLeads(tx, {
        dealerId: ctx.dealerId,
        leadIds,
        ownerId: input.ownerId,
        reason: managerReason(ctx, input.note),
        actorId: ctx.userId,
        actorName: await actorName(tx, ctx),
        now,
        requestId,
      });
    });
    return {
      assigned: result.moved.length,
      unchanged: result.unchanged,
      ownerId: input.ownerId,
      assignedAt: now.toISOString(),
    };
  };

  /**
   * A departing consultant hands over in one action: every active lead (and won one, for owner care),
   * the open tasks with them, and every customer they own, to one colleague.
   */
  const reassignAll = async (
    ctx: AuthContext,
    input: TReassignAllRequest,
    requestId?: string,
  ): Promise<TReassignAllResult> => {
    const now = clock.now();
    return db.transaction(async (tx) => {
      const [from] = await findPeople(tx, ctx.dealerId, [input.fromUserId]);
      if (!from) throw new DomainError('not_found', 'There is no such user in this store.');
      await requireAssignee(tx, ctx.dealerId, input.toUserId, 'toUserId');
      const leadIds = await handOverLeadIdsOf(tx, ctx.dealerId, input.fromUserId);
      const reason = managerReason(ctx, input.note, { handoverFromId: input.fromUserId });
      const transfer: TransferInput = {
        dealerId: ctx.dealerId,
        leadIds,
        ownerId: input.toUserId,
        reason,
        actorId: ctx.userId,
        actorName: await actorName(tx, ctx),
        now,
        requestId,
      };
      const moved = await transferLeads(tx, transfer);
      // Customers without an active lead (owners after delivery, lost ones) change hands too.
      const stillOwned = await customerIdsOwnedBy(tx, ctx.dealerId, input.fromUserId);
      await setCustomerOwner(tx, ctx.dealerId, stillOwned, input.toUserId);
      // Their reminders about these customers that are on no lead go along too.
      const customerTasks = await moveCustomerTasks(tx, ctx.dealerId, {
        customerIds: [...new Set([...moved.moved.map((lead) => lead.customerId), ...stillOwned])],
        fromUserId: input.fromUserId,
        toUserId: input.toUserId,
      });
      const tasksMoved = moved.tasksMoved + customerTasks;
      await insertAuditRows(
        tx,
        ctx.dealerId,
        stillOwned.map((customerId) => ({
          actorId: ctx.userId,
          action: 'customer.owner_change',
          entity: 'customer',
          entityId: customerId,
          before: { ownerId: input.fromUserId },
          after: { ownerId: input.toUserId, reason },
          requestId,
        })),
      );
      await recordAudit(tx, {
        dealerId: ctx.dealerId,
        actorId: ctx.userId,
        action: 'user.hand_over',
        entity: 'user',
        entityId: input.fromUserId,
        after: {
          toUserId: input.toUserId,
          leads: moved.moved.length,
          customers: moved.customersChanged + stillOwned.length,
          tasks: tasksMoved,
          note: reason.note,
        },
        requestId,
      });
      return {
        leads: moved.moved.length,
        customers: moved.customersChanged + stillOwned.length,
        tasks: tasksMoved,
        assignedAt: now.toISOString(),
      };
    });
  };

  /** On duty today: automatic assignment only rotates among people on duty. */
  const setDuty = async (ctx: AuthContext, userId: string, onDuty: boolean, requestId?: string) => {
    await db.transaction(async (tx) => {
      const person = await findPerson(tx, ctx.dealerId, userId);
      if (!person) throw new DomainError('not_found', 'There is no such user in this store.');
      if (person.onDuty === onDuty) return;
      await setOnDuty(tx, ctx.dealerId, userId, onDuty);
      await recordAudit(tx, {
        dealerId: ctx.dealerId,
        actorId: ctx.userId,
        action: 'user.duty',
        entity: 'user',
        entityId: userId,
        before: { onDuty: person.onDuty },
        after: { onDuty },
        requestId,
      });
    });
    return { userId, onDuty };
  };

  const rules = async (ctx: AuthContext): Promise<TAssignmentRule[]> =>
    (await listRules(db, ctx.dealerId)).map(toRule);

  /** A rule may only name people who can take leads, and source codes the store has. */
  const checkRule = async (tx: Executor, dealerId: string, values: RuleValues) => {
    const people = await findPeople(tx, dealerId, values.poolUserIds);
    const byId = new Map(people.map((p) => [p.id, p]));
    for (const id of values.poolUserIds) {
      const problem = assigneeProblem(candidateOf(byId.get(id)));
      if (problem) throw new DomainError('validation_failed', problem, { fields: { poolUserIds: problem } });
    }
    const known = await knownSourceCodes(tx, dealerId, values.match.sourceCodes);
    const unknown = values.match.sourceCodes.filter((code) => !known.has(code));
    if (unknown.length > 0) {
      const message = `This store has no source with the code ${unknown.join(', ')}.`;
      throw new DomainError('validation_failed', message, { fields: { 'match.sourceCodes': message } });
    }
  };

  const cleanValues = (values: RuleValues): RuleValues => ({
    ...values,
    name: values.name.trim(),
    match: {
      channels: [...new Set(values.match.channels)],
      sourceCodes: [...new Set(values.match.sourceCodes)],
    },
    poolUserIds: [...new Set(values.poolUserIds)],
  });

  const createRule = async (
    ctx: AuthContext,
    input: TCreateAssignmentRuleParsed,
    requestId?: string,
  ): Promise<TAssignmentRule> => {
    const values = cleanValues({
      name: input.name,
      priority: input.priority,
      match: { channels: input.match.channels, sourceCodes: input.match.sourceCodes },
      poolUserIds: input.poolUserIds,
      openLeadCap: input.openLeadCap,
      active: input.active,
    });
    const id = await db.transaction(async (tx) => {
      await checkRule(tx, ctx.dealerId, values);
      const ruleId = await insertRule(tx, ctx.dealerId, values);
      await recordAudit(tx, {
        dealerId: ctx.dealerId,
        actorId: ctx.userId,
        action: 'assignment_rule.create',
        entity: 'assignment_rule',
        entityId: ruleId,
        after: values,
        requestId,
      });
      return ruleId;
    });
    return getRule(ctx, id);
  };

  const getRule = async (ctx: AuthContext, id: string): Promise<TAssignmentRule> => {
    const row = await findRule(db, ctx.dealerId, id);
    if (!row) throw new DomainError('not_found', 'There is no such assignment rule in this store.');
    return toRule(row);
  };

  const updateRuleById = async (
    ctx: AuthContext,
    id: string,
    input: TUpdateAssignmentRuleParsed,
    requestId?: string,
  ): Promise<TAssignmentRule> => {
    await db.transaction(async (tx) => {
      const row = await findRule(tx, ctx.dealerId, id);
      if (!row) throw new DomainError('not_found', 'There is no such assignment rule in this store.');
      const before = toRule(row);
      const values = cleanValues({
        name: input.name ?? before.name,
        priority: input.priority ?? before.priority,
        match: input.match
          ? { channels: input.match.channels, sourceCodes: input.match.sourceCodes }
          : before.match,
        poolUserIds: input.poolUserIds ?? before.poolUserIds,
        openLeadCap: input.openLeadCap === undefined ? before.openLeadCap : input.openLeadCap,
        active: input.active ?? before.active,
      });
      await checkRule(tx, ctx.dealerId, values);
      if (!(await updateRule(tx, ctx.dealerId, id, input.version, values))) {
        throw new DomainError(
          'stale_version',
          'Someone else changed this rule in the meantime. Reload and try again.',
        );
      }
      const { id: _id, updatedAt: _at, version: _v, ...beforeValues } = before;
      await recordAudit(tx, {
        dealerId: ctx.dealerId,
        actorId: ctx.userId,
        action: 'assignment_rule.update',
        entity: 'assignment_rule',
        entityId: id,
        before: beforeValues,
        after: values,
        requestId,
      });
    });
    return getRule(ctx, id);
  };

  /** Why this lead has its owner, and every change of owner since it was captured. */
  const leadAssignment = async (ctx: AuthContext, leadId: string): Promise<TLeadAssignment> => {
    const lead = await findLeadForAssignment(db, ctx.dealerId, leadId);
    if (!lead) throw new DomainError('not_found', 'There is no such lead in this store.');
    if (customerScopeOf(ctx.roles) === 'own' && lead.ownerId !== ctx.userId) {
      const customerOwner = await customerOwnerOf(db, ctx.dealerId, lead.customerId);
      if (customerOwner !== ctx.userId)
        throw new DomainError('not_found', 'There is no such lead in this store.');
    }
    const audit = await assignmentAuditOf(db, ctx.dealerId, leadId);
    const entries = audit.flatMap((row) => {
      const after = (row.after ?? {}) as { ownerId?: string | null; reason?: unknown; via?: string };
      const before = (row.before ?? {}) as { ownerId?: string | null };
      if (row.action === 'lead.create') {
        if (!after.ownerId) return [];
        return [
          {
            at: row.at,
            actorId: row.actorId,
            fromOwnerId: null,
            toOwnerId: after.ownerId,
            reason: { by: 'capture', ...(after.via ? { via: after.via } : {}) } as TAssignmentReason,
          },
        ];
      }
      return [
        {
          at: row.at,
          actorId: row.actorId,
          fromOwnerId: before.ownerId ?? null,
          toOwnerId: after.ownerId ?? null,
          reason: asReason(after.reason),
        },
      ];
    });
    const names = await displayNames(db, ctx.dealerId, [
      ...(lead.ownerId ? [lead.ownerId] : []),
      ...entries.flatMap((e) => [e.actorId, e.fromOwnerId, e.toOwnerId].filter((id): id is string => !!id)),
    ]);
    const nameOf = (id: string | null) => (id ? (names.get(id) ?? null) : null);
    const history: TAssignmentHistoryEntry[] = entries.map((entry) => ({
      at: entry.at.toISOString(),
      actorId: entry.actorId,
      actorName: nameOf(entry.actorId),
      fromOwnerId: entry.fromOwnerId,
      fromOwnerName: nameOf(entry.fromOwnerId),
      toOwnerId: entry.toOwnerId,
      toOwnerName: nameOf(entry.toOwnerId),
      reason: entry.reason,
    }));
    return {
      leadId,
      status: lead.status,
      ownerId: lead.ownerId,
      ownerName: nameOf(lead.ownerId),
      assignedAt: lead.assignedAt?.toISOString() ?? null,
      reason: asReason(lead.reason) ?? (lead.ownerId ? { by: 'capture' } : null),
      history,
    };
  };

  /**
   * For other domains (defeat decisions), inside their transaction: checks the person and hands the
   * lead over as every assignment does.
   */
  const transferWithin = async (
    tx: Executor,
    input: TransferInput & { kind?: 'lead' | 'nurturing' },
  ): Promise<Awaited<ReturnType<typeof transferLeads>>> => {
    if (input.ownerId)
      await requireAssignee(tx, input.dealerId, input.ownerId, 'newOwnerId', input.kind ?? 'lead');
    const { kind: _kind, ...transfer } = input;
    return transferLeads(tx, transfer);
  };

  return {
    queue,
    assignees,
    assign,
    reassignAll,
    setDuty,
    rules,
    createRule,
    updateRule: updateRuleById,
    leadAssignment,
    transferWithin,
  };
};

export type AssignmentService = ReturnType<typeof createAssignmentService>;
