import { ONLINE_CHANNELS } from '../dcc/calls';
import { rateOf } from '../dcc/rates';
import { medianOf, minutesBetween, percentileOf } from './durations';
import { type InstantRange, inRange } from './period';

/**
 * Follow-up compliance (跟进及时率, DOMAIN §3 "call-back within 24 hours", "overdue tasks are visible to
 * the manager"; §6 KPIs "24 h call-back rate, on-time follow-up rate").
 *
 * **24 h call-back rate** = call-backs met / call-backs due, over call-backs that fell due in the period.
 * A call-back is one of:
 * - a lead's first contact: every captured lead gets `leads.first_contact_due_at` (its capture time plus
 *   the store's `firstContactHours`, 24 by default) and `leads.first_contacted_at` when someone first
 *   reached it (a follow-up or a reached DCC call); the person who owes it is the lead's owner;
 * - a showroom visit or phone-in that left details (`showroom_visits.callback_due_at`, arrival + 24 h)
 *   of a lead that was already contacted before that visit; its contact is the first follow-up of the
 *   lead after the arrival other than the visit itself (channel `showroom`/`visit`); the person who owes
 *   it is the receiving consultant. A visit of a lead never contacted before is not counted again: its
 *   call-back is the lead's first contact above.
 * A call-back is **met** when its contact happened at or before its due time. One not yet made whose due
 * time is still ahead (`dueAt > now`) is not decided yet and is left out of both figures.
 *
 * **On-time follow-up rate** = tasks done on time / tasks due, over follow-up tasks (`tasks`) whose
 * `due_at` falls in the period, not cancelled (a cancelled task was superseded), and decided (done, or
 * its due time has passed). On time = `status = 'done'` and `done_at <= due_at`; a task done late or
 * still open after its due time is late.
 *
 * **Overdue by user** (as of now, whatever the period) = open tasks whose `due_at` is before now, per
 * assignee, with the oldest due time.
 *
 * **First response time of portal leads** = minutes from a lead's creation to its `first_contacted_at`,
 * over leads of the online channels the DCC works as portal leads (dcc/calls.ts ONLINE_CHANNELS:
 * portal, website, online_order, social) created in the period; median and p90 (nearest rank,
 * durations.ts) over those responded to; those still waiting are counted apart.
 *
 * Each figure also has the previous period, and every rate with nothing to divide by is null.
 */

export const PORTAL_CHANNELS: readonly string[] = ONLINE_CHANNELS;

export type CallbackRow = {
  kind: 'lead' | 'visit';
  leadId: string;
  customerId: string;
  /** Who owes the call-back: the lead's owner, or the visit's consultant. */
  userId: string | null;
  dueAt: Date;
  contactedAt: Date | null;
};

export type TaskRow = {
  taskId: string;
  leadId: string | null;
  customerId: string | null;
  assigneeId: string;
  dueAt: Date;
  status: 'open' | 'done' | 'cancelled';
  doneAt: Date | null;
};

export type PortalLeadRow = {
  leadId: string;
  customerId: string;
  ownerId: string | null;
  channel: string;
  createdAt: Date;
  firstContactedAt: Date | null;
};

export type ComplianceFigures = {
  callbacks: { due: number; met: number; rate: number | null };
  tasks: { due: number; onTime: number; rate: number | null };
  portal: {
    leads: number;
    responded: number;
    waiting: number;
    medianMinutes: number | null;
    p90Minutes: number | null;
  };
};

export type ComplianceUserRow = {
  userId: string;
  callbacksDue: number;
  callbacksMet: number;
  callbackRate: number | null;
  tasksDue: number;
  tasksOnTime: number;
  onTimeRate: number | null;
  overdueNow: number;
  oldestOverdueAt: Date | null;
};

export type FollowUpCompliance = {
  current: ComplianceFigures;
  previous: ComplianceFigures;
  overdueNow: number;
  byUser: ComplianceUserRow[];
};

export const COMPLIANCE_METRICS = [
  'callbacks_due',
  'callbacks_missed',
  'tasks_due',
  'tasks_late',
  'overdue',
  'portal_leads',
  'portal_waiting',
] as const;
export type ComplianceMetric = (typeof COMPLIANCE_METRICS)[number];

const callbackDecided = (row: CallbackRow, now: Date) =>
  row.contactedAt !== null || row.dueAt.getTime() <= now.getTime();
const callbackMet = (row: CallbackRow) =>
  row.contactedAt !== null && row.contactedAt.getTime() <= row.dueAt.getTime();

export const isCallbackDue = (row: CallbackRow, range: InstantRange, now: Date): boolean =>
  inRange(row.dueAt, range) && callbackDecided(row, now);
export const isCallbackMissed = (row: CallbackRow, range: InstantRange, now: Date): boolean =>
  isCallbackDue(row, range, now) && !callbackMet(row);

export const isTaskDue = (row: TaskRow, range: InstantRange, now: Date): boolean =>
  row.status !== 'cancelled' &&
  inRange(row.dueAt, range) &&
  (row.status === 'done' || row.dueAt.getTime() <= now.getTime());
const isOnTime = (row: TaskRow) =>
  row.status === 'done' && row.doneAt !== null && row.doneAt.getTime() <= row.dueAt.getTime();
export const isTaskLate = (row: TaskRow, range: InstantRange, now: Date): boolean =>
  isTaskDue(row, range, now) && !isOnTime(row);

export const isOverdueNow = (row: TaskRow, now: Date): boolean =>
  row.status === 'open' && row.dueAt.getTime() < now.getTime();

export const isPortalLead = (row: PortalLeadRow, range: InstantRange): boolean =>
  PORTAL_CHANNELS.includes(row.channel) && inRange(row.createdAt, range);
export const isPortalWaiting = (row: PortalLeadRow, range: InstantRange): boolean =>
  isPortalLead(row, range) && row.firstContactedAt === null;

/** Minutes to the first response of a portal lead that has one. */
export const responseMinutes = (row: PortalLeadRow): number | null =>
  row.firstContactedAt ? minutesBetween(row.createdAt, row.firstContactedAt) : null;

const figuresOf = (
  rows: {
    callbacks: readonly CallbackRow[];
    tasks: readonly TaskRow[];
    portalLeads: readonly PortalLeadRow[];
  },
  range: InstantRange,
  now: Date,
): ComplianceFigures => {
  const callbacks = rows.callbacks.filter((r) => isCallbackDue(r, range, now));
  const met = callbacks.filter(callbackMet).length;
  const tasks = rows.tasks.filter((r) => isTaskDue(r, range, now));
  const onTime = tasks.filter(isOnTime).length;
  const portal = rows.portalLeads.filter((r) => isPortalLead(r, range));
  const minutes = portal.map(responseMinutes).filter((m): m is number => m !== null);
  return {
    callbacks: { due: callbacks.length, met, rate: rateOf(met, callbacks.length) },
    tasks: { due: tasks.length, onTime, rate: rateOf(onTime, tasks.length) },
    portal: {
      leads: portal.length,
      responded: minutes.length,
      waiting: portal.length - minutes.length,
      medianMinutes: medianOf(minutes),
      p90Minutes: percentileOf(minutes, 90),
    },
  };
};

export const followUpCompliance = (
  rows: {
    callbacks: readonly CallbackRow[];
    tasks: readonly TaskRow[];
    portalLeads: readonly PortalLeadRow[];
  },
  periods: { current: InstantRange; previous: InstantRange },
  now: Date,
): FollowUpCompliance => {
  const users = new Map<string, ComplianceUserRow>();
  const userOf = (userId: string) => {
    let u = users.get(userId);
    if (!u) {
      u = {
        userId,
        callbacksDue: 0,
        callbacksMet: 0,
        callbackRate: null,
        tasksDue: 0,
        tasksOnTime: 0,
        onTimeRate: null,
        overdueNow: 0,
        oldestOverdueAt: null,
      };
      users.set(userId, u);
    }
    return u;
  };
  for (const row of rows.callbacks) {
    if (row.userId === null || !isCallbackDue(row, periods.current, now)) continue;
    const u = userOf(row.userId);
    u.callbacksDue++;
    if (callbackMet(row)) u.callbacksMet++;
  }
  let overdueNow = 0;
  for (const row of rows.tasks) {
    if (isTaskDue(row, periods.current, now)) {
      const u = userOf(row.assigneeId);
      u.tasksDue++;
      if (isOnTime(row)) u.tasksOnTime++;
    }
    if (isOverdueNow(row, now)) {
      overdueNow++;
      const u = userOf(row.assigneeId);
      u.overdueNow++;
      if (!u.oldestOverdueAt || row.dueAt.getTime() < u.oldestOverdueAt.getTime())
        u.oldestOverdueAt = row.dueAt;
    }
  }
  const byUser = [...users.values()]
    .map((u) => ({
      ...u,
      callbackRate: rateOf(u.callbacksMet, u.callbacksDue),
      onTimeRate: rateOf(u.tasksOnTime, u.tasksDue),
    }))
    .sort(
      (a, b) => b.overdueNow - a.overdueNow || b.tasksDue - a.tasksDue || a.userId.localeCompare(b.userId),
    );
  return {
    current: figuresOf(rows, periods.current, now),
    previous: figuresOf(rows, periods.previous, now),
    overdueNow,
    byUser,
  };
};
