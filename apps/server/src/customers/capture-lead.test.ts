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

  it('keeps one customer when two requests capture the same new phone at once', async () => {
    const results = await Promise.all(
      [1, 2, 3].map(() => t.db.transaction((tx) => captureLead(tx, input('13912340004')))),
    );
    expect(new Set(results.map((r) => r.customerId)).size).toBe(1);
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
  });
});
