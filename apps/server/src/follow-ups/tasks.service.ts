import {
  LOG_RESULT_FIRST,
  type TCompleteTaskRequest,
  type TCreateTaskRequest,
  type TFollowUp,
  type TTask,
  type TTaskCompleted,
  type TTaskList,
  type TTaskListQuery,
  type TTaskSummary,
  type TTaskSummaryQuery,
} from '@qianke/contracts/follow-ups';
import { customerScopeOf } from '@qianke/core/customers/visibility';
import { dueGroupRange, endOfLocalDay, seesStoreTasks } from '@qianke/core/follow-ups/worklist';
import { DomainError } from '@qianke/core/shared/domain-error';
import { recordAudit } from '../infra/audit/record-audit';
import type { Clock } from '../infra/clock';
import type { Db, Executor } from '../infra/db/database';
import type { AuthContext } from '../infra/http/auth-context';
import { storeTimeZoneOf } from './cadence-rules.repo';
import {
  findCustomerOwner,
  isActiveStoreUser,
  latestLeadOfCustomer,
  listFollowUps,
  lockFollowUp,
} from './follow-ups.repo';
import { type FollowUpsService, loadLeadFor, toFollowUp, toTask } from './follow-ups.service';
import { replanLeadTasks } from './plan-lead-tasks';
import { insertTask } from './planning.repo';
import {
  completeTask,
  countOpenTasks,
  findTaskView,
  findTaskWithResult,
  listTaskViews,
  type TaskViewRow,
} from './tasks.repo';

const STORE_ONLY = "Only managers see the store's tasks.";
const TASK_NOT_FOUND = 'There is no such task, or it is not yours.';
const TASK_CLOSED = 'This task is already closed.';
const FOLLOW_UP_NOT_ON_TASK = 'There is no such follow-up on the lead of this task.';
const FOLLOW_UP_BEFORE_TASK =
  'This follow-up was logged before the task was planned: log the result of this task instead.';
const FOLLOW_UP_USED =
  'This follow-up is already the result of another task: log the result of this task instead.';

const encodeCursor = (row: { dueAt: Date; id: string }) =>
  Buffer.from(JSON.stringify([row.dueAt.toISOString(), row.id])).toString('base64url');

const decodeCursor = (cursor: string): { dueAt: Date; id: string } => {
  try {
    const [dueAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as [string, string];
    const date = new Date(dueAt);
    if (Number.isNaN(date.getTime()) || !/^[0-9a-f-]{36}$/.test(id)) throw new Error('bad cursor');
    return { dueAt: date, id };
  } catch {
    const message = 'This cursor is not one the task list gave out.';
    throw new DomainError('validation_failed', message, { fields: { cursor: message } });
  }
};

export const createTasksService = ({
  db,
  clock,
  followUps,
}: {
  db: Db;
  clock: Clock;
  followUps: FollowUpsService;
}) => {
  const assigneeFilter = (ctx: AuthContext, scope: 'mine' | 'store', assigneeId: string | undefined) => {
    if (scope === 'mine') return ctx.userId;
    if (!seesStoreTasks(ctx.roles)) throw new DomainError('forbidden', STORE_ONLY);
    return assigneeId;
  };

  const list = async (ctx: AuthContext, query: TTaskListQuery): Promise<TTaskList> => {
    const assigneeId = assigneeFilter(ctx, query.scope, query.assigneeId);
    const now = clock.now();
    const range = query.due
      ? dueGroupRange(query.due, now, await storeTimeZoneOf(db, ctx.dealerId))
      : undefined;
    const rows = await listTaskViews(db, {
      dealerId: ctx.dealerId,
      assigneeId,
      status: query.status,
      customerId: query.customerId,
      leadId: query.leadId,
      dueFrom: range?.from,
      dueTo: range?.to,
      after: query.cursor ? decodeCursor(query.cursor) : undefined,
      limit: query.limit + 1,
    });
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toTask),
      nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
    };
  };

  const summary = async (ctx: AuthContext, query: TTaskSummaryQuery): Promise<TTaskSummary> => {
    const assigneeId = assigneeFilter(ctx, query.scope, query.assigneeId);
    const now = clock.now();
    const timeZone = await storeTimeZoneOf(db, ctx.dealerId);
    const rows = await countOpenTasks(db, {
      dealerId: ctx.dealerId,
      assigneeId,
      now,
      endOfToday: endOfLocalDay(now, timeZone),
    });
    const sum = (key: 'overdue' | 'today' | 'upcoming') => rows.reduce((total, row) => total + row[key], 0);
    return {
      overdue: sum('overdue'),
      today: sum('today'),
      upcoming: sum('upcoming'),
      byAssignee: rows,
      timeZone,
    };
  };

  /** A task a person plans (custom): for themselves, or a manager's for anyone of the store. */
  const create = async (ctx: AuthContext, input: TCreateTaskRequest): Promise<TTask> => {
    const now = clock.now();
    const assigneeId = input.assigneeId ?? ctx.userId;
    if (assigneeId !== ctx.userId) {
      if (!seesStoreTasks(ctx.roles)) {
        throw new DomainError('forbidden', 'Only managers plan tasks for someone else.');
      }
      if (!(await isActiveStoreUser(db, ctx.dealerId, assigneeId))) {
        const message = 'Choose an active user of this store.';
        throw new DomainError('validation_failed', message, { fields: { assigneeId: message } });
      }
    }
    return db.transaction(async (tx) => {
      let customerId = input.customerId ?? null;
      const leadId = input.leadId ?? null;
      if (leadId) {
        const lead = await loadLeadFor(tx, ctx, leadId);
        if (customerId && customerId !== lead.customerId) {
          const message = 'This lead belongs to another customer.';
          throw new DomainError('validation_failed', message, { fields: { customerId: message } });
        }
        customerId = lead.customerId;
      } else if (customerId) {
        const customer = await findCustomerOwner(tx, ctx.dealerId, customerId);
        const visible =
          customer && (customerScopeOf(ctx.roles) === 'store' || customer.ownerId === ctx.userId);
        if (!visible)
          throw new DomainError('not_found', 'There is no such customer in this store, or it is not yours.');
      }
      const id = await insertTask(tx, {
        dealerId: ctx.dealerId,
        leadId,
        customerId,
        assigneeId,
        kind: 'custom',
        dueAt: new Date(input.dueAt),
        ruleKey: null,
        title: input.title,
        custom: true,
        createdBy: ctx.userId,
        createdAt: now,
      });
      await recordAudit(tx, {
        dealerId: ctx.dealerId,
        actorId: ctx.userId,
        action: 'task.create',
        entity: 'task',
        entityId: id,
        after: { leadId, customerId, assigneeId, title: input.title, dueAt: input.dueAt },
      });
      const row = await findTaskView(tx, ctx.dealerId, id);
      if (!row) throw new Error('a task vanished after it was written');
      return toTask(row);
    });
  };

  const visibleTask = (ctx: AuthContext, task: TaskViewRow | undefined): task is TaskViewRow =>
    task !== undefined && (task.assigneeId === ctx.userId || seesStoreTasks(ctx.roles));

  /**
   * The follow-up that closes a task must be its result: on the task's lead (or, for a task about a
   * customer, on that customer), logged since the task was planned, and not the result of another task.
   */
  const resultOfTask = async (
    tx: Executor,
    ctx: AuthContext,
    task: TaskViewRow,
    followUpId: string,
  ): Promise<TFollowUp> => {
    const refuse = (message: string): never => {
      throw new DomainError('validation_failed', message, { fields: { followUpId: message } });
    };
    await lockFollowUp(tx, ctx.dealerId, followUpId);
    const [found] = await listFollowUps(tx, ctx.dealerId, { id: followUpId });
    const onTaskSubject =
      found &&
      (task.leadId
        ? found.leadId === task.leadId
        : task.customerId !== null && found.customerId === task.customerId);
    if (!found || !onTaskSubject) return refuse(FOLLOW_UP_NOT_ON_TASK);
    if (found.occurredAt.getTime() < task.createdAt.getTime()) return refuse(FOLLOW_UP_BEFORE_TASK);
    if (await findTaskWithResult(tx, ctx.dealerId, found.id, task.id)) return refuse(FOLLOW_UP_USED);
    return toFollowUp(found, []);
  };

  /** A task is done only with its result: an existing follow-up, or one logged now. */
  const complete = async (
    ctx: AuthContext,
    taskId: string,
    input: TCompleteTaskRequest,
  ): Promise<TTaskCompleted> => {
    const now = clock.now();
    return db.transaction(async (tx) => {
      const task = await findTaskView(tx, ctx.dealerId, taskId);
      if (!visibleTask(ctx, task)) throw new DomainError('not_found', TASK_NOT_FOUND);
      if (task.status !== 'open') throw new DomainError('conflict', TASK_CLOSED);

      if (input.followUpId) {
        const followUp = await resultOfTask(tx, ctx, task, input.followUpId);
        const closed = await completeTask(tx, {
          dealerId: ctx.dealerId,
          id: task.id,
          followUpId: followUp.id,
          doneAt: now,
        });
        if (!closed) throw new DomainError('conflict', TASK_CLOSED);
        await recordAudit(tx, {
          dealerId: ctx.dealerId,
          actorId: ctx.userId,
          action: 'task.done',
          entity: 'task',
          entityId: task.id,
          after: { followUpId: followUp.id },
        });
        // The lead's rule task may be the one just closed: the lead gets its next one now.
        await replanLeadTasks(tx, { dealerId: ctx.dealerId, leadId: followUp.leadId, now });
        return {
          task: await taskView(tx, ctx, task.id),
          followUp,
          levelChange: null,
          nextTask: await followUps.openRuleTask(tx, ctx, followUp.leadId),
        };
      }

      const result = input.result?.trim();
      if (!result)
        throw new DomainError('validation_failed', LOG_RESULT_FIRST, {
          fields: { result: LOG_RESULT_FIRST },
        });
      const leadId =
        task.leadId ??
        (task.customerId ? await latestLeadOfCustomer(tx, ctx.dealerId, task.customerId) : undefined);
      if (leadId) {
        const logged = await followUps.logFollowUpIn(tx, ctx, leadId, {
          channel: input.channel ?? 'phone',
          content: input.content?.trim() || task.title || result,
          result,
          ...(input.levelAfter ? { levelAfter: input.levelAfter } : {}),
          ...(input.horizonAfter ? { horizonAfter: input.horizonAfter } : {}),
          ...(input.nextContactAt ? { nextContactAt: input.nextContactAt } : {}),
          taskId: task.id,
        });
        const described = await followUps.describeLogged(tx, ctx, logged);
        return {
          task: await taskView(tx, ctx, task.id),
          followUp: described.followUp,
          levelChange: described.levelChange,
          nextTask: described.nextTask,
        };
      }
      // A reminder about no customer: its result lives in the audit trail.
      await completeTask(tx, { dealerId: ctx.dealerId, id: task.id, followUpId: null, doneAt: now });
      await recordAudit(tx, {
        dealerId: ctx.dealerId,
        actorId: ctx.userId,
        action: 'task.done',
        entity: 'task',
        entityId: task.id,
        after: { result },
      });
      return { task: await taskView(tx, ctx, task.id), followUp: null, levelChange: null, nextTask: null };
    });
  };

  const taskView = async (executor: Parameters<typeof findTaskView>[0], ctx: AuthContext, id: string) => {
    const row = await findTaskView(executor, ctx.dealerId, id);
    if (!row) throw new Error('a task vanished after it was written');
    return toTask(row);
  };

  return { list, summary, create, complete };
};

export type TasksService = ReturnType<typeof createTasksService>;
