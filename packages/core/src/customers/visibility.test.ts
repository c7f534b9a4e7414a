import { describe, expect, it } from 'vitest';
import { ROLES } from '../accounts/roles';
import { CUSTOMER_ACCESS, customerScopeOf, seesPhoneInFull } from './visibility';

describe('customer visibility', () => {
  it('covers every role', () => {
    expect(Object.keys(CUSTOMER_ACCESS).sort()).toEqual([...ROLES].sort());
  });

  it('shows consultants their own customers and managers the store', () => {
    expect(customerScopeOf(['consultant'])).toBe('own');
    expect(customerScopeOf(['sales_manager'])).toBe('store');
    expect(customerScopeOf(['consultant', 'sales_manager'])).toBe('store');
  });

  it.each([
    [['sales_manager'], 'someone-else', true],
    [['consultant'], 'me', true],
    [['consultant'], 'someone-else', false],
    [['consultant'], null, false],
    [['dcc_agent'], 'me', true],
    [['receptionist'], 'me', false],
    [['marketing_manager'], 'someone-else', false],
    [['admin'], 'someone-else', false],
    [['receptionist', 'sales_manager'], 'someone-else', true],
  ] as const)('%j sees the phone of a customer owned by %s in full: %s', (roles, owner, full) => {
    expect(seesPhoneInFull(roles, 'me', owner)).toBe(full);
  });
});
