import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test-support/test-server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
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
  });

  it('keeps a request id the caller sends', async () => {
    const res = await t
      .client()
      .request('GET', '/healthz', undefined, { 'x-request-id': 'portal-trace-0001' });
    expect(res.headers.get('x-request-id')).toBe('portal-trace-0001');
  });
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
