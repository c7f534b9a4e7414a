import { describe, expect, it } from 'vitest';
import { type SourceEvent, sourceAnalysis, sourceCustomers } from './source-analysis';

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
});
