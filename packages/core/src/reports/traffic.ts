/**
 * Showroom traffic (issue 6, DOMAIN §3 展厅接待): the showroom visits that ARRIVED in the period (store
 * days), narrowed by the filter (consultant = the receiving consultant, source / series as logged on the
 * visit, campaign = the campaign of the visit's lead).
 *
 * - visits: logged arrivals of kind `visit`; phone-ins (kind `phone_in`) are counted apart and take part
 *   in nothing else. people = the sum of party sizes.
 * - by hour of day (0-23) and weekday (1 = Monday .. 7 = Sunday): of the arrival, on the store's clock.
 * - first / repeat: the visit's `first_visit` flag as the reception log decided it.
 * - party size: visits of 1, 2, 3, 4 and 5+ people; average party size = people / visits.
 * - average stay: minutes from arrival to departure, over the visits with a departure logged.
 * - information retention rate (信息留存率) = first-time visitors who left contact details / first-time
 *   visitors not closed on the spot (both counted among first visits not closed on the spot).
 * - valid-customer rate = visits whose visitor left details AND whose customer has an intention level
 *   (graded O/H/A/B/C when the report is asked for) / visits.
 * - visit-to-order rate = visits whose customer has a live order (not cancelled) ordered at or after the
 *   arrival / visits.
 * - per duty consultant: the same figures over the visits that consultant received ('' = nobody).
 */
import { rate, storeClockOf } from './period';

export type TrafficVisitRow = {
  visitId: string;
  kind: 'visit' | 'phone_in';
  customerId: string | null;
  consultantId: string | null;
  arrivedAt: Date;
  leftAt: Date | null;
  partySize: number;
  firstVisit: boolean;
  leftContact: boolean;
  closedOnSpot: boolean;
  /** The customer has an intention level now. */
  graded: boolean;
  /** The customer ordered (live order) at or after this arrival. */
  ordered: boolean;
};

export type TrafficFigures = {
  visits: number;
  phoneIns: number;
  people: number;
  firstVisits: number;
  repeatVisits: number;
  leftContact: number;
  valid: number;
  ordered: number;
  averagePartySize: number | null;
  averageStayMinutes: number | null;
  retentionRate: number | null;
  validRate: number | null;
  visitToOrderRate: number | null;
};

export const TRAFFIC_METRICS = [
  'visits',
  'firstVisits',
  'repeatVisits',
  'leftContact',
  'valid',
  'ordered',
] as const;
export type TrafficMetric = (typeof TRAFFIC_METRICS)[number];

export const isTrafficMetric = (value: string): value is TrafficMetric =>
  (TRAFFIC_METRICS as readonly string[]).includes(value);

/** Whether a visit counts for a drill-down figure. */
export const countsFor = (row: TrafficVisitRow, metric: TrafficMetric): boolean => {
  if (row.kind !== 'visit') return false;
  switch (metric) {
    case 'visits':
      return true;
    case 'firstVisits':
      return row.firstVisit;
    case 'repeatVisits':
      return !row.firstVisit;
    case 'leftContact':
      return row.leftContact;
    case 'valid':
      return row.leftContact && row.graded;
    case 'ordered':
      return row.ordered;
  }
};

const round1 = (value: number) => Math.round(value * 10) / 10;

export const trafficFigures = (rows: readonly TrafficVisitRow[]): TrafficFigures => {
  const visits = rows.filter((r) => r.kind === 'visit');
  const count = (metric: TrafficMetric) => visits.filter((r) => countsFor(r, metric)).length;
  const people = visits.reduce((sum, r) => sum + r.partySize, 0);
  const stays = visits.filter((r) => r.leftAt !== null && r.leftAt >= r.arrivedAt);
  const stayMinutes = stays.reduce(
    (sum, r) => sum + ((r.leftAt as Date).getTime() - r.arrivedAt.getTime()) / 60_000,
    0,
  );
  const firstOpen = visits.filter((r) => r.firstVisit && !r.closedOnSpot);
  return {
    visits: visits.length,
    phoneIns: rows.length - visits.length,
    people,
    firstVisits: count('firstVisits'),
    repeatVisits: count('repeatVisits'),
    leftContact: count('leftContact'),
    valid: count('valid'),
    ordered: count('ordered'),
    averagePartySize: visits.length ? round1(people / visits.length) : null,
    averageStayMinutes: stays.length ? round1(stayMinutes / stays.length) : null,
    retentionRate: rate(firstOpen.filter((r) => r.leftContact).length, firstOpen.length),
    validRate: rate(count('valid'), visits.length),
    visitToOrderRate: rate(count('ordered'), visits.length),
  };
};

/** Visits (kind visit) by hour of arrival (24 slots) and weekday (7 slots, Monday first), store clock. */
export const trafficByTime = (rows: readonly TrafficVisitRow[], timeZone: string) => {
  const byHour = Array.from({ length: 24 }, () => 0);
  const byWeekday = Array.from({ length: 7 }, () => 0);
  for (const row of rows) {
    if (row.kind !== 'visit') continue;
    const { hour, weekday } = storeClockOf(row.arrivedAt, timeZone);
    byHour[hour] = (byHour[hour] ?? 0) + 1;
    byWeekday[weekday - 1] = (byWeekday[weekday - 1] ?? 0) + 1;
  }
  return { byHour, byWeekday };
};

/** Visits by party size: 1, 2, 3, 4, 5 or more. */
export const partySizes = (rows: readonly TrafficVisitRow[]): number[] => {
  const sizes = [0, 0, 0, 0, 0];
  for (const row of rows) {
    if (row.kind !== 'visit') continue;
    const slot = Math.min(Math.max(row.partySize, 1), 5) - 1;
    sizes[slot] = (sizes[slot] ?? 0) + 1;
  }
  return sizes;
};

/** The figures per receiving consultant ('' = no consultant), most visits first. */
export const trafficByConsultant = (rows: readonly TrafficVisitRow[]) => {
  const byKey = new Map<string, TrafficVisitRow[]>();
  for (const row of rows) {
    const key = row.consultantId ?? '';
    const list = byKey.get(key);
    if (list) list.push(row);
    else byKey.set(key, [row]);
  }
  return [...byKey]
    .map(([key, list]) => ({ key, figures: trafficFigures(list) }))
    .sort((a, b) => b.figures.visits - a.figures.visits || a.key.localeCompare(b.key));
};

/** The customers behind a figure (visitors without details have no card and cannot be listed). */
export const trafficCustomers = (
  rows: readonly TrafficVisitRow[],
  metric: TrafficMetric,
  consultantKey?: string,
): string[] =>
  rows
    .filter(
      (r) =>
        countsFor(r, metric) && (consultantKey === undefined || (r.consultantId ?? '') === consultantKey),
    )
    .flatMap((r) => (r.customerId ? [r.customerId] : []));
