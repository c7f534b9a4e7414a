import { normalisePhone } from '@qianke/core/customers/phone';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertRule } from '../assignment/assignment.repo';
import type { Executor } from '../infra/db/database';
import { startTestServer, type TestServer } from '../test-support/test-server';
import { type CaptureLeadInput, type CaptureLeadResult, captureLead } from './capture-lead';
import { captureLeads } from './capture-leads';

let t: TestServer;
let dealerId: string;
let autohome: string;
let walkIn: string;
let consultant1: string;
let consultant2: string;
beforeAll(async () => {
  t = await startTestServer();
  const [row] = await t.rows<{
    dealer_id: string;
    autohome: string;
    walk_in: string;
    c1: string;
    c2: string;
  }>(sql`
    select d.id as dealer_id,
      (select id from lead_sources where dealer_id = d.id and code = 'autohome') as autohome,
      (select id from lead_sources where dealer_id = d.id and code = 'walk_in') as walk_in,
      (select id from users where dealer_id = d.id and username = 'consultant1') as c1,
      (select id from users where dealer_id = d.id and username = 'consultant2') as c2
    from dealers d where d.code = 'SH-PD'`);
  if (!row) throw new Error('demo store not found');
  ({ dealer_id: dealerId, autohome, walk_in: walkIn, c1: consultant1, c2: consultant2 } = row);
});
afterAll(() => t?.close());

const rows = async <T>(tx: Executor, query: ReturnType<typeof sql>): Promise<T[]> =>
  ((await tx.execute(query)) as unknown as { rows: T[] }).rows;

/** Runs `work` in a transaction that is rolled back afterwards, and answers what it returned. */
const rolledBack = async <T>(work: (tx: Executor) => Promise<T>): Promise<T> => {
  let value: T | undefined;
  const marker = new Error('roll back');
  await t.db
    .transaction(async (tx) => {
      value = await work(tx);
      throw marker;
    })
    .catch((error: unknown) => {
      if (error !== marker) throw error;
    });
  return value as T;
};

const input = (raw: string, extra: Partial<CaptureLeadInput> = {}): CaptureLeadInput => {
  const phone = normalisePhone(raw);
  if (!phone) throw new Error(`bad phone ${raw}`);
  return {
    dealerId,
    actorId: null,
    customer: { name: `客户${raw.slice(-4)}`, phoneE164: phone.e164, phoneRaw: raw },
    lead: { sourceId: walkIn, channel: 'import', level: 'A' },
    occurredAt: new Date('2026-03-31T15:30:00Z'),
    now: new Date('2026-04-02T01:00:00Z'),
    via: 'import',
    requestId: 'req-batch',
    ...extra,
  };
};

/**
 * The same store state in both runs: a rule gives walk-in leads to consultant1 and consultant2 in
 * turn; one demo customer loses its owner, another keeps a further phone. Answers the batch's inputs.
 */
const prepare = async (tx: Executor): Promise<{ inputs: CaptureLeadInput[]; ruleId: string }> => {
  await tx.execute(sql`update users set on_duty = true where id in (${consultant1}, ${consultant2})`);
  const ruleId = await insertRule(tx, dealerId, {
    name: '0 walk-ins in turn',
    priority: -100,
    match: { channels: [], sourceCodes: ['walk_in'] },
    poolUserIds: [consultant1, consultant2],
    openLeadCap: null,
    active: true,
  });
  const known = await rows<{ id: string; phone: string }>(
    tx,
    sql`select id, substr(phone_e164, 4) as phone from customers
      where dealer_id = ${dealerId} and phone_e164 like '+861%' and merged_into_id is null
        and owner_id is not null order by id limit 2`,
  );
  const [owned, unowned] = known;
  if (!owned || !unowned) throw new Error('the demo store has too few customers');
  await tx.execute(sql`update customers set owner_id = null where id = ${unowned.id}`);
  await tx.execute(
    sql`update customers set other_phones = ${JSON.stringify([
      { e164: '+8613655550009', raw: '13655550009' },
    ])}::jsonb where id = ${owned.id}`,
  );
  const inputs = [
    input('13655550001', { ownerId: consultant1 }),
    input('13655550002'),
    input(owned.phone),
    input('13655550003', { lead: { sourceId: autohome, channel: 'import' } }),
    input('136 5555 0002'),
    input(unowned.phone),
    input('13655550009', { ownerId: consultant2 }),
    input('13655550004'),
    // New Year's Day in the store (Shanghai) while still 31 December in UTC: a card of the next year.
    input('13655550005', { occurredAt: new Date('2026-12-31T17:00:00Z') }),
    input('13655550006', { ownerId: consultant2 }),
  ];
  return { inputs, ruleId };
};

/** What the captures left in the store, with the ids they created named by their order. */
const snapshot = async (tx: Executor, results: readonly CaptureLeadResult[], ruleId: string) => {
  const leadIds = results.map((r) => r.leadId);
  const customerIds = [...new Set(results.map((r) => r.customerId))];
  const state = {
    results: results.map((r) => ({ ...r })),
    customers: await rows(
      tx,
      sql`select id, card_no, name, owner_id, level, source_id, version from customers
        where id in (select jsonb_array_elements_text(${JSON.stringify(customerIds)}::jsonb)::uuid) order by card_no`,
    ),
    leads: await rows(
      tx,
      sql`select id, customer_id, owner_id, assigned_at, assignment_reason, first_contact_due_at, created_at,
          status, level, channel, version
        from leads where id in (select jsonb_array_elements_text(${JSON.stringify(leadIds)}::jsonb)::uuid)`,
    ),
    tasks: await rows(
      tx,
      sql`select lead_id, customer_id, assignee_id, kind, due_at, rule_key, status, custom, created_at
        from tasks where lead_id in (select jsonb_array_elements_text(${JSON.stringify(leadIds)}::jsonb)::uuid)
        order by due_at, assignee_id`,
    ),
    audits: await rows(
      tx,
      sql`select action, entity, entity_id, actor_id, before, after, request_id from audit_log
        where entity_id in (select jsonb_array_elements_text(${JSON.stringify([...leadIds, ...customerIds])}::jsonb))
        order by id`,
    ),
    notifications: await rows(
      tx,
      sql`select user_id, kind, subject_key, payload from notifications
        where payload->>'leadId' in (select jsonb_array_elements_text(${JSON.stringify(leadIds)}::jsonb))
        order by subject_key`,
    ),
    counters: await rows(
      tx,
      sql`select prefix, year, last_serial from card_counters where dealer_id = ${dealerId} order by 1, 2`,
    ),
  };
  // Ids differ between two runs: each new lead and customer is named by the row that made it.
  let text = JSON.stringify(state).replaceAll(ruleId, 'rule');
  results.forEach((r, i) => {
    text = text.replaceAll(r.leadId, `lead#${i}`);
    if (!r.duplicate) text = text.replaceAll(r.customerId, `customer#${i}`);
  });
  const named = JSON.parse(text) as typeof state;
  // Row by row, the audit rows of one capture come together; in a batch, by kind: compare them as sets.
  const byText = (a: unknown, b: unknown) => JSON.stringify(a).localeCompare(JSON.stringify(b));
  for (const list of [named.audits, named.leads, named.tasks, named.notifications]) list.sort(byText);
  return named;
};

describe('captureLeads (an import batch at once)', () => {
  it('leaves the store exactly as capturing the same leads one by one: customers, cards, owners, tasks, audit, notifications', async () => {
    const oneByOne = await rolledBack(async (tx) => {
      const { inputs, ruleId } = await prepare(tx);
      const results: CaptureLeadResult[] = [];
      for (const item of inputs) results.push(await captureLead(tx, item));
      return snapshot(tx, results, ruleId);
    });
    const batch = await rolledBack(async (tx) => {
      const { inputs, ruleId } = await prepare(tx);
      return snapshot(tx, await captureLeads(tx, inputs), ruleId);
    });
    expect(batch).toEqual(oneByOne);

    // And the case is one worth comparing: every path of capture was taken.
    const results = oneByOne.results;
    expect(results.map((r) => r.duplicate)).toEqual([
      false,
      false,
      true,
      false,
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
    // The phone repeated in the batch went to the customer its first row opened, and to its new owner.
    expect(results[4]?.customerId).toBe('customer#1');
    expect(results[4]?.ownerId).toBe(results[1]?.ownerId);
    // The rule gave the unowned walk-in leads to its pool, each counted before the next was decided.
    for (const i of [1, 7, 8]) expect([consultant1, consultant2]).toContain(results[i]?.ownerId);
    // Each person's open leads, as the rule saw them, grow with every lead given to them (row order).
    const byRule = (oneByOne.leads as { id: string; owner_id: string; assignment_reason: unknown }[])
      .filter((l) => (l.assignment_reason as { ruleName?: string } | null)?.ruleName === '0 walk-ins in turn')
      .sort((x, y) => Number(x.id.slice(5)) - Number(y.id.slice(5)));
    expect(byRule.length).toBeGreaterThanOrEqual(3);
    for (const owner of [consultant1, consultant2]) {
      const seen = byRule
        .filter((l) => l.owner_id === owner)
        .map((l) => (l.assignment_reason as { openLeads: number }).openLeads);
      expect(seen).toEqual([...seen].sort((x, y) => x - y));
      expect(new Set(seen).size).toBe(seen.length);
    }
    const actions = oneByOne.audits.map((a) => (a as { action: string }).action);
    expect(actions).toContain('customer.owner_change');
    expect(actions.filter((a) => a === 'lead.assign').length).toBeGreaterThanOrEqual(3);
    const cards = oneByOne.customers.map((c) => (c as { card_no: string }).card_no);
    expect(cards.some((c) => c.startsWith('Z99-27-'))).toBe(true);
    expect(cards.some((c) => c.startsWith('A02-26-'))).toBe(true);
    expect(oneByOne.notifications.length).toBeGreaterThanOrEqual(3);
  });

  it('reserves card numbers after the series so far, and a later single capture continues after the block', async () => {
    const [before] = await t.rows<{ last: number }>(sql`
      select coalesce(max(last_serial), 0) as last from card_counters
      where dealer_id = ${dealerId} and prefix = 'A01' and year = 2026`);
    const results = await t.db.transaction((tx) =>
      captureLeads(
        tx,
        ['13655551001', '13655551002', '13655551003'].map((p) => input(p, { ownerId: consultant1 })),
      ),
    );
    const single = await t.db.transaction((tx) =>
      captureLead(tx, input('13655551004', { ownerId: consultant1 })),
    );
    const cards = await t.rows<{ card_no: string }>(sql`
      select card_no from customers
      where id in (${results[0]?.customerId}, ${results[1]?.customerId}, ${results[2]?.customerId}, ${single.customerId})
      order by card_no`);
    const serial = (n: number) => `A01-26-${String((before?.last ?? 0) + n).padStart(4, '0')}`;
    expect(cards.map((c) => c.card_no)).toEqual([serial(1), serial(2), serial(3), serial(4)]);
  });
});
