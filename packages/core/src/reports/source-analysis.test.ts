import { describe, expect, it } from 'vitest';
import {
  type SourceEvent,
  type SourceTally,
  sourceAnalysis,
  sourceAnalysisOfTallies,
  sourceCustomers,
} from './source-analysis';

/**
 * Hand-counted (the HTTP test of traffic.routes.test.ts writes the same events for sources S1, S2):
 *   S1: leads of A, B, C; visit of A; orders of A and B          -> 3 / 1 / 2, lead-to-order 2/3
 *   S2: lead of D; visits of D and E (E has no lead)             -> 1 / 2 / 0, lead-to-order 0
 *   no source: one visit of a visitor without details              -> 0 / 1 / 0, no rate
 */
const e = (kind: SourceEvent['kind'], sourceId: string | null, customerId: string | null): SourceEvent => ({
  kind,
  sourceId,
  customerId,
});
const EVENTS: SourceEvent[] = [
  e('lead', 'S1', 'A'),
  e('lead', 'S1', 'B'),
  e('lead', 'S1', 'C'),
  e('visit', 'S1', 'A'),
  e('order', 'S1', 'A'),
  e('order', 'S1', 'B'),
  e('lead', 'S2', 'D'),
  e('visit', 'S2', 'D'),
  e('visit', 'S2', 'E'),
  e('visit', null, null),
];

describe('source analysis', () => {
  it('counts leads, visits and orders per source, with no cost where no campaign gives one', () => {
    const { total, sources } = sourceAnalysis(EVENTS);
    expect(total).toEqual({
      key: '*',
      leads: 4,
      visits: 4,
      orders: 2,
      leadToOrderRate: 0.5,
      cost: null,
      costPerLead: null,
    });
    expect(sources.map((s) => [s.key, s.leads, s.visits, s.orders, s.leadToOrderRate, s.cost])).toEqual([
      ['S1', 3, 1, 2, 0.6667, null],
      ['S2', 1, 2, 0, 0, null],
      ['', 0, 1, 0, null, null],
    ]);
  });

  it('lists the customers behind a figure', () => {
    expect(sourceCustomers(EVENTS, 'orders', 'S1')).toEqual(['A', 'B']);
    expect(sourceCustomers(EVENTS, 'visits')).toEqual(['A', 'D', 'E']);
    expect(sourceCustomers(EVENTS, 'leads', 'S2')).toEqual(['D']);
  });

  it('is empty without events', () => {
    expect(sourceAnalysis([]).sources).toEqual([]);
    expect(sourceAnalysis([]).total.leadToOrderRate).toBeNull();
  });

  it('counts the same from tallies as the database groups them, summing tallies of one source and kind', () => {
    // The events above, as (kind, source, count); S1's leads arrive in two tallies (2 + 1).
    const tallies: SourceTally[] = [
      { kind: 'lead', key: 'S1', count: 2 },
      { kind: 'lead', key: 'S1', count: 1 },
      { kind: 'visit', key: 'S1', count: 1 },
      { kind: 'order', key: 'S1', count: 2 },
      { kind: 'lead', key: 'S2', count: 1 },
      { kind: 'visit', key: 'S2', count: 2 },
      { kind: 'visit', key: '', count: 1 },
    ];
    expect(sourceAnalysisOfTallies(tallies)).toEqual(sourceAnalysis(EVENTS));
    expect(sourceAnalysisOfTallies(tallies).total).toMatchObject({ leads: 4, visits: 4, orders: 2 });
  });

  it('orders sources by leads, then orders, then key; no source ranks by its figures like any other', () => {
    const t = (kind: SourceTally['kind'], key: string, count: number): SourceTally => ({ kind, key, count });
    // source   leads orders  rank
    // M          5     0     1 (most leads)
    // B          2     3     2 (ties with A and '' on leads, most orders)
    // ''         2     1     3 (ties with A on both: '' sorts first)
    // A          2     1     4
    // Z          0     4     5 (orders without leads: no rate of leads)
    const { sources } = sourceAnalysisOfTallies([
      t('order', 'Z', 4),
      t('lead', 'A', 2),
      t('order', 'A', 1),
      t('lead', '', 2),
      t('order', '', 1),
      t('lead', 'B', 2),
      t('order', 'B', 3),
      t('lead', 'M', 5),
    ]);
    expect(sources.map((s) => [s.key, s.leads, s.orders, s.leadToOrderRate])).toEqual([
      ['M', 5, 0, 0],
      ['B', 2, 3, 1.5],
      ['', 2, 1, 0.5],
      ['A', 2, 1, 0.5],
      ['Z', 0, 4, null],
    ]);
  });

  it('is empty without tallies', () => {
    expect(sourceAnalysisOfTallies([])).toEqual(sourceAnalysis([]));
    expect(sourceAnalysisOfTallies([]).total).toMatchObject({ leads: 0, visits: 0, orders: 0 });
  });
});
