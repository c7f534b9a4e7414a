import { randomBytes } from 'node:crypto';
import type { SQL } from 'drizzle-orm';
import pg from 'pg';
import type { Config } from '../config';
import { buildServer, DEMO_PASSWORD, type ServerOverrides } from '../main';

/**
 * A real server on a random port, over a real database: in-memory PGlite, or, when DATABASE_URL is
 * set, a fresh PostgreSQL database created for this test file and dropped afterwards.
 */
export const startTestServer = async (
  options: { demo?: boolean; webDist?: string } & ServerOverrides = {},
) => {
  const { demo = true, webDist = '/nonexistent', ...overrides } = options;
  const adminUrl = process.env.DATABASE_URL;
  let database: Config['database'] = { kind: 'pglite' };
  let dropDatabase = async () => {};
  if (adminUrl) {
    const name = `qianke_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    database = { kind: 'postgres', url: url.toString() };
    dropDatabase = async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      // The server's pool has asked its connections to end, but their sockets may still be open: a
      // forced drop would terminate them mid-goodbye and the client would throw. Wait until they are gone.
      for (let tries = 0; tries < 50; tries++) {
        const { rows } = await client.query<{ n: number }>(
          'select count(*)::int as n from pg_stat_activity where datname = $1',
          [name],
        );
        if ((rows[0]?.n ?? 0) === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    };
  }
  const config: Config = {
    port: 0,
    host: '127.0.0.1',
    database,
    demo,
    session: { idleMinutes: 60, absoluteHours: 24, secureCookie: false },
    webDist,
    // Silent unless the test reads the log lines.
    logLevel: overrides.logStream ? 'info' : 'silent',
  };
  const server = await buildServer(config, overrides);
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const address = server.app.server.address();
  if (!address || typeof address === 'string') throw new Error('test server has no port');
  const baseUrl = `http://127.0.0.1:${address.port}`;
  return {
    baseUrl,
    server,
    db: server.database.db,
    dbKind: server.database.kind,
    client: () => new ApiClient(baseUrl),
    /** Rows of a raw query, the same on both drivers. */
    rows: async <T = Record<string, unknown>>(query: SQL): Promise<T[]> =>
      ((await server.database.db.execute(query)) as unknown as { rows: T[] }).rows,
    /** A client logged in as a demo user. */
    as: async (username: string, password = DEMO_PASSWORD) => {
      const client = new ApiClient(baseUrl);
      const res = await client.post('/api/v1/auth/login', { username, password });
      if (res.status !== 200)
        throw new Error(`login as ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return client;
    },
    close: async () => {
      await server.app.close();
      await dropDatabase();
    },
  };
};

export type TestServer = Awaited<ReturnType<typeof startTestServer>>;

export type ApiResponse<T = any> = { status: number; body: T; headers: Headers };

/** A tiny HTTP client that keeps the session cookie, as a browser would. */
export class ApiClient {
  cookie: string | undefined;
  constructor(readonly baseUrl: string) {}

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const init: RequestInit = { method, headers: { ...headers } };
    if (this.cookie) (init.headers as Record<string, string>).cookie = this.cookie;
    if (body !== undefined) {
      (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
    }
    const res = await fetch(this.baseUrl + path, init);
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('qk_session='));
    if (setCookie) {
      const value = setCookie.split(';')[0] ?? '';
      this.cookie = value === 'qk_session=' ? undefined : value;
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = any>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body ?? {});
  }
  patch<T = any>(path: string, body?: unknown) {
    return this.request<T>('PATCH', path, body ?? {});
  }
}
