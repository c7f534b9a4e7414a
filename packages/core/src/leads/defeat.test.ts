import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/domain-error';
import {
  checkDefeatRequest,
  DEFAULT_DEFEAT_REASONS,
  type DefeatDecision,
  type DefeatRequestRow,
  decideDefeat,
  type LeadStatus,
  monthBounds,
  tallyDefeats,
} from './defeat';

const errorOf = (run: () => unknown): { code: string; fields?: Record<string, string> } | undefined => {
  try {
    run();
    return undefined;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { code: error.code, ...(error.fields ? { fields: error.fields } : {}) };
  }
};

describe('the default defeat reasons', () => {
  it('are the reasons of DOMAIN §3 plus "other", each with both names, and only a competitor needs a brand', () => {
    expect(DEFAULT_DEFEAT_REASONS.map((r) => r.code)).toEqual([
      'bought_competitor',
      'price',
      'financing_refused',
      'no_longer_buying',
      'unreachable',
      'other',
    ]);
    for (const reason of DEFAULT_DEFEAT_REASONS) {
      expect(reason.nameZh).not.toBe('');
      expect(reason.nameEn).not.toBe('');
      expect(reason.needsCompetitor).toBe(reason.code === 'bought_competitor');
    }
  });
});

describe('asking for a defeat', () => {
  const base = {
    leadStatus: 'open' as LeadStatus,
    callerIsOwner: true,
    callerIsManager: false,
    hasPendingRequest: false,
    needsCompetitor: false,
    competitorBrand: undefined as string | undefined,
  };
  it.each([
    ['the owner, open lead', {}, undefined],
    ['the owner, nurtured lead', { leadStatus: 'nurturing' }, undefined],
    ['a manager for someone else', { callerIsOwner: false, callerIsManager: true }, undefined],
    ['a colleague', { callerIsOwner: false }, { code: 'forbidden' }],
    ['a lost lead', { leadStatus: 'lost' }, { code: 'conflict' }],
    ['a won lead', { leadStatus: 'won' }, { code: 'conflict' }],
    ['a second request', { hasPendingRequest: true }, { code: 'conflict' }],
    [
      'a competitor reason without a brand',
      { needsCompetitor: true, competitorBrand: '  ' },
      {
        code: 'validation_failed',
        fields: { competitorBrand: 'Name the brand the customer bought instead.' },
      },
    ],
    ['a competitor reason with a brand', { needsCompetitor: true, competitorBrand: '吉利' }, undefined],
  ] as const)('%s', (_, patch, expected) => {
    expect(errorOf(() => checkDefeatRequest({ ...base, ...patch }))).toEqual(expected);
  });
});

describe('deciding a defeat request', () => {
  const pending = { status: 'pending' as const };
  const openLead = { status: 'open' as LeadStatus, ownerId: 'li' };

  it.each<[string, DefeatDecision, unknown]>([
    [
      'approve as lost: the lead closes and its tasks are cancelled',
      { kind: 'approve', outcome: 'lost' },
      {
        requestStatus: 'approved',
        outcome: 'lost',
        lead: { status: 'lost', owner: 'keep', closed: true, tasks: 'cancel' },
      },
    ],
    [
      'approve as reassigned: the lead stays open and moves with its tasks',
      { kind: 'approve', outcome: 'reassigned', newOwnerId: 'wang' },
      {
        requestStatus: 'approved',
        outcome: 'reassigned',
        lead: { status: 'open', owner: 'wang', closed: false, tasks: 'move' },
      },
    ],
    [
      'approve to a CRM specialist: nurturing, tasks move',
      { kind: 'approve', outcome: 'nurturing', newOwnerId: 'crm' },
      {
        requestStatus: 'approved',
        outcome: 'nurturing',
        lead: { status: 'nurturing', owner: 'crm', closed: false, tasks: 'move' },
      },
    ],
    [
      'approve to the nurturing pool without an owner: back to the queue, tasks cancelled',
      { kind: 'approve', outcome: 'nurturing', newOwnerId: null },
      {
        requestStatus: 'approved',
        outcome: 'nurturing',
        lead: { status: 'nurturing', owner: null, closed: false, tasks: 'cancel' },
      },
    ],
    [
      'reject: the lead is left as it is',
      { kind: 'reject', managerNote: '客户仍有意向，继续跟进' },
      { requestStatus: 'rejected', outcome: null, lead: null },
    ],
  ])('%s', (_, decision, effect) => {
    expect(decideDefeat(pending, openLead, decision)).toEqual(effect);
  });

  it.each<[string, { status: 'pending' | 'approved' | 'rejected' }, LeadStatus, DefeatDecision, unknown]>([
    [
      'a decided request is final',
      { status: 'approved' },
      'lost',
      { kind: 'reject', managerNote: 'x' },
      { code: 'conflict' },
    ],
    [
      'a rejected one too',
      { status: 'rejected' },
      'open',
      { kind: 'approve', outcome: 'lost' },
      { code: 'conflict' },
    ],
    [
      'reassigning needs the new owner',
      pending,
      'open',
      { kind: 'approve', outcome: 'reassigned', newOwnerId: undefined },
      { code: 'validation_failed', fields: { newOwnerId: 'Choose who takes the lead over.' } },
    ],
    [
      'reassigning to the same owner is no reassignment',
      pending,
      'open',
      { kind: 'approve', outcome: 'reassigned', newOwnerId: 'li' },
      { code: 'validation_failed', fields: { newOwnerId: 'Choose someone other than the current owner.' } },
    ],
    [
      'rejecting needs a note for the consultant',
      pending,
      'open',
      { kind: 'reject', managerNote: ' ' },
      { code: 'validation_failed', fields: { managerNote: 'Tell the consultant why the lead stays open.' } },
    ],
    [
      'a lead won meanwhile cannot be approved as lost',
      pending,
      'won',
      { kind: 'approve', outcome: 'lost' },
      { code: 'conflict' },
    ],
  ])('%s', (_, request, leadStatus, decision, expected) => {
    expect(errorOf(() => decideDefeat(request, { status: leadStatus, ownerId: 'li' }, decision))).toEqual(
      expected,
    );
  });

  it('still lets a manager reject a request for a lead won meanwhile', () => {
    expect(
      decideDefeat(pending, { status: 'won', ownerId: 'li' }, { kind: 'reject', managerNote: '已成交' }),
    ).toEqual({
      requestStatus: 'rejected',
      outcome: null,
      lead: null,
    });
  });
});

describe('calendar months in the store time zone', () => {
  it.each([
    ['2026-03', 'Asia/Shanghai', '2026-02-28T16:00:00.000Z', '2026-03-31T16:00:00.000Z'],
    ['2026-12', 'Asia/Shanghai', '2026-11-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z'],
    ['2028-02', 'Asia/Shanghai', '2028-01-31T16:00:00.000Z', '2028-02-29T16:00:00.000Z'],
    // Berlin changes to summer time on the last Sunday of March.
    ['2026-03', 'Europe/Berlin', '2026-02-28T23:00:00.000Z', '2026-03-31T22:00:00.000Z'],
    ['2026-01', 'UTC', '2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z'],
  ])('%s in %s is [%s, %s)', (month, zone, from, to) => {
    const bounds = monthBounds(month, zone);
    expect(bounds.from.toISOString()).toBe(from);
    expect(bounds.to.toISOString()).toBe(to);
  });
});

describe('the monthly defeat record', () => {
  const march = monthBounds('2026-03', 'Asia/Shanghai');
  const row = (patch: Partial<DefeatRequestRow>): DefeatRequestRow => ({
    requestedBy: 'li',
    reasonId: 'price',
    status: 'pending',
    outcome: null,
    createdAt: new Date('2026-03-10T02:00:00Z'),
    decidedAt: null,
    ...patch,
  });

  it('counts requests by the month they were made in and decisions by the month they were made in', () => {
    const tallies = tallyDefeats(
      [
        row({}),
        row({
          reasonId: 'competitor',
          status: 'approved',
          outcome: 'lost',
          decidedAt: new Date('2026-03-11T02:00:00Z'),
        }),
        row({ status: 'approved', outcome: 'reassigned', decidedAt: new Date('2026-03-12T02:00:00Z') }),
        row({ status: 'rejected', decidedAt: new Date('2026-03-12T03:00:00Z') }),
        // 31 March 23:30 in Shanghai, decided 1 April 09:00: requested in March, approved in April.
        row({
          status: 'approved',
          outcome: 'lost',
          createdAt: new Date('2026-03-31T15:30:00Z'),
          decidedAt: new Date('2026-04-01T01:00:00Z'),
        }),
        // 28 February 23:00 in Shanghai (15:00 UTC), approved 1 March 00:30 Shanghai: approved in March only.
        row({
          status: 'approved',
          outcome: 'nurturing',
          createdAt: new Date('2026-02-28T15:00:00Z'),
          decidedAt: new Date('2026-02-28T16:30:00Z'),
        }),
        // 1 April 00:10 in Shanghai: not March at all.
        row({ requestedBy: 'wang', createdAt: new Date('2026-03-31T16:10:00Z') }),
        row({
          requestedBy: 'zhang',
          status: 'approved',
          outcome: 'lost',
          decidedAt: new Date('2026-03-10T03:00:00Z'),
        }),
      ],
      march,
    );
    expect(tallies).toEqual([
      {
        userId: 'li',
        requested: 5,
        pending: 1,
        approved: { total: 3, lost: 1, reassigned: 1, nurturing: 1 },
        rejected: 1,
        byReason: [
          { reasonId: 'price', requested: 4, approved: 2 },
          { reasonId: 'competitor', requested: 1, approved: 1 },
        ],
      },
      {
        userId: 'zhang',
        requested: 1,
        pending: 0,
        approved: { total: 1, lost: 1, reassigned: 0, nurturing: 0 },
        rejected: 0,
        byReason: [{ reasonId: 'price', requested: 1, approved: 1 }],
      },
    ]);
  });

  it('is empty for a month without requests or decisions', () => {
    expect(tallyDefeats([row({})], monthBounds('2026-04', 'Asia/Shanghai'))).toEqual([]);
  });
});
