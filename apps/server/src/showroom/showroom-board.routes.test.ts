import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, startTestServer, type TestServer } from '../test-support/test-server';

/**
 * The board and the day's log follow the store's calendar (Asia/Shanghai), not UTC's: the clock here
 * starts at 23:45 in Shanghai, which is 15:45 UTC of the same date, and then passes midnight.
 */
const EVENING = new Date('2026-11-25T15:45:00Z');
let now = EVENING;
let t: TestServer;
let reception: ApiClient;
let consultant1: string;
let consultant2: string;

const minutesAfter = (base: Date, minutes: number) => new Date(base.getTime() + minutes * 60_000);
const itemIds = (body: { items: { id: string }[] }) => body.items.map((v) => v.id);

beforeAll(async () => {
  t = await startTestServer({ clock: { now: () => now } });
  reception = await t.as('reception');
  const [row] = await t.rows<{ c1: string; c2: string }>(sql`
    select (select id from users where username = 'consultant1') as c1,
           (select id from users where username = 'consultant2') as c2`);
  if (!row) throw new Error('demo data missing');
  consultant1 = row.c1;
  consultant2 = row.c2;
});
afterAll(() => t?.close());

describe("the store's day across midnight UTC", () => {
  let lateVisit: { id: string };
  let lateCall: { id: string };
  let afterMidnight: { id: string };

  it('puts a visit at 23:30 Shanghai time (15:30 UTC) on that day and on its board', async () => {
    lateVisit = (
      await reception.post('/api/v1/showroom/visits', {
        consultantId: consultant1,
        arrivedAt: '2026-11-25T23:30:00+08:00',
        partySize: 2,
      })
    ).body;
    lateCall = (
      await reception.post('/api/v1/showroom/visits', {
        kind: 'phone_in',
        consultantId: consultant2,
        arrivedAt: '2026-11-25T15:40:00Z',
      })
    ).body;
    const board = await reception.get('/api/v1/showroom/visits?view=now');
    expect(board.status).toBe(200);
    expect(board.body).toMatchObject({ view: 'now', date: '2026-11-25', timeZone: 'Asia/Shanghai' });
    // A phone call is logged but nobody is in the showroom for it.
    expect(itemIds(board.body)).toContain(lateVisit.id);
    expect(itemIds(board.body)).not.toContain(lateCall.id);
    expect(board.body.items.find((v: { id: string }) => v.id === lateVisit.id)).toMatchObject({
      stayMinutes: 15,
      inShowroomNow: true,
      consultant: { name: '李娜' },
    });

    const day = await reception.get('/api/v1/showroom/visits?view=day&date=2026-11-25');
    expect(itemIds(day.body)).toEqual(expect.arrayContaining([lateVisit.id, lateCall.id]));
    const next = await reception.get('/api/v1/showroom/visits?view=day&date=2026-11-26');
    expect(itemIds(next.body)).not.toContain(lateVisit.id);
    const calls = await reception.get('/api/v1/showroom/visits?view=day&date=2026-11-25&kind=phone_in');
    expect(calls.body.items.every((v: { kind: string }) => v.kind === 'phone_in')).toBe(true);
    expect(itemIds(calls.body)).toContain(lateCall.id);
  });

  it('starts a fresh board after midnight in Shanghai, though UTC is still on the 25th', async () => {
    now = new Date('2026-11-25T16:10:00Z');
    reception = await t.as('reception');
    afterMidnight = (
      await reception.post('/api/v1/showroom/visits', {
        consultantId: consultant2,
        arrivedAt: '2026-11-25T16:05:00Z',
      })
    ).body;
    const board = await reception.get('/api/v1/showroom/visits?view=now');
    expect(board.body.date).toBe('2026-11-26');
    expect(itemIds(board.body)).toEqual([afterMidnight.id]);
    const today = await reception.get('/api/v1/showroom/visits');
    expect(today.body).toMatchObject({ view: 'day', date: '2026-11-26' });
    expect(itemIds(today.body)).toEqual([afterMidnight.id]);
    const yesterday = await reception.get('/api/v1/showroom/visits?view=day&date=2026-11-25');
    expect(itemIds(yesterday.body)).toContain(lateVisit.id);
    expect(itemIds(yesterday.body)).not.toContain(afterMidnight.id);
    // Yesterday's visitor whose time out was never logged: no stay can be computed.
    expect(yesterday.body.items.find((v: { id: string }) => v.id === lateVisit.id)).toMatchObject({
      inShowroomNow: false,
      stayMinutes: null,
    });
  });

  it("counts the day's traffic and its information retention rate", async () => {
    const res = await reception.get('/api/v1/showroom/visits?view=day&date=2026-11-26');
    expect(res.body.summary).toEqual({
      visits: 1,
      phoneIns: 0,
      people: 1,
      firstVisits: 1,
      leftContact: 0,
      inShowroomNow: 1,
      retentionRate: 0,
    });
  });

  it('refuses a day that is not in the calendar', async () => {
    const res = await reception.get('/api/v1/showroom/visits?view=day&date=2026-02-30');
    expect(res.status).toBe(422);
    expect(res.body.error.fields.date).toBeDefined();
  });
});

describe('the fair rotation', () => {
  type Figures = { id: string; receptionsToday: number; busy: boolean; lastReceptionAt: string | null };
  const suggestion = async () => {
    const res = await reception.get('/api/v1/showroom/suggested-consultant');
    expect(res.status).toBe(200);
    return res.body as {
      consultantId: string;
      name: string;
      reason: string;
      consultants: Figures[];
    };
  };

  it('offers the free consultant with the fewest receptions, then the next one, then whoever is free again', async () => {
    // A new morning in Shanghai: 09:00 on the 27th.
    now = new Date('2026-11-27T01:00:00Z');
    reception = await t.as('reception');
    const morning = await suggestion();
    expect(morning.consultants.map((c) => c.id).sort()).toEqual([consultant1, consultant2].sort());
    expect(morning.consultants.every((c) => c.receptionsToday === 0 && !c.busy)).toBe(true);
    expect(morning.reason).toBe('no_reception_today');
    const first = morning.consultantId;
    const other = first === consultant1 ? consultant2 : consultant1;

    const visitA = (await reception.post('/api/v1/showroom/visits', { consultantId: first })).body;
    now = minutesAfter(now, 5);
    const second = await suggestion();
    expect(second).toMatchObject({ consultantId: other, reason: 'no_reception_today' });
    expect(second.consultants.find((c) => c.id === first)).toMatchObject({
      receptionsToday: 1,
      busy: true,
      lastReceptionAt: visitA.arrivedAt,
    });

    await reception.post('/api/v1/showroom/visits', { consultantId: other });
    now = minutesAfter(now, 5);
    // Both are with a visitor: the one who received first has waited longest.
    expect(await suggestion()).toMatchObject({ consultantId: first, reason: 'everyone_busy' });

    await reception.post(`/api/v1/showroom/visits/${visitA.id}/depart`, {});
    now = minutesAfter(now, 5);
    const third = await suggestion();
    expect(third).toMatchObject({ consultantId: first, reason: 'fewest_receptions' });
    expect(third.name).toBe(first === consultant1 ? '李娜' : '张伟');
  });

  it('offers only consultants on duty, but lists every active one', async () => {
    await t.rows(sql`update users set on_duty = false where id = ${consultant1}`);
    try {
      const res = await suggestion();
      expect(res.consultantId).toBe(consultant2);
      expect(res.reason).toBe('only_one_on_duty');
      expect(res.consultants.find((c) => c.id === consultant1)).toMatchObject({ onDuty: false });
    } finally {
      await t.rows(sql`update users set on_duty = true where id = ${consultant1}`);
    }
  });

  it('offers the form the series and active sources of the store, with the defaults', async () => {
    const res = await reception.get('/api/v1/showroom/options');
    expect(res.status).toBe(200);
    expect(res.body.series.map((s: { name: string }) => s.name)).toEqual(
      expect.arrayContaining(['秦PLUS', '宋PLUS', '汉', '唐', '海豹']),
    );
    const walkIn = res.body.sources.find((s: { code: string }) => s.code === 'walk_in');
    const phoneIn = res.body.sources.find((s: { code: string }) => s.code === 'phone_in');
    expect(res.body.defaultSourceIds).toEqual({ visit: walkIn.id, phone_in: phoneIn.id });
  });
});
