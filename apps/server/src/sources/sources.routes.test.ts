import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, startTestServer, type TestServer } from '../test-support/test-server';

let t: TestServer;
let admin: ApiClient;
let consultant: ApiClient;

beforeAll(async () => {
  t = await startTestServer();
  admin = await t.as('admin');
  consultant = await t.as('consultant1');
});
afterAll(() => t?.close());

type Node = {
  id: string;
  code: string;
  tier: string;
  sort: number;
  active: boolean;
  version: number;
  children?: Node[];
};

const tree = async (client: ApiClient = consultant): Promise<Node[]> => {
  const res = await client.get('/api/v1/sources');
  expect(res.status).toBe(200);
  return res.body.items;
};
const find = (nodes: Node[], code: string): Node | undefined => {
  for (const node of nodes) {
    if (node.code === code) return node;
    const below = find(node.children ?? [], code);
    if (below) return below;
  }
  return undefined;
};

describe('the source tree', () => {
  it('shows every role the store tree: channels, their sources and sub-sources, in order', async () => {
    const channels = await tree();
    expect(channels.slice(0, 3).map((c) => c.code)).toEqual(['walk_in', 'phone_in', 'hotline_400']);
    expect(channels.every((c) => c.tier === 'channel')).toBe(true);
    const online = find(channels, 'online');
    expect(online?.children?.map((s) => s.code)).toEqual([
      'online_portal',
      'online_social',
      'brand_website',
      'online_order',
    ]);
    expect(find(channels, 'online_portal')?.children?.map((s) => [s.code, s.tier])).toEqual([
      ['autohome', 'sub_source'],
      ['dongchedi', 'sub_source'],
      ['yiche', 'sub_source'],
      ['pcauto', 'sub_source'],
    ]);
  });

  it('lets the administrator add nodes one tier below their parent, after the last sibling', async () => {
    const channel = await admin.post('/api/v1/sources', {
      code: 'Live_Stream',
      nameZh: '直播',
      nameEn: 'Live streams',
    });
    expect(channel.status, JSON.stringify(channel.body)).toBe(201);
    expect(channel.body).toMatchObject({
      code: 'live_stream',
      tier: 'channel',
      parentId: null,
      active: true,
    });
    const source = await admin.post('/api/v1/sources', {
      parentId: channel.body.id,
      code: 'douyin_live',
      nameZh: '抖音直播',
      nameEn: 'Douyin live',
    });
    expect(source.body).toMatchObject({ tier: 'source', sort: 10 });
    const sub = await admin.post('/api/v1/sources', {
      parentId: source.body.id,
      code: 'douyin_live_evening',
      nameZh: '晚间直播',
      nameEn: 'Evening live',
    });
    expect(sub.body).toMatchObject({ tier: 'sub_source', parentId: source.body.id });
    const tooDeep = await admin.post('/api/v1/sources', {
      parentId: sub.body.id,
      code: 'too_deep',
      nameZh: '太深',
      nameEn: 'Too deep',
    });
    expect(tooDeep.status).toBe(422);
    expect(tooDeep.body.error.fields.parentId).toMatch(/sub-source/);
    const channels = await tree();
    expect(channels.at(-1)?.code).toBe('live_stream');
    expect(find(channels, 'douyin_live')?.children?.map((c) => c.code)).toEqual(['douyin_live_evening']);
  });

  it('keeps codes unique per store and well formed', async () => {
    const taken = await admin.post('/api/v1/sources', { code: 'autohome', nameZh: '重复', nameEn: 'Again' });
    expect(taken.status).toBe(409);
    expect(taken.body.error.fields.code).toBe('Another source of this store has this code.');
    const bad = await admin.post('/api/v1/sources', { code: '9 lives', nameZh: '坏', nameEn: 'Bad' });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields.code).toMatch(/Lower-case letters/);
    // The same code in another store is fine.
    const [store2] = await t.rows<{ id: string }>(sql`select id from dealers where code = 'SH-MH'`);
    await admin.post('/api/v1/me/store', { storeId: store2?.id });
    const other = await admin.post('/api/v1/sources', {
      code: 'live_stream',
      nameZh: '直播',
      nameEn: 'Live',
    });
    expect(other.status).toBe(201);
    // ...but not under a node of another store.
    const [store1Node] = await t.rows<{ id: string }>(
      sql`select s.id from lead_sources s join dealers d on d.id = s.dealer_id where d.code = 'SH-PD' and s.code = 'online'`,
    );
    const foreign = await admin.post('/api/v1/sources', {
      parentId: store1Node?.id,
      code: 'foreign_child',
      nameZh: '外店',
      nameEn: 'Foreign',
    });
    expect(foreign.status).toBe(422);
    expect(foreign.body.error.fields.parentId).toMatch(/this store/);
    const [store1] = await t.rows<{ id: string }>(sql`select id from dealers where code = 'SH-PD'`);
    await admin.post('/api/v1/me/store', { storeId: store1?.id });
  });

  it('renames, reorders and deactivates with the version read, audited; a stale version is refused', async () => {
    const node = find(await tree(admin), 'pcauto') as Node;
    const res = await admin.patch(`/api/v1/sources/${node.id}`, {
      version: node.version,
      nameZh: '太平洋汽车网',
      sort: 5,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ nameZh: '太平洋汽车网', sort: 5, version: node.version + 1 });
    expect(find(await tree(), 'online_portal')?.children?.[0]?.code).toBe('pcauto');
    const stale = await admin.patch(`/api/v1/sources/${node.id}`, { version: node.version, active: false });
    expect(stale.status).toBe(409);
    const off = await admin.patch(`/api/v1/sources/${node.id}`, { version: node.version + 1, active: false });
    expect(off.body.active).toBe(false);
    expect(find(await tree(), 'pcauto')?.active).toBe(false);
    const audit = await t.rows<{ action: string }>(
      sql`select action from audit_log where entity = 'lead_source' and entity_id = ${node.id} order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual(['source.update', 'source.update']);
  });

  it('refuses a deactivated source, or one under a deactivated node, for a new lead', async () => {
    const channels = await tree(admin);
    const pcauto = find(channels, 'pcauto') as Node;
    const lead = (sourceId: string) => ({ name: '孙女士', phone: '139 3001 0001', lead: { sourceId } });
    const res = await consultant.post('/api/v1/customers', lead(pcauto.id));
    expect(res.status).toBe(422);
    expect(res.body.error.fields['lead.sourceId']).toMatch(/no longer in use/);
    const social = find(channels, 'online_social') as Node;
    await admin.patch(`/api/v1/sources/${social.id}`, { version: social.version, active: false });
    const below = await consultant.post('/api/v1/customers', lead(find(channels, 'douyin')?.id ?? ''));
    expect(below.status).toBe(422);
    const fine = await consultant.post('/api/v1/customers', lead(find(channels, 'dongchedi')?.id ?? ''));
    expect(fine.status).toBe(201);
  });

  it('lets only the administrator change the tree', async () => {
    const node = find(await tree(), 'yiche') as Node;
    expect((await consultant.post('/api/v1/sources', { code: 'x_y', nameZh: 'x', nameEn: 'x' })).status).toBe(
      403,
    );
    const manager = await t.as('manager');
    expect(
      (await manager.patch(`/api/v1/sources/${node.id}`, { version: node.version, active: false })).status,
    ).toBe(403);
  });
});
