import { type CadenceRules, type Holiday, PRESET_SEED_001 } from '@qianke/core/follow-ups/cadence';
import { desiredLeadTask, sameTask } from '@qianke/core/follow-ups/lead-task';
import type { Executor } from '../infra/db/database';
import { findPlanningInputs } from './cadence-rules.repo';
import {
  cancelTasks,
  insertTask,
  leadIdsToReplan,
  loadLeadsForPlanning,
  lockLeads,
  openRuleTasksOf,
} from './planning.repo';

/** What planning needs of a store: its rule table (seed 001 until it saves one), holidays and time zone. */
export type PlanningContext = { rules: CadenceRules; holidays: Holiday[]; timeZone: string };

export const loadPlanningContext = async (db: Executor, dealerId: string): Promise<PlanningContext> => {
  const { rules, holidays, timeZone } = await findPlanningInputs(db, dealerId);
  return { rules: rules ?? PRESET_SEED_001, holidays, timeZone };
};

/**
 * Makes the open rule task of each lead what the rule table says now (core `desiredLeadTask`): keeps
 * it when it already is, else cancels it and inserts the new one. Runs in the caller's transaction.
 * Returns how many leads' tasks changed.
 */
export const replanLeads = async (
  tx: Executor,
  input: { dealerId: string; leadIds: readonly string[]; now: Date; context: PlanningContext },
): Promise<number> => {
  const { dealerId, leadIds, now, context } = input;
  if (leadIds.length === 0) return 0;
  await lockLeads(tx, dealerId, leadIds);
  const leadRows = await loadLeadsForPlanning(tx, dealerId, leadIds);
  const openTasks = await openRuleTasksOf(tx, dealerId, leadIds);
  const openByLead = new Map(openTasks.map((task) => [task.leadId, task]));
  const toCancel: string[] = [];
  const toInsert: {
    leadId: string;
    customerId: string;
    desired: NonNullable<ReturnType<typeof desiredLeadTask>>;
  }[] = [];
  for (const lead of leadRows) {
    const current = openByLead.get(lead.id) ?? null;
    const desired = desiredLeadTask({
      lead,
      current,
      rules: context.rules,
      timeZone: context.timeZone,
      holidays: context.holidays,
    });
    if (sameTask(current, desired)) continue;
    if (current) toCancel.push(current.id);
    if (desired) toInsert.push({ leadId: lead.id, customerId: lead.customerId, desired });
  }
  // Cancel first: the unique index allows one open rule task per lead.
  await cancelTasks(tx, dealerId, toCancel);
  for (const { leadId, customerId, desired } of toInsert) {
    await insertTask(tx, {
      dealerId,
      leadId,
      customerId,
      assigneeId: desired.assigneeId,
      kind: desired.kind,
      dueAt: desired.dueAt,
      ruleKey: desired.ruleKey,
      title: desired.holiday ? desired.holiday.nameZh : null,
      custom: false,
      createdBy: null,
      createdAt: now,
    });
  }
  const changed = new Set([...toInsert.map((t) => t.leadId)]);
  for (const task of openTasks) if (toCancel.includes(task.id)) changed.add(task.leadId);
  return changed.size;
};

/**
 * The follow-up engine's promise to every part that changes a lead (capture, assignment, defeat, level,
 * follow-up): afterwards the lead has exactly the open rule task the rule table says, assigned to its
 * owner. Idempotent: running it twice changes nothing.
 */
export const replanLeadTasks = async (
  tx: Executor,
  input: { dealerId: string; leadId: string; now: Date },
): Promise<void> => {
  const context = await loadPlanningContext(tx, input.dealerId);
  await replanLeads(tx, { dealerId: input.dealerId, leadIds: [input.leadId], now: input.now, context });
};

export const REPLAN_BATCH_SIZE = 200;

/** After a change of the rule table or the holidays: every lead of the store, in batches. */
export const replanStoreTasks = async (
  tx: Executor,
  input: { dealerId: string; now: Date; batchSize?: number },
): Promise<number> => {
  const context = await loadPlanningContext(tx, input.dealerId);
  const batchSize = input.batchSize ?? REPLAN_BATCH_SIZE;
  let changed = 0;
  let after: string | null = null;
  for (;;) {
    const ids = await leadIdsToReplan(tx, input.dealerId, after, batchSize);
    if (ids.length === 0) break;
    changed += await replanLeads(tx, { dealerId: input.dealerId, leadIds: ids, now: input.now, context });
    after = ids[ids.length - 1] ?? null;
    if (ids.length < batchSize) break;
  }
  return changed;
};
