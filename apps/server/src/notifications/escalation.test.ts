import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customers, leads, showroomVisits, tasks } from '../infra/db/schema/index';
import { startTestServer, type TestServer } from '../test-support/test-server';
import { notifyArrival } from './arrival';
import { createEscalationJobs, type EscalationJobs } from './escalation';

/**
 * The time-based checks with a fixed "now" in the demo store (Asia/Shanghai, open 09:00-18:00, alert
 * after 30 minutes). Every time here is in March 2020, long before the demo's history, so only the
 * rows these tests write are due.
 */
let t: TestServer;
let jobs: EscalationJobs;
let store1: string;
let sourceId: string;
const user: Record<string, string> = {};
/** A lead of consultant1 and one of consultant2, with their customers. */
let lead1: { id: string; customerId: string };
let lead2: { id: string; customerId: string };

const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  t = await startTestServer();
  jobs = createEscalationJobs({ db: t.db });
  const rows = await t.rows<{ username: string; id: string; dealer_id: string }>(
    sql`select username, id, dealer_id from users`,
  );
  for (const row of rows) user[row.username] = row.id;
  store1 = rows.find((r) => r.username === 'manager')?.dealer_id ?? '';
  const [source] = await t.rows<{ id: string }>(
    sql`select id from lead_sources where dealer_id = ${store1} and code = 'walk_in'`,
  );
  sourceId = source?.id ?? '';
  const leadOf = async (owner: string) => {
    const [row] = await t.rows<{ id: string; customer_id: string }>(
      sql`select id, customer_id from leads where dealer_id = ${store1} and owner_id = ${user[owner]} order by id limit 1`,
    );
    if (!row) throw new Error(`${owner} has no lead in the demo`);
    return { id: row.id, customerId: row.customer_id };
  };
  lead1 = await leadOf('consultant1');
  lead2 = await leadOf('consultant2');
});
afterAll(() => t?.close());

const notificationsAbout = (pattern: string) =>
  t.rows<{ username: string; kind: string; subject_key: string; payload: any }>(sql`
    select u.username, n.kind, n.subject_key, n.payload
      from notifications n join users u on u.dealer_id = n.dealer_id and u.id = n.user_id
     where n.subject_key like ${pattern}
     order by n.subject_key, u.username`);

const addTask = async (assignee: string, lead: { id: string; customerId: string }, dueAt: string) => {
  const id = uuidv7();
  await t.db.insert(tasks).values({
    dealerId: store1,
    id,
    leadId: lead.id,
    customerId: lead.customerId,
    assigneeId: user[assignee] ?? '',
    kind: 'follow_up',
    dueAt: at(dueAt),
    custom: true,
    title: '回访试驾感受',
  });
  return id;
};

describe('overdue tasks', () => {
  let t1: string;
  let t2: string;
  let t3: string;

  beforeAll(async () => {
    t1 = await addTask('consultant1', lead1, '2020-03-04T02:00:00Z'); // 10:00 in Shanghai
    t2 = await addTask('consultant1', lead1, '2020-03-04T03:00:00Z');
    t3 = await addTask('consultant2', lead2, '2020-03-04T02:30:00Z');
    // Not overdue at noon: due in the afternoon, or done.
    await addTask('consultant1', lead1, '2020-03-04T07:00:00Z');
    const done = await addTask('consultant2', lead2, '2020-03-04T01:30:00Z');
    await t.db.execute(
      sql`update tasks set status = 'done', done_at = ${'2020-03-04T01:40:00Z'}::timestamptz where id = ${done}`,
    );
  });

  it('tells each assignee once per overdue task, and the manager once per user and day', async () => {
    const noon = at('2020-03-04T04:00:00Z');
    const first = await jobs.overdueTasks(noon);
    expect(first.notified).toBe(5);
    expect(await jobs.overdueTasks(noon)).toEqual({ notified: 0 });
    expect(await jobs.overdueTasks(at('2020-03-04T05:00:00Z'))).toEqual({ notified: 0 });

    const own = await notificationsAbout('task:%:overdue');
    expect(own.map((n) => [n.username, n.subject_key]).sort()).toEqual(
      [
        ['consultant1', `task:${t1}:overdue`],
        ['consultant1', `task:${t2}:overdue`],
        ['consultant2', `task:${t3}:overdue`],
      ].sort(),
    );
    const customer = await t.rows<{ name: string; card_no: string }>(
      sql`select name, card_no from customers where id = ${lead1.customerId}`,
    );
    expect(own.find((n) => n.subject_key === `task:${t1}:overdue`)?.payload).toEqual({
      taskId: t1,
      taskKind: 'follow_up',
      title: '回访试驾感受',
      dueAt: '2020-03-04T02:00:00.000Z',
      leadId: lead1.id,
      customerId: lead1.customerId,
      customerName: customer[0]?.name,
      cardNo: customer[0]?.card_no,
    });

    const digests = await notificationsAbout('overdue:%');
    expect(digests.map((n) => [n.username, n.subject_key, n.payload.count, n.payload.userName])).toEqual(
      [
        ['manager', `overdue:${user.consultant1}:2020-03-04`, 2, '李娜'],
        ['manager', `overdue:${user.consultant2}:2020-03-04`, 1, '张伟'],
      ].sort((a, b) => String(a[1]).localeCompare(String(b[1]))),
    );
  });

  it("starts a new digest on the store's next local day, not the UTC one", async () => {
    // 17:30 UTC on the 4th is 01:30 on the 5th in Shanghai.
    await jobs.overdueTasks(at('2020-03-04T17:30:00Z'));
    const digests = await notificationsAbout(`overdue:${user.consultant1}:%`);
    expect(digests.map((n) => [n.subject_key, n.payload.count])).toEqual([
      [`overdue:${user.consultant1}:2020-03-04`, 2],
      [`overdue:${user.consultant1}:2020-03-05`, 3],
    ]);
    // Every task was told once only.
    expect(await notificationsAbout('task:%:overdue')).toHaveLength(4);
  });

  it('notifies once even when two servers run the check at the same moment', async () => {
    await addTask('consultant2', lead2, '2020-03-06T02:00:00Z');
    const now = at('2020-03-06T03:00:00Z');
    const [a, b] = await Promise.all([jobs.overdueTasks(now), jobs.overdueTasks(now)]);
    // One new task notification, and the digests of the 6th for both consultants.
    expect((a?.notified ?? 0) + (b?.notified ?? 0)).toBe(3);
    expect(await notificationsAbout(`overdue:%:2020-03-06`)).toHaveLength(2);
  });
});

describe('unassigned leads', () => {
  const newLead = async (createdAt: string, extra: Partial<typeof leads.$inferInsert> = {}) => {
    const customerId = uuidv7();
    await t.db.insert(customers).values({
      dealerId: store1,
      id: customerId,
      cardNo: `Z99-20-${customerId.slice(-4)}`,
      name: `待分配${customerId.slice(-4)}`,
      createdAt: at(createdAt),
    });
    const id = uuidv7();
    await t.db.insert(leads).values({
      dealerId: store1,
      id,
      customerId,
      sourceId,
      channel: 'portal',
      createdAt: at(createdAt),
      ...extra,
    });
    return id;
  };
  const alerted = async (leadId: string) =>
    (await notificationsAbout(`lead:${leadId}:unassigned`)).map((n) => n.username);

  it('alerts the manager once, after 30 minutes in opening hours', async () => {
    const lead = await newLead('2020-03-04T02:00:00Z'); // 10:00 in Shanghai
    await jobs.unassignedLeads(at('2020-03-04T02:29:00Z'));
    expect(await alerted(lead)).toEqual([]);
    await jobs.unassignedLeads(at('2020-03-04T02:31:00Z'));
    await jobs.unassignedLeads(at('2020-03-04T02:45:00Z'));
    expect(await alerted(lead)).toEqual(['manager']);
    const [n] = await notificationsAbout(`lead:${lead}:unassigned`);
    expect(n?.payload).toMatchObject({ leadId: lead, channel: 'portal', limitMinutes: 30 });
  });

  it('counts only opening hours: a lead at 17:50 alerts at 09:20 the next morning', async () => {
    const lead = await newLead('2020-03-04T09:50:00Z'); // 17:50 in Shanghai
    await jobs.unassignedLeads(at('2020-03-04T10:30:00Z')); // 18:30: 40 minutes old, 10 in opening hours
    await jobs.unassignedLeads(at('2020-03-05T01:15:00Z')); // 09:15 next day: 25 in opening hours
    expect(await alerted(lead)).toEqual([]);
    await jobs.unassignedLeads(at('2020-03-05T01:21:00Z')); // 09:21: 31
    await jobs.unassignedLeads(at('2020-03-05T01:22:00Z'));
    expect(await alerted(lead)).toEqual(['manager']);
  });

  it('leaves leads with an owner, and closed leads, alone', async () => {
    const owned = await newLead('2020-03-04T02:00:00Z', {
      ownerId: user.consultant1 ?? '',
      assignedAt: at('2020-03-04T02:00:00Z'),
    });
    const lost = await newLead('2020-03-04T02:00:00Z', { status: 'lost' });
    await jobs.unassignedLeads(at('2020-03-04T06:00:00Z'));
    expect(await alerted(owned)).toEqual([]);
    expect(await alerted(lost)).toEqual([]);
  });
});

describe('arrival of your customer', () => {
  const logVisit = async (input: {
    customerId: string | null;
    kind?: 'visit' | 'phone_in';
    loggedBy: string;
    rollBack?: boolean;
  }) => {
    const id = uuidv7();
    const attempt = t.db.transaction(async (tx) => {
      await tx.insert(showroomVisits).values({
        dealerId: store1,
        id,
        kind: input.kind ?? 'visit',
        customerId: input.customerId,
        arrivedAt: at('2020-03-04T03:00:00Z'),
        firstVisit: false,
        leftContact: true,
        consultantId: user.consultant2 ?? null,
        loggedBy: user[input.loggedBy] ?? null,
      });
      await notifyArrival(tx, { dealerId: store1, visitId: id });
      await notifyArrival(tx, { dealerId: store1, visitId: id });
      if (input.rollBack) throw new Error('the visit was not saved');
    });
    if (input.rollBack) await expect(attempt).rejects.toThrow('not saved');
    else await attempt;
    return (await notificationsAbout(`visit:${id}:arrival`)).map((n) => [n.username, n.kind, n.payload]);
  };

  it("tells the customer's owner once that their customer is here", async () => {
    const [customer] = await t.rows<{ name: string }>(
      sql`select name from customers where id = ${lead1.customerId}`,
    );
    await t.db.execute(
      sql`update customers set owner_id = ${user.consultant1} where id = ${lead1.customerId}`,
    );
    const told = await logVisit({ customerId: lead1.customerId, loggedBy: 'reception' });
    expect(told).toEqual([
      [
        'consultant1',
        'arrival',
        expect.objectContaining({
          customerId: lead1.customerId,
          customerName: customer?.name,
          arrivedAt: '2020-03-04T03:00:00.000Z',
          consultantName: '张伟',
        }),
      ],
    ]);
  });

  it('tells nobody of a phone-in, an anonymous visitor, an owner who logged it, or a visit not saved', async () => {
    expect(await logVisit({ customerId: lead1.customerId, kind: 'phone_in', loggedBy: 'reception' })).toEqual(
      [],
    );
    expect(await logVisit({ customerId: null, loggedBy: 'reception' })).toEqual([]);
    expect(await logVisit({ customerId: lead1.customerId, loggedBy: 'consultant1' })).toEqual([]);
    expect(await logVisit({ customerId: lead1.customerId, loggedBy: 'reception', rollBack: true })).toEqual(
      [],
    );
  });
});
