import { maskPhone } from '@qianke/core/customers/phone';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, startTestServer, type TestServer } from '../test-support/test-server';

/** Customer list, search, scope and phone masking over HTTP, on the demo store SH-PD. */

type Item = {
  id: string;
  phone: string | null;
  phoneMasked: boolean;
  ownerId: string | null;
  [k: string]: any;
};

let t: TestServer;
let dealerId: string;
let users: Record<string, string>;
let manager: ApiClient;
let consultant1: ApiClient;
let reception: ApiClient;

beforeAll(async () => {
  t = await startTestServer();
  const [store] = await t.rows<{ id: string }>(sql`select id from dealers where code = 'SH-PD'`);
  dealerId = store?.id ?? '';
  const rows = await t.rows<{ username: string; id: string }>(
    sql`select username, id from users where dealer_id = ${dealerId}`,
  );
  users = Object.fromEntries(rows.map((r) => [r.username, r.id]));
  manager = await t.as('manager');
  consultant1 = await t.as('consultant1');
  reception = await t.as('reception');
});
afterAll(() => t?.close());

/** Every page of a list, following nextCursor. */
const walk = async (client: ApiClient, query: string, limit = 37): Promise<Item[]> => {
  const items: Item[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 100; page++) {
    const path: string = `/api/v1/customers?${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const res = await client.get(path);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
    if (!cursor) return items;
  }
  throw new Error('more than 100 pages');
};

const storeCustomerIds = async (extra = sql`true`) =>
  (
    await t.rows<{ id: string }>(
      sql`select id from customers where dealer_id = ${dealerId} and merged_into_id is null and ${extra}`,
    )
  ).map((r) => r.id);

const sampleCustomer = async (ownerUsername: string) => {
  const [row] = await t.rows<{ id: string; phone: string; name: string; card_no: string }>(sql`
    select c.id, c.phone_e164 as phone, c.name, c.card_no from customers c
    where c.dealer_id = ${dealerId} and c.owner_id = ${users[ownerUsername]} and c.merged_into_id is null
    order by c.card_no limit 1`);
  if (!row) throw new Error(`no customer of ${ownerUsername}`);
  return row;
};

describe('the customer list', () => {
  it('pages through every customer of the store exactly once, newest first by default', async () => {
    const items = await walk(manager, 'sort=createdAt');
    const ids = items.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual((await storeCustomerIds()).sort());
    const times = items.map((i) => i.createdAt as string);
    expect([...times].sort().reverse()).toEqual(times);
    expect(items[0]).toMatchObject({
      cardNo: expect.stringMatching(/^[A-Z]\d{2}-\d{2}-\d{4}$/),
      leadCount: expect.any(Number),
      version: expect.any(Number),
    });
  });

  it.each([
    ['name', 'asc'],
    ['name', 'desc'],
    ['level', 'asc'],
    ['level', 'desc'],
    ['nextContactAt', 'asc'],
    ['nextContactAt', 'desc'],
    ['createdAt', 'asc'],
  ])('keeps every customer exactly once when sorted by %s %s', async (sort, order) => {
    const items = await walk(manager, `sort=${sort}&order=${order}`, 41);
    const ids = items.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe((await storeCustomerIds()).length);
  });

  it('orders levels hottest first, and customers without a level or a planned contact last', async () => {
    const byLevel = await walk(manager, 'sort=level');
    const rank = (level: string | null) => (level === null ? 9 : 'OHABC'.indexOf(level));
    const ranks = byLevel.map((i) => rank(i.level));
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    const byContact = await walk(manager, 'sort=nextContactAt&order=desc');
    const firstNull = byContact.findIndex((i) => i.nextContactAt === null);
    if (firstNull >= 0) expect(byContact.slice(firstNull).every((i) => i.nextContactAt === null)).toBe(true);
  });

  it('refuses a cursor of another sort, and a made-up one', async () => {
    const first = await manager.get('/api/v1/customers?limit=5');
    const other = await manager.get(`/api/v1/customers?sort=name&cursor=${first.body.nextCursor}`);
    expect(other.status).toBe(422);
    expect(other.body.error.fields.cursor).toMatch(/start again/);
    const junk = await manager.get('/api/v1/customers?cursor=bm90LWpzb24');
    expect(junk.status).toBe(422);
  });

  it('finds a customer by every spelling of the phone, by fragments, name and card number', async () => {
    const c = await sampleCustomer('consultant2');
    const digits = c.phone.slice(3);
    const spellings = [
      digits,
      `+86 ${digits.slice(0, 3)}-${digits.slice(3, 7)}-${digits.slice(7)}`,
      `0086 ${digits.slice(0, 3)} ${digits.slice(3, 7)} ${digits.slice(7)}`,
      `${digits.slice(0, 3)} ${digits.slice(3, 7)} ${digits.slice(7)}`,
      digits.slice(3, 7),
      `${digits.slice(0, 3)} ${digits.slice(3, 7)}`,
      c.name,
      c.card_no,
      c.card_no.slice(4).toLowerCase(),
    ];
    for (const q of spellings) {
      const items = await walk(manager, `q=${encodeURIComponent(q)}`, 200);
      expect(
        items.map((i) => i.id),
        q,
      ).toContain(c.id);
      if (q.replace(/\D/g, '').length >= 11)
        expect(
          items.map((i) => i.id),
          q,
        ).toEqual([c.id]);
    }
    const none = await manager.get(`/api/v1/customers?q=${encodeURIComponent('没有这个人')}`);
    expect(none.body).toEqual({ items: [], nextCursor: null });
  });

  it('filters by level, horizon, source (with the nodes below it), owner, status and days', async () => {
    const check = async (query: string, where: ReturnType<typeof sql>) => {
      const ids = (await walk(manager, query, 200)).map((i) => i.id).sort();
      expect(ids, query).toEqual((await storeCustomerIds(where)).sort());
      expect(ids.length, query).toBeGreaterThan(0);
    };
    await check('level=A', sql`level = 'A'`);
    await check(`ownerId=${users.consultant1}`, sql`owner_id = ${users.consultant1}`);
    await check(
      'horizon=m1',
      sql`exists (select 1 from leads l where l.customer_id = customers.id and l.horizon = 'm1' and l.status in ('open', 'nurturing'))`,
    );
    const [online] = await t.rows<{ id: string }>(
      sql`select id from lead_sources where dealer_id = ${dealerId} and code = 'online'`,
    );
    await check(
      `sourceId=${online?.id}`,
      sql`source_id in (select s.id from lead_sources s left join lead_sources p on p.id = s.parent_id
        where s.dealer_id = ${dealerId} and (s.code = 'online' or p.code = 'online' or p.parent_id = ${online?.id}))`,
    );
    await check(
      'status=lost',
      sql`not exists (select 1 from leads l where l.customer_id = customers.id and l.status <> 'lost')
        and exists (select 1 from leads l where l.customer_id = customers.id)`,
    );
    const [day] = await t.rows<{ d: string }>(sql`
      select to_char((created_at at time zone 'Asia/Shanghai')::date, 'YYYY-MM-DD') as d from customers
      where dealer_id = ${dealerId} order by created_at desc limit 1 offset 20`);
    await check(
      `createdFrom=${day?.d}&createdTo=${day?.d}`,
      sql`(created_at at time zone 'Asia/Shanghai')::date = ${day?.d}::date`,
    );
  });
});

describe('who sees which customers and numbers', () => {
  it("shows a consultant only their own customers, and another's as not found", async () => {
    const items = await walk(consultant1, 'sort=name');
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.ownerId === users.consultant1)).toBe(true);
    expect(items.map((i) => i.id).sort()).toEqual(
      (await storeCustomerIds(sql`owner_id = ${users.consultant1}`)).sort(),
    );
    const other = await sampleCustomer('consultant2');
    const search = await consultant1.get(`/api/v1/customers?q=${other.phone.slice(3)}`);
    expect(search.body.items).toEqual([]);
    for (const path of [`/api/v1/customers/${other.id}`, `/api/v1/customers/${other.id}/timeline`]) {
      expect((await consultant1.get(path)).status, path).toBe(404);
    }
    expect((await consultant1.post(`/api/v1/customers/${other.id}/reveal-phone`)).status).toBe(404);
    const edit = await consultant1.patch(`/api/v1/customers/${other.id}`, { version: 0, name: '改名' });
    expect(edit.status).toBe(404);
  });

  it('shows managers every number, consultants their own, receptionists masked numbers', async () => {
    const own = await sampleCustomer('consultant1');
    const national = own.phone.slice(3);
    const byManager = await manager.get(`/api/v1/customers/${own.id}`);
    expect(byManager.body).toMatchObject({ phone: national, phoneE164: own.phone, phoneMasked: false });
    const byOwner = await consultant1.get(`/api/v1/customers/${own.id}`);
    expect(byOwner.body).toMatchObject({ phone: national, phoneMasked: false });
    const byReception = await reception.get(`/api/v1/customers/${own.id}`);
    expect(byReception.body).toMatchObject({
      phone: maskPhone(own.phone),
      phoneE164: null,
      phoneMasked: true,
    });
    const dcc = await t.as('dcc1');
    expect((await dcc.get(`/api/v1/customers/${own.id}`)).body.phoneMasked).toBe(true);

    const list = await walk(reception, 'sort=createdAt', 200);
    expect(list.every((i) => i.phone === null || (i.phoneMasked && /^\d{3}\*{4}\d{4}$/.test(i.phone)))).toBe(
      true,
    );
    const timeline = await reception.get(`/api/v1/customers/${own.id}/timeline`);
    expect(timeline.status).toBe(200);
    expect(JSON.stringify(timeline.body)).not.toContain(national);
    expect(JSON.stringify(byReception.body)).not.toContain(national);
  });

  it('reveals a masked number on request, and audits who looked', async () => {
    const own = await sampleCustomer('consultant1');
    const res = await reception.post(`/api/v1/customers/${own.id}/reveal-phone`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ phone: own.phone.slice(3), phoneE164: own.phone });
    const audit = await t.rows<{ action: string; actor: string }>(sql`
      select a.action, u.username as actor from audit_log a join users u on u.id = a.actor_id
      where a.entity = 'customer' and a.entity_id = ${own.id} and a.action = 'customer.reveal_phone'`);
    expect(audit).toEqual([{ action: 'customer.reveal_phone', actor: 'reception' }]);
  });
});

describe('form options', () => {
  it("offers the store's catalog and the staff who may own customers", async () => {
    const res = await consultant1.get('/api/v1/customers/options');
    expect(res.status).toBe(200);
    expect(res.body.series.map((s: { name: string }) => s.name)).toEqual(
      expect.arrayContaining(['秦PLUS', '宋PLUS', '汉', '唐', '海豹']),
    );
    const han = res.body.series.find((s: { name: string }) => s.name === '汉');
    expect(han.models.length).toBeGreaterThan(0);
    expect(han.colours.length).toBeGreaterThan(0);
    const owners = res.body.owners.map((o: { id: string }) => o.id);
    expect(owners).toEqual(expect.arrayContaining([users.consultant1, users.consultant2, users.manager]));
    expect(owners).not.toContain(users.reception);
    expect(owners).not.toContain(users.admin);
  });
});

describe("the customer's leads", () => {
  it('say why each lead has its owner, and carry its version and MAN (none until graded)', async () => {
    const [lead] = await t.rows<{ id: string; customer_id: string }>(sql`
      select l.id, l.customer_id from leads l left join lead_man m on m.lead_id = l.id
      where l.dealer_id = ${dealerId} and l.owner_id = ${users.consultant2} and l.status = 'open'
        and m.lead_id is null
      order by l.created_at limit 1`);
    if (!lead) throw new Error('the demo store has no open lead of consultant2');
    const assigned = await manager.post('/api/v1/leads/assign', {
      leadIds: [lead.id],
      ownerId: users.consultant1,
      note: '客户住得近，交给顾问1',
    });
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
    const res = await manager.get(`/api/v1/customers/${lead.customer_id}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const [row] = await t.rows<{ version: number }>(sql`select version from leads where id = ${lead.id}`);
    expect(res.body.leads.find((l: { id: string }) => l.id === lead.id)).toMatchObject({
      ownerId: users.consultant1,
      assignmentReason: { by: 'manager', managerId: users.manager, note: '客户住得近，交给顾问1' },
      man: null,
      manAction: null,
      version: row?.version,
    });
  });
});
