import { loadConfig } from './config';
import { buildServer } from './main';

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
