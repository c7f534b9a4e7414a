import type { Role } from '../accounts/roles';

/**
 * Whose figures a report shows (issue 6). Managers, marketing, CRM and the receptionist (traffic only:
 * the route permission `reports.traffic` is the only report permission a receptionist holds) see the
 * whole store; a consultant or DCC agent without such a role sees only their own figures: the scope
 * forces `consultantId` to the caller, whatever the filter asked for.
 */
export const STORE_REPORT_ROLES = [
  'admin',
  'sales_manager',
  'marketing_manager',
  'crm_specialist',
  'receptionist',
] as const satisfies readonly Role[];

export type ReportView = 'store' | 'own';

export const reportViewOf = (roles: readonly Role[]): ReportView =>
  roles.some((role) => (STORE_REPORT_ROLES as readonly Role[]).includes(role)) ? 'store' : 'own';
