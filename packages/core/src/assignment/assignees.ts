import type { Role } from '../accounts/roles';

/**
 * Who may be given leads (DOMAIN §1, §3 "assign owner"): the people who follow them up. The sales
 * manager assigns them to consultants and DCC agents; the nurturing pool belongs to CRM specialists.
 */
export const ASSIGNEE_ROLES = [
  'consultant',
  'dcc_agent',
  'crm_specialist',
] as const satisfies readonly Role[];

export const canTakeLeads = (roles: readonly Role[]): boolean =>
  roles.some((role) => (ASSIGNEE_ROLES as readonly Role[]).includes(role));

/** What the server knows of the person a lead is to go to; undefined when no such user is in the store. */
export type Candidate = { roles: readonly Role[]; disabled: boolean } | undefined;

export const NO_SUCH_ASSIGNEE = 'There is no such user in this store.';
export const ASSIGNEE_DISABLED = 'This account is disabled: choose someone who works in the store now.';
export const NOT_AN_ASSIGNEE = 'Leads go to a sales consultant, DCC agent or CRM specialist of this store.';
export const NOT_A_NURTURER = 'The nurturing pool goes to a CRM specialist of this store.';

/** Why this person cannot be given leads, or undefined when they can. */
export const assigneeProblem = (candidate: Candidate): string | undefined => {
  if (!candidate) return NO_SUCH_ASSIGNEE;
  if (candidate.disabled) return ASSIGNEE_DISABLED;
  if (!canTakeLeads(candidate.roles)) return NOT_AN_ASSIGNEE;
  return undefined;
};

/** Why this person cannot nurture long-horizon prospects (DOMAIN §5), or undefined when they can. */
export const nurturerProblem = (candidate: Candidate): string | undefined => {
  if (!candidate) return NO_SUCH_ASSIGNEE;
  if (candidate.disabled) return ASSIGNEE_DISABLED;
  if (!candidate.roles.includes('crm_specialist')) return NOT_A_NURTURER;
  return undefined;
};

/**
 * The customer follows its lead to the new owner when nobody else holds the customer: when it has no
 * owner yet, or its owner is the one the lead is taken from. A customer another colleague looks after
 * keeps that colleague.
 */
export const customerOwnerAfter = (input: {
  customerOwnerId: string | null;
  previousLeadOwnerId: string | null;
  newOwnerId: string | null;
}): string | null => {
  const { customerOwnerId, previousLeadOwnerId, newOwnerId } = input;
  if (newOwnerId === null) return customerOwnerId;
  return customerOwnerId === null || customerOwnerId === previousLeadOwnerId ? newOwnerId : customerOwnerId;
};
