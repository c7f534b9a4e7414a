import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOVEMBER, type QualityStore, startQualityStore } from './quality-test-store';

/**
 * The fixture of core/reports/defeats.test.ts, in a store of its own (hours from request to decision):
 * r1 approved competitor BYD Han u1 s1 m1 (4 h); r2 approved BYD Han u2 s1 m1 (24 h); r3 approved price
 * u1 s2 m2 (2 h); r4 rejected price u2 s2 m2 (10 h); r5 approved Tesla Model 3 u1 (no series) m1, decided
 * Nov 1 00:30 Beijing (6.5 h); r6 approved price u2 s1 m1 decided Oct 31 23:30 Beijing (previous,
 * 279.5 h); r7 pending u1 Nov 25; r8 pending u1 Oct 15 (previous); r9 approved decided Dec 1 00:00
 * Beijing (neither period).
 */
let q: QualityStore;
const reasons = { competitor: randomUUID(), price: randomUUID() };
const customerOf: Record<string, string> = {};

type Req = {
  status: 'approved' | 'rejected' | 'pending';
  reason: keyof typeof reasons;
  by: string;
  decider?: string;
  series?: 's1' | 's2';
  brand?: string;
  model?: string;
  createdAt: string;
  decidedAt?: string;
};

beforeAll(async () => {
  q = await startQualityStore();
  for (const [code, id] of Object.entries(reasons)) {
    await q.exec(sql`insert into defeat_reasons (dealer_id, id, code, name_zh, name_en, needs_competitor)
      values (${q.dealerId}, ${id}, ${`q_${code}`}, ${code === 'price' ? '价格' : '竞品'}, ${code}, ${code === 'competitor'})`);
  }
  const fixture: Record<string, Req> = {
    r1: {
      status: 'approved',
      reason: 'competitor',
      by: 'u1',
      decider: 'm1',
      series: 's1',
      brand: 'BYD',
      model: 'Han',
      createdAt: '2026-11-02T02:00:00Z',
      decidedAt: '2026-11-02T06:00:00Z',
    },
    r2: {
      status: 'approved',
      reason: 'competitor',
      by: 'u2',
      decider: 'm1',
      series: 's1',
      brand: 'BYD',
      model: 'Han',
      createdAt: '2026-11-10T00:00:00Z',
      decidedAt: '2026-11-11T00:00:00Z',
    },
    r3: {
      status: 'approved',
      reason: 'price',
      by: 'u1',
      decider: 'm2',
      series: 's2',
      createdAt: '2026-11-20T01:00:00Z',
      decidedAt: '2026-11-20T03:00:00Z',
    },
    r4: {
      status: 'rejected',
      reason: 'price',
      by: 'u2',
      decider: 'm2',
      series: 's2',
      createdAt: '2026-11-05T00:00:00Z',
      decidedAt: '2026-11-05T10:00:00Z',
    },
    r5: {
      status: 'approved',
      reason: 'competitor',
      by: 'u1',
      decider: 'm1',
      brand: 'Tesla',
      model: 'Model 3',
      createdAt: '2026-10-31T10:00:00Z',
      decidedAt: '2026-10-31T16:30:00Z',
    },
    r6: {
      status: 'approved',
      reason: 'price',
      by: 'u2',
      decider: 'm1',
      series: 's1',
      createdAt: '2026-10-20T00:00:00Z',
      decidedAt: '2026-10-31T15:30:00Z',
    },
    r7: { status: 'pending', reason: 'price', by: 'u1', createdAt: '2026-11-25T00:00:00Z' },
    r8: { status: 'pending', reason: 'price', by: 'u1', createdAt: '2026-10-15T00:00:00Z' },
    r9: {
      status: 'approved',
      reason: 'competitor',
      by: 'u1',
      decider: 'm1',
      brand: 'BYD',
      createdAt: '2026-11-30T10:00:00Z',
      decidedAt: '2026-11-30T16:00:00Z',
    },
  };
  for (const [name, r] of Object.entries(fixture)) {
    const ownerId = q.users[r.by] as string;
    const { customerId, leadId } = await q.lead({
      ownerId,
      seriesId: r.series ? q.seriesId(r.series) : null,
    });
    customerOf[name] = customerId;
    await q.exec(sql`insert into defeat_requests (dealer_id, id, lead_id, requested_by, reason_id, competitor_brand,
        competitor_model, status, decided_by, decided_at, created_at)
      values (${q.dealerId}, ${randomUUID()}, ${leadId}, ${ownerId}, ${reasons[r.reason]}, ${r.brand ?? null},
        ${r.model ?? null}, ${r.status}, ${r.decider ? (q.users[r.decider] as string) : null}, ${r.decidedAt ?? null},
        ${r.createdAt})`);
  }
});
afterAll(() => q?.t.close());

const key = (dimension: string, user: string) => `${dimension}:${q.users[user]}`;

describe('GET /api/v1/reports/defeats', () => {
  it("answers the core test's hand-computed figures for the store", async () => {
    const res = await q.manager.get(`/api/v1/reports/defeats?${NOVEMBER}`);
    expect(res.status).toBe(200);
    const body = res.body;
    expect(body.meta).toMatchObject({
      previousFrom: '2026-10-02',
      previousTo: '2026-10-31',
      ownFiguresOnly: false,
    });
    expect(body.totals).toEqual({
      confirmed: { current: 4, previous: 1 },
      rejected: { current: 1, previous: 0 },
      pending: { current: 1, previous: 1 },
      decided: { current: 5, previous: 1 },
      medianApprovalHours: { current: 6.5, previous: 279.5 },
      averageApprovalHours: { current: 9.3, previous: 279.5 },
    });
    expect(body.byReason).toEqual([
      {
        key: `reason:${reasons.competitor}`,
        nameZh: '竞品',
        nameEn: 'competitor',
        confirmed: { current: 3, previous: 0 },
        rejected: 0,
        share: 0.75,
      },
      {
        key: `reason:${reasons.price}`,
        nameZh: '价格',
        nameEn: 'price',
        confirmed: { current: 1, previous: 1 },
        rejected: 1,
        share: 0.25,
      },
    ]);
    expect(
      body.byCompetitor.map((g: any) => [
        g.key,
        g.nameEn,
        g.confirmed.current,
        g.confirmed.previous,
        g.rejected,
      ]),
    ).toEqual([
      ['competitor:BYD|Han', 'BYD Han', 2, 0, 0],
      ['competitor:none', null, 1, 1, 1],
      ['competitor:Tesla|Model 3', 'Tesla Model 3', 1, 0, 0],
    ]);
    expect(body.byConsultant.map((g: any) => [g.key, g.nameZh, g.confirmed.current, g.share])).toEqual([
      [key('consultant', 'u1'), 'User u1', 3, 0.75],
      [key('consultant', 'u2'), 'User u2', 1, 0.25],
    ]);
    expect(
      body.bySeries.map((g: any) => [g.nameEn, g.confirmed.current, g.confirmed.previous, g.rejected]),
    ).toEqual([
      ['Series s1', 2, 1, 0],
      ['Series s2', 1, 0, 1],
      [null, 1, 0, 0],
    ]);
    expect(body.approvalByManager).toEqual([
      {
        key: key('manager', 'm1'),
        manager: { id: q.users.m1, name: 'User m1' },
        decided: 3,
        approved: 3,
        rejected: 0,
        medianApprovalHours: 6.5,
        averageApprovalHours: 11.5,
      },
      {
        key: key('manager', 'm2'),
        manager: { id: q.users.m2, name: 'User m2' },
        decided: 2,
        approved: 1,
        rejected: 1,
        medianApprovalHours: 6,
        averageApprovalHours: 6,
      },
    ]);
  });

  it('filters by consultant and series; a consultant sees only their own figures', async () => {
    const u2 = await q.manager.get(`/api/v1/reports/defeats?${NOVEMBER}&consultantId=${q.users.u2}`);
    expect(u2.body.totals.confirmed).toEqual({ current: 1, previous: 1 });
    expect(u2.body.totals.rejected).toEqual({ current: 1, previous: 0 });
    const s2 = await q.manager.get(`/api/v1/reports/defeats?${NOVEMBER}&seriesId=${q.seriesId('s2')}`);
    expect(s2.body.totals.confirmed.current).toBe(1);
    expect(s2.body.totals.rejected.current).toBe(1);
    const consultant = await q.as('u1');
    const own = await consultant.get(`/api/v1/reports/defeats?${NOVEMBER}&consultantId=${q.users.u2}`);
    expect(own.status).toBe(200);
    expect(own.body.meta).toMatchObject({ consultantId: q.users.u1, ownFiguresOnly: true });
    expect(own.body.totals.confirmed).toEqual({ current: 3, previous: 0 });
    expect(own.body.totals.pending).toEqual({ current: 1, previous: 1 });
  });

  it('drills down to the customers behind a figure and a row', async () => {
    const all = await q.manager.get(`/api/v1/reports/defeats/customers?${NOVEMBER}&metric=confirmed`);
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(4);
    expect(all.body.items.map((c: any) => c.id).sort()).toEqual(
      [customerOf.r1, customerOf.r2, customerOf.r3, customerOf.r5].sort(),
    );
    const byHan = await q.manager.get(
      `/api/v1/reports/defeats/customers?${NOVEMBER}&metric=confirmed&key=${encodeURIComponent('competitor:BYD|Han')}`,
    );
    expect(byHan.body.items.map((c: any) => c.id).sort()).toEqual([customerOf.r1, customerOf.r2].sort());
    const previous = await q.manager.get(
      `/api/v1/reports/defeats/customers?${NOVEMBER}&metric=confirmed&period=previous`,
    );
    expect(previous.body.items.map((c: any) => c.id)).toEqual([customerOf.r6]);
    const noSeries = await q.manager.get(
      `/api/v1/reports/defeats/customers?${NOVEMBER}&metric=confirmed&key=series:none`,
    );
    expect(noSeries.body.items.map((c: any) => c.id)).toEqual([customerOf.r5]);
    // The sales manager sees phones in full.
    expect(all.body.items[0].phoneMasked).toBe(false);
    const elsewhere = `/api/v1/reports/defeats/customers?${NOVEMBER}&metric=confirmed&dealerId=${randomUUID()}`;
    expect((await q.manager.get(elsewhere)).status).toBe(404);
    const bad = await q.manager.get(
      `/api/v1/reports/defeats/customers?${NOVEMBER}&metric=confirmed&key=store:x`,
    );
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields.key).toBeDefined();
  });

  it('exports the period requests as .xlsx for a manager, audited, phones masked for the admin', async () => {
    const consultant = await q.as('u1');
    expect((await consultant.get(`/api/v1/reports/defeats/export?${NOVEMBER}`)).status).toBe(403);
    expect(
      (await q.manager.get(`/api/v1/reports/defeats/export?${NOVEMBER}&dealerId=${randomUUID()}`)).status,
    ).toBe(404);
    const res = await fetch(`${q.t.baseUrl}/api/v1/reports/defeats/export?${NOVEMBER}&lang=en`, {
      headers: { cookie: q.admin.cookie ?? '' },
    });
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('the workbook has no sheet');
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(3)).toEqual(['Confirmed defeats 4, rejected 1, pending 1']);
    expect(values(4)[0]).toBe('Status');
    const lines = [5, 6, 7, 8, 9, 10].map(values).filter((v) => v.length > 0);
    expect(lines).toHaveLength(6);
    expect(lines.map((l) => l[0]).sort()).toEqual([
      'Confirmed defeat',
      'Confirmed defeat',
      'Confirmed defeat',
      'Confirmed defeat',
      'Pending',
      'Rejected',
    ]);
    const phones = lines.map((l) => String(l[12]));
    expect(phones.every((p) => p.includes('****'))).toBe(true);
    const [audit] = await q.t.rows<{ after: any }>(
      sql`select after from audit_log where action = 'report.export' and entity_id = 'defeats'`,
    );
    expect(audit?.after).toMatchObject({
      rows: 6,
      complete: true,
      filter: { from: '2026-11-01', to: '2026-11-30' },
    });
  });
});
