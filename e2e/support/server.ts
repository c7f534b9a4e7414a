import { type ChildProcess, spawn } from 'node:child_process';
import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export type RunningServer = {
  url: string;
  /** Everything the server printed, for the message of a failed test. */
  output: () => string;
  stop: () => Promise<void>;
};

const waitForExit = (child: ChildProcess, ms: number): Promise<boolean> =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve(true);
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });

const waitForHealth = async (url: string, child: ChildProcess, output: () => string, ms: number) => {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`The server exited with code ${child.exitCode} before it was healthy:\n${output()}`);
    }
    try {
      const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The server did not answer /healthz within ${ms / 1000} s:\n${output()}`);
};

/**
 * Starts the real server as `npm start` does (apps/server/dist/start.js, built by `npm run build`) on a free port with a fresh embedded
 * database: without DATABASE_URL it loads the demo dealership. It serves the built apps/web/dist.
 */
/**
 * `timer`: run the background checks (overdue, unassigned) as production does. Off by default: a
 * round over the whole demo store holds the embedded database's one connection for seconds and
 * makes journeys that do not need it wait.
 */
export const startServer = async (options: { timer?: boolean } = {}): Promise<RunningServer> => {
  for (const built of ['apps/web/dist/index.html', 'apps/server/dist/start.js']) {
    try {
      await access(join(REPO_ROOT, built));
    } catch {
      throw new Error(`${built} is missing: run \`npm run build\` before the browser journeys.`);
    }
  }
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'qianke-e2e-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    QIANKE_DATA_DIR: dataDir,
    QIANKE_JOB_INTERVAL_SECONDS: options.timer ? '60' : '0',
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  delete env.QIANKE_DEMO;

  const child = spawn(process.execPath, ['--enable-source-maps', 'apps/server/dist/start.js'], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const append = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const output = () => log;

  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      if (!(await waitForExit(child, 10_000))) {
        child.kill('SIGKILL');
        await waitForExit(child, 5_000);
      }
    }
    await rm(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(url, child, output, 90_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, output, stop };
};
