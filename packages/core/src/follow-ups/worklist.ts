import type { Role } from '../accounts/roles';
import { addDays, instantAt, localDateOf } from '../shared/local-time';

/**
 * The Today worklist (issue 4): every open task is overdue (its due time has passed), due today (later
 * today, in the store's calendar) or upcoming (from tomorrow on).
 */
export type DueGroup = 'overdue' | 'today' | 'upcoming';

export const DUE_GROUPS: readonly DueGroup[] = ['overdue', 'today', 'upcoming'];

/** Where the store's day ends: the instant its next calendar day starts. */
export const endOfLocalDay = (now: Date, timeZone: string): Date =>
  instantAt(addDays(localDateOf(now, timeZone), 1), 0, 0, timeZone);

export const dueGroupOf = (dueAt: Date, now: Date, timeZone: string): DueGroup => {
  if (dueAt.getTime() < now.getTime()) return 'overdue';
  return dueAt.getTime() < endOfLocalDay(now, timeZone).getTime() ? 'today' : 'upcoming';
};

/** The time range of a group, as the SQL that lists it filters: [from, to). */
export const dueGroupRange = (
  group: DueGroup,
  now: Date,
  timeZone: string,
): { from: Date | null; to: Date | null } => {
  const endOfDay = endOfLocalDay(now, timeZone);
  if (group === 'overdue') return { from: null, to: now };
  if (group === 'today') return { from: now, to: endOfDay };
  return { from: endOfDay, to: null };
};

/** Managers see the tasks of the whole store (and every user's overdue ones); others their own. */
export const seesStoreTasks = (roles: readonly Role[]): boolean =>
  roles.includes('sales_manager') || roles.includes('admin');
