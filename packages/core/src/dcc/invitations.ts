import { DomainError, type FieldErrors } from '../shared/domain-error';
import { addDays, compareLocalDates, instantAt, localDateOf } from '../shared/local-time';

/**
 * Invitations (邀约), DOMAIN §3: DCC books a showroom visit; the receptionist's arrival marks it
 * arrived; a scheduled invitation whose store day has ended is a no-show and can be re-invited; a lead
 * invited but not arrived for 30 days goes back to the sales manager.
 */
export const INVITATION_STATUSES = ['scheduled', 'arrived', 'no_show', 'cancelled'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

export const INVITATION_PURPOSES = ['viewing', 'test_drive', 'negotiation', 'delivery'] as const;
export type InvitationPurpose = (typeof INVITATION_PURPOSES)[number];

const TRANSITIONS: Record<InvitationStatus, readonly InvitationStatus[]> = {
  scheduled: ['arrived', 'no_show', 'cancelled'],
  arrived: [],
  no_show: [],
  cancelled: [],
};

export const canMove = (from: InvitationStatus, to: InvitationStatus): boolean =>
  TRANSITIONS[from].includes(to);

const NOT_SCHEDULED: Record<InvitationStatus, string> = {
  scheduled: '',
  arrived: 'The customer has already arrived for this invitation.',
  no_show: 'This invitation is already marked as a no-show.',
  cancelled: 'This invitation is cancelled.',
};

/** Throws 'conflict' when the invitation cannot move to `to`. */
export const checkMove = (from: InvitationStatus, to: InvitationStatus): void => {
  if (!canMove(from, to))
    throw new DomainError('conflict', NOT_SCHEDULED[from] || 'This change is not possible.');
};

/** Only a no-show is re-invited (a new invitation naming the old one as previous). */
export const checkReinvite = (from: InvitationStatus): void => {
  if (from !== 'no_show') {
    throw new DomainError('conflict', 'Only an invitation the customer did not come to can be re-invited.');
  }
};

export const INVITATION_MESSAGES = {
  past: 'Choose a time later than now.',
  tooFar: 'Book the visit within 90 days.',
} as const;

const DAY_MS = 24 * 3600_000;

/** The appointment must lie ahead (a few minutes of grace for a booking made on the spot), within 90 days. */
export const checkSchedule = (scheduledAt: Date, now: Date): void => {
  const fields: FieldErrors = {};
  if (scheduledAt.getTime() < now.getTime() - 5 * 60_000) fields.scheduledAt = INVITATION_MESSAGES.past;
  else if (scheduledAt.getTime() - now.getTime() > 90 * DAY_MS)
    fields.scheduledAt = INVITATION_MESSAGES.tooFar;
  const [message] = Object.values(fields);
  if (message) throw new DomainError('validation_failed', message, { fields });
};

/** Reminder hour the day before a visit, local time. */
export const REMINDER_EVE_HOUR = 17;
/** Before a visit booked for the same day. */
export const REMINDER_SAME_DAY_MINUTES = 120;

/**
 * When the inviter is reminded to confirm the visit: the day before at 17:00 in the store, or 2 hours
 * before when it is booked for the same day; never before now.
 */
export const reminderAt = (scheduledAt: Date, now: Date, timeZone: string): Date => {
  const visitDay = localDateOf(scheduledAt, timeZone);
  const today = localDateOf(now, timeZone);
  const planned =
    compareLocalDates(visitDay, today) > 0
      ? instantAt(addDays(visitDay, -1), REMINDER_EVE_HOUR, 0, timeZone)
      : new Date(scheduledAt.getTime() - REMINDER_SAME_DAY_MINUTES * 60_000);
  return planned.getTime() < now.getTime() ? now : planned;
};

/** Whether an arrival at `at` is on the store day of the invitation. */
export const isSameStoreDay = (scheduledAt: Date, at: Date, timeZone: string): boolean =>
  compareLocalDates(localDateOf(scheduledAt, timeZone), localDateOf(at, timeZone)) === 0;

/**
 * Who takes the lead when an invited customer arrives (DOMAIN §3: invite -> arrival -> reception): the
 * invitation's consultant receives the customer, so a live lead still held by the agent who invited, or by
 * nobody, goes to that consultant. A lead someone else owns (another consultant) stays where it is, and
 * so does a closed one. Null: no hand-over.
 */
export const receiverOnArrival = (input: {
  leadOwnerId: string | null;
  leadStatus: 'open' | 'won' | 'lost' | 'nurturing';
  invitedBy: string | null;
  consultantId: string | null;
}): string | null => {
  const { leadOwnerId, leadStatus, invitedBy, consultantId } = input;
  if (!consultantId || leadOwnerId === consultantId) return null;
  if (leadStatus !== 'open' && leadStatus !== 'nurturing') return null;
  return leadOwnerId === null || leadOwnerId === invitedBy ? consultantId : null;
};

/** A scheduled invitation whose store day has ended is a no-show (the timer's SQL says the same). */
export const isNoShowDue = (
  status: InvitationStatus,
  scheduledAt: Date,
  now: Date,
  timeZone: string,
): boolean =>
  status === 'scheduled' &&
  compareLocalDates(localDateOf(scheduledAt, timeZone), localDateOf(now, timeZone)) < 0;

export const RETURN_AFTER_DAYS = 30;

/** The lead goes back to the manager 30 days after an invitation that never led to an arrival. */
export const isReturnDue = (
  invitation: { status: InvitationStatus; createdAt: Date; returnedAt: Date | null },
  arrivedSince: boolean,
  now: Date,
): boolean =>
  invitation.returnedAt === null &&
  (invitation.status === 'scheduled' || invitation.status === 'no_show') &&
  !arrivedSince &&
  now.getTime() - invitation.createdAt.getTime() >= RETURN_AFTER_DAYS * DAY_MS;
