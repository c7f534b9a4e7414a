/**
 * Source analysis (issue 6, DOMAIN §6 "leads and cost per source"): per lead source, what happened IN
 * the period (store days), narrowed by the filter:
 * - leads  = leads created in the period, by the lead's source;
 * - visits = showroom visits (kind visit) that arrived in the period, by the source logged on the
 *   visit, else the source of the visit's lead;
 * - orders = live orders (not cancelled) ordered in the period, by the source of the order's lead,
 *   else the customer's source.
 * - cost: only where a campaign records one. The schema has no campaign cost yet (leads carry only a
 *   campaign code), so cost and cost per lead are null ("—") and the report says so.
 * A source never seen in the period is not listed; '' collects events without a source.
 */
import { rate } from './period';

export type SourceEvent = {
  kind: 'lead' | 'visit' | 'order';
  sourceId: string | null;
  customerId: string | null;
};

export type SourceFigures = {
  key: string;
  leads: number;
  visits: number;
  orders: number;
  /** orders / leads of the source in the period. */
  leadToOrderRate: number | null;
  cost: number | null;
  costPerLead: number | null;
};

export const SOURCE_METRICS = ['leads', 'visits', 'orders'] as const;
export type SourceMetric = (typeof SOURCE_METRICS)[number];
export const isSourceMetric = (value: string): value is SourceMetric =>
  (SOURCE_METRICS as readonly string[]).includes(value);

const KIND_OF: Record<SourceMetric, SourceEvent['kind']> = {
  leads: 'lead',
  visits: 'visit',
  orders: 'order',
};

/**
 * What the database counts for the analysis: how many events of one kind a source has in the period
 * ('' = no source). Several tallies of the same kind and key add up.
 */
export type SourceTally = { kind: SourceEvent['kind']; key: string; count: number };

const FIELD_OF: Record<SourceEvent['kind'], SourceMetric> = {
  lead: 'leads',
  visit: 'visits',
  order: 'orders',
};

/** Per source, most leads first (then most orders, then by key); the totals as key '*'. */
export const sourceAnalysisOfTallies = (
  tallies: readonly SourceTally[],
): { total: SourceFigures; sources: SourceFigures[] } => {
  const bySource = new Map<string, Record<SourceMetric, number>>();
  const total = { leads: 0, visits: 0, orders: 0 };
  for (const { kind, key, count } of tallies) {
    const counts = bySource.get(key) ?? { leads: 0, visits: 0, orders: 0 };
    counts[FIELD_OF[kind]] += count;
    total[FIELD_OF[kind]] += count;
    bySource.set(key, counts);
  }
  const figures = (key: string, c: Record<SourceMetric, number>): SourceFigures => ({
    key,
    ...c,
    leadToOrderRate: rate(c.orders, c.leads),
    cost: null,
    costPerLead: null,
  });
  return {
    total: figures('*', total),
    sources: [...bySource]
      .map(([key, c]) => figures(key, c))
      .sort((a, b) => b.leads - a.leads || b.orders - a.orders || a.key.localeCompare(b.key)),
  };
};

/** sourceAnalysisOfTallies of single events: each one a tally of one. */
export const sourceAnalysis = (events: readonly SourceEvent[]): ReturnType<typeof sourceAnalysisOfTallies> =>
  sourceAnalysisOfTallies(events.map((e) => ({ kind: e.kind, key: e.sourceId ?? '', count: 1 })));

/** The customers behind a figure of one source (or of all, without a key). */
export const sourceCustomers = (
  events: readonly SourceEvent[],
  metric: SourceMetric,
  key?: string,
): string[] =>
  events
    .filter((e) => e.kind === KIND_OF[metric] && (key === undefined || (e.sourceId ?? '') === key))
    .flatMap((e) => (e.customerId ? [e.customerId] : []));
