import type { Role } from '../accounts/roles';
import { customerScopeOf } from './visibility';

/**
 * Who owns a customer opened by hand (DOMAIN §3, "assign owner"). A consultant who opens a card owns
 * it; a manager, receptionist or DCC agent may name the owner, else the customer waits in the pool
 * (card prefix Z99) for the manager to assign.
 */

/** Roles that follow up customers themselves and so may own them. */
export const OWNER_ROLES = [
  'consultant',
  'dcc_agent',
  'crm_specialist',
  'sales_manager',
] as const satisfies readonly Role[];

export const canOwnCustomers = (roles: readonly Role[]): boolean =>
  roles.some((role) => (OWNER_ROLES as readonly Role[]).includes(role));

export type OwnerChoice = {
  roles: readonly Role[];
  userId: string;
  /** What the form asked for: undefined when the field was left out, null for "no owner yet". */
  requestedOwnerId: string | null | undefined;
};

export const ownerOfNewCustomer = ({ roles, userId, requestedOwnerId }: OwnerChoice): string | null => {
  // A consultant sees only their own customers: a card they open for someone else would vanish for them.
  if (customerScopeOf(roles) === 'own') return userId;
  if (requestedOwnerId !== undefined) return requestedOwnerId;
  return roles.includes('consultant') ? userId : null;
};
