import { type ChildProcess, spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });

export type BenchServer = {
  url: string;
  /** Milliseconds from spawning the process to the first 200 on /healthz. */
  startMs: number;
  child: ChildProcess;
  /** The server's own node process. */
  pid: number;
  output: () => string;
  stop: () => Promise<void>;
};

const exited = (child: ChildProcess, ms: number) =>
  new Promise<boolean>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve(true);
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });

/** What `npm start` runs; `bench/run.ts` builds it (`npm run build -w @qianke/server`) before measuring. */
export const SERVER_BUNDLE = 'apps/server/dist/start.js';

/**
 * The real server as production starts it (`node apps/server/dist/start.js`), in its own process so
 * the load generator does not share its event loop. `env` picks the database: DATABASE_URL, or
 * QIANKE_DATA_DIR for the embedded one. The background checks are off (QIANKE_JOB_INTERVAL_SECONDS=0).
 */
export const startServer = async (env: Record<string, string>, timeoutMs = 120_000): Promise<BenchServer> => {
  const port = await freePort();
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'warn',
    QIANKE_JOB_INTERVAL_SECONDS: '0',
    ...env,
  };
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  const started = performance.now();
  // For profiling the server under a benchmark: BENCH_SERVER_NODE_FLAGS='--cpu-prof --trace-gc' adds
  // node flags (NODE_OPTIONS refuses some), BENCH_SERVER_LOG=<file> keeps all it prints.
  const nodeFlags = (process.env.BENCH_SERVER_NODE_FLAGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeFlags, '--enable-source-maps', SERVER_BUNDLE], {
    cwd: REPO_ROOT,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = process.env.BENCH_SERVER_LOG;
  const append = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
    if (keep) appendFileSync(keep, chunk);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      if (!(await exited(child, 15_000))) {
        child.kill('SIGKILL');
        await exited(child, 5_000);
      }
    }
  };
  const deadline = started + timeoutMs;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited with ${child.exitCode}:\n${log}`);
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200)
        return {
          url,
          startMs: performance.now() - started,
          child,
          pid: child.pid as number,
          output: () => log,
          stop,
        };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await stop();
  throw new Error(`The server did not answer /healthz within ${timeoutMs / 1000} s:\n${log}`);
};
