import { describe, expect, it } from 'vitest';
import {
  addTallies,
  emptyTrafficTally,
  figuresOfTally,
  partySizes,
  partySizesOfCounts,
  type TrafficVisitRow,
  tallyOfVisit,
  trafficByConsultant,
  trafficByConsultantOfTallies,
  trafficByTime,
  trafficByTimeOfCells,
  trafficCustomers,
  trafficFigures,
} from './traffic';

/**
 * The fixture of apps/server/src/reports/traffic.routes.test.ts: November 2026, Shanghai (UTC+8).
 *
 *      arrived (UTC)       local            kind     cust  cons  party  stay  first  details  closed  graded  ordered
 *   V1 2026-11-02 02:00    Mon 10:00        visit    A     C1    2      60    yes    yes      no      yes     yes
 *   V2 2026-11-02 06:30    Mon 14:30        visit    -     C1    1      30    yes    no       no      no      no
 *   V3 2026-11-07 07:00    Sat 15:00        visit    B     C2    3      90    yes    yes      no      no      no
 *   V4 2026-11-08 03:00    Sun 11:00        visit    A     C1    4      -     no     yes      no      yes     yes
 *   V5 2026-11-30 15:30    Mon 23:30        visit    C     C2    5      -     yes    yes      yes     yes     yes
 *   V6 2026-11-03 01:00    Tue 09:00        phone_in D     C2    1      -     yes    yes      no      no      no
 *
 *   visits 5 (V6 is a phone-in), people 2+1+3+4+5 = 15, first 4 (V1, V2, V3, V5), repeat 1 (V4)
 *   average party 15/5 = 3; average stay (60 + 30 + 90) / 3 = 60 minutes
 *   retention: first visits not closed on the spot = V1, V2, V3 (3); of them with details V1, V3 -> 2/3
 *   valid: details + graded = V1, V4, V5 -> 3/5 = 0.6; ordered: V1, V4, V5 -> 3/5 = 0.6
 */
const at = (iso: string) => new Date(iso);
const visit = (visitId: string, arrivedAt: string, fields: Partial<TrafficVisitRow>): TrafficVisitRow => ({
  visitId,
  kind: 'visit',
  customerId: null,
  consultantId: null,
  arrivedAt: at(arrivedAt),
  leftAt: null,
  partySize: 1,
  firstVisit: true,
  leftContact: false,
  closedOnSpot: false,
  graded: false,
  ordered: false,
  ...fields,
});

const ROWS: TrafficVisitRow[] = [
  visit('V1', '2026-11-02T02:00:00Z', {
    customerId: 'A',
    consultantId: 'C1',
    partySize: 2,
    leftAt: at('2026-11-02T03:00:00Z'),
    leftContact: true,
    graded: true,
    ordered: true,
  }),
  visit('V2', '2026-11-02T06:30:00Z', { consultantId: 'C1', leftAt: at('2026-11-02T07:00:00Z') }),
  visit('V3', '2026-11-07T07:00:00Z', {
    customerId: 'B',
    consultantId: 'C2',
    partySize: 3,
    leftAt: at('2026-11-07T08:30:00Z'),
    leftContact: true,
  }),
  visit('V4', '2026-11-08T03:00:00Z', {
    customerId: 'A',
    consultantId: 'C1',
    partySize: 4,
    firstVisit: false,
    leftContact: true,
    graded: true,
    ordered: true,
  }),
  visit('V5', '2026-11-30T15:30:00Z', {
    customerId: 'C',
    consultantId: 'C2',
    partySize: 5,
    leftContact: true,
    closedOnSpot: true,
    graded: true,
    ordered: true,
  }),
  visit('V6', '2026-11-03T01:00:00Z', {
    kind: 'phone_in',
    customerId: 'D',
    consultantId: 'C2',
    leftContact: true,
  }),
];

describe('showroom traffic figures', () => {
  it('counts the hand-computed fixture', () => {
    expect(trafficFigures(ROWS)).toEqual({
      visits: 5,
      phoneIns: 1,
      people: 15,
      firstVisits: 4,
      repeatVisits: 1,
      leftContact: 4,
      valid: 3,
      ordered: 3,
      averagePartySize: 3,
      averageStayMinutes: 60,
      retentionRate: 0.6667,
      validRate: 0.6,
      visitToOrderRate: 0.6,
    });
  });

  it('has no rates without visits', () => {
    const empty = trafficFigures([]);
    expect([empty.retentionRate, empty.validRate, empty.averageStayMinutes]).toEqual([null, null, null]);
  });

  it("places arrivals on the store's clock: 30 Nov 15:30 UTC is Monday 23:30 in Shanghai", () => {
    const { byHour, byWeekday } = trafficByTime(ROWS, 'Asia/Shanghai');
    expect(byHour[10]).toBe(1);
    expect(byHour[14]).toBe(1);
    expect(byHour[15]).toBe(1);
    expect(byHour[11]).toBe(1);
    expect(byHour[23]).toBe(1);
    expect(byHour[9]).toBe(0); // the phone-in is not a visit
    expect(byHour.reduce((a, b) => a + b, 0)).toBe(5);
    // Monday: V1, V2, V5; Saturday: V3; Sunday: V4.
    expect(byWeekday).toEqual([3, 0, 0, 0, 0, 1, 1]);
    // Read in UTC the same arrivals fall on other hours: V3 at 07:00, V5 at 15:00.
    const utc = trafficByTime(ROWS, 'UTC').byHour;
    expect([utc[7], utc[15], utc[23]]).toEqual([1, 1, 0]);
  });

  it('groups party sizes 1, 2, 3, 4, 5+', () => {
    expect(partySizes(ROWS)).toEqual([1, 1, 1, 1, 1]);
  });

  it('breaks the figures down per duty consultant', () => {
    const rows = trafficByConsultant(ROWS).map((c) => [
      c.key,
      c.figures.visits,
      c.figures.firstVisits,
      c.figures.retentionRate,
      c.figures.ordered,
    ]);
    // C1: V1, V2, V4 (retention V1 of V1, V2 = 0.5); C2: V3, V5 (+ phone-in V6), retention V3 of V3 = 1.
    expect(rows).toEqual([
      ['C1', 3, 2, 0.5, 2],
      ['C2', 2, 2, 1, 1],
    ]);
  });

  it('lists the customers behind a figure, visitors without details left out', () => {
    expect(trafficCustomers(ROWS, 'firstVisits')).toEqual(['A', 'B', 'C']);
    expect(trafficCustomers(ROWS, 'visits', 'C1')).toEqual(['A', 'A']);
    expect(trafficCustomers(ROWS, 'valid')).toEqual(['A', 'A', 'C']);
  });
});

describe('traffic of tallies (what the database counts)', () => {
  it('tallies a visit and a phone-in, and adds tallies up to the figures of their visits', () => {
    const [v1, , , , , v6] = ROWS as [TrafficVisitRow, ...TrafficVisitRow[]];
    expect(tallyOfVisit(v1)).toEqual({
      visits: 1,
      phoneIns: 0,
      people: 2,
      firstVisits: 1,
      leftContact: 1,
      valid: 1,
      ordered: 1,
      stays: 1,
      stayMs: 3_600_000,
      firstOpen: 1,
      firstOpenLeftContact: 1,
    });
    expect(tallyOfVisit(v6 as TrafficVisitRow)).toEqual({ ...emptyTrafficTally(), phoneIns: 1 });
    const c1 = addTallies(ROWS.filter((r) => r.consultantId === 'C1').map(tallyOfVisit));
    const c2 = addTallies(ROWS.filter((r) => r.consultantId === 'C2').map(tallyOfVisit));
    expect(figuresOfTally(addTallies([c1, c2]))).toEqual(trafficFigures(ROWS));
    expect(
      trafficByConsultantOfTallies([
        { key: 'C2', tally: c2 },
        { key: 'C1', tally: c1 },
      ]),
    ).toEqual(trafficByConsultant(ROWS));
  });

  it('averages the stay over the visits with a departure, in minutes to one place', () => {
    // 3 stays of 10, 20 and 21 minutes: 17 minutes on average.
    const tally = { ...emptyTrafficTally(), visits: 4, stays: 3, stayMs: 51 * 60_000 };
    expect(figuresOfTally(tally).averageStayMinutes).toBe(17);
    expect(figuresOfTally({ ...tally, stayMs: 50 * 60_000 }).averageStayMinutes).toBe(16.7);
  });

  it('draws the hours and weekdays, and the party sizes, from counted cells', () => {
    const { byHour, byWeekday } = trafficByTimeOfCells([
      { hour: 10, weekday: 1, visits: 2 },
      { hour: 23, weekday: 1, visits: 1 },
      { hour: 10, weekday: 7, visits: 4 },
    ]);
    expect([byHour[10], byHour[23], byHour.reduce((a, b) => a + b, 0)]).toEqual([6, 1, 7]);
    expect(byWeekday).toEqual([3, 0, 0, 0, 0, 0, 4]);
    // Sizes below 1 count as 1, and 5 or more share the last slot.
    expect(
      partySizesOfCounts([
        { partySize: 0, visits: 1 },
        { partySize: 1, visits: 2 },
        { partySize: 5, visits: 3 },
        { partySize: 9, visits: 1 },
      ]),
    ).toEqual([3, 0, 0, 0, 4]);
  });
});
