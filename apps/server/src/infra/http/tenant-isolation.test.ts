import { hasPermission } from '@qianke/core/accounts/roles';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, startTestServer, type TestServer } from '../../test-support/test-server';

/**
 * Walks every route of the API as users of store 2 and proves that no row of store 1 can be read,
 * changed or listed from there. A route added without a line in ROUTES fails this test.
 */

/** Ids of store-1 rows, one of each kind, to ask for from store 2. */
type Store1 = {
  storeId: string;
  userId: string;
  userVersion: number;
  customerId: string;
  leadId: string;
  sourceId: string;
  visitId: string;
};

type RouteCase =
  /** The route names a row by id: a store-1 id must be a 404 (or 403 without the permission). */
  | { kind: 'row'; id: (s: Store1) => string; body?: (s: Store1) => unknown }
  /** The route lists rows of the caller's store: no store-1 id may appear. */
  | { kind: 'list'; path?: string }
  /** The route only touches the caller's own session, account or the installation. */
  | { kind: 'own'; why: string };

const ROUTES: Record<string, RouteCase> = {
  'GET /healthz': { kind: 'own', why: 'no data' },
  'GET /api/v1/meta': { kind: 'own', why: 'installation facts only' },
  'POST /api/v1/setup': { kind: 'own', why: 'allowed only before any store exists' },
  'POST /api/v1/auth/login': { kind: 'own', why: 'starts a session for the caller' },
  'POST /api/v1/auth/logout': { kind: 'own', why: "ends the caller's session" },
  'GET /api/v1/me': { kind: 'list' },
  'POST /api/v1/me/password': { kind: 'own', why: "the caller's own password" },
  'POST /api/v1/me/store': { kind: 'row', id: (s) => s.storeId, body: (s) => ({ storeId: s.storeId }) },
  'GET /api/v1/stores': { kind: 'list' },
  'GET /api/v1/stores/:id': { kind: 'row', id: (s) => s.storeId },
  'PATCH /api/v1/stores/:id': {
    kind: 'row',
    id: (s) => s.storeId,
    body: () => ({ version: 0, name: 'Taken over', code: 'HACK', timeZone: 'Asia/Shanghai' }),
  },
  'GET /api/v1/users': { kind: 'list', path: '/api/v1/users?status=all&pageSize=200' },
  'POST /api/v1/users': { kind: 'own', why: "creates a user in the caller's store (checked below)" },
  'GET /api/v1/users/:id': { kind: 'row', id: (s) => s.userId },
  'PATCH /api/v1/users/:id': {
    kind: 'row',
    id: (s) => s.userId,
    body: (s) => ({ version: s.userVersion, displayName: 'Taken over', disabled: true }),
  },
  'POST /api/v1/users/:id/password': {
    kind: 'row',
    id: (s) => s.userId,
    body: () => ({ newPassword: 'Hijack2026' }),
  },
};

let t: TestServer;
let store1: Store1;
let store1Ids: string[];
const actors: { name: string; client: ApiClient; roles: string[] }[] = [];

beforeAll(async () => {
  t = await startTestServer();
  const admin = await t.as('admin');
  const me = (await admin.get('/api/v1/me')).body;
  const s1 = me.stores.find((s: { code: string }) => s.code === 'SH-PD');
  const s2 = me.stores.find((s: { code: string }) => s.code === 'SH-MH');
  const manager1 = (await admin.get('/api/v1/users?q=manager')).body.items[0];
  const [sample] = await t.rows<{
    customer_id: string;
    lead_id: string;
    source_id: string;
    visit_id: string;
  }>(sql`
    select (select id from customers where dealer_id = ${s1.id} order by id limit 1) as customer_id,
           (select id from leads where dealer_id = ${s1.id} order by id limit 1) as lead_id,
           (select id from lead_sources where dealer_id = ${s1.id} order by id limit 1) as source_id,
           (select id from showroom_visits where dealer_id = ${s1.id} order by id limit 1) as visit_id`);
  if (!sample) throw new Error('the demo store has no rows');
  store1 = {
    storeId: s1.id,
    userId: manager1.id,
    userVersion: manager1.version,
    customerId: sample.customer_id,
    leadId: sample.lead_id,
    sourceId: sample.source_id,
    visitId: sample.visit_id,
  };
  const ids = await t.rows<{ id: string }>(sql`
    select id::text as id from users where dealer_id = ${s1.id}
    union all select id::text from customers where dealer_id = ${s1.id}
    union all select id::text from leads where dealer_id = ${s1.id}
    union all select id::text from showroom_visits where dealer_id = ${s1.id}`);
  store1Ids = [s1.id, ...ids.map((r) => r.id)];

  // An administrator of store 2 who is not a group admin, made by the group admin.
  await admin.post('/api/v1/me/store', { storeId: s2.id });
  const created = await admin.post('/api/v1/users', {
    username: 'admin2',
    displayName: '闵行管理员',
    password: 'Store2admin',
    roles: ['admin', 'sales_manager', 'receptionist'],
  });
  expect(created.status).toBe(201);
  for (const [name, password] of [
    ['admin2', 'Store2admin'],
    ['manager2', 'demo1234'],
    ['consultant3', 'demo1234'],
  ] as const) {
    const client = await t.as(name, password);
    actors.push({ name, client, roles: (await client.get('/api/v1/me')).body.user.roles });
  }
});
afterAll(() => t?.close());

describe('store isolation', () => {
  it('has a case for every route the API offers', () => {
    const offered = t.server.app.routeCatalog.map((r) => `${r.method} ${r.url}`);
    const missing = offered.filter((r) => !(r in ROUTES));
    expect(missing, 'add these routes to ROUTES in tenant-isolation.test.ts').toEqual([]);
    expect(Object.keys(ROUTES).filter((r) => !offered.includes(r))).toEqual([]);
  });

  it('answers 404 (or 403 without the permission) for every store-1 row asked from store 2, and changes nothing', async () => {
    const before = await t.rows(
      sql`select id, version, display_name from users where dealer_id = ${store1.storeId} order by id`,
    );
    let checked = 0;
    for (const route of t.server.app.routeCatalog) {
      const key = `${route.method} ${route.url}`;
      const c = ROUTES[key];
      if (c?.kind !== 'row') continue;
      const path = route.url.replace(':id', c.id(store1));
      for (const actor of actors) {
        const allowed = route.access === 'public' || hasPermission(actor.roles as never, route.access);
        const res = await actor.client.request(route.method, path, c.body ? c.body(store1) : undefined);
        expect(res.status, `${actor.name} ${key}`).toBe(allowed ? 404 : 403);
        expect(JSON.stringify(res.body)).not.toContain(store1.userId);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(15);
    const after = await t.rows(
      sql`select id, version, display_name from users where dealer_id = ${store1.storeId} order by id`,
    );
    expect(after).toEqual(before);
    expect(await t.rows(sql`select name, code from dealers where id = ${store1.storeId}`)).toEqual([
      { name: '上海浦东旗舰店', code: 'SH-PD' },
    ]);
  });

  it('lists nothing of store 1 to users of store 2', async () => {
    for (const route of t.server.app.routeCatalog) {
      const c = ROUTES[`${route.method} ${route.url}`];
      if (c?.kind !== 'list') continue;
      for (const actor of actors) {
        const res = await actor.client.get(c.path ?? route.url);
        if (res.status === 403) continue;
        expect(res.status, `${actor.name} ${route.url}`).toBe(200);
        const text = JSON.stringify(res.body);
        for (const id of store1Ids) expect(text, `${actor.name} ${route.url} leaks ${id}`).not.toContain(id);
      }
    }
  });

  it("creates users only in the caller's store", async () => {
    const admin2 = actors.find((a) => a.name === 'admin2');
    const res = await admin2?.client.post('/api/v1/users', {
      username: 'mh.sales',
      displayName: '闵行销售',
      password: 'Welcome2026',
      roles: ['consultant'],
    });
    expect(res?.status).toBe(201);
    const row = await t.rows(
      sql`select d.code from users u join dealers d on d.id = u.dealer_id where u.username = 'mh.sales'`,
    );
    expect(row).toEqual([{ code: 'SH-MH' }]);
  });
});
