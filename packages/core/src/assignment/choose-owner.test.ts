import { describe, expect, it } from 'vitest';
import { type AssignmentRule, chooseOwner, chooseOwners, type PoolMember } from './choose-owner';

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

describe('automatic assignment of a batch (an import), lead after lead', () => {
  const now = new Date('2026-03-31T16:30:00Z');
  const earlier = new Date('2026-03-01T02:00:00Z');
  const walkIn = { channel: 'import', sourceCode: 'walk_in', ownerId: null, assignedAt: null };
  const owned = (ownerId: string, assignedAt: Date) => ({ ...walkIn, ownerId, assignedAt });
  const cases: {
    name: string;
    leads: Parameters<typeof chooseOwners>[0];
    members: PoolMember[];
    cap?: number;
    owners: (string | null)[];
    openLeadsSeen?: (number | null)[];
  }[] = [
    {
      name: 'fewest open leads first; each lead given adds to that person before the next is decided',
      leads: [walkIn, walkIn, walkIn, walkIn],
      members: [member('li', { openLeads: 3 }), member('zhang', { openLeads: 5 })],
      owners: ['li', 'li', 'zhang', 'li'],
      openLeadsSeen: [3, 4, 5, 5],
    },
    {
      name: 'on a tie, the one who waited longest; a lead just given counts as their last assignment',
      leads: [walkIn, walkIn],
      members: [
        member('li', { openLeads: 3, lastAssignedAt: earlier }),
        member('zhang', { openLeads: 2, lastAssignedAt: null }),
      ],
      owners: ['zhang', 'li'],
    },
    {
      name: 'a lead that came with its owner is not decided, but adds to that owner',
      leads: [owned('li', earlier), walkIn, walkIn],
      members: [member('li', { openLeads: 1 }), member('zhang', { openLeads: 2 })],
      owners: [null, 'zhang', 'li'],
    },
    {
      name: 'under the cap only: once everybody is full, the rest go to the queue',
      leads: [walkIn, walkIn, walkIn, walkIn],
      members: [member('li', { openLeads: 3 }), member('zhang', { openLeads: 4 })],
      cap: 5,
      owners: ['li', 'zhang', 'li', null],
    },
    {
      name: 'nobody on duty or enabled: every lead waits in the queue',
      leads: [walkIn, walkIn],
      members: [member('li', { onDuty: false }), member('zhang', { disabled: true })],
      owners: [null, null],
    },
  ];
  it.each(cases)('$name', ({ leads, members, cap, owners, openLeadsSeen }) => {
    const rules = [{ ...walkInToSales, openLeadCap: cap ?? null }];
    const decisions = chooseOwners(leads, rules, members, now);
    expect(decisions.map((d) => d?.ownerId ?? null)).toEqual(owners);
    if (openLeadsSeen) {
      expect(decisions.map((d) => (d?.reason.by === 'rule' ? d.reason.openLeads : null))).toEqual(
        openLeadsSeen,
      );
    }
  });

  it('decides exactly as chooseOwner does when each lead is captured and counted before the next', () => {
    const leads = [walkIn, owned('zhang', now), walkIn, walkIn, owned('li', earlier), walkIn];
    const members = [
      member('li', { openLeads: 4 }),
      member('zhang', { openLeads: 3, lastAssignedAt: earlier }),
    ];
    const rules = [{ ...walkInToSales, openLeadCap: 7 }];
    const state = members.map((m) => ({ ...m }));
    const oneByOne = leads.map((lead) => {
      const decision = lead.ownerId === null ? chooseOwner(lead, rules, state) : null;
      const owner = lead.ownerId ?? decision?.ownerId ?? null;
      const m = state.find((s) => s.userId === owner);
      if (m) {
        m.openLeads += 1;
        const at = lead.ownerId === null ? now : lead.assignedAt;
        if (at && (!m.lastAssignedAt || at > m.lastAssignedAt)) m.lastAssignedAt = at;
      }
      return decision;
    });
    expect(chooseOwners(leads, rules, members, now)).toEqual(oneByOne);
    // The members passed in are not changed.
    expect(members.map((m) => m.openLeads)).toEqual([4, 3]);
  });

  it('sends a lead no rule matches to the queue with the reason', () => {
    expect(
      chooseOwners([{ ...walkIn, sourceCode: 'auto_show' }], [walkInToSales], [member('li')], now),
    ).toEqual([{ ownerId: null, reason: { by: 'queue', why: 'no_rule' } }]);
  });
});
