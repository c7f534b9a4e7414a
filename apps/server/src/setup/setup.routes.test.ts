import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-support/test-server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ demo: false });
});
afterAll(() => t?.close());

const setup = {
  groupName: '苏州新港汽车集团',
  storeName: '苏州新港4S店',
  storeCode: 'sz-01',
  timeZone: 'Asia/Shanghai',
  adminUsername: 'boss',
  adminDisplayName: '钱总',
  adminPassword: 'Strong2026',
};

describe('first run without the demo', () => {
  it('has no default accounts and says set-up is needed', async () => {
    const meta = await t.client().get('/api/v1/meta');
    expect(meta.body).toMatchObject({ demo: false, setupNeeded: true });
    expect(
      (await t.client().post('/api/v1/auth/login', { username: 'admin', password: 'demo1234' })).status,
    ).toBe(401);
  });

  it('validates the set-up form field by field', async () => {
    const res = await t.client().post('/api/v1/setup', { ...setup, storeCode: '', timeZone: 'Nowhere' });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.error.fields).sort()).toEqual(['storeCode', 'timeZone']);
    const pw = await t.client().post('/api/v1/setup', { ...setup, adminPassword: 'boss12345' });
    expect(pw.body.error.fields).toEqual({ adminPassword: 'The password must not contain the username.' });
  });

  it('creates the group, store, source tree and administrator, logs them in, and only once', async () => {
    const c = t.client();
    const res = await c.post('/api/v1/setup', setup);
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ username: 'boss', roles: ['admin'], groupAdmin: true });
    expect(res.body.store).toMatchObject({
      name: '苏州新港4S店',
      code: 'SZ-01',
      groupName: '苏州新港汽车集团',
    });
    expect((await c.get('/api/v1/me')).status).toBe(200);
    const [sources] = await t.rows<{ n: number }>(
      sql`select count(*)::int as n from lead_sources where dealer_id = ${res.body.store.id} and tier = 'channel'`,
    );
    expect(sources?.n).toBeGreaterThan(5);
    expect((await t.client().get('/api/v1/meta')).body.setupNeeded).toBe(false);
    const again = await t.client().post('/api/v1/setup', { ...setup, adminUsername: 'thief' });
    expect(again.status).toBe(409);
    expect(
      (await t.client().post('/api/v1/auth/login', { username: 'thief', password: 'Strong2026' })).status,
    ).toBe(401);
  });
});
