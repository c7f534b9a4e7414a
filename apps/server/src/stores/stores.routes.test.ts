import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-support/test-server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

describe('store settings', () => {
  it('lets the administrator rename a store and change its time zone, with optimistic locking', async () => {
    const admin = await t.as('admin');
    const store = (await admin.get('/api/v1/me')).body.store;
    const res = await admin.patch(`/api/v1/stores/${store.id}`, {
      version: store.version,
      name: '上海浦东旗舰店（新）',
      code: 'sh-pd1',
      timeZone: 'Asia/Urumqi',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: '上海浦东旗舰店（新）', code: 'SH-PD1', timeZone: 'Asia/Urumqi' });
    const stale = await admin.patch(`/api/v1/stores/${store.id}`, { ...res.body, version: store.version });
    expect(stale.status).toBe(409);
  });

  it('refuses an unknown time zone, a bad code and a code another store of the group has', async () => {
    const admin = await t.as('admin');
    const { store, stores } = (await admin.get('/api/v1/me')).body;
    const bad = await admin.patch(`/api/v1/stores/${store.id}`, {
      version: store.version,
      name: 'X',
      code: '!',
      timeZone: 'Mars/Olympus',
    });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['code', 'name', 'timeZone']);
    const other = stores.find((s: { id: string }) => s.id !== store.id);
    const taken = await admin.patch(`/api/v1/stores/${store.id}`, {
      version: store.version,
      name: store.name,
      code: other.code,
      timeZone: store.timeZone,
    });
    expect(taken.status).toBe(409);
    expect(taken.body.error.fields.code).toBeDefined();
    expect((await admin.get(`/api/v1/stores/${store.id}`)).body.code).toBe(store.code);
  });

  it('is for administrators: a manager gets 403', async () => {
    const manager = await t.as('manager');
    const store = (await manager.get('/api/v1/me')).body.store;
    const res = await manager.patch(`/api/v1/stores/${store.id}`, { ...store });
    expect(res.status).toBe(403);
  });
});
