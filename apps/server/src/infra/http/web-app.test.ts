import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
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

  it('sends the compressed copy the build wrote beside a file to a browser that takes it, else the file', async () => {
    const code = `console.log(${JSON.stringify('x'.repeat(2000))})`;
    writeFileSync(join(dist, 'assets', 'big-aaa111.js'), code);
    writeFileSync(join(dist, 'assets', 'big-aaa111.js.br'), brotliCompressSync(code));
    writeFileSync(join(dist, 'assets', 'big-aaa111.js.gz'), gzipSync(code));
    const url = `${t.baseUrl}/assets/big-aaa111.js`;

    for (const [accepted, sent] of [
      ['gzip, deflate, br', 'br'],
      ['gzip', 'gzip'],
    ]) {
      const res = await fetch(url, { headers: { 'accept-encoding': accepted as string } });
      expect(res.status, accepted).toBe(200);
      expect(res.headers.get('content-encoding'), accepted).toBe(sent);
      expect(res.headers.get('content-type'), accepted).toMatch(/javascript/);
      expect(res.headers.get('vary'), accepted).toMatch(/accept-encoding/i);
      expect(res.headers.get('cache-control'), accepted).toBe('public, max-age=31536000, immutable');
      // fetch undoes the encoding: the browser gets the built file.
      expect(await res.text(), accepted).toBe(code);
    }

    const plain = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(code);
    // A file the build left uncompressed (under 1 KB) is sent as it is, whatever the browser takes.
    const small = await fetch(`${t.baseUrl}/assets/app-abc123.js`, { headers: { 'accept-encoding': 'br' } });
    expect(small.headers.get('content-encoding')).toBeNull();
    expect(await small.text()).toBe('console.log(1)');
  });

  it('sends the app page compressed too, still never cached', async () => {
    const page = `<!doctype html><title>Qianke</title>${'<!-- -->'.repeat(200)}`;
    writeFileSync(join(dist, 'index.html'), page);
    writeFileSync(join(dist, 'index.html.br'), brotliCompressSync(page));
    for (const path of ['/', '/customers?q=138']) {
      const res = await fetch(t.baseUrl + path, { headers: { 'accept-encoding': 'br' } });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-encoding'), path).toBe('br');
      expect(res.headers.get('content-type'), path).toMatch(/text\/html/);
      expect(res.headers.get('cache-control'), path).toBe('no-cache');
      expect(await res.text(), path).toBe(page);
    }
  });

  it('answers 404, not the app page, for a missing file and an unknown API route', async () => {
    expect((await fetch(`${t.baseUrl}/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${t.baseUrl}/favicon.ico`)).status).toBe(404);
    const api = await fetch(`${t.baseUrl}/api/v1/unknown`);
    expect(api.status).toBe(404);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });
});
