import { fileURLToPath } from 'node:url';
import type { ThrottlePolicy } from '@qianke/core/accounts/login-throttle';
import { authRoutes } from './accounts/auth.routes';
import { createAuthService } from './accounts/auth.service';
import { usersRoutes } from './accounts/users.routes';
import { createUsersService } from './accounts/users.service';
import type { Config } from './config';
import { loadDemoDealership } from './demo/load-demo';
import { healthRoutes } from './health/health.routes';
import { type Clock, systemClock } from './infra/clock';
import { argon2Hasher, type PasswordHasher } from './infra/crypto/passwords';
import { openDatabase } from './infra/db/database';
import { createHttpApp } from './infra/http/create-http-app';
import { setupRoutes } from './setup/setup.routes';
import { createSetupService } from './setup/setup.service';
import { createSourcesService } from './sources/sources.service';
import { storesRoutes } from './stores/stores.routes';
import { createStoresService } from './stores/stores.service';

export const VERSION = '0.1.0';
export const DEMO_PASSWORD = 'demo1234';

export type ServerOverrides = {
  clock?: Clock;
  hasher?: PasswordHasher;
  throttlePolicy?: ThrottlePolicy;
  sleep?: (ms: number) => Promise<void>;
};

const defaultWebDist = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** The one place where the database, repositories, services and routes are wired together. */
export const buildServer = async (config: Config, overrides: ServerOverrides = {}) => {
  const clock = overrides.clock ?? systemClock;
  const hasher = overrides.hasher ?? argon2Hasher;
  const database = await openDatabase(config.database);
  const { db } = database;
  const cookie = { secure: config.session.secureCookie, maxAgeSeconds: config.session.absoluteHours * 3600 };

  const stores = createStoresService({ db });
  const sources = createSourcesService();
  const users = createUsersService({ db, hasher, clock });
  const auth = createAuthService({
    db,
    hasher,
    clock,
    stores,
    sessionPolicy: config.session,
    ...(overrides.throttlePolicy ? { throttlePolicy: overrides.throttlePolicy } : {}),
    ...(overrides.sleep ? { sleep: overrides.sleep } : {}),
  });
  const setup = createSetupService({
    db,
    dbKind: database.kind,
    version: VERSION,
    stores,
    users,
    sources,
    auth,
  });

  if (config.demo && !(await setup.installation())) {
    await loadDemoDealership(db, { now: clock.now(), passwordHash: await hasher.hash(DEMO_PASSWORD) });
  }

  const app = await createHttpApp({
    logLevel: config.logLevel,
    version: VERSION,
    resolveSession: auth.resolveSession,
    webDist: config.webDist ?? defaultWebDist,
  });
  await app.register(healthRoutes(database));
  await app.register(setupRoutes(setup, cookie));
  await app.register(authRoutes(auth, cookie));
  await app.register(usersRoutes(users));
  await app.register(storesRoutes(stores));
  app.addHook('onClose', async () => database.close());
  await app.ready();
  return { app, database };
};

export type QiankeServer = Awaited<ReturnType<typeof buildServer>>;
