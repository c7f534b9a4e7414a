import { describe, expect, it } from 'vitest';
import { emptyKpiTally } from './kpi';
import { planLine } from './monthly-plan';
import { emptyLevelCounts, type LedgerSummary } from './progress-ledger';

describe('a line of the monthly plan', () => {
  const ledger: LedgerSummary = {
    opening: { ...emptyLevelCounts(), A: 1, B: 2, C: 1 },
    openingTotal: 4,
    new: 2,
    upgraded: 2,
    downgraded: 1,
    sold: 1,
    defeated: 1,
    closing: { ...emptyLevelCounts(), H: 1, A: 1, B: 2 },
    carried: 4,
  };
  const tally = {
    ...emptyKpiTally(),
    leads: 3,
    visits: 2,
    orders: 2,
    deliveries: 1,
    callback_24h_rate: { part: 1, whole: 3 },
  };

  it('puts the month-end prospects by level beside the count targets and their attainment', () => {
    const line = planLine('c1', ledger, tally, { orders: 4, deliveries: 2, callback_24h_rate: 0.9 });
    expect(line).toMatchObject({
      consultantId: 'c1',
      prospects: { O: 0, H: 1, A: 1, B: 2, C: 0, none: 0 },
      carried: 4,
      new: 2,
      sold: 1,
      defeated: 1,
    });
    // rates belong to the KPI dashboard, not the plan
    expect(line.figures.map((f) => [f.metric, f.actual, f.target, f.attainment])).toEqual([
      ['leads', 3, null, null],
      ['visits', 2, null, null],
      ['test_drives', 0, null, null],
      ['orders', 2, 4, 0.5],
      ['deliveries', 1, 2, 0.5],
    ]);
  });

  it('copies the counts, so a later change to the ledger does not move the plan', () => {
    const line = planLine(null, ledger, tally, {});
    ledger.closing.B = 9;
    expect(line.prospects.B).toBe(2);
  });
});
