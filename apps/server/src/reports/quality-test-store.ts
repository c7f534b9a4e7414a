import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type ApiClient, startTestServer, type TestServer } from '../test-support/test-server';

/**
 * For the HTTP tests of the quality reports (defeats, follow-up compliance, DCC): a server without demo
 * data, set up with one store in Asia/Shanghai, its users, and helpers that insert the core tests'
 * fixture rows straight into that store. The clock stands at `now` (Nov 25 2026, 10:00 Beijing time).
 */
export const NOW = new Date('2026-11-25T02:00:00Z');
export const NOVEMBER = 'from=2026-11-01&to=2026-11-30';
export const PASSWORD = 'Quality2026';

export type QualityStore = {
  t: TestServer;
  dealerId: string;
  admin: ApiClient;
  manager: ApiClient;
  users: Record<string, string>;
  as: (username: string) => Promise<ApiClient>;
  sourceId: (code: 'walk_in' | 'portal') => string;
  seriesId: (name: 's1' | 's2') => string;
  /** A customer with a lead; returns both ids. */
  lead: (input: {
    ownerId: string | null;
    channel?: string;
    seriesId?: string | null;
    createdAt?: Date;
    firstContactDueAt?: Date | null;
    firstContactedAt?: Date | null;
  }) => Promise<{ customerId: string; leadId: string }>;
  exec: (query: ReturnType<typeof sql>) => Promise<void>;
};

const USERS = {
  m1: ['sales_manager'],
  m2: ['sales_manager'],
  u1: ['consultant'],
  u2: ['consultant'],
  u3: ['consultant'],
  a1: ['dcc_agent'],
  a2: ['dcc_agent'],
  a3: ['dcc_agent'],
  mk: ['marketing_manager'],
} as const;

export const startQualityStore = async (): Promise<QualityStore> => {
  const t = await startTestServer({ demo: false, clock: { now: () => NOW } });
  const admin = t.client();
  const setUp = await admin.post('/api/v1/setup', {
    groupName: '质量集团',
    storeName: '质量店',
    storeCode: 'Q-1',
    timeZone: 'Asia/Shanghai',
    adminUsername: 'boss',
    adminDisplayName: '老板',
    adminPassword: 'Welcome2026',
  });
  if (setUp.status !== 201) throw new Error(`setup failed: ${JSON.stringify(setUp.body)}`);
  const users: Record<string, string> = {};
  for (const [username, roles] of Object.entries(USERS)) {
    const res = await admin.post('/api/v1/users', {
      username,
      displayName: `User ${username}`,
      password: PASSWORD,
      roles,
    });
    if (res.status !== 201) throw new Error(`user ${username}: ${JSON.stringify(res.body)}`);
    users[username] = res.body.id;
  }
  const [store] = await t.rows<{ id: string }>(sql`select id from dealers`);
  const dealerId = store?.id as string;
  const exec = async (query: ReturnType<typeof sql>) => {
    await t.db.execute(query);
  };
  const sources = { walk_in: randomUUID(), portal: randomUUID() };
  for (const [code, id] of Object.entries(sources)) {
    await exec(sql`insert into lead_sources (dealer_id, id, tier, code, name_zh, name_en)
      values (${dealerId}, ${id}, 'source', ${`q_${code}`}, ${code}, ${code})`);
  }
  const brandId = randomUUID();
  await exec(sql`insert into catalog_brands (dealer_id, id, name) values (${dealerId}, ${brandId}, '质量')`);
  const series = { s1: randomUUID(), s2: randomUUID() };
  for (const [name, id] of Object.entries(series)) {
    await exec(sql`insert into catalog_series (dealer_id, id, brand_id, name, name_en)
      values (${dealerId}, ${id}, ${brandId}, ${`车系${name}`}, ${`Series ${name}`})`);
  }
  let serial = 0;
  const lead: QualityStore['lead'] = async (input) => {
    serial += 1;
    const customerId = randomUUID();
    const leadId = randomUUID();
    const createdAt = input.createdAt ?? new Date('2026-10-01T00:00:00Z');
    const channel = input.channel ?? 'walk_in';
    const sourceId = channel === 'walk_in' ? sources.walk_in : sources.portal;
    const phone = `+86139${String(serial).padStart(8, '0')}`;
    await exec(sql`insert into customers (dealer_id, id, card_no, name, phone_e164, owner_id, source_id, created_at)
      values (${dealerId}, ${customerId}, ${`Q-26-${String(serial).padStart(4, '0')}`}, ${`客户${serial}`}, ${phone},
              ${input.ownerId}, ${sourceId}, ${createdAt.toISOString()})`);
    await exec(sql`insert into leads (dealer_id, id, customer_id, source_id, channel, owner_id, series_id, created_at,
                                      first_contact_due_at, first_contacted_at)
      values (${dealerId}, ${leadId}, ${customerId}, ${sourceId}, ${channel}, ${input.ownerId}, ${input.seriesId ?? null},
              ${createdAt.toISOString()}, ${input.firstContactDueAt?.toISOString() ?? null},
              ${input.firstContactedAt?.toISOString() ?? null})`);
    return { customerId, leadId };
  };
  return {
    t,
    dealerId,
    admin,
    manager: await t.as('m1', PASSWORD),
    users,
    as: (username) => t.as(username, PASSWORD),
    sourceId: (code) => sources[code],
    seriesId: (name) => series[name],
    lead,
    exec,
  };
};
