import type {
  TChangeLevelRequest,
  TFollowUp,
  TFollowUpHistory,
  TFollowUpLogged,
  TGradingTable,
  TLevelChange,
  TLevelChanged,
  TLogFollowUpRequest,
  TNextTaskProposal,
  TTask,
} from '@qianke/contracts/follow-ups';
import { customerScopeOf } from '@qianke/core/customers/visibility';
import { desiredLeadTask, MANUAL_NEXT_RULE_KEY } from '@qianke/core/follow-ups/lead-task';
import { gradingProblem, LEVEL_TABLE, type Level } from '@qianke/core/leads/grading';
import { HORIZONS, type Horizon, temperatureOf } from '@qianke/core/leads/horizon';
import { type Man, manAction, manCode } from '@qianke/core/leads/man';
import { DomainError } from '@qianke/core/shared/domain-error';
import { recordAudit } from '../infra/audit/record-audit';
import type { Clock } from '../infra/clock';
import type { Db, Executor } from '../infra/db/database';
import type { AuthContext } from '../infra/http/auth-context';
import {
  type FollowUpRow,
  findWorkLead,
  insertFollowUp,
  insertLevelChange,
  type LevelChangeRow,
  listComments,
  listFollowUps,
  listLevelChanges,
  saveLeadMan,
  setFollowUpNextContact,
  syncCustomerLevel,
  updateWorkLead,
  type WorkLeadRow,
} from './follow-ups.repo';
import { loadPlanningContext, replanLeadTasks } from './plan-lead-tasks';
import { cancelTasks, insertTask, loadLeadsForPlanning, openRuleTasksOf } from './planning.repo';
import { completeTask, findOpenRuleTaskView, findTaskView, type TaskViewRow } from './tasks.repo';

export const toTask = (row: TaskViewRow): TTask => ({
  id: row.id,
  customerId: row.customerId,
  leadId: row.leadId,
  assigneeId: row.assigneeId,
  kind: row.kind,
  dueAt: row.dueAt.toISOString(),
  status: row.status,
  title: row.title,
  ruleKey: row.ruleKey,
  custom: row.custom,
  doneAt: row.doneAt?.toISOString() ?? null,
  followUpId: row.followUpId,
  customerName: row.customerName,
  cardNo: row.cardNo,
  level: row.level,
  leadStatus: row.leadStatus,
  leadVersion: row.leadVersion,
  assigneeName: row.assigneeName,
});

const toLevelChange = (row: LevelChangeRow): TLevelChange => ({
  id: row.id,
  leadId: row.leadId,
  fromLevel: row.fromLevel,
  toLevel: row.toLevel,
  changedBy: row.changedBy,
  changedByName: row.changedByName,
  changedAt: row.changedAt.toISOString(),
  reason: row.reason,
});

export const toFollowUp = (row: FollowUpRow, comments: TFollowUp['comments']): TFollowUp => ({
  id: row.id,
  leadId: row.leadId,
  customerId: row.customerId,
  userId: row.userId,
  userName: row.userName,
  channel: row.channel,
  content: row.content,
  result: row.result,
  levelBefore: row.levelBefore,
  levelAfter: row.levelAfter,
  occurredAt: row.occurredAt.toISOString(),
  nextContactAt: row.nextContactAt?.toISOString() ?? null,
  comments,
});

const NOT_FOUND = 'There is no such lead in this store, or it is not yours.';
const STALE = 'Someone else changed this lead in the meantime. Reload and try again.';

/** Consultants work on their own leads and customers; the other roles on the whole store. */
export const canWorkOn = (
  ctx: AuthContext,
  lead: { ownerId: string | null; customerOwnerId: string | null },
) =>
  customerScopeOf(ctx.roles) === 'store' ||
  lead.ownerId === ctx.userId ||
  lead.customerOwnerId === ctx.userId;

export const loadLeadFor = async (
  executor: Executor,
  ctx: AuthContext,
  leadId: string,
): Promise<WorkLeadRow> => {
  const lead = await findWorkLead(executor, ctx.dealerId, leadId);
  if (!lead || !canWorkOn(ctx, lead)) throw new DomainError('not_found', NOT_FOUND);
  return lead;
};

export type LoggedFollowUp = {
  followUpId: string;
  completedTaskId: string | null;
  levelChangeId: string | null;
  nextTaskId: string | null;
  leadVersion: number;
};

const manCodeOf = (man: Man | null) => (man ? manCode(man) : null);

/**
 * Writes a grading of a lead: its level, horizon and MAN, the customer's level, the level history row
 * and the audit row. Returns the history row id, or null when the level did not change.
 */
export const applyGrade = async (
  tx: Executor,
  ctx: AuthContext,
  lead: WorkLeadRow,
  input: {
    /** null: the lead stays ungraded. */
    level: Level | null;
    horizon?: Horizon | null | undefined;
    /** MAN as judged now; undefined leaves the stored one. */
    man?: Man | undefined;
    reason: string;
    now: Date;
    firstContactedAt?: Date;
    version?: number | undefined;
    audit?: Record<string, unknown>;
  },
): Promise<{ changeId: string | null; version: number }> => {
  if (input.version !== undefined && input.version !== lead.version)
    throw new DomainError('stale_version', STALE);
  const level = input.level;
  const levelChanged = level !== null && level !== lead.level;
  const horizonChanged =
    input.horizon !== undefined && input.horizon !== null && input.horizon !== lead.horizon;
  const man = input.man;
  const manChanged = man !== undefined && manCodeOf(man) !== manCodeOf(lead.man);
  const patch = {
    ...(levelChanged ? { level } : {}),
    ...(horizonChanged && input.horizon ? { horizon: input.horizon } : {}),
    ...(input.firstContactedAt ? { firstContactedAt: input.firstContactedAt } : {}),
  };
  if (Object.keys(patch).length === 0 && !manChanged) return { changeId: null, version: lead.version };
  // A new MAN alone also bumps the lead's version: whoever read the lead before has a stale view.
  const version = await updateWorkLead(tx, ctx.dealerId, lead.id, patch, lead.version);
  if (version === undefined) throw new DomainError('stale_version', STALE);
  if (manChanged && man) {
    await saveLeadMan(tx, {
      dealerId: ctx.dealerId,
      leadId: lead.id,
      man: { money: man.money, authority: man.authority, need: man.need },
      judgedBy: ctx.userId,
      judgedAt: input.now,
    });
  }
  let changeId: string | null = null;
  if (levelChanged) {
    changeId = await insertLevelChange(tx, {
      dealerId: ctx.dealerId,
      leadId: lead.id,
      fromLevel: lead.level,
      toLevel: level,
      changedBy: ctx.userId,
      changedAt: input.now,
      reason: input.reason,
    });
    await syncCustomerLevel(tx, ctx.dealerId, lead.customerId);
  }
  if (levelChanged || horizonChanged || manChanged) {
    await recordAudit(tx, {
      dealerId: ctx.dealerId,
      actorId: ctx.userId,
      action: 'lead.level_change',
      entity: 'lead',
      entityId: lead.id,
      before: { level: lead.level, horizon: lead.horizon, man: manCodeOf(lead.man) },
      after: {
        level: levelChanged ? level : lead.level,
        horizon: horizonChanged ? input.horizon : lead.horizon,
        man: manCodeOf(man ?? lead.man),
        reason: input.reason,
        ...input.audit,
      },
    });
  }
  return { changeId, version };
};

/**
 * Another part of the app (orders: deposit paid, order cancelled) sets a lead's level inside its own
 * transaction, through the same path as grading: the lead, the customer's level, the history row and
 * the audit row. With `onlyFrom`, only a lead at that level changes. Returns whether it changed.
 */
export const regradeLead = async (
  tx: Executor,
  ctx: AuthContext,
  leadId: string,
  input: { level: Level; reason: string; now: Date; onlyFrom?: Level },
): Promise<boolean> => {
  const lead = await findWorkLead(tx, ctx.dealerId, leadId);
  if (!lead || lead.level === input.level) return false;
  if (input.onlyFrom !== undefined && lead.level !== input.onlyFrom) return false;
  const { changeId } = await applyGrade(tx, ctx, lead, {
    level: input.level,
    reason: input.reason,
    now: input.now,
  });
  return changeId !== null;
};

export const createFollowUpsService = ({ db, clock }: { db: Db; clock: Clock }) => {
  /** The seed-001 grading table with the store's cadence, the horizon tiers and the MAN actions. */
  const grading = async (ctx: AuthContext): Promise<TGradingTable> => {
    const { rules } = await loadPlanningContext(db, ctx.dealerId);
    const flags = [true, false];
    return {
      levels: LEVEL_TABLE.map((d) => ({
        level: d.level,
        meaning: d.meaning,
        criteria: d.criteria.map((c) => ({ key: c.key, zh: c.zh, en: c.en })),
        cadence: rules.levels[d.level],
      })),
      horizons: HORIZONS.map((horizon) => ({ horizon, temperature: temperatureOf(horizon) })),
      man: flags.flatMap((money) =>
        flags.flatMap((authority) =>
          flags.map((need) => ({ ...manAction({ money, authority, need }), money, authority, need })),
        ),
      ),
    };
  };

  const levelChangeById = async (executor: Executor, ctx: AuthContext, id: string | null) => {
    if (!id) return null;
    const [row] = await listLevelChanges(executor, ctx.dealerId, { id });
    return row ? toLevelChange(row) : null;
  };

  const openRuleTask = async (executor: Executor, ctx: AuthContext, leadId: string) => {
    const row = await findOpenRuleTaskView(executor, ctx.dealerId, leadId);
    return row ? toTask(row) : null;
  };

  /**
   * Grades a lead: level, horizon, the ticked checklist and MAN. The checklist is advice, not a gate;
   * a closed lead (won or lost) is not graded.
   */
  const changeLevel = async (
    ctx: AuthContext,
    leadId: string,
    input: TChangeLevelRequest,
  ): Promise<TLevelChanged> => {
    const now = clock.now();
    return db.transaction(async (tx) => {
      const lead = await loadLeadFor(tx, ctx, leadId);
      const problem = gradingProblem(lead.status);
      if (problem) throw new DomainError('conflict', problem);
      const man: Man | undefined = input.man;
      const action = man ? manAction(man) : null;
      const { changeId, version } = await applyGrade(tx, ctx, lead, {
        level: input.level,
        horizon: input.horizon,
        man,
        reason: input.reason,
        now,
        version: input.version,
        audit: { criteria: input.criteria ?? [] },
      });
      await replanLeadTasks(tx, { dealerId: ctx.dealerId, leadId, now });
      const after = await loadLeadFor(tx, ctx, leadId);
      return {
        leadId,
        level: after.level ?? input.level,
        horizon: after.horizon,
        version,
        change: await levelChangeById(tx, ctx, changeId),
        manAction: action
          ? { code: action.code, prospect: action.prospect, zh: action.zh, en: action.en }
          : null,
        nextTask: await openRuleTask(tx, ctx, leadId),
      };
    });
  };

  /**
   * Logs a follow-up inside the caller's transaction: the record, the first contact, the task it
   * completes, the level change, and the next task (the person's date, or the rule table's).
   */
  const logFollowUpIn = async (
    tx: Executor,
    ctx: AuthContext,
    leadId: string,
    input: TLogFollowUpRequest,
  ): Promise<LoggedFollowUp> => {
    const now = clock.now();
    const lead = await loadLeadFor(tx, ctx, leadId);
    if (input.version !== undefined && input.version !== lead.version)
      throw new DomainError('stale_version', STALE);

    let task: TaskViewRow | undefined;
    if (input.taskId) {
      task = await findTaskView(tx, ctx.dealerId, input.taskId);
      const belongs =
        task && (task.leadId === leadId || (task.leadId === null && task.customerId === lead.customerId));
      if (!task || !belongs) {
        const message = 'There is no such task on this lead.';
        throw new DomainError('not_found', message, { fields: { taskId: message } });
      }
      if (task.status !== 'open') {
        const message = 'This task is already closed.';
        throw new DomainError('conflict', message, { fields: { taskId: message } });
      }
    } else {
      task = await findOpenRuleTaskView(tx, ctx.dealerId, leadId);
    }

    const levelAfter = input.levelAfter ?? lead.level;
    // An owner-care call on a won lead is logged as any other, but it does not grade the closed lead.
    const closed = levelAfter !== lead.level ? gradingProblem(lead.status) : undefined;
    if (closed) throw new DomainError('conflict', closed, { fields: { levelAfter: closed } });
    const followUpId = await insertFollowUp(tx, {
      dealerId: ctx.dealerId,
      leadId,
      customerId: lead.customerId,
      userId: ctx.userId,
      channel: input.channel,
      content: input.content,
      result: input.result,
      levelBefore: lead.level,
      levelAfter,
      occurredAt: now,
      nextContactAt: null,
    });
    if (task) await completeTask(tx, { dealerId: ctx.dealerId, id: task.id, followUpId, doneAt: now });

    const { changeId, version } = await applyGrade(tx, ctx, lead, {
      level: levelAfter,
      horizon: input.horizonAfter,
      man: input.man,
      reason: input.reason?.trim() || input.result,
      now,
      ...(lead.firstContactedAt ? {} : { firstContactedAt: now }),
      audit: { criteria: input.criteria ?? [], followUpId },
    });

    let nextTaskId: string | null = null;
    if (input.nextContactAt) {
      const dueAt = new Date(input.nextContactAt);
      const owner = lead.ownerId;
      if (owner) {
        // A date the person agreed with the customer replaces the rule's proposal.
        const open = await openRuleTasksOf(tx, ctx.dealerId, [leadId]);
        await cancelTasks(
          tx,
          ctx.dealerId,
          open.map((t) => t.id),
        );
      }
      nextTaskId = await insertTask(tx, {
        dealerId: ctx.dealerId,
        leadId,
        customerId: lead.customerId,
        assigneeId: owner ?? ctx.userId,
        kind: 'follow_up',
        dueAt,
        ruleKey: MANUAL_NEXT_RULE_KEY,
        title: null,
        // A lead nobody owns has no rule task: the date stays the caller's own reminder.
        custom: owner === null,
        createdBy: ctx.userId,
        createdAt: now,
      });
    }
    await replanLeadTasks(tx, { dealerId: ctx.dealerId, leadId, now });
    const next = (await findOpenRuleTaskView(tx, ctx.dealerId, leadId)) ?? null;
    nextTaskId = next?.id ?? nextTaskId;
    const nextDue = next?.dueAt ?? (input.nextContactAt ? new Date(input.nextContactAt) : null);
    await setFollowUpNextContact(tx, ctx.dealerId, followUpId, nextDue);
    await recordAudit(tx, {
      dealerId: ctx.dealerId,
      actorId: ctx.userId,
      action: 'follow_up.create',
      entity: 'lead',
      entityId: leadId,
      after: {
        followUpId,
        channel: input.channel,
        result: input.result,
        levelBefore: lead.level,
        levelAfter,
        // What was ticked when grading, kept even when the level stays.
        criteria: input.criteria ?? [],
        man: input.man ? manCode(input.man) : null,
        completedTaskId: task?.id ?? null,
        nextTaskId,
        nextContactAt: nextDue?.toISOString() ?? null,
      },
    });
    return {
      followUpId,
      completedTaskId: task?.id ?? null,
      levelChangeId: changeId,
      nextTaskId,
      leadVersion: version,
    };
  };

  const followUpView = async (executor: Executor, ctx: AuthContext, id: string): Promise<TFollowUp> => {
    const [row] = await listFollowUps(executor, ctx.dealerId, { id });
    if (!row) throw new Error('a follow-up vanished after it was written');
    return toFollowUp(row, []);
  };

  /** The answer to "I logged a result": the record, what it closed, the level change and what comes next. */
  const describeLogged = async (
    executor: Executor,
    ctx: AuthContext,
    logged: LoggedFollowUp,
  ): Promise<TFollowUpLogged> => {
    const nextTask = logged.nextTaskId
      ? await findTaskView(executor, ctx.dealerId, logged.nextTaskId)
      : undefined;
    return {
      followUp: await followUpView(executor, ctx, logged.followUpId),
      completedTaskId: logged.completedTaskId,
      levelChange: await levelChangeById(executor, ctx, logged.levelChangeId),
      nextTask: nextTask && nextTask.status === 'open' ? toTask(nextTask) : null,
      leadVersion: logged.leadVersion,
    };
  };

  const logFollowUp = async (
    ctx: AuthContext,
    leadId: string,
    input: TLogFollowUpRequest,
  ): Promise<TFollowUpLogged> =>
    db.transaction(async (tx) => describeLogged(tx, ctx, await logFollowUpIn(tx, ctx, leadId, input)));

  /** The lead's follow-ups, newest first, with managers' comments, and its level history. */
  const history = async (ctx: AuthContext, leadId: string): Promise<TFollowUpHistory> => {
    const lead = await loadLeadFor(db, ctx, leadId);
    const [rows, changes] = await Promise.all([
      listFollowUps(db, ctx.dealerId, { leadId }),
      listLevelChanges(db, ctx.dealerId, { leadId }),
    ]);
    const comments = await listComments(
      db,
      ctx.dealerId,
      rows.map((r) => r.id),
    );
    return {
      lead: {
        id: lead.id,
        customerId: lead.customerId,
        customerName: lead.customerName,
        cardNo: lead.cardNo,
        level: lead.level,
        horizon: lead.horizon,
        man: lead.man,
        status: lead.status,
        ownerId: lead.ownerId,
        version: lead.version,
      },
      items: rows.map((row) =>
        toFollowUp(
          row,
          comments
            .filter((c) => c.followUpId === row.id)
            .map((c) => ({
              id: c.id,
              authorId: c.authorId,
              authorName: c.authorName,
              body: c.body,
              createdAt: c.createdAt.toISOString(),
            })),
        ),
      ),
      levelChanges: changes.map(toLevelChange),
    };
  };

  /** The next task the rule table would plan if a result (with this level) were logged now. */
  const proposal = async (
    ctx: AuthContext,
    leadId: string,
    levelAfter?: Level,
  ): Promise<TNextTaskProposal> => {
    const now = clock.now();
    const lead = await loadLeadFor(db, ctx, leadId);
    if (lead.status === 'lost') {
      throw new DomainError('conflict', 'This lead is closed as lost: nothing more is planned for it.');
    }
    const [state] = await loadLeadsForPlanning(db, ctx.dealerId, [leadId]);
    const context = await loadPlanningContext(db, ctx.dealerId);
    if (!state) throw new DomainError('not_found', NOT_FOUND);
    const level = levelAfter ?? lead.level;
    const planned = desiredLeadTask({
      lead: {
        ...state,
        ownerId: state.ownerId ?? ctx.userId,
        level,
        firstContactedAt: state.firstContactedAt ?? now,
        lastFollowUpAt: now,
      },
      current: null,
      ...context,
    });
    if (!planned) throw new DomainError('conflict', 'Nothing is planned for this lead.');
    return {
      kind: planned.kind,
      ruleKey: planned.ruleKey,
      dueAt: planned.dueAt.toISOString(),
      level,
      holiday: planned.holiday ?? null,
    };
  };

  return {
    grading,
    changeLevel,
    logFollowUp,
    logFollowUpIn,
    describeLogged,
    history,
    proposal,
    openRuleTask,
  };
};

export type FollowUpsService = ReturnType<typeof createFollowUpsService>;
