import { DomainError, type FieldErrors } from '../shared/domain-error';

/**
 * DCC calls (DOMAIN §3, seed 004): the outcome codes an agent logs, what each implies, and the rules
 * that build the call lists. Pure: `now` is a parameter.
 */
export const CALL_OUTCOMES = [
  'reached',
  'no_answer',
  'busy',
  'wrong_number',
  'not_interested',
  'invited',
  'call_back',
] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

export const CALL_LISTS = ['new_portal', 'no_show', 'due'] as const;
export type CallList = (typeof CALL_LISTS)[number];

export type OutcomeRule = {
  /** The customer was on the line: the call counts as a follow-up and as the lead's first contact. */
  reached: boolean;
  /** 'required': the agent must give the next call time; 'default': one is proposed when absent. */
  nextCall: 'required' | 'default' | 'optional' | 'none';
  /** For 'default': the next try this many minutes after the call. */
  defaultMinutes?: number;
  /** The call books an invitation in the same step. */
  needsInvitation: boolean;
};

/** The one table of outcomes. */
export const OUTCOME_RULES: Record<CallOutcome, OutcomeRule> = {
  reached: { reached: true, nextCall: 'optional', needsInvitation: false },
  no_answer: { reached: false, nextCall: 'default', defaultMinutes: 120, needsInvitation: false },
  busy: { reached: false, nextCall: 'default', defaultMinutes: 60, needsInvitation: false },
  wrong_number: { reached: false, nextCall: 'none', needsInvitation: false },
  not_interested: { reached: true, nextCall: 'none', needsInvitation: false },
  invited: { reached: true, nextCall: 'none', needsInvitation: true },
  call_back: { reached: true, nextCall: 'required', needsInvitation: false },
};

export const isReached = (outcome: CallOutcome): boolean => OUTCOME_RULES[outcome].reached;

export const CALL_MESSAGES = {
  nextRequired: 'Say when to call the customer back.',
  nextPast: 'The next call must be later than now.',
  nextTooFar: 'Plan the next call within 90 days.',
  nextNotAllowed: 'This outcome plans no further call: leave the next call time empty.',
  invitationRequired: 'An invited customer needs the invitation: date and time, purpose and consultant.',
  invitationNotAllowed: 'Only the outcome "invited" books an invitation.',
} as const;

const DAY_MS = 24 * 3600_000;

export type CallCheck = {
  outcome: CallOutcome;
  nextCallAt?: Date | null | undefined;
  hasInvitation: boolean;
  now: Date;
};

/**
 * Validates a logged call and settles its next call time: the agent's, the outcome's default, or none.
 * Throws one 'validation_failed' naming every field at fault.
 */
export const checkCall = (input: CallCheck): { reached: boolean; nextCallAt: Date | null } => {
  const rule = OUTCOME_RULES[input.outcome];
  const fields: FieldErrors = {};
  const next = input.nextCallAt ?? null;
  if (next) {
    if (rule.nextCall === 'none') fields.nextCallAt = CALL_MESSAGES.nextNotAllowed;
    else if (next.getTime() <= input.now.getTime()) fields.nextCallAt = CALL_MESSAGES.nextPast;
    else if (next.getTime() - input.now.getTime() > 90 * DAY_MS) fields.nextCallAt = CALL_MESSAGES.nextTooFar;
  } else if (rule.nextCall === 'required') {
    fields.nextCallAt = CALL_MESSAGES.nextRequired;
  }
  if (rule.needsInvitation && !input.hasInvitation) fields.invitation = CALL_MESSAGES.invitationRequired;
  if (!rule.needsInvitation && input.hasInvitation) fields.invitation = CALL_MESSAGES.invitationNotAllowed;
  const messages = Object.values(fields);
  if (messages.length > 0) {
    throw new DomainError(
      'validation_failed',
      messages.length === 1 ? (messages[0] ?? '') : 'Some fields are not valid.',
      { fields },
    );
  }
  const nextCallAt =
    next ??
    (rule.nextCall === 'default' && rule.defaultMinutes
      ? new Date(input.now.getTime() + rule.defaultMinutes * 60_000)
      : null);
  return { reached: rule.reached, nextCallAt };
};

/** Lead channels that are "portal / online" leads for the new-portal list. */
export const ONLINE_CHANNELS = ['portal', 'website', 'online_order', 'social'] as const;

export type CallListCandidate = {
  leadStatus: 'open' | 'won' | 'lost' | 'nurturing';
  channel: string;
  leadCreatedAt: Date;
  firstContactedAt: Date | null;
  /** Calls already logged on the lead (any agent). */
  calls: number;
  /** When the latest call asked to call again; a future time keeps the lead off the lists until then. */
  nextCallAt: Date | null;
  /** The latest invitation of the lead, if any. */
  lastInvitation: { status: 'scheduled' | 'arrived' | 'no_show' | 'cancelled'; returned: boolean } | null;
  /** The earliest open task of this agent on the lead. */
  taskDueAt: Date | null;
};

const waitingForCallBack = (c: CallListCandidate, now: Date) =>
  c.nextCallAt !== null && c.nextCallAt.getTime() > now.getTime();

/** Whether a lead belongs on a call list of its agent now (the SQL of dcc.repo.ts says the same). */
export const belongsOnList = (list: CallList, c: CallListCandidate, now: Date): boolean => {
  if (c.leadStatus !== 'open') return false;
  switch (list) {
    case 'new_portal':
      return (
        (ONLINE_CHANNELS as readonly string[]).includes(c.channel) &&
        c.firstContactedAt === null &&
        c.calls === 0
      );
    case 'no_show':
      return (
        c.lastInvitation?.status === 'no_show' && !c.lastInvitation.returned && !waitingForCallBack(c, now)
      );
    case 'due':
      return c.taskDueAt !== null && c.taskDueAt.getTime() <= now.getTime() && !waitingForCallBack(c, now);
  }
};

/** The order a list is worked in: the oldest new lead first, the latest no-show first, the most overdue task first. */
export const compareOnList = (
  list: CallList,
  a: { leadCreatedAt: Date; taskDueAt: Date | null; invitationAt: Date | null },
  b: { leadCreatedAt: Date; taskDueAt: Date | null; invitationAt: Date | null },
): number => {
  const t = (d: Date | null) => d?.getTime() ?? 0;
  switch (list) {
    case 'new_portal':
      return t(a.leadCreatedAt) - t(b.leadCreatedAt);
    case 'no_show':
      return t(b.invitationAt) - t(a.invitationAt);
    case 'due':
      return t(a.taskDueAt) - t(b.taskDueAt);
  }
};
