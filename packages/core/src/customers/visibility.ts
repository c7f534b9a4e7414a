import type { Role } from '../accounts/roles';

/**
 * Who sees which customers, and whose phone numbers in full. One table, read by the server for every
 * customer query and answer (issue 3, "Security"): consultants see their own customers, the other
 * roles the whole store; a phone is shown in full only to those who call the customer.
 */
export type CustomerScope = 'store' | 'own';
export type PhoneVisibility = 'all' | 'own' | 'none';

export const CUSTOMER_ACCESS: Record<Role, { scope: CustomerScope; phones: PhoneVisibility }> = {
  admin: { scope: 'store', phones: 'none' },
  sales_manager: { scope: 'store', phones: 'all' },
  consultant: { scope: 'own', phones: 'own' },
  receptionist: { scope: 'store', phones: 'none' },
  dcc_agent: { scope: 'store', phones: 'own' },
  crm_specialist: { scope: 'store', phones: 'own' },
  marketing_manager: { scope: 'store', phones: 'none' },
};

/** Several roles: the widest scope wins. */
export const customerScopeOf = (roles: readonly Role[]): CustomerScope =>
  roles.some((role) => CUSTOMER_ACCESS[role].scope === 'store') ? 'store' : 'own';

/** Whether this user sees this customer's phone in full (else masked, revealable with an audit row). */
export const seesPhoneInFull = (roles: readonly Role[], userId: string, ownerId: string | null): boolean =>
  roles.some((role) => {
    const phones = CUSTOMER_ACCESS[role].phones;
    return phones === 'all' || (phones === 'own' && ownerId === userId);
  });
