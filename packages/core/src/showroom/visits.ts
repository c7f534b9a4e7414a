import { storeDateOf } from './store-day';

/**
 * The showroom traffic log (展厅接待) and phone-in log, DOMAIN §3: every arrival is logged, with or
 * without contact details; first or repeat visit; time in and out; a call-back within 24 hours for
 * everyone who left details.
 */
export const VISIT_KINDS = ['visit', 'phone_in'] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];

export const PARTY_SIZE_MIN = 1;
export const PARTY_SIZE_MAX = 20;

/** Everyone who left details gets a call-back within this many hours of arriving or calling. */
export const CALLBACK_HOURS = 24;

/**
 * Devices disagree by a few seconds: an arrival "now" typed on a tablet whose clock runs ahead is not
 * an arrival in the future.
 */
export const CLOCK_SKEW_MS = 60_000;

export type EarlierContact = { kind: VisitKind; arrivedAt: Date };

/**
 * First or repeat: a visit is a repeat when the customer came to the showroom before, a phone-in when
 * they called before (a caller who walks in for the first time is a first visit). Without contact
 * details nobody can be matched, so the receptionist's word counts (default: first). A contact logged
 * at the very same moment counts as earlier: the same arrival entered twice is not two first visits.
 */
export const isFirstVisit = (input: {
  kind: VisitKind;
  arrivedAt: Date;
  /** The customer's logged visits and calls; undefined when the visitor left no details. */
  earlier: readonly EarlierContact[] | undefined;
  /** What the receptionist said, used only for visitors without details. */
  declaredFirst?: boolean | undefined;
}): boolean => {
  if (input.earlier === undefined) return input.declaredFirst ?? true;
  return !input.earlier.some(
    (contact) => contact.kind === input.kind && contact.arrivedAt.getTime() <= input.arrivedAt.getTime(),
  );
};

/** When the call-back is due for someone who left details; null for those who did not. */
export const callbackDueAt = (arrivedAt: Date, leftContact: boolean): Date | null =>
  leftContact ? new Date(arrivedAt.getTime() + CALLBACK_HOURS * 3_600_000) : null;

export type VisitTimes = { kind: VisitKind; arrivedAt: Date; leftAt: Date | null };

/**
 * "In the showroom now": a showroom visit (not a call) that arrived today, by the store's calendar, and
 * has no time out. A visitor from an earlier day whose departure was never logged is not counted.
 */
export const isInShowroomNow = (visit: VisitTimes, now: Date, timeZone: string): boolean =>
  visit.kind === 'visit' &&
  visit.leftAt === null &&
  visit.arrivedAt.getTime() <= now.getTime() + CLOCK_SKEW_MS &&
  storeDateOf(visit.arrivedAt, timeZone) === storeDateOf(now, timeZone);

/**
 * How long they stayed, in whole minutes: until the time out, or so far for someone in the showroom
 * now; null when it is not known (a call, or a visit from an earlier day without a time out).
 */
export const stayMinutes = (visit: VisitTimes, now: Date, timeZone: string): number | null => {
  if (visit.kind !== 'visit') return null;
  const until = visit.leftAt ?? (isInShowroomNow(visit, now, timeZone) ? now : null);
  if (until === null) return null;
  return Math.max(0, Math.floor((until.getTime() - visit.arrivedAt.getTime()) / 60_000));
};

/** Why an arrival time cannot be logged, or undefined when it can. */
export const arrivalTimeProblem = (arrivedAt: Date, now: Date): string | undefined =>
  arrivedAt.getTime() > now.getTime() + CLOCK_SKEW_MS
    ? 'The arrival time cannot be in the future.'
    : undefined;

/** Why a time out cannot be logged, or undefined when it can. */
export const departureProblem = (visit: VisitTimes, leftAt: Date, now: Date): string | undefined => {
  if (visit.kind !== 'visit') return 'A phone-in has no time out: only showroom visits do.';
  if (leftAt.getTime() < visit.arrivedAt.getTime()) return 'The time out cannot be before the arrival time.';
  if (leftAt.getTime() > now.getTime() + CLOCK_SKEW_MS) return 'The time out cannot be in the future.';
  return undefined;
};

/**
 * The name a new customer card gets when the receptionist has the phone but not the name yet: the
 * consultant who calls back fills it in. Stored data, in the dealership's language.
 */
export const UNNAMED_VISITOR: Record<VisitKind, string> = { visit: '来店客户', phone_in: '来电客户' };

export const visitorNameOf = (name: string | null | undefined, kind: VisitKind): string => {
  const trimmed = name?.trim();
  return trimmed ? trimmed : UNNAMED_VISITOR[kind];
};

/** The source a visit gets when the receptionist picks none (codes of customers/default-sources.ts). */
export const DEFAULT_SOURCE_CODE: Record<VisitKind, string> = { visit: 'walk_in', phone_in: 'phone_in' };

/** The channel of the lead a visit opens (leads.channel). */
export const CHANNEL_OF: Record<VisitKind, 'walk_in' | 'phone_in'> = {
  visit: 'walk_in',
  phone_in: 'phone_in',
};

export type RetentionRow = {
  kind: VisitKind;
  firstVisit: boolean;
  leftContact: boolean;
  closedOnSpot: boolean;
};

export type Retention = {
  /** First-time showroom visitors. */
  firstVisitors: number;
  /** Of them, those who left contact details. */
  leftDetails: number;
  /** Of them, those who bought on the spot (not counted in the rate's denominator). */
  closedOnSpot: number;
  /** leftDetails / (firstVisitors - closedOnSpot), or null when there is nobody to count. */
  rate: number | null;
};

/**
 * Information retention rate (信息留存率, DOMAIN §3) = first-time visitors who left details / first-time
 * visitors not closed on the spot. Seed 004: 1143 / 1682 = 68%.
 */
export const retentionOf = (rows: readonly RetentionRow[]): Retention => {
  const first = rows.filter((row) => row.kind === 'visit' && row.firstVisit);
  const closedOnSpot = first.filter((row) => row.closedOnSpot).length;
  const leftDetails = first.filter((row) => row.leftContact && !row.closedOnSpot).length;
  const denominator = first.length - closedOnSpot;
  return {
    firstVisitors: first.length,
    leftDetails,
    closedOnSpot,
    rate: denominator > 0 ? leftDetails / denominator : null,
  };
};
