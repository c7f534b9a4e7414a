import { normalisePhone } from '@qianke/core/customers/phone';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureLead } from '../customers/capture-lead';
import { followUpComments } from '../infra/db/schema/index';
import { type ApiClient, startTestServer, type TestServer } from '../test-support/test-server';
import { replanLeadTasks } from './plan-lead-tasks';

/** The follow-up engine over HTTP: grading, logging results, the rule table, holidays and tasks. */

const at = (local: string) => new Date(`${local}+08:00`);
const iso = (local: string) => at(local).toISOString();
let current = at('2027-01-30T10:00:00');
const clock = { now: () => new Date(current) };

let t: TestServer;
let dealerId: string;
let sourceId: string;
let ids: Record<'consultant1' | 'consultant2' | 'manager', string>;
let consultant1: ApiClient;
let manager: ApiClient;

/** Moves the clock; sessions idle for over an hour end, so everyone logs in again. */
const setNow = async (local: string) => {
  current = at(local);
  consultant1 = await t.as('consultant1');
  manager = await t.as('manager');
};

let phoneSerial = 0;
const newLead = async (ownerId: string, occurredAt = clock.now()) => {
  phoneSerial++;
  const raw = `1381234${String(6000 + phoneSerial).padStart(4, '0')}`;
  const phone = normalisePhone(raw);
  if (!phone) throw new Error(`bad phone ${raw}`);
  return t.db.transaction(async (tx) => {
    const lead = await captureLead(tx, {
      dealerId,
      actorId: null,
      customer: { name: `跟进测试${phoneSerial}`, phoneE164: phone.e164, phoneRaw: raw },
      lead: { sourceId, channel: 'walk_in' },
      ownerId,
      occurredAt,
      via: 'test',
    });
    await replanLeadTasks(tx, { dealerId, leadId: lead.leadId, now: clock.now() });
    return lead;
  });
};

const openRuleTask = async (leadId: string) => {
  const [row] = await t.rows<{
    id: string;
    kind: string;
    rule_key: string;
    due_at: string;
    assignee_id: string;
  }>(sql`
    select id::text, kind, rule_key, assignee_id::text,
      to_char(due_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD"T"HH24:MI') as due_at
    from tasks where lead_id = ${leadId} and status = 'open' and custom = false`);
  return row;
};

const logResult = (client: ApiClient, leadId: string, body: Record<string, unknown>) =>
  client.post(`/api/v1/leads/${leadId}/follow-ups`, {
    channel: 'phone',
    content: '电话回访',
    result: '客户有意向',
    ...body,
  });

beforeAll(async () => {
  t = await startTestServer({ clock });
  const [row] = await t.rows<{ dealer_id: string; source_id: string; c1: string; c2: string; m: string }>(sql`
    select d.id as dealer_id, s.id as source_id,
      (select id from users where username = 'consultant1') as c1,
      (select id from users where username = 'consultant2') as c2,
      (select id from users where username = 'manager') as m
    from dealers d join lead_sources s on s.dealer_id = d.id
    where d.code = 'SH-PD' and s.code = 'walk_in'`);
  if (!row) throw new Error('demo store not found');
  dealerId = row.dealer_id;
  sourceId = row.source_id;
  ids = { consultant1: row.c1, consultant2: row.c2, manager: row.m };
  consultant1 = await t.as('consultant1');
  manager = await t.as('manager');
});
afterAll(() => t?.close());

describe('logging results walks a lead through the cadence', () => {
  let leadId: string;
  let customerId: string;
  let firstTaskId: string;

  it('starts with the first call-back, listed as upcoming in the worklist', async () => {
    ({ leadId, customerId } = await newLead(ids.consultant1));
    const first = await openRuleTask(leadId);
    expect(first).toMatchObject({ kind: 'first_contact', due_at: '2027-01-31T10:00' });
    firstTaskId = first?.id ?? '';
    const upcoming = await consultant1.get(`/api/v1/tasks?scope=mine&due=upcoming&leadId=${leadId}`);
    expect(upcoming.status).toBe(200);
    expect(upcoming.body.items.map((i: { id: string }) => i.id)).toEqual([firstTaskId]);
  });

  it('the first result grades the lead A and plans a call for tomorrow at 18:00', async () => {
    await setNow('2027-01-31T15:00:00');
    const res = await logResult(consultant1, leadId, {
      levelAfter: 'A',
      result: '客户确认本月购车，约定周末试驾',
    });
    expect(res.status).toBe(201);
    expect(res.body.completedTaskId).toBe(firstTaskId);
    expect(res.body.levelChange).toMatchObject({ fromLevel: null, toLevel: 'A', changedBy: ids.consultant1 });
    expect(res.body.followUp).toMatchObject({
      levelBefore: null,
      levelAfter: 'A',
      nextContactAt: iso('2027-02-01T18:00:00'),
    });
    expect(res.body.nextTask).toMatchObject({
      kind: 'follow_up',
      ruleKey: 'cadence.A',
      dueAt: iso('2027-02-01T18:00:00'),
    });
    const [lead] = await t.rows<{ first_contacted_at: Date | string; level: string }>(
      sql`select first_contacted_at, level from leads where id = ${leadId}`,
    );
    expect(new Date(lead?.first_contacted_at ?? 0).toISOString()).toBe(iso('2027-01-31T15:00:00'));
    const [done] = await t.rows<{ status: string; follow_up_id: string }>(
      sql`select status, follow_up_id::text from tasks where id = ${firstTaskId}`,
    );
    expect(done).toEqual({ status: 'done', follow_up_id: res.body.followUp.id });
  });

  it('a later result moves it to B: weekly, and the change is recorded with who and why', async () => {
    await setNow('2027-02-01T17:00:00');
    const res = await logResult(consultant1, leadId, { levelAfter: 'B', reason: '购车计划推迟到下月' });
    expect(res.status).toBe(201);
    expect(res.body.nextTask).toMatchObject({ ruleKey: 'cadence.B', dueAt: iso('2027-02-08T18:00:00') });
    const changes = await t.rows<{
      from_level: string | null;
      to_level: string;
      reason: string;
      changed_by: string;
    }>(sql`
      select from_level, to_level, reason, changed_by::text from lead_level_changes where lead_id = ${leadId} order by changed_at`);
    expect(changes).toEqual([
      {
        from_level: null,
        to_level: 'A',
        reason: '客户确认本月购车，约定周末试驾',
        changed_by: ids.consultant1,
      },
      { from_level: 'A', to_level: 'B', reason: '购车计划推迟到下月', changed_by: ids.consultant1 },
    ]);
    const [customer] = await t.rows<{ level: string }>(
      sql`select level from customers where id = ${customerId}`,
    );
    expect(customer?.level).toBe('B');
    const [open] = await t.rows<{ n: number }>(
      sql`select count(*)::int as n from tasks where lead_id = ${leadId} and status = 'open'`,
    );
    expect(open?.n).toBe(1);
  });

  it("lists the lead's follow-ups newest first, with the manager's comments and the level history", async () => {
    const [last] = await t.rows<{ id: string }>(
      sql`select id::text from follow_ups where lead_id = ${leadId} order by occurred_at desc limit 1`,
    );
    await t.db.insert(followUpComments).values({
      dealerId,
      followUpId: last?.id as string,
      authorId: ids.manager,
      body: '下周安排试驾，争取本月成交',
    });
    const res = await consultant1.get(`/api/v1/leads/${leadId}/follow-ups`);
    expect(res.status).toBe(200);
    expect(res.body.lead).toMatchObject({ id: leadId, level: 'B' });
    expect(res.body.items.map((f: { levelAfter: string }) => f.levelAfter)).toEqual(['B', 'A']);
    expect(res.body.items[0].comments).toEqual([
      expect.objectContaining({ body: '下周安排试驾，争取本月成交', authorId: ids.manager }),
    ]);
    expect(res.body.levelChanges.map((c: { toLevel: string }) => c.toLevel)).toEqual(['B', 'A']);
  });

  it('proposes the next task by the rule table for a level the user is about to choose', async () => {
    const res = await consultant1.get(`/api/v1/leads/${leadId}/follow-up-proposal?levelAfter=H`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ruleKey: 'cadence.H', dueAt: iso('2027-02-03T18:00:00'), level: 'H' });
  });

  it('a next contact the user agreed with the customer replaces the proposal (manual_next)', async () => {
    const res = await logResult(consultant1, leadId, { nextContactAt: '2027-02-04T09:30:00+08:00' });
    expect(res.status).toBe(201);
    expect(res.body.nextTask).toMatchObject({ ruleKey: 'manual_next', dueAt: iso('2027-02-04T09:30:00') });
    expect(await openRuleTask(leadId)).toMatchObject({ rule_key: 'manual_next', due_at: '2027-02-04T09:30' });
  });

  it('refuses a result-less follow-up and a stale lead version', async () => {
    const empty = await logResult(consultant1, leadId, { result: '  ' });
    expect(empty.status).toBe(422);
    expect(empty.body.error.fields.result).toBe('Log the result first.');
    const stale = await logResult(consultant1, leadId, { version: 0 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale_version');
  });
});

describe('a result logged with the horizon, the ticked checklist and MAN', () => {
  let leadId: string;
  let customerId: string;

  const customerLead = async () => {
    const res = await consultant1.get(`/api/v1/customers/${customerId}`);
    expect(res.status).toBe(200);
    return res.body.leads.find((l: { id: string }) => l.id === leadId);
  };

  it('stores them on the lead; the customer returns MAN with its recommended action', async () => {
    await setNow('2027-02-01T10:00:00');
    ({ leadId, customerId } = await newLead(ids.consultant1));
    expect(await customerLead()).toMatchObject({ man: null, manAction: null, horizon: null });
    const res = await logResult(consultant1, leadId, {
      levelAfter: 'A',
      horizonAfter: 'm2_3',
      criteria: ['terms_negotiated', 'came_back_to_see'],
      man: { money: true, authority: false, need: true },
      result: '价格谈妥，家人还没拿定主意',
    });
    expect(res.status).toBe(201);
    const [row] = await t.rows<{ version: number; assignment_reason: unknown }>(
      sql`select version, assignment_reason from leads where id = ${leadId}`,
    );
    expect(res.body.leadVersion).toBe(row?.version);
    expect(await customerLead()).toMatchObject({
      level: 'A',
      horizon: 'm2_3',
      man: { money: true, authority: false, need: true },
      manAction: { code: 'MaN', prospect: true, en: expect.stringContaining('confidence in the brand') },
      assignmentReason: row?.assignment_reason ?? null,
      version: row?.version,
    });
    const history = await consultant1.get(`/api/v1/leads/${leadId}/follow-ups`);
    expect(history.body.lead).toMatchObject({
      horizon: 'm2_3',
      man: { money: true, authority: false, need: true },
    });
    const [audit] = await t.rows<{ before: any; after: any }>(
      sql`select before, after from audit_log where entity_id = ${leadId} and action = 'lead.level_change'
          order by id desc limit 1`,
    );
    expect(audit?.before).toMatchObject({ level: null, horizon: null, man: null });
    expect(audit?.after).toMatchObject({
      level: 'A',
      horizon: 'm2_3',
      man: 'MaN',
      criteria: ['terms_negotiated', 'came_back_to_see'],
      followUpId: res.body.followUp.id,
    });
  });

  it('a new MAN alone is stored and recorded; a result without MAN leaves it as it was', async () => {
    const [before] = await t.rows<{ version: number }>(sql`select version from leads where id = ${leadId}`);
    const res = await logResult(consultant1, leadId, {
      man: { money: true, authority: true, need: true },
      result: '家人同意，下周来订车',
      version: before?.version,
    });
    expect(res.status).toBe(201);
    expect(res.body.levelChange).toBeNull();
    expect(res.body.leadVersion).toBeGreaterThan(before?.version ?? 0);
    const [logged] = await t.rows<{ after: any }>(
      sql`select after from audit_log where entity_id = ${leadId} and action = 'follow_up.create'
          order by id desc limit 1`,
    );
    expect(logged?.after).toMatchObject({ followUpId: res.body.followUp.id, man: 'MAN', criteria: [] });
    expect(await customerLead()).toMatchObject({
      level: 'A',
      horizon: 'm2_3',
      man: { money: true, authority: true, need: true },
      manAction: { code: 'MAN' },
    });
    expect((await logResult(consultant1, leadId, { result: '确认周六到店' })).status).toBe(201);
    expect((await customerLead()).manAction.code).toBe('MAN');
    const levels = await t.rows(sql`select 1 from lead_level_changes where lead_id = ${leadId}`);
    expect(levels).toHaveLength(1);
  });

  it('refuses an unknown horizon and a MAN that is not three yes/no answers, next to the fields', async () => {
    const res = await logResult(consultant1, leadId, {
      horizonAfter: 'soon',
      man: { money: 'yes', authority: true },
    });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.error.fields).sort()).toEqual(['horizonAfter', 'man.money', 'man.need']);
  });
});

describe("due dates at month end and in the store's time zone", () => {
  it.each([
    // 00:30 in Shanghai on 28 Feb is still 27 Feb in UTC: the store's day counts.
    ['2027-02-28T00:30:00', 'A', '2027-03-01T18:00'],
    ['2027-01-31T20:00:00', 'H', '2027-02-02T18:00'],
    ['2027-12-31T23:30:00', 'A', '2028-01-01T18:00'],
  ])('a result logged at %s (Shanghai) at level %s is followed up on %s', async (when, level, due) => {
    await setNow(when);
    const { leadId } = await newLead(ids.consultant1);
    const res = await logResult(consultant1, leadId, { levelAfter: level });
    expect(res.status).toBe(201);
    expect((await openRuleTask(leadId))?.due_at).toBe(due);
  });
});

describe('grading', () => {
  it('offers the seed-001 table with checklists, the horizons and the eight MAN actions', async () => {
    await setNow('2027-02-01T10:00:00');
    const res = await consultant1.get('/api/v1/grading');
    expect(res.status).toBe(200);
    expect(res.body.levels.map((l: { level: string }) => l.level)).toEqual(['O', 'H', 'A', 'B', 'C']);
    expect(res.body.levels[0].criteria[0]).toEqual({
      key: 'deposit_received',
      zh: '已收一定订金',
      en: 'Deposit received',
    });
    expect(res.body.levels[2].cadence).toEqual({ every: 1, unit: 'day' });
    expect(res.body.levels[4].cadence).toBe('holiday');
    expect(res.body.horizons).toHaveLength(5);
    expect(res.body.man).toHaveLength(8);
    expect(res.body.man.find((m: { code: string }) => m.code === 'man')).toMatchObject({ prospect: false });
  });

  it('grades a lead with checklist and MAN, records the change, and re-plans its task', async () => {
    const { leadId, customerId } = await newLead(ids.consultant1);
    const [lead] = await t.rows<{ version: number }>(sql`select version from leads where id = ${leadId}`);
    const body = {
      level: 'H',
      horizon: 'm1',
      criteria: ['model_colour_chosen', 'financing_in_progress'],
      man: { money: true, authority: true, need: true },
      reason: '车型颜色已定，贷款办理中',
      version: lead?.version,
    };
    const res = await consultant1.post(`/api/v1/leads/${leadId}/level`, body);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ level: 'H', horizon: 'm1', manAction: { code: 'MAN', prospect: true } });
    expect(res.body.change).toMatchObject({
      fromLevel: null,
      toLevel: 'H',
      reason: '车型颜色已定，贷款办理中',
    });
    // Never contacted yet: the first call-back stays the task.
    expect(res.body.nextTask).toMatchObject({ kind: 'first_contact' });
    const [audit] = await t.rows<{ after: { criteria: string[]; man: string } }>(
      sql`select after from audit_log where entity_id = ${leadId} and action = 'lead.level_change'`,
    );
    expect(audit?.after).toMatchObject({
      criteria: ['model_colour_chosen', 'financing_in_progress'],
      man: 'MAN',
    });
    const stale = await consultant1.post(`/api/v1/leads/${leadId}/level`, { ...body, level: 'A' });
    expect(stale.status).toBe(409);
    // The MAN stays on the lead: the customer page shows it with its action.
    const customer = await consultant1.get(`/api/v1/customers/${customerId}`);
    expect(customer.body.leads[0]).toMatchObject({
      id: leadId,
      level: 'H',
      horizon: 'm1',
      man: { money: true, authority: true, need: true },
      manAction: { code: 'MAN', zh: '优质客户，直接促成' },
      version: res.body.version,
    });
  });

  it('refuses to grade a closed lead, won or lost, and leaves its level as it is', async () => {
    for (const status of ['won', 'lost'] as const) {
      const { leadId } = await newLead(ids.consultant1);
      await consultant1.post(`/api/v1/leads/${leadId}/level`, { level: 'A', reason: '计划一个月内购车' });
      await t.db.execute(sql`update leads set status = ${status}, closed_at = now() where id = ${leadId}`);
      const res = await consultant1.post(`/api/v1/leads/${leadId}/level`, { level: 'C', reason: '再评级' });
      expect(res.status).toBe(409);
      expect(res.body.error.message).toBe(`This lead is closed as ${status}: a closed lead is not graded.`);
      const [lead] = await t.rows<{ level: string }>(sql`select level from leads where id = ${leadId}`);
      expect(lead?.level).toBe('A');
      const changes = await t.rows(sql`select id from lead_level_changes where lead_id = ${leadId}`);
      expect(changes).toHaveLength(1);
    }
  });

  it('logs a call on a won lead without grading it, and refuses a level change with it', async () => {
    const { leadId } = await newLead(ids.consultant1);
    await consultant1.post(`/api/v1/leads/${leadId}/level`, { level: 'O', reason: '已交订金' });
    await t.db.execute(sql`update leads set status = 'won', closed_at = now() where id = ${leadId}`);
    const call = { channel: 'phone', content: '回访用车情况', result: '车况良好' };
    const regrade = await consultant1.post(`/api/v1/leads/${leadId}/follow-ups`, {
      ...call,
      levelAfter: 'C',
    });
    expect(regrade.status).toBe(409);
    expect(regrade.body.error.fields).toEqual({
      levelAfter: 'This lead is closed as won: a closed lead is not graded.',
    });
    const care = await consultant1.post(`/api/v1/leads/${leadId}/follow-ups`, { ...call, levelAfter: 'O' });
    expect(care.status).toBe(201);
    const [lead] = await t.rows<{ level: string }>(sql`select level from leads where id = ${leadId}`);
    expect(lead?.level).toBe('O');
    const logged = await t.rows(sql`select id from follow_ups where lead_id = ${leadId}`);
    expect(logged).toHaveLength(1);
  });

  it("a consultant may not grade another consultant's lead; a manager may", async () => {
    const { leadId } = await newLead(ids.consultant2);
    const body = { level: 'B', reason: '有购买意向' };
    expect((await consultant1.post(`/api/v1/leads/${leadId}/level`, body)).status).toBe(404);
    expect((await manager.post(`/api/v1/leads/${leadId}/level`, body)).status).toBe(200);
    const reception = await t.as('reception');
    expect((await reception.post(`/api/v1/leads/${leadId}/level`, body)).status).toBe(403);
    expect((await logResult(consultant1, leadId, {})).status).toBe(404);
    expect((await consultant1.get(`/api/v1/leads/${leadId}/follow-ups`)).status).toBe(404);
  });
});

describe('the rule table', () => {
  let leadA: string;

  it('everyone reads it; until a store saves its own it is the seed-001 preset', async () => {
    const res = await consultant1.get('/api/v1/follow-up-rules');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ preset: 'seed_001', version: 0, timeZone: 'Asia/Shanghai' });
    expect(res.body.rules.levels).toMatchObject({ A: { every: 1, unit: 'day' }, C: 'holiday' });
    expect(res.body.rules.dueTime).toBe('18:00');
    expect(res.body.presets.seed_003.levels.C).toEqual({ every: 2, unit: 'week' });
  });

  it('only managers and administrators change it', async () => {
    const { body } = await consultant1.get('/api/v1/follow-up-rules');
    const res = await consultant1.request('PUT', '/api/v1/follow-up-rules', {
      preset: 'custom',
      rules: body.rules,
      version: 0,
    });
    expect(res.status).toBe(403);
    expect((await consultant1.post('/api/v1/follow-up-rules/preset', { preset: 'seed_003' })).status).toBe(
      403,
    );
  });

  it.each([
    [
      'a zero interval',
      (r: any) => ({ ...r, levels: { ...r.levels, A: { every: 0, unit: 'day' } } }),
      'rules.levels.A',
    ],
    ['0 hours to call back', (r: any) => ({ ...r, firstContactHours: 0 }), 'rules.firstContactHours'],
    ['169 hours to call back', (r: any) => ({ ...r, firstContactHours: 169 }), 'rules.firstContactHours'],
    ['a due time of 24:00', (r: any) => ({ ...r, dueTime: '24:00' }), 'rules.dueTime'],
    ['a due time of 9:5', (r: any) => ({ ...r, dueTime: '9:5' }), 'rules.dueTime'],
  ])('refuses %s', async (_, change, field) => {
    const { body } = await manager.get('/api/v1/follow-up-rules');
    const res = await manager.request('PUT', '/api/v1/follow-up-rules', {
      preset: 'custom',
      rules: change(body.rules),
      version: body.version,
    });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.error.fields).some((k) => k.startsWith(field))).toBe(true);
  });

  it('a change re-plans the open tasks in the same request; a stale version is refused', async () => {
    await setNow('2027-02-10T11:00:00');
    ({ leadId: leadA } = await newLead(ids.consultant1));
    expect((await logResult(consultant1, leadA, { levelAfter: 'A' })).status).toBe(201);
    expect((await openRuleTask(leadA))?.due_at).toBe('2027-02-11T18:00');

    const { body } = await manager.get('/api/v1/follow-up-rules');
    const rules = {
      ...body.rules,
      levels: { ...body.rules.levels, A: { every: 3, unit: 'day' } },
      dueTime: '17:30',
    };
    const res = await manager.request('PUT', '/api/v1/follow-up-rules', {
      preset: 'custom',
      rules,
      version: 0,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ preset: 'custom', version: 1 });
    expect(res.body.replanned).toBeGreaterThan(10);
    expect(await openRuleTask(leadA)).toMatchObject({ rule_key: 'cadence.A', due_at: '2027-02-13T17:30' });
    const [cancelled] = await t.rows<{ n: number }>(
      sql`select count(*)::int as n from tasks where lead_id = ${leadA} and status = 'cancelled'`,
    );
    expect(cancelled?.n).toBe(1);

    const stale = await manager.request('PUT', '/api/v1/follow-up-rules', {
      preset: 'custom',
      rules,
      version: 0,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale_version');
    const [audit] = await t.rows<{ n: number }>(
      sql`select count(*)::int as n from audit_log where dealer_id = ${dealerId} and action = 'follow_up_rules.update'`,
    );
    expect(audit?.n).toBe(1);
  });

  it('saving the same table again moves nothing; resetting to seed 003 moves A to every 2 days', async () => {
    const { body } = await manager.get('/api/v1/follow-up-rules');
    const same = await manager.request('PUT', '/api/v1/follow-up-rules', {
      preset: body.preset,
      rules: body.rules,
      version: body.version,
    });
    expect(same.status).toBe(200);
    expect(same.body.replanned).toBe(0);
    const reset = await manager.post('/api/v1/follow-up-rules/preset', { preset: 'seed_003' });
    expect(reset.status).toBe(200);
    expect(reset.body).toMatchObject({ preset: 'seed_003', rules: { dueTime: '18:00' } });
    expect(await openRuleTask(leadA)).toMatchObject({ due_at: '2027-02-12T18:00' });
    // Back to seed 001 for the tests below.
    expect((await manager.post('/api/v1/follow-up-rules/preset', { preset: 'seed_001' })).status).toBe(200);
  });
});

describe('the holiday calendar', () => {
  it('adds the Chinese public holidays of a year with one call, once', async () => {
    const res = await manager.post('/api/v1/holidays/cn-public', { year: 2027 });
    expect(res.status).toBe(200);
    expect(res.body.added).toBe(7);
    expect(res.body.items.map((h: { nameZh: string }) => h.nameZh)).toContain('中秋节');
    expect((await manager.post('/api/v1/holidays/cn-public', { year: 2027 })).body.added).toBe(0);
    expect((await manager.post('/api/v1/holidays/cn-public', { year: 2031 })).status).toBe(422);
    expect((await consultant1.get('/api/v1/holidays')).body.cnPublicHolidayYears).toEqual([2026, 2027]);
  });

  it('drives holiday care: a C lead is greeted on the eve of the next holiday', async () => {
    await setNow('2027-04-20T10:00:00');
    const { leadId } = await newLead(ids.consultant1);
    expect((await logResult(consultant1, leadId, { levelAfter: 'C' })).body.nextTask).toMatchObject({
      kind: 'holiday_care',
      ruleKey: 'cadence.C.holiday',
      dueAt: iso('2027-04-30T18:00:00'),
      title: '劳动节',
    });
    // Without Labour Day in the calendar, the C lead moves to the eve of Dragon Boat.
    const removed = await manager.request('DELETE', '/api/v1/holidays/2027-05-01');
    expect(removed.status).toBe(200);
    expect((await openRuleTask(leadId))?.due_at).toBe('2027-05-20T18:00');
  });

  it('adds and removes one day; a date twice is a conflict; consultants only read', async () => {
    const added = await manager.post('/api/v1/holidays', {
      date: '2027-03-08',
      nameZh: '妇女节',
      nameEn: "Women's Day",
    });
    expect(added.status).toBe(201);
    expect((await manager.post('/api/v1/holidays', { date: '2027-03-08', nameZh: '妇女节' })).status).toBe(
      409,
    );
    expect((await manager.post('/api/v1/holidays', { date: '2027-13-01', nameZh: '错误' })).status).toBe(422);
    expect((await consultant1.post('/api/v1/holidays', { date: '2027-03-09', nameZh: '测试' })).status).toBe(
      403,
    );
    expect((await manager.request('DELETE', '/api/v1/holidays/2027-03-08')).status).toBe(200);
    expect((await manager.request('DELETE', '/api/v1/holidays/2027-03-08')).status).toBe(404);
  });

  it("another store cannot remove this store's holidays", async () => {
    const manager2 = await t.as('manager2');
    expect((await manager2.request('DELETE', '/api/v1/holidays/2027-10-01')).status).toBe(404);
    expect((await manager2.get('/api/v1/holidays')).body.items).toEqual([]);
    const [row] = await t.rows<{ n: number }>(
      sql`select count(*)::int as n from holidays where dealer_id = ${dealerId} and date = '2027-10-01'`,
    );
    expect(row?.n).toBe(1);
  });
});
