import { DEFAULT_SOURCES } from '@qianke/core/customers/default-sources';
import { normalisePhone } from '@qianke/core/customers/phone';
import { asc, type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replanStoreTasks } from '../follow-ups/plan-lead-tasks';
import { type Database, openDatabase } from '../infra/db/database';
import {
  catalogBrands,
  catalogColours,
  catalogConfigurations,
  catalogModels,
  catalogSeries,
  customers,
  dealerGroups,
  dealers,
  followUps,
  installation,
  leadLevelChanges,
  leadSources,
  leads,
  orders,
  showroomVisits,
  tasks,
  userRoles,
  users,
} from '../infra/db/schema/index';
import { generateDemoData } from './demo-data';
import { loadDemoDealership } from './load-demo';

/** A Friday, 14:30 in Shanghai. */
const NOW = new Date('2026-11-20T06:30:00Z');
const DAY = 86_400_000;
const WINDOW_START = new Date(NOW.getTime() - 90 * DAY);
const SHANGHAI = 8 * 3_600_000;
const HASH = '$argon2id$v=19$m=19456,t=2,p=1$demo$hash-for-tests';

const shanghaiMinute = (d: Date) => Math.floor(((d.getTime() + SHANGHAI) % DAY) / 60_000);
const shanghaiDate = (d: Date) => new Date(d.getTime() + SHANGHAI).toISOString().slice(0, 10);
const countBy = <T>(items: readonly T[], key: (item: T) => string) => {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
};

let database: Database;
/** Rows of a raw query; both drivers answer with `{ rows }`. */
const rowsOf = async <T>(query: SQL, db = database.db) =>
  ((await db.execute(query)) as unknown as { rows: T[] }).rows;
let loaded: { groupId: string; storeIds: [string, string] };

beforeAll(async () => {
  database = await openDatabase({ kind: 'pglite' });
  loaded = await loadDemoDealership(database.db, { now: NOW, passwordHash: HASH });
});
afterAll(async () => {
  await database?.close();
});

const storeData = async () => {
  const { db } = database;
  const [store1, store2] = loaded.storeIds;
  return {
    store1,
    store2,
    customers: await db.select().from(customers).orderBy(asc(customers.createdAt), asc(customers.cardNo)),
    leads: await db.select().from(leads),
    users: await db.select().from(users),
    sources: await db.select().from(leadSources),
    followUps: await db.select().from(followUps),
    tasks: await db.select().from(tasks),
    orders: await db.select().from(orders),
    visits: await db.select().from(showroomVisits),
    levelChanges: await db.select().from(leadLevelChanges).orderBy(asc(leadLevelChanges.changedAt)),
  };
};
let cached: Awaited<ReturnType<typeof storeData>> | undefined;
const data = async () => {
  cached ??= await storeData();
  return cached;
};

describe('the demo dealership', () => {
  it('is one group with two stores in Asia/Shanghai, and marks the installation as a demo', async () => {
    const groups = await database.db.select().from(dealerGroups);
    expect(groups).toEqual([expect.objectContaining({ id: loaded.groupId, name: '华东汽车集团' })]);
    const stores = await database.db.select().from(dealers).orderBy(asc(dealers.code));
    expect(stores.map((s) => [s.code, s.name, s.timeZone, s.groupId])).toEqual([
      ['SH-MH', '上海闵行店', 'Asia/Shanghai', loaded.groupId],
      ['SH-PD', '上海浦东旗舰店', 'Asia/Shanghai', loaded.groupId],
    ]);
    expect(loaded.storeIds).toEqual([stores[1]?.id, stores[0]?.id]);
    expect(await database.db.select().from(installation)).toEqual([{ id: 1, mode: 'demo', createdAt: NOW }]);
  });

  it('has the staff of both stores with their roles, codes and the shared password hash', async () => {
    const { users: staff, store1, store2 } = await data();
    const roles = await database.db.select().from(userRoles);
    const table = staff
      .map((u) => ({
        store: u.dealerId === store1 ? 1 : u.dealerId === store2 ? 2 : 0,
        username: u.username,
        displayName: u.displayName,
        roles: roles.filter((r) => r.userId === u.id && r.dealerId === u.dealerId).map((r) => r.role),
        code: u.consultantCode,
        groupAdmin: u.groupAdmin,
      }))
      .sort((a, b) => a.username.localeCompare(b.username));
    expect(table).toEqual([
      {
        store: 1,
        username: 'admin',
        displayName: '系统管理员',
        roles: ['admin'],
        code: null,
        groupAdmin: true,
      },
      {
        store: 1,
        username: 'consultant1',
        displayName: '李娜',
        roles: ['consultant'],
        code: 'A01',
        groupAdmin: false,
      },
      {
        store: 1,
        username: 'consultant2',
        displayName: '张伟',
        roles: ['consultant'],
        code: 'A02',
        groupAdmin: false,
      },
      {
        store: 2,
        username: 'consultant3',
        displayName: '吴磊',
        roles: ['consultant'],
        code: 'B01',
        groupAdmin: false,
      },
      {
        store: 1,
        username: 'crm1',
        displayName: '刘洋',
        roles: ['crm_specialist'],
        code: null,
        groupAdmin: false,
      },
      {
        store: 1,
        username: 'dcc1',
        displayName: '陈静',
        roles: ['dcc_agent'],
        code: null,
        groupAdmin: false,
      },
      {
        store: 1,
        username: 'manager',
        displayName: '王经理',
        roles: ['sales_manager'],
        code: null,
        groupAdmin: false,
      },
      {
        store: 2,
        username: 'manager2',
        displayName: '周经理',
        roles: ['sales_manager'],
        code: null,
        groupAdmin: false,
      },
      {
        store: 1,
        username: 'marketing',
        displayName: '孙丽',
        roles: ['marketing_manager'],
        code: null,
        groupAdmin: false,
      },
      {
        store: 1,
        username: 'reception',
        displayName: '赵敏',
        roles: ['receptionist'],
        code: null,
        groupAdmin: false,
      },
    ]);
    expect(new Set(staff.map((u) => u.passwordHash))).toEqual(new Set([HASH]));
  });

  it('has a BYD catalog in each store: series with body and energy, models, priced configurations, colours', async () => {
    const { db } = database;
    const [brands, series, models, configurations, colours] = await Promise.all([
      db.select().from(catalogBrands),
      db.select().from(catalogSeries),
      db.select().from(catalogModels),
      db.select().from(catalogConfigurations),
      db.select().from(catalogColours),
    ]);
    for (const storeId of loaded.storeIds) {
      expect(brands.filter((b) => b.dealerId === storeId).map((b) => b.name)).toEqual(['比亚迪']);
      const own = series.filter((s) => s.dealerId === storeId);
      expect(own.map((s) => s.name).sort()).toEqual(['唐', '宋PLUS', '汉', '海豹', '秦PLUS'].sort());
      for (const s of own) {
        expect(['sedan', 'suv']).toContain(s.bodyType);
        expect(['phev', 'bev']).toContain(s.energy);
        const ownModels = models.filter((m) => m.dealerId === storeId && m.seriesId === s.id);
        expect(ownModels.length).toBeGreaterThanOrEqual(1);
        expect(ownModels.length).toBeLessThanOrEqual(2);
        for (const m of ownModels) {
          expect(m.modelYear).toBe(2026);
          const configs = configurations.filter((c) => c.dealerId === storeId && c.modelId === m.id);
          expect(configs.length).toBeGreaterThanOrEqual(2);
          expect(configs.length).toBeLessThanOrEqual(3);
          for (const c of configs) expect(c.guidePrice).toBeGreaterThan(50_000);
        }
        const ownColours = colours.filter((c) => c.dealerId === storeId && c.seriesId === s.id);
        expect(ownColours.length).toBeGreaterThanOrEqual(4);
        expect(ownColours.length).toBeLessThanOrEqual(6);
        for (const c of ownColours) expect(c.hex).toMatch(/^#[0-9A-F]{6}$/);
      }
    }
    const qin = series.find((s) => s.dealerId === loaded.storeIds[0] && s.name === '秦PLUS');
    const qinModel = models.find((m) => m.seriesId === qin?.id);
    const entry = configurations.find((c) => c.modelId === qinModel?.id && c.name === '55km 领先型');
    expect(entry?.guidePrice).toBe(99_800);
  });

  it('gives each store its own copy of the default source tree', async () => {
    const { sources } = await data();
    for (const storeId of loaded.storeIds) {
      const own = sources.filter((s) => s.dealerId === storeId);
      expect(own.map((s) => s.code).sort()).toEqual(DEFAULT_SOURCES.map((s) => s.code).sort());
      const byId = new Map(own.map((s) => [s.id, s]));
      for (const source of own) {
        const expected = DEFAULT_SOURCES.find((d) => d.code === source.code);
        const parent = source.parentId ? byId.get(source.parentId) : undefined;
        expect(parent?.code ?? null).toBe(expected?.parentCode);
      }
    }
  });
});

describe('customers', () => {
  it('has 300 customers in store 1 and 60 in store 2', async () => {
    const { customers: all, store1, store2 } = await data();
    expect(all.filter((c) => c.dealerId === store1)).toHaveLength(300);
    expect(all.filter((c) => c.dealerId === store2)).toHaveLength(60);
  });

  it('gives every customer a unique, valid mobile phone whose raw spelling normalises to the stored key', async () => {
    const { customers: all } = await data();
    for (const c of all) {
      expect(c.phoneRaw).toBeTruthy();
      const normalised = normalisePhone(c.phoneRaw ?? '');
      expect(normalised?.e164, c.phoneRaw ?? '').toBe(c.phoneE164);
      expect(normalised?.kind).toBe('mobile');
      expect(c.phoneE164).toMatch(/^\+861(3\d|5[0-35-9]|7[367]|8\d|9[189])\d{8}$/);
    }
    expect(new Set(all.map((c) => c.phoneE164)).size).toBe(all.length);
    const prefixes = new Set(all.map((c) => c.phoneE164?.slice(3, 5)));
    for (const family of ['13', '15', '17', '18', '19']) expect(prefixes).toContain(family);
  });

  it('numbers cards <consultant code>-<yy>-<serial>, serials counting up per code and year in order of creation', async () => {
    const { customers: all, store1, store2 } = await data();
    for (const [storeId, codes] of [
      [store1, ['A01', 'A02', 'Z99']],
      [store2, ['B01', 'Z99']],
    ] as const) {
      const own = all.filter((c) => c.dealerId === storeId);
      expect(new Set(own.map((c) => c.cardNo)).size).toBe(own.length);
      const serials = new Map<string, number>();
      for (const c of own) {
        const match = /^([A-Z]\d{2})-(\d{2})-(\d{4})$/.exec(c.cardNo);
        expect(match, c.cardNo).not.toBeNull();
        const [, code = '', yy = '', serial = ''] = match ?? [];
        expect(codes).toContain(code);
        expect(yy).toBe(shanghaiDate(c.createdAt).slice(2, 4));
        const key = `${code}-${yy}`;
        expect(Number(serial)).toBe((serials.get(key) ?? 0) + 1);
        serials.set(key, Number(serial));
      }
      for (const code of codes.filter((c) => c !== 'Z99')) {
        expect([...serials.keys()].some((k) => k.startsWith(code))).toBe(true);
      }
    }
  });

  it('fills the profile card: names, genders, Shanghai districts, owners (a few unassigned)', async () => {
    const { customers: all, store1, users: staff } = await data();
    const own = all.filter((c) => c.dealerId === store1);
    const persons = own.filter((c) => c.kind === 'person');
    for (const c of persons) expect(c.name).toMatch(/^[\u4e00-\u9fa5]{2,3}$/);
    const genders = countBy(persons, (c) => String(c.gender));
    expect(genders.get('male')).toBeGreaterThan(100);
    expect(genders.get('female')).toBeGreaterThan(80);
    expect(countBy(own, (c) => String(c.region)).get('浦东新区')).toBeGreaterThan(100);
    expect(own.every((c) => c.region?.endsWith('区'))).toBe(true);
    expect(own.filter((c) => c.occupation).length).toBeGreaterThan(250);
    expect(own.filter((c) => c.currentCar).length).toBeGreaterThan(100);
    expect(own.filter((c) => c.budgetMin !== null && c.budgetMax !== null).length).toBeGreaterThan(150);
    const ownerRoles = countBy(own, (c) => {
      const owner = staff.find((u) => u.id === c.ownerId);
      return owner ? (owner.consultantCode ? 'consultant' : owner.username) : 'none';
    });
    expect(ownerRoles.get('consultant')).toBeGreaterThan(180);
    expect(ownerRoles.get('dcc1')).toBeGreaterThan(10);
    expect(ownerRoles.get('none')).toBeGreaterThan(0);
    expect(ownerRoles.get('none')).toBeLessThan(own.length * 0.08);
  });
});

describe('leads', () => {
  it('gives every customer one lead, about one in ten a second (repeat) inquiry', async () => {
    const { customers: all, leads: allLeads } = await data();
    const perCustomer = countBy(allLeads, (l) => l.customerId);
    expect(all.every((c) => (perCustomer.get(c.id) ?? 0) >= 1)).toBe(true);
    const twice = [...perCustomer.values()].filter((n) => n === 2).length;
    expect(Math.max(...perCustomer.values())).toBe(2);
    expect(twice).toBeGreaterThan(all.length * 0.05);
    expect(twice).toBeLessThan(all.length * 0.16);
  });

  it('takes every lead source from its own store, spread over the tree', async () => {
    const { leads: allLeads, sources, store1 } = await data();
    const sourceById = new Map(sources.map((s) => [s.id, s]));
    for (const lead of allLeads) expect(sourceById.get(lead.sourceId)?.dealerId).toBe(lead.dealerId);
    const mismatched = await rowsOf<{ n: number }>(
      sql`select count(*)::int as n from leads l left join lead_sources s on s.dealer_id = l.dealer_id and s.id = l.source_id where s.id is null`,
    );
    expect(mismatched).toEqual([{ n: 0 }]);
    const own = allLeads.filter((l) => l.dealerId === store1);
    const share = (channel: string) => own.filter((l) => l.channel === channel).length / own.length;
    expect(share('walk_in')).toBeGreaterThan(0.25);
    expect(share('walk_in')).toBeLessThan(0.45);
    expect(share('portal')).toBeGreaterThan(0.15);
    expect(share('portal')).toBeLessThan(0.35);
    expect(share('phone_in')).toBeGreaterThan(0.07);
    expect(share('phone_in')).toBeLessThan(0.22);
    expect(new Set(own.map((l) => l.channel)).size).toBeGreaterThanOrEqual(8);
    const tiers = countBy(own, (l) => sourceById.get(l.sourceId)?.tier ?? '');
    expect(tiers.get('channel') ?? 0).toBe(0);
  });

  it('has plausible levels and statuses: C and B most common, some won with an order, some lost with a reason', async () => {
    const { leads: allLeads, orders: allOrders, store1 } = await data();
    const own = allLeads.filter((l) => l.dealerId === store1);
    const levels = countBy(
      own.filter((l) => l.level),
      (l) => l.level ?? '',
    );
    const ranked = [...levels.entries()].sort((a, b) => b[1] - a[1]).map(([level]) => level);
    expect(ranked.slice(0, 2).sort()).toEqual(['B', 'C']);
    for (const level of ['O', 'H', 'A', 'B', 'C']) expect(levels.get(level)).toBeGreaterThan(0);
    const statuses = countBy(own, (l) => l.status);
    expect(statuses.get('open')).toBeGreaterThan(own.length / 2);
    for (const status of ['won', 'lost', 'nurturing']) expect(statuses.get(status)).toBeGreaterThan(10);

    for (const lead of allLeads) {
      const leadOrders = allOrders.filter((o) => o.leadId === lead.id);
      expect(leadOrders).toHaveLength(lead.status === 'won' ? 1 : 0);
      expect(lead.level === 'O').toBe(lead.status === 'won');
      expect(lead.closedAt !== null).toBe(lead.status === 'won' || lead.status === 'lost');
      if (lead.status === 'lost') {
        expect([
          'bought_competitor',
          'price',
          'financing_refused',
          'no_longer_buying',
          'unreachable',
        ]).toContain(lead.lostReason);
      } else {
        expect(lead.lostReason).toBeNull();
      }
      if (lead.horizon !== null) expect(['m1', 'm2_3', 'm4_6', 'm7_12', 'm12_plus']).toContain(lead.horizon);
    }
    const horizons = countBy(own, (l) => String(l.horizon));
    for (const tier of ['m1', 'm2_3', 'm4_6', 'm7_12', 'm12_plus'])
      expect(horizons.get(tier)).toBeGreaterThan(5);
  });

  it('is due for first contact 24 h after creation, and most leads were contacted', async () => {
    const { leads: allLeads } = await data();
    for (const lead of allLeads) {
      expect(lead.firstContactDueAt?.getTime()).toBe(lead.createdAt.getTime() + DAY);
      if (lead.firstContactedAt)
        expect(lead.firstContactedAt.getTime()).toBeGreaterThanOrEqual(lead.createdAt.getTime());
      if (lead.ownerId === null) expect(lead.firstContactedAt).toBeNull();
    }
    const contacted = allLeads.filter((l) => l.firstContactedAt !== null).length;
    expect(contacted / allLeads.length).toBeGreaterThan(0.85);
    const onTime = allLeads.filter(
      (l) => l.firstContactedAt && l.firstContactedAt.getTime() <= l.createdAt.getTime() + DAY,
    ).length;
    expect(onTime / contacted).toBeGreaterThan(0.7);
  });

  it('keeps the grading history in step with the follow-ups and the lead', async () => {
    const { leads: allLeads, followUps: all, levelChanges } = await data();
    const changesByLead = new Map<string, typeof levelChanges>();
    for (const change of levelChanges)
      changesByLead.set(change.leadId, [...(changesByLead.get(change.leadId) ?? []), change]);
    for (const lead of allLeads) {
      const changes = changesByLead.get(lead.id) ?? [];
      if (lead.level === null) {
        expect(changes).toHaveLength(0);
        continue;
      }
      expect(changes[0]?.fromLevel).toBeNull();
      expect(changes[changes.length - 1]?.toLevel).toBe(lead.level);
      for (let i = 1; i < changes.length; i++) expect(changes[i]?.fromLevel).toBe(changes[i - 1]?.toLevel);
    }
    for (const f of all) {
      if (f.levelAfter !== f.levelBefore) {
        expect(
          levelChanges.some((c) => c.leadId === f.leadId && c.changedAt.getTime() === f.occurredAt.getTime()),
        ).toBe(true);
      }
      expect(f.content.length).toBeGreaterThan(2);
      expect(f.result.length).toBeGreaterThan(1);
      expect(f.content).not.toMatch(/[{}]/);
      expect(f.result).not.toMatch(/[{}]/);
    }
  });
});

describe('follow-ups and tasks', () => {
  it('has several follow-ups per open lead over phone, WeChat and the showroom', async () => {
    const { leads: allLeads, followUps: all } = await data();
    const open = allLeads.filter((l) => l.status === 'open' && l.firstContactedAt);
    const perLead = countBy(all, (f) => f.leadId);
    const average = open.reduce((sum, l) => sum + (perLead.get(l.id) ?? 0), 0) / open.length;
    expect(average).toBeGreaterThan(2);
    const channels = countBy(all, (f) => f.channel);
    for (const channel of ['phone', 'wechat', 'showroom']) expect(channels.get(channel)).toBeGreaterThan(50);
  });

  it('gives every open assigned lead one open task for its owner: some overdue, some due today, some upcoming', async () => {
    const { leads: allLeads, tasks: all, followUps: fus, customers: allCustomers } = await data();
    const openTasks = all.filter((t) => t.status === 'open');
    for (const lead of allLeads.filter(
      (l) => (l.status === 'open' || l.status === 'nurturing') && l.ownerId,
    )) {
      const own = openTasks.filter((t) => t.leadId === lead.id);
      expect(own).toHaveLength(1);
      expect(own[0]?.assigneeId).toBe(lead.ownerId);
      const customer = allCustomers.find((c) => c.id === lead.customerId);
      expect(customer?.nextContactAt?.getTime()).toBe(own[0]?.dueAt.getTime());
    }
    for (const lead of allLeads.filter((l) => l.status === 'lost' || !l.ownerId)) {
      expect(openTasks.filter((t) => t.leadId === lead.id)).toHaveLength(0);
    }
    const today = shanghaiDate(NOW);
    const when = countBy(openTasks, (t) =>
      shanghaiDate(t.dueAt) < today ? 'overdue' : shanghaiDate(t.dueAt) === today ? 'today' : 'upcoming',
    );
    expect(when.get('overdue')).toBeGreaterThan(10);
    expect(when.get('today')).toBeGreaterThan(3);
    expect(when.get('upcoming')).toBeGreaterThan(50);

    const fuById = new Map(fus.map((f) => [f.id, f]));
    for (const task of all.filter((t) => t.status === 'done')) {
      const done = fuById.get(task.followUpId ?? '');
      expect(done?.leadId).toBe(task.leadId);
      expect(task.doneAt?.getTime()).toBe(done?.occurredAt.getTime());
    }
    expect(new Set(all.map((t) => t.kind))).toEqual(
      new Set(['first_contact', 'follow_up', 'nurturing', 'owner_care']),
    );
  });
});

describe('the open rule tasks', () => {
  it('are what the task planner plans: a re-plan of each demo store changes nothing', async () => {
    const rollback = new Error('roll back the re-plan');
    for (const dealerId of loaded.storeIds) {
      let changed: number | undefined;
      await expect(
        database.db.transaction(async (tx) => {
          changed = await replanStoreTasks(tx, { dealerId, now: NOW });
          throw rollback;
        }),
      ).rejects.toBe(rollback);
      expect(changed, dealerId).toBe(0);
    }
  });

  it('follow the planner for won leads: owner care after delivery for the lead owner', async () => {
    const { leads: allLeads, tasks: all, orders: allOrders } = await data();
    const delivered = new Set(allOrders.filter((o) => o.status === 'delivered').map((o) => o.leadId));
    const care = all.filter((t) => t.status === 'open' && t.kind === 'owner_care');
    expect(care.length).toBeGreaterThan(0);
    for (const task of care) {
      const lead = allLeads.find((l) => l.id === task.leadId);
      expect(delivered.has(task.leadId)).toBe(true);
      expect(task.assigneeId).toBe(lead?.ownerId);
      expect(['owner_care.intensive', 'owner_care.regular']).toContain(task.ruleKey);
    }
  });
});

describe('showroom traffic', () => {
  it('logs first and repeat visits with party size and consultant; about one in ten left no contact details', async () => {
    const { visits, store1, store2, users: staff } = await data();
    for (const storeId of [store1, store2]) {
      const own = visits.filter((v) => v.dealerId === storeId && v.kind === 'visit');
      const anonymous = own.filter((v) => v.customerId === null);
      expect(anonymous.length / own.length).toBeGreaterThan(0.04);
      expect(anonymous.length / own.length).toBeLessThan(0.2);
      for (const v of anonymous) {
        expect(v.leftContact).toBe(false);
        expect(v.leadId).toBeNull();
      }
      expect(own.some((v) => v.firstVisit) && own.some((v) => !v.firstVisit)).toBe(true);
      for (const v of own) {
        expect(v.partySize).toBeGreaterThanOrEqual(1);
        expect(v.partySize).toBeLessThanOrEqual(4);
        const consultant = staff.find((u) => u.id === v.consultantId);
        expect(consultant?.consultantCode).toBeTruthy();
        expect(consultant?.dealerId).toBe(storeId);
        if (v.leftAt) expect(v.leftAt.getTime()).toBeGreaterThan(v.arrivedAt.getTime());
        if (v.firstVisit && v.leftContact)
          expect(v.callbackDueAt?.getTime()).toBe(v.arrivedAt.getTime() + DAY);
      }
    }
    expect(visits.filter((v) => v.kind === 'phone_in' && v.dealerId === store1).length).toBeGreaterThan(20);
  });

  it('puts business events in opening hours, 9:00 to 18:00 Shanghai time', async () => {
    const { visits, followUps: all, orders: allOrders, leads: allLeads } = await data();
    const moments = [
      ...visits.map((v) => v.arrivedAt),
      ...visits.flatMap((v) => (v.leftAt ? [v.leftAt] : [])),
      ...all.map((f) => f.occurredAt),
      ...allOrders.map((o) => o.orderedAt),
      ...allOrders.flatMap((o) => (o.deliveredAt ? [o.deliveredAt] : [])),
      ...allLeads.map((l) => l.createdAt),
    ];
    for (const moment of moments) {
      const minute = shanghaiMinute(moment);
      expect(minute, moment.toISOString()).toBeGreaterThanOrEqual(9 * 60);
      expect(minute, moment.toISOString()).toBeLessThanOrEqual(18 * 60);
    }
  });
});

describe('orders', () => {
  it('numbers orders SO-<store>-<yymm>-<serial> and prices them from the catalog', async () => {
    const { orders: allOrders, customers: all, store1, store2 } = await data();
    const configurations = await database.db.select().from(catalogConfigurations);
    const colours = await database.db.select().from(catalogColours);
    expect(allOrders.filter((o) => o.dealerId === store1).length).toBeGreaterThan(15);
    expect(allOrders.filter((o) => o.dealerId === store2).length).toBeGreaterThan(0);
    for (const order of allOrders) {
      const store = order.dealerId === store1 ? 'SHPD' : 'SHMH';
      const date = shanghaiDate(order.orderedAt);
      expect(order.orderNo).toMatch(
        new RegExp(`^SO-${store}-${date.slice(2, 4)}${date.slice(5, 7)}-\\d{4}$`),
      );
      const config = configurations.find(
        (c) => c.id === order.configurationId && c.dealerId === order.dealerId,
      );
      const colour = colours.find((c) => c.id === order.colourId && c.dealerId === order.dealerId);
      expect(order.price).toBe((config?.guidePrice ?? 0) + (colour?.surcharge ?? 0));
      expect(order.discount).toBeGreaterThan(0);
      expect(order.deposit).toBeGreaterThanOrEqual(5_000);
      expect(['cash', 'loan']).toContain(order.paymentMethod);
      expect(['confirmed', 'delivered']).toContain(order.status);
      const customer = all.find((c) => c.id === order.customerId);
      if (order.status === 'delivered') {
        expect(order.vin).toMatch(/^LGX[A-HJ-NPR-Z0-9]{14}$/);
        expect(customer?.ownerSince).toBe(shanghaiDate(order.deliveredAt ?? new Date(0)));
      } else {
        expect(order.deliveredAt).toBeNull();
        expect(customer?.ownerSince).toBeNull();
      }
    }
    const statuses = countBy(allOrders, (o) => o.status);
    expect(statuses.get('confirmed')).toBeGreaterThan(0);
    expect(statuses.get('delivered')).toBeGreaterThan(0);
    expect(new Set(allOrders.map((o) => `${o.dealerId}/${o.orderNo}`)).size).toBe(allOrders.length);
  });
});

describe('time', () => {
  /** Columns that may lie in the future: planned contacts and due dates. */
  const mayBeFuture = new Set([
    'customers.next_contact_at',
    'follow_ups.next_contact_at',
    'tasks.due_at',
    'leads.first_contact_due_at',
    'showroom_visits.callback_due_at',
  ]);

  it('puts every stored time within the 90 days before now, except planned contacts and due dates', async () => {
    const columns = await rowsOf<{ table_name: string; column_name: string }>(sql`
      select table_name, column_name from information_schema.columns
      where table_schema = 'public' and data_type like 'timestamp%' and table_name not in ('sessions', 'login_throttle', 'audit_log')
      order by table_name, column_name`);
    expect(columns.length).toBeGreaterThan(40);
    for (const { table_name: table, column_name: column } of columns) {
      const [range] = await rowsOf<{ low: string | Date | null; high: string | Date | null }>(
        sql`select min(${sql.identifier(column)}) as low, max(${sql.identifier(column)}) as high from ${sql.identifier(table)}`,
      );
      const { low = null, high = null } = range ?? {};
      const name = `${table}.${column}`;
      if (low !== null) expect(new Date(low).getTime(), name).toBeGreaterThanOrEqual(WINDOW_START.getTime());
      if (high !== null && !mayBeFuture.has(name))
        expect(new Date(high).getTime(), name).toBeLessThanOrEqual(NOW.getTime());
    }
    const owners = await database.db.select({ since: customers.ownerSince }).from(customers);
    for (const { since } of owners) if (since) expect(since <= shanghaiDate(NOW)).toBe(true);
  });

  it('is deterministic: the same now gives the same dealership', async () => {
    const again = generateDemoData({ now: NOW, passwordHash: HASH });
    expect(generateDemoData({ now: NOW, passwordHash: HASH })).toEqual(again);
    const other = await openDatabase({ kind: 'pglite' });
    try {
      await loadDemoDealership(other.db, { now: NOW, passwordHash: HASH });
      const pick = { cardNo: customers.cardNo, name: customers.name, phone: customers.phoneE164 };
      const first = await database.db
        .select(pick)
        .from(customers)
        .orderBy(asc(customers.dealerId), asc(customers.cardNo));
      const second = await other.db
        .select(pick)
        .from(customers)
        .orderBy(asc(customers.dealerId), asc(customers.cardNo));
      expect(second).toEqual(first);
    } finally {
      await other.close();
    }
    const later = generateDemoData({ now: new Date(NOW.getTime() + 7 * DAY), passwordHash: HASH });
    expect(later.customers.length).toBe(again.customers.length);
  });

  it('loads only into an empty installation, and leaves it untouched when refused', async () => {
    const before = await rowsOf<{ n: number }>(sql`select count(*)::int as n from customers`);
    await expect(loadDemoDealership(database.db, { now: NOW, passwordHash: HASH })).rejects.toMatchObject({
      code: 'conflict',
    });
    const after = await rowsOf<{ n: number }>(sql`select count(*)::int as n from customers`);
    expect(after).toEqual(before);
    expect(before).toEqual([{ n: 360 }]);
  });
});
