import { describe, expect, it } from 'vitest';
import {
  type CallbackRow,
  followUpCompliance,
  isCallbackDue,
  isCallbackMissed,
  isOverdueNow,
  isPortalLead,
  isPortalWaiting,
  isTaskDue,
  isTaskLate,
  type PortalLeadRow,
  type TaskRow,
} from './follow-up-compliance';

// November 2026 in Asia/Shanghai (UTC+8) and the 30 days before it; now is Nov 25 10:00 Beijing time.
const NOVEMBER = { start: new Date('2026-10-31T16:00:00Z'), end: new Date('2026-11-30T16:00:00Z') };
const OCTOBER_30 = { start: new Date('2026-10-01T16:00:00Z'), end: new Date('2026-10-31T16:00:00Z') };
const NOW = new Date('2026-11-25T02:00:00Z');
const at = (iso: string) => new Date(iso);
const MIN = 60_000;

/**
 * Call-backs (due -> contacted):
 * c1 lead  u1 Nov 3 02:00Z  -> Nov 2 08:00Z   met
 * c2 lead  u1 Nov 10 02:00Z -> Nov 10 05:00Z  late
 * c3 lead  u2 Nov 12 00:00Z -> none, due passed: missed
 * c4 lead  u2 Nov 26 00:00Z -> none, still ahead: not decided, left out
 * c5 lead  u2 Nov 26 00:00Z -> Nov 25 01:00Z  met before its time
 * c6 visit u1 Oct 31 16:30Z (Nov 1 00:30 Beijing) -> Oct 31 12:00Z  met, November
 * c7 visit u2 Oct 31 15:59Z (Oct 31 23:59 Beijing) -> none: previous period, missed
 * November: 5 due, 3 met (0.6); u1 3/2, u2 2/1. Previous: 1 due, 0 met.
 */
const callback = (
  id: string,
  kind: CallbackRow['kind'],
  userId: string,
  dueAt: string,
  contactedAt: string | null,
): CallbackRow => ({
  kind,
  leadId: `lead-${id}`,
  customerId: `cust-${id}`,
  userId,
  dueAt: at(dueAt),
  contactedAt: contactedAt ? at(contactedAt) : null,
});
const CALLBACKS = [
  callback('c1', 'lead', 'u1', '2026-11-03T02:00:00Z', '2026-11-02T08:00:00Z'),
  callback('c2', 'lead', 'u1', '2026-11-10T02:00:00Z', '2026-11-10T05:00:00Z'),
  callback('c3', 'lead', 'u2', '2026-11-12T00:00:00Z', null),
  callback('c4', 'lead', 'u2', '2026-11-26T00:00:00Z', null),
  callback('c5', 'lead', 'u2', '2026-11-26T00:00:00Z', '2026-11-25T01:00:00Z'),
  callback('c6', 'visit', 'u1', '2026-10-31T16:30:00Z', '2026-10-31T12:00:00Z'),
  callback('c7', 'visit', 'u2', '2026-10-31T15:59:00Z', null),
];

/**
 * Tasks (due, status, done):
 * t1 u1 Nov 5 10:00Z  done 09:00Z         on time
 * t2 u1 Nov 6 10:00Z  done Nov 7 01:00Z   late
 * t3 u1 Nov 20 10:00Z open                late, overdue now
 * t4 u2 Nov 24 00:00Z open                late, overdue now
 * t5 u2 Nov 28 00:00Z open                ahead: not decided, not overdue
 * t6 u2 Nov 8         cancelled           left out
 * t7 u2 Nov 30 16:00Z (Dec 1 Beijing) done early: December, left out
 * t8 u2 Oct 20        open                previous period late, overdue now (u2's oldest)
 * t9 u1 Oct 31 15:00Z (23:00 Beijing) done 14:00Z: previous period on time
 * t10 u3 Nov 28 (ahead) done Nov 24       done early: due and on time
 * November: 5 due (t1 t2 t3 t4 t10), 2 on time (0.4). Previous: 2 due, 1 on time. Overdue now: 3.
 */
const task = (
  taskId: string,
  assigneeId: string,
  dueAt: string,
  status: TaskRow['status'],
  doneAt: string | null = null,
): TaskRow => ({
  taskId,
  leadId: `lead-${taskId}`,
  customerId: `cust-${taskId}`,
  assigneeId,
  dueAt: at(dueAt),
  status,
  doneAt: doneAt ? at(doneAt) : null,
});
const TASKS = [
  task('t1', 'u1', '2026-11-05T10:00:00Z', 'done', '2026-11-05T09:00:00Z'),
  task('t2', 'u1', '2026-11-06T10:00:00Z', 'done', '2026-11-07T01:00:00Z'),
  task('t3', 'u1', '2026-11-20T10:00:00Z', 'open'),
  task('t4', 'u2', '2026-11-24T00:00:00Z', 'open'),
  task('t5', 'u2', '2026-11-28T00:00:00Z', 'open'),
  task('t6', 'u2', '2026-11-08T00:00:00Z', 'cancelled'),
  task('t7', 'u2', '2026-11-30T16:00:00Z', 'done', '2026-11-24T00:00:00Z'),
  task('t8', 'u2', '2026-10-20T00:00:00Z', 'open'),
  task('t9', 'u1', '2026-10-31T15:00:00Z', 'done', '2026-10-31T14:00:00Z'),
  task('t10', 'u3', '2026-11-28T00:00:00Z', 'done', '2026-11-24T00:00:00Z'),
];

/**
 * Portal leads (created, minutes to first contact): p1 portal 10, p2 website 30, p3 portal 90,
 * p4 portal 240, p5 portal waiting, p6 walk-in 5 (not portal), p7 portal created Oct 31 23:00 Beijing, 60
 * (previous period). November: 5 leads, 4 responded, median (30+90)/2 = 60, p90 = 4th of 4 = 240.
 */
const portal = (
  leadId: string,
  channel: string,
  createdAt: string,
  minutes: number | null,
): PortalLeadRow => ({
  leadId,
  customerId: `cust-${leadId}`,
  ownerId: 'u1',
  channel,
  createdAt: at(createdAt),
  firstContactedAt: minutes === null ? null : new Date(at(createdAt).getTime() + minutes * MIN),
});
const PORTAL = [
  portal('p1', 'portal', '2026-11-02T00:00:00Z', 10),
  portal('p2', 'website', '2026-11-03T00:00:00Z', 30),
  portal('p3', 'portal', '2026-11-04T00:00:00Z', 90),
  portal('p4', 'portal', '2026-11-05T00:00:00Z', 240),
  portal('p5', 'portal', '2026-11-06T00:00:00Z', null),
  portal('p6', 'walk_in', '2026-11-07T00:00:00Z', 5),
  portal('p7', 'portal', '2026-10-31T15:00:00Z', 60),
];

describe('follow-up compliance', () => {
  const report = followUpCompliance(
    { callbacks: CALLBACKS, tasks: TASKS, portalLeads: PORTAL },
    { current: NOVEMBER, previous: OCTOBER_30 },
    NOW,
  );

  it('computes the period figures and the previous period', () => {
    expect(report.current).toEqual({
      callbacks: { due: 5, met: 3, rate: 0.6 },
      tasks: { due: 5, onTime: 2, rate: 0.4 },
      portal: { leads: 5, responded: 4, waiting: 1, medianMinutes: 60, p90Minutes: 240 },
    });
    expect(report.previous).toEqual({
      callbacks: { due: 1, met: 0, rate: 0 },
      tasks: { due: 2, onTime: 1, rate: 0.5 },
      portal: { leads: 1, responded: 1, waiting: 0, medianMinutes: 60, p90Minutes: 60 },
    });
    expect(report.overdueNow).toBe(3);
  });

  it('lists every user, the most overdue first', () => {
    expect(report.byUser).toEqual([
      {
        userId: 'u2',
        callbacksDue: 2,
        callbacksMet: 1,
        callbackRate: 0.5,
        tasksDue: 1,
        tasksOnTime: 0,
        onTimeRate: 0,
        overdueNow: 2,
        oldestOverdueAt: at('2026-10-20T00:00:00Z'),
      },
      {
        userId: 'u1',
        callbacksDue: 3,
        callbacksMet: 2,
        callbackRate: 0.6667,
        tasksDue: 3,
        tasksOnTime: 1,
        onTimeRate: 0.3333,
        overdueNow: 1,
        oldestOverdueAt: at('2026-11-20T10:00:00Z'),
      },
      {
        userId: 'u3',
        callbacksDue: 0,
        callbacksMet: 0,
        callbackRate: null,
        tasksDue: 1,
        tasksOnTime: 1,
        onTimeRate: 1,
        overdueNow: 0,
        oldestOverdueAt: null,
      },
    ]);
  });

  it('without rows every rate is null, not 0', () => {
    const empty = followUpCompliance(
      { callbacks: [], tasks: [], portalLeads: [] },
      { current: NOVEMBER, previous: OCTOBER_30 },
      NOW,
    );
    expect(empty.current).toEqual({
      callbacks: { due: 0, met: 0, rate: null },
      tasks: { due: 0, onTime: 0, rate: null },
      portal: { leads: 0, responded: 0, waiting: 0, medianMinutes: null, p90Minutes: null },
    });
  });

  it('the drill-downs list the rows behind each figure', () => {
    const ids = <T>(rows: T[], keep: (r: T) => boolean, id: (r: T) => string) => rows.filter(keep).map(id);
    expect(
      ids(
        CALLBACKS,
        (r) => isCallbackDue(r, NOVEMBER, NOW),
        (r) => r.leadId,
      ),
    ).toEqual(['lead-c1', 'lead-c2', 'lead-c3', 'lead-c5', 'lead-c6']);
    expect(
      ids(
        CALLBACKS,
        (r) => isCallbackMissed(r, NOVEMBER, NOW),
        (r) => r.leadId,
      ),
    ).toEqual(['lead-c2', 'lead-c3']);
    expect(
      ids(
        TASKS,
        (r) => isTaskDue(r, NOVEMBER, NOW),
        (r) => r.taskId,
      ),
    ).toEqual(['t1', 't2', 't3', 't4', 't10']);
    expect(
      ids(
        TASKS,
        (r) => isTaskLate(r, NOVEMBER, NOW),
        (r) => r.taskId,
      ),
    ).toEqual(['t2', 't3', 't4']);
    expect(
      ids(
        TASKS,
        (r) => isOverdueNow(r, NOW),
        (r) => r.taskId,
      ),
    ).toEqual(['t3', 't4', 't8']);
    expect(
      ids(
        PORTAL,
        (r) => isPortalLead(r, NOVEMBER),
        (r) => r.leadId,
      ),
    ).toEqual(['p1', 'p2', 'p3', 'p4', 'p5']);
    expect(
      ids(
        PORTAL,
        (r) => isPortalWaiting(r, NOVEMBER),
        (r) => r.leadId,
      ),
    ).toEqual(['p5']);
  });
});
