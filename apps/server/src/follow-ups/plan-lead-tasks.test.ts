import { normalisePhone } from '@qianke/core/customers/phone';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureLead } from '../customers/capture-lead';
import { followUps, orders } from '../infra/db/schema/index';
import { startTestServer, type TestServer } from '../test-support/test-server';
import { replanLeadTasks, replanStoreTasks } from './plan-lead-tasks';

/**
 * replanLeadTasks, the follow-up engine's promise to every part that changes a lead: the lead's one open
 * rule task is what the rule table says, and planning again changes nothing.
 */

const at = (local: string) => new Date(`${local}+08:00`);
const current = at('2027-01-30T10:00:00');
const clock = { now: () => new Date(current) };

let t: TestServer;
let dealerId: string;
let sourceId: string;
let consultant1: string;
let consultant2: string;

type TaskRow = {
  id: string;
  kind: string;
  rule_key: string | null;
  due_at: string;
  status: string;
  assignee_id: string;
};

const tasksOf = (leadId: string) =>
  t.rows<TaskRow>(sql`
    select id::text, kind, rule_key, to_char(due_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD"T"HH24:MI') as due_at,
           status, assignee_id::text
    from tasks where lead_id = ${leadId} order by created_at, id`);

const openTasksOf = async (leadId: string) => (await tasksOf(leadId)).filter((r) => r.status === 'open');

let phoneSerial = 0;
const capture = async (options: { ownerId?: string | null; occurredAt?: Date } = {}) => {
  phoneSerial++;
  const raw = `1391234${String(5000 + phoneSerial).padStart(4, '0')}`;
  const phone = normalisePhone(raw);
  if (!phone) throw new Error(`bad phone ${raw}`);
  return t.db.transaction(async (tx) => {
    const captured = await captureLead(tx, {
      dealerId,
      actorId: null,
      customer: { name: `计划测试${phoneSerial}`, phoneE164: phone.e164, phoneRaw: raw },
      lead: { sourceId, channel: 'walk_in' },
      ownerId: options.ownerId === undefined ? consultant1 : options.ownerId,
      occurredAt: options.occurredAt ?? clock.now(),
      via: 'test',
    });
    await replanLeadTasks(tx, { dealerId, leadId: captured.leadId, now: clock.now() });
    return captured;
  });
};

const replan = (leadId: string) =>
  t.db.transaction((tx) => replanLeadTasks(tx, { dealerId, leadId, now: clock.now() }));

const setLead = (leadId: string, patch: ReturnType<typeof sql>) =>
  t.rows(sql`update leads set ${patch} where id = ${leadId} returning id`);

beforeAll(async () => {
  t = await startTestServer({ clock });
  const [row] = await t.rows<{ dealer_id: string; source_id: string; c1: string; c2: string }>(sql`
    select d.id as dealer_id, s.id as source_id,
      (select id from users where username = 'consultant1') as c1,
      (select id from users where username = 'consultant2') as c2
    from dealers d join lead_sources s on s.dealer_id = d.id
    where d.code = 'SH-PD' and s.code = 'walk_in'`);
  if (!row) throw new Error('demo store not found');
  dealerId = row.dealer_id;
  sourceId = row.source_id;
  consultant1 = row.c1;
  consultant2 = row.c2;
});
afterAll(() => t?.close());

describe('the first task of a new lead', () => {
  it('is the 24-hour call-back, due when capture said, assigned to the owner', async () => {
    const { leadId } = await capture({ occurredAt: at('2027-01-30T09:15:00') });
    expect(await openTasksOf(leadId)).toEqual([
      expect.objectContaining({
        kind: 'first_contact',
        rule_key: 'first_contact',
        due_at: '2027-01-31T09:15',
        assignee_id: consultant1,
      }),
    ]);
  });

  it('a lead without an owner has no task until someone owns it', async () => {
    const { leadId } = await capture({ ownerId: null });
    expect(await openTasksOf(leadId)).toEqual([]);
    await setLead(leadId, sql`owner_id = ${consultant2}`);
    await replan(leadId);
    expect(await openTasksOf(leadId)).toEqual([
      expect.objectContaining({ kind: 'first_contact', assignee_id: consultant2 }),
    ]);
  });
});

describe('idempotency', () => {
  it('planning a lead twice gives the same rows', async () => {
    const { leadId } = await capture();
    const once = await tasksOf(leadId);
    await replan(leadId);
    await replan(leadId);
    expect(await tasksOf(leadId)).toEqual(once);
  });

  it('planning the whole store twice: the second run changes nothing', async () => {
    const snapshot = () =>
      t.rows(
        sql`select id, status, due_at, assignee_id from tasks where dealer_id = ${dealerId} order by id`,
      );
    await t.db.transaction((tx) => replanStoreTasks(tx, { dealerId, now: clock.now(), batchSize: 50 }));
    const before = await snapshot();
    const changed = await t.db.transaction((tx) =>
      replanStoreTasks(tx, { dealerId, now: clock.now(), batchSize: 50 }),
    );
    expect(changed).toBe(0);
    expect(await snapshot()).toEqual(before);
    const [doubles] = await t.rows<{ n: number }>(sql`
      select count(*)::int as n from (select lead_id from tasks where dealer_id = ${dealerId}
        and status = 'open' and custom = false group by lead_id having count(*) > 1) d`);
    expect(doubles?.n).toBe(0);
  });

  it('every open lead with an owner has exactly one open rule task; lost leads none', async () => {
    const [row] = await t.rows<{ missing: number; lost_with_task: number }>(sql`
      select
        (select count(*)::int from leads l where l.dealer_id = ${dealerId} and l.status = 'open'
           and l.owner_id is not null and not exists (select 1 from tasks t where t.lead_id = l.id
           and t.status = 'open' and t.custom = false)) as missing,
        (select count(*)::int from leads l where l.dealer_id = ${dealerId} and l.status = 'lost'
           and exists (select 1 from tasks t where t.lead_id = l.id and t.status = 'open'
           and t.custom = false)) as lost_with_task`);
    expect(row).toEqual({ missing: 0, lost_with_task: 0 });
  });
});

describe('re-planning when the lead changes', () => {
  it('a contacted lead follows its level: A daily, then B weekly; the stale task is cancelled', async () => {
    const { leadId, customerId } = await capture();
    const contactedAt = at('2027-01-31T15:00:00');
    await t.db.insert(followUps).values({
      dealerId,
      leadId,
      customerId,
      userId: consultant1,
      channel: 'phone',
      content: '回访',
      result: '有意向',
      occurredAt: contactedAt,
    });
    await setLead(leadId, sql`level = 'A', first_contacted_at = ${contactedAt.toISOString()}::timestamptz`);
    await replan(leadId);
    expect(await openTasksOf(leadId)).toEqual([
      expect.objectContaining({ kind: 'follow_up', rule_key: 'cadence.A', due_at: '2027-02-01T18:00' }),
    ]);
    await setLead(leadId, sql`level = 'B'`);
    await replan(leadId);
    const all = await tasksOf(leadId);
    expect(all.map((r) => [r.kind, r.status])).toEqual([
      ['first_contact', 'cancelled'],
      ['follow_up', 'cancelled'],
      ['follow_up', 'open'],
    ]);
    expect(all[2]).toMatchObject({ rule_key: 'cadence.B', due_at: '2027-02-07T18:00' });
  });

  it('a lost lead loses its task; a reassigned one moves to the new owner', async () => {
    const { leadId } = await capture();
    await setLead(leadId, sql`owner_id = ${consultant2}`);
    await replan(leadId);
    expect((await openTasksOf(leadId))[0]?.assignee_id).toBe(consultant2);
    await setLead(leadId, sql`status = 'lost'`);
    await replan(leadId);
    expect(await openTasksOf(leadId)).toEqual([]);
  });

  it('a won lead with a delivered car gets owner care two weeks after delivery', async () => {
    const { leadId, customerId } = await capture();
    const delivered = at('2027-01-20T11:00:00');
    await t.db.insert(orders).values({
      dealerId,
      orderNo: 'TEST-PLAN-1',
      customerId,
      leadId,
      consultantId: consultant1,
      price: 150000,
      paymentMethod: 'cash',
      status: 'delivered',
      orderedAt: at('2027-01-10T10:00:00'),
      deliveredAt: delivered,
    });
    await setLead(
      leadId,
      sql`status = 'won', level = 'O', first_contacted_at = ${delivered.toISOString()}::timestamptz`,
    );
    await replan(leadId);
    expect(await openTasksOf(leadId)).toEqual([
      expect.objectContaining({
        kind: 'owner_care',
        rule_key: 'owner_care.intensive',
        due_at: '2027-02-03T18:00',
      }),
    ]);
  });
});
