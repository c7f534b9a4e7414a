import { setFlagsFromString } from 'node:v8';
import { loadConfig } from './config';
import { buildServer } from './main';

// V8 lets the heap grow to up to four times what survived the last full collection before it collects
// again. Qianke's work streams (imports, exports, reports) and keeps ~50 MB alive, so a 100,000-row
// import peaked at ~360 MB of RSS, mostly garbage. Collecting once the heap is half again as large
// keeps it at ~230 MB for the same time (docs/performance.md); the heap can still grow as far as it
// must when more is alive.
setFlagsFromString('--heap-growing-percent=50');

/** Process entry: read the environment, start, and close the database cleanly on SIGINT/SIGTERM. */
const config = loadConfig();
const { app } = await buildServer(config);
await app.listen({ port: config.port, host: config.host });

let closing = false;
const shutdown = async (signal: string) => {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'shutting down');
  await app.close();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
