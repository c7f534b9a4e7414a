/**
 * Consultant daily activity report (销售人员活动日报表, seed 003 §2.4): what each consultant did on one
 * day of the store (00:00-24:00 on the store's clock), or on the days `from`..`to` added up. One event
 * per thing done, counted for the consultant it names:
 * - `new_prospect`: a lead the consultant owns, created that day (新增有望客户).
 * - `visit`: a showroom arrival the consultant received (展厅接待, showroom_visits kind `visit`), or a
 *   visit to the customer logged as a follow-up (channel `visit`).
 * - `call`: a phone follow-up the consultant logged, or a phone-in they took (showroom `phone_in`).
 * - `invitation`: an invitation the consultant booked (created that day).
 * - `arrival`: an invited customer who arrived that day for the consultant (the invitation's
 *   consultant, else whoever booked it).
 * - `test_drive`: a test drive the consultant completed (status done), by its start.
 * - `order`: an order the consultant took that day and that was not cancelled.
 * - `defeat`: a defeat request the consultant filed that day (战败申请), whatever its decision.
 */
import { storeDateOf } from '../showroom/store-day';

export const ACTIVITY_KINDS = [
  'new_prospect',
  'visit',
  'call',
  'invitation',
  'arrival',
  'test_drive',
  'order',
  'defeat',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export type ActivityEvent = {
  kind: ActivityKind;
  consultantId: string;
  at: Date;
  customerId?: string | null;
};

export type ActivityCounts = Record<ActivityKind, number>;

export type ConsultantActivity = { consultantId: string; counts: ActivityCounts; total: number };

export const emptyActivityCounts = (): ActivityCounts => ({
  new_prospect: 0,
  visit: 0,
  call: 0,
  invitation: 0,
  arrival: 0,
  test_drive: 0,
  order: 0,
  defeat: 0,
});

const totalOf = (counts: ActivityCounts) => ACTIVITY_KINDS.reduce((sum, kind) => sum + counts[kind], 0);

/** Whether an event falls on the days `from`..`to` (both included) of the store's calendar. */
export const isOnDays = (at: Date, days: { from: string; to: string; timeZone: string }): boolean => {
  const date = storeDateOf(at, days.timeZone);
  return date >= days.from && date <= days.to;
};

/**
 * The lines of the days, one per consultant of `consultantIds` (in that order; a consultant with
 * nothing done gets zeros), and the store's total. Events outside the store days, or of someone not
 * listed, are not counted.
 */
export const dailyActivity = (
  events: readonly ActivityEvent[],
  days: { from: string; to: string; timeZone: string },
  consultantIds: readonly string[],
): { rows: ConsultantActivity[]; total: ConsultantActivity['counts']; totalAll: number } => {
  const countsOf = new Map(consultantIds.map((id) => [id, emptyActivityCounts()]));
  for (const event of events) {
    const counts = countsOf.get(event.consultantId);
    if (!counts || !isOnDays(event.at, days)) continue;
    counts[event.kind] += 1;
  }
  const total = emptyActivityCounts();
  const rows = consultantIds.map((consultantId) => {
    const counts = countsOf.get(consultantId) ?? emptyActivityCounts();
    for (const kind of ACTIVITY_KINDS) total[kind] += counts[kind];
    return { consultantId, counts, total: totalOf(counts) };
  });
  return { rows, total, totalAll: totalOf(total) };
};
