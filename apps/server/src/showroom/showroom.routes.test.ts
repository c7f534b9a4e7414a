import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, startTestServer, type TestServer } from '../test-support/test-server';

/** Wednesday 25 November 2026, 14:00 in Shanghai: the desk's "now" in these tests. */
const NOW = new Date('2026-11-25T06:00:00Z');
const HOUR = 3_600_000;
const at = (offsetMinutes: number) => new Date(NOW.getTime() + offsetMinutes * 60_000).toISOString();

/** The server's clock; a test that moves it puts it back. */
let now = NOW;
let t: TestServer;
let reception: ApiClient;
let ids: {
  consultant1: string;
  consultant2: string;
  consultant3: string;
  receptionUser: string;
  seriesHan: string;
  walkIn: string;
  phoneIn: string;
  autohome: string;
  store2Series: string;
};

beforeAll(async () => {
  t = await startTestServer({ clock: { now: () => now } });
  reception = await t.as('reception');
  const [row] = await t.rows<typeof ids>(sql`
    select
      (select id from users where username = 'consultant1') as "consultant1",
      (select id from users where username = 'consultant2') as "consultant2",
      (select id from users where username = 'consultant3') as "consultant3",
      (select id from users where username = 'reception') as "receptionUser",
      (select s.id from catalog_series s join dealers d on d.id = s.dealer_id
        where d.code = 'SH-PD' and s.name = '汉') as "seriesHan",
      (select s.id from lead_sources s join dealers d on d.id = s.dealer_id
        where d.code = 'SH-PD' and s.code = 'walk_in') as "walkIn",
      (select s.id from lead_sources s join dealers d on d.id = s.dealer_id
        where d.code = 'SH-PD' and s.code = 'phone_in') as "phoneIn",
      (select s.id from lead_sources s join dealers d on d.id = s.dealer_id
        where d.code = 'SH-PD' and s.code = 'autohome') as "autohome",
      (select s.id from catalog_series s join dealers d on d.id = s.dealer_id
        where d.code = 'SH-MH' limit 1) as "store2Series"`);
  if (!row) throw new Error('demo data missing');
  ids = row;
});
afterAll(() => t?.close());

const customersWithPhone = (e164: string) =>
  t.rows<{ id: string; owner_id: string; name: string; card_no: string }>(
    sql`select id, owner_id, name, card_no from customers where phone_e164 = ${e164}`,
  );

describe('logging a walk-in who leaves a phone', () => {
  let firstVisit: any;

  it('opens a customer owned by the receiving consultant, a walk-in lead, and a call-back due in 24 h', async () => {
    const res = await reception.post('/api/v1/showroom/visits', {
      kind: 'visit',
      phone: '139 5555 0001',
      name: '王先生',
      gender: 'male',
      partySize: 2,
      consultantId: ids.consultant1,
      seriesId: ids.seriesHan,
    });
    expect(res.status).toBe(201);
    firstVisit = res.body;
    expect(res.body).toMatchObject({
      kind: 'visit',
      arrivedAt: NOW.toISOString(),
      leftAt: null,
      inShowroomNow: true,
      stayMinutes: 0,
      partySize: 2,
      firstVisit: true,
      newCustomer: true,
      leftContact: true,
      callbackDueAt: new Date(NOW.getTime() + 24 * HOUR).toISOString(),
      consultant: { id: ids.consultant1, name: '李娜' },
      series: { id: ids.seriesHan, name: '汉' },
      source: { id: ids.walkIn, nameZh: '展厅来店' },
      // The receptionist does not see phones in full (customers/visibility.ts).
      phone: '139****0001',
    });
    expect(res.body.customer.name).toBe('王先生');
    expect(res.body.customer.cardNo).toMatch(/^A01-26-\d{4}$/);

    const [customer] = await customersWithPhone('+8613955550001');
    expect(customer).toMatchObject({ id: res.body.customer.id, owner_id: ids.consultant1, name: '王先生' });
    const leads = await t.rows<{
      id: string;
      channel: string;
      source_id: string;
      first_contact_due_at: Date;
      visited_at: Date | null;
    }>(
      sql`select id, channel, source_id, first_contact_due_at, visited_at from leads where customer_id = ${customer?.id}`,
    );
    expect(leads).toHaveLength(1);
    expect(leads[0]).toMatchObject({ id: res.body.leadId, channel: 'walk_in', source_id: ids.walkIn });
    // The arrival is the lead's visit milestone in the funnel (customers/lead-milestones.ts).
    expect(new Date(leads[0]?.visited_at ?? 0).toISOString()).toBe(res.body.arrivedAt);
    expect(new Date(leads[0]?.first_contact_due_at ?? 0).toISOString()).toBe(res.body.callbackDueAt);
    const [visit] = await t.rows<{ callback_due_at: Date; logged_by: string; left_contact: boolean }>(
      sql`select callback_due_at, logged_by, left_contact from showroom_visits where id = ${res.body.id}`,
    );
    expect(new Date(visit?.callback_due_at ?? 0).getTime()).toBe(NOW.getTime() + 24 * HOUR);
    expect(visit).toMatchObject({ logged_by: ids.receptionUser, left_contact: true });
  });

  it('recognises the same phone in another spelling as a repeat visit, even before it is submitted', async () => {
    const lookup = await reception.get(
      `/api/v1/showroom/phone-lookup?phone=${encodeURIComponent('+86 139-5555-0001')}`,
    );
    expect(lookup.status).toBe(200);
    expect(lookup.body).toMatchObject({
      known: true,
      firstVisit: false,
      customerId: firstVisit.customer.id,
      customerName: '王先生',
      cardNo: firstVisit.customer.cardNo,
      ownerName: '李娜',
      phone: '139****0001',
      visits: 1,
      phoneIns: 0,
      lastVisitAt: NOW.toISOString(),
    });

    // Half an hour later the visitor comes back.
    now = new Date(at(30));
    const res = await reception
      .post('/api/v1/showroom/visits', { phone: '0086 139 5555 0001', consultantId: ids.consultant2 })
      .finally(() => {
        now = NOW;
      });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      arrivedAt: at(30),
      firstVisit: false,
      newCustomer: false,
      leftContact: true,
      consultant: { id: ids.consultant2 },
      customer: { id: firstVisit.customer.id, name: '王先生' },
    });
    // One customer, still owned by the first consultant; the returning visitor is the same inquiry.
    expect(await customersWithPhone('+8613955550001')).toEqual([
      expect.objectContaining({ id: firstVisit.customer.id, owner_id: ids.consultant1 }),
    ]);
    const [leads] = await t.rows<{ n: number }>(
      sql`select count(*)::int as n from leads where customer_id = ${firstVisit.customer.id}`,
    );
    expect(leads?.n).toBe(1);
    expect(res.body.leadId).toBe(firstVisit.leadId);
  });

  it('tells an unknown phone is a first visit, and refuses a number that cannot be called', async () => {
    const unknown = await reception.get('/api/v1/showroom/phone-lookup?phone=13955550999');
    expect(unknown.status).toBe(200);
    expect(unknown.body).toEqual({
      known: false,
      firstVisit: true,
      phone: '139****0999',
      visits: 0,
      phoneIns: 0,
      lastVisitAt: null,
    });
    const bad = await reception.get('/api/v1/showroom/phone-lookup?phone=12345');
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields.phone).toBeDefined();
  });

  it('keeps the phone of a known customer from another store out of reach', async () => {
    const manager2 = await t.as('manager2');
    const res = await manager2.get('/api/v1/showroom/phone-lookup?phone=13955550001');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ known: false, firstVisit: true, visits: 0 });
    expect(JSON.stringify(res.body)).not.toContain(firstVisit.customer.id);
  });
});

describe('visitors without details and phone-ins', () => {
  it('logs a visitor who leaves no details: no customer, no call-back', async () => {
    const [before] = await t.rows<{ n: number }>(sql`select count(*)::int as n from customers`);
    const res = await reception.post('/api/v1/showroom/visits', {
      consultantId: ids.consultant2,
      partySize: 3,
      name: '戴眼镜的先生',
      note: '只看车',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      kind: 'visit',
      partySize: 3,
      firstVisit: true,
      newCustomer: false,
      leftContact: false,
      callbackDueAt: null,
      customer: null,
      phone: null,
      leadId: null,
      source: { id: ids.walkIn },
      note: '戴眼镜的先生 · 只看车',
    });
    const [after] = await t.rows<{ n: number }>(sql`select count(*)::int as n from customers`);
    expect(after?.n).toBe(before?.n);
  });

  it("takes the receptionist's word for a returning visitor without details", async () => {
    const res = await reception.post('/api/v1/showroom/visits', {
      consultantId: ids.consultant1,
      firstVisit: false,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ firstVisit: false, leftContact: false });
  });

  it('logs a phone-in with its own channel and source; a caller who visited before is a first call', async () => {
    const res = await reception.post('/api/v1/showroom/visits', {
      kind: 'phone_in',
      phone: '13955550001',
      consultantId: ids.consultant1,
      seriesId: ids.seriesHan,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      kind: 'phone_in',
      firstVisit: true,
      newCustomer: false,
      inShowroomNow: false,
      stayMinutes: null,
      source: { id: ids.phoneIn },
      callbackDueAt: new Date(NOW.getTime() + 24 * HOUR).toISOString(),
    });
    // The caller's open inquiry (from the walk-in) takes the call: no second lead.
    const leads = await t.rows<{ channel: string }>(
      sql`select channel from leads where customer_id = ${res.body.customer.id}`,
    );
    expect(leads).toEqual([{ channel: 'walk_in' }]);

    const again = await reception.post('/api/v1/showroom/visits', {
      kind: 'phone_in',
      phone: '139-5555-0001',
      consultantId: ids.consultant1,
      sourceId: ids.autohome,
    });
    expect(again.body).toMatchObject({ kind: 'phone_in', firstVisit: false, source: { id: ids.autohome } });
  });

  it('opens a card for a new caller who gave no name, under a name the consultant corrects later', async () => {
    const res = await reception.post('/api/v1/showroom/visits', {
      kind: 'phone_in',
      phone: '13955550002',
      consultantId: ids.consultant2,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ newCustomer: true, customer: { name: '来电客户' } });
    expect(res.body.customer.cardNo).toMatch(/^A02-26-\d{4}$/);
  });
});

describe('bad arrivals', () => {
  it.each([
    ['a consultant of another store', () => ({ consultantId: ids.consultant3 }), 'consultantId'],
    ['someone who is not a consultant', () => ({ consultantId: ids.receptionUser }), 'consultantId'],
    ['no consultant at all', () => ({}), 'consultantId'],
    ['a phone nobody can call', () => ({ consultantId: ids.consultant1, phone: '12345' }), 'phone'],
    ['an arrival in the future', () => ({ consultantId: ids.consultant1, arrivedAt: at(60) }), 'arrivedAt'],
    ['a party of 21', () => ({ consultantId: ids.consultant1, partySize: 21 }), 'partySize'],
    ['a party of 0', () => ({ consultantId: ids.consultant1, partySize: 0 }), 'partySize'],
    [
      'a series of another store',
      () => ({ consultantId: ids.consultant1, seriesId: ids.store2Series }),
      'seriesId',
    ],
    ['an unknown kind', () => ({ consultantId: ids.consultant1, kind: 'drive_by' }), 'kind'],
  ])('refuses %s with a message next to the field', async (_case, body, field) => {
    const [before] = await t.rows<{ n: number }>(sql`select count(*)::int as n from showroom_visits`);
    const res = await reception.post('/api/v1/showroom/visits', body());
    expect(res.status).toBe(422);
    expect(res.body.error.fields[field], JSON.stringify(res.body)).toEqual(expect.any(String));
    const [after] = await t.rows<{ n: number }>(sql`select count(*)::int as n from showroom_visits`);
    expect(after?.n).toBe(before?.n);
  });

  it('names every field at fault at once', async () => {
    const res = await reception.post('/api/v1/showroom/visits', {
      consultantId: ids.consultant3,
      phone: 'abc1',
      arrivedAt: at(120),
    });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.error.fields).sort()).toEqual(['arrivedAt', 'consultantId', 'phone']);
  });
});

describe('time out and corrections', () => {
  let visit: any;
  beforeAll(async () => {
    visit = (
      await reception.post('/api/v1/showroom/visits', {
        consultantId: ids.consultant1,
        arrivedAt: at(-90),
      })
    ).body;
  });

  it('refuses a time out before the arrival or in the future', async () => {
    const early = await reception.post(`/api/v1/showroom/visits/${visit.id}/depart`, { leftAt: at(-100) });
    expect(early.status).toBe(422);
    expect(early.body.error.fields.leftAt).toMatch(/before the arrival/);
    const later = await reception.post(`/api/v1/showroom/visits/${visit.id}/depart`, { leftAt: at(30) });
    expect(later.status).toBe(422);
  });

  it('logs the time out once; a second click is a conflict', async () => {
    const res = await reception.post(`/api/v1/showroom/visits/${visit.id}/depart`, {});
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ leftAt: NOW.toISOString(), stayMinutes: 90, inShowroomNow: false });
    const again = await reception.post(`/api/v1/showroom/visits/${visit.id}/depart`, {});
    expect(again.status).toBe(409);
    visit = res.body;
  });

  it('has no time out for a phone-in', async () => {
    const call = (
      await reception.post('/api/v1/showroom/visits', { kind: 'phone_in', consultantId: ids.consultant1 })
    ).body;
    const res = await reception.post(`/api/v1/showroom/visits/${call.id}/depart`, {});
    expect(res.status).toBe(422);
  });

  it('corrects party size, consultant, series and note, with optimistic locking', async () => {
    const res = await reception.patch(`/api/v1/showroom/visits/${visit.id}`, {
      version: visit.version,
      partySize: 4,
      consultantId: ids.consultant2,
      seriesId: ids.seriesHan,
      note: '带孩子来看汉',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      partySize: 4,
      consultant: { id: ids.consultant2, name: '张伟' },
      series: { name: '汉' },
      note: '带孩子来看汉',
      version: visit.version + 1,
    });
    const stale = await reception.patch(`/api/v1/showroom/visits/${visit.id}`, {
      version: visit.version,
      partySize: 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale_version');
    const wrong = await reception.patch(`/api/v1/showroom/visits/${visit.id}`, {
      version: res.body.version,
      consultantId: ids.consultant3,
      leftAt: at(-120),
    });
    expect(wrong.status).toBe(422);
    expect(Object.keys(wrong.body.error.fields).sort()).toEqual(['consultantId', 'leftAt']);
  });

  it('puts a visitor marked as left by mistake back on the board', async () => {
    const current = (await reception.get('/api/v1/showroom/visits?view=day')).body.items.find(
      (v: { id: string }) => v.id === visit.id,
    );
    const res = await reception.patch(`/api/v1/showroom/visits/${visit.id}`, {
      version: current.version,
      leftAt: null,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ leftAt: null, inShowroomNow: true, stayMinutes: 90 });
  });

  it('audits the arrival, the time out and the correction', async () => {
    const rows = await t.rows<{ action: string; actor_id: string; before: any; after: any }>(sql`
      select action, actor_id, before, after from audit_log
      where entity = 'showroom_visit' and entity_id = ${visit.id} order by id`);
    expect(rows.map((r) => r.action)).toEqual([
      'showroom_visit.create',
      'showroom_visit.depart',
      'showroom_visit.update',
      'showroom_visit.update',
    ]);
    expect(rows.every((r) => r.actor_id === ids.receptionUser)).toBe(true);
    expect(rows[2]?.before).toMatchObject({ partySize: 1, consultantId: ids.consultant1 });
    expect(rows[2]?.after).toMatchObject({ partySize: 4, consultantId: ids.consultant2 });
    expect(rows[3]?.after).toMatchObject({ leftAt: null });
  });

  it('audits the customer and lead a visit opens, with the request id', async () => {
    const res = await reception.request(
      'POST',
      '/api/v1/showroom/visits',
      { phone: '13955550003', consultantId: ids.consultant1 },
      { 'x-request-id': 'desk-req-0001' },
    );
    expect(res.status).toBe(201);
    const rows = await t.rows<{ action: string; entity_id: string }>(sql`
      select action, entity_id from audit_log where request_id = 'desk-req-0001' order by id`);
    expect(rows).toEqual([
      { action: 'customer.create', entity_id: res.body.customer.id },
      { action: 'lead.create', entity_id: res.body.leadId },
      { action: 'showroom_visit.create', entity_id: res.body.id },
    ]);
  });
});

describe('who may use the desk', () => {
  it('refuses arrivals, time outs and corrections from a consultant (403)', async () => {
    const consultant = await t.as('consultant1');
    const [visit] = await t.rows<{ id: string }>(sql`
      select v.id from showroom_visits v join dealers d on d.id = v.dealer_id where d.code = 'SH-PD' limit 1`);
    expect((await consultant.post('/api/v1/showroom/visits', { consultantId: ids.consultant1 })).status).toBe(
      403,
    );
    expect((await consultant.post(`/api/v1/showroom/visits/${visit?.id}/depart`, {})).status).toBe(403);
    expect((await consultant.patch(`/api/v1/showroom/visits/${visit?.id}`, { version: 0 })).status).toBe(403);
    expect((await consultant.get('/api/v1/showroom/suggested-consultant')).status).toBe(403);
    expect((await consultant.get('/api/v1/showroom/phone-lookup?phone=13955550001')).status).toBe(403);
  });

  it('shows consultants the board read-only, with only their own customers named', async () => {
    const mine = await t.as('consultant1');
    const other = await t.as('consultant2');
    const find = async (client: ApiClient) =>
      (await client.get('/api/v1/showroom/visits?view=now')).body.items.find(
        (v: any) => v.customer?.name === '王先生' || v.phone === '139****0001' || v.phone === '13955550001',
      );
    expect(await find(mine)).toMatchObject({ customer: { name: '王先生' }, phone: '13955550001' });
    const seenByOther = await find(other);
    expect(seenByOther).toMatchObject({
      customer: null,
      leadId: null,
      phone: '139****0001',
      leftContact: true,
    });
  });

  it('keeps the marketing manager and the administrator off the desk', async () => {
    for (const name of ['marketing', 'admin']) {
      const client = await t.as(name);
      expect((await client.get('/api/v1/showroom/visits')).status, name).toBe(403);
    }
  });

  it('lets the sales manager log arrivals too', async () => {
    const manager = await t.as('manager');
    const res = await manager.post('/api/v1/showroom/visits', { consultantId: ids.consultant2 });
    expect(res.status).toBe(201);
  });
});
