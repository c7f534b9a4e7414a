import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leads, orders, showroomVisits, testDrives } from '../infra/db/schema/index';
import { startTestServer, type TestServer } from '../test-support/test-server';
import { captureLead } from './capture-lead';
import { keepLeadMilestones, rebuildLeadMilestones } from './lead-milestones';

/**
 * The funnel milestones each lead carries (leads.visited_at .. delivered_at), computed from the events
 * by customers/lead-milestones.repo.ts and, for a database upgraded to them, by migration 0011. The
 * write paths that keep them (visits, test drives, orders, merges) are tested with those routes.
 */
let t: TestServer;
let dealerId: string;
let walkIn: string;
let consultant: string;
let car: string;
let storeIds: string[];
beforeAll(async () => {
  t = await startTestServer();
  const [row] = await t.rows<{ dealer_id: string; walk_in: string; consultant: string }>(sql`
    select d.id as dealer_id,
      (select id from lead_sources where dealer_id = d.id and code = 'walk_in') as walk_in,
      (select id from users where username = 'consultant1') as consultant
    from dealers d where d.code = 'SH-PD'`);
  if (!row) throw new Error('demo store not found');
  ({ dealer_id: dealerId, walk_in: walkIn, consultant } = row);
  const [demoCar] = await t.rows<{ id: string }>(
    sql`select id from demo_cars where dealer_id = ${dealerId} limit 1`,
  );
  car = demoCar?.id as string;
  storeIds = (await t.rows<{ id: string }>(sql`select id from dealers`)).map((d) => d.id);
});
afterAll(() => t?.close());

const at = (iso: string) => new Date(iso);

type Milestones = {
  visited: string | null;
  driven: string | null;
  ordered: string | null;
  delivered: string | null;
};
const milestonesOf = async (leadId: string): Promise<Milestones> => {
  const [row] = await t.rows<Milestones>(sql`
    select to_char(visited_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI') as visited,
      to_char(test_driven_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI') as driven,
      to_char(ordered_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI') as ordered,
      to_char(delivered_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI') as delivered
    from leads where id = ${leadId}`);
  if (!row) throw new Error(`lead ${leadId} not stored`);
  return row;
};

/** Every lead's milestones, in one comparable list. */
const everyLead = () =>
  t.rows<{ id: string; m: string }>(sql`
    select id, concat_ws('|', visited_at, test_driven_at, ordered_at, delivered_at) as m from leads order by dealer_id, id`);

let nextPhone = 13_688_880_000;

describe('lead milestones', () => {
  it('count an event without a lead for the leads of its customer opened before it, and the first one of each kind', async () => {
    const phone = String(nextPhone++);
    const first = await t.db.transaction((tx) =>
      captureLead(tx, {
        dealerId,
        actorId: null,
        customer: { name: '里程碑', phoneE164: `+86${phone}`, phoneRaw: phone },
        lead: { sourceId: walkIn, channel: 'walk_in' },
        occurredAt: at('2026-03-01T02:00:00Z'),
        via: 'manual',
      }),
    );
    const { customerId } = first;
    const later = randomUUID();
    await t.db.insert(leads).values({
      dealerId,
      id: later,
      customerId,
      sourceId: walkIn,
      channel: 'walk_in',
      createdAt: at('2026-03-20T02:00:00Z'),
    });
    const visit = (arrivedAt: string, leadId: string | null) =>
      t.db.insert(showroomVisits).values({
        dealerId,
        id: randomUUID(),
        customerId,
        leadId,
        arrivedAt: at(arrivedAt),
        firstVisit: false,
        leftContact: true,
        consultantId: consultant,
      });
    const drive = (startsAt: string, status: 'done' | 'cancelled') =>
      t.db.insert(testDrives).values({
        dealerId,
        id: randomUUID(),
        customerId,
        demoCarId: car,
        consultantId: consultant,
        startsAt: at(startsAt),
        endsAt: new Date(at(startsAt).getTime() + 30 * 60_000),
        status,
      });
    const order = (
      no: string,
      orderedAt: string,
      status: 'confirmed' | 'delivered' | 'cancelled',
      leadId: string | null,
    ) =>
      t.db.insert(orders).values({
        dealerId,
        id: randomUUID(),
        orderNo: no,
        customerId,
        leadId,
        consultantId: consultant,
        price: 180_000,
        paymentMethod: 'cash',
        status,
        orderedAt: at(orderedAt),
        deliveredAt: status === 'delivered' ? at('2026-04-02T02:00:00Z') : null,
      });
    await visit('2026-03-10T02:00:00Z', null); // only the first lead existed
    await visit('2026-03-05T02:00:00Z', first.leadId); // its own, earlier
    await visit('2026-03-25T02:00:00Z', null); // both leads existed
    await drive('2026-03-12T02:00:00Z', 'cancelled'); // not driven
    await drive('2026-03-22T02:00:00Z', 'done');
    await order('MS-1', '2026-03-15T02:00:00Z', 'cancelled', first.leadId); // no order
    await order('MS-2', '2026-03-28T02:00:00Z', 'delivered', later);

    await keepLeadMilestones(t.db, dealerId, [customerId]);
    expect(await milestonesOf(first.leadId)).toEqual({
      visited: '2026-03-05T02:00',
      driven: '2026-03-22T02:30',
      ordered: null,
      delivered: null,
    });
    expect(await milestonesOf(later)).toEqual({
      visited: '2026-03-25T02:00',
      driven: '2026-03-22T02:30',
      ordered: '2026-03-28T02:00',
      delivered: '2026-04-02T02:00',
    });

    // The delivered order is cancelled after all: the later lead is neither ordered nor delivered.
    await t.rows(
      sql`update orders set status = 'cancelled' where dealer_id = ${dealerId} and order_no = 'MS-2'`,
    );
    await keepLeadMilestones(t.db, dealerId, [customerId]);
    expect(await milestonesOf(later)).toMatchObject({ ordered: null, delivered: null });
  });

  it('count for a lead captured later but dated before them (an import or portal inquiry time)', async () => {
    const phone = String(nextPhone++);
    const capture = (occurredAt: string, now?: string) =>
      t.db.transaction((tx) =>
        captureLead(tx, {
          dealerId,
          actorId: null,
          customer: { name: '补录', phoneE164: `+86${phone}`, phoneRaw: phone },
          lead: { sourceId: walkIn, channel: 'import' },
          occurredAt: at(occurredAt),
          ...(now ? { now: at(now) } : {}),
          via: 'manual',
        }),
      );
    const first = await capture('2026-05-01T02:00:00Z');
    await t.db.insert(showroomVisits).values({
      dealerId,
      id: randomUUID(),
      customerId: first.customerId,
      arrivedAt: at('2026-05-10T02:00:00Z'),
      firstVisit: true,
      leftContact: true,
      consultantId: consultant,
    });
    await keepLeadMilestones(t.db, dealerId, [first.customerId]);
    // Imported on 20 May with an inquiry time of 5 May: the visit of 10 May is this lead's too.
    const imported = await capture('2026-05-05T02:00:00Z', '2026-05-20T02:00:00Z');
    expect(imported.customerId).toBe(first.customerId);
    expect(imported.leadId).not.toBe(first.leadId);
    expect(await milestonesOf(imported.leadId)).toMatchObject({ visited: '2026-05-10T02:00' });
  });

  it('come out of the migration for an upgraded database as the repository computes them', async () => {
    await rebuildLeadMilestones(t.db, storeIds);
    const kept = await everyLead();
    const [reached] = await t.rows<Record<string, number>>(sql`
      select count(visited_at)::int as visited, count(test_driven_at)::int as driven,
        count(ordered_at)::int as ordered, count(delivered_at)::int as delivered from leads`);
    // The demo reaches every milestone, so the comparison below compares something.
    for (const n of Object.values(reached ?? {})) expect(n).toBeGreaterThan(0);

    await t.rows(
      sql`update leads set visited_at = null, test_driven_at = null, ordered_at = null, delivered_at = null`,
    );
    const migration = readFileSync(
      new URL('../infra/db/migrations/0011_lead_milestones.sql', import.meta.url),
      'utf8',
    );
    const backfill = migration
      .split('--> statement-breakpoint')
      .find((part) => part.includes('UPDATE "leads"'));
    if (!backfill) throw new Error('migration 0011 has no backfill');
    await t.rows(sql.raw(backfill));
    expect(await everyLead()).toEqual(kept);
  });
});
