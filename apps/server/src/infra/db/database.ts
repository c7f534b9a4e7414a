import { fileURLToPath } from 'node:url';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { preparingClient } from './prepared-statements';
import * as schema from './schema/index';

export type Schema = typeof schema;
/** What repositories take: the same query builder over PGlite and over PostgreSQL. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** A repository function runs on the database or inside a service's transaction. */
export type Executor = Db | Tx;

export type DatabaseKind = 'pglite' | 'postgres';

export type Database = {
  db: Db;
  kind: DatabaseKind;
  /**
   * PostgreSQL: connections of their own for a short write that commits at once, beside a request's
   * open transaction (taking card numbers, as a sequence would, so one request does not wait for
   * another's commit). Null on PGlite, which has one connection: such a write runs in the caller's
   * transaction.
   */
  apart: Db | null;
  close: () => Promise<void>;
};

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

export type OpenDatabaseOptions =
  | { kind: 'postgres'; url: string; poolSize?: number; preparedStatements?: boolean }
  /** dataDir undefined: in memory (tests). */
  | { kind: 'pglite'; dataDir?: string };

/**
 * Opens the database and brings its schema up to date (the same migrations on both drivers). Only the
 * driver in use is loaded: loading the other one too cost a third of a second of every cold start.
 */
export const openDatabase = async (options: OpenDatabaseOptions): Promise<Database> => {
  if (options.kind === 'postgres') {
    const [{ default: pg }, { drizzle: drizzlePg }, { migrate: migratePg }] = await Promise.all([
      import('pg'),
      import('drizzle-orm/node-postgres'),
      import('drizzle-orm/node-postgres/migrator'),
    ]);
    // Each connection prepares its statements (infra/db/prepared-statements.ts) and still plans each
    // run for its values: one text serves a store and a group of 50, and a generic plan made from five
    // store-year runs took the group-year traffic report from 1.4 to 4.1 s. Intake allows generic plans
    // (allowGenericPlans): 354 -> 512 req/s at 32 connections, same sitting (docs/performance.md).
    const preparedStatements = options.preparedStatements !== false;
    const Client = preparedStatements ? preparingClient(pg.Client) : pg.Client;
    const pool = new pg.Pool({
      Client,
      connectionString: options.url,
      max: options.poolSize ?? 8,
      // No JIT compilation: PostgreSQL compiles any query its planner costs above 100,000, and for a
      // report over a store-year that took 1-2 s of the 0.3 s the query itself needs. Nothing Qianke
      // runs is long enough for JIT to pay back.
      options: preparedStatements ? '-c jit=off -c plan_cache_mode=force_custom_plan' : '-c jit=off',
    });
    const client = await pool.connect();
    try {
      // Two servers starting at once must not both migrate.
      await client.query('select pg_advisory_lock(7410001)');
      await migratePg(drizzlePg(client, { schema }), { migrationsFolder });
      await client.query('select pg_advisory_unlock(7410001)');
    } finally {
      client.release();
    }
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    // Each write here is one statement, committed on its own. Without waiting for the disk: a number
    // taken here is used only by a transaction that commits later and waits for the log up to its
    // own commit, which includes this one, so a crash can lose a number only with whatever used it.
    const apartPool = new pg.Pool({
      Client,
      connectionString: options.url,
      max: 2,
      options: '-c jit=off -c synchronous_commit=off',
    });
    const apart = drizzlePg(apartPool, { schema }) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      apart,
      close: async () => {
        await Promise.all([pool.end(), apartPool.end()]);
      },
    };
  }
  const [{ PGlite }, { pg_trgm }, { drizzle: drizzlePglite }, { migrate: migratePglite }] = await Promise.all(
    [
      import('@electric-sql/pglite'),
      import('@electric-sql/pglite/contrib/pg_trgm'),
      import('drizzle-orm/pglite'),
      import('drizzle-orm/pglite/migrator'),
    ],
  );
  // PGlite ignores the options object when it is the second argument and dataDir is undefined.
  const client = new PGlite({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    extensions: { pg_trgm },
  });
  await client.waitReady;
  const db = drizzlePglite(client, { schema });
  await migratePglite(db, { migrationsFolder });
  return { db: db as unknown as Db, kind: 'pglite', apart: null, close: () => client.close() };
};
