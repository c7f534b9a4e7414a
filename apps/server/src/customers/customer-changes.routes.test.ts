import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, startTestServer, type TestServer } from '../test-support/test-server';

/** Opening, editing, merging and promoting customers over HTTP, on the demo store SH-PD. */

let t: TestServer;
let dealerId: string;
let users: Record<string, string>;
let sources: Record<string, string>;
let seriesId: string;
let manager: ApiClient;
let consultant1: ApiClient;
let consultant2: ApiClient;

beforeAll(async () => {
  t = await startTestServer();
  const [store] = await t.rows<{ id: string }>(sql`select id from dealers where code = 'SH-PD'`);
  dealerId = store?.id ?? '';
  const userRows = await t.rows<{ username: string; id: string }>(
    sql`select username, id from users where dealer_id = ${dealerId}`,
  );
  users = Object.fromEntries(userRows.map((r) => [r.username, r.id]));
  const sourceRows = await t.rows<{ code: string; id: string }>(
    sql`select code, id from lead_sources where dealer_id = ${dealerId}`,
  );
  sources = Object.fromEntries(sourceRows.map((r) => [r.code, r.id]));
  const [series] = await t.rows<{ id: string }>(
    sql`select id from catalog_series where dealer_id = ${dealerId} and name = '汉'`,
  );
  seriesId = series?.id ?? '';
  manager = await t.as('manager');
  consultant1 = await t.as('consultant1');
  consultant2 = await t.as('consultant2');
});
afterAll(() => t?.close());

const counts = async () => {
  const [row] = await t.rows<{ customers: number; leads: number }>(sql`
    select (select count(*)::int from customers where dealer_id = ${dealerId}) as customers,
           (select count(*)::int from leads where dealer_id = ${dealerId}) as leads`);
  return row;
};

const newCustomer = (phone: string, extra: Record<string, unknown> = {}) => ({
  name: '钱先生',
  phone,
  gender: 'male',
  region: '浦东新区',
  budgetMin: 150_000,
  budgetMax: 200_000,
  paymentIntent: 'loan',
  lead: { sourceId: sources.walk_in_natural, seriesId, level: 'B', horizon: 'm2_3', note: '看了汉 EV' },
  ...extra,
});

describe('opening a customer card', () => {
  it('opens a card owned by the consultant who made it, with its first inquiry, and audits it', async () => {
    const res = await consultant1.post('/api/v1/customers', newCustomer('139 2001 0001'));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      cardNo: expect.stringMatching(/^A01-\d{2}-\d{4}$/),
      name: '钱先生',
      phone: '13920010001',
      phoneE164: '+8613920010001',
      ownerId: users.consultant1,
      ownerName: '李娜',
      level: 'B',
      leadCount: 1,
      status: 'open',
      source: { code: 'walk_in_natural' },
      latestSeries: { id: seriesId, name: '汉' },
    });
    expect(res.body.leads).toEqual([
      expect.objectContaining({
        level: 'B',
        horizon: 'm2_3',
        status: 'open',
        ownerId: users.consultant1,
        source: expect.objectContaining({ code: 'walk_in_natural' }),
        series: expect.objectContaining({ name: '汉' }),
        channel: 'walk_in',
      }),
    ]);
    const audit = await t.rows<{ action: string }>(
      sql`select action from audit_log where entity = 'customer' and entity_id = ${res.body.id}`,
    );
    expect(audit.map((a) => a.action)).toEqual(['customer.create']);
  });

  it('lets a manager name the owner, and refuses an owner who cannot follow customers up', async () => {
    const res = await manager.post(
      '/api/v1/customers',
      newCustomer('139 2001 0002', { ownerId: users.consultant2 }),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ ownerId: users.consultant2, cardNo: expect.stringMatching(/^A02-/) });
    const pool = await manager.post('/api/v1/customers', newCustomer('139 2001 0003'));
    expect(pool.body).toMatchObject({ ownerId: null, cardNo: expect.stringMatching(/^Z99-/) });
    const wrong = await manager.post(
      '/api/v1/customers',
      newCustomer('139 2001 0004', { ownerId: users.reception }),
    );
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.fields.ownerId).toMatch(/consultant/);
  });

  it('answers 409 naming the customer and its owner for a known phone in any spelling, and stores nothing', async () => {
    const before = await counts();
    for (const spelling of [
      '13920010001',
      '+86 139-2001-0001',
      '0086 139 2001 0001',
      '１３９２００１０００１',
    ]) {
      const res = await consultant2.post('/api/v1/customers', newCustomer(spelling, { name: '钱某' }));
      expect(res.status, spelling).toBe(409);
      expect(res.body.error).toMatchObject({
        code: 'duplicate_customer',
        message: expect.stringMatching(/^This phone belongs to 钱先生 \(A01-\d{2}-\d{4}\), owned by 李娜\.$/),
        details: {
          name: '钱先生',
          ownerId: users.consultant1,
          ownerName: '李娜',
          cardNo: expect.any(String),
        },
      });
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses a phone it cannot read, a source or series not of the store, with field messages', async () => {
    const bad = await consultant1.post('/api/v1/customers', newCustomer('12345'));
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields.phone).toMatch(/mobile number/);
    const none = await consultant1.post('/api/v1/customers', newCustomer(''));
    expect(none.body.error.fields.phone).toBe('Enter the phone number.');
    const noSource = await consultant1.post('/api/v1/customers', {
      ...newCustomer('139 2001 0005'),
      lead: { sourceId: '01a04451-89cb-7d03-9d84-000000000000' },
    });
    expect(noSource.status).toBe(422);
    expect(noSource.body.error.fields['lead.sourceId']).toMatch(/where the lead came from/);
    const budget = await consultant1.post(
      '/api/v1/customers',
      newCustomer('139 2001 0006', { budgetMin: 3, budgetMax: 2 }),
    );
    expect(budget.body.error.fields.budgetMax).toMatch(/upper budget/);
    // A source of another store is no source of this one.
    const manager2 = await t.as('manager2');
    const otherStore = await manager2.post('/api/v1/customers', newCustomer('139 2001 0007'));
    expect(otherStore.status).toBe(422);
    expect(otherStore.body.error.fields['lead.sourceId']).toBeDefined();
    expect(await t.rows(sql`select id from customers where phone_e164 = '+8613920010007'`)).toEqual([]);
  });

  it('adds the inquiry to the existing customer instead, for its owner', async () => {
    const [existing] = await t.rows<{ id: string }>(
      sql`select id from customers where phone_e164 = '+8613920010001'`,
    );
    const res = await consultant2.post(`/api/v1/customers/${existing?.id}/leads`, {
      sourceId: sources.autohome,
      seriesId,
      horizon: 'm1',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toEqual({
      customerId: existing?.id,
      leadId: expect.any(String),
      ownerId: users.consultant1,
    });
    const card = await consultant1.get(`/api/v1/customers/${existing?.id}`);
    expect(card.body.leadCount).toBe(2);
    expect(card.body.leads[0]).toMatchObject({ id: res.body.leadId, channel: 'online', horizon: 'm1' });
  });
});

describe('editing a card', () => {
  it('changes fields with the version read, audits before and after, and refuses a stale version', async () => {
    const created = (await consultant1.post('/api/v1/customers', newCustomer('139 2001 0010'))).body;
    const res = await consultant1.patch(`/api/v1/customers/${created.id}`, {
      version: created.version,
      name: '钱伟',
      address: '世纪大道100号',
      otherPhones: [{ phone: '021-6234 5678', label: '工作' }],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      name: '钱伟',
      address: '世纪大道100号',
      otherPhones: [{ phone: '021 6234 5678', phoneE164: '+862162345678', label: '工作' }],
      version: created.version + 1,
    });
    const stale = await consultant1.patch(`/api/v1/customers/${created.id}`, {
      version: created.version,
      name: '旧',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale_version');
    const [audit] = await t.rows<{ before: unknown; after: unknown }>(sql`
      select before, after from audit_log where entity_id = ${created.id} and action = 'customer.update'`);
    expect(audit?.before).toMatchObject({ name: '钱先生', address: null });
    expect(audit?.after).toMatchObject({ name: '钱伟', address: '世纪大道100号' });
  });

  it("refuses a phone another customer has, and finds a customer by a further number's exact spelling", async () => {
    const created = (await consultant1.post('/api/v1/customers', newCustomer('139 2001 0011'))).body;
    const taken = await consultant1.patch(`/api/v1/customers/${created.id}`, {
      version: created.version,
      phone: '+86 139 2001 0002',
    });
    expect(taken.status).toBe(409);
    expect(taken.body.error).toMatchObject({ code: 'duplicate_customer', details: { ownerName: '张伟' } });
    const byOther = await manager.get(`/api/v1/customers?q=${encodeURIComponent('021 6234 5678')}`);
    expect(byOther.body.items.map((i: { name: string }) => i.name)).toEqual(['钱伟']);
    const dupOther = await manager.post('/api/v1/customers', newCustomer('02162345678'));
    expect(dupOther.status).toBe(409);
    expect(dupOther.body.error.details.name).toBe('钱伟');
  });
});

describe('merging customers and fleet customers', () => {
  const open = async (phone: string, owner = consultant1) =>
    (await owner.post('/api/v1/customers', newCustomer(phone))).body;

  it('refuses fleet customers and customers with orders, with the reasons', async () => {
    const plain = await open('139 2001 0020');
    const [withOrder] = await t.rows<{ id: string; name: string }>(
      sql`select c.id, c.name from customers c where c.dealer_id = ${dealerId} and c.fleet = false
          and exists (select 1 from orders o where o.customer_id = c.id) limit 1`,
    );
    const [fleet] = await t.rows<{ id: string; name: string }>(
      sql`select id, name from customers where dealer_id = ${dealerId} and fleet limit 1`,
    );
    const res = await manager.post('/api/v1/customers/merge', {
      survivorId: plain.id,
      customerIds: [plain.id, withOrder?.id, fleet?.id],
    });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toContain(`${withOrder?.name} has orders and cannot be merged.`);
    expect(res.body.error.message).toContain(`${fleet?.name} is a fleet customer and cannot be merged.`);
    const consultant = await consultant1.post('/api/v1/customers/merge', {
      survivorId: plain.id,
      customerIds: [plain.id, plain.id],
    });
    expect(consultant.status).toBe(403);
  });

  it('moves every lead, visit and follow-up to the kept customer; the other drops out of lists and search', async () => {
    const kept = await open('139 2001 0030');
    const gone = await open('139 2001 0031', consultant2);
    await consultant2.patch(`/api/v1/customers/${gone.id}`, { version: gone.version, occupation: '教师' });
    const [lead] = await t.rows<{ id: string }>(sql`select id from leads where customer_id = ${gone.id}`);
    await t.rows(sql`insert into follow_ups (id, dealer_id, lead_id, customer_id, user_id, channel, content, result, occurred_at)
      values (gen_random_uuid(), ${dealerId}, ${lead?.id}, ${gone.id}, ${users.consultant2}, 'phone', '电话回访', '有意向', now())`);
    await t.rows(sql`insert into showroom_visits (id, dealer_id, customer_id, lead_id, arrived_at, first_visit, left_contact, consultant_id)
      values (gen_random_uuid(), ${dealerId}, ${gone.id}, ${lead?.id}, now(), true, true, ${users.consultant2})`);
    // A visit of the merged customer without a lead, after the kept customer's lead was opened.
    const [keptLead] = await t.rows<{ id: string }>(sql`select id from leads where customer_id = ${kept.id}`);
    const [leadless] = await t.rows<{ arrived_at: string }>(sql`insert into showroom_visits
      (id, dealer_id, customer_id, arrived_at, first_visit, left_contact, consultant_id)
      values (gen_random_uuid(), ${dealerId}, ${gone.id}, now() + interval '1 minute', false, true, ${users.consultant2})
      returning arrived_at::text`);

    const res = await manager.post('/api/v1/customers/merge', {
      survivorId: kept.id,
      customerIds: [kept.id, gone.id],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      id: kept.id,
      leadCount: 2,
      occupation: '教师',
      otherPhones: [{ phoneE164: '+8613920010031', label: gone.cardNo }],
    });
    const moved = await t.rows<{ n: number }>(sql`
      select (select count(*)::int from leads where customer_id = ${gone.id})
           + (select count(*)::int from follow_ups where customer_id = ${gone.id})
           + (select count(*)::int from showroom_visits where customer_id = ${gone.id}) as n`);
    expect(moved).toEqual([{ n: 0 }]);
    // ...now counts for the kept customer's lead in the funnel (customers/lead-milestones.ts).
    const [milestone] = await t.rows<{ visited_at: string | null }>(
      sql`select visited_at::text from leads where id = ${keptLead?.id}`,
    );
    expect(new Date(milestone?.visited_at ?? 0).getTime()).toBe(
      new Date(leadless?.arrived_at ?? 1).getTime(),
    );
    const [row] = await t.rows<{ merged_into_id: string; phone_e164: string | null }>(
      sql`select merged_into_id, phone_e164 from customers where id = ${gone.id}`,
    );
    expect(row).toEqual({ merged_into_id: kept.id, phone_e164: null });
    expect((await manager.get(`/api/v1/customers/${gone.id}`)).status).toBe(404);
    const search = await manager.get('/api/v1/customers?q=13920010031');
    expect(search.body.items.map((i: { id: string }) => i.id)).toEqual([kept.id]);
    const byName = await manager.get(`/api/v1/customers?q=${encodeURIComponent(gone.cardNo)}`);
    expect(byName.body.items).toEqual([]);
    const timeline = await manager.get(`/api/v1/customers/${kept.id}/timeline`);
    expect(timeline.body.items.map((i: { type: string }) => i.type)).toEqual(
      expect.arrayContaining(['lead', 'follow_up', 'visit', 'change']),
    );
    const audit = await t.rows<{ action: string; entity_id: string }>(sql`
      select action, entity_id from audit_log where action in ('customer.merge', 'customer.merged_into') order by id`);
    expect(audit).toEqual([
      { action: 'customer.merge', entity_id: kept.id },
      { action: 'customer.merged_into', entity_id: gone.id },
    ]);
    // A repeat inquiry to the merged card lands on the kept one.
    const again = await consultant2.post(`/api/v1/customers/${gone.id}/leads`, {
      sourceId: sources.autohome,
    });
    expect(again.body.customerId).toBe(kept.id);
  });

  it('promotes a customer to fleet, audited, after which it cannot be merged', async () => {
    const a = await open('139 2001 0040');
    const b = await open('139 2001 0041');
    const stale = await manager.post(`/api/v1/customers/${a.id}/fleet`, { version: a.version + 5 });
    expect(stale.status).toBe(409);
    const res = await manager.post(`/api/v1/customers/${a.id}/fleet`, { version: a.version });
    expect(res.status).toBe(200);
    expect(res.body.fleet).toBe(true);
    expect(
      (await consultant1.post(`/api/v1/customers/${a.id}/fleet`, { version: res.body.version })).status,
    ).toBe(403);
    const merge = await manager.post('/api/v1/customers/merge', {
      survivorId: b.id,
      customerIds: [a.id, b.id],
    });
    expect(merge.status).toBe(422);
    const audit = await t.rows<{ action: string }>(
      sql`select action from audit_log where entity_id = ${a.id} and action = 'customer.fleet'`,
    );
    expect(audit).toHaveLength(1);
  });
});

describe('the timeline', () => {
  it('lists leads, visits, follow-ups, level changes and orders of a customer, newest first', async () => {
    const [busy] = await t.rows<{ id: string }>(sql`
      select c.id from customers c where c.dealer_id = ${dealerId}
        and exists (select 1 from orders o where o.customer_id = c.id)
        and exists (select 1 from showroom_visits v where v.customer_id = c.id)
        and exists (select 1 from follow_ups f where f.customer_id = c.id)
      limit 1`);
    const res = await manager.get(`/api/v1/customers/${busy?.id}/timeline`);
    expect(res.status).toBe(200);
    const types = new Set(res.body.items.map((i: { type: string }) => i.type));
    for (const type of ['lead', 'follow_up', 'order']) expect(types, type).toContain(type);
    expect([...types].some((type) => type === 'visit' || type === 'phone_in')).toBe(true);
    const times = res.body.items.map((i: { at: string }) => i.at);
    expect([...times].sort().reverse()).toEqual(times);
    const [n] = await t.rows<{ n: number }>(sql`
      select (select count(*)::int from leads where customer_id = ${busy?.id})
           + (select count(*)::int from follow_ups where customer_id = ${busy?.id})
           + (select count(*)::int from showroom_visits where customer_id = ${busy?.id})
           + (select count(*)::int from orders where customer_id = ${busy?.id})
           + (select count(*)::int from lead_level_changes where lead_id in (select id from leads where customer_id = ${busy?.id})) as n`);
    expect(res.body.items.filter((i: { type: string }) => i.type !== 'change')).toHaveLength(n?.n ?? -1);
  });
});
