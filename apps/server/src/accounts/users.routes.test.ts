import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, startTestServer, type TestServer } from '../test-support/test-server';

let t: TestServer;
let admin: ApiClient;
beforeAll(async () => {
  t = await startTestServer();
  admin = await t.as('admin');
});
afterAll(() => t?.close());

const newUser = {
  username: 'Li.Ming',
  displayName: '李明',
  password: 'Welcome2026',
  roles: ['consultant'],
  consultantCode: 'a07',
};

describe('users', () => {
  it('lists the staff of the store, filtered, sorted and paginated', async () => {
    const all = await admin.get('/api/v1/users?pageSize=200');
    expect(all.status).toBe(200);
    expect(all.body.items.map((u: { username: string }) => u.username)).toEqual([
      'admin',
      'consultant1',
      'consultant2',
      'crm1',
      'dcc1',
      'manager',
      'marketing',
      'reception',
    ]);
    expect(all.body.total).toBe(8);
    const consultants = await admin.get('/api/v1/users?role=consultant&sort=username&order=desc');
    expect(consultants.body.items.map((u: { username: string }) => u.username)).toEqual([
      'consultant2',
      'consultant1',
    ]);
    const page2 = await admin.get('/api/v1/users?page=2&pageSize=3');
    expect(page2.body.items.map((u: { username: string }) => u.username)).toEqual([
      'crm1',
      'dcc1',
      'manager',
    ]);
    expect(page2.body.total).toBe(8);
    const recent = await admin.get('/api/v1/users?sort=lastLoginAt&order=desc&pageSize=200');
    expect(recent.body.items[0].username).toBe('admin');
    expect(recent.body.items.at(-1).lastLoginAt).toBeNull();
    const byName = await admin.get(`/api/v1/users?q=${encodeURIComponent('李')}`);
    expect(byName.body.items.map((u: { username: string }) => u.username)).toEqual(['consultant1']);
  });

  it('creates a user who must choose a new password at first login, and audits it', async () => {
    const res = await admin.post('/api/v1/users', newUser);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      username: 'li.ming',
      displayName: '李明',
      roles: ['consultant'],
      consultantCode: 'A07',
      mustChangePassword: true,
      disabled: false,
    });
    const login = await t
      .client()
      .post('/api/v1/auth/login', { username: 'li.ming', password: 'Welcome2026' });
    expect(login.status).toBe(200);
    expect(login.body.user.mustChangePassword).toBe(true);
    const audit = await t.rows<{ action: string; actor: string }>(
      sql`select a.action, u.username as actor from audit_log a join users u on u.id = a.actor_id
          where a.entity = 'user' and a.entity_id = ${res.body.id} order by a.id`,
    );
    expect(audit).toEqual([
      { action: 'user.create', actor: 'admin' },
      { action: 'auth.login', actor: 'li.ming' },
    ]);
  });

  it('refuses a taken username and a taken consultant code next to the field, storing nothing', async () => {
    const dupName = await admin.post('/api/v1/users', { ...newUser, consultantCode: 'A08' });
    expect(dupName.status).toBe(409);
    expect(dupName.body.error.fields).toEqual({ username: 'This username is taken.' });
    const dupCode = await admin.post('/api/v1/users', {
      ...newUser,
      username: 'other',
      consultantCode: 'A01',
    });
    expect(dupCode.status).toBe(409);
    expect(Object.keys(dupCode.body.error.fields)).toEqual(['consultantCode']);
    const other = await admin.get('/api/v1/users?q=other');
    expect(other.body.total).toBe(0);
  });

  it('validates every field with a message', async () => {
    const res = await admin.post('/api/v1/users', {
      username: 'x',
      displayName: '',
      password: 'abc',
      roles: ['king'],
      consultantCode: '123',
    });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.error.fields).sort()).toEqual([
      'consultantCode',
      'displayName',
      'password',
      'roles.0',
      'username',
    ]);
    const noRoles = await admin.post('/api/v1/users', { ...newUser, username: 'nobody', roles: [] });
    expect(noRoles.body.error.fields.roles).toBe('Give the user at least one role.');
  });

  it('changes roles with optimistic locking: a stale version is a 409 and changes nothing', async () => {
    const list = await admin.get('/api/v1/users?q=dcc1');
    const dcc = list.body.items[0];
    const ok = await admin.patch(`/api/v1/users/${dcc.id}`, {
      version: dcc.version,
      roles: ['dcc_agent', 'consultant'],
    });
    expect(ok.status).toBe(200);
    expect(ok.body.roles).toEqual(['consultant', 'dcc_agent']);
    expect(ok.body.version).toBe(dcc.version + 1);
    const stale = await admin.patch(`/api/v1/users/${dcc.id}`, { version: dcc.version, displayName: 'X' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale_version');
    expect((await admin.get(`/api/v1/users/${dcc.id}`)).body.displayName).toBe('陈静');
  });

  it('disabling a user ends their sessions and blocks login; enabling lets them back', async () => {
    const marketing = await t.as('marketing');
    const target = (await admin.get('/api/v1/users?q=marketing')).body.items[0];
    const off = await admin.patch(`/api/v1/users/${target.id}`, { version: target.version, disabled: true });
    expect(off.body.disabled).toBe(true);
    expect((await marketing.get('/api/v1/me')).status).toBe(401);
    const login = await t
      .client()
      .post('/api/v1/auth/login', { username: 'marketing', password: 'demo1234' });
    expect(login.status).toBe(403);
    expect(login.body.error.message).toMatch(/disabled/);
    expect(
      (await admin.get('/api/v1/users?status=disabled')).body.items.map(
        (u: { username: string }) => u.username,
      ),
    ).toEqual(['marketing']);
    await admin.patch(`/api/v1/users/${target.id}`, { version: off.body.version, disabled: false });
    await t.as('marketing');
  });

  it('does not let an administrator disable or demote themselves', async () => {
    const me = (await admin.get('/api/v1/me')).body.user;
    const disable = await admin.patch(`/api/v1/users/${me.id}`, { version: me.version, disabled: true });
    expect(disable.status).toBe(422);
    expect(disable.body.error.fields.disabled).toBeDefined();
    const demote = await admin.patch(`/api/v1/users/${me.id}`, {
      version: me.version,
      roles: ['consultant'],
    });
    expect(demote.status).toBe(422);
    expect(demote.body.error.fields.roles).toBeDefined();
  });

  it('resets a password: old sessions end, the temporary password works and must be changed', async () => {
    const reception = await t.as('reception');
    const target = (await admin.get('/api/v1/users?q=reception')).body.items[0];
    const weak = await admin.post(`/api/v1/users/${target.id}/password`, { newPassword: 'reception1' });
    expect(weak.status).toBe(422);
    const res = await admin.post(`/api/v1/users/${target.id}/password`, { newPassword: 'Temp2026x' });
    expect(res.status).toBe(200);
    expect((await reception.get('/api/v1/me')).status).toBe(401);
    const again = await t.as('reception', 'Temp2026x');
    expect((await again.get('/api/v1/me')).body.user.mustChangePassword).toBe(true);
  });

  it('is for administrators only: a manager may list staff but not change them; a consultant may not list', async () => {
    const manager = await t.as('manager');
    expect((await manager.get('/api/v1/users')).status).toBe(200);
    const create = await manager.post('/api/v1/users', { ...newUser, username: 'sneaky' });
    expect(create.status).toBe(403);
    expect(create.body.error.code).toBe('forbidden');
    const consultant = await t.as('consultant1');
    expect((await consultant.get('/api/v1/users')).status).toBe(403);
  });

  it('answers 404 for an id that is not a user of the store', async () => {
    expect((await admin.get('/api/v1/users/0190a6f4-0000-7000-8000-000000000000')).status).toBe(404);
    expect((await admin.get('/api/v1/users/not-a-uuid')).status).toBe(404);
  });
});
