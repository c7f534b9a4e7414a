import { describe, expect, it } from 'vitest';
import { hasPermission, homeRoleOf, PERMISSIONS, permissionsOf, ROLES } from './roles';

describe('permissions table', () => {
  it('gives user management to admins only', () => {
    for (const role of ROLES) expect(hasPermission([role], 'users.manage')).toBe(role === 'admin');
  });

  it('lets every role use its own account', () => {
    for (const role of ROLES) expect(permissionsOf([role])).toContain('self.use');
  });

  it('names only known roles', () => {
    for (const roles of Object.values(PERMISSIONS)) for (const r of roles) expect(ROLES).toContain(r);
  });

  it('adds up the permissions of several roles', () => {
    expect(permissionsOf(['consultant'])).toEqual([
      'self.use',
      'customers.view',
      'customers.create',
      'customers.edit',
      'showroom.view',
      'sources.view',
      'defeat.request',
      // Issue 5: invitations, test drives, stock vehicles and orders.
      'invitations.manage',
      'test_drives.book',
      'vehicles.view',
      'orders.view',
      'orders.manage',
      'orders.deliver',
      // Issue 6: own figures in the reports.
      'reports.view',
      'reports.traffic',
    ]);
    expect(permissionsOf(['receptionist'])).toEqual([
      'self.use',
      'users.view',
      'customers.view',
      'customers.create',
      'showroom.log',
      'showroom.view',
      'sources.view',
      'test_drives.book',
      // Issue 6: the showroom traffic report.
      'reports.traffic',
    ]);
  });
});

describe('home page', () => {
  it.each([
    [['consultant'], 'consultant'],
    [['consultant', 'sales_manager'], 'sales_manager'],
    [['receptionist', 'dcc_agent'], 'dcc_agent'],
    [['admin', 'sales_manager'], 'admin'],
    [[], undefined],
  ] as const)('%j lands on %s', (roles, home) => {
    expect(homeRoleOf(roles)).toBe(home);
  });
});
