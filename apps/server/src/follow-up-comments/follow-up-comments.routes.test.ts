import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, startTestServer, type TestServer } from '../test-support/test-server';

let t: TestServer;
let manager: ApiClient;
let consultant1: ApiClient;
let consultant2: ApiClient;
let reception: ApiClient;
const user: Record<string, string> = {};
/** The newest follow-up written by consultant1 on one of their own leads, and one of consultant2's. */
let mine: { id: string; customer_id: string; lead_id: string };
let theirs: { id: string };

beforeAll(async () => {
  t = await startTestServer();
  for (const row of await t.rows<{ username: string; id: string }>(sql`select username, id from users`)) {
    user[row.username] = row.id;
  }
  const newestOf = async (username: string) => {
    const [row] = await t.rows<{ id: string; customer_id: string; lead_id: string }>(sql`
      select f.id, f.customer_id, f.lead_id
        from follow_ups f join leads l on l.dealer_id = f.dealer_id and l.id = f.lead_id
       where f.user_id = ${user[username]} and l.owner_id = ${user[username]}
       order by f.occurred_at desc, f.id desc limit 1`);
    if (!row) throw new Error(`${username} has no follow-up in the demo`);
    return row;
  };
  mine = await newestOf('consultant1');
  theirs = await newestOf('consultant2');
  manager = await t.as('manager');
  consultant1 = await t.as('consultant1');
  consultant2 = await t.as('consultant2');
  reception = await t.as('reception');
});
afterAll(() => t?.close());

describe("the store's follow-ups for review", () => {
  it("lists the store's follow-ups newest first, by author and day, page by page", async () => {
    const res = await manager.get(`/api/v1/follow-ups?scope=store&userId=${user.consultant1}&limit=5`);
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(5);
    expect(res.body.items.every((f: any) => f.authorId === user.consultant1 && f.authorName === '李娜')).toBe(
      true,
    );
    const [newest] = await t.rows<{ id: string }>(
      sql`select id from follow_ups where user_id = ${user.consultant1} order by occurred_at desc, id desc limit 1`,
    );
    expect(res.body.items[0]).toMatchObject({ id: newest?.id, commentCount: 0 });
    const times = res.body.items.map((f: any) => f.occurredAt);
    expect([...times].sort().reverse()).toEqual(times);

    const next = await manager.get(
      `/api/v1/follow-ups?scope=store&userId=${user.consultant1}&limit=5&cursor=${res.body.nextCursor}`,
    );
    expect(next.body.items[0].occurredAt <= times.at(-1)).toBe(true);
    expect(next.body.items.map((f: any) => f.id)).not.toContain(res.body.items[4].id);

    // One day in the store's calendar: the Shanghai day of the newest follow-up.
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
      new Date(res.body.items[0].occurredAt),
    );
    const oneDay = await manager.get(`/api/v1/follow-ups?from=${day}&to=${day}&limit=100`);
    expect(oneDay.body.items.length).toBeGreaterThan(0);
    for (const f of oneDay.body.items) {
      expect(
        new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(f.occurredAt)),
      ).toBe(day);
    }
    expect((await manager.get('/api/v1/follow-ups?from=2026-02-02&to=2026-02-01')).status).toBe(422);
  });

  it('is for managers only', async () => {
    expect((await consultant1.get('/api/v1/follow-ups?scope=store')).status).toBe(403);
    expect((await reception.get('/api/v1/follow-ups?scope=store')).status).toBe(403);
  });
});

describe('comments (批复)', () => {
  it("a manager comments on a consultant's follow-up: stored, audited, and the consultant is notified", async () => {
    const body = '客户对价格敏感，下次带上金融方案再约到店。';
    const res = await manager.post(`/api/v1/follow-ups/${mine.id}/comments`, { body: `  ${body}  ` });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      followUpId: mine.id,
      authorId: user.manager,
      authorName: '王经理',
      body,
    });

    const audit = await t.rows(
      sql`select action, actor_id from audit_log where entity = 'follow_up_comment' and entity_id = ${res.body.id}`,
    );
    expect(audit).toEqual([{ action: 'follow_up.comment', actor_id: user.manager }]);

    const bell = await consultant1.get('/api/v1/notifications?unread=true');
    const note = bell.body.items.find((n: any) => n.kind === 'comment');
    expect(note.payload).toMatchObject({
      commentId: res.body.id,
      followUpId: mine.id,
      leadId: mine.lead_id,
      customerId: mine.customer_id,
      authorName: '王经理',
      excerpt: body,
    });

    const list = await manager.get(`/api/v1/follow-ups?userId=${user.consultant1}&limit=100`);
    expect(list.body.items.find((f: any) => f.id === mine.id)).toMatchObject({ commentCount: 1 });
  });

  it('the consultant reads the comments on their own follow-up; another consultant cannot', async () => {
    const own = await consultant1.get(`/api/v1/follow-ups/${mine.id}/comments`);
    expect(own.status).toBe(200);
    expect(own.body.items.map((c: any) => [c.authorName, c.body])).toEqual([
      ['王经理', '客户对价格敏感，下次带上金融方案再约到店。'],
    ]);
    expect((await consultant2.get(`/api/v1/follow-ups/${mine.id}/comments`)).status).toBe(404);
    expect((await consultant1.get(`/api/v1/follow-ups/${theirs.id}/comments`)).status).toBe(404);
    // Roles that see the whole store read them too.
    expect((await reception.get(`/api/v1/follow-ups/${mine.id}/comments`)).status).toBe(200);
  });

  it('a consultant may not comment', async () => {
    const res = await consultant1.post(`/api/v1/follow-ups/${theirs.id}/comments`, { body: '我也来说两句' });
    expect(res.status).toBe(403);
    const own = await consultant1.post(`/api/v1/follow-ups/${mine.id}/comments`, { body: '我也来说两句' });
    expect(own.status).toBe(403);
    expect(await t.rows(sql`select id from follow_up_comments where body = '我也来说两句'`)).toEqual([]);
  });

  it('asks for 1 to 1000 characters and an existing follow-up', async () => {
    const empty = await manager.post(`/api/v1/follow-ups/${mine.id}/comments`, { body: '   ' });
    expect(empty.status).toBe(422);
    expect(empty.body.error.fields).toHaveProperty('body');
    const long = await manager.post(`/api/v1/follow-ups/${mine.id}/comments`, { body: '长'.repeat(1001) });
    expect(long.status).toBe(422);
    const longest = await manager.post(`/api/v1/follow-ups/${mine.id}/comments`, { body: '长'.repeat(1000) });
    expect(longest.status).toBe(201);
    const unknown = '01890000-0000-7000-8000-000000000000';
    expect((await manager.post(`/api/v1/follow-ups/${unknown}/comments`, { body: '好' })).status).toBe(404);
    expect((await manager.get(`/api/v1/follow-ups/${unknown}/comments`)).status).toBe(404);
    expect((await manager.get('/api/v1/follow-ups/not-an-id/comments')).status).toBe(404);
  });

  it("also notifies the lead's owner when someone else wrote the follow-up, once each", async () => {
    // consultant2 (covering for a day) followed up consultant1's lead.
    const id = uuidv7();
    await t.db.execute(sql`
      insert into follow_ups (dealer_id, id, lead_id, customer_id, user_id, channel, content, result, occurred_at)
      select dealer_id, ${id}, ${mine.lead_id}, ${mine.customer_id}, ${user.consultant2}, 'phone', '代同事回访', '客户周日到店', now()
        from users where id = ${user.consultant2}`);
    const res = await manager.post(`/api/v1/follow-ups/${id}/comments`, { body: '周日安排李娜接待' });
    expect(res.status).toBe(201);
    const notified = await t.rows<{ user_id: string; payload: any }>(sql`
      select user_id, payload from notifications
       where kind = 'comment' and subject_key = ${`comment:${res.body.id}`} order by user_id`);
    expect(notified.map((n) => n.user_id).sort()).toEqual([user.consultant1, user.consultant2].sort());
    const bell = await consultant1.get('/api/v1/notifications?unread=true');
    expect(bell.body.items.find((n: any) => n.payload.commentId === res.body.id)?.payload).toMatchObject({
      followUpId: id,
      leadId: mine.lead_id,
      authorName: '王经理',
      excerpt: '周日安排李娜接待',
    });
  });

  it('does not notify a manager who comments on their own follow-up', async () => {
    const id = uuidv7();
    await t.db.execute(sql`
      insert into follow_ups (dealer_id, id, lead_id, customer_id, user_id, channel, content, result, occurred_at)
      select dealer_id, ${id}, ${mine.lead_id}, ${mine.customer_id}, ${user.manager}, 'phone', '经理亲自回访', '已约周六到店', now()
        from users where id = ${user.manager}`);
    expect(
      (await manager.post(`/api/v1/follow-ups/${id}/comments`, { body: '备注：周六安排试驾车' })).status,
    ).toBe(201);
    const bell = await manager.get('/api/v1/notifications');
    expect(bell.body.items.filter((n: any) => n.kind === 'comment')).toEqual([]);
  });
});
