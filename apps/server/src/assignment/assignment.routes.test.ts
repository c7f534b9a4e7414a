import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureLead } from '../customers/capture-lead';
import { type ApiClient, startTestServer, type TestServer } from '../test-support/test-server';
import { autoAssignLead } from './auto-assign';

/** Friday 20 November 2026, 10:00 in Shanghai: the store opened at 09:00. */
const NOW = new Date('2026-11-20T02:00:00Z');
const MINUTE = 60_000;

let t: TestServer;
let manager: ApiClient;
let admin: ApiClient;
let store1: string;
const ids: Record<string, string> = {};
let phoneSerial = 0;

const sourceIdOf = async (code: string) =>
  (
    await t.rows<{ id: string }>(
      sql`select id from lead_sources where dealer_id = ${store1} and code = ${code}`,
    )
  )[0]?.id as string;

/** A new customer with one lead, captured at `at` (no owner: it lands in the queue). */
const capture = async (name: string, at: Date, sourceCode = 'auto_show', channel = 'event') => {
  const sourceId = await sourceIdOf(sourceCode);
  phoneSerial++;
  const phone = `+86139${String(77_000_000 + phoneSerial).padStart(8, '0')}`;
  return t.db.transaction((tx) =>
    captureLead(tx, {
      dealerId: store1,
      actorId: null,
      customer: { name, phoneE164: phone, phoneRaw: phone.slice(3) },
      lead: { sourceId, channel },
      occurredAt: at,
      via: 'manual',
    }),
  );
};

const userId = async (username: string) =>
  (await t.rows<{ id: string }>(sql`select id from users where username = ${username}`))[0]?.id as string;

const lead = async (id: string) =>
  (
    await t.rows<{
      owner_id: string | null;
      status: string;
      assignment_reason: any;
      customer_owner: string | null;
    }>(
      sql`select l.owner_id, l.status, l.assignment_reason, c.owner_id as customer_owner
          from leads l join customers c on c.dealer_id = l.dealer_id and c.id = l.customer_id where l.id = ${id}`,
    )
  )[0];

const openTasks = (leadId: string) =>
  t.rows<{ assignee_id: string; kind: string; custom: boolean }>(
    sql`select assignee_id, kind, custom from tasks where lead_id = ${leadId} and status = 'open' order by custom, id`,
  );

/** Every page of the queue. */
const wholeQueue = async (client: ApiClient) => {
  const items: any[] = [];
  let cursor: string | null = null;
  do {
    const res: any = await client.get(
      `/api/v1/distribution/queue?limit=7${cursor ? `&cursor=${cursor}` : ''}`,
    );
    expect(res.status).toBe(200);
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return items;
};

beforeAll(async () => {
  t = await startTestServer({ clock: { now: () => NOW } });
  manager = await t.as('manager');
  admin = await t.as('admin');
  [{ id: store1 }] = (await t.rows<{ id: string }>(sql`select id from dealers where code = 'SH-PD'`)) as [
    { id: string },
  ];
  for (const name of ['manager', 'consultant1', 'consultant2', 'reception', 'dcc1', 'crm1', 'consultant3'])
    ids[name] = await userId(name);
});
afterAll(() => t?.close());

describe('the distribution queue', () => {
  it('lists active leads without an owner, oldest first, with their waiting time in opening hours', async () => {
    // Thursday 17:50 (10 minutes before closing), Thursday 22:00 (closed), Friday 09:45.
    const evening = await capture('排队 傍晚', new Date('2026-11-19T09:50:00Z'));
    const night = await capture('排队 夜里', new Date('2026-11-19T14:00:00Z'));
    const morning = await capture('排队 早上', new Date('2026-11-20T01:45:00Z'));
    const queue = await wholeQueue(manager);
    const total = (await manager.get('/api/v1/distribution/queue?limit=1')).body;
    expect(total.total).toBe(queue.length);
    expect(total.alertMinutes).toBe(30);
    const times = queue.map((item) => Date.parse(item.createdAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(new Set(queue.map((item) => item.leadId)).size).toBe(queue.length);
    const byId = new Map(queue.map((item) => [item.leadId, item]));
    expect(byId.get(evening.leadId)).toMatchObject({
      customerName: '排队 傍晚',
      channel: 'event',
      source: { code: 'auto_show', nameZh: '车展' },
      status: 'open',
      ageMinutes: 70,
      overdue: true,
    });
    expect(byId.get(night.leadId)).toMatchObject({ ageMinutes: 60, overdue: true });
    expect(byId.get(morning.leadId)).toMatchObject({ ageMinutes: 15, overdue: false });
    // The manager calls these customers: the phone is shown in full.
    expect(byId.get(morning.leadId).phone).toMatch(/^139\d{8}$/);
    for (const item of queue) {
      const row = await lead(item.leadId);
      expect(row?.owner_id).toBeNull();
      expect(['open', 'nurturing']).toContain(row?.status);
    }
  });

  it('is for the sales manager only', async () => {
    for (const name of ['consultant1', 'dcc1', 'reception', 'admin']) {
      const client = name === 'admin' ? admin : await t.as(name);
      expect((await client.get('/api/v1/distribution/queue')).status, name).toBe(403);
      expect(
        (await client.post('/api/v1/leads/assign', { leadIds: [ids.manager], ownerId: ids.consultant2 }))
          .status,
      ).toBe(403);
      expect(
        (
          await client.post('/api/v1/leads/reassign-all', {
            fromUserId: ids.consultant1,
            toUserId: ids.consultant2,
          })
        ).status,
      ).toBe(403);
    }
  });

  it('refuses a stale or forged page cursor', async () => {
    const res = await manager.get('/api/v1/distribution/queue?cursor=bm90LWEtY3Vyc29y');
    expect(res.status).toBe(422);
    expect(res.body.error.fields.cursor).toBeDefined();
  });
});

describe('assigning leads', () => {
  it('lists who can take leads, with their open leads and duty', async () => {
    const res = await manager.get('/api/v1/distribution/assignees');
    expect(res.status).toBe(200);
    const names = res.body.items.map((u: { username: string }) => u.username).sort();
    expect(names).toEqual(['consultant1', 'consultant2', 'crm1', 'dcc1']);
    const c1 = res.body.items.find((u: { username: string }) => u.username === 'consultant1');
    const [{ n }] = (await t.rows<{ n: number }>(
      sql`select count(*)::int as n from leads where owner_id = ${ids.consultant1} and status in ('open', 'nurturing')`,
    )) as [{ n: number }];
    expect(c1).toMatchObject({ onDuty: true, openLeads: n });
  });

  it('assigns queued leads and reassigns owned ones in one action, moving open tasks, with audit rows', async () => {
    const fresh = await capture('新分配 一', new Date(NOW.getTime() - 20 * MINUTE));
    const [owned1, owned2] = await t.rows<{ id: string; customer_id: string }>(sql`
      select l.id, l.customer_id from leads l join customers c on c.dealer_id = l.dealer_id and c.id = l.customer_id
      where l.owner_id = ${ids.consultant1} and l.status = 'open' and c.owner_id = ${ids.consultant1}
        and exists (select 1 from tasks t where t.lead_id = l.id and t.status = 'open')
      order by l.id limit 2`);
    if (!owned1 || !owned2) throw new Error('consultant1 has no open leads with tasks in the demo');
    // A custom task the consultant planned moves along too.
    await t.db.execute(sql`insert into tasks (dealer_id, id, lead_id, customer_id, assignee_id, kind, due_at, custom, title)
      values (${store1}, gen_random_uuid(), ${owned1.id}, ${owned1.customer_id}, ${ids.consultant1}, 'custom',
              ${new Date(NOW.getTime() + 86_400_000).toISOString()}::timestamptz, true, '送资料')`);

    const res = await manager.post('/api/v1/leads/assign', {
      leadIds: [fresh.leadId, owned1.id, owned2.id],
      ownerId: ids.consultant2,
      note: '李娜休假，转给张伟',
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      assigned: 3,
      unchanged: 0,
      ownerId: ids.consultant2,
      assignedAt: NOW.toISOString(),
    });

    for (const id of [owned1.id, owned2.id, fresh.leadId]) {
      const row = await lead(id);
      expect(row?.owner_id).toBe(ids.consultant2);
      expect(row?.customer_owner).toBe(ids.consultant2);
      expect(row?.assignment_reason).toEqual({
        by: 'manager',
        managerId: ids.manager,
        note: '李娜休假，转给张伟',
      });
      const tasks = await openTasks(id);
      expect(tasks.length).toBeGreaterThan(0);
      for (const task of tasks) expect(task.assignee_id).toBe(ids.consultant2);
    }
    expect((await openTasks(owned1.id)).map((task) => task.custom)).toEqual([false, true]);
    // A lead fresh from the queue gets its first call-back.
    expect((await openTasks(fresh.leadId)).map((task) => task.kind)).toEqual(['first_contact']);

    const audit = await t.rows<{ entity_id: string; actor_id: string; before: any; after: any }>(sql`
      select entity_id, actor_id, before, after from audit_log
      where action = 'lead.assign' and entity_id in (${owned1.id}, ${owned2.id}, ${fresh.leadId}) order by entity_id`);
    expect(audit).toHaveLength(3);
    for (const row of audit) {
      expect(row.actor_id).toBe(ids.manager);
      expect(row.before.ownerId).toBe(row.entity_id === fresh.leadId ? null : ids.consultant1);
      expect(row.after.ownerId).toBe(ids.consultant2);
    }
    const customerAudit = await t.rows(sql`select entity_id from audit_log
      where action = 'customer.owner_change' and entity_id in (${owned1.customer_id}, ${fresh.customerId})`);
    expect(customerAudit).toHaveLength(2);
    const notes = await t.rows<{ subject_key: string; payload: any }>(sql`
      select subject_key, payload from notifications where user_id = ${ids.consultant2} and kind = 'assignment'
        and subject_key like ${`lead:${fresh.leadId}:%`}`);
    expect(notes).toEqual([
      {
        subject_key: `lead:${fresh.leadId}:${NOW.toISOString()}`,
        payload: expect.objectContaining({
          leadId: fresh.leadId,
          customerName: '新分配 一',
          byName: '王经理',
        }),
      },
    ]);

    // Assigning again to the same person changes nothing.
    const again = await manager.post('/api/v1/leads/assign', {
      leadIds: [owned1.id],
      ownerId: ids.consultant2,
    });
    expect(again.body).toMatchObject({ assigned: 0, unchanged: 1 });
  });

  it("moves only the previous owner's tasks: a manager's own reminder on the lead stays the manager's", async () => {
    const [owned] = await t.rows<{ id: string }>(sql`
      select l.id from leads l
      where l.owner_id = ${ids.consultant1} and l.status = 'open'
        and exists (select 1 from tasks t where t.lead_id = l.id and t.status = 'open' and t.custom = false)
      order by l.id desc limit 1`);
    if (!owned) throw new Error('consultant1 has no open lead with a rule task in the demo');
    const reminder = await manager.post('/api/v1/tasks', {
      leadId: owned.id,
      title: '周五检查报价',
      dueAt: new Date(NOW.getTime() + 86_400_000).toISOString(),
    });
    expect(reminder.status).toBe(201);
    expect(reminder.body.assigneeId).toBe(ids.manager);

    const res = await manager.post('/api/v1/leads/assign', { leadIds: [owned.id], ownerId: ids.consultant2 });
    expect(res.status).toBe(200);
    const tasks = await t.rows<{ id: string; assignee_id: string; custom: boolean }>(
      sql`select id, assignee_id, custom from tasks where lead_id = ${owned.id} and status = 'open' order by custom`,
    );
    expect(tasks).toEqual([
      { id: expect.any(String), assignee_id: ids.consultant2, custom: false },
      { id: reminder.body.id, assignee_id: ids.manager, custom: true },
    ]);
  });

  it('shows why a lead has its owner, and its history', async () => {
    const captured = await capture('为什么是他', new Date(NOW.getTime() - 5 * MINUTE));
    await manager.post('/api/v1/leads/assign', { leadIds: [captured.leadId], ownerId: ids.consultant1 });
    await manager.post('/api/v1/leads/assign', {
      leadIds: [captured.leadId],
      ownerId: ids.consultant2,
      note: '客户要求换顾问',
    });
    const res = await manager.get(`/api/v1/leads/${captured.leadId}/assignment`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      leadId: captured.leadId,
      ownerId: ids.consultant2,
      ownerName: '张伟',
      assignedAt: NOW.toISOString(),
      reason: { by: 'manager', managerId: ids.manager, note: '客户要求换顾问' },
    });
    expect(
      res.body.history.map((h: any) => [h.fromOwnerName, h.toOwnerName, h.actorName, h.reason?.note ?? null]),
    ).toEqual([
      [null, '李娜', '王经理', null],
      ['李娜', '张伟', '王经理', '客户要求换顾问'],
    ]);
    // The owner sees it; another consultant does not even see the lead.
    expect(
      (await (await t.as('consultant2')).get(`/api/v1/leads/${captured.leadId}/assignment`)).status,
    ).toBe(200);
    expect(
      (await (await t.as('consultant1')).get(`/api/v1/leads/${captured.leadId}/assignment`)).status,
    ).toBe(404);
  });

  it('refuses people who cannot take leads, disabled accounts, closed and unknown leads', async () => {
    const captured = await capture('拒绝分配', new Date(NOW.getTime() - 5 * MINUTE));
    const receptionist = await manager.post('/api/v1/leads/assign', {
      leadIds: [captured.leadId],
      ownerId: ids.reception,
    });
    expect(receptionist.status).toBe(422);
    expect(receptionist.body.error.fields.ownerId).toMatch(/consultant, DCC agent or CRM specialist/);
    expect(
      (await manager.post('/api/v1/leads/assign', { leadIds: [captured.leadId], ownerId: ids.manager }))
        .status,
    ).toBe(422);
    const otherStore = await manager.post('/api/v1/leads/assign', {
      leadIds: [captured.leadId],
      ownerId: ids.consultant3,
    });
    expect(otherStore.status).toBe(422);

    const created = await admin.post('/api/v1/users', {
      username: 'leaving.soon',
      displayName: '将离职',
      password: 'Welcome2026',
      roles: ['consultant'],
    });
    await admin.patch(`/api/v1/users/${created.body.id}`, { version: created.body.version, disabled: true });
    const disabled = await manager.post('/api/v1/leads/assign', {
      leadIds: [captured.leadId],
      ownerId: created.body.id,
    });
    expect(disabled.status).toBe(422);
    expect(disabled.body.error.fields.ownerId).toMatch(/disabled/);

    const [lost] = await t.rows<{ id: string }>(
      sql`select id from leads where dealer_id = ${store1} and status = 'lost' order by id limit 1`,
    );
    const closed = await manager.post('/api/v1/leads/assign', {
      leadIds: [lost?.id],
      ownerId: ids.consultant1,
    });
    expect(closed.status).toBe(422);
    expect(closed.body.error.fields.leadIds).toMatch(/closed/);

    const unknown = await manager.post('/api/v1/leads/assign', {
      leadIds: [captured.leadId, '0191f5d0-0000-7000-8000-000000000000'],
      ownerId: ids.consultant1,
    });
    expect(unknown.status).toBe(404);
    expect((await lead(captured.leadId))?.owner_id).toBeNull();
    expect(
      (await manager.post('/api/v1/leads/assign', { leadIds: [], ownerId: ids.consultant1 })).body.error
        .fields,
    ).toHaveProperty('leadIds');
    const tooMany = Array.from(
      { length: 501 },
      (_, i) => `0191f5d0-0000-7000-8000-${String(i).padStart(12, '0')}`,
    );
    const refused = await manager.post('/api/v1/leads/assign', {
      leadIds: tooMany,
      ownerId: ids.consultant1,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.fields).toHaveProperty('leadIds');
  });

  it("hands over a departing consultant's leads, tasks and customers in one action", async () => {
    const created = await admin.post('/api/v1/users', {
      username: 'departing',
      displayName: '离职顾问',
      password: 'Welcome2026',
      roles: ['consultant'],
      consultantCode: 'A77',
    });
    const departing = created.body.id as string;
    const a = await capture('交接 一', new Date(NOW.getTime() - 50 * MINUTE));
    const b = await capture('交接 二', new Date(NOW.getTime() - 40 * MINUTE));
    expect(
      (await manager.post('/api/v1/leads/assign', { leadIds: [a.leadId, b.leadId], ownerId: departing }))
        .status,
    ).toBe(200);
    // One of the customers has only a lost lead: the customer still changes hands.
    await t.db.execute(sql`update leads set status = 'lost', closed_at = now() where id = ${b.leadId}`);
    await t.db.execute(sql`update tasks set status = 'cancelled' where lead_id = ${b.leadId}`);
    // Reminders about the customers themselves, on no lead, go along with them.
    for (const customerId of [a.customerId, b.customerId]) {
      const planned = await manager.post('/api/v1/tasks', {
        customerId,
        title: '生日问候',
        dueAt: new Date(NOW.getTime() + 3 * 86_400_000).toISOString(),
        assigneeId: departing,
      });
      expect(planned.status).toBe(201);
    }
    const res = await manager.post('/api/v1/leads/reassign-all', {
      fromUserId: departing,
      toUserId: ids.consultant1,
      note: '离职交接',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ leads: 1, customers: 2, tasks: 3 });
    expect(await lead(a.leadId)).toMatchObject({
      owner_id: ids.consultant1,
      customer_owner: ids.consultant1,
    });
    expect((await lead(b.leadId))?.customer_owner).toBe(ids.consultant1);
    expect((await openTasks(a.leadId)).map((task) => task.assignee_id)).toEqual([ids.consultant1]);
    const reminders = await t.rows<{ assignee_id: string }>(sql`
      select assignee_id from tasks where customer_id in (${a.customerId}, ${b.customerId})
        and lead_id is null and status = 'open'`);
    expect(reminders).toEqual([{ assignee_id: ids.consultant1 }, { assignee_id: ids.consultant1 }]);
    const left =
      await t.rows(sql`select id from leads where owner_id = ${departing} and status in ('open', 'nurturing')
      union all select id from customers where owner_id = ${departing}
      union all select id from tasks where assignee_id = ${departing} and status = 'open'`);
    expect(left).toEqual([]);
    const handOver = await t.rows<{ after: any }>(
      sql`select after from audit_log where action = 'user.hand_over' and entity_id = ${departing}`,
    );
    expect(handOver).toEqual([
      { after: expect.objectContaining({ toUserId: ids.consultant1, leads: 1, customers: 2 }) },
    ]);
    expect(
      (await manager.post('/api/v1/leads/reassign-all', { fromUserId: departing, toUserId: departing }))
        .status,
    ).toBe(422);
  });
});

describe('automatic assignment rules', () => {
  it('are edited by admins and managers, and name only people and sources of the store', async () => {
    const listed = await admin.get('/api/v1/assignment-rules');
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([
      expect.objectContaining({
        name: '网络线索 → DCC / Portal leads to DCC',
        match: { channels: ['portal', 'website', 'online_order', 'hotline_400'], sourceCodes: [] },
        poolUserIds: [ids.dcc1],
        openLeadCap: 60,
        active: true,
      }),
    ]);
    expect((await (await t.as('consultant1')).get('/api/v1/assignment-rules')).status).toBe(403);
    const receptionist = await manager.post('/api/v1/assignment-rules', {
      name: '前台',
      match: { channels: ['walk_in'] },
      poolUserIds: [ids.reception],
    });
    expect(receptionist.status).toBe(422);
    expect(receptionist.body.error.fields.poolUserIds).toBeDefined();
    const unknownSource = await manager.post('/api/v1/assignment-rules', {
      name: '未知来源',
      match: { sourceCodes: ['no_such_source'] },
      poolUserIds: [ids.consultant1],
    });
    expect(unknownSource.status).toBe(422);
    expect(unknownSource.body.error.fields['match.sourceCodes']).toMatch(/no_such_source/);
    const manager2 = await t.as('manager2');
    const foreign = await manager2.post('/api/v1/assignment-rules', {
      name: '跨店',
      match: {},
      poolUserIds: [ids.consultant1],
    });
    expect(foreign.status).toBe(422);
  });

  it('rotate fairly among those on duty under the cap, store the reason, and queue what nobody can take', async () => {
    const people: string[] = [];
    for (const [username, code] of [
      ['show.a', 'S01'],
      ['show.b', 'S02'],
    ] as const) {
      const res = await admin.post('/api/v1/users', {
        username,
        displayName: username,
        password: 'Welcome2026',
        roles: ['consultant'],
        consultantCode: code,
      });
      people.push(res.body.id);
    }
    const [a, b] = people as [string, string];
    const created = await manager.post('/api/v1/assignment-rules', {
      name: '车展线索',
      priority: 5,
      match: { sourceCodes: ['auto_show'] },
      poolUserIds: [a, b],
      openLeadCap: 2,
    });
    expect(created.status).toBe(201);
    const rule = created.body;

    const arrive = async (i: number) => {
      const at = new Date(NOW.getTime() - (30 - i) * MINUTE);
      const captured = await capture(`车展客户 ${i}`, at);
      await t.db.transaction((tx) =>
        autoAssignLead(tx, { dealerId: store1, leadId: captured.leadId, now: at }),
      );
      return captured.leadId;
    };
    const owners: (string | null)[] = [];
    for (let i = 1; i <= 4; i++) owners.push((await lead(await arrive(i)))?.owner_id ?? null);
    expect(owners).toEqual([a, b, a, b]);

    const [first] = await t.rows<{ id: string }>(
      sql`select id from leads where owner_id = ${a} order by assigned_at limit 1`,
    );
    const firstLead = await lead(first?.id as string);
    expect(firstLead?.assignment_reason).toEqual({
      by: 'rule',
      ruleId: rule.id,
      ruleName: '车展线索',
      openLeads: 0,
      cap: 2,
      poolSize: 2,
    });
    expect((await openTasks(first?.id as string)).map((task) => [task.kind, task.assignee_id])).toEqual([
      ['first_contact', a],
    ]);
    const why = await manager.get(`/api/v1/leads/${first?.id}/assignment`);
    expect(why.body.reason).toMatchObject({ by: 'rule', ruleName: '车展线索' });
    expect(why.body.history).toEqual([
      expect.objectContaining({
        actorId: null,
        fromOwnerId: null,
        toOwnerId: a,
        reason: expect.objectContaining({ by: 'rule' }),
      }),
    ]);

    // Both at the cap: the next one waits in the queue, saying why.
    const waiting = await arrive(5);
    expect(await lead(waiting)).toMatchObject({
      owner_id: null,
      assignment_reason: { by: 'queue', why: 'nobody_available', ruleName: '车展线索' },
    });
    const queued = (await wholeQueue(manager)).find((item) => item.leadId === waiting);
    expect(queued.reason).toEqual({ by: 'queue', why: 'nobody_available', ruleName: '车展线索' });

    // a is off duty and the cap goes up: only b takes the next one.
    expect((await manager.post(`/api/v1/users/${a}/duty`, { onDuty: false })).body).toEqual({
      userId: a,
      onDuty: false,
    });
    const stale = await manager.patch(`/api/v1/assignment-rules/${rule.id}`, {
      version: rule.version + 1,
      openLeadCap: 3,
    });
    expect(stale.status).toBe(409);
    const raised = await manager.patch(`/api/v1/assignment-rules/${rule.id}`, {
      version: rule.version,
      openLeadCap: 3,
    });
    expect(raised.status).toBe(200);
    expect(raised.body).toMatchObject({ openLeadCap: 3, version: rule.version + 1 });
    expect((await lead(await arrive(6)))?.owner_id).toBe(b);
    expect((await lead(await arrive(7)))?.owner_id).toBeNull();
    const assignees = (await manager.get('/api/v1/distribution/assignees')).body.items;
    expect(assignees.find((p: { id: string }) => p.id === a)).toMatchObject({ onDuty: false, openLeads: 2 });
    const duty = await t.rows(
      sql`select action, before, after from audit_log where action = 'user.duty' and entity_id = ${a}`,
    );
    expect(duty).toEqual([{ action: 'user.duty', before: { onDuty: true }, after: { onDuty: false } }]);

    // A switched-off rule assigns nothing: the lead waits, no rule matched.
    await manager.patch(`/api/v1/assignment-rules/${rule.id}`, { version: rule.version + 1, active: false });
    expect((await lead(await arrive(8)))?.assignment_reason).toEqual({ by: 'queue', why: 'no_rule' });
  });

  it('gives portal leads to the DCC desk by the demo rule', async () => {
    const captured = await capture('汽车之家客户', new Date(NOW.getTime() - MINUTE), 'autohome', 'portal');
    await t.db.transaction((tx) =>
      autoAssignLead(tx, { dealerId: store1, leadId: captured.leadId, now: NOW }),
    );
    expect(await lead(captured.leadId)).toMatchObject({
      owner_id: ids.dcc1,
      customer_owner: ids.dcc1,
      assignment_reason: expect.objectContaining({
        by: 'rule',
        ruleName: '网络线索 → DCC / Portal leads to DCC',
      }),
    });
    const notes =
      await t.rows(sql`select id from notifications where user_id = ${ids.dcc1} and kind = 'assignment'
      and payload->>'leadId' = ${captured.leadId}`);
    expect(notes).toHaveLength(1);
  });
});
