import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test-support/test-server';

let t: TestServer;
let dist: string;
beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'qianke-web-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Qianke</title>');
  writeFileSync(join(dist, 'assets', 'app-abc123.js'), 'console.log(1)');
  t = await startTestServer({ demo: false, webDist: dist });
});
afterAll(async () => {
  await t?.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('the built web app', () => {
  it('serves the app page for client-side routes, never cached', async () => {
    for (const path of ['/', '/login', '/admin/users?page=2']) {
      const res = await fetch(t.baseUrl + path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      expect(res.headers.get('cache-control')).toBe('no-cache');
    }
  });

  it('serves hashed files for good, including files built after the server started', async () => {
    const res = await fetch(`${t.baseUrl}/assets/app-abc123.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    writeFileSync(join(dist, 'assets', 'later-def456.js'), 'console.log(2)');
    expect((await fetch(`${t.baseUrl}/assets/later-def456.js`)).status).toBe(200);
  });

  it('answers 404, not the app page, for a missing file and an unknown API route', async () => {
    expect((await fetch(`${t.baseUrl}/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${t.baseUrl}/favicon.ico`)).status).toBe(404);
    const api = await fetch(`${t.baseUrl}/api/v1/unknown`);
    expect(api.status).toBe(404);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });
});
