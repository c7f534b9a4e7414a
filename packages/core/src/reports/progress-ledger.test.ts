import { describe, expect, it } from 'vitest';
import type { Level } from '../leads/grading';
import {
  addSummaries,
  isUpgrade,
  type LedgerLead,
  ledgerRowsFor,
  levelAt,
  progressLedgers,
} from './progress-ledger';
import { storeMonthBounds } from './store-month';

/**
 * November 2026 in Shanghai: [2026-10-31T16:00Z, 2026-11-30T16:00Z). Consultant c1's leads, recounted
 * by hand in the table below each fixture.
 */
const at = (iso: string) => new Date(iso);
const change = (iso: string, from: Level | null, to: Level) => ({ at: at(iso), from, to });
const lead = (over: Partial<LedgerLead> & Pick<LedgerLead, 'leadId' | 'createdAt'>): LedgerLead => ({
  customerId: `cust-${over.leadId}`,
  customerName: over.leadId,
  consultantId: 'c1',
  level: null,
  changes: [],
  soldAt: null,
  defeatedAt: null,
  ...over,
});

export const NOVEMBER_FIXTURE: LedgerLead[] = [
  // L1: carried in at C, C->B and B->A this month (2 up), still open at A.
  lead({
    leadId: 'L1',
    createdAt: at('2026-10-05T02:00:00Z'),
    level: 'A',
    changes: [
      change('2026-11-20T02:00:00Z', 'B', 'A'),
      change('2026-10-05T02:00:00Z', null, 'C'),
      change('2026-11-03T02:00:00Z', 'C', 'B'),
    ],
  }),
  // L2: carried in at B (no change ever recorded), sold on 15 Nov: struck out.
  lead({
    leadId: 'L2',
    createdAt: at('2026-10-10T02:00:00Z'),
    level: 'B',
    soldAt: at('2026-11-15T03:00:00Z'),
  }),
  // L3: new on 2 Nov, graded H at once (a first grading is neither up nor down), open.
  lead({
    leadId: 'L3',
    createdAt: at('2026-11-02T02:00:00Z'),
    level: 'H',
    changes: [change('2026-11-02T02:00:00Z', null, 'H')],
  }),
  // L4: defeated in October: struck out then, not on November's ledger.
  lead({
    leadId: 'L4',
    createdAt: at('2026-09-01T02:00:00Z'),
    level: 'C',
    defeatedAt: at('2026-10-20T02:00:00Z'),
  }),
  // L5: carried in at A (the `from` of its first change), A->C (1 down), defeated 30 Nov 23:30 Shanghai.
  lead({
    leadId: 'L5',
    createdAt: at('2026-10-01T02:00:00Z'),
    level: 'C',
    changes: [change('2026-11-10T02:00:00Z', 'A', 'C')],
    defeatedAt: at('2026-11-30T15:30:00Z'),
  }),
  // L6: created 1 Dec 00:30 Shanghai (still 30 Nov in UTC): not November's.
  lead({ leadId: 'L6', createdAt: at('2026-11-30T16:30:00Z'), level: 'B' }),
  // L7: created 1 Nov 00:10 Shanghai (31 Oct in UTC): new in November, open at B.
  lead({ leadId: 'L7', createdAt: at('2026-10-31T16:10:00Z'), level: 'B' }),
  // L8: carried in at B, ordered on 2 Dec (B->O then): open at B at November's end.
  lead({
    leadId: 'L8',
    createdAt: at('2026-10-15T02:00:00Z'),
    level: 'O',
    changes: [change('2026-12-02T02:00:00Z', 'B', 'O')],
    soldAt: at('2026-12-02T02:00:00Z'),
  }),
  // L9: consultant c2's, new and never graded.
  lead({ leadId: 'L9', consultantId: 'c2', createdAt: at('2026-11-05T02:00:00Z') }),
];

const nov = storeMonthBounds('2026-11', 'Asia/Shanghai');

describe('the level of a lead at an instant', () => {
  const l1 = NOVEMBER_FIXTURE[0] as LedgerLead;
  it.each([
    ['before its first change: its `from`', '2026-10-01T00:00:00Z', null],
    ['at its first change', '2026-10-05T02:00:00Z', 'C'],
    ['between changes', '2026-11-10T00:00:00Z', 'B'],
    ['after the last', '2026-12-01T00:00:00Z', 'A'],
  ])('%s', (_name, instant, level) => {
    expect(levelAt(l1, at(instant))).toBe(level);
  });
  it('a lead without changes has its current level', () => {
    expect(levelAt({ level: 'B', changes: [] }, at('2020-01-01T00:00:00Z'))).toBe('B');
  });
});

describe('up and down', () => {
  it.each([
    ['C', 'B', true],
    ['H', 'O', true],
    ['A', 'C', false],
    ['O', 'B', false],
    [null, 'H', null],
    ['B', 'B', null],
  ] as const)('%s -> %s: %s', (from, to, up) => {
    expect(isUpgrade({ from, to })).toBe(up);
  });
});

describe("November's progress table", () => {
  const [c1, c2, c3] = progressLedgers(NOVEMBER_FIXTURE, { start: nov.start, asOf: nov.end }, [
    'c1',
    'c2',
    'c3',
  ]);

  it('lists the leads open at some time in the month, open ones first by level, struck ones last', () => {
    expect(c1?.rows.map((r) => [r.leadId, r.levelAtStart, r.levelAsOf, r.result, r.struck])).toEqual([
      ['L3', null, 'H', null, false],
      ['L1', 'C', 'A', null, false],
      ['L7', null, 'B', null, false],
      ['L8', 'B', 'B', null, false],
      ['L2', 'B', 'B', 'sold', true],
      ['L5', 'A', 'C', 'defeated', true],
    ]);
    expect(c1?.rows.find((r) => r.leadId === 'L1')?.changes.map((c) => `${c.from}->${c.to}`)).toEqual([
      'C->B',
      'B->A',
    ]);
  });

  it('counts opening, new, changes, results and the roll-over by hand', () => {
    expect(c1?.summary).toEqual({
      // L1 C, L2 B, L5 A, L8 B
      opening: { O: 0, H: 0, A: 1, B: 2, C: 1, none: 0 },
      openingTotal: 4,
      // L3, L7
      new: 2,
      // L1 C->B, B->A
      upgraded: 2,
      // L5 A->C
      downgraded: 1,
      sold: 1,
      defeated: 1,
      // L1 A, L3 H, L7 B, L8 B: 4 + 2 = 4 carried + 1 sold + 1 defeated
      closing: { O: 0, H: 1, A: 1, B: 2, C: 0, none: 0 },
      carried: 4,
    });
  });

  it('gives an empty ledger to a consultant without leads, and adds the store up', () => {
    expect(c2?.summary).toMatchObject({ new: 1, carried: 1, closing: { none: 1 } });
    expect(c3?.rows).toEqual([]);
    expect(c3?.summary.carried).toBe(0);
    const store = addSummaries([c1, c2, c3].map((l) => l?.summary ?? addSummaries([])));
    expect(store).toMatchObject({ openingTotal: 4, new: 3, sold: 1, defeated: 1, carried: 5 });
    expect(store.closing).toEqual({ O: 0, H: 1, A: 1, B: 2, C: 0, none: 1 });
  });

  it('a month still running stands now: results and changes after now are not there yet', () => {
    const [mid] = progressLedgers(NOVEMBER_FIXTURE, { start: nov.start, asOf: at('2026-11-16T00:00:00Z') }, [
      'c1',
    ]);
    expect(mid?.summary).toMatchObject({
      upgraded: 1,
      downgraded: 1,
      sold: 1,
      defeated: 0,
      // L1 B, L3 H, L5 C, L7 B, L8 B
      closing: { O: 0, H: 1, A: 0, B: 3, C: 1, none: 0 },
      carried: 5,
    });
  });

  it("December's ledger starts with November's carried leads: struck ones are gone", () => {
    const dec = storeMonthBounds('2026-12', 'Asia/Shanghai');
    const [d1] = progressLedgers(NOVEMBER_FIXTURE, { start: dec.start, asOf: dec.end }, ['c1']);
    // Carried from November: L1 A, L3 H, L7 B, L8 B; new in December: L6 (1 Dec 00:30 Shanghai).
    expect(d1?.summary.opening).toEqual({ O: 0, H: 1, A: 1, B: 2, C: 0, none: 0 });
    expect(d1?.summary).toMatchObject({ new: 1, sold: 1, upgraded: 1, carried: 4 });
    expect(d1?.rows.map((r) => r.leadId).sort()).toEqual(['L1', 'L3', 'L6', 'L7', 'L8']);
  });

  it.each([
    ['opening', undefined, ['L1', 'L8', 'L2', 'L5']],
    ['opening', 'B', ['L8', 'L2']],
    ['new', undefined, ['L3', 'L7']],
    ['upgraded', undefined, ['L1']],
    ['downgraded', undefined, ['L5']],
    ['sold', undefined, ['L2']],
    ['defeated', undefined, ['L5']],
    ['carried', undefined, ['L3', 'L1', 'L7', 'L8']],
    ['carried', 'B', ['L7', 'L8']],
  ] as const)('the rows behind %s (level %s) are %j', (metric, level, ids) => {
    expect(ledgerRowsFor(c1?.rows ?? [], metric, level).map((r) => r.leadId)).toEqual(ids);
  });
});
