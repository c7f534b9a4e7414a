/**
 * Fills an empty database with a benchmark dealer group, through COPY (not row by row).
 *
 *   npm run bench:data -- --stores 50 --customers 1000000       # PostgreSQL at DATABASE_URL
 *   npm run bench:data -- --small                                # 1 store, 20,000 customers
 *   npm run bench:data -- --small --pglite ./data-bench          # the embedded database, in a folder
 *   options: --seed N (default 1), --now 2026-11-01T00:00:00Z (default: today 00:00 UTC)
 *
 * Deterministic: the same seed and `now` give the same rows. Every staff account's password is
 * `bench1234`: `bench-admin` (group admin), and per store `b01-manager`, `b01-c01`..`b01-c10`,
 * `b01-dcc1`, `b01-dcc2`, `b01-reception`.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { eq, sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { rebuildLeadMilestones } from '../../apps/server/src/customers/lead-milestones';
import { rebuildOrderFacts } from '../../apps/server/src/customers/order-facts';
import { createDefaultDefeatReasons } from '../../apps/server/src/defeat/defeat.service';
import { generateDemoData } from '../../apps/server/src/demo/demo-data';
import { argon2Hasher } from '../../apps/server/src/infra/crypto/passwords';
import { type Db, openDatabase } from '../../apps/server/src/infra/db/database';
import * as schema from '../../apps/server/src/infra/db/schema/index';
import { type BulkTable, COLUMNS, DAY, generateStore, Random, type Sink, type StoreRefs } from './rows';

export type GenerateOptions = { stores: number; customers: number; seed: number; now: Date };
export type Target = { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };

export const parseArgs = (argv: readonly string[]): { options: GenerateOptions; target: Target } => {
  const value = (name: string) => {
    const at = argv.indexOf(`--${name}`);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const small = argv.includes('--small');
  const count = (name: string, fallback: number) => {
    const raw = value(name);
    const n = raw === undefined ? fallback : Number(raw);
    if (!Number.isInteger(n) || n < 1)
      throw new Error(`--${name} takes a whole number above 0, not "${raw}"`);
    return n;
  };
  const today = new Date();
  const nowRaw = value('now');
  const now = nowRaw
    ? new Date(nowRaw)
    : new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
  if (Number.isNaN(now.getTime()))
    throw new Error(`--now takes an ISO time such as 2026-11-01T00:00:00Z, not "${nowRaw}"`);
  const options = {
    stores: count('stores', small ? 1 : 50),
    customers: count('customers', small ? 20_000 : 1_000_000),
    seed: count('seed', 1),
    now,
  };
  const dataDir = value('pglite');
  if (dataDir) return { options, target: { kind: 'pglite', dataDir } };
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('Set DATABASE_URL to a PostgreSQL database, or pass --pglite <folder>.');
  return { options, target: { kind: 'postgres', url } };
};

/** COPY for each driver: a pg client streams the CSV; PGlite reads it as a blob. */
const openTarget = async (target: Target): Promise<{ db: Db; copy: Sink; close: () => Promise<void> }> => {
  // The server's own migrations bring the schema up to date first.
  await (
    await openDatabase(target.kind === 'postgres' ? target : { kind: 'pglite', dataDir: target.dataDir })
  ).close();
  const statement = (table: BulkTable) =>
    `copy ${table} (${COLUMNS[table].join(', ')}) from ${target.kind === 'postgres' ? 'stdin' : "'/dev/blob'"} with (format csv)`;
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: 2 });
    const client = await pool.connect();
    const copy: Sink = async (table, lines) => {
      await pipeline(Readable.from([lines]), client.query(copyFrom(statement(table))));
    };
    return {
      db: drizzlePg(pool, { schema }) as unknown as Db,
      copy,
      close: async () => {
        client.release();
        await pool.end();
      },
    };
  }
  const client = new PGlite({ dataDir: target.dataDir, extensions: { pg_trgm } });
  await client.waitReady;
  const copy: Sink = async (table, lines) => {
    await client.query(statement(table), [], { blob: new Blob([lines]) });
  };
  return { db: drizzlePglite(client, { schema }) as unknown as Db, copy, close: () => client.close() };
};

const ROLES_OF = {
  manager: ['sales_manager'],
  consultant: ['consultant'],
  dcc: ['dcc_agent'],
  reception: ['receptionist'],
} as const;

/** Staff, catalog, sources and defeat reasons of every store, in one transaction; returns what rows refer to. */
const loadStores = async (db: Db, options: GenerateOptions): Promise<StoreRefs[]> => {
  const rng = new Random(options.seed);
  const at = options.now.getTime() - 731 * DAY;
  const stamps = { createdAt: new Date(at), updatedAt: new Date(at) };
  const passwordHash = await argon2Hasher.hash('bench1234');
  // The demo's catalog, source tree and lead spread, repeated in every store (ids are per store).
  const demo = generateDemoData({ now: options.now, passwordHash });
  const demoStore = demo.dealers[0]?.id;
  const own = <T extends { dealerId: string }>(rows: T[]) => rows.filter((row) => row.dealerId === demoStore);
  const spread = new Map<string, number>();
  for (const lead of own(demo.leads)) {
    const key = `${lead.sourceId}|${lead.channel}`;
    spread.set(key, (spread.get(key) ?? 0) + 1);
  }
  const sources = [...spread].map(([key, weight]) => {
    const [sourceId = '', channel = ''] = key.split('|');
    return [{ sourceId, channel }, weight] as const;
  });
  const configsOfModel = new Map<string, { id: string; price: number }[]>();
  for (const c of own(demo.catalogConfigurations)) {
    configsOfModel.set(c.modelId, [
      ...(configsOfModel.get(c.modelId) ?? []),
      { id: c.id, price: Number(c.guidePrice) },
    ]);
  }
  const seriesOf = own(demo.catalogSeries).map((s) => ({
    id: s.id,
    configurations: own(demo.catalogModels)
      .filter((m) => m.seriesId === s.id)
      .flatMap((m) => configsOfModel.get(m.id) ?? []),
    colours: own(demo.catalogColours)
      .filter((c) => c.seriesId === s.id)
      .map((c) => c.id),
  }));

  const groupId = rng.uuid(at);
  const refs: StoreRefs[] = [];
  await db.transaction(async (tx) => {
    await tx.insert(schema.installation).values({ id: 1, mode: 'setup', createdAt: new Date(at) });
    await tx.insert(schema.dealerGroups).values({ id: groupId, name: '基准测试汽车集团', ...stamps });
    for (let s = 0; s < options.stores; s++) {
      const dealerId = rng.uuid(at);
      const nn = String(s + 1).padStart(2, '0');
      const code = `B${String(s + 1).padStart(3, '0')}`;
      await tx
        .insert(schema.dealers)
        .values({ id: dealerId, groupId, name: `基准门店 ${nn}`, code, ...stamps });
      const user = async (
        username: string,
        displayName: string,
        roles: readonly string[],
        extra: { consultantCode?: string; groupAdmin?: boolean } = {},
      ) => {
        const id = rng.uuid(at);
        await tx
          .insert(schema.users)
          .values({ dealerId, id, username, displayName, passwordHash, ...extra, ...stamps });
        await tx
          .insert(schema.userRoles)
          .values(roles.map((role) => ({ dealerId, userId: id, role: role as 'admin' })));
        return id;
      };
      if (s === 0) await user('bench-admin', '基准管理员', ['admin'], { groupAdmin: true });
      const managerId = await user(`b${nn}-manager`, `经理${nn}`, ROLES_OF.manager);
      const receptionId = await user(`b${nn}-reception`, `前台${nn}`, ROLES_OF.reception);
      const consultants: { id: string; code: string }[] = [];
      for (let c = 1; c <= 10; c++) {
        const codeOf = `A${String(c).padStart(2, '0')}`;
        consultants.push({
          id: await user(`b${nn}-c${String(c).padStart(2, '0')}`, `顾问${nn}-${c}`, ROLES_OF.consultant, {
            consultantCode: codeOf,
          }),
          code: codeOf,
        });
      }
      const dccAgents = [
        await user(`b${nn}-dcc1`, `DCC${nn}-1`, ROLES_OF.dcc),
        await user(`b${nn}-dcc2`, `DCC${nn}-2`, ROLES_OF.dcc),
      ];
      const clone = <T extends { dealerId: string }>(rows: T[]) =>
        own(rows).map((row) => ({ ...row, dealerId }));
      await tx.insert(schema.catalogBrands).values(clone(demo.catalogBrands));
      await tx.insert(schema.catalogSeries).values(clone(demo.catalogSeries));
      await tx.insert(schema.catalogModels).values(clone(demo.catalogModels));
      await tx.insert(schema.catalogConfigurations).values(clone(demo.catalogConfigurations));
      await tx.insert(schema.catalogColours).values(clone(demo.catalogColours));
      await tx.insert(schema.leadSources).values(clone(demo.leadSources));
      await createDefaultDefeatReasons(tx, dealerId);
      // One demo car per series, for the test drives of its visitors.
      const series = seriesOf.map((serie) => ({ ...serie, demoCarId: rng.uuid(at) }));
      await tx.insert(schema.demoCars).values(
        series.map(({ id, demoCarId, configurations, colours }, i) => {
          const configuration = configurations[0];
          if (!configuration) throw new Error(`The demo's series ${id} has no configuration for a demo car.`);
          return {
            dealerId,
            id: demoCarId,
            configurationId: configuration.id,
            colourId: colours[0] ?? null,
            plateNo: `沪B·${code}${i}`,
            ...stamps,
          };
        }),
      );
      const reasons = await tx
        .select({ id: schema.defeatReasons.id })
        .from(schema.defeatReasons)
        .where(eq(schema.defeatReasons.dealerId, dealerId));
      refs.push({
        dealerId,
        storeIndex: s,
        code,
        managerId,
        receptionId,
        consultants,
        dccAgents,
        sources,
        series,
        defeatReasons: reasons.map((r) => r.id),
      });
    }
  });
  return refs;
};

export const generate = async (
  target: Target,
  options: GenerateOptions,
  log: (line: string) => void = () => {},
) => {
  const { db, copy, close } = await openTarget(target);
  try {
    const [installed] = await db.select().from(schema.installation).limit(1);
    if (installed) throw new Error('The database already holds an installation: give an empty one.');
    const started = Date.now();
    const stores = await loadStores(db, options);
    const totals = new Map<BulkTable, number>();
    const perStore = Math.floor(options.customers / options.stores);
    for (const store of stores) {
      const customers =
        store.storeIndex === stores.length - 1
          ? options.customers - perStore * (stores.length - 1)
          : perStore;
      const { counts, cardCounters } = await generateStore(store, {
        customers,
        now: options.now.getTime(),
        seed: options.seed,
        sink: copy,
      });
      for (const [table, n] of counts) totals.set(table, (totals.get(table) ?? 0) + n);
      // COPY wrote the visits, drives and orders straight into their tables: derive the leads' milestones
      // and what the reports keep of the orders.
      await rebuildLeadMilestones(db, [store.dealerId]);
      await rebuildOrderFacts(db, [store.dealerId]);
      if (cardCounters.length > 0) {
        await db
          .insert(schema.cardCounters)
          .values(cardCounters.map((c) => ({ dealerId: store.dealerId, ...c })));
      }
      log(`store ${store.code}: ${customers} customers (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    }
    // As autovacuum keeps a live database: the milestone and order-fact updates above left dead versions
    // of the leads, customers and orders they changed, and COPY sets no visibility map, so without it a
    // report reads past the dead rows and checks the table for every entry an index-only scan finds.
    await db.execute(sql`vacuum analyze`);
    return { seconds: (Date.now() - started) / 1000, totals, storeIds: stores.map((s) => s.dealerId) };
  } finally {
    await close();
  }
};

if (import.meta.url === `file://${process.argv[1]}`) {
  const { options, target } = parseArgs(process.argv.slice(2));
  const print = (line: string) => process.stdout.write(`${line}\n`);
  print(
    `Generating ${options.stores} store(s), ${options.customers} customers, seed ${options.seed}, now ${options.now.toISOString()} into ${target.kind}`,
  );
  const result = await generate(target, options, print);
  for (const [table, n] of result.totals) print(`${table.padEnd(20)} ${n.toLocaleString('en')}`);
  print(`done in ${result.seconds.toFixed(1)} s`);
}
