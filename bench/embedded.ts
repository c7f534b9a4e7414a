import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { generate } from './dataset/generate';
import { KNOWN_PHONES_SQL, measureIntakeHttp } from './intake';
import { login } from './lib/http';
import { startServer } from './lib/server';
import type { Result } from './lib/table';
import { worklistBenchmark } from './worklist';

const TODAY = 'worklist: today p95';

/**
 * The same intake and Today list on the embedded database (PGlite in a folder) at the small preset,
 * beside the PostgreSQL figures of the same run: where the README's "move to a server" line comes from.
 */
export const embeddedBenchmark = async (
  postgres: { intakeRps: number; worklistP95: number | null },
  load: { connections: number; seconds: number; worklistCalls: number },
  log: (line: string) => void,
): Promise<Result[]> => {
  const dataDir = await mkdtemp(join(tmpdir(), 'qianke-bench-embedded-'));
  try {
    const loaded = await generate(
      { kind: 'pglite', dataDir },
      { stores: 1, customers: 20_000, seed: 1, now: new Date() },
      log,
    );
    log(`embedded dataset loaded in ${loaded.seconds.toFixed(1)} s`);
    // One process at a time may open the folder: read the phones before the server starts.
    const client = new PGlite({ dataDir, extensions: { pg_trgm } });
    const known = (await client.query<{ phone: string }>(KNOWN_PHONES_SQL)).rows.map((r) => r.phone);
    await client.close();
    const server = await startServer({ QIANKE_DATA_DIR: dataDir, QIANKE_DEMO: '0' });
    try {
      const worklist = (await worklistBenchmark(server.url, load.worklistCalls)).find(
        (r) => r.benchmark === TODAY,
      );
      const intake = await measureIntakeHttp(server.url, await login(server.url, 'bench-admin'), known, load);
      const versus = (embedded: number, pg: number | null, better: string) =>
        pg ? `${(embedded / pg).toFixed(2)}x PostgreSQL's (${better})` : 'no PostgreSQL figure';
      return [
        {
          benchmark: 'embedded: intake req/s (32 conn)',
          figure: intake.rps,
          unit: 'req/s',
          target: null,
          note: `${versus(intake.rps, postgres.intakeRps, 'higher is better')}; ${intake.total} requests; failed: ${intake.failures}`,
        },
        { benchmark: 'embedded: intake p99', figure: intake.p99, unit: 'ms', target: null },
        {
          benchmark: 'embedded: worklist today p95',
          figure: worklist?.figure ?? null,
          unit: 'ms',
          target: null,
          note: worklist?.figure ? versus(worklist.figure, postgres.worklistP95, 'lower is better') : '',
        },
      ];
    } finally {
      await server.stop();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
};
