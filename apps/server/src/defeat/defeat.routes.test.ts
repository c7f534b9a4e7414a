import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, startTestServer, type TestServer } from '../test-support/test-server';

/** 31 March 2026, 23:40 in Shanghai: twenty minutes before the month ends in the store's calendar. */
let now = new Date('2026-03-31T15:40:00Z');
const MINUTE = 60_000;

let t: TestServer;
let manager: ApiClient;
let consultant1: ApiClient;
let consultant2: ApiClient;
const ids: Record<string, string> = {};
const reasons: Record<string, string> = {};

const userId = async (username: string) =>
  (await t.rows<{ id: string }>(sql`select id from users where username = ${username}`))[0]?.id as string;

/** Open leads of a consultant that have an open task and no defeat request yet. */
const openLeadsOf = async (owner: string, count: number) => {
  const rows = await t.rows<{ id: string }>(sql`
    select l.id from leads l where l.owner_id = ${owner} and l.status = 'open'
      and exists (select 1 from tasks t where t.lead_id = l.id and t.status = 'open')
      and not exists (select 1 from defeat_requests d where d.lead_id = l.id)
    order by l.id limit ${count}`);
  if (rows.length < count) throw new Error('the demo has too few open leads for this test');
  return rows.map((row) => row.id);
};

const leadRow = async (id: string) =>
  (
    await t.rows<{
      status: string;
      owner_id: string | null;
      closed_at: string | null;
      lost_reason: string | null;
      open_tasks: number;
      task_owners: string[] | null;
    }>(sql`select l.status, l.owner_id, l.closed_at, l.lost_reason,
      (select count(*)::int from tasks t where t.lead_id = l.id and t.status = 'open') as open_tasks,
      (select array_agg(distinct t.assignee_id::text) from tasks t where t.lead_id = l.id and t.status = 'open') as task_owners
      from leads l where l.id = ${id}`)
  )[0];

const notificationsOf = (user: string, kind: string, requestId: string) =>
  t.rows<{ payload: any }>(sql`select payload from notifications
    where user_id = ${user} and kind = ${kind} and subject_key = ${`defeat_request:${requestId}`}`);

const ask = (client: ApiClient, leadId: string, body: Record<string, unknown>) =>
  client.post(`/api/v1/leads/${leadId}/defeat-requests`, body);

beforeAll(async () => {
  t = await startTestServer({ clock: { now: () => now } });
  manager = await t.as('manager');
  consultant1 = await t.as('consultant1');
  consultant2 = await t.as('consultant2');
  for (const name of ['manager', 'consultant1', 'consultant2', 'crm1', 'dcc1', 'reception'])
    ids[name] = await userId(name);
  const listed = await consultant1.get('/api/v1/defeat-reasons');
  for (const reason of listed.body.items) reasons[reason.code] = reason.id;
});
afterAll(() => t?.close());

describe('defeat reasons', () => {
  it("start as the store's default list, in both languages", async () => {
    const res = await consultant1.get('/api/v1/defeat-reasons');
    expect(res.status).toBe(200);
    expect(res.body.items.map((r: any) => [r.code, r.nameZh, r.nameEn, r.needsCompetitor])).toEqual([
      ['bought_competitor', '已购竞品', 'Bought a competitor', true],
      ['price', '价格原因', 'Price', false],
      ['financing_refused', '贷款未获批', 'Financing refused', false],
      ['no_longer_buying', '暂不购车', 'No longer buying', false],
      ['unreachable', '无法联系', 'Unreachable', false],
      ['other', '其他', 'Other', false],
    ]);
  });

  it('are added, renamed and retired by managers and admins only', async () => {
    const created = await manager.post('/api/v1/defeat-reasons', {
      code: 'no_stock',
      nameZh: '无现车',
      nameEn: 'No car in stock',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code: 'no_stock', needsCompetitor: false, sort: 70, active: true });
    const duplicate = await manager.post('/api/v1/defeat-reasons', {
      code: 'no_stock',
      nameZh: 'x',
      nameEn: 'x',
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.fields.code).toBeDefined();
    expect(
      (await consultant1.post('/api/v1/defeat-reasons', { code: 'x1', nameZh: 'x', nameEn: 'x' })).status,
    ).toBe(403);
    const admin = await t.as('admin');
    const retired = await admin.patch(`/api/v1/defeat-reasons/${created.body.id}`, {
      version: created.body.version,
      active: false,
      nameEn: 'No stock',
    });
    expect(retired.status).toBe(200);
    expect(retired.body).toMatchObject({
      active: false,
      nameEn: 'No stock',
      version: created.body.version + 1,
    });
    const stale = await admin.patch(`/api/v1/defeat-reasons/${created.body.id}`, {
      version: created.body.version,
      active: true,
    });
    expect(stale.status).toBe(409);
    // A retired reason cannot be chosen any more.
    const [leadId] = await openLeadsOf(ids.consultant1 as string, 1);
    const refused = await ask(consultant1, leadId as string, { reasonId: created.body.id, note: '没车' });
    expect(refused.status).toBe(422);
    expect(refused.body.error.fields.reasonId).toBeDefined();
  });

  it('are given to a store when it is set up', async () => {
    const fresh = await startTestServer({ demo: false });
    try {
      const client = fresh.client();
      const setUp = await client.post('/api/v1/setup', {
        groupName: '新集团',
        storeName: '新店',
        storeCode: 'NEW-1',
        timeZone: 'Asia/Shanghai',
        adminUsername: 'boss',
        adminDisplayName: '老板',
        adminPassword: 'Welcome2026',
      });
      expect(setUp.status).toBe(201);
      const res = await client.get('/api/v1/defeat-reasons');
      expect(res.body.items.map((r: { code: string }) => r.code)).toEqual([
        'bought_competitor',
        'price',
        'financing_refused',
        'no_longer_buying',
        'unreachable',
        'other',
      ]);
    } finally {
      await fresh.close();
    }
  });
});

describe('asking for a defeat', () => {
  it('is for the lead’s owner or a manager, one pending request per lead, with the competitor when it matters', async () => {
    const [leadId, other] = (await openLeadsOf(ids.consultant1 as string, 2)) as [string, string];
    const noBrand = await ask(consultant1, leadId, {
      reasonId: reasons.bought_competitor,
      note: '已买别的车',
    });
    expect(noBrand.status).toBe(422);
    expect(noBrand.body.error.fields.competitorBrand).toBeDefined();
    expect((await ask(consultant1, leadId, { reasonId: reasons.price })).status).toBe(422);

    const res = await ask(consultant1, leadId, {
      reasonId: reasons.bought_competitor,
      competitorBrand: '特斯拉',
      competitorModel: 'Model Y',
      note: '客户已在特斯拉下定',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      leadId,
      status: 'pending',
      outcome: null,
      requestedBy: { id: ids.consultant1, name: '李娜' },
      owner: { id: ids.consultant1 },
      reason: { code: 'bought_competitor', nameZh: '已购竞品' },
      competitorBrand: '特斯拉',
      competitorModel: 'Model Y',
      note: '客户已在特斯拉下定',
      createdAt: now.toISOString(),
    });
    expect(await notificationsOf(ids.manager as string, 'defeat_request', res.body.id)).toEqual([
      {
        payload: expect.objectContaining({
          leadId,
          defeatRequestId: res.body.id,
          requestedByName: '李娜',
          reason: '已购竞品',
        }),
      },
    ]);
    const audit = await t.rows(sql`select actor_id from audit_log where action = 'defeat_request.create'
      and entity_id = ${res.body.id}`);
    expect(audit).toEqual([{ actor_id: ids.consultant1 }]);

    const second = await ask(consultant1, leadId, { reasonId: reasons.price, note: '再申请' });
    expect(second.status).toBe(409);
    // Another consultant does not see the lead; a DCC agent sees it but does not own it.
    expect((await ask(consultant2, other, { reasonId: reasons.price, note: 'x' })).status).toBe(404);
    expect((await ask(await t.as('dcc1'), other, { reasonId: reasons.price, note: 'x' })).status).toBe(403);
    expect((await ask(await t.as('reception'), other, { reasonId: reasons.price, note: 'x' })).status).toBe(
      403,
    );
    // A manager may ask on a consultant's behalf.
    expect((await ask(manager, other, { reasonId: reasons.unreachable, note: '多次联系不上' })).status).toBe(
      201,
    );

    // Pending blocks nothing: the consultant still logs a follow-up.
    const followUp = await consultant1.post(`/api/v1/leads/${leadId}/follow-ups`, {
      channel: 'phone',
      content: '再次确认购车情况',
      result: '客户确认已提车',
    });
    expect(followUp.status).toBe(201);

    const mine = await consultant1.get('/api/v1/defeat-requests?status=pending');
    expect(mine.body.items.map((r: any) => r.requestedBy.id)).toEqual(
      mine.body.items.map(() => ids.consultant1),
    );
    expect(mine.body.items.map((r: any) => r.leadId)).toContain(leadId);
    const all = await manager.get('/api/v1/defeat-requests?status=pending');
    expect(all.body.items.map((r: any) => r.leadId)).toEqual(expect.arrayContaining([leadId, other]));
    const times = all.body.items.map((r: any) => Date.parse(r.createdAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));

    const eligible = await consultant1.get('/api/v1/defeat-requests/eligible-leads?limit=100');
    expect(eligible.status).toBe(200);
    const eligibleIds = eligible.body.items.map((l: any) => l.leadId);
    expect(eligibleIds).not.toContain(leadId);
    for (const item of eligible.body.items) expect(item.owner.id).toBe(ids.consultant1);
  });

  it('pages through requests newest first with a cursor', async () => {
    const first = await manager.get('/api/v1/defeat-requests?limit=5');
    expect(first.body.items).toHaveLength(5);
    const second = await manager.get(`/api/v1/defeat-requests?limit=5&cursor=${first.body.nextCursor}`);
    const both = [...first.body.items, ...second.body.items].map((r: any) => Date.parse(r.createdAt));
    expect(both).toEqual([...both].sort((a, b) => b - a));
    expect(new Set([...first.body.items, ...second.body.items].map((r: any) => r.id)).size).toBe(
      first.body.items.length + second.body.items.length,
    );
  });
});

describe("the manager's decision", () => {
  const request = async (client: ApiClient, leadId: string, reason = 'price') => {
    const res = await ask(client, leadId, { reasonId: reasons[reason], note: '客户觉得贵' });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  it('approved as lost closes the lead and cancels its tasks', async () => {
    const [leadId] = (await openLeadsOf(ids.consultant1 as string, 1)) as [string];
    const id = await request(consultant1, leadId);
    expect((await leadRow(leadId))?.open_tasks).toBeGreaterThan(0);
    expect(
      (await consultant1.post(`/api/v1/defeat-requests/${id}/approve`, { outcome: 'lost' })).status,
    ).toBe(403);
    const res = await manager.post(`/api/v1/defeat-requests/${id}/approve`, {
      outcome: 'lost',
      managerNote: '同意',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'approved',
      outcome: 'lost',
      leadStatus: 'lost',
      decidedBy: { id: ids.manager, name: '王经理' },
      decidedAt: now.toISOString(),
      managerNote: '同意',
    });
    expect(await leadRow(leadId)).toMatchObject({
      status: 'lost',
      closed_at: expect.anything(),
      lost_reason: 'price',
      open_tasks: 0,
    });
    expect(await notificationsOf(ids.consultant1 as string, 'defeat_decision', id)).toEqual([
      {
        payload: expect.objectContaining({ decision: 'approved', outcome: 'lost', decidedByName: '王经理' }),
      },
    ]);
    const audit = await t.rows<{ action: string }>(sql`select action from audit_log
      where (entity = 'defeat_request' and entity_id = ${id}) or (entity = 'lead' and entity_id = ${leadId} and action = 'lead.lost')
      order by id`);
    expect(audit.map((row) => row.action)).toEqual([
      'defeat_request.create',
      'lead.lost',
      'defeat_request.approve',
    ]);
    // Decided is final.
    const again = await manager.post(`/api/v1/defeat-requests/${id}/reject`, { managerNote: '改主意' });
    expect(again.status).toBe(409);
    // The lead is closed: no new request.
    expect((await ask(consultant1, leadId, { reasonId: reasons.price, note: 'x' })).status).toBe(409);
  });

  it('rejected keeps the lead open with the manager’s note, and tells the consultant', async () => {
    const [leadId] = (await openLeadsOf(ids.consultant1 as string, 1)) as [string];
    const id = await request(consultant1, leadId);
    const before = await leadRow(leadId);
    const noNote = await manager.post(`/api/v1/defeat-requests/${id}/reject`, { managerNote: ' ' });
    expect(noNote.status).toBe(422);
    const res = await manager.post(`/api/v1/defeat-requests/${id}/reject`, {
      managerNote: '客户上周还来店试驾，继续跟进',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'rejected',
      outcome: null,
      leadStatus: 'open',
      managerNote: '客户上周还来店试驾，继续跟进',
    });
    expect(await leadRow(leadId)).toEqual(before);
    expect(await notificationsOf(ids.consultant1 as string, 'defeat_decision', id)).toEqual([
      { payload: expect.objectContaining({ decision: 'rejected', outcome: null }) },
    ]);
    // After a rejection the consultant may ask again.
    expect(
      (await ask(consultant1, leadId, { reasonId: reasons.unreachable, note: '仍联系不上' })).status,
    ).toBe(201);
  });

  it('approved to nurturing moves the lead to a CRM specialist, or back to the queue', async () => {
    const [toCrm, toQueue] = (await openLeadsOf(ids.consultant2 as string, 2)) as [string, string];
    const first = await request(consultant2, toCrm, 'no_longer_buying');
    const notCrm = await manager.post(`/api/v1/defeat-requests/${first}/approve`, {
      outcome: 'nurturing',
      newOwnerId: ids.consultant1,
    });
    expect(notCrm.status).toBe(422);
    expect(notCrm.body.error.fields.newOwnerId).toMatch(/CRM specialist/);
    const res = await manager.post(`/api/v1/defeat-requests/${first}/approve`, {
      outcome: 'nurturing',
      newOwnerId: ids.crm1,
    });
    expect(res.status).toBe(200);
    expect(await leadRow(toCrm)).toMatchObject({
      status: 'nurturing',
      owner_id: ids.crm1,
      task_owners: [ids.crm1],
    });
    const why = await manager.get(`/api/v1/leads/${toCrm}/assignment`);
    expect(why.body.reason).toMatchObject({ by: 'manager', defeatRequestId: first });

    const second = await request(consultant2, toQueue, 'no_longer_buying');
    expect(
      (await manager.post(`/api/v1/defeat-requests/${second}/approve`, { outcome: 'nurturing' })).status,
    ).toBe(200);
    expect(await leadRow(toQueue)).toMatchObject({ status: 'nurturing', owner_id: null, open_tasks: 0 });
    const queue = await manager.get('/api/v1/distribution/queue?limit=200');
    expect(queue.body.items.find((item: any) => item.leadId === toQueue)).toMatchObject({
      status: 'nurturing',
    });
  });

  it('approved as reassigned hands the lead and its tasks to another consultant', async () => {
    const [leadId] = (await openLeadsOf(ids.consultant2 as string, 1)) as [string];
    const id = await request(consultant2, leadId, 'unreachable');
    const missing = await manager.post(`/api/v1/defeat-requests/${id}/approve`, { outcome: 'reassigned' });
    expect(missing.status).toBe(422);
    expect(missing.body.error.fields.newOwnerId).toBeDefined();
    const same = await manager.post(`/api/v1/defeat-requests/${id}/approve`, {
      outcome: 'reassigned',
      newOwnerId: ids.consultant2,
    });
    expect(same.status).toBe(422);
    const receptionist = await manager.post(`/api/v1/defeat-requests/${id}/approve`, {
      outcome: 'reassigned',
      newOwnerId: ids.reception,
    });
    expect(receptionist.status).toBe(422);
    const res = await manager.post(`/api/v1/defeat-requests/${id}/approve`, {
      outcome: 'reassigned',
      newOwnerId: ids.consultant1,
      managerNote: '换个顾问再试试',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      outcome: 'reassigned',
      owner: { id: ids.consultant1 },
      leadStatus: 'open',
    });
    expect(await leadRow(leadId)).toMatchObject({
      status: 'open',
      owner_id: ids.consultant1,
      task_owners: [ids.consultant1],
    });
    const assigned = await t.rows(sql`select id from notifications where user_id = ${ids.consultant1}
      and kind = 'assignment' and payload->>'leadId' = ${leadId}`);
    expect(assigned).toHaveLength(1);
  });
});

describe('the monthly defeat record', () => {
  it('counts requests and decisions by consultant in the store’s calendar month', async () => {
    const march = async (client: ApiClient, query = '') =>
      (await client.get(`/api/v1/defeat-requests/monthly?month=2026-03${query}`)).body;
    const april = async (client: ApiClient, query = '') =>
      (await client.get(`/api/v1/defeat-requests/monthly?month=2026-04${query}`)).body;
    const rowOf = (body: any, user: string) => body.items.find((item: any) => item.userId === user);

    const marchBefore = rowOf(await march(manager), ids.consultant2 as string);
    const aprilBefore = rowOf(await april(manager), ids.consultant2 as string) ?? {
      requested: 0,
      approved: { total: 0, lost: 0 },
      rejected: 0,
    };
    const [lateMarch, early] = (await openLeadsOf(ids.consultant2 as string, 2)) as [string, string];
    // 23:50 on 31 March: asked in March ...
    now = new Date('2026-03-31T15:50:00Z');
    const asked = await ask(consultant2, lateMarch, { reasonId: reasons.price, note: '预算不够' });
    // ... decided at 00:05 on 1 April: approved in April.
    now = new Date(now.getTime() + 15 * MINUTE);
    await manager.post(`/api/v1/defeat-requests/${asked.body.id}/approve`, { outcome: 'lost' });
    const rejected = await ask(consultant2, early, { reasonId: reasons.unreachable, note: '电话停机' });
    await manager.post(`/api/v1/defeat-requests/${rejected.body.id}/reject`, { managerNote: '换号码再联系' });

    const marchAfter = rowOf(await march(manager), ids.consultant2 as string);
    expect(marchAfter.requested).toBe(marchBefore.requested + 1);
    expect(marchAfter.approved).toEqual(marchBefore.approved);
    const aprilAfter = rowOf(await april(manager), ids.consultant2 as string);
    expect(aprilAfter).toMatchObject({
      displayName: '张伟',
      requested: aprilBefore.requested + 1,
      rejected: aprilBefore.rejected + 1,
      approved: expect.objectContaining({
        total: aprilBefore.approved.total + 1,
        lost: aprilBefore.approved.lost + 1,
      }),
    });
    expect(aprilAfter.byReason).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'price', nameZh: '价格原因', approved: expect.any(Number) }),
        expect.objectContaining({ code: 'unreachable', requested: expect.any(Number) }),
      ]),
    );
    const body = await april(manager);
    expect(body).toMatchObject({ month: '2026-04', timeZone: 'Asia/Shanghai' });
    expect(body.totals.requested).toBe(
      body.items.reduce((sum: number, item: any) => sum + item.requested, 0),
    );

    // A consultant sees their own record only, even when asking for someone else's.
    const own = await april(consultant1, `&userId=${ids.consultant2}`);
    expect(own.items.map((item: any) => item.userId)).toEqual([ids.consultant1]);
    const one = await april(manager, `&userId=${ids.consultant2}`);
    expect(one.items.map((item: any) => item.userId)).toEqual([ids.consultant2]);
    // The demo's history fills earlier months.
    const history = await manager.get('/api/v1/defeat-requests/monthly?month=2026-02');
    expect(history.body.totals.approved.lost).toBeGreaterThan(0);
    expect((await manager.get('/api/v1/defeat-requests/monthly?month=2026-13')).status).toBe(422);
  });
});
