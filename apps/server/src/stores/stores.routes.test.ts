import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureLead } from '../customers/capture-lead';
import { type ApiClient, startTestServer, type TestServer } from '../test-support/test-server';

/** Friday 20 November 2026, 10:00 in Shanghai. */
const NOW = new Date('2026-11-20T02:00:00Z');

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ clock: { now: () => NOW } });
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

describe('the unassigned-lead alert: opening hours and limit in the store settings', () => {
  /** A lead without an owner captured at `at` (the event channel has no assignment rule: it waits). */
  const captureUnassigned = async (dealerId: string, at: Date) => {
    const [source] = await t.rows<{ id: string }>(
      sql`select id from lead_sources where dealer_id = ${dealerId} and code = 'auto_show'`,
    );
    return t.db.transaction((tx) =>
      captureLead(tx, {
        dealerId,
        actorId: null,
        customer: { name: '待分配 提醒', phoneE164: '+8613977123401', phoneRaw: '13977123401' },
        lead: { sourceId: source?.id as string, channel: 'event' },
        occurredAt: at,
        via: 'manual',
      }),
    );
  };

  const queued = async (manager: ApiClient, leadId: string) => {
    const res = await manager.get('/api/v1/distribution/queue?limit=200');
    expect(res.status).toBe(200);
    return {
      alertMinutes: res.body.alertMinutes,
      item: res.body.items.find((i: any) => i.leadId === leadId),
    };
  };

  it("the administrator changes the limit and the opening hours; the manager's queue alerts by them", async () => {
    const admin = await t.as('admin');
    const manager = await t.as('manager');
    const { id: storeId } = (await admin.get('/api/v1/me')).body.store;
    let store = (await admin.get(`/api/v1/stores/${storeId}`)).body;
    expect(store).toMatchObject({ opensAt: '09:00', closesAt: '18:00', unassignedAlertMinutes: 30 });
    const save = (patch: Record<string, unknown>) =>
      admin.patch(`/api/v1/stores/${storeId}`, {
        version: store.version,
        name: store.name,
        code: store.code,
        timeZone: 'Asia/Shanghai',
        ...patch,
      });
    // Back in Shanghai (a test above moved the store to Urumqi); the hours and limit stay.
    const inShanghai = await save({});
    expect(inShanghai.body).toMatchObject({
      opensAt: '09:00',
      closesAt: '18:00',
      unassignedAlertMinutes: 30,
    });
    store = inShanghai.body;
    // 09:40 on Friday: 20 opening minutes before now.
    const { leadId } = await captureUnassigned(storeId, new Date('2026-11-20T01:40:00Z'));
    expect(await queued(manager, leadId)).toMatchObject({
      alertMinutes: 30,
      item: { ageMinutes: 20, overdue: false },
    });

    const shorter = await save({ unassignedAlertMinutes: 15 });
    expect(shorter.status).toBe(200);
    expect(shorter.body).toMatchObject({ unassignedAlertMinutes: 15, opensAt: '09:00', closesAt: '18:00' });
    store = shorter.body;
    expect(await queued(manager, leadId)).toMatchObject({
      alertMinutes: 15,
      item: { ageMinutes: 20, overdue: true },
    });

    // Opening at 09:50, the lead has waited 10 opening minutes only.
    const later = await save({ opensAt: '09:50', closesAt: '20:30' });
    expect(later.status).toBe(200);
    expect(later.body).toMatchObject({ opensAt: '09:50', closesAt: '20:30', unassignedAlertMinutes: 15 });
    store = later.body;
    expect(await queued(manager, leadId)).toMatchObject({
      alertMinutes: 15,
      item: { ageMinutes: 10, overdue: false },
    });
    expect((await admin.get('/api/v1/me')).body.store).toMatchObject({ opensAt: '09:50', closesAt: '20:30' });

    const audits = await t.rows<{ before: any; after: any }>(
      sql`select before, after from audit_log where action = 'store.update' and entity_id = ${storeId}
          order by id desc limit 1`,
    );
    expect(audits[0]?.before).toMatchObject({
      opensAt: '09:00',
      closesAt: '18:00',
      unassignedAlertMinutes: 15,
    });
    expect(audits[0]?.after).toMatchObject({
      opensAt: '09:50',
      closesAt: '20:30',
      unassignedAlertMinutes: 15,
    });
  });

  it('refuses times that are not HH:MM, a limit outside 1..1440, and hours that close before they open', async () => {
    const admin = await t.as('admin');
    const { id: storeId } = (await admin.get('/api/v1/me')).body.store;
    const store = (await admin.get(`/api/v1/stores/${storeId}`)).body;
    const base = { version: store.version, name: store.name, code: store.code, timeZone: store.timeZone };
    const bad = await admin.patch(`/api/v1/stores/${storeId}`, {
      ...base,
      opensAt: '9:00',
      closesAt: '24:00',
      unassignedAlertMinutes: 0,
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields).toEqual({
      opensAt: 'A local time such as 09:00.',
      closesAt: 'A local time such as 09:00.',
      unassignedAlertMinutes: 'Enter a number of minutes from 1 to 1440.',
    });
    for (const minutes of [1441, 2.5]) {
      const res = await admin.patch(`/api/v1/stores/${storeId}`, {
        ...base,
        unassignedAlertMinutes: minutes,
      });
      expect(res.status, String(minutes)).toBe(422);
      expect(Object.keys(res.body.error.fields)).toEqual(['unassignedAlertMinutes']);
    }
    const reversed = await admin.patch(`/api/v1/stores/${storeId}`, {
      ...base,
      opensAt: '18:00',
      closesAt: '09:00',
    });
    expect(reversed.status).toBe(422);
    expect(reversed.body.error.fields).toEqual({
      closesAt: 'The store must open before it closes (same day).',
    });
    // Only the closing time sent: checked against the stored opening time.
    const early = await admin.patch(`/api/v1/stores/${storeId}`, { ...base, closesAt: store.opensAt });
    expect(early.status).toBe(422);
    expect((await admin.get(`/api/v1/stores/${storeId}`)).body).toMatchObject({
      opensAt: store.opensAt,
      closesAt: store.closesAt,
      unassignedAlertMinutes: store.unassignedAlertMinutes,
      version: store.version,
    });
  });
});
