import { describe, expect, it } from 'vitest';
import {
  countFunnel,
  countTallies,
  type FunnelLeadRow,
  funnelBreakdown,
  funnelBucketFor,
  funnelCustomers,
  funnelTallyBreakdown,
  stepConversion,
} from './funnel';

/**
 * The fixture the HTTP test (apps/server/src/reports/funnel.routes.test.ts) writes into the database,
 * as the rows its SQL must return. November 2026 in Shanghai (UTC+8), sources S1/S2, consultants C1/C2.
 *
 *        created (UTC)          local day   src  owner  series  contacted visited drive ordered delivered  furthest
 *   L1   2026-11-03 02:00       11-03       S1   C1     X       yes       yes     yes   yes     yes        delivered
 *   L2   2026-11-10 02:00       11-10       S1   C1     X       yes       yes     -     yes     -          ordered
 *   L3   2026-11-15 02:00       11-15       S2   C2     Y       yes       -       -     -       -          contacted
 *   L4   2026-10-31 16:30       11-01 00:30 S2   C2     -       -         yes     -     -       -          visited (walk-in)
 *   L5   2026-11-30 15:30       11-30 23:30 S1   C2     X       -         -       -     -       -          leads
 *
 *   counts: leads 5, contacted 4 (L1-L4), visited 3 (L1, L2, L4), test drive 2 (L1, L2: L2 ordered
 *   without a drive, a later step counts the earlier ones), ordered 2, delivered 1.
 *   conversion: 4/5 = 0.8, 3/4 = 0.75, 2/3 = 0.6667, 2/2 = 1, 1/2 = 0.5.
 * The previous period (2 Oct - 31 Oct): P1 (10-20, S1, C1, contacted + visited), P2 (2026-10-31 15:30 UTC
 * = 31 Oct 23:30 local, S2, nothing): leads 2, contacted 1, visited 1, the rest 0.
 */
const at = (iso: string) => new Date(iso);
const row = (
  leadId: string,
  createdAt: string,
  sourceId: string,
  ownerId: string,
  seriesId: string | null,
  events: Partial<
    Pick<FunnelLeadRow, 'contactedAt' | 'visitedAt' | 'testDrivenAt' | 'orderedAt' | 'deliveredAt'>
  >,
): FunnelLeadRow => ({
  leadId,
  customerId: `cust-${leadId}`,
  createdAt: at(createdAt),
  sourceId,
  ownerId,
  seriesId,
  contactedAt: null,
  visitedAt: null,
  testDrivenAt: null,
  orderedAt: null,
  deliveredAt: null,
  ...events,
});

const NOVEMBER: FunnelLeadRow[] = [
  row('L1', '2026-11-03T02:00:00Z', 'S1', 'C1', 'X', {
    contactedAt: at('2026-11-03T03:00:00Z'),
    visitedAt: at('2026-11-05T02:00:00Z'),
    testDrivenAt: at('2026-11-05T03:00:00Z'),
    orderedAt: at('2026-11-06T02:00:00Z'),
    deliveredAt: at('2026-12-02T02:00:00Z'),
  }),
  row('L2', '2026-11-10T02:00:00Z', 'S1', 'C1', 'X', {
    contactedAt: at('2026-11-10T05:00:00Z'),
    visitedAt: at('2026-11-12T02:00:00Z'),
    orderedAt: at('2026-11-12T04:00:00Z'),
  }),
  row('L3', '2026-11-15T02:00:00Z', 'S2', 'C2', 'Y', { contactedAt: at('2026-11-15T09:00:00Z') }),
  row('L4', '2026-10-31T16:30:00Z', 'S2', 'C2', null, { visitedAt: at('2026-10-31T16:30:00Z') }),
  row('L5', '2026-11-30T15:30:00Z', 'S1', 'C2', 'X', {}),
];

const OCTOBER: FunnelLeadRow[] = [
  row('P1', '2026-10-20T02:00:00Z', 'S1', 'C1', 'X', {
    contactedAt: at('2026-10-20T04:00:00Z'),
    visitedAt: at('2026-10-22T02:00:00Z'),
  }),
  row('P2', '2026-10-31T15:30:00Z', 'S2', 'C2', null, {}),
];

const ZONE = 'Asia/Shanghai';

describe('the sales funnel of a cohort', () => {
  it('counts each step for the leads that reached it or a later step', () => {
    expect(countFunnel(NOVEMBER)).toEqual({
      leads: 5,
      contacted: 4,
      visited: 3,
      testDrive: 2,
      ordered: 2,
      delivered: 1,
    });
    expect(countFunnel(OCTOBER)).toEqual({
      leads: 2,
      contacted: 1,
      visited: 1,
      testDrive: 0,
      ordered: 0,
      delivered: 0,
    });
  });

  it('converts step by step, null where the step before is empty', () => {
    expect(stepConversion(countFunnel(NOVEMBER))).toEqual({
      leads: null,
      contacted: 0.8,
      visited: 0.75,
      testDrive: 0.6667,
      ordered: 1,
      delivered: 0.5,
    });
    expect(stepConversion(countFunnel(OCTOBER))).toEqual({
      leads: null,
      contacted: 0.5,
      visited: 1,
      testDrive: 0,
      ordered: null,
      delivered: null,
    });
  });

  it('is empty, not broken, without leads', () => {
    expect(countFunnel([]).leads).toBe(0);
    expect(stepConversion(countFunnel([])).contacted).toBeNull();
  });
});

describe('the funnel broken down', () => {
  it.each([
    [
      'source',
      [
        ['S1', [3, 2, 2, 2, 2, 1]],
        ['S2', [2, 2, 1, 0, 0, 0]],
      ],
    ],
    [
      'consultant',
      [
        ['C2', [3, 2, 1, 0, 0, 0]],
        ['C1', [2, 2, 2, 2, 2, 1]],
      ],
    ],
    [
      'series',
      [
        ['X', [3, 2, 2, 2, 2, 1]],
        ['', [1, 1, 1, 0, 0, 0]],
        ['Y', [1, 1, 0, 0, 0, 0]],
      ],
    ],
    // By the store's day: L4 (31 Oct 16:30 UTC) is 1 Nov in Shanghai, L5 (30 Nov 15:30 UTC) still 30 Nov.
    [
      'period',
      [
        ['2026-11-01', [1, 1, 1, 0, 0, 0]],
        ['2026-11-03', [1, 1, 1, 1, 1, 1]],
        ['2026-11-10', [1, 1, 1, 1, 1, 0]],
        ['2026-11-15', [1, 1, 0, 0, 0, 0]],
        ['2026-11-30', [1, 0, 0, 0, 0, 0]],
      ],
    ],
  ] as const)('by %s', (groupBy, expected) => {
    const groups = funnelBreakdown(NOVEMBER, groupBy, ZONE, 'day');
    expect(
      groups.map((g) => [
        g.key,
        [
          g.counts.leads,
          g.counts.contacted,
          g.counts.visited,
          g.counts.testDrive,
          g.counts.ordered,
          g.counts.delivered,
        ],
      ]),
    ).toEqual(expected);
  });

  it('buckets by week from Monday and by month for longer periods', () => {
    expect(funnelBucketFor(30)).toBe('day');
    expect(funnelBucketFor(31)).toBe('day');
    expect(funnelBucketFor(90)).toBe('week');
    expect(funnelBucketFor(365)).toBe('month');
    const weeks = funnelBreakdown(NOVEMBER, 'period', ZONE, 'week').map((g) => [g.key, g.counts.leads]);
    // 1 Nov 2026 is a Sunday (week of 26 Oct); 3 Nov week of 2 Nov; 10 Nov of 9 Nov; 15 Nov (Sunday) of 9 Nov.
    expect(weeks).toEqual([
      ['2026-10-26', 1],
      ['2026-11-02', 1],
      ['2026-11-09', 2],
      ['2026-11-30', 1],
    ]);
    expect(funnelBreakdown(NOVEMBER, 'period', ZONE, 'month').map((g) => [g.key, g.counts.leads])).toEqual([
      ['2026-11', 5],
    ]);
  });
});

describe('the funnel of tallies (what the database counts)', () => {
  it('counts a tally at its furthest step and every step before it', () => {
    // NOVEMBER as the database tallies it: one lead each at delivered (5), ordered (4), contacted (1),
    // visited (2) and leads (0).
    const tallies = [
      { key: 'S1', furthest: 5, leads: 1 },
      { key: 'S1', furthest: 4, leads: 1 },
      { key: 'S2', furthest: 1, leads: 1 },
      { key: 'S2', furthest: 2, leads: 1 },
      { key: 'S1', furthest: 0, leads: 1 },
    ];
    expect(countTallies(tallies)).toEqual(countFunnel(NOVEMBER));
    expect(countTallies([{ key: '', furthest: 2, leads: 3 }])).toEqual({
      leads: 3,
      contacted: 3,
      visited: 3,
      testDrive: 0,
      ordered: 0,
      delivered: 0,
    });
  });

  it('buckets the store days of a period breakdown into weeks and months', () => {
    const days = [
      { key: '2026-11-01', furthest: 2, leads: 1 },
      { key: '2026-11-03', furthest: 5, leads: 1 },
      { key: '2026-11-10', furthest: 4, leads: 1 },
      { key: '2026-11-15', furthest: 1, leads: 2 },
      { key: '2026-11-30', furthest: 0, leads: 1 },
    ];
    expect(funnelTallyBreakdown(days, 'period', 'week').map((g) => [g.key, g.counts.leads])).toEqual([
      ['2026-10-26', 1],
      ['2026-11-02', 1],
      ['2026-11-09', 3],
      ['2026-11-30', 1],
    ]);
    const [month] = funnelTallyBreakdown(days, 'period', 'month');
    expect(month?.key).toBe('2026-11');
    expect(month?.counts).toEqual({
      leads: 6,
      contacted: 5,
      visited: 3,
      testDrive: 2,
      ordered: 2,
      delivered: 1,
    });
  });
});

describe('the customers behind a figure', () => {
  it('lists the leads at the step, of one group when asked', () => {
    expect(funnelCustomers(NOVEMBER, 'visited')).toEqual(['cust-L1', 'cust-L2', 'cust-L4']);
    expect(funnelCustomers(NOVEMBER, 'testDrive')).toEqual(['cust-L1', 'cust-L2']);
    expect(
      funnelCustomers(NOVEMBER, 'contacted', {
        groupBy: 'consultant',
        key: 'C2',
        timeZone: ZONE,
        bucket: 'day',
      }),
    ).toEqual(['cust-L3', 'cust-L4']);
  });
});
