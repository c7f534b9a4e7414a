import { describe, expect, it } from 'vitest';
import type { CallbackRow, TaskRow } from './follow-up-compliance';
import {
  addKpiTallies,
  attainmentOf,
  isValidTarget,
  type KpiEvent,
  type KpiRows,
  kpiFigures,
  type RetentionVisit,
  rollUpTargets,
  tallyKpis,
} from './kpi';
import { storeMonthBounds } from './store-month';

/** November 2026 in Shanghai: [2026-10-31T16:00Z, 2026-11-30T16:00Z); every figure recounted below. */
const at = (iso: string) => new Date(iso);
const e = (metric: KpiEvent['metric'], consultantId: string | null, iso: string): KpiEvent => ({
  metric,
  consultantId,
  at: at(iso),
});
const visit = (
  consultantId: string | null,
  iso: string,
  firstVisit: boolean,
  leftContact: boolean,
  closedOnSpot = false,
): RetentionVisit => ({ consultantId, arrivedAt: at(iso), firstVisit, leftContact, closedOnSpot });
const callback = (userId: string, due: string, contacted: string | null): CallbackRow => ({
  kind: 'lead',
  leadId: `l-${due}`,
  customerId: `c-${due}`,
  userId,
  dueAt: at(due),
  contactedAt: contacted ? at(contacted) : null,
});
const task = (
  assigneeId: string,
  due: string,
  status: TaskRow['status'],
  done: string | null = null,
): TaskRow => ({
  taskId: `t-${due}`,
  leadId: null,
  customerId: null,
  assigneeId,
  dueAt: at(due),
  status,
  doneAt: done ? at(done) : null,
});

export const KPI_FIXTURE: KpiRows = {
  events: [
    // leads: c1 3 (one at 00:30 on 1 Nov in Shanghai), c2 1, nobody's 1 = store 5
    e('leads', 'c1', '2026-11-03T02:00:00Z'),
    e('leads', 'c1', '2026-11-04T02:00:00Z'),
    e('leads', 'c1', '2026-10-31T16:30:00Z'),
    e('leads', 'c1', '2026-10-31T15:30:00Z'), // 23:30 on 31 Oct: October's
    e('leads', 'c2', '2026-11-05T02:00:00Z'),
    e('leads', null, '2026-11-06T02:00:00Z'),
    // visits: every showroom arrival below: c1 4, c2 1, nobody's 1 = 6
    e('visits', 'c1', '2026-11-03T02:00:00Z'),
    e('visits', 'c1', '2026-11-08T02:00:00Z'),
    e('visits', 'c1', '2026-11-09T02:00:00Z'),
    e('visits', 'c1', '2026-11-10T02:00:00Z'),
    e('visits', 'c2', '2026-11-09T02:00:00Z'),
    e('visits', null, '2026-11-11T02:00:00Z'),
    e('test_drives', 'c1', '2026-11-08T03:00:00Z'),
    // orders: c1 2, c2 1 = 3 (c2's of 1 Dec 00:10 Shanghai is December's)
    e('orders', 'c1', '2026-11-10T02:00:00Z'),
    e('orders', 'c1', '2026-11-30T15:50:00Z'),
    e('orders', 'c2', '2026-11-12T02:00:00Z'),
    e('orders', 'c2', '2026-11-30T16:10:00Z'),
    e('deliveries', 'c1', '2026-11-25T02:00:00Z'),
  ],
  visits: [
    visit('c1', '2026-11-03T02:00:00Z', true, true), // counted, left details
    visit('c1', '2026-11-08T02:00:00Z', true, false), // counted, left none
    visit('c1', '2026-11-09T02:00:00Z', true, true, true), // closed on the spot: not counted
    visit('c1', '2026-11-10T02:00:00Z', false, true), // repeat visit: not counted
    visit('c2', '2026-11-09T02:00:00Z', true, true), // counted, left details
    visit(null, '2026-11-11T02:00:00Z', true, false), // nobody received: the store's only
  ],
  callbacks: [
    callback('c1', '2026-11-10T02:00:00Z', '2026-11-09T02:00:00Z'), // met
    callback('c1', '2026-11-12T02:00:00Z', '2026-11-13T02:00:00Z'), // late
    callback('c1', '2026-11-20T02:00:00Z', null), // never made, due passed: missed
    callback('c2', '2026-11-06T02:00:00Z', '2026-11-05T03:00:00Z'), // met
    callback('c1', '2026-12-03T02:00:00Z', null), // due in December
  ],
  tasks: [
    task('c1', '2026-11-03T09:00:00Z', 'done', '2026-11-03T08:00:00Z'), // on time
    task('c1', '2026-11-04T09:00:00Z', 'done', '2026-11-06T08:00:00Z'), // late
    task('c1', '2026-11-08T09:00:00Z', 'cancelled'), // superseded: not counted
    task('c2', '2026-11-09T09:00:00Z', 'open'), // still open after its due time: late
    task('c2', '2026-11-15T09:00:00Z', 'done', '2026-11-15T09:00:00Z'), // on time (at its due time)
  ],
};

const nov = storeMonthBounds('2026-11', 'Asia/Shanghai');
const afterNovember = at('2026-12-05T00:00:00Z');

describe('the KPI tallies of November', () => {
  const { store, consultants } = tallyKpis(KPI_FIXTURE, nov, afterNovember, ['c1', 'c2', 'c3']);

  it('counts the store: everything, whoever it belongs to', () => {
    expect(store).toEqual({
      leads: 5,
      visits: 6,
      test_drives: 1,
      orders: 3,
      deliveries: 1,
      info_retention_rate: { part: 2, whole: 4 },
      callback_24h_rate: { part: 2, whole: 4 },
      on_time_follow_up_rate: { part: 2, whole: 4 },
    });
  });

  it('counts each consultant: their own', () => {
    expect(consultants.get('c1')).toEqual({
      leads: 3,
      visits: 4,
      test_drives: 1,
      orders: 2,
      deliveries: 1,
      info_retention_rate: { part: 1, whole: 2 },
      callback_24h_rate: { part: 1, whole: 3 },
      on_time_follow_up_rate: { part: 1, whole: 2 },
    });
    expect(consultants.get('c2')).toMatchObject({
      leads: 1,
      orders: 1,
      info_retention_rate: { part: 1, whole: 1 },
      callback_24h_rate: { part: 1, whole: 1 },
      on_time_follow_up_rate: { part: 1, whole: 2 },
    });
    expect(consultants.get('c3')).toMatchObject({ leads: 0, callback_24h_rate: { part: 0, whole: 0 } });
  });

  it('a month still running counts up to now', () => {
    const mid = tallyKpis(KPI_FIXTURE, nov, at('2026-11-09T00:00:00Z'), ['c1']);
    // leads 3 Nov, 4 Nov, 1 Nov 00:30; nobody's of 6 Nov; c2's of 5 Nov
    expect(mid.store.leads).toBe(5);
    expect(mid.store.orders).toBe(0);
    // visits: c1's of 3 and 8 Nov; c2's of 9 Nov 02:00 is after now
    expect(mid.consultants.get('c1')?.visits).toBe(2);
    expect(mid.store.visits).toBe(2);
    // tasks due so far: c1 3 Nov on time, 4 Nov late (8 Nov cancelled); c2 9 Nov 09:00 is after now
    expect(mid.store.on_time_follow_up_rate).toEqual({ part: 1, whole: 2 });
  });
});

describe('figures against targets', () => {
  const c1 = tallyKpis(KPI_FIXTURE, nov, afterNovember, ['c1']).consultants.get('c1');
  it('gives the actual, the target and the attainment of each metric', () => {
    const figures = kpiFigures(c1 ?? addKpiTallies([]), {
      leads: 4,
      visits: 0,
      orders: 2,
      info_retention_rate: 0.8,
      callback_24h_rate: 0.9,
    });
    expect(figures.map((f) => [f.metric, f.actual, f.target, f.attainment])).toEqual([
      ['leads', 3, 4, 0.75],
      ['visits', 4, 0, null],
      ['test_drives', 1, null, null],
      ['orders', 2, 2, 1],
      ['deliveries', 1, null, null],
      ['info_retention_rate', 0.5, 0.8, 0.625],
      // 1/3 = 0.3333; 0.3333 / 0.9 = 0.37033 -> 0.3703
      ['callback_24h_rate', 0.3333, 0.9, 0.3703],
      ['on_time_follow_up_rate', 0.5, null, null],
    ]);
    expect(figures.find((f) => f.metric === 'callback_24h_rate')?.ratio).toEqual({ part: 1, whole: 3 });
  });

  it.each([
    [3, 4, 0.75],
    [5, 4, 1.25],
    [null, 0.9, null],
    [3, null, null],
    [3, 0, null],
  ])('attainment of %s against %s is %s', (actual, target, attainment) => {
    expect(attainmentOf(actual, target)).toBe(attainment);
  });
});

describe('the group roll-up', () => {
  it('adds tallies (rates from added parts) and targets (rate targets averaged)', () => {
    const a = tallyKpis(KPI_FIXTURE, nov, afterNovember, []).store;
    const total = addKpiTallies([a, a]);
    expect(total).toMatchObject({ leads: 10, orders: 6, callback_24h_rate: { part: 4, whole: 8 } });
    expect(
      rollUpTargets([
        { orders: 10, callback_24h_rate: 0.8 },
        { orders: 5, callback_24h_rate: 0.9, leads: 20 },
        {},
      ]),
    ).toEqual({ orders: 15, callback_24h_rate: 0.85, leads: 20 });
  });
});

describe('valid targets', () => {
  it.each([
    ['orders', 12, true],
    ['orders', 0, true],
    ['orders', 2.5, false],
    ['orders', -1, false],
    ['callback_24h_rate', 0.95, true],
    ['callback_24h_rate', 1, true],
    ['callback_24h_rate', 95, false],
  ] as const)('%s = %s: %s', (metric, value, ok) => {
    expect(isValidTarget(metric, value)).toBe(ok);
  });
});
