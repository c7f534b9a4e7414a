import { describe, expect, it } from 'vitest';
import { hasPermission } from '../accounts/roles';
import { reportViewOf } from './report-access';

describe('whose figures a report shows', () => {
  it.each([
    [['sales_manager'], 'store'],
    [['admin'], 'store'],
    [['marketing_manager'], 'store'],
    [['crm_specialist'], 'store'],
    [['receptionist'], 'store'],
    [['consultant'], 'own'],
    [['dcc_agent'], 'own'],
    [['consultant', 'dcc_agent'], 'own'],
    [['consultant', 'sales_manager'], 'store'],
  ] as const)('%j sees %s figures', (roles, view) => {
    expect(reportViewOf(roles)).toBe(view);
  });

  it('lets the receptionist open the traffic report only, and only managers export', () => {
    expect(hasPermission(['receptionist'], 'reports.traffic')).toBe(true);
    expect(hasPermission(['receptionist'], 'reports.view')).toBe(false);
    expect(hasPermission(['consultant'], 'reports.view')).toBe(true);
    expect(hasPermission(['consultant'], 'reports.export')).toBe(false);
    expect(hasPermission(['dcc_agent'], 'reports.export')).toBe(false);
    expect(hasPermission(['marketing_manager'], 'reports.export')).toBe(true);
    expect(hasPermission(['sales_manager'], 'reports.export')).toBe(true);
  });
});
