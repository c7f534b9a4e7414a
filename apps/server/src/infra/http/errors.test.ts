import { DrizzleQueryError, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test-support/test-server';
import { createHttpApp } from './create-http-app';

let t: TestServer;
/** The server's JSON log lines, as pino writes them. */
const logLines: string[] = [];
beforeAll(async () => {
  t = await startTestServer({ logStream: { write: (line) => logLines.push(line) } });
});
afterAll(() => t?.close());

describe('one error shape for every failure', () => {
  it('400 for malformed JSON', async () => {
    const res = await t.client().request('POST', '/api/v1/auth/login', '{"username": "admin",');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: { code: 'malformed_json', message: 'The request body is not valid JSON.' },
    });
  });

  it('415 for a body that is not JSON', async () => {
    const res = await t
      .client()
      .request('POST', '/api/v1/auth/login', 'username=admin', { 'content-type': 'text/plain' });
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('unsupported_media_type');
  });

  it('404 for an unknown API route, as JSON', async () => {
    const res = await t.client().get('/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.error).toEqual({ code: 'not_found', message: 'There is no GET /api/v1/nothing-here.' });
  });

  it('422 lists query problems by field', async () => {
    const admin = await t.as('admin');
    const res = await admin.get('/api/v1/users?pageSize=5000&sort=salary');
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.error.fields).sort()).toEqual(['pageSize', 'sort']);
  });

  it('never leaks SQL or stack traces, and answers with a request id', async () => {
    const res = await t
      .client()
      .request('POST', '/api/v1/auth/login', '{"username":"a\\u0000b","password":"x"}');
    expect(JSON.stringify(res.body)).not.toMatch(/select|stack|at \w+ \(/i);
    expect(res.headers.get('x-request-id')).toMatch(/^[\w-]{8,}$/);
    // PostgreSQL cannot store a NUL in text: it is refused next to its field, not a 500.
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({
      code: 'validation_failed',
      fields: { username: expect.stringMatching(/NUL character/) },
    });
    expect(Object.keys(res.body.error.fields)).toEqual(['username']);
  });

  it('422 names a NUL character in a nested field of the body and in the query', async () => {
    const consultant = await t.as('consultant1');
    const body = await consultant.post('/api/v1/customers', {
      name: '钱先生',
      phone: '13920010099',
      lead: { note: 'ok', tags: ['fine', 'bad\u0000'] },
    });
    expect(body.status).toBe(422);
    expect(Object.keys(body.body.error.fields)).toEqual(['lead.tags.1']);
    const admin = await t.as('admin');
    const query = await admin.get('/api/v1/users?q=wang%00li&pageSize=20');
    expect(query.status).toBe(422);
    expect(query.body.error.message).toMatch(/query fields hold an invisible NUL character/);
    expect(query.body.error.fields).toEqual({
      q: expect.stringMatching(/Remove the invisible NUL character/),
    });
  });

  it('logs a failed query with its SQL and code, never its parameters', async () => {
    // The throttle table gone for a moment: the login's first query fails with the username in its parameters.
    await t.rows(sql`alter table login_throttle rename to login_throttle_away`);
    try {
      const res = await t
        .client()
        .post('/api/v1/auth/login', { username: 'leaky.wang13912345678', password: 'x' });
      expect(res.status).toBe(500);
      const requestId = res.headers.get('x-request-id');
      const line = logLines.find(
        (l) => l.includes(`"requestId":"${requestId}"`) && l.includes('request failed'),
      );
      expect(line).toBeDefined();
      expect(line).not.toContain('leaky.wang13912345678');
      expect(line).not.toContain('13912345678');
      // What is needed to find the fault stays: the SQL text and the SQLSTATE (undefined table).
      const { err } = JSON.parse(line ?? '{}');
      expect(err.query).toContain('from "login_throttle"');
      expect(err.cause).toMatchObject({ code: '42P01', message: 'relation "login_throttle" does not exist' });
    } finally {
      await t.rows(sql`alter table login_throttle_away rename to login_throttle`);
    }
  });

  it('keeps a request id the caller sends', async () => {
    const res = await t
      .client()
      .request('GET', '/healthz', undefined, { 'x-request-id': 'portal-trace-0001' });
    expect(res.headers.get('x-request-id')).toBe('portal-trace-0001');
  });
});

describe('a text PostgreSQL cannot store', () => {
  it.each([
    ['22021', 'invalid byte sequence for encoding "UTF8": 0x00'],
    ['22P05', 'unsupported Unicode escape sequence'],
  ])(
    'answers 422, not 500, for SQLSTATE %s (a NUL past the edge, e.g. inside a file)',
    async (code, message) => {
      const app = await createHttpApp({
        logLevel: 'silent',
        version: 'test',
        resolveSession: async () => null,
      });
      app.post('/api/v1/nul-in-a-file', { config: { access: 'public' } }, async () => {
        const cause = Object.assign(new Error(message), { code });
        throw new DrizzleQueryError('insert into import_rows (raw) values ($1)', ['王\u0000一'], cause);
      });
      try {
        const res = await app.inject({ method: 'POST', url: '/api/v1/nul-in-a-file', payload: {} });
        expect(res.statusCode).toBe(422);
        expect(res.json().error).toEqual({
          code: 'validation_failed',
          message: expect.stringMatching(/cannot be saved, such as an invisible NUL/),
        });
      } finally {
        await app.close();
      }
    },
  );
});

describe('health and API description', () => {
  it('GET /healthz names the database', async () => {
    const res = await t.client().get('/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', db: t.dbKind });
  });

  it('serves OpenAPI 3 documenting every API route with its roles, and a docs page', async () => {
    const spec = (await t.client().get('/api/openapi.json')).body;
    expect(spec.openapi).toMatch(/^3\./);
    const documented = Object.entries(spec.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const routes = t.server.app.routeCatalog.map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`);
    expect(routes.length).toBeGreaterThan(10);
    expect(documented.sort()).toEqual(routes.sort());
    expect(spec.paths['/api/v1/users'].post.description).toContain('roles: admin');
    expect(spec.components.schemas.ErrorResponse).toBeDefined();
    const docs = await fetch(`${t.baseUrl}/api/docs/`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('swagger');
  });
});
