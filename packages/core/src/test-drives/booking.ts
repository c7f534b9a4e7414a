/**
 * Test drives (试驾, DOMAIN §3): the rules of a booking slot against a demo car's schedule, and which
 * status may follow which. Times are instants; the store's opening hours are its local wall clock.
 */

export const TEST_DRIVE_STATUSES = ['booked', 'done', 'cancelled', 'no_show'] as const;
export type TestDriveStatus = (typeof TEST_DRIVE_STATUSES)[number];

/** A booking may start this long ago (the form was filled in while the customer got in). */
export const PAST_GRACE_MINUTES = 15;
export const MIN_MINUTES = 15;
export const MAX_MINUTES = 180;

const MINUTE = 60_000;

export type Slot = { startsAt: Date; endsAt: Date };

export type OpeningHours = { opensAt: string; closesAt: string };

export type SlotProblems = { startsAt?: string; endsAt?: string };

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

const minutesOfDay = (hhmm: string): number | undefined => {
  const match = HH_MM.exec(hhmm);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
};

/** The store's wall clock of an instant: its calendar day and the minute of that day. */
const wallClock = (instant: Date, timeZone: string) => {
  const fields = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => fields.find((p) => p.type === type)?.value ?? '';
  return {
    date: `${get('year')}-${get('month')}-${get('day')}`,
    minute: Number(get('hour')) * 60 + Number(get('minute')),
  };
};

/**
 * What is wrong with a slot, per field, or undefined when it can be booked: it ends after it starts,
 * lasts 15 minutes to 3 hours, does not start in the past (15 minutes' grace), and lies within one
 * day's opening hours of the store when the store has them (closing at or before opening: no limit).
 */
export const slotProblems = (
  slot: Slot,
  context: { now: Date; timeZone: string; hours?: OpeningHours | null | undefined },
): SlotProblems | undefined => {
  const problems: SlotProblems = {};
  const start = slot.startsAt.getTime();
  const end = slot.endsAt.getTime();
  if (Number.isNaN(start)) problems.startsAt = 'Enter the date and time the test drive starts.';
  if (Number.isNaN(end)) problems.endsAt = 'Enter the time the test drive ends.';
  if (problems.startsAt || problems.endsAt) return problems;

  if (end <= start) problems.endsAt = 'The test drive must end after it starts.';
  else if (end - start < MIN_MINUTES * MINUTE)
    problems.endsAt = `A test drive lasts at least ${MIN_MINUTES} minutes.`;
  else if (end - start > MAX_MINUTES * MINUTE)
    problems.endsAt = `A test drive lasts at most ${MAX_MINUTES / 60} hours: book a shorter slot.`;

  if (start < context.now.getTime() - PAST_GRACE_MINUTES * MINUTE)
    problems.startsAt = 'This time has already passed: choose a time from now on.';

  const opens = context.hours ? minutesOfDay(context.hours.opensAt) : undefined;
  const closes = context.hours ? minutesOfDay(context.hours.closesAt) : undefined;
  if (
    !problems.startsAt &&
    !problems.endsAt &&
    opens !== undefined &&
    closes !== undefined &&
    opens < closes
  ) {
    const from = wallClock(slot.startsAt, context.timeZone);
    const to = wallClock(slot.endsAt, context.timeZone);
    const hours = `${context.hours?.opensAt}–${context.hours?.closesAt}`;
    if (from.minute < opens || from.minute >= closes)
      problems.startsAt = `The store is open ${hours}: start the test drive within opening hours.`;
    else if (to.date !== from.date || to.minute > closes)
      problems.endsAt = `The store closes at ${context.hours?.closesAt}: end the test drive by then.`;
  }
  return Object.keys(problems).length > 0 ? problems : undefined;
};

/** Half-open intervals [start, end): a drive ending at 10:00 and one starting at 10:00 do not overlap. */
export const overlaps = (a: Slot, b: Slot): boolean =>
  a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime();

/** The first booking of the car's schedule the slot would clash with (cancelled drives free the car). */
export const clashOf = <T extends Slot & { id: string; status: TestDriveStatus }>(
  slot: Slot,
  schedule: readonly T[],
  ignoreId?: string,
): T | undefined =>
  schedule.find(
    (other) =>
      other.id !== ignoreId &&
      other.status !== 'cancelled' &&
      other.status !== 'no_show' &&
      overlaps(slot, other),
  );

/** booked -> done | cancelled | no_show; the last three are final. */
export const TEST_DRIVE_TRANSITIONS: Record<TestDriveStatus, readonly TestDriveStatus[]> = {
  booked: ['done', 'cancelled', 'no_show'],
  done: [],
  cancelled: [],
  no_show: [],
};

export const canChangeStatus = (from: TestDriveStatus, to: TestDriveStatus): boolean =>
  TEST_DRIVE_TRANSITIONS[from].includes(to);

/** Why the drive cannot move to `to`, or undefined when it can. */
export const statusChangeProblem = (from: TestDriveStatus, to: TestDriveStatus): string | undefined => {
  if (canChangeStatus(from, to)) return undefined;
  const was: Record<TestDriveStatus, string> = {
    booked: 'is booked',
    done: 'is already done',
    cancelled: 'was cancelled',
    no_show: 'was marked as a no-show',
  };
  return `This test drive ${was[from]}: it cannot change any more.`;
};

/** A drive needs a checked driving licence before it can be completed. */
export const completionProblem = (drive: { licenceCheckedAt: Date | null }): string | undefined =>
  drive.licenceCheckedAt
    ? undefined
    : "Check the customer's driving licence before completing the test drive.";

export const RATING_MIN = 1;
export const RATING_MAX = 5;
