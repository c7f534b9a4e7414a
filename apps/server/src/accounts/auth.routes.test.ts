import { permissionsOf } from '@qianke/core/accounts/roles';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../infra/crypto/tokens';
import { startTestServer, type TestServer } from '../test-support/test-server';

let t: TestServer;
const delays: number[] = [];
beforeAll(async () => {
  t = await startTestServer({
    // Short delays and a low lock threshold keep the test quick; the policy itself is tested in core.
    throttlePolicy: {
      windowSeconds: 900,
      freeFailures: 2,
      delayStepMs: 1,
      maxDelayMs: 5,
      lockAfterFailures: 5,
      lockSeconds: 900,
    },
    sleep: async (ms) => {
      delays.push(ms);
    },
  });
});
afterAll(() => t?.close());

describe('login', () => {
  it('logs a demo user in with an HTTP-only session cookie and answers who they are', async () => {
    const c = t.client();
    const res = await fetch(`${t.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'Consultant1 ', password: 'demo1234' }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^qk_session=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const body = (await res.json()) as any;
    expect(body.user).toMatchObject({ username: 'consultant1', displayName: '李娜', roles: ['consultant'] });
    expect(body.store).toMatchObject({ code: 'SH-PD', timeZone: 'Asia/Shanghai' });
    expect(body.permissions).toEqual(permissionsOf(['consultant']));
    expect(body.homeRole).toBe('consultant');
    c.cookie = cookie.split(';')[0];
    const me = await c.get('/api/v1/me');
    expect(me.status).toBe(200);
    expect(me.body.user.username).toBe('consultant1');
  });

  it('never stores the token itself', async () => {
    const c = await t.as('manager');
    const token = c.cookie?.split('=')[1] ?? '';
    expect(await t.rows(sql`select 1 from sessions where token_hash = ${token}`)).toEqual([]);
    expect(await t.rows(sql`select 1 as found from sessions where token_hash = ${hashToken(token)}`)).toEqual(
      [{ found: 1 }],
    );
  });

  it('answers 401 without a session, and after logout', async () => {
    expect((await t.client().get('/api/v1/me')).status).toBe(401);
    const c = await t.as('reception');
    const stolen = c.cookie;
    expect((await c.post('/api/v1/auth/logout')).status).toBe(200);
    const replay = t.client();
    replay.cookie = stolen;
    const res = await replay.get('/api/v1/me');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthenticated');
  });

  it('refuses a wrong password with one message for unknown users and wrong passwords', async () => {
    const wrong = await t.client().post('/api/v1/auth/login', { username: 'dcc1', password: 'nope12345' });
    const unknown = await t
      .client()
      .post('/api/v1/auth/login', { username: 'nobody', password: 'nope12345' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error.message).toBe('Wrong username or password.');
  });

  it('slows down repeated failures, then locks with 429 and Retry-After, and the right password is refused while locked', async () => {
    delays.length = 0;
    const attempt = (password: string) =>
      t.client().post('/api/v1/auth/login', { username: 'crm1', password });
    for (let i = 0; i < 5; i++) expect((await attempt('wrong-pass-1')).status).toBe(401);
    expect(delays).toEqual([1, 2]);
    const locked = await attempt('demo1234');
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('rate_limited');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(800);
    // Another user is not affected.
    expect(
      (await t.client().post('/api/v1/auth/login', { username: 'marketing', password: 'demo1234' })).status,
    ).toBe(200);
  });

  it('validates the body with per-field messages', async () => {
    const res = await t.client().post('/api/v1/auth/login', { username: '' });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('validation_failed');
    expect(Object.keys(res.body.error.fields).sort()).toEqual(['password', 'username']);
  });
});

describe('own password', () => {
  it('changes the password, ends the other sessions and keeps this one', async () => {
    const here = await t.as('consultant2');
    const elsewhere = await t.as('consultant2');
    const bad = await here.post('/api/v1/me/password', {
      currentPassword: 'wrong',
      newPassword: 'Better2026',
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields.currentPassword).toBeDefined();
    const weak = await here.post('/api/v1/me/password', {
      currentPassword: 'demo1234',
      newPassword: 'short',
    });
    expect(weak.status).toBe(422);
    expect(weak.body.error.fields.newPassword).toBeDefined();
    const ok = await here.post('/api/v1/me/password', {
      currentPassword: 'demo1234',
      newPassword: 'Better2026',
    });
    expect(ok.status).toBe(200);
    expect((await here.get('/api/v1/me')).status).toBe(200);
    expect((await elsewhere.get('/api/v1/me')).status).toBe(401);
    expect(
      (await t.client().post('/api/v1/auth/login', { username: 'consultant2', password: 'demo1234' })).status,
    ).toBe(401);
    await t.as('consultant2', 'Better2026');
  });
});

describe('group admin', () => {
  it('sees both stores and can switch to store 2; a store manager sees only their own', async () => {
    const admin = await t.as('admin');
    const me = (await admin.get('/api/v1/me')).body;
    expect(me.user.groupAdmin).toBe(true);
    expect(me.stores.map((s: { code: string }) => s.code)).toEqual(['SH-MH', 'SH-PD']);
    const store2 = me.stores.find((s: { code: string }) => s.code === 'SH-MH');
    const switched = await admin.post('/api/v1/me/store', { storeId: store2.id });
    expect(switched.status).toBe(200);
    expect(switched.body.store.code).toBe('SH-MH');
    const staff = await admin.get('/api/v1/users?status=all');
    expect(staff.body.items.map((u: { username: string }) => u.username)).toEqual([
      'consultant3',
      'manager2',
    ]);

    const manager2 = await t.as('manager2');
    const own = await manager2.get('/api/v1/stores');
    expect(own.body.items.map((s: { code: string }) => s.code)).toEqual(['SH-MH']);
    const store1 = me.stores.find((s: { code: string }) => s.code === 'SH-PD');
    expect((await manager2.post('/api/v1/me/store', { storeId: store1.id })).status).toBe(404);
  });
});

describe('failed-login counters', () => {
  it('are forgotten by the background checks once their window has passed and no lock holds', async () => {
    const start = new Date('2027-03-01T02:00:00Z');
    let now = start;
    const later = (seconds: number) => new Date(start.getTime() + seconds * 1000);
    const server = await startTestServer({
      demo: false,
      jobIntervalMs: 5,
      clock: { now: () => now },
      throttlePolicy: {
        windowSeconds: 900,
        freeFailures: 5,
        delayStepMs: 1,
        maxDelayMs: 1,
        lockAfterFailures: 3,
        lockSeconds: 3600,
      },
      sleep: async () => {},
    });
    const keys = async () =>
      (await server.rows<{ key: string }>(sql`select key from login_throttle order by key`)).map(
        (r) => r.key,
      );
    const fail = async (username: string, times = 1) => {
      for (let i = 0; i < times; i++) {
        const res = await server.client().post('/api/v1/auth/login', { username, password: 'guess-1234' });
        expect(res.status).toBe(401);
      }
    };
    try {
      // Names nobody has: a typo once, a stranger guessing until locked.
      await fail('typo.wang');
      await fail('stranger', 3);
      expect(await keys()).toEqual(['stranger', 'typo.wang']);
      // The window has passed: the typo counts nothing any more, the lock still holds.
      now = later(901);
      await fail('fresh.li');
      await expect.poll(keys, { timeout: 10_000 }).toEqual(['fresh.li', 'stranger']);
      expect(
        (await server.client().post('/api/v1/auth/login', { username: 'stranger', password: 'x' })).status,
      ).toBe(429);
      // The lock is over too.
      now = later(3601);
      await expect.poll(keys, { timeout: 10_000 }).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
