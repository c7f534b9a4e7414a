import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOVEMBER, type QualityStore, startQualityStore } from './quality-test-store';

/**
 * The fixture of core/reports/follow-up-compliance.test.ts in a store of its own, as the tables hold it:
 * call-backs c1-c5 are leads' first contacts (first_contact_due_at / first_contacted_at); c6 and c7 are
 * showroom visits of leads contacted long before, whose contact is the first follow-up after the arrival
 * other than the showroom one; a visit of the never-contacted lead c3 is not counted a second time.
 * Tasks t1-t10 and portal leads p1-p7 as in the core test. Now: Nov 25 2026, 10:00 Beijing time.
 */
let q: QualityStore;
const customerOf: Record<string, string> = {};
const at = (iso: string) => new Date(iso);
const MIN = 60_000;

const followUp = (leadId: string, customerId: string, userId: string, channel: string, occurredAt: string) =>
  q.exec(sql`insert into follow_ups (dealer_id, id, lead_id, customer_id, user_id, channel, content, result, occurred_at)
    values (${q.dealerId}, ${randomUUID()}, ${leadId}, ${customerId}, ${userId}, ${channel}, '回访', '已联系', ${occurredAt})`);

const visit = (leadId: string, customerId: string, consultantId: string, arrivedAt: Date) =>
  q.exec(sql`insert into showroom_visits (dealer_id, id, customer_id, lead_id, arrived_at, first_visit, consultant_id,
      left_contact, callback_due_at)
    values (${q.dealerId}, ${randomUUID()}, ${customerId}, ${leadId}, ${arrivedAt.toISOString()}, false, ${consultantId},
      true, ${new Date(arrivedAt.getTime() + 24 * 60 * MIN).toISOString()})`);

beforeAll(async () => {
  q = await startQualityStore();
  const u = q.users as Record<'u1' | 'u2' | 'u3', string>;
  // Leads' first contacts.
  const firstContacts: [string, string, string, string | null][] = [
    ['c1', u.u1, '2026-11-03T02:00:00Z', '2026-11-02T08:00:00Z'],
    ['c2', u.u1, '2026-11-10T02:00:00Z', '2026-11-10T05:00:00Z'],
    ['c3', u.u2, '2026-11-12T00:00:00Z', null],
    ['c4', u.u2, '2026-11-26T00:00:00Z', null],
    ['c5', u.u2, '2026-11-26T00:00:00Z', '2026-11-25T01:00:00Z'],
  ];
  const leadOf: Record<string, string> = {};
  for (const [name, ownerId, due, contacted] of firstContacts) {
    const { customerId, leadId } = await q.lead({
      ownerId,
      createdAt: new Date(at(due).getTime() - 24 * 60 * MIN),
      firstContactDueAt: at(due),
      firstContactedAt: contacted ? at(contacted) : null,
    });
    customerOf[name] = customerId;
    leadOf[name] = leadId;
  }
  // The never-contacted lead c3 also came to the showroom: still one call-back.
  await visit(leadOf.c3 as string, customerOf.c3 as string, u.u2, at('2026-11-11T00:00:00Z'));
  // Visits of leads contacted before: c6 called back in time (the showroom note does not count), c7 not.
  for (const [name, consultant, arrival] of [
    ['c6', u.u1, '2026-10-30T16:30:00Z'],
    ['c7', u.u2, '2026-10-30T15:59:00Z'],
  ] as const) {
    const { customerId, leadId } = await q.lead({
      ownerId: consultant,
      createdAt: at('2026-09-01T00:00:00Z'),
      firstContactDueAt: at('2026-09-02T00:00:00Z'),
      firstContactedAt: at('2026-09-01T05:00:00Z'),
    });
    customerOf[name] = customerId;
    await visit(leadId, customerId, consultant, at(arrival));
    await followUp(leadId, customerId, consultant, 'showroom', '2026-10-30T17:00:00Z');
    if (name === 'c6') await followUp(leadId, customerId, consultant, 'phone', '2026-10-31T12:00:00Z');
  }
  // Tasks.
  const tasks: [string, string, string, 'open' | 'done' | 'cancelled', string | null][] = [
    ['t1', u.u1, '2026-11-05T10:00:00Z', 'done', '2026-11-05T09:00:00Z'],
    ['t2', u.u1, '2026-11-06T10:00:00Z', 'done', '2026-11-07T01:00:00Z'],
    ['t3', u.u1, '2026-11-20T10:00:00Z', 'open', null],
    ['t4', u.u2, '2026-11-24T00:00:00Z', 'open', null],
    ['t5', u.u2, '2026-11-28T00:00:00Z', 'open', null],
    ['t6', u.u2, '2026-11-08T00:00:00Z', 'cancelled', null],
    ['t7', u.u2, '2026-11-30T16:00:00Z', 'done', '2026-11-24T00:00:00Z'],
    ['t8', u.u2, '2026-10-20T00:00:00Z', 'open', null],
    ['t9', u.u1, '2026-10-31T15:00:00Z', 'done', '2026-10-31T14:00:00Z'],
    ['t10', u.u3, '2026-11-28T00:00:00Z', 'done', '2026-11-24T00:00:00Z'],
  ];
  for (const [name, assignee, due, status, doneAt] of tasks) {
    const { customerId, leadId } = await q.lead({ ownerId: assignee });
    customerOf[name] = customerId;
    await q.exec(sql`insert into tasks (dealer_id, id, lead_id, customer_id, assignee_id, kind, due_at, status, done_at)
      values (${q.dealerId}, ${randomUUID()}, ${leadId}, ${customerId}, ${assignee}, 'follow_up', ${due}, ${status}, ${doneAt})`);
  }
  // Portal leads.
  const portal: [string, string, string, number | null][] = [
    ['p1', 'portal', '2026-11-02T00:00:00Z', 10],
    ['p2', 'website', '2026-11-03T00:00:00Z', 30],
    ['p3', 'portal', '2026-11-04T00:00:00Z', 90],
    ['p4', 'portal', '2026-11-05T00:00:00Z', 240],
    ['p5', 'portal', '2026-11-06T00:00:00Z', null],
    ['p6', 'walk_in', '2026-11-07T00:00:00Z', 5],
    ['p7', 'portal', '2026-10-31T15:00:00Z', 60],
  ];
  for (const [name, channel, createdAt, minutes] of portal) {
    const { customerId } = await q.lead({
      ownerId: u.u1,
      channel,
      createdAt: at(createdAt),
      firstContactedAt: minutes === null ? null : new Date(at(createdAt).getTime() + minutes * MIN),
    });
    customerOf[name] = customerId;
  }
});
afterAll(() => q?.t.close());

const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((c) => c.id).sort();
const customers = (...names: string[]) => names.map((n) => customerOf[n] as string).sort();

describe('GET /api/v1/reports/follow-up-compliance', () => {
  it("answers the core test's hand-computed figures for the store", async () => {
    const res = await q.manager.get(`/api/v1/reports/follow-up-compliance?${NOVEMBER}`);
    expect(res.status).toBe(200);
    const body = res.body;
    expect(body.asOf).toBe('2026-11-25T02:00:00.000Z');
    expect(body.callbacks).toEqual({
      due: { current: 5, previous: 1 },
      met: { current: 3, previous: 0 },
      rate: { current: 0.6, previous: 0 },
    });
    expect(body.tasks).toEqual({
      due: { current: 5, previous: 2 },
      onTime: { current: 2, previous: 1 },
      rate: { current: 0.4, previous: 0.5 },
    });
    expect(body.portal).toEqual({
      leads: { current: 5, previous: 1 },
      responded: { current: 4, previous: 1 },
      waiting: { current: 1, previous: 0 },
      medianMinutes: { current: 60, previous: 60 },
      p90Minutes: { current: 240, previous: 60 },
    });
    expect(body.overdueNow).toBe(3);
    expect(
      body.byUser.map((r: any) => [
        r.user.name,
        r.callbacksDue,
        r.callbacksMet,
        r.callbackRate,
        r.tasksDue,
        r.tasksOnTime,
        r.onTimeRate,
        r.overdueNow,
        r.oldestOverdueAt,
      ]),
    ).toEqual([
      ['User u2', 2, 1, 0.5, 1, 0, 0, 2, '2026-10-20T00:00:00.000Z'],
      ['User u1', 3, 2, 0.6667, 3, 1, 0.3333, 1, '2026-11-20T10:00:00.000Z'],
      ['User u3', 0, 0, null, 1, 1, 1, 0, null],
    ]);
  });

  it('filters by consultant; a consultant sees only their own figures', async () => {
    const u1 = await q.manager.get(
      `/api/v1/reports/follow-up-compliance?${NOVEMBER}&consultantId=${q.users.u1}`,
    );
    expect(u1.body.callbacks.rate).toEqual({ current: 0.6667, previous: null });
    expect(u1.body.tasks.due).toEqual({ current: 3, previous: 1 });
    expect(u1.body.overdueNow).toBe(1);
    const consultant = await q.as('u3');
    const own = await consultant.get(`/api/v1/reports/follow-up-compliance?${NOVEMBER}`);
    expect(own.body.meta.ownFiguresOnly).toBe(true);
    expect(own.body.callbacks.rate.current).toBeNull();
    expect(own.body.tasks).toMatchObject({ due: { current: 1 }, rate: { current: 1 } });
    expect(own.body.portal.leads.current).toBe(0);
  });

  it('drills down to the customers behind a figure and a user', async () => {
    const drill = (query: string) =>
      q.manager.get(`/api/v1/reports/follow-up-compliance/customers?${NOVEMBER}&${query}`);
    expect(ids(await drill('metric=callbacks_missed'))).toEqual(customers('c2', 'c3'));
    expect(ids(await drill('metric=callbacks_due&period=previous'))).toEqual(customers('c7'));
    expect(ids(await drill(`metric=overdue&key=user:${q.users.u2}`))).toEqual(customers('t4', 't8'));
    expect(ids(await drill('metric=tasks_late'))).toEqual(customers('t2', 't3', 't4'));
    expect(ids(await drill('metric=portal_waiting'))).toEqual(customers('p5'));
    expect((await drill('metric=nothing')).status).toBe(422);
  });

  it('exports the table by user for a manager and refuses a consultant', async () => {
    expect(
      (await (await q.as('u1')).get(`/api/v1/reports/follow-up-compliance/export?${NOVEMBER}`)).status,
    ).toBe(403);
    const res = await fetch(`${q.t.baseUrl}/api/v1/reports/follow-up-compliance/export?${NOVEMBER}`, {
      headers: { cookie: q.manager.cookie ?? '' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    await res.arrayBuffer();
    const [audit] = await q.t.rows<{ after: any }>(
      sql`select after from audit_log where action = 'report.export' and entity_id = 'follow-up-compliance'`,
    );
    expect(audit?.after).toMatchObject({ rows: 3, complete: true });
  });
});
