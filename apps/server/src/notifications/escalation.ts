import { isUnassignedTooLong } from '@qianke/core/assignment/unassigned-alert';
import type { Db } from '../infra/db/database';
import {
  findUnassignedCandidates,
  insertOverdueDigests,
  insertOverdueTaskNotifications,
  insertUnassignedNotifications,
} from './escalation.repo';

/** How many leads one insert names, so that a backlog after a long stop stays a few statements. */
const CHUNK = 500;

/**
 * The time-based checks of issue 4 ("overdue and unassigned leads surface to the manager"). Each is
 * idempotent SQL over every store at once; `now` is passed in, so the timer passes the clock and the
 * tests a fixed time. Their only state is the notifications they wrote, so they survive restarts and
 * two server processes running them at the same time notify once.
 */
export const createEscalationJobs = ({ db }: { db: Db }) => {
  /** Overdue tasks: the assignee once per task, the managers one digest per user per local day. */
  const overdueTasks = async (now: Date) => {
    const tasks = await insertOverdueTaskNotifications(db, now);
    const digests = await insertOverdueDigests(db, now);
    return { notified: tasks + digests };
  };

  /**
   * Leads without an owner longer than the store's limit, counted in opening hours only (core
   * isUnassignedTooLong): every sales manager of the store, once per lead.
   */
  const unassignedLeads = async (now: Date) => {
    const candidates = await findUnassignedCandidates(db, now);
    const due = candidates.filter((c) =>
      isUnassignedTooLong(c.createdAt, now, c.limitMinutes, {
        opensAt: c.opensAt,
        closesAt: c.closesAt,
        timeZone: c.timeZone,
      }),
    );
    let notified = 0;
    for (let i = 0; i < due.length; i += CHUNK) {
      notified += await insertUnassignedNotifications(db, due.slice(i, i + CHUNK));
    }
    return { notified };
  };

  return { overdueTasks, unassignedLeads };
};

export type EscalationJobs = ReturnType<typeof createEscalationJobs>;
