import { describe, expect, it } from 'vitest';
import { type ActivityEvent, type ActivityKind, dailyActivity } from './daily-activity';

/** 25 Nov 2026 in Shanghai = [2026-11-24T16:00Z, 2026-11-25T16:00Z). */
const ev = (kind: ActivityKind, consultantId: string, iso: string): ActivityEvent => ({
  kind,
  consultantId,
  at: new Date(iso),
});

export const DAY_FIXTURE: ActivityEvent[] = [
  // c1: 2 visits, 3 calls, 1 invitation, 1 arrival, 1 test drive, 1 order, 1 new prospect = 10
  ev('visit', 'c1', '2026-11-25T01:00:00Z'),
  ev('visit', 'c1', '2026-11-24T16:05:00Z'), // 00:05 on the 25th in Shanghai
  ev('call', 'c1', '2026-11-25T02:00:00Z'),
  ev('call', 'c1', '2026-11-25T03:00:00Z'),
  ev('call', 'c1', '2026-11-25T15:59:00Z'), // 23:59 on the 25th
  ev('invitation', 'c1', '2026-11-25T04:00:00Z'),
  ev('arrival', 'c1', '2026-11-25T05:00:00Z'),
  ev('test_drive', 'c1', '2026-11-25T06:00:00Z'),
  ev('order', 'c1', '2026-11-25T07:00:00Z'),
  ev('new_prospect', 'c1', '2026-11-25T01:00:00Z'),
  // c2: 1 call, 1 defeat = 2
  ev('call', 'c2', '2026-11-25T02:30:00Z'),
  ev('defeat', 'c2', '2026-11-25T08:00:00Z'),
  // not the 25th in Shanghai although the 25th (or 24th) in UTC
  ev('call', 'c1', '2026-11-25T16:00:00Z'), // 00:00 on the 26th
  ev('visit', 'c2', '2026-11-24T15:59:00Z'), // 23:59 on the 24th
  // someone not on the report
  ev('order', 'x9', '2026-11-25T07:00:00Z'),
];

describe('the daily activity report', () => {
  const report = dailyActivity(
    DAY_FIXTURE,
    { from: '2026-11-25', to: '2026-11-25', timeZone: 'Asia/Shanghai' },
    ['c1', 'c2', 'c3'],
  );

  it('counts each consultant by the store day', () => {
    expect(report.rows.map((r) => [r.consultantId, r.total])).toEqual([
      ['c1', 10],
      ['c2', 2],
      ['c3', 0],
    ]);
    expect(report.rows[0]?.counts).toEqual({
      new_prospect: 1,
      visit: 2,
      call: 3,
      invitation: 1,
      arrival: 1,
      test_drive: 1,
      order: 1,
      defeat: 0,
    });
    expect(report.rows[1]?.counts).toMatchObject({ call: 1, defeat: 1, visit: 0 });
  });

  it('adds the consultants up for the store', () => {
    expect(report.total).toEqual({
      new_prospect: 1,
      visit: 2,
      call: 4,
      invitation: 1,
      arrival: 1,
      test_drive: 1,
      order: 1,
      defeat: 1,
    });
    expect(report.totalAll).toBe(12);
  });

  it('the next day picks up what fell after midnight in Shanghai', () => {
    const next = dailyActivity(
      DAY_FIXTURE,
      { from: '2026-11-26', to: '2026-11-26', timeZone: 'Asia/Shanghai' },
      ['c1', 'c2'],
    );
    expect(next.rows.map((r) => r.total)).toEqual([1, 0]);
    const before = dailyActivity(
      DAY_FIXTURE,
      { from: '2026-11-24', to: '2026-11-24', timeZone: 'Asia/Shanghai' },
      ['c1', 'c2'],
    );
    expect(before.rows.map((r) => r.counts.visit)).toEqual([0, 1]);
  });

  it('the same instants in UTC make other days', () => {
    const utc = dailyActivity(DAY_FIXTURE, { from: '2026-11-25', to: '2026-11-25', timeZone: 'UTC' }, [
      'c1',
      'c2',
    ]);
    // c1 loses the 16:05Z visit of the 24th and gains the 16:00Z call of the 25th
    expect(utc.rows[0]?.counts).toMatchObject({ visit: 1, call: 4 });
  });

  it('several days add up: 24th to 26th holds every event of c1 and c2', () => {
    const three = dailyActivity(
      DAY_FIXTURE,
      { from: '2026-11-24', to: '2026-11-26', timeZone: 'Asia/Shanghai' },
      ['c1', 'c2'],
    );
    // c1: 10 on the 25th + 1 call on the 26th; c2: 2 on the 25th + 1 visit on the 24th
    expect(three.rows.map((r) => r.total)).toEqual([11, 3]);
    expect(three.totalAll).toBe(14);
  });
});
