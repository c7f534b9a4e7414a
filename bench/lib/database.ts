import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/** The same server as `adminUrl`, another database. */
export const databaseUrl = (adminUrl: string, name: string): string => {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
};

/** A fresh, empty database on the server of `adminUrl`; `drop` removes it (and its connections). */
export const createScratchDatabase = async (adminUrl: string) => {
  const name = `qianke_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  return {
    name,
    url: databaseUrl(adminUrl, name),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
};

/** Rows of one query on a short-lived connection. */
export const queryRows = async <T extends pg.QueryResultRow>(
  url: string,
  text: string,
  values: unknown[] = [],
): Promise<T[]> => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
};

/** The facts of the PostgreSQL server that the figures depend on. */
export const serverFacts = async (url: string) => {
  const [row] = await queryRows<Record<string, string>>(
    url,
    `select version() as version, current_setting('shared_buffers') as shared_buffers,
            current_setting('work_mem') as work_mem, current_setting('max_connections') as max_connections,
            current_setting('effective_cache_size') as effective_cache_size,
            current_setting('synchronous_commit') as synchronous_commit, current_setting('fsync') as fsync`,
  );
  return row ?? {};
};
