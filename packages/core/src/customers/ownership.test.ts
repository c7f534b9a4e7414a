import { describe, expect, it } from 'vitest';
import type { Role } from '../accounts/roles';
import { canOwnCustomers, ownerOfNewCustomer } from './ownership';

describe('owner of a customer opened by hand', () => {
  it.each([
    ['a consultant owns what they open', ['consultant'], undefined, 'me'],
    ['a consultant cannot hand a new card to someone else', ['consultant'], 'other', 'me'],
    ['a consultant cannot leave it in the pool', ['consultant'], null, 'me'],
    ['a manager names the owner', ['sales_manager'], 'other', 'other'],
    ['a manager may leave it in the pool', ['sales_manager'], null, null],
    ['a receptionist without a choice leaves it in the pool', ['receptionist'], undefined, null],
    ['a DCC agent names the consultant', ['dcc_agent'], 'other', 'other'],
    [
      'a manager who also sells owns it unless another is named',
      ['consultant', 'sales_manager'],
      undefined,
      'me',
    ],
    ['... or names another', ['consultant', 'sales_manager'], 'other', 'other'],
  ] as const)('%s', (_case, roles, requested, expected) => {
    expect(
      ownerOfNewCustomer({ roles: roles as readonly Role[], userId: 'me', requestedOwnerId: requested }),
    ).toBe(expected);
  });

  it.each([
    [['consultant'], true],
    [['dcc_agent'], true],
    [['crm_specialist'], true],
    [['sales_manager'], true],
    [['receptionist'], false],
    [['admin'], false],
    [['marketing_manager'], false],
    [['receptionist', 'consultant'], true],
  ] as const)('%j may own customers: %s', (roles, expected) => {
    expect(canOwnCustomers(roles)).toBe(expected);
  });
});
