import { describe, expect, it } from 'vitest';
import { analyseDefeats, type DefeatAnalysisRow, isDefeatIn } from './defeats';

// November 2026 in Asia/Shanghai (UTC+8): [Oct 31 16:00Z, Nov 30 16:00Z); the previous 30 days: Oct 2..Oct 31.
const NOVEMBER = { start: new Date('2026-10-31T16:00:00Z'), end: new Date('2026-11-30T16:00:00Z') };
const OCTOBER_30 = { start: new Date('2026-10-01T16:00:00Z'), end: new Date('2026-10-31T16:00:00Z') };

const row = (
  requestId: string,
  r: Partial<DefeatAnalysisRow> & Pick<DefeatAnalysisRow, 'status' | 'createdAt'>,
): DefeatAnalysisRow => ({
  requestId,
  leadId: `lead-${requestId}`,
  customerId: `cust-${requestId}`,
  requestedBy: 'u1',
  decidedBy: null,
  reasonId: 'price',
  competitorBrand: null,
  competitorModel: null,
  seriesId: null,
  decidedAt: null,
  ...r,
});
const at = (iso: string) => new Date(iso);

/**
 * The fixture (hours from request to decision in brackets):
 * r1 approved  competitor BYD Han      u1 s1 m1 Nov 2  (4 h)
 * r2 approved  competitor BYD Han      u2 s1 m1 Nov 10 -> Nov 11 (24 h)
 * r3 approved  price                   u1 s2 m2 Nov 20 (2 h)
 * r4 rejected  price                   u2 s2 m2 Nov 5 (10 h)
 * r5 approved  competitor Tesla Model 3 u1 -- m1 asked Oct 31 18:00, decided Nov 1 00:30 Beijing (6.5 h)
 * r6 approved  price                   u2 s1 m1 decided Oct 31 23:30 Beijing: previous period (279.5 h)
 * r7 pending   price                   u1 asked Nov 25
 * r8 pending   price                   u1 asked Oct 15: previous period
 * r9 approved  competitor              u1 decided Dec 1 00:00 Beijing: in neither period
 */
const DEFEAT_FIXTURE: DefeatAnalysisRow[] = [
  row('r1', {
    status: 'approved',
    reasonId: 'competitor',
    competitorBrand: 'BYD',
    competitorModel: 'Han',
    seriesId: 's1',
    decidedBy: 'm1',
    createdAt: at('2026-11-02T02:00:00Z'),
    decidedAt: at('2026-11-02T06:00:00Z'),
  }),
  row('r2', {
    status: 'approved',
    reasonId: 'competitor',
    competitorBrand: 'BYD',
    competitorModel: 'Han',
    requestedBy: 'u2',
    seriesId: 's1',
    decidedBy: 'm1',
    createdAt: at('2026-11-10T00:00:00Z'),
    decidedAt: at('2026-11-11T00:00:00Z'),
  }),
  row('r3', {
    status: 'approved',
    seriesId: 's2',
    decidedBy: 'm2',
    createdAt: at('2026-11-20T01:00:00Z'),
    decidedAt: at('2026-11-20T03:00:00Z'),
  }),
  row('r4', {
    status: 'rejected',
    requestedBy: 'u2',
    seriesId: 's2',
    decidedBy: 'm2',
    createdAt: at('2026-11-05T00:00:00Z'),
    decidedAt: at('2026-11-05T10:00:00Z'),
  }),
  row('r5', {
    status: 'approved',
    reasonId: 'competitor',
    competitorBrand: 'Tesla',
    competitorModel: 'Model 3',
    decidedBy: 'm1',
    createdAt: at('2026-10-31T10:00:00Z'),
    decidedAt: at('2026-10-31T16:30:00Z'),
  }),
  row('r6', {
    status: 'approved',
    requestedBy: 'u2',
    seriesId: 's1',
    decidedBy: 'm1',
    createdAt: at('2026-10-20T00:00:00Z'),
    decidedAt: at('2026-10-31T15:30:00Z'),
  }),
  row('r7', { status: 'pending', createdAt: at('2026-11-25T00:00:00Z') }),
  row('r8', { status: 'pending', createdAt: at('2026-10-15T00:00:00Z') }),
  row('r9', {
    status: 'approved',
    reasonId: 'competitor',
    competitorBrand: 'BYD',
    decidedBy: 'm1',
    createdAt: at('2026-11-30T10:00:00Z'),
    decidedAt: at('2026-11-30T16:00:00Z'),
  }),
];

describe('defeat statistics', () => {
  const report = analyseDefeats(DEFEAT_FIXTURE, { current: NOVEMBER, previous: OCTOBER_30 });

  it('counts confirmed defeats by decision time in the store calendar, rejected ones apart', () => {
    expect(report.current).toEqual({
      confirmed: 4,
      rejected: 1,
      pending: 1,
      decided: 5,
      medianApprovalHours: 6.5,
      averageApprovalHours: 9.3,
    });
    expect(report.previous).toEqual({
      confirmed: 1,
      rejected: 0,
      pending: 1,
      decided: 1,
      medianApprovalHours: 279.5,
      averageApprovalHours: 279.5,
    });
  });

  it('groups by reason, competitor, consultant and series with the previous period beside', () => {
    expect(report.byReason).toEqual([
      { key: 'competitor', confirmed: 3, previousConfirmed: 0, rejected: 0, share: 0.75 },
      { key: 'price', confirmed: 1, previousConfirmed: 1, rejected: 1, share: 0.25 },
    ]);
    expect(report.byCompetitor).toEqual([
      {
        key: 'BYD|Han',
        brand: 'BYD',
        model: 'Han',
        confirmed: 2,
        previousConfirmed: 0,
        rejected: 0,
        share: 0.5,
      },
      { key: null, brand: null, model: null, confirmed: 1, previousConfirmed: 1, rejected: 1, share: 0.25 },
      {
        key: 'Tesla|Model 3',
        brand: 'Tesla',
        model: 'Model 3',
        confirmed: 1,
        previousConfirmed: 0,
        rejected: 0,
        share: 0.25,
      },
    ]);
    expect(report.byConsultant).toEqual([
      { key: 'u1', confirmed: 3, previousConfirmed: 0, rejected: 0, share: 0.75 },
      { key: 'u2', confirmed: 1, previousConfirmed: 1, rejected: 1, share: 0.25 },
    ]);
    expect(report.bySeries).toEqual([
      { key: 's1', confirmed: 2, previousConfirmed: 1, rejected: 0, share: 0.5 },
      { key: 's2', confirmed: 1, previousConfirmed: 0, rejected: 1, share: 0.25 },
      { key: null, confirmed: 1, previousConfirmed: 0, rejected: 0, share: 0.25 },
    ]);
  });

  it('measures approval time per deciding manager', () => {
    expect(report.approvalByManager).toEqual([
      {
        managerId: 'm1',
        decided: 3,
        approved: 3,
        rejected: 0,
        medianApprovalHours: 6.5,
        averageApprovalHours: 11.5,
      },
      {
        managerId: 'm2',
        decided: 2,
        approved: 1,
        rejected: 1,
        medianApprovalHours: 6,
        averageApprovalHours: 6,
      },
    ]);
  });

  it('an empty period has no shares and no approval time', () => {
    const empty = analyseDefeats([], { current: NOVEMBER, previous: OCTOBER_30 });
    expect(empty.current).toEqual({
      confirmed: 0,
      rejected: 0,
      pending: 0,
      decided: 0,
      medianApprovalHours: null,
      averageApprovalHours: null,
    });
    expect(empty.byReason).toEqual([]);
  });

  it.each([
    ['confirmed', ['r1', 'r2', 'r3', 'r5']],
    ['rejected', ['r4']],
    ['pending', ['r7']],
    ['decided', ['r1', 'r2', 'r3', 'r4', 'r5']],
  ] as const)('the drill-down of %s lists the requests behind the figure', (metric, ids) => {
    expect(DEFEAT_FIXTURE.filter((r) => isDefeatIn(r, metric, NOVEMBER)).map((r) => r.requestId)).toEqual(
      ids,
    );
  });
});
