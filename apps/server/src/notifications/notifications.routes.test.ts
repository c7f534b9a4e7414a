import { get as httpGet, type IncomingMessage } from 'node:http';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, startTestServer, type TestServer } from '../test-support/test-server';
import { notify } from './notify';

let t: TestServer;
let closed = false;
let consultant1: ApiClient;
let consultant2: ApiClient;
let store1: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestServer({ notificationStream: { pollMs: 100, heartbeatMs: 300 } });
  const rows = await t.rows<{ username: string; id: string; dealer_id: string }>(
    sql`select username, id, dealer_id from users where username in ('consultant1', 'consultant2', 'manager')`,
  );
  for (const row of rows) ids[row.username] = row.id;
  store1 = rows[0]?.dealer_id ?? '';
  consultant1 = await t.as('consultant1');
  consultant2 = await t.as('consultant2');
});
afterAll(async () => {
  if (!closed) await t?.close();
});

const notifyConsultant1 = (subjectKey: string, payload: Record<string, unknown> = {}) =>
  t.db.transaction((tx) =>
    notify(tx, { dealerId: store1, userId: ids.consultant1 ?? '', kind: 'assignment', subjectKey, payload }),
  );

/**
 * A server-sent-events reader, as a browser's EventSource reads the stream. Plain node:http with its
 * own connection, so that the test's other requests never queue behind an endless response.
 */
const openStream = async (client: ApiClient) => {
  const res = await new Promise<IncomingMessage>((resolve, reject) => {
    const req = httpGet(
      `${t.baseUrl}/api/v1/notifications/stream`,
      { agent: false, headers: client.cookie ? { cookie: client.cookie } : {} },
      resolve,
    );
    req.on('error', reject);
  });
  res.setEncoding('utf8');
  const chunks = res[Symbol.asyncIterator]();
  let buffer = '';
  /** The next `event:` block; comments (heartbeats) and the retry line are skipped. */
  const next = async (): Promise<{ event: string; data: any } | 'end'> => {
    for (;;) {
      const cut = buffer.indexOf('\n\n');
      if (cut >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const lines = block.split('\n');
        const event = lines.find((l) => l.startsWith('event: '))?.slice(7);
        const data = lines.find((l) => l.startsWith('data: '))?.slice(6);
        if (event && data) return { event, data: JSON.parse(data) };
        continue;
      }
      const chunk = await chunks.next().catch(() => ({ done: true, value: '' }));
      if (chunk.done) return 'end';
      buffer += chunk.value;
    }
  };
  return { status: res.statusCode, headers: res.headers, next, close: () => res.destroy() };
};

describe('notify', () => {
  it('notifies once per user, kind and subject however often it is called', async () => {
    await notifyConsultant1('lead:idempotent', { customerName: '王先生' });
    await notifyConsultant1('lead:idempotent', { customerName: '王先生 again' });
    const rows = await t.rows<{ customer_name: string }>(
      sql`select payload->>'customerName' as customer_name from notifications where subject_key = 'lead:idempotent'`,
    );
    expect(rows).toEqual([{ customer_name: '王先生' }]);
  });

  it('writes nothing when the transaction that notified rolls back', async () => {
    await expect(
      t.db.transaction(async (tx) => {
        await notify(tx, {
          dealerId: store1,
          userId: ids.consultant1 ?? '',
          kind: 'assignment',
          subjectKey: 'lead:rolled-back',
          payload: {},
        });
        throw new Error('the assignment failed');
      }),
    ).rejects.toThrow('the assignment failed');
    expect(await t.rows(sql`select id from notifications where subject_key = 'lead:rolled-back'`)).toEqual(
      [],
    );
  });
});

describe('the bell', () => {
  it('lists your own notifications newest first, with the unread count, page by page', async () => {
    for (const n of [1, 2, 3]) await notifyConsultant1(`lead:page-${n}`, { customerName: `客户${n}` });
    const first = await consultant1.get('/api/v1/notifications?limit=2');
    expect(first.status).toBe(200);
    expect(first.body.items.map((n: any) => n.payload.customerName)).toEqual(['客户3', '客户2']);
    expect(first.body.items[0]).toMatchObject({ kind: 'assignment', readAt: null });
    expect(first.body.unreadCount).toBe(4);
    const second = await consultant1.get(`/api/v1/notifications?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((n: any) => n.payload.customerName)).toEqual(['客户1', '王先生']);
    expect(second.body.nextCursor).toBeNull();
    const bad = await consultant1.get('/api/v1/notifications?cursor=nonsense');
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields).toHaveProperty('cursor');

    // Nobody else sees them.
    const other = await consultant2.get('/api/v1/notifications');
    expect(other.body.items.filter((n: any) => n.payload.customerName?.startsWith('客户'))).toEqual([]);
  });

  it('marks some or all read, and never anyone else’s', async () => {
    const list = await consultant1.get('/api/v1/notifications?unread=true');
    const [newest] = list.body.items;
    const stranger = await consultant2.post('/api/v1/notifications/read', { ids: [newest.id] });
    expect(stranger.body).toMatchObject({ marked: 0 });
    const one = await consultant1.post('/api/v1/notifications/read', { ids: [newest.id] });
    expect(one.status).toBe(200);
    expect(one.body).toEqual({ marked: 1, unreadCount: list.body.unreadCount - 1 });
    const unread = await consultant1.get('/api/v1/notifications?unread=true');
    expect(unread.body.items.map((n: any) => n.id)).not.toContain(newest.id);
    const all = await consultant1.post('/api/v1/notifications/read', { all: true });
    expect(all.body).toEqual({ marked: list.body.unreadCount - 1, unreadCount: 0 });
    const read = await consultant1.get('/api/v1/notifications');
    expect(read.body.items.every((n: any) => n.readAt !== null)).toBe(true);
    expect((await consultant1.post('/api/v1/notifications/read', { ids: [] })).status).toBe(422);
    expect((await consultant1.post('/api/v1/notifications/read', { all: false })).status).toBe(422);
  });
});

describe('the live stream', () => {
  it('needs a session', async () => {
    const res = await t.client().get('/api/v1/notifications/stream');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthenticated');
  });

  it('delivers a notification committed after connecting, never an earlier one or one rolled back', async () => {
    await notifyConsultant1('lead:before-connecting');
    const stream = await openStream(consultant1);
    try {
      expect(stream.status).toBe(200);
      expect(stream.headers['content-type']).toContain('text/event-stream');
      await expect(
        t.db.transaction(async (tx) => {
          await notify(tx, {
            dealerId: store1,
            userId: ids.consultant1 ?? '',
            kind: 'comment',
            subjectKey: 'comment:rolled-back',
            payload: { excerpt: 'never sent' },
          });
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      await notifyConsultant1('lead:after-connecting', { customerName: '新客户' });
      const event = await stream.next();
      expect(event).toMatchObject({
        event: 'notification',
        data: { kind: 'assignment', payload: { customerName: '新客户' }, readAt: null },
      });
      // The next one is the next committed notification: nothing of the rolled-back one came in between.
      await notifyConsultant1('lead:after-that', { customerName: '第二位' });
      expect(await stream.next()).toMatchObject({ data: { payload: { customerName: '第二位' } } });
    } finally {
      stream.close();
    }
  });

  it('delivers only your own notifications, to every tab you have open', async () => {
    const mine = await openStream(consultant1);
    const secondTab = await openStream(consultant1);
    const theirs = await openStream(consultant2);
    try {
      await t.db.transaction((tx) =>
        notify(tx, {
          dealerId: store1,
          userId: ids.consultant2 ?? '',
          kind: 'arrival',
          subjectKey: 'visit:for-consultant2',
          payload: { customerName: '张先生' },
        }),
      );
      await notifyConsultant1('lead:two-tabs', { customerName: '两个标签页' });
      expect(await mine.next()).toMatchObject({ data: { payload: { customerName: '两个标签页' } } });
      expect(await secondTab.next()).toMatchObject({ data: { payload: { customerName: '两个标签页' } } });
      expect(await theirs.next()).toMatchObject({
        data: { kind: 'arrival', payload: { customerName: '张先生' } },
      });
    } finally {
      mine.close();
      secondTab.close();
      theirs.close();
    }
  });

  it('ends when its session ends (logout, password change, disabled account)', async () => {
    const client = await t.as('consultant2');
    const stream = await openStream(client);
    expect(stream.status).toBe(200);
    expect((await client.post('/api/v1/auth/logout')).status).toBe(200);
    expect(await stream.next()).toBe('end');
  });

  it('ends open streams when the server stops, without keeping it waiting', async () => {
    const stream = await openStream(consultant1);
    expect(stream.status).toBe(200);
    closed = true;
    await t.close();
    expect(await stream.next()).toBe('end');
  });
});
