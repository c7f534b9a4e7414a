import type { Level } from '../leads/grading';
import { localDateKey } from '../shared/local-time';
import {
  type CadenceRules,
  type Holiday,
  type PlannedTask,
  planFirstContact,
  planNextFollowUp,
  planOwnerCare,
} from './cadence';

/** What a person chose as the next contact when logging a result; the rule table does not move it. */
export const MANUAL_NEXT_RULE_KEY = 'manual_next';

/** A lead as the task planner sees it. */
export type LeadForPlanning = {
  status: 'open' | 'won' | 'lost' | 'nurturing';
  ownerId: string | null;
  level: Level | null;
  createdAt: Date;
  firstContactDueAt: Date | null;
  firstContactedAt: Date | null;
  /** The latest follow-up logged on the lead. */
  lastFollowUpAt: Date | null;
  /** When the car of this lead's order was delivered, if it was. */
  deliveredAt: Date | null;
};

/** The lead's open rule task now, if any. */
export type CurrentRuleTask = { kind: string; ruleKey: string | null; dueAt: Date };

/** A planned task, or one kept as it is (a person's date, a nurturing milestone): its kind is kept too. */
export type DesiredTask = Omit<PlannedTask, 'kind' | 'holiday'> & {
  kind: PlannedTask['kind'] | (string & {});
  assigneeId: string;
  holiday?: Holiday;
};

/**
 * The one open rule task a lead should have now, by the store's rule table (issue 4): null when it
 * should have none. A pure function of the lead's state, so planning twice gives the same task.
 *
 * - lost, or nobody owns it: no task;
 * - open and never contacted: the first call-back, due when the lead said (`firstContactDueAt`);
 * - a next contact a person chose when logging a result stays where they put it;
 * - won and delivered: owner care, anchored on the delivery day;
 * - nurturing: a milestone planned by the nurturing plan stays; otherwise C-level care;
 * - otherwise: the level's cadence from the last contact (an ungraded lead is followed up as B).
 */
export const desiredLeadTask = (input: {
  lead: LeadForPlanning;
  current: CurrentRuleTask | null;
  rules: CadenceRules;
  timeZone: string;
  holidays: readonly Holiday[];
}): DesiredTask | null => {
  const { lead, current, rules, timeZone, holidays } = input;
  const assigneeId = lead.ownerId;
  if (lead.status === 'lost' || assigneeId === null) return null;
  const contacted = lead.firstContactedAt !== null || lead.lastFollowUpAt !== null;

  if (lead.status === 'open' && !contacted) {
    const dueAt = lead.firstContactDueAt ?? planFirstContact(lead.createdAt, rules).dueAt;
    return { kind: 'first_contact', ruleKey: 'first_contact', dueAt, assigneeId };
  }
  if (current?.ruleKey === MANUAL_NEXT_RULE_KEY) {
    return { kind: current.kind, ruleKey: MANUAL_NEXT_RULE_KEY, dueAt: current.dueAt, assigneeId };
  }
  const lastContactAt = latest(lead.lastFollowUpAt, lead.firstContactedAt) ?? lead.createdAt;

  if (lead.status === 'won' && lead.deliveredAt) {
    const planned = planOwnerCare({
      deliveredOn: localDateKey(lead.deliveredAt, timeZone),
      after: latest(lastContactAt, lead.deliveredAt) ?? lead.deliveredAt,
      rules,
      timeZone,
    });
    return { ...planned, assigneeId };
  }
  if (lead.status === 'nurturing' && current?.ruleKey?.startsWith('nurturing.')) {
    return { kind: current.kind, ruleKey: current.ruleKey, dueAt: current.dueAt, assigneeId };
  }
  const level: Level =
    lead.status === 'nurturing' ? 'C' : (lead.level ?? (lead.status === 'won' ? 'O' : 'B'));
  const planned = planNextFollowUp({ level, lastContactAt, rules, timeZone, holidays });
  return { ...planned, assigneeId };
};

const latest = (a: Date | null, b: Date | null): Date | null => {
  if (!a) return b;
  if (!b) return a;
  return a.getTime() >= b.getTime() ? a : b;
};

/** Whether the open task already is the desired one (then planning changes nothing). */
export const sameTask = (
  current: (CurrentRuleTask & { assigneeId: string }) | null,
  desired: DesiredTask | null,
): boolean => {
  if (!current || !desired) return current === null && desired === null;
  return (
    current.kind === desired.kind &&
    current.ruleKey === desired.ruleKey &&
    current.assigneeId === desired.assigneeId &&
    current.dueAt.getTime() === desired.dueAt.getTime()
  );
};
