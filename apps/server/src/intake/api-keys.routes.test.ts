import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_KEY } from '../demo/load-demo';
import { type ApiClient, startTestServer, type TestServer } from '../test-support/test-server';

let t: TestServer;
let admin: ApiClient;
beforeAll(async () => {
  t = await startTestServer();
  admin = await t.as('admin');
});
afterAll(() => t?.close());

const intake = (key: string, phone: string) =>
  t
    .client()
    .request(
      'POST',
      '/api/v1/intake/leads',
      { name: '测试', phone, source: 'brand_website' },
      { authorization: `Bearer ${key}` },
    );

describe('API keys', () => {
  it('lists the demo key of store 1, masked', async () => {
    const res = await admin.get('/api/v1/api-keys');
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      {
        id: expect.any(String),
        name: 'Demo portal key',
        maskedKey: 'qk_demo…',
        createdAt: expect.any(String),
        createdByName: null,
        lastUsedAt: null,
        revokedAt: null,
      },
    ]);
    expect(JSON.stringify(res.body)).not.toContain(DEMO_API_KEY);
  });

  it('makes a key, shows it once, keeps only its hash, and audits it', async () => {
    const res = await admin.post('/api/v1/api-keys', { name: '  汽车之家  ' });
    expect(res.status).toBe(201);
    const { key, ...shown } = res.body;
    expect(key).toMatch(/^qk_[A-Za-z0-9_-]{32}$/);
    expect(shown).toEqual({
      id: expect.any(String),
      name: '汽车之家',
      maskedKey: `${key.slice(0, 7)}…`,
      createdAt: expect.any(String),
      createdByName: '系统管理员',
      lastUsedAt: null,
      revokedAt: null,
    });
    const list = await admin.get('/api/v1/api-keys');
    expect(list.body.items[0]).toEqual(shown);
    expect(JSON.stringify(list.body)).not.toContain(key);
    const stored = await t.rows<{ row: string }>(sql`select row_to_json(k)::text as row from api_keys k`);
    for (const { row } of stored) expect(row).not.toContain(key);
    const audit = await t.rows<{ action: string; after: unknown }>(
      sql`select action, after from audit_log where entity = 'api_key' and entity_id = ${shown.id}`,
    );
    expect(audit).toEqual([
      { action: 'api_key.create', after: { name: '汽车之家', prefix: key.slice(0, 7) } },
    ]);
    // Two keys made one after the other are different.
    const other = await admin.post('/api/v1/api-keys', { name: '懂车帝' });
    expect(other.body.key).not.toBe(key);
  });

  it('shows when a key was last used', async () => {
    const created = await admin.post('/api/v1/api-keys', { name: '官网' });
    expect((await intake(created.body.key, '16800000001')).status).toBe(201);
    const list = await admin.get('/api/v1/api-keys');
    const shown = list.body.items.find((k: { id: string }) => k.id === created.body.id);
    expect(shown.lastUsedAt).not.toBeNull();
  });

  it('revokes a key for good: its sender gets 401, the list shows it last, and revoking again changes nothing', async () => {
    const created = await admin.post('/api/v1/api-keys', { name: '易车（停用）' });
    expect((await intake(created.body.key, '16800000002')).status).toBe(201);
    const revoked = await admin.post(`/api/v1/api-keys/${created.body.id}/revoke`);
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ id: created.body.id, revokedAt: expect.any(String) });
    expect((await intake(created.body.key, '16800000003')).status).toBe(401);
    const again = await admin.post(`/api/v1/api-keys/${created.body.id}/revoke`);
    expect(again.status).toBe(200);
    expect(again.body.revokedAt).toBe(revoked.body.revokedAt);
    const audit = await t.rows<{ action: string }>(
      sql`select action from audit_log where entity = 'api_key' and entity_id = ${created.body.id} order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual(['api_key.create', 'api_key.revoke']);
    const list = await admin.get('/api/v1/api-keys');
    expect(list.body.items.at(-1).id).toBe(created.body.id);
    expect(
      list.body.items.filter((k: { revokedAt: string | null }) => k.revokedAt === null).length,
    ).toBeGreaterThan(0);
  });

  it('refuses a key without a name, and an unknown key to revoke', async () => {
    const nameless = await admin.post('/api/v1/api-keys', { name: '   ' });
    expect(nameless.status).toBe(422);
    expect(Object.keys(nameless.body.error.fields)).toEqual(['name']);
    const tooLong = await admin.post('/api/v1/api-keys', { name: 'x'.repeat(61) });
    expect(tooLong.body.error.fields).toEqual({ name: 'Use at most 60 characters.' });
    const unknown = await admin.post('/api/v1/api-keys/0190a0a0-0000-7000-8000-000000000000/revoke');
    expect(unknown.status).toBe(404);
  });

  it('is for administrators only', async () => {
    const manager = await t.as('manager');
    expect((await manager.get('/api/v1/api-keys')).status).toBe(403);
    expect((await manager.post('/api/v1/api-keys', { name: 'x' })).status).toBe(403);
    const [demo] = await t.rows<{ id: string }>(sql`select id from api_keys where name = 'Demo portal key'`);
    expect((await manager.post(`/api/v1/api-keys/${demo?.id}/revoke`)).status).toBe(403);
    expect((await t.client().get('/api/v1/api-keys')).status).toBe(401);
  });

  it("keeps each store's keys apart: a store-2 administrator neither sees nor revokes store 1's", async () => {
    const groupAdmin = await t.as('admin');
    const me = (await groupAdmin.get('/api/v1/me')).body;
    const store2 = me.stores.find((s: { code: string }) => s.code === 'SH-MH');
    await groupAdmin.post('/api/v1/me/store', { storeId: store2.id });
    expect((await groupAdmin.get('/api/v1/api-keys')).body.items).toEqual([]);
    const [demo] = await t.rows<{ id: string }>(sql`select id from api_keys where name = 'Demo portal key'`);
    expect((await groupAdmin.post(`/api/v1/api-keys/${demo?.id}/revoke`)).status).toBe(404);
    expect((await intake(DEMO_API_KEY, '16800000004')).status).toBe(201);
    const made = await groupAdmin.post('/api/v1/api-keys', { name: '闵行官网' });
    const [row] = await t.rows<{ code: string }>(
      sql`select d.code from api_keys k join dealers d on d.id = k.dealer_id where k.id = ${made.body.id}`,
    );
    expect(row?.code).toBe('SH-MH');
  });
});

describe('the API description', () => {
  it('documents the intake routes with the API key as their security, and the key routes for administrators', async () => {
    const res = await t.client().get('/api/openapi.json');
    expect(res.status).toBe(200);
    const { paths, components } = res.body;
    expect(components.securitySchemes.apiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
    for (const path of ['/api/v1/intake/leads', '/api/v1/intake/adf']) {
      expect(paths[path].post.security).toEqual([{ apiKey: [] }]);
      expect(paths[path].post.description).toContain('Authorization: Bearer <key>');
    }
    expect(Object.keys(paths['/api/v1/intake/leads'].post.responses)).toEqual(
      expect.arrayContaining(['200', '201', '4XX']),
    );
    expect(paths['/api/v1/intake/adf'].post.requestBody.content).toHaveProperty('application/xml');
    expect(paths['/api/v1/api-keys'].post.description).toContain('Permission `api_keys.manage`');
  });
});
