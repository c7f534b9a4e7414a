import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_KEY } from '../demo/load-demo';
import {
  type ApiClient,
  type ApiResponse,
  startTestServer,
  type TestServer,
} from '../test-support/test-server';

let t: TestServer;
let admin: ApiClient;
let store1: string;
let store2: string;
let dcc1: string;

beforeAll(async () => {
  t = await startTestServer();
  admin = await t.as('admin');
  const stores = await t.rows<{ id: string; code: string }>(sql`select id, code from dealers order by code`);
  store1 = stores.find((s) => s.code === 'SH-PD')?.id ?? '';
  store2 = stores.find((s) => s.code === 'SH-MH')?.id ?? '';
  const [dcc] = await t.rows<{ id: string }>(sql`select id from users where username = 'dcc1'`);
  dcc1 = dcc?.id ?? '';
});
afterAll(() => t?.close());

const send = (body: unknown, headers: Record<string, string> = {}, key: string | null = DEMO_API_KEY) =>
  t
    .client()
    .request(
      'POST',
      '/api/v1/intake/leads',
      body,
      key ? { authorization: `Bearer ${key}`, ...headers } : headers,
    );

/** Phones of the 166 block, which the demo does not use. */
let phones = 0;
const nextPhone = () => `1660000${String(++phones).padStart(4, '0')}`;

const lead = (phone: string, extra: Record<string, unknown> = {}) => ({
  name: '王先生',
  phone,
  source: 'autohome',
  seriesInterest: 'Qin PLUS',
  note: '想了解置换补贴',
  campaignCode: 'AH-2611',
  externalId: `AH-${phone}`,
  ...extra,
});

const leadsOf = (e164: string) =>
  t.rows<{
    id: string;
    dealer_id: string;
    customer_id: string;
    channel: string;
    source_code: string;
    series: string | null;
    note: string | null;
    owner_id: string | null;
    campaign_code: string | null;
    external_id: string | null;
    raw_payload: unknown;
    created_at: Date;
    first_contact_due_at: Date;
  }>(sql`
    select l.id, l.dealer_id, l.customer_id, l.channel, s.code as source_code, cs.name as series, l.note,
           l.owner_id, l.campaign_code, l.external_id, l.raw_payload, l.created_at, l.first_contact_due_at
    from leads l join customers c on c.dealer_id = l.dealer_id and c.id = l.customer_id
    join lead_sources s on s.dealer_id = l.dealer_id and s.id = l.source_id
    left join catalog_series cs on cs.dealer_id = l.dealer_id and cs.id = l.series_id
    where c.phone_e164 = ${e164} order by l.created_at, l.id`);

const countRows = async () => {
  const [row] = await t.rows<{ customers: number; leads: number; audit: number; idem: number }>(sql`
    select (select count(*)::int from customers) as customers, (select count(*)::int from leads) as leads,
           (select count(*)::int from audit_log) as audit, (select count(*)::int from idempotency_keys) as idem`);
  return row;
};

const createKey = async (name: string, client = admin) => {
  const res = await client.post('/api/v1/api-keys', { name });
  expect(res.status).toBe(201);
  return res.body as { id: string; key: string };
};

describe('POST /api/v1/intake/leads', () => {
  it('opens a customer for a new phone: 201, source, channel, series, raw payload, owner by rule, audited', async () => {
    const body = lead('16612345601');
    const res = await send(body);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      leadId: expect.any(String),
      customerId: expect.any(String),
      duplicate: false,
    });
    const [row] = await leadsOf('+8616612345601');
    expect(row).toMatchObject({
      id: res.body.leadId,
      customer_id: res.body.customerId,
      dealer_id: store1,
      channel: 'portal',
      source_code: 'autohome',
      series: '秦PLUS',
      note: '想了解置换补贴',
      // The demo store's rule gives portal leads to the DCC agent (issue 4).
      owner_id: dcc1,
      campaign_code: 'AH-2611',
      external_id: 'AH-16612345601',
      raw_payload: body,
    });
    const [customer] = await t.rows<{ name: string; phone_raw: string; card_no: string }>(
      sql`select name, phone_raw, card_no from customers where id = ${res.body.customerId}`,
    );
    expect(customer).toMatchObject({ name: '王先生', phone_raw: '16612345601' });
    expect(customer?.card_no).toMatch(/^Z99-\d{2}-\d{4}$/);
    const audit = await t.rows<{ action: string; after: Record<string, unknown> }>(sql`
      select action, after from audit_log
      where entity_id in (${res.body.leadId}, ${res.body.customerId}) order by id`);
    expect(audit.map((a) => a.action)).toEqual([
      'customer.create',
      'lead.create',
      'customer.owner_change',
      'lead.assign',
      'intake.receive',
    ]);
    const [demoKey] = await t.rows<{ id: string; last_used_at: Date | null }>(
      sql`select id, last_used_at from api_keys where name = 'Demo portal key'`,
    );
    expect(audit[4]?.after).toMatchObject({ apiKeyId: demoKey?.id, via: 'intake.json' });
    expect(demoKey?.last_used_at).not.toBeNull();
  });

  it("writes the key's last use at most once a minute, so a portal's requests do not queue on its row", async () => {
    const lastUsed = async () =>
      (
        await t.rows<{ at: string }>(
          sql`select last_used_at::text as at from api_keys where name = 'Demo portal key'`,
        )
      )[0]?.at;
    await t.rows(
      sql`update api_keys set last_used_at = '2020-01-01T00:00:00Z' where name = 'Demo portal key'`,
    );
    expect((await send(lead('16612345690'))).status).toBe(201);
    const touched = await lastUsed();
    expect(touched).not.toMatch(/^2020-/);
    expect((await send(lead('16612345691'))).status).toBe(201);
    expect(await lastUsed()).toBe(touched);
  });

  it('adds a lead to the customer of a known phone, in any spelling: 200 duplicate', async () => {
    const first = await send(lead('16612345602'));
    const again = await send(lead('+86 166-1234-5602', { source: 'brand_website', seriesInterest: '汉' }));
    expect(again.status).toBe(200);
    expect(again.body).toEqual({
      leadId: expect.any(String),
      customerId: first.body.customerId,
      duplicate: true,
    });
    const rows = await leadsOf('+8616612345602');
    expect(rows.map((r) => [r.source_code, r.channel, r.series])).toEqual([
      ['autohome', 'portal', '秦PLUS'],
      ['brand_website', 'website', '汉'],
    ]);
    const [count] = await t.rows<{ n: number }>(
      sql`select count(*)::int as n from customers where phone_e164 = '+8616612345602'`,
    );
    expect(count?.n).toBe(1);
  });

  it("gives a repeat inquiry of a demo customer to that customer's owner", async () => {
    const [known] = await t.rows<{ id: string; phone_raw: string; owner_id: string }>(sql`
      select id, phone_raw, owner_id from customers
      where dealer_id = ${store1} and owner_id is not null and phone_e164 like '+861%' order by id limit 1`);
    const res = await send(lead(known?.phone_raw ?? '', { externalId: null }));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ customerId: known?.id, duplicate: true });
    const [row] = await t.rows<{ owner_id: string }>(
      sql`select owner_id from leads where id = ${res.body.leadId}`,
    );
    expect(row?.owner_id).toBe(known?.owner_id);
  });

  it.each([
    ['汽车之家', 'autohome', 'portal'],
    ['Autohome', 'autohome', 'portal'],
    ['BRAND WEBSITE', 'brand_website', 'website'],
    ['品牌官网', 'brand_website', 'website'],
    ['hotline_400', 'hotline_400', 'hotline_400'],
    ['400热线', 'hotline_400', 'hotline_400'],
    ['hotline_400_brand', 'hotline_400_brand', 'hotline_400'],
    ['douyin', 'douyin', 'social'],
    ['referral_owner', 'referral_owner', 'referral'],
  ])('reads the source %j as %s on channel %s', async (source, code, channel) => {
    const phone = nextPhone();
    const res = await send(lead(phone, { source }));
    expect(res.status).toBe(201);
    const [row] = await leadsOf(`+86${phone}`);
    expect([row?.source_code, row?.channel]).toEqual([code, channel]);
  });

  it.each([
    ['秦PLUS', '秦PLUS'],
    ['qin plus', '秦PLUS'],
    ['比亚迪 秦PLUS', '秦PLUS'],
    ['BYD Song PLUS', '宋PLUS'],
    ['2025款 海豹', '海豹'],
    ['Ｈａｎ', '汉'],
  ])('matches the series %j to %s', async (seriesInterest, series) => {
    const phone = nextPhone();
    const res = await send(lead(phone, { seriesInterest, note: null }));
    const [row] = await leadsOf(`+86${phone}`);
    expect(res.status).toBe(201);
    expect(row).toMatchObject({ series, note: null });
  });

  it('keeps a series the catalog does not have in the note', async () => {
    const res = await send(lead('16612345603', { seriesInterest: 'Model Y', note: '周末到店' }));
    expect(res.status).toBe(201);
    const [row] = await leadsOf('+8616612345603');
    expect(row).toMatchObject({ series: null, note: '周末到店\nseriesInterest: Model Y' });
  });

  it('takes the time the lead happened; the first call-back is due 24 hours later', async () => {
    const res = await send(lead('16612345604', { occurredAt: '2026-01-05T09:30:00+08:00' }));
    expect(res.status).toBe(201);
    const [row] = await leadsOf('+8616612345604');
    expect(new Date(row?.created_at ?? 0).toISOString()).toBe('2026-01-05T01:30:00.000Z');
    expect(new Date(row?.first_contact_due_at ?? 0).toISOString()).toBe('2026-01-06T01:30:00.000Z');
  });

  it('answers 422 naming every bad field at once, and stores nothing', async () => {
    const before = await countRows();
    const inAnHour = new Date(Date.now() + 3_600_000).toISOString();
    const res = await send({ name: 'x'.repeat(61), phone: '12345', source: 'nowhere', occurredAt: inAnHour });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('validation_failed');
    expect(Object.keys(res.body.error.fields).sort()).toEqual(['name', 'occurredAt', 'phone', 'source']);
    expect(res.body.error.fields.name).toBe('Use at most 60 characters.');
    expect(res.body.error.fields.phone).toMatch(/^Not a phone number we can call/);
    expect(res.body.error.fields.source).toMatch(
      /^Unknown source "nowhere"\. .*autohome, dongchedi, yiche, brand_website/,
    );
    expect(res.body.error.fields.occurredAt).toMatch(/in the future/);
    expect(await countRows()).toEqual(before);
  });

  it.each([
    [{ phone: '16612345605', source: 'autohome' }, { name: "Send the customer's name." }],
    [
      { name: '李', phone: 16612345605, source: 'autohome' },
      { phone: 'Send the phone number as text, e.g. "13800138000".' },
    ],
    [{ name: '李', phone: '16612345605' }, { source: 'Send the source code, e.g. autohome.' }],
    [
      { name: '李', phone: '16612345605', source: 'autohome', occurredAt: '2026-11-25 10:00' },
      { occurredAt: 'Send an ISO 8601 time with its zone, e.g. 2026-11-25T10:30:00+08:00.' },
    ],
    [
      { name: '李', phone: '16612345605', source: 'autohome', occurredAt: '2026-11-25T10:00:00' },
      { occurredAt: 'Send an ISO 8601 time with its zone, e.g. 2026-11-25T10:30:00+08:00.' },
    ],
    [
      { name: '李', phone: '16612345605', source: 'autohome', note: 'x'.repeat(2001) },
      { note: 'Use at most 2000 characters.' },
    ],
  ])('refuses %j with %j', async (body, fields) => {
    const res = await send(body);
    expect(res.status).toBe(422);
    expect(res.body.error.fields).toEqual(fields);
  });

  it('accepts a time up to 5 minutes ahead of the server clock', async () => {
    const res = await send(
      lead('16612345606', { occurredAt: new Date(Date.now() + 2 * 60_000).toISOString() }),
    );
    expect(res.status).toBe(201);
  });

  it('answers 401 without a key, with a wrong key, with a revoked key and with only a session', async () => {
    const missing = await send(lead('16612345607'), {}, null);
    expect(missing.status).toBe(401);
    expect(missing.body.error.code).toBe('unauthenticated');
    expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer/);
    const wrong = await send(lead('16612345607'), {}, 'qk_not_a_key_of_anybody_000000000');
    expect(wrong.status).toBe(401);
    const basic = await send(lead('16612345607'), { authorization: 'Basic YWRtaW46ZGVtbzEyMzQ=' }, null);
    expect(basic.status).toBe(401);
    const session = await admin.request('POST', '/api/v1/intake/leads', lead('16612345607'));
    expect(session.status).toBe(401);

    const created = await createKey('将被吊销');
    expect((await send(lead('16612345607'), {}, created.key)).status).toBe(201);
    expect((await admin.post(`/api/v1/api-keys/${created.id}/revoke`)).status).toBe(200);
    const revoked = await send(lead('16612345608'), {}, created.key);
    expect(revoked.status).toBe(401);
    expect(revoked.body.error.message).toMatch(/not valid or was revoked/);
    expect(await leadsOf('+8616612345608')).toEqual([]);
  });

  it('writes with a key into its own store only', async () => {
    // A phone known in store 2 only: a store-1 key opens a new customer in store 1 and leaves store 2 alone.
    const [store2Customer] = await t.rows<{ id: string; phone_raw: string }>(
      sql`select id, phone_raw from customers where dealer_id = ${store2} and phone_e164 is not null order by id limit 1`,
    );
    const [leadsBefore] = await t.rows<{ n: number }>(
      sql`select count(*)::int as n from leads where dealer_id = ${store2}`,
    );
    const res = await send(lead(store2Customer?.phone_raw ?? ''));
    expect(res.status).toBe(201);
    expect(res.body.customerId).not.toBe(store2Customer?.id);
    const [owner] = await t.rows<{ dealer_id: string }>(
      sql`select dealer_id from customers where id = ${res.body.customerId}`,
    );
    expect(owner?.dealer_id).toBe(store1);
    const [leadsAfter] = await t.rows<{ n: number }>(
      sql`select count(*)::int as n from leads where dealer_id = ${store2}`,
    );
    expect(leadsAfter?.n).toBe(leadsBefore?.n);

    // A key of store 2, made by the group admin working in store 2, writes into store 2.
    const groupAdmin = await t.as('admin');
    await groupAdmin.post('/api/v1/me/store', { storeId: store2 });
    const store2Key = await createKey('闵行官网', groupAdmin);
    const inStore2 = await send(lead('16612345609'), {}, store2Key.key);
    expect(inStore2.status).toBe(201);
    const inStore1 = await send(lead('16612345609'));
    expect(inStore1.status).toBe(201);
    const rows = await leadsOf('+8616612345609');
    expect(rows.map((r) => r.dealer_id).sort()).toEqual([store1, store2].sort());
  });

  it('rolls the whole request back when anything fails after the lead was captured', async () => {
    const exploding = await createKey('Exploding key');
    // The key's last-used time is written after captureLead, in the same transaction: make it fail.
    await t.rows(
      sql.raw(`
      create function qk_test_explode() returns trigger language plpgsql as $$
      begin raise exception 'forced failure after the lead was captured'; end $$`),
    );
    await t.rows(
      sql.raw(`
      create trigger qk_test_explode before update on api_keys for each row
      when (new.name = 'Exploding key' and new.last_used_at is not null) execute function qk_test_explode()`),
    );
    try {
      const before = await countRows();
      const res = await send(lead('16612345610'), { 'idempotency-key': 'explode-1' }, exploding.key);
      expect(res.status).toBe(500);
      expect(res.body.error.code).toBe('internal');
      expect(await countRows()).toEqual(before);
      expect(await leadsOf('+8616612345610')).toEqual([]);
      const customers = await t.rows(sql`select id from customers where phone_e164 = '+8616612345610'`);
      expect(customers).toEqual([]);
    } finally {
      await t.rows(sql.raw('drop trigger qk_test_explode on api_keys'));
      await t.rows(sql.raw('drop function qk_test_explode()'));
    }
    // Nothing was remembered under the key either: the retry goes in.
    const retry = await send(lead('16612345610'), { 'idempotency-key': 'explode-1' }, exploding.key);
    expect(retry.status).toBe(201);
  });
});

describe('Idempotency-Key', () => {
  const replayed = (res: ApiResponse) => res.headers.get('idempotent-replayed');

  it('replays the first answer for the same key and body, and captures nothing twice', async () => {
    const body = lead('16612345620');
    const first = await send(body, { 'idempotency-key': 'portal-lead-620' });
    expect(first.status).toBe(201);
    expect(replayed(first)).toBeNull();
    // The same JSON with its keys in another order and other spacing is the same request.
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(body).reverse()), null, 2);
    const second = await send(reordered, { 'idempotency-key': 'portal-lead-620' });
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(replayed(second)).toBe('true');
    expect(await leadsOf('+8616612345620')).toHaveLength(1);
  });

  it('replays a duplicate answer as 200', async () => {
    await send(lead('16612345621'));
    const first = await send(lead('16612345621'), { 'idempotency-key': 'dup-621' });
    const second = await send(lead('16612345621'), { 'idempotency-key': 'dup-621' });
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.body).toEqual(first.body);
    expect(await leadsOf('+8616612345621')).toHaveLength(2);
  });

  it('refuses the same key with a different body: 422 naming the header', async () => {
    const first = await send(lead('16612345622'), { 'idempotency-key': 'reuse-622' });
    expect(first.status).toBe(201);
    const other = await send(lead('16612345623'), { 'idempotency-key': 'reuse-622' });
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('validation_failed');
    expect(other.body.error.message).toMatch(/^This Idempotency-Key was used with a different request/);
    expect(Object.keys(other.body.error.fields)).toEqual(['Idempotency-Key']);
    expect(await leadsOf('+8616612345623')).toEqual([]);
  });

  it('keeps keys per store: the same key in two stores is two requests', async () => {
    const groupAdmin = await t.as('admin');
    await groupAdmin.post('/api/v1/me/store', { storeId: store2 });
    const store2Key = await createKey('闵行 400', groupAdmin);
    const a = await send(lead('16612345624'), { 'idempotency-key': 'shared-624' });
    const b = await send(lead('16612345624'), { 'idempotency-key': 'shared-624' }, store2Key.key);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(replayed(b)).toBeNull();
    expect(b.body.customerId).not.toBe(a.body.customerId);
  });

  it.each([
    ['', 'empty'],
    ['x'.repeat(101), 'too long'],
    ['clé-é', 'not ASCII'],
    ['tab\tkey', 'a control character'],
    ['   ', 'only spaces'],
  ])('refuses the key %j (%s) with 422', async (key) => {
    const res = await send(lead('16612345625'), { 'idempotency-key': key });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.error.fields)).toEqual(['Idempotency-Key']);
    expect(await leadsOf('+8616612345625')).toEqual([]);
  });

  it('remembers no refused request: the key can be used again once the body is fixed', async () => {
    const bad = await send(lead('12345'), { 'idempotency-key': 'fix-626' });
    expect(bad.status).toBe(422);
    const good = await send(lead('16612345626'), { 'idempotency-key': 'fix-626' });
    expect(good.status).toBe(201);
    expect(replayed(good)).toBeNull();
  });

  it('treats a key first used more than 24 hours ago as new', async () => {
    const first = await send(lead('16612345627'), { 'idempotency-key': 'old-627' });
    expect(first.status).toBe(201);
    await t.rows(
      sql`update idempotency_keys set created_at = now() - interval '25 hours' where key = 'old-627'`,
    );
    const second = await send(lead('16612345628'), { 'idempotency-key': 'old-627' });
    expect(second.status).toBe(201);
    expect(replayed(second)).toBeNull();
    expect(second.body.leadId).not.toBe(first.body.leadId);
    const [row] = await t.rows<{ response: { leadId: string } }>(
      sql`select response from idempotency_keys where key = 'old-627'`,
    );
    expect(row?.response.leadId).toBe(second.body.leadId);
  });

  it('lets exactly one of several concurrent requests with one key capture the lead', async () => {
    const body = lead('16612345629');
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => send(body, { 'idempotency-key': 'race-629' })),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(6).fill(201));
    expect(new Set(answers.map((a) => a.body.leadId)).size).toBe(1);
    expect(answers.filter((a) => replayed(a) === null)).toHaveLength(1);
    expect(await leadsOf('+8616612345629')).toHaveLength(1);
    const [row] = await t.rows<{ request_hash: string; status_code: number }>(
      sql`select request_hash, status_code from idempotency_keys where key = 'race-629'`,
    );
    expect(row?.status_code).toBe(201);
    expect(row?.request_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('never stores the key in clear, only its SHA-256', async () => {
    const created = await createKey('检查存储');
    const rows = await t.rows<{ row: string }>(sql`select row_to_json(k)::text as row from api_keys k`);
    const audit = await t.rows<{ row: string }>(sql`select row_to_json(a)::text as row from audit_log a`);
    for (const { row } of [...rows, ...audit]) expect(row).not.toContain(created.key);
    const [stored] = await t.rows<{ key_hash: string }>(
      sql`select key_hash from api_keys where id = ${created.id}`,
    );
    expect(stored?.key_hash).toBe(createHash('sha256').update(created.key).digest('hex'));
  });
});
