import { normalisePhone } from '@qianke/core/customers/phone';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-support/test-server';
import { type CaptureLeadInput, captureLead } from './capture-lead';

let t: TestServer;
let dealerId: string;
let sourceId: string;
let consultant1: string;
beforeAll(async () => {
  t = await startTestServer();
  const [row] = await t.rows<{ dealer_id: string; source_id: string; consultant: string }>(sql`
    select d.id as dealer_id, s.id as source_id, u.id as consultant
    from dealers d join lead_sources s on s.dealer_id = d.id join users u on u.dealer_id = d.id
    where d.code = 'SH-PD' and s.code = 'autohome' and u.username = 'consultant1'`);
  if (!row) throw new Error('demo store not found');
  dealerId = row.dealer_id;
  sourceId = row.source_id;
  consultant1 = row.consultant;
});
afterAll(() => t?.close());

const input = (raw: string, extra: Partial<CaptureLeadInput> = {}): CaptureLeadInput => {
  const phone = normalisePhone(raw);
  if (!phone) throw new Error(`bad phone ${raw}`);
  return {
    dealerId,
    actorId: null,
    customer: { name: '测试客户', phoneE164: phone.e164, phoneRaw: raw },
    lead: { sourceId, channel: 'portal' },
    occurredAt: new Date('2026-11-25T02:00:00Z'),
    via: 'test',
    ...extra,
  };
};

describe('captureLead', () => {
  it('opens one customer per phone, whatever the spelling; a repeat inquiry is a new lead on it', async () => {
    const first = await t.db.transaction((tx) =>
      captureLead(tx, input('139 1234 0001', { ownerId: consultant1 })),
    );
    expect(first.duplicate).toBe(false);
    const again = await t.db.transaction((tx) => captureLead(tx, input('+86 139-1234-0001')));
    expect(again).toMatchObject({ customerId: first.customerId, duplicate: true, ownerId: consultant1 });
    expect(again.leadId).not.toBe(first.leadId);
    const [customer] = await t.rows<{ card_no: string; leads: number }>(sql`
      select c.card_no, (select count(*)::int from leads l where l.customer_id = c.id) as leads
      from customers c where c.id = ${first.customerId}`);
    expect(customer?.leads).toBe(2);
    expect(customer?.card_no).toMatch(/^A01-26-\d{4}$/);
  });

  it('numbers cards after the demo ones, and unowned cards from the Z99 pool', async () => {
    const [max] = await t.rows<{ n: number }>(sql`
      select max(split_part(card_no, '-', 3)::int) as n from customers
      where dealer_id = ${dealerId} and card_no like 'Z99-26-%'`);
    const fresh = await t.db.transaction((tx) => captureLead(tx, input('13912340002')));
    const [row] = await t.rows<{ card_no: string }>(
      sql`select card_no from customers where id = ${fresh.customerId}`,
    );
    expect(row?.card_no).toBe(`Z99-26-${String((max?.n ?? 0) + 1).padStart(4, '0')}`);
  });

  it('sets the first call-back due 24 hours after the inquiry', async () => {
    const result = await t.db.transaction((tx) => captureLead(tx, input('13912340003')));
    const [lead] = await t.rows<{ due: Date }>(
      sql`select first_contact_due_at as due from leads where id = ${result.leadId}`,
    );
    expect(new Date(lead?.due ?? 0).toISOString()).toBe('2026-11-26T02:00:00.000Z');
  });

  it("gives an owned lead its first call-back task in the same transaction, due by the store's rule table", async () => {
    const result = await t.db.transaction((tx) =>
      captureLead(tx, input('13912340005', { ownerId: consultant1 })),
    );
    const tasks = await t.rows<{ kind: string; assignee_id: string; due_at: Date; status: string }>(
      sql`select kind, assignee_id, due_at, status from tasks where lead_id = ${result.leadId}`,
    );
    expect(tasks).toEqual([
      { kind: 'first_contact', assignee_id: consultant1, due_at: expect.anything(), status: 'open' },
    ]);
    expect(new Date(tasks[0]?.due_at ?? 0).toISOString()).toBe('2026-11-26T02:00:00.000Z');
  });

  it('assigns a portal lead without an owner by the demo rule (to the DCC agent), with the reason and a task', async () => {
    const result = await t.db.transaction((tx) => captureLead(tx, input('13912340006')));
    const [lead] = await t.rows<{ username: string; reason: { by: string; ruleName: string } }>(sql`
      select u.username, l.assignment_reason as reason from leads l join users u on u.id = l.owner_id
      where l.id = ${result.leadId}`);
    expect(lead?.username).toBe('dcc1');
    expect(lead?.reason).toMatchObject({ by: 'rule' });
    expect(result.ownerId).not.toBeNull();
    const tasks = await t.rows<{ kind: string }>(
      sql`select kind from tasks where lead_id = ${result.leadId} and status = 'open'`,
    );
    expect(tasks).toEqual([{ kind: 'first_contact' }]);
  });

  it('leaves a lead no rule matches in the distribution queue, without a task', async () => {
    const [walkIn] = await t.rows<{ id: string }>(
      sql`select id from lead_sources where dealer_id = ${dealerId} and code = 'walk_in'`,
    );
    const result = await t.db.transaction((tx) =>
      captureLead(tx, input('13912340007', { lead: { sourceId: walkIn?.id ?? '', channel: 'walk_in' } })),
    );
    expect(result.ownerId).toBeNull();
    expect(await t.rows(sql`select 1 from tasks where lead_id = ${result.leadId}`)).toEqual([]);
  });

  it('finds a customer by a further phone, e.g. the number of a card merged into it', async () => {
    const owner = await t.db.transaction((tx) =>
      captureLead(tx, input('13912340008', { ownerId: consultant1 })),
    );
    await t.rows(sql`update customers set other_phones = ${JSON.stringify([{ e164: '+8613912340009', raw: '13912340009' }])}::jsonb
      where id = ${owner.customerId}`);
    const again = await t.db.transaction((tx) => captureLead(tx, input('139 1234 0009')));
    expect(again).toMatchObject({ customerId: owner.customerId, duplicate: true });
  });

  it('keeps one customer when two requests capture the same new phone at once', async () => {
    const results = await Promise.all(
      [1, 2, 3].map(() => t.db.transaction((tx) => captureLead(tx, input('13912340004')))),
    );
    expect(new Set(results.map((r) => r.customerId)).size).toBe(1);
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
  });
});
