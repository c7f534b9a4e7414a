import { describe, expect, it } from 'vitest';
import { type AssignmentRule, chooseOwner, type PoolMember } from './choose-owner';

const portalToDcc: AssignmentRule = {
  id: 'r1',
  name: 'Portal leads to DCC',
  priority: 10,
  match: { channels: ['portal'] },
  poolUserIds: ['dcc1', 'dcc2'],
  openLeadCap: 30,
  active: true,
};
const walkInToSales: AssignmentRule = {
  id: 'r2',
  name: 'Walk-ins to consultants',
  priority: 20,
  match: { sourceCodes: ['walk_in'] },
  poolUserIds: ['li', 'zhang'],
  openLeadCap: null,
  active: true,
};
const member = (userId: string, extra: Partial<PoolMember> = {}): PoolMember => ({
  userId,
  name: userId,
  onDuty: true,
  disabled: false,
  openLeads: 5,
  lastAssignedAt: null,
  ...extra,
});
const portal = { channel: 'portal', sourceCode: 'autohome' };

describe('automatic assignment', () => {
  it('sends a lead no rule matches to the distribution queue', () => {
    expect(
      chooseOwner({ channel: 'event', sourceCode: 'auto_show' }, [portalToDcc, walkInToSales], []),
    ).toEqual({
      ownerId: null,
      reason: { by: 'queue', why: 'no_rule' },
    });
  });

  it('gives a portal lead to the DCC agent with the fewest open leads, and says why', () => {
    const decision = chooseOwner(
      portal,
      [walkInToSales, portalToDcc],
      [member('dcc1', { openLeads: 12 }), member('dcc2', { openLeads: 7 })],
    );
    expect(decision).toEqual({
      ownerId: 'dcc2',
      reason: {
        by: 'rule',
        ruleId: 'r1',
        ruleName: 'Portal leads to DCC',
        openLeads: 7,
        cap: 30,
        poolSize: 2,
      },
    });
  });

  it('rotates on a tie: the one who waited longest', () => {
    const decision = chooseOwner(
      portal,
      [portalToDcc],
      [
        member('dcc1', { lastAssignedAt: new Date('2026-11-25T02:00:00Z') }),
        member('dcc2', { lastAssignedAt: new Date('2026-11-25T01:00:00Z') }),
      ],
    );
    expect(decision.ownerId).toBe('dcc2');
  });

  it('skips users off duty, disabled, or at the cap; nobody left -> the queue', () => {
    expect(
      chooseOwner(
        portal,
        [portalToDcc],
        [member('dcc1', { onDuty: false }), member('dcc2', { openLeads: 30 })],
      ),
    ).toEqual({
      ownerId: null,
      reason: { by: 'queue', why: 'nobody_available', ruleName: 'Portal leads to DCC' },
    });
    expect(
      chooseOwner(
        portal,
        [portalToDcc],
        [member('dcc1', { disabled: true }), member('dcc2', { openLeads: 29 })],
      ).ownerId,
    ).toBe('dcc2');
  });

  it('matches by source code and ignores inactive rules and users outside the pool', () => {
    const walkIn = { channel: 'walk_in', sourceCode: 'walk_in' };
    expect(
      chooseOwner(walkIn, [walkInToSales], [member('dcc1', { openLeads: 0 }), member('zhang')]).ownerId,
    ).toBe('zhang');
    expect(chooseOwner(walkIn, [{ ...walkInToSales, active: false }], [member('zhang')]).ownerId).toBeNull();
  });
});
