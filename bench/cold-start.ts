import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from './lib/server';
import { percentile } from './lib/stats';
import type { Result } from './lib/table';

/**
 * The embedded database: from spawning `node apps/server/dist/start.js` (what `npm start`
 * runs after its build) to the first 200 on /healthz.
 * First run: an empty data folder (migrations and the demo dealership load). Then the same folder again,
 * `restarts` times (the median is the figure).
 */
export const coldStartBenchmark = async (restarts: number): Promise<Result[]> => {
  const dataDir = await mkdtemp(join(tmpdir(), 'qianke-bench-cold-'));
  try {
    const env = { QIANKE_DATA_DIR: dataDir };
    const first = await startServer(env);
    await first.stop();
    const again: number[] = [];
    for (let i = 0; i < restarts; i++) {
      const server = await startServer(env);
      again.push(server.startMs);
      await server.stop();
    }
    return [
      {
        benchmark: 'cold start, embedded, first run',
        figure: first.startMs,
        unit: 'ms',
        target: 6000,
        note: 'empty folder: migrations + demo load',
      },
      {
        benchmark: 'cold start, embedded, existing data',
        figure: percentile(again, 50),
        unit: 'ms',
        target: 1500,
        note: `median of ${again.length}: ${again.map((ms) => ms.toFixed(0)).join(', ')} ms`,
      },
    ];
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
};
