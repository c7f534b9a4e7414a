import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, startTestServer, type TestServer } from '../test-support/test-server';

/** GET /api/v1/tasks is a promise to integrators; the Today worklist and custom tasks ride on it. */

// 10:00 in Shanghai: the demo store has tasks overdue, due later today and upcoming.
const now = new Date('2027-03-15T10:00:00+08:00');
const endOfToday = new Date('2027-03-16T00:00:00+08:00');
const clock = { now: () => now };

let t: TestServer;
let ids: Record<'consultant1' | 'consultant2', string>;
let consultant1: ApiClient;
let manager: ApiClient;

type Task = { id: string; dueAt: string; assigneeId: string; status: string; leadId: string | null };

/** A follow-up on a lead logged now by consultant1 that closed no task (as a tool that plans nothing would). */
const freshFollowUp = async (leadId: string, customerId: string): Promise<string> => {
  const id = uuidv7();
  await t.db.execute(sql`
    insert into follow_ups (dealer_id, id, lead_id, customer_id, user_id, channel, content, result, occurred_at)
    select dealer_id, ${id}, ${leadId}, ${customerId}, id, 'phone', '电话确认金融方案', '客户同意周末到店',
           ${now.toISOString()}::timestamptz
      from users where id = ${ids.consultant1}`);
  return id;
};
let usedFollowUp: { id: string; leadId: string } | undefined;

beforeAll(async () => {
  t = await startTestServer({ clock });
  const [row] = await t.rows<{ c1: string; c2: string }>(sql`
    select (select id from users where username = 'consultant1') as c1,
           (select id from users where username = 'consultant2') as c2`);
  if (!row) throw new Error('demo users not found');
  ids = { consultant1: row.c1, consultant2: row.c2 };
  consultant1 = await t.as('consultant1');
  manager = await t.as('manager');
});
afterAll(() => t?.close());

describe('GET /api/v1/tasks', () => {
  it('answers with the promised names', async () => {
    const res = await consultant1.get('/api/v1/tasks');
    expect(res.status).toBe(200);
    expect(res.body).toHaveProperty('nextCursor');
    expect(res.body.items.length).toBeGreaterThan(0);
    for (const key of ['id', 'customerId', 'leadId', 'assigneeId', 'kind', 'dueAt', 'status']) {
      expect(res.body.items[0]).toHaveProperty(key);
    }
    expect(res.body.items[0]).toMatchObject({ status: 'open', assigneeId: ids.consultant1 });
    expect(res.body.items[0].customerName).toEqual(expect.any(String));
  });

  it("splits open tasks into overdue, due today and upcoming in the store's time zone", async () => {
    const group = async (due: string) => {
      const res = await consultant1.get(`/api/v1/tasks?scope=mine&due=${due}&limit=200`);
      expect(res.status).toBe(200);
      return (res.body.items as Task[]).map((task) => new Date(task.dueAt).getTime());
    };
    const [overdue, today, upcoming] = [
      await group('overdue'),
      await group('today'),
      await group('upcoming'),
    ];
    expect(overdue.length).toBeGreaterThan(0);
    expect(upcoming.length).toBeGreaterThan(0);
    for (const due of overdue) expect(due).toBeLessThan(now.getTime());
    for (const due of today) {
      expect(due).toBeGreaterThanOrEqual(now.getTime());
      expect(due).toBeLessThan(endOfToday.getTime());
    }
    for (const due of upcoming) expect(due).toBeGreaterThanOrEqual(endOfToday.getTime());
    const summary = await consultant1.get('/api/v1/tasks/summary');
    expect(summary.body).toMatchObject({
      overdue: overdue.length,
      today: today.length,
      upcoming: upcoming.length,
      timeZone: 'Asia/Shanghai',
    });
  });

  it('pages with a cursor, soonest first, without repeats', async () => {
    const first = await consultant1.get('/api/v1/tasks?limit=3');
    expect(first.body.items).toHaveLength(3);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await consultant1.get(`/api/v1/tasks?limit=3&cursor=${first.body.nextCursor}`);
    const all = [...first.body.items, ...second.body.items] as Task[];
    expect(new Set(all.map((task) => task.id)).size).toBe(6);
    const dues = all.map((task) => task.dueAt);
    expect(dues).toEqual([...dues].sort());
    expect((await consultant1.get('/api/v1/tasks?cursor=garbage')).status).toBe(422);
  });

  it('filters by customer and by status', async () => {
    const { body } = await consultant1.get('/api/v1/tasks?limit=1');
    const customerId = body.items[0].customerId;
    const mine = await consultant1.get(`/api/v1/tasks?customerId=${customerId}`);
    expect(
      (mine.body.items as { customerId: string }[]).every((task) => task.customerId === customerId),
    ).toBe(true);
    const done = await consultant1.get('/api/v1/tasks?status=done&limit=5');
    expect(done.body.items.length).toBeGreaterThan(0);
    expect((done.body.items as Task[]).every((task) => task.status === 'done')).toBe(true);
  });

  it("lets managers see the store's tasks (every user's overdue ones), others only their own", async () => {
    expect((await consultant1.get('/api/v1/tasks?scope=store')).status).toBe(403);
    expect((await consultant1.get('/api/v1/tasks/summary?scope=store')).status).toBe(403);
    const store = await manager.get('/api/v1/tasks?scope=store&due=overdue&limit=200');
    expect(store.status).toBe(200);
    const assignees = new Set((store.body.items as Task[]).map((task) => task.assigneeId));
    expect(assignees.has(ids.consultant1)).toBe(true);
    expect(assignees.has(ids.consultant2)).toBe(true);
    const onlyTwo = await manager.get(`/api/v1/tasks?scope=store&assigneeId=${ids.consultant2}`);
    expect((onlyTwo.body.items as Task[]).every((task) => task.assigneeId === ids.consultant2)).toBe(true);
    const summary = await manager.get('/api/v1/tasks/summary?scope=store');
    expect(
      summary.body.byAssignee.find((a: { assigneeId: string }) => a.assigneeId === ids.consultant2),
    ).toMatchObject({
      overdue: expect.any(Number),
      assigneeName: expect.any(String),
    });
    const admin = await t.as('admin');
    expect((await admin.get('/api/v1/tasks?scope=store')).status).toBe(200);
  });
});

describe('custom tasks', () => {
  let leadId: string;
  let taskId: string;

  it('a consultant plans one on their lead, for themselves', async () => {
    const { body } = await consultant1.get('/api/v1/tasks?limit=1');
    leadId = body.items[0].leadId;
    const res = await consultant1.post('/api/v1/tasks', {
      leadId,
      title: '把试驾视频发给客户',
      dueAt: '2027-03-15T16:00:00+08:00',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      custom: true,
      kind: 'custom',
      assigneeId: ids.consultant1,
      status: 'open',
    });
    expect(res.body.customerId).toBe(body.items[0].customerId);
    taskId = res.body.id;
    const today = await consultant1.get('/api/v1/tasks?due=today&limit=200');
    expect((today.body.items as Task[]).map((task) => task.id)).toContain(taskId);
  });

  it('only managers plan one for someone else', async () => {
    const body = { title: '准备交车资料', dueAt: '2027-03-16T10:00:00+08:00', assigneeId: ids.consultant2 };
    expect((await consultant1.post('/api/v1/tasks', body)).status).toBe(403);
    const res = await manager.post('/api/v1/tasks', body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ assigneeId: ids.consultant2, leadId: null, customerId: null });
  });

  it('is done only with its result: "Log the result first."', async () => {
    const refused = await consultant1.post(`/api/v1/tasks/${taskId}/done`, {});
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toBe('Log the result first.');
    const [open] = await t.rows<{ status: string }>(sql`select status from tasks where id = ${taskId}`);
    expect(open?.status).toBe('open');

    const done = await consultant1.post(`/api/v1/tasks/${taskId}/done`, {
      channel: 'wechat',
      result: '视频已发送，客户周末来店',
    });
    expect(done.status).toBe(200);
    expect(done.body.task).toMatchObject({ id: taskId, status: 'done', followUpId: done.body.followUp.id });
    expect(done.body.followUp).toMatchObject({
      channel: 'wechat',
      result: '视频已发送，客户周末来店',
      leadId,
    });
    // The contact counts: the lead's rule task is planned again from now.
    expect(done.body.nextTask).toMatchObject({ leadId, custom: false });
    expect((await consultant1.post(`/api/v1/tasks/${taskId}/done`, { result: '再来一次' })).status).toBe(409);
  });

  it('a task closed with an existing follow-up keeps it as its result, and its lead gets its next rule task', async () => {
    // An open lead of consultant1 with its rule task, and a follow-up logged since (one that closed no task).
    const [lead] = await t.rows<{ lead_id: string; customer_id: string; task_id: string }>(sql`
      select l.id as lead_id, l.customer_id, t.id as task_id
        from leads l join tasks t on t.dealer_id = l.dealer_id and t.lead_id = l.id
       where l.owner_id = ${ids.consultant1} and l.status = 'open' and t.status = 'open' and t.custom = false
         and l.id <> ${leadId} and exists (select 1 from follow_ups f where f.lead_id = l.id)
       order by l.id limit 1`);
    if (!lead) throw new Error('consultant1 has no open lead with a rule task');
    const followUpId = await freshFollowUp(lead.lead_id, lead.customer_id);

    const res = await consultant1.post(`/api/v1/tasks/${lead.task_id}/done`, { followUpId });
    expect(res.status).toBe(200);
    expect(res.body.task).toMatchObject({ id: lead.task_id, status: 'done', followUpId });
    expect(res.body.followUp).toMatchObject({ id: followUpId, leadId: lead.lead_id });
    const open = await t.rows<{ id: string; assignee_id: string }>(sql`
      select id, assignee_id from tasks
       where lead_id = ${lead.lead_id} and status = 'open' and custom = false`);
    expect(open).toEqual([{ id: expect.any(String), assignee_id: ids.consultant1 }]);
    expect(open[0]?.id).not.toBe(lead.task_id);
    expect(res.body.nextTask).toMatchObject({ id: open[0]?.id, leadId: lead.lead_id, custom: false });
    usedFollowUp = { id: followUpId, leadId: lead.lead_id };
  });

  it('refuses a follow-up that is not the result of this task: logged before it, or already used', async () => {
    if (!usedFollowUp) throw new Error('the previous test did not run');
    const planned = await consultant1.post('/api/v1/tasks', {
      leadId: usedFollowUp.leadId,
      title: '确认金融方案',
      dueAt: '2027-03-15T17:00:00+08:00',
    });
    expect(planned.status).toBe(201);
    const taskId = planned.body.id as string;

    // The demo's follow-ups of this lead were all logged before the task was planned.
    const [old] = await t.rows<{ id: string }>(sql`
      select id from follow_ups where lead_id = ${usedFollowUp.leadId} and occurred_at < ${now.toISOString()}
       order by occurred_at desc limit 1`);
    if (!old) throw new Error('the lead has no earlier follow-up');
    const before = await consultant1.post(`/api/v1/tasks/${taskId}/done`, { followUpId: old.id });
    expect(before.status).toBe(422);
    expect(before.body.error.fields.followUpId).toBe(
      'This follow-up was logged before the task was planned: log the result of this task instead.',
    );

    const used = await consultant1.post(`/api/v1/tasks/${taskId}/done`, { followUpId: usedFollowUp.id });
    expect(used.status).toBe(422);
    expect(used.body.error.fields.followUpId).toBe(
      'This follow-up is already the result of another task: log the result of this task instead.',
    );

    const [elsewhere] = await t.rows<{ lead_id: string; customer_id: string }>(sql`
      select id as lead_id, customer_id from leads
       where owner_id = ${ids.consultant1} and customer_id <> (select customer_id from leads where id = ${usedFollowUp.leadId})
       limit 1`);
    if (!elsewhere) throw new Error('consultant1 has no other customer');
    const otherLead = await freshFollowUp(elsewhere.lead_id, elsewhere.customer_id);
    const wrong = await consultant1.post(`/api/v1/tasks/${taskId}/done`, { followUpId: otherLead });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.fields.followUpId).toBe('There is no such follow-up on the lead of this task.');

    const [still] = await t.rows<{ status: string }>(sql`select status from tasks where id = ${taskId}`);
    expect(still?.status).toBe('open');
  });

  it("nobody completes another user's task unless a manager", async () => {
    const { body } = await manager.get(`/api/v1/tasks?scope=store&assigneeId=${ids.consultant2}&limit=1`);
    const other = body.items[0].id;
    expect((await consultant1.post(`/api/v1/tasks/${other}/done`, { result: '完成' })).status).toBe(404);
  });
});
