import { Agent, get } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpApp } from './create-http-app';

/**
 * Closing the server (SIGTERM in start.ts, a restart during a deploy) lets the requests already being
 * answered finish: a desk's save that is in flight gets its answer, and only then does the database
 * close (the app's onClose hooks).
 */
let app: Awaited<ReturnType<typeof createHttpApp>> | undefined;
afterEach(async () => {
  await app?.close();
});

describe('shutting down', () => {
  it('answers a request in flight before closing, and closes idle keep-alive connections at once', async () => {
    app = await createHttpApp({ logLevel: 'silent', version: 'test', resolveSession: async () => null });
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let arrived: () => void = () => {};
    const inFlight = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    const events: string[] = [];
    app.get('/quick', { config: { access: 'public' } }, async () => ({ ok: true }));
    app.get('/slow', { config: { access: 'public' } }, async () => {
      arrived();
      await held;
      events.push('answered');
      return { ok: true };
    });
    app.addHook('onClose', async () => {
      events.push('closed');
    });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });

    // A keep-alive connection whose request is done, left idle: it must not hold the shutdown up until
    // its keep-alive timeout (72 s, beyond this test's time limit).
    const keepAlive = new Agent({ keepAlive: true });
    const quick = await new Promise<number>((resolve, reject) =>
      get(`${url}/quick`, { agent: keepAlive }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      }).on('error', reject),
    );
    expect(quick).toBe(200);
    const answer = fetch(`${url}/slow`);
    await inFlight;
    const closing = app.close();
    setTimeout(release, 200);
    const response = await answer;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    await closing;
    app = undefined;
    expect(events).toEqual(['answered', 'closed']);
    keepAlive.destroy();
  }, 20_000);
});
