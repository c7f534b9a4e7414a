import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Executor, openDatabase } from './database';
import { allowGenericPlans, preparingClient } from './prepared-statements';

/** Prepared statements are a PostgreSQL connection's; PGlite runs without them. */
const url = process.env.DATABASE_URL;

let client: pg.Client | undefined;
afterEach(async () => {
  await client?.end();
  client = undefined;
});

const connect = async (limit?: number) => {
  const Client = preparingClient(pg.Client, limit);
  client = new Client({ connectionString: url });
  await client.connect();
  return client;
};

/** What this connection holds prepared (a query without parameters runs unnamed, so it is not listed). */
const prepared = async (c: pg.Client) =>
  (
    await c.query<{ name: string; statement: string }>(
      'select name, statement from pg_prepared_statements order by name',
    )
  ).rows;

describe.skipIf(!url)('a connection that prepares its statements', () => {
  it('prepares a parameterised text once and runs it again by name, with its own values', async () => {
    const c = await connect();
    const text = 'select $1::int + 1 as n';
    expect((await c.query(text, [1])).rows).toEqual([{ n: 2 }]);
    expect((await c.query({ text, values: [41] })).rows).toEqual([{ n: 42 }]);
    expect(await prepared(c)).toEqual([{ name: 'q0', statement: text }]);
  });

  it('names texts up to its limit and runs the others unnamed', async () => {
    const c = await connect(2);
    for (const n of [1, 2, 3, 1]) {
      const { rows } = await c.query(`select $1::int * ${n} as n`, [10]);
      expect(rows).toEqual([{ n: 10 * n }]);
    }
    expect((await prepared(c)).map((p) => p.statement)).toEqual([
      'select $1::int * 1 as n',
      'select $1::int * 2 as n',
    ]);
  });

  it('leaves statements without parameters and named ones as they are', async () => {
    const c = await connect();
    await c.query('select 1');
    await c.query({ name: 'mine', text: 'select $1::text as t', values: ['x'] });
    expect(await prepared(c)).toEqual([{ name: 'mine', statement: 'select $1::text as t' }]);
  });

  it('stays usable after a text PostgreSQL refuses, and prepares the next one', async () => {
    const c = await connect();
    await expect(c.query('selec $1::int', [1])).rejects.toThrow(/syntax error/);
    expect((await c.query('select $1::int as n', [7])).rows).toEqual([{ n: 7 }]);
    expect((await prepared(c)).map((p) => p.statement)).toEqual(['select $1::int as n']);
  });
});

describe.skipIf(!url)("the server's PostgreSQL pool", () => {
  const name = `qianke_test_${randomBytes(6).toString('hex')}`;
  const admin = async (statement: string) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      await c.query(statement);
    } finally {
      await c.end();
    }
  };
  let databaseUrl = '';
  beforeAll(async () => {
    await admin(`create database ${name}`);
    const u = new URL(url as string);
    u.pathname = `/${name}`;
    databaseUrl = u.toString();
  });
  afterAll(async () => {
    await admin(`drop database if exists ${name} with (force)`);
  });

  /** The statements prepared on the connection of one transaction, after running a statement in it. */
  const preparedInTransaction = async (preparedStatements: boolean) => {
    const database = await openDatabase({ kind: 'postgres', url: databaseUrl, preparedStatements });
    try {
      return await database.db.transaction(async (tx) => {
        await tx.execute(sql`select ${'x'}::text as t`);
        const result = await tx.execute(sql`select statement from pg_prepared_statements`);
        return (result as unknown as { rows: { statement: string }[] }).rows.map((r) => r.statement);
      });
    } finally {
      await database.close();
    }
  };

  it('plans each run for its values, except in a transaction that allows generic plans', async () => {
    const database = await openDatabase({ kind: 'postgres', url: databaseUrl });
    const mode = async (db: Executor) => {
      const result = await db.execute(sql`select current_setting('plan_cache_mode') as mode`);
      return (result as unknown as { rows: { mode: string }[] }).rows[0]?.mode;
    };
    try {
      expect(await mode(database.db)).toBe('force_custom_plan');
      const inside = await database.db.transaction(async (tx) => {
        await allowGenericPlans(tx);
        return mode(tx);
      });
      expect(inside).toBe('auto');
      // set_config(..., true): for that transaction only, so the connection goes back to the pool as it was.
      for (let i = 0; i < 3; i++) expect(await mode(database.db)).toBe('force_custom_plan');
    } finally {
      await database.close();
    }
  });

  it('prepares its statements, unless told not to', async () => {
    expect(await preparedInTransaction(true)).toContain('select $1::text as t');
    expect(await preparedInTransaction(false)).toEqual([]);
  });
});
