import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orders } from '../infra/db/schema/index';
import { startTestServer, type TestServer } from '../test-support/test-server';
import { captureLead } from './capture-lead';
import { keepOrderFacts, rebuildOrderFacts } from './order-facts';

/**
 * What the reports keep of the orders (orders.lead_source_id, customers.last_ordered_at), computed by
 * customers/order-facts.repo.ts and, for a database upgraded to them, by migration 0012. The order
 * routes' tests check that placing and cancelling an order keeps them.
 */
let t: TestServer;
let dealerId: string;
let autohome: string;
let consultant: string;
let storeIds: string[];
beforeAll(async () => {
  t = await startTestServer();
  const [row] = await t.rows<{ dealer_id: string; autohome: string; consultant: string }>(sql`
    select d.id as dealer_id,
      (select id from lead_sources where dealer_id = d.id and code = 'autohome') as autohome,
      (select id from users where username = 'consultant1') as consultant
    from dealers d where d.code = 'SH-PD'`);
  if (!row?.autohome) throw new Error('demo store or its source autohome not found');
  ({ dealer_id: dealerId, autohome, consultant } = row);
  storeIds = (await t.rows<{ id: string }>(sql`select id from dealers`)).map((d) => d.id);
});
afterAll(() => t?.close());

type Facts = { last: string | null; sources: (string | null)[] };
const factsOf = async (customerId: string): Promise<Facts> => {
  const [customer] = await t.rows<{ last: string | null }>(sql`
    select to_char(last_ordered_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI') as last
    from customers where id = ${customerId}`);
  const rows = await t.rows<{ source: string | null }>(
    sql`select lead_source_id as source from orders where customer_id = ${customerId} order by ordered_at`,
  );
  return { last: customer?.last ?? null, sources: rows.map((r) => r.source) };
};

/** Every customer's and order's kept facts, in one comparable list. */
const everything = async () => [
  ...(await t.rows<{ id: string; f: string | null }>(
    sql`select id, last_ordered_at::text as f from customers order by dealer_id, id`,
  )),
  ...(await t.rows<{ id: string; f: string | null }>(
    sql`select id, lead_source_id::text as f from orders order by dealer_id, id`,
  )),
];

let orderNo = 0;
const order = (customerId: string, leadId: string | null, orderedAt: string, status = 'confirmed') =>
  t.db.insert(orders).values({
    dealerId,
    id: randomUUID(),
    orderNo: `FACT-${++orderNo}`,
    customerId,
    leadId,
    consultantId: consultant,
    price: 150_000,
    paymentMethod: 'cash',
    status: status as 'confirmed' | 'cancelled',
    orderedAt: new Date(orderedAt),
  });

describe('order facts', () => {
  it("keep the latest live order on the customer and each order's lead source on the order", async () => {
    const first = await t.db.transaction((tx) =>
      captureLead(tx, {
        dealerId,
        actorId: null,
        customer: { name: '订单事实', phoneE164: '+8613677770001', phoneRaw: '13677770001' },
        lead: { sourceId: autohome, channel: 'portal' },
        occurredAt: new Date('2026-03-01T02:00:00Z'),
        via: 'manual',
      }),
    );
    const { customerId, leadId } = first;
    expect(await factsOf(customerId)).toEqual({ last: null, sources: [] });

    await order(customerId, leadId, '2026-03-10T02:00:00Z');
    await order(customerId, null, '2026-04-01T02:00:00Z');
    await order(customerId, leadId, '2026-05-01T02:00:00Z', 'cancelled');
    await keepOrderFacts(t.db, dealerId, [customerId, null]);
    // The cancelled order of May is no order; the one without a lead has no lead source.
    expect(await factsOf(customerId)).toEqual({
      last: '2026-04-01T02:00',
      sources: [autohome, null, autohome],
    });

    await t.rows(sql`update orders set status = 'cancelled' where customer_id = ${customerId}`);
    await keepOrderFacts(t.db, dealerId, [customerId]);
    expect((await factsOf(customerId)).last).toBeNull();
  });

  it('come out of the migration for an upgraded database as the repository computes them', async () => {
    await rebuildOrderFacts(t.db, storeIds);
    const kept = await everything();
    const [counted] = await t.rows<{ customers: number; orders: number }>(sql`
      select (select count(last_ordered_at)::int from customers) as customers,
        (select count(lead_source_id)::int from orders) as orders`);
    // The demo has orders with leads, so the comparison below compares something.
    expect(counted?.customers).toBeGreaterThan(0);
    expect(counted?.orders).toBeGreaterThan(0);

    await t.rows(sql`update customers set last_ordered_at = null`);
    await t.rows(sql`update orders set lead_source_id = null`);
    const migration = readFileSync(
      new URL('../infra/db/migrations/0012_order_facts.sql', import.meta.url),
      'utf8',
    );
    const backfills = migration.split('--> statement-breakpoint').filter((part) => part.includes('UPDATE "'));
    expect(backfills).toHaveLength(2);
    for (const backfill of backfills) await t.rows(sql.raw(backfill));
    expect(await everything()).toEqual(kept);
  });
});
