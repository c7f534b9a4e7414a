import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureLead } from '../customers/capture-lead';
import { createInvitationJobs } from '../invitations/invitation-jobs';
import { type ApiClient, startTestServer, type TestServer } from '../test-support/test-server';

/**
 * The DCC desk over HTTP (issue 5): call lists, call logging and its validation, the invitation booked
 * by a call with its reminder, the arrival at the showroom desk, the timer's no-shows and 30-day
 * returns, inbound calls matched by phone, and the agents' rates. The clock is fixed at 10:00 in
 * Shanghai and moved on where a test says so.
 */
const START = new Date('2026-11-25T02:00:00.000Z');
let current = START;
const clock = { now: () => current };
const later = (minutes: number) => new Date(current.getTime() + minutes * 60_000).toISOString();

let t: TestServer;
let dcc1: ApiClient;
let manager: ApiClient;
let reception: ApiClient;
let consultant1: ApiClient;
let store1: string;
const user: Record<string, string> = {};
let portalSourceId: string;

/** A portal lead of dcc1 captured now, never contacted. */
const portalLead = async (name: string, phone: string) => {
  const result = await t.db.transaction((tx) =>
    captureLead(tx, {
      dealerId: store1,
      actorId: null,
      customer: { name, phoneE164: `+86${phone}`, phoneRaw: phone },
      lead: { sourceId: portalSourceId, channel: 'portal' },
      ownerId: user.dcc1 ?? null,
      occurredAt: clock.now(),
      via: 'test',
    }),
  );
  return { leadId: result.leadId, customerId: result.customerId };
};

beforeAll(async () => {
  t = await startTestServer({ clock });
  const rows = await t.rows<{ username: string; id: string; dealer_id: string }>(
    sql`select username, id, dealer_id from users`,
  );
  for (const row of rows) user[row.username] = row.id;
  store1 = rows.find((r) => r.username === 'manager')?.dealer_id ?? '';
  const [source] = await t.rows<{ id: string }>(sql`
    select s.id from lead_sources s join lead_sources p on p.dealer_id = s.dealer_id and p.id = s.parent_id
     where s.dealer_id = ${store1} and p.code = 'online_portal' order by s.code limit 1`);
  portalSourceId = source?.id ?? '';
  [dcc1, manager, reception, consultant1] = await Promise.all([
    t.as('dcc1'),
    t.as('manager'),
    t.as('reception'),
    t.as('consultant1'),
  ]);
});
afterAll(() => t?.close());

const listOf = async (client: ApiClient, list: string, agentId?: string) => {
  const res = await client.get(
    `/api/v1/dcc/call-lists?list=${list}&pageSize=100${agentId ? `&agentId=${agentId}` : ''}`,
  );
  expect(res.status).toBe(200);
  return res.body as { items: { leadId: string; customer: { phone: string | null } }[]; total: number };
};

describe('the new-portal call list', () => {
  it("lists dcc1's portal leads never contacted, oldest first, with the phone the caller may see", async () => {
    const a = await portalLead('门户客户甲', '13970000001');
    current = new Date(START.getTime() + 60_000);
    const b = await portalLead('门户客户乙', '13970000002');
    const own = await listOf(dcc1, 'new_portal');
    const ids = own.items.map((i) => i.leadId);
    expect(ids).toContain(a.leadId);
    expect(ids.indexOf(a.leadId)).toBeLessThan(ids.indexOf(b.leadId));
    expect(own.total).toBe(own.items.length);
    // dcc1 owns the customer: the phone in full; the manager sees every phone, picking dcc1's list.
    expect(own.items.find((i) => i.leadId === a.leadId)?.customer.phone).toBe('13970000001');
    const managers = await listOf(manager, 'new_portal', user.dcc1);
    expect(managers.items.map((i) => i.leadId)).toEqual(ids);
    // A consultant has no call lists.
    expect((await consultant1.get('/api/v1/dcc/call-lists?list=new_portal')).status).toBe(403);
  });
});

describe('logging a call', () => {
  let lead: { leadId: string; customerId: string };
  beforeAll(async () => {
    lead = await portalLead('来电测试', '13970000003');
  });

  it.each([
    ['call_back without a next call time', { outcome: 'call_back' }, 'nextCallAt'],
    [
      'a next call time in the past',
      { outcome: 'no_answer', nextCallAt: '2026-11-25T09:00:00+08:00' },
      'nextCallAt',
    ],
    ['invited without the invitation', { outcome: 'invited' }, 'invitation'],
    [
      'an invitation in the past',
      { outcome: 'invited', invitation: { scheduledAt: '2026-11-24T10:00:00+08:00', purpose: 'viewing' } },
      'invitation.scheduledAt',
    ],
    [
      'an invitation to a receptionist',
      {
        outcome: 'invited',
        invitation: {
          scheduledAt: '2026-11-26T10:00:00+08:00',
          purpose: 'viewing',
          consultantId: 'RECEPTION',
        },
      },
      'invitation.consultantId',
    ],
  ])('refuses %s with 422 naming the field, and stores nothing', async (_name, body, field) => {
    const payload = JSON.parse(JSON.stringify(body).replace('RECEPTION', user.reception ?? ''));
    const res = await dcc1.post('/api/v1/dcc/calls', { leadId: lead.leadId, ...payload });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.error.fields)).toContain(field);
    expect(await t.rows(sql`select id from dcc_calls where lead_id = ${lead.leadId}`)).toEqual([]);
    expect(await t.rows(sql`select id from invitations where lead_id = ${lead.leadId}`)).toEqual([]);
  });

  it("no answer: the next try is in 2 hours as the agent's call-back task, and the lead leaves the new list", async () => {
    const res = await dcc1.post('/api/v1/dcc/calls', {
      leadId: lead.leadId,
      list: 'new_portal',
      outcome: 'no_answer',
    });
    expect(res.status).toBe(201);
    expect(res.body.call).toMatchObject({
      outcome: 'no_answer',
      direction: 'outbound',
      nextCallAt: later(120),
      list: 'new_portal',
    });
    expect(res.body.followUpId).toBeNull();
    const tasks = await t.rows<{ kind: string; assignee_id: string; due_at: Date | string; custom: boolean }>(
      sql`select kind, assignee_id, due_at, custom from tasks where lead_id = ${lead.leadId} and status = 'open' and kind = 'dcc_call'`,
    );
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ assignee_id: user.dcc1, custom: true });
    expect(new Date(tasks[0]?.due_at ?? 0).toISOString()).toBe(later(120));
    const [l] = await t.rows<{ first_contacted_at: unknown }>(
      sql`select first_contacted_at from leads where id = ${lead.leadId}`,
    );
    expect(l?.first_contacted_at).toBeNull();
    expect((await listOf(dcc1, 'new_portal')).items.map((i) => i.leadId)).not.toContain(lead.leadId);
    // Waiting for the call-back: not due yet.
    expect((await listOf(dcc1, 'due')).items.map((i) => i.leadId)).not.toContain(lead.leadId);
  });

  it("invited: the invitation and the inviter's reminder in the same step, and the call is the lead's first contact", async () => {
    const res = await dcc1.post('/api/v1/dcc/calls', {
      leadId: lead.leadId,
      list: 'new_portal',
      outcome: 'invited',
      note: '周六上午看车',
      invitation: {
        scheduledAt: '2026-11-28T10:00:00+08:00',
        purpose: 'test_drive',
        consultantId: user.consultant1,
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.invitation).toMatchObject({
      leadId: lead.leadId,
      status: 'scheduled',
      purpose: 'test_drive',
      scheduledAt: '2026-11-28T02:00:00.000Z',
      invitedBy: { id: user.dcc1 },
      consultant: { id: user.consultant1 },
    });
    expect(res.body.call.invitationId).toBe(res.body.invitation.id);
    expect(res.body.followUpId).toEqual(expect.any(String));
    // The reminder: the day before at 17:00 in Shanghai, for dcc1, a custom task.
    const reminders = await t.rows<{
      assignee_id: string;
      due_at: Date | string;
      custom: boolean;
      status: string;
    }>(
      sql`select assignee_id, due_at, custom, status from tasks where kind = 'invitation_reminder' and lead_id = ${lead.leadId}`,
    );
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toMatchObject({ assignee_id: user.dcc1, custom: true, status: 'open' });
    expect(new Date(reminders[0]?.due_at ?? 0).toISOString()).toBe('2026-11-27T09:00:00.000Z');
    expect(res.body.invitation.reminderTaskId).toEqual(expect.any(String));
    // The earlier call-back is superseded.
    expect(
      await t.rows(
        sql`select id from tasks where lead_id = ${lead.leadId} and kind = 'dcc_call' and status = 'open'`,
      ),
    ).toEqual([]);
    const [l] = await t.rows<{ first_contacted_at: unknown }>(
      sql`select first_contacted_at from leads where id = ${lead.leadId}`,
    );
    expect(l?.first_contacted_at).not.toBeNull();
    const followUps = await t.rows<{ channel: string; content: string }>(
      sql`select channel, content from follow_ups where lead_id = ${lead.leadId}`,
    );
    expect(followUps).toEqual([{ channel: 'phone', content: '周六上午看车' }]);
    const audit = await t.rows(
      sql`select action from audit_log where entity_id in (${lead.leadId}, ${res.body.invitation.id}) and action in ('dcc_call.create', 'invitation.create') order by action`,
    );
    expect(audit).toEqual([
      { action: 'dcc_call.create' },
      { action: 'dcc_call.create' },
      { action: 'invitation.create' },
    ]);
  });

  it("call back on a consultant's lead: the call-back is the agent's task, the consultant's rule task stays", async () => {
    const [other] = await t.rows<{ id: string }>(sql`
      select l.id from leads l
       where l.owner_id = ${user.consultant1} and l.status = 'open'
         and exists (select 1 from tasks k where k.lead_id = l.id and k.status = 'open' and k.custom = false)
       order by l.id limit 1`);
    const res = await dcc1.post('/api/v1/dcc/calls', {
      leadId: other?.id,
      list: 'due',
      outcome: 'call_back',
      nextCallAt: '2026-11-26T15:00:00+08:00',
    });
    expect(res.status).toBe(201);
    expect(res.body.followUpId).toEqual(expect.any(String));
    const callBacks = await t.rows(
      sql`select assignee_id, kind from tasks where lead_id = ${other?.id} and status = 'open' and custom = true`,
    );
    expect(callBacks).toEqual([{ assignee_id: user.dcc1, kind: 'dcc_call' }]);
    // The consultant keeps the lead's rule task (re-planned after the follow-up), not a task at 15:00.
    const ruleTasks = await t.rows<{ assignee_id: string; rule_key: string }>(
      sql`select assignee_id, rule_key from tasks where lead_id = ${other?.id} and status = 'open' and custom = false`,
    );
    expect(ruleTasks.map((r) => r.assignee_id)).toEqual([user.consultant1]);
    expect(ruleTasks[0]?.rule_key).not.toBe('manual_next');
  });

  it('is 404 for a lead of another store and 403 for a consultant', async () => {
    const [other] = await t.rows<{ id: string }>(
      sql`select l.id from leads l join dealers d on d.id = l.dealer_id where d.code = 'SH-MH' limit 1`,
    );
    expect((await dcc1.post('/api/v1/dcc/calls', { leadId: other?.id, outcome: 'reached' })).status).toBe(
      404,
    );
    expect(
      (await consultant1.post('/api/v1/dcc/calls', { leadId: lead.leadId, outcome: 'reached' })).status,
    ).toBe(403);
  });
});

describe('the arrival of an invited customer', () => {
  it('marks the invitation arrived with the visit and alerts its consultant and the agent at once', async () => {
    const lead = await portalLead('到店客户', '13970000004');
    const call = await dcc1.post('/api/v1/dcc/calls', {
      leadId: lead.leadId,
      outcome: 'invited',
      invitation: { scheduledAt: later(240), purpose: 'viewing', consultantId: user.consultant2 },
    });
    expect(call.status).toBe(201);
    const invitationId = call.body.invitation.id;
    // Same day: the reminder is 2 hours before.
    const [reminder] = await t.rows<{ due_at: Date | string }>(
      sql`select due_at from tasks where kind = 'invitation_reminder' and rule_key = ${`invitation:${invitationId}`}`,
    );
    expect(new Date(reminder?.due_at ?? 0).toISOString()).toBe(later(120));

    // The customer comes early, the same day.
    const visit = await reception.post('/api/v1/showroom/visits', {
      kind: 'visit',
      phone: '+86 139-7000-0004',
      partySize: 1,
      consultantId: user.consultant2,
    });
    expect(visit.status).toBe(201);
    const [row] = await t.rows<{ status: string; visit_id: string; arrived_at: Date | string }>(
      sql`select status, visit_id, arrived_at from invitations where id = ${invitationId}`,
    );
    expect(row).toMatchObject({ status: 'arrived', visit_id: visit.body.id });
    expect(new Date(row?.arrived_at ?? 0).toISOString()).toBe(current.toISOString());
    const notes = await t.rows<{
      username: string;
      payload: { invitationId: string; customerName: string };
    }>(sql`
      select u.username, n.payload from notifications n join users u on u.id = n.user_id
       where n.kind = 'invitation_arrived' and n.subject_key = ${`invitation:${invitationId}:arrived`}
       order by u.username`);
    expect(notes.map((n) => n.username)).toEqual(['consultant2', 'dcc1']);
    expect(notes[0]?.payload).toMatchObject({ invitationId, customerName: '到店客户' });
    expect(
      await t.rows(sql`select status from tasks where rule_key = ${`invitation:${invitationId}`}`),
    ).toEqual([{ status: 'cancelled' }]);
    // The consultant's bell shows it.
    const consultant2 = await t.as('consultant2');
    const bell = await consultant2.get('/api/v1/notifications');
    expect(bell.body.items.some((n: { kind: string }) => n.kind === 'invitation_arrived')).toBe(true);
    // A second visit the same day changes nothing more.
    await reception.post('/api/v1/showroom/visits', {
      kind: 'visit',
      phone: '13970000004',
      partySize: 1,
      consultantId: user.consultant2,
    });
    const [again] = await t.rows<{ visit_id: string }>(
      sql`select visit_id from invitations where id = ${invitationId}`,
    );
    expect(again?.visit_id).toBe(visit.body.id);
    // The customer's timeline shows the call and the invitation.
    const timeline = await dcc1.get(`/api/v1/customers/${lead.customerId}/timeline`);
    expect(timeline.status).toBe(200);
    const types = timeline.body.items.map((i: { type: string; details: Record<string, unknown> }) => [
      i.type,
      i.details.outcome ?? i.details.status ?? null,
    ]);
    expect(types).toEqual(
      expect.arrayContaining([
        ['call', 'invited'],
        ['invitation', 'arrived'],
      ]),
    );
    // The invitation list shows it arrived.
    const listed = await dcc1.get(`/api/v1/invitations?customerId=${lead.customerId}`);
    expect(listed.body.items.map((i: { status: string }) => i.status)).toEqual(['arrived']);
    // consultant2 received the customer: the lead and the card are theirs now, audited as every assignment.
    const [owners] = await t.rows<{ lead_owner: string; card_owner: string; reason: { by: string } }>(sql`
      select l.owner_id as lead_owner, c.owner_id as card_owner, l.assignment_reason as reason
        from leads l join customers c on c.id = l.customer_id where l.id = ${lead.leadId}`);
    expect(owners).toMatchObject({
      lead_owner: user.consultant2,
      card_owner: user.consultant2,
      reason: { by: 'arrival', invitationId },
    });
    expect((await consultant2.get(`/api/v1/customers/${lead.customerId}`)).status).toBe(200);
    const [transfer] = await t.rows<{ after: { ownerId: string } }>(
      sql`select after from audit_log where action = 'lead.assign' and entity_id = ${lead.leadId}`,
    );
    expect(transfer?.after.ownerId).toBe(user.consultant2);
  });

  it("a lead another consultant owns stays theirs when the customer comes on an agent's invitation", async () => {
    const lead = await portalLead('顾问客户', '13970000014');
    const assigned = await manager.post('/api/v1/leads/assign', {
      leadIds: [lead.leadId],
      ownerId: user.consultant1,
    });
    expect(assigned.status).toBe(200);
    const invited = await dcc1.post('/api/v1/dcc/calls', {
      leadId: lead.leadId,
      outcome: 'invited',
      invitation: { scheduledAt: later(60), purpose: 'viewing', consultantId: user.consultant2 },
    });
    expect(invited.status).toBe(201);
    const visit = await reception.post('/api/v1/showroom/visits', {
      kind: 'visit',
      phone: '13970000014',
      partySize: 1,
      consultantId: user.consultant2,
    });
    expect(visit.status).toBe(201);
    const [row] = await t.rows<{ status: string; owner_id: string }>(sql`
      select i.status, l.owner_id from invitations i join leads l on l.id = i.lead_id
       where i.id = ${invited.body.invitation.id}`);
    expect(row).toEqual({ status: 'arrived', owner_id: user.consultant1 });
  });
});

describe('no-shows and re-invites', () => {
  let invitationId: string;
  let lead: { leadId: string; customerId: string };

  it('the timer marks a scheduled invitation a no-show once its store day has ended, once however often it runs', async () => {
    lead = await portalLead('爽约客户', '13970000005');
    const res = await dcc1.post('/api/v1/invitations', {
      leadId: lead.leadId,
      scheduledAt: later(60),
      purpose: 'negotiation',
      consultantId: user.consultant1,
    });
    expect(res.status).toBe(201);
    invitationId = res.body.id;
    const jobs = createInvitationJobs({ db: t.db });
    // 23:59 the same day in Shanghai: not yet.
    await jobs.noShows(new Date('2026-11-25T15:59:00Z'));
    expect(await t.rows(sql`select status from invitations where id = ${invitationId}`)).toEqual([
      { status: 'scheduled' },
    ]);
    const nextDay = new Date('2026-11-25T16:00:00Z');
    const first = await jobs.noShows(nextDay);
    const second = await jobs.noShows(nextDay);
    expect(first.noShows).toBeGreaterThanOrEqual(1);
    expect(second.noShows).toBe(0);
    expect(await t.rows(sql`select status, version from invitations where id = ${invitationId}`)).toEqual([
      { status: 'no_show', version: 1 },
    ]);
    expect(
      await t.rows(
        sql`select action from audit_log where entity_id = ${invitationId} and action = 'invitation.no_show'`,
      ),
    ).toHaveLength(1);
    expect(
      await t.rows(sql`select status from tasks where rule_key = ${`invitation:${invitationId}`}`),
    ).toEqual([{ status: 'cancelled' }]);
  });

  it('puts the no-show on the re-invite list; a re-invite names the old invitation; a scheduled one cannot be re-invited', async () => {
    expect((await listOf(dcc1, 'no_show')).items.map((i) => i.leadId)).toContain(lead.leadId);
    const res = await dcc1.post(`/api/v1/invitations/${invitationId}/reinvite`, {
      scheduledAt: '2026-11-27T15:00:00+08:00',
      purpose: 'negotiation',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ previousId: invitationId, status: 'scheduled' });
    // Re-invited once only.
    const twice = await manager.post(`/api/v1/invitations/${invitationId}/reinvite`, {
      scheduledAt: '2026-11-27T16:00:00+08:00',
      purpose: 'negotiation',
    });
    expect(twice.status).toBe(409);
    expect((await listOf(dcc1, 'no_show')).items.map((i) => i.leadId)).not.toContain(lead.leadId);
    const again = await dcc1.post(`/api/v1/invitations/${res.body.id}/reinvite`, {
      scheduledAt: '2026-11-28T15:00:00+08:00',
      purpose: 'negotiation',
    });
    expect(again.status).toBe(409);
    // Cancel it (stale version first), then a cancelled one cannot be marked a no-show.
    expect((await dcc1.post(`/api/v1/invitations/${res.body.id}/cancel`, { version: 5 })).status).toBe(409);
    const cancelled = await dcc1.post(`/api/v1/invitations/${res.body.id}/cancel`, {
      version: res.body.version,
      note: '客户改期',
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect(
      (await dcc1.post(`/api/v1/invitations/${res.body.id}/no-show`, { version: cancelled.body.version }))
        .status,
    ).toBe(409);
  });

  it('two cancels at once: one wins, the other is a 409', async () => {
    const res = await dcc1.post('/api/v1/invitations', {
      leadId: lead.leadId,
      scheduledAt: later(90),
      purpose: 'viewing',
    });
    const results = await Promise.all([
      dcc1.post(`/api/v1/invitations/${res.body.id}/cancel`, { version: res.body.version }),
      manager.post(`/api/v1/invitations/${res.body.id}/cancel`, { version: res.body.version }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
  });
});

describe('the 30-day return', () => {
  it('sends a lead invited 30 days ago without an arrival back to the queue, notifies the managers, once', async () => {
    const lead = await portalLead('逾期邀约', '13970000006');
    const res = await dcc1.post('/api/v1/invitations', {
      leadId: lead.leadId,
      scheduledAt: later(30),
      purpose: 'viewing',
    });
    expect(res.status).toBe(201);
    // A manager's own reminder about the lead is the manager's, whoever follows the lead up.
    const reminder = await manager.post('/api/v1/tasks', {
      leadId: lead.leadId,
      dueAt: later(40),
      title: '看看邀约结果',
    });
    expect(reminder.status).toBe(201);
    const jobs = createInvitationJobs({ db: t.db });
    await jobs.noShows(new Date('2026-11-26T16:00:00Z'));
    // 29 days after it was made: nothing.
    await t.rows(
      sql`update invitations set created_at = now() - interval '29 days' where id = ${res.body.id}`,
    );
    await jobs.returns(new Date());
    expect(await t.rows(sql`select owner_id from leads where id = ${lead.leadId}`)).toEqual([
      { owner_id: user.dcc1 },
    ]);
    await t.rows(
      sql`update invitations set created_at = now() - interval '31 days' where id = ${res.body.id}`,
    );
    const first = await jobs.returns(new Date());
    const second = await jobs.returns(new Date());
    expect(first.returned).toBeGreaterThanOrEqual(1);
    expect(second.returned).toBe(0);
    expect(await t.rows(sql`select owner_id from leads where id = ${lead.leadId}`)).toEqual([
      { owner_id: null },
    ]);
    const [inv] = await t.rows<{ returned_at: unknown }>(
      sql`select returned_at from invitations where id = ${res.body.id}`,
    );
    expect(inv?.returned_at).not.toBeNull();
    const audit = await t.rows<{ after: { ownerId: unknown; reason: { by: string } } }>(
      sql`select after from audit_log where entity_id = ${lead.leadId} and action = 'lead.assign'`,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]?.after).toMatchObject({ ownerId: null, reason: { by: 'invitation_timeout' } });
    const notes = await t.rows<{ username: string }>(sql`
      select u.username from notifications n join users u on u.id = n.user_id
       where n.kind = 'invitation_returned' and n.payload->>'leadId' = ${lead.leadId}`);
    expect(notes.map((n) => n.username)).toEqual(['manager']);
    // It is in the manager's distribution queue.
    const queue = await manager.get('/api/v1/distribution/queue?limit=200');
    expect(JSON.stringify(queue.body)).toContain(lead.leadId);
    // The agent's tasks on it are cancelled; the manager's reminder is not.
    const open = await t.rows<{ assignee_id: string }>(
      sql`select assignee_id from tasks where lead_id = ${lead.leadId} and status = 'open'`,
    );
    expect(open).toEqual([{ assignee_id: user.manager }]);
  });
});

describe('inbound calls', () => {
  it.each(['13970000001', '+86 139 7000 0001', '139-7000-0001', '008613970000001'])(
    'matches %s to the customer',
    async (phone) => {
      const res = await dcc1.get(`/api/v1/dcc/inbound-lookup?phone=${encodeURIComponent(phone)}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ known: true, customer: { name: '门户客户甲' }, phone: '13970000001' });
      expect(res.body.openLead).not.toBeNull();
    },
  );

  it('logs a call of a known caller on their open lead; an unknown caller is captured as a hotline lead', async () => {
    const known = await dcc1.post('/api/v1/dcc/inbound-calls', { phone: '139 7000 0001', note: '询问价格' });
    expect(known.status).toBe(201);
    expect(known.body).toMatchObject({ captured: false, call: { direction: 'inbound', outcome: 'reached' } });
    expect(known.body.call.leadId).toEqual(expect.any(String));

    const unknown = await dcc1.get('/api/v1/dcc/inbound-lookup?phone=13970000099');
    expect(unknown.body).toMatchObject({ known: false, customer: null });
    const bad = await dcc1.get('/api/v1/dcc/inbound-lookup?phone=12');
    expect(bad.status).toBe(422);

    const captured = await dcc1.post('/api/v1/dcc/inbound-calls', {
      phone: '139 7000 0099',
      capture: { name: '新来电', channel: 'hotline_400' },
    });
    expect(captured.status).toBe(201);
    expect(captured.body).toMatchObject({
      captured: true,
      match: { known: true, customer: { name: '新来电' } },
    });
    const [lead] = await t.rows<{ channel: string }>(
      sql`select l.channel from leads l join customers c on c.id = l.customer_id where c.phone_e164 = '+8613970000099'`,
    );
    expect(lead?.channel).toBe('hotline_400');
  });
});

describe('the rates per agent', () => {
  it('counts calls, reached, invitations and arrivals, and does the maths', async () => {
    const res = await manager.get('/api/v1/dcc/stats?from=2026-11-25&to=2026-11-25');
    expect(res.status).toBe(200);
    const row = res.body.items.find((i: { agent: { id: string } }) => i.agent.id === user.dcc1);
    // Today dcc1 called 7 times: no answer, three invited, a call back, two inbound: 6 reached. It made
    // 6 invitations today (3 by call, 2 by hand and a re-invite; the 30-day one is backdated): two
    // arrived, one no-show, two cancelled, one still ahead -> 3 due.
    expect(row).toMatchObject({
      calls: 7,
      reached: 6,
      reachRate: 0.8571,
      invitations: 6,
      invitationsDue: 3,
      arrived: 2,
      invitationRate: 1,
      arrivalRate: 0.6667,
    });
    // An agent sees their own row only; a consultant has no such page.
    const own = await dcc1.get('/api/v1/dcc/stats?from=2026-11-25&to=2026-11-25');
    expect(own.body.items.map((i: { agent: { id: string } }) => i.agent.id)).toEqual([user.dcc1]);
    expect((await consultant1.get('/api/v1/dcc/stats?from=2026-11-25&to=2026-11-25')).status).toBe(403);
    expect((await manager.get('/api/v1/dcc/stats?from=2026-11-26&to=2026-11-25')).status).toBe(422);
  });
});
