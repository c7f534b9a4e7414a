import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_KEY } from '../demo/load-demo';
import { type ApiClient, startTestServer, type TestServer } from '../test-support/test-server';

let t: TestServer;
let admin: ApiClient;
let store1: string;
let dcc1: string;

beforeAll(async () => {
  t = await startTestServer();
  admin = await t.as('admin');
  const [row] = await t.rows<{ id: string }>(sql`select id from dealers where code = 'SH-PD'`);
  store1 = row?.id ?? '';
  const [dcc] = await t.rows<{ id: string }>(sql`select id from users where username = 'dcc1'`);
  dcc1 = dcc?.id ?? '';
});
afterAll(() => t?.close());

const post = (
  xml: string,
  {
    query = '',
    headers = {},
    key = DEMO_API_KEY,
  }: { query?: string; headers?: Record<string, string>; key?: string | null } = {},
) =>
  t.client().request('POST', `/api/v1/intake/adf${query}`, xml, {
    'content-type': 'application/xml',
    ...(key ? { authorization: `Bearer ${key}` } : {}),
    ...headers,
  });

type LeadRow = {
  lead_id: string;
  customer_id: string;
  dealer_id: string;
  name: string;
  phone_raw: string;
  current_car: string | null;
  address: string | null;
  source_code: string;
  channel: string;
  series: string | null;
  horizon: string | null;
  note: string | null;
  external_id: string | null;
  owner_id: string | null;
  raw_payload: { format: string; prospect: number; prospects: number; xml: string };
  created_at: Date;
};

const leadsOf = (e164: string) =>
  t.rows<LeadRow>(sql`
    select l.id as lead_id, c.id as customer_id, l.dealer_id, c.name, c.phone_raw, c.current_car, c.address,
           s.code as source_code, l.channel, cs.name as series, l.horizon, l.note, l.external_id, l.owner_id,
           l.raw_payload, l.created_at
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

/** One prospect, with what a test needs to vary. Phones of the 167 block, which the demo does not use. */
const prospect = ({
  name = '<name part="full">王小明</name>',
  phones = '<phone type="cellphone">16700000001</phone>',
  vehicle = '<vehicle interest="buy" status="new"><year>2025</year><make>比亚迪</make><model>秦PLUS</model></vehicle>',
  provider = '<provider><name part="full">汽车之家</name></provider>',
  extra = '',
  customerExtra = '',
} = {}) => `<prospect status="new">${extra}${vehicle}
    <customer><contact>${name}${phones}</contact>${customerExtra}</customer>${provider}</prospect>`;

const adf = (...prospects: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<?adf version="1.0"?>\n<adf>\n${prospects.join('\n')}\n</adf>`;

describe('POST /api/v1/intake/adf', () => {
  it('captures a portal prospect: source from the provider, series, horizon, request time, raw XML', async () => {
    const xml = adf(
      prospect({
        extra:
          '<id sequence="1" source="autohome">AH-0001</id><requestdate>2026-01-05T09:30:00+08:00</requestdate>',
        customerExtra: '<timeframe><description>1个月内</description></timeframe>',
      }),
    );
    const res = await post(xml);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      results: [{ index: 0, leadId: expect.any(String), customerId: expect.any(String), duplicate: false }],
    });
    const [row] = await leadsOf('+8616700000001');
    expect(row).toMatchObject({
      lead_id: res.body.results[0].leadId,
      dealer_id: store1,
      name: '王小明',
      source_code: 'autohome',
      channel: 'portal',
      series: '秦PLUS',
      horizon: 'm1',
      note: null,
      external_id: 'AH-0001',
      // The demo store's rule gives portal leads to the DCC agent (issue 4).
      owner_id: dcc1,
    });
    expect(new Date(row?.created_at ?? 0).toISOString()).toBe('2026-01-05T01:30:00.000Z');
    expect(row?.raw_payload).toEqual({
      format: 'adf',
      prospect: 0,
      prospects: 1,
      xml: expect.stringMatching(
        /^<prospect status="new"><id sequence="1" source="autohome">AH-0001<\/id>.*<\/prospect>$/s,
      ),
    });
    const audit = await t.rows<{ action: string; after: { via?: string } }>(
      sql`select action, after from audit_log where entity_id = ${row?.lead_id} order by id`,
    );
    expect(audit.map((a) => [a.action, a.after.via])).toEqual([
      ['lead.create', 'intake.adf'],
      ['lead.assign', undefined],
      ['intake.receive', 'intake.adf'],
    ]);
  });

  it('reads <?adf?> before <?xml?>, names in parts, several phones with types, text/xml with a charset', async () => {
    const xml = `<?adf version="1.0"?>
<?xml version="1.0"?>
<adf><prospect>
  <vehicle interest="buy"><make>BYD</make><model>Song PLUS</model></vehicle>
  <vehicle interest="trade-in" status="used"><year>2016</year><make>大众</make><model>帕萨特</model></vehicle>
  <customer><contact>
    <name part="first">小红</name><name part="last">李</name>
    <email>lixh@example.com</email>
    <phone type="voice" time="morning">021-5888 1234</phone>
    <phone type="cellphone" time="evening">+86 167-0000-0002</phone>
    <phone type="fax">021-5888 9999</phone>
    <address><street line="1">世纪大道 100 号</street><city>上海</city></address>
  </contact><timeframe><earliestdate>2099-01-01</earliestdate></timeframe></customer>
  <provider><name part="full">品牌官网</name></provider>
</prospect></adf>`;
    const res = await post(xml, { headers: { 'content-type': 'text/xml; charset=utf-8' } });
    expect(res.status).toBe(200);
    expect(res.body.results[0]).toMatchObject({ index: 0, duplicate: false });
    const [row] = await leadsOf('+8616700000002');
    expect(row).toMatchObject({
      name: '李小红',
      phone_raw: '+86 167-0000-0002',
      current_car: '2016 大众 帕萨特',
      address: '世纪大道 100 号 上海',
      source_code: 'brand_website',
      channel: 'website',
      series: '宋PLUS',
      horizon: 'm12_plus',
      note: 'phone (voice, morning): 021-5888 1234\nphone (fax): 021-5888 9999\nphone time: evening\nemail: lixh@example.com',
    });
  });

  it('reads an upper-case document with CDATA and empty elements; an unknown provider goes to ?source=', async () => {
    const xml = `<?ADF VERSION "1.0"?>
<ADF><PROSPECT>
  <CUSTOMER>
    <CONTACT><NAME PART="first">Wei</NAME><NAME PART="last">Zhang</NAME><EMAIL/><PHONE TYPE="fax"/>
      <PHONE TYPE="cellphone">16700000003</PHONE></CONTACT>
    <COMMENTS><![CDATA[Wants a <b>test drive</b> & a quote]]></COMMENTS>
    <TIMEFRAME><DESCRIPTION>3-6 months</DESCRIPTION></TIMEFRAME>
  </CUSTOMER>
  <VEHICLE INTEREST="test-drive"><MAKE>BYD</MAKE><MODEL>Model Y</MODEL></VEHICLE>
  <PROVIDER><NAME>Dealer Leads Inc.</NAME></PROVIDER>
</PROSPECT></ADF>`;
    const res = await post(xml, { query: '?source=yiche' });
    expect(res.status).toBe(200);
    const [row] = await leadsOf('+8616700000003');
    expect(row).toMatchObject({
      name: 'Wei Zhang',
      source_code: 'yiche',
      channel: 'portal',
      series: null,
      horizon: 'm4_6',
      note: 'vehicle: BYD Model Y\ncomments: Wants a <b>test drive</b> & a quote\nprovider: Dealer Leads Inc.',
    });
  });

  it("falls back to the store's auto portals when neither the provider nor the query names a source", async () => {
    const res = await post(adf(prospect({ phones: '<phone>16700000004</phone>', provider: '' })));
    expect(res.status).toBe(200);
    const [row] = await leadsOf('+8616700000004');
    expect(row).toMatchObject({ source_code: 'online_portal', channel: 'portal' });
  });

  it('answers one result per prospect: a bad one is an error, the others go in', async () => {
    const before = await countRows();
    const xml = adf(
      prospect({ name: '<name part="full">张三</name>', phones: '<phone>16700000005</phone>' }),
      prospect({ name: '<name part="full">李四</name>', phones: '<phone type="voice">12345</phone>' }),
      prospect({ name: '', phones: '<phone>16700000006</phone>' }),
      prospect({ name: '<name part="full">王五</name>', phones: '<phone type="fax">021-5888 9999</phone>' }),
      prospect({
        name: '<name part="full">赵六</name>',
        phones: '<phone type="cellphone">16700000005</phone>',
      }),
    );
    const res = await post(xml);
    expect(res.status).toBe(200);
    const [first, bad, nameless, faxOnly, again] = res.body.results;
    expect(first).toMatchObject({ index: 0, duplicate: false });
    expect(bad).toEqual({
      index: 1,
      error: {
        code: 'validation_failed',
        message: 'This prospect cannot be captured.',
        fields: { phone: expect.stringMatching(/^Not a phone number we can call/) },
      },
    });
    expect(nameless).toMatchObject({ index: 2, error: { fields: { name: "Send the customer's name." } } });
    expect(faxOnly).toMatchObject({
      index: 3,
      error: { fields: { phone: "Send the customer's phone number." } },
    });
    // The same phone twice in one document: one customer, two leads.
    expect(again).toEqual({
      index: 4,
      leadId: expect.any(String),
      customerId: first.customerId,
      duplicate: true,
    });
    const after = await countRows();
    expect([after?.customers, after?.leads]).toEqual([
      (before?.customers ?? 0) + 1,
      (before?.leads ?? 0) + 2,
    ]);
    const rows = await leadsOf('+8616700000005');
    expect(rows.map((r) => [r.raw_payload.prospect, r.raw_payload.prospects])).toEqual([
      [0, 5],
      [4, 5],
    ]);
    expect(rows[1]?.raw_payload.xml).toContain('赵六');
    expect(rows[1]?.raw_payload.xml).not.toContain('张三');
  });

  it('reads a GBK document that declares its encoding', async () => {
    const head =
      '<?xml version="1.0" encoding="GBK"?><?adf version="1.0"?><adf><prospect><customer><contact><name part="full">';
    const tail = '</name><phone>16700000007</phone></contact></customer></prospect></adf>';
    // 王小明 in GBK.
    const body = Buffer.concat([
      Buffer.from(head),
      Buffer.from([0xcd, 0xf5, 0xd0, 0xa1, 0xc3, 0xf7]),
      Buffer.from(tail),
    ]);
    const res = await fetch(`${t.baseUrl}/api/v1/intake/adf`, {
      method: 'POST',
      headers: { authorization: `Bearer ${DEMO_API_KEY}`, 'content-type': 'application/xml' },
      body,
    });
    expect(res.status).toBe(200);
    const [row] = await leadsOf('+8616700000007');
    expect(row?.name).toBe('王小明');
  });

  it.each([
    ['hello, this is not XML', 'The body is not an XML document.'],
    ['<?xml version="1.0"?><lead><name>x</name></lead>', "The document's root element is <lead>, not <adf>"],
    ['<?adf version="1.0"?><adf></adf>', 'The <adf> document has no <prospect>'],
    ['<adf><prospect><customer></prospect></adf>', 'The XML cannot be read at line 1'],
    ['', 'The body is empty'],
  ])('refuses a document it cannot read, with the reason: %j', async (xml, reason) => {
    const before = await countRows();
    const res = await post(xml);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.message).toContain(reason);
    expect(await countRows()).toEqual(before);
  });

  it('refuses an unknown ?source= and a JSON body, and anything without a valid key', async () => {
    const unknown = await post(adf(prospect()), { query: '?source=nowhere' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.fields.source).toMatch(/^Unknown source "nowhere"/);
    const json = await t
      .client()
      .request('POST', '/api/v1/intake/adf', { adf: {} }, { authorization: `Bearer ${DEMO_API_KEY}` });
    expect(json.status).toBe(422);
    expect(json.body.error.message).toMatch(/application\/xml or text\/xml/);
    expect((await post(adf(prospect()), { key: null })).status).toBe(401);
    expect((await post(adf(prospect()), { key: 'qk_wrong' })).status).toBe(401);
  });

  it('refuses a body over 1 MB', async () => {
    const comment = `<!-- ${'x'.repeat(1024 * 1024)} -->`;
    const res = await post(adf(prospect()) + comment);
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
  });

  it('replays a document sent again with the same Idempotency-Key, and refuses another document with it', async () => {
    const xml = adf(
      prospect({ phones: '<phone>16700000008</phone>' }),
      prospect({ phones: '<phone>1</phone>' }),
    );
    const first = await post(xml, { headers: { 'idempotency-key': 'adf-batch-8' } });
    const second = await post(xml, { headers: { 'idempotency-key': 'adf-batch-8' } });
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(await leadsOf('+8616700000008')).toHaveLength(1);
    // The same document for another source is another request.
    const other = await post(xml, { query: '?source=yiche', headers: { 'idempotency-key': 'adf-batch-8' } });
    expect(other.status).toBe(422);
    expect(Object.keys(other.body.error.fields)).toEqual(['Idempotency-Key']);
  });

  it('stores each prospect all or nothing: a failure inside one leaves the others', async () => {
    // The lead's own audit row is written after captureLead inserted customer and lead: make it fail.
    await t.rows(
      sql.raw(`
      create function qk_test_explode_adf() returns trigger language plpgsql as $$
      begin
        if exists (select 1 from customers where phone_e164 = '+8616700000010'
                   and id::text = new.after->>'customerId') then
          raise exception 'forced failure inside a prospect';
        end if;
        return new;
      end $$`),
    );
    await t.rows(
      sql.raw(`
      create trigger qk_test_explode_adf before insert on audit_log for each row
      when (new.action = 'intake.receive') execute function qk_test_explode_adf()`),
    );
    try {
      const res = await post(
        adf(
          prospect({ phones: '<phone>16700000009</phone>' }),
          prospect({ phones: '<phone>16700000010</phone>' }),
          prospect({ phones: '<phone>16700000011</phone>' }),
        ),
      );
      expect(res.status).toBe(200);
      expect(res.body.results.map((r: { error?: { code: string } }) => r.error?.code ?? 'ok')).toEqual([
        'ok',
        'internal',
        'ok',
      ]);
      expect(await leadsOf('+8616700000009')).toHaveLength(1);
      expect(await leadsOf('+8616700000010')).toEqual([]);
      expect(await t.rows(sql`select id from customers where phone_e164 = '+8616700000010'`)).toEqual([]);
      expect(await leadsOf('+8616700000011')).toHaveLength(1);
    } finally {
      await t.rows(sql.raw('drop trigger qk_test_explode_adf on audit_log'));
      await t.rows(sql.raw('drop function qk_test_explode_adf()'));
    }
  });

  it('rolls the whole document back when the request fails after its prospects', async () => {
    const created = await admin.post('/api/v1/api-keys', { name: 'Exploding ADF key' });
    await t.rows(
      sql.raw(`
      create function qk_test_explode_key() returns trigger language plpgsql as $$
      begin raise exception 'forced failure after the prospects'; end $$`),
    );
    await t.rows(
      sql.raw(`
      create trigger qk_test_explode_key before update on api_keys for each row
      when (new.name = 'Exploding ADF key' and new.last_used_at is not null) execute function qk_test_explode_key()`),
    );
    try {
      const before = await countRows();
      const res = await post(
        adf(
          prospect({ phones: '<phone>16700000012</phone>' }),
          prospect({ phones: '<phone>16700000013</phone>' }),
        ),
        { key: created.body.key, headers: { 'idempotency-key': 'adf-explode' } },
      );
      expect(res.status).toBe(500);
      expect(await countRows()).toEqual(before);
    } finally {
      await t.rows(sql.raw('drop trigger qk_test_explode_key on api_keys'));
      await t.rows(sql.raw('drop function qk_test_explode_key()'));
    }
  });

  it('writes with a store-1 key into store 1 only', async () => {
    const [store2Customer] = await t.rows<{ phone_raw: string; id: string }>(sql`
      select c.phone_raw, c.id from customers c join dealers d on d.id = c.dealer_id
      where d.code = 'SH-MH' and c.phone_e164 like '+861%' order by c.id limit 1`);
    const res = await post(adf(prospect({ phones: `<phone>${store2Customer?.phone_raw}</phone>` })));
    expect(res.body.results[0]).toMatchObject({ duplicate: false });
    expect(res.body.results[0].customerId).not.toBe(store2Customer?.id);
    const [row] = await t.rows<{ dealer_id: string }>(
      sql`select dealer_id from customers where id = ${res.body.results[0].customerId}`,
    );
    expect(row?.dealer_id).toBe(store1);
  });
});
