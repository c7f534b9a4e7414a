import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOVEMBER, type QualityStore, startQualityStore } from './quality-test-store';

/**
 * The fixture of core/reports/dcc.test.ts in a store of its own: calls k1-k9 and invitations i1-i6 of
 * agents a1 and a2, orders of i1 (Nov 6), i5 (Nov 15) and of i4's customer before it was invited (Nov 1);
 * a3 is a DCC agent without a call. Now: Nov 25 2026, 10:00 Beijing time.
 */
let q: QualityStore;
const customerOf: Record<string, string> = {};
let orderNo = 0;

beforeAll(async () => {
  q = await startQualityStore();
  const agent = (name: string) => q.users[name] as string;
  const calls: [string, string, string, string][] = [
    ['k1', 'a1', 'reached', '2026-11-02T02:00:00Z'],
    ['k2', 'a1', 'no_answer', '2026-11-02T03:00:00Z'],
    ['k3', 'a1', 'invited', '2026-11-03T02:00:00Z'],
    ['k4', 'a1', 'busy', '2026-11-03T03:00:00Z'],
    ['k5', 'a1', 'call_back', '2026-10-31T16:10:00Z'],
    ['k6', 'a2', 'not_interested', '2026-11-10T02:00:00Z'],
    ['k7', 'a2', 'wrong_number', '2026-11-10T03:00:00Z'],
    ['k8', 'a1', 'reached', '2026-10-31T15:50:00Z'],
    ['k9', 'a2', 'no_answer', '2026-11-30T16:00:00Z'],
  ];
  for (const [name, who, outcome, occurredAt] of calls) {
    const { customerId, leadId } = await q.lead({ ownerId: agent(who), channel: 'portal' });
    customerOf[name] = customerId;
    await q.exec(sql`insert into dcc_calls (dealer_id, id, direction, agent_id, customer_id, lead_id, outcome, occurred_at)
      values (${q.dealerId}, ${randomUUID()}, 'outbound', ${agent(who)}, ${customerId}, ${leadId}, ${outcome}, ${occurredAt})`);
  }
  const invitations: [string, string, string, string, string, string | null][] = [
    ['i1', 'a1', '2026-11-03T02:00:00Z', '2026-11-05T02:00:00Z', 'arrived', '2026-11-06T02:00:00Z'],
    ['i2', 'a1', '2026-11-03T03:00:00Z', '2026-11-08T02:00:00Z', 'no_show', null],
    ['i3', 'a1', '2026-11-20T02:00:00Z', '2026-11-28T02:00:00Z', 'scheduled', null],
    ['i4', 'a1', '2026-11-04T02:00:00Z', '2026-11-06T02:00:00Z', 'cancelled', '2026-11-01T02:00:00Z'],
    ['i5', 'a2', '2026-11-10T02:00:00Z', '2026-11-12T02:00:00Z', 'arrived', '2026-11-15T02:00:00Z'],
    ['i6', 'a2', '2026-10-31T15:00:00Z', '2026-11-02T02:00:00Z', 'arrived', null],
  ];
  for (const [name, who, createdAt, scheduledAt, status, orderedAt] of invitations) {
    const { customerId, leadId } = await q.lead({ ownerId: q.users.u1 as string });
    customerOf[name] = customerId;
    await q.exec(sql`insert into invitations (dealer_id, id, customer_id, lead_id, invited_by, scheduled_at, purpose,
        status, created_at)
      values (${q.dealerId}, ${randomUUID()}, ${customerId}, ${leadId}, ${agent(who)}, ${scheduledAt}, 'viewing',
        ${status}, ${createdAt})`);
    if (orderedAt) {
      orderNo += 1;
      await q.exec(sql`insert into orders (dealer_id, id, order_no, customer_id, lead_id, consultant_id, price,
          payment_method, status, ordered_at)
        values (${q.dealerId}, ${randomUUID()}, ${`SO-${orderNo}`}, ${customerId}, ${leadId}, ${q.users.u1 as string},
          100000, 'cash', 'confirmed', ${orderedAt})`);
    }
  }
});
afterAll(() => q?.t.close());

describe('GET /api/v1/reports/dcc', () => {
  it("answers the core test's hand-computed figures for the store", async () => {
    const res = await q.manager.get(`/api/v1/reports/dcc?${NOVEMBER}`);
    expect(res.status).toBe(200);
    expect(res.body.totals).toEqual({
      calls: { current: 7, previous: 1 },
      reached: { current: 4, previous: 1 },
      reachRate: { current: 0.5714, previous: 1 },
      invitations: { current: 5, previous: 1 },
      invitationsDue: { current: 3, previous: 1 },
      arrived: { current: 2, previous: 1 },
      invitationRate: { current: 1.25, previous: 1 },
      arrivalRate: { current: 0.6667, previous: 1 },
      ordered: { current: 2, previous: 0 },
      invitationToOrderRate: { current: 0.4, previous: 0 },
    });
    const rows = res.body.byAgent.map((a: any) => [
      a.agent.name,
      a.calls,
      a.reached,
      a.reachRate,
      a.invitations,
      a.invitationsDue,
      a.arrived,
      a.invitationRate,
      a.arrivalRate,
      a.ordered,
      a.invitationToOrderRate,
    ]);
    expect(rows).toEqual([
      ['User a1', 5, 3, 0.6, 4, 2, 1, 1.3333, 0.5, 1, 0.25],
      ['User a2', 2, 1, 0.5, 1, 1, 1, 1, 1, 1, 1],
      ['User a3', 0, 0, null, 0, 0, 0, null, null, 0, null],
    ]);
    expect(res.body.byAgent[0].previous).toMatchObject({ calls: 1, reached: 1, invitations: 0 });
    expect(res.body.byAgent[0].key).toBe(`agent:${q.users.a1}`);
  });

  it('filters by agent; an agent sees only their own figures', async () => {
    const a2 = await q.manager.get(`/api/v1/reports/dcc?${NOVEMBER}&consultantId=${q.users.a2}`);
    expect(a2.body.byAgent.map((a: any) => a.agent.name)).toEqual(['User a2']);
    expect(a2.body.totals.calls).toEqual({ current: 2, previous: 0 });
    const agent = await q.as('a1');
    const own = await agent.get(`/api/v1/reports/dcc?${NOVEMBER}&consultantId=${q.users.a2}`);
    expect(own.body.meta.ownFiguresOnly).toBe(true);
    expect(own.body.byAgent.map((a: any) => a.agent.name)).toEqual(['User a1']);
    expect(own.body.totals.ordered.current).toBe(1);
  });

  it('drills down to the customers behind a figure and an agent', async () => {
    const drill = (query: string) => q.manager.get(`/api/v1/reports/dcc/customers?${NOVEMBER}&${query}`);
    const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((c) => c.id).sort();
    const of = (...names: string[]) => names.map((n) => customerOf[n] as string).sort();
    expect(ids(await drill('metric=ordered'))).toEqual(of('i1', 'i5'));
    expect(ids(await drill(`metric=reached&key=agent:${q.users.a1}`))).toEqual(of('k1', 'k3', 'k5'));
    expect(ids(await drill('metric=arrived&period=previous'))).toEqual(of('i6'));
    // A DCC agent sees the phone in full only of customers they own (core/customers/visibility.ts).
    const agent = await q.as('a1');
    const own = await agent.get(`/api/v1/reports/dcc/customers?${NOVEMBER}&metric=ordered`);
    expect(own.body.items.map((c: any) => [c.id, c.phoneMasked])).toEqual([[customerOf.i1, true]]);
  });

  it('exports the table by agent with a total line, for a manager only', async () => {
    expect((await (await q.as('a1')).get(`/api/v1/reports/dcc/export?${NOVEMBER}`)).status).toBe(403);
    const res = await fetch(`${q.t.baseUrl}/api/v1/reports/dcc/export?${NOVEMBER}`, {
      headers: { cookie: q.manager.cookie ?? '' },
    });
    expect(res.status).toBe(200);
    await res.arrayBuffer();
    const [audit] = await q.t.rows<{ after: any }>(
      sql`select after from audit_log where action = 'report.export' and entity_id = 'dcc'`,
    );
    expect(audit?.after).toMatchObject({ rows: 4, complete: true });
  });
});
