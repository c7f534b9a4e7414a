import { resolve } from 'node:path';
import { z } from 'zod';

/** Every setting Qianke reads from the environment, in one place (README lists them). */
const ZEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  QIANKE_DATA_DIR: z.string().default('./data'),
  QIANKE_PREPARED_STATEMENTS: z.enum(['0', '1']).default('1'),
  QIANKE_DEMO: z.enum(['0', '1']).optional(),
  QIANKE_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .default(8 * 60),
  QIANKE_SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .default(7 * 24),
  QIANKE_COOKIE_SECURE: z.enum(['0', '1']).default('0'),
  QIANKE_WEB_DIST: z.string().optional(),
  QIANKE_JOB_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = {
  port: number;
  host: string;
  /**
   * PostgreSQL's connections prepare their statements unless `preparedStatements` is false
   * (QIANKE_PREPARED_STATEMENTS=0, for a pooler in transaction mode that cannot keep them).
   */
  database:
    | { kind: 'postgres'; url: string; preparedStatements?: boolean }
    | { kind: 'pglite'; dataDir?: string };
  /** The demo dealership is loaded into an empty embedded database unless QIANKE_DEMO=0. */
  demo: boolean;
  session: { idleMinutes: number; absoluteHours: number; secureCookie: boolean };
  webDist: string | undefined;
  logLevel: z.infer<typeof ZEnv>['LOG_LEVEL'];
  /**
   * The time-based checks (overdue tasks, unassigned leads) run every this many seconds. 0 or absent:
   * not at all (a test server builds its config by hand and runs the checks itself, at a given time).
   */
  jobIntervalSeconds?: number;
};

/**
 * A relative QIANKE_DATA_DIR or QIANKE_WEB_DIST is read from where `npm start` was typed (npm's
 * INIT_CWD, the repository root), not from apps/server where npm runs the workspace script; without
 * npm, from the working directory.
 */
export const loadConfig = (env: NodeJS.ProcessEnv = process.env): Config => {
  const parsed = ZEnv.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Qianke cannot start: check these environment variables:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const startDir = env.INIT_CWD ?? process.cwd();
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL, preparedStatements: e.QIANKE_PREPARED_STATEMENTS === '1' }
      : { kind: 'pglite', dataDir: resolve(startDir, e.QIANKE_DATA_DIR) },
    demo: !e.DATABASE_URL && e.QIANKE_DEMO !== '0',
    session: {
      idleMinutes: e.QIANKE_SESSION_IDLE_MINUTES,
      absoluteHours: e.QIANKE_SESSION_ABSOLUTE_HOURS,
      secureCookie: e.QIANKE_COOKIE_SECURE === '1',
    },
    webDist: e.QIANKE_WEB_DIST === undefined ? undefined : resolve(startDir, e.QIANKE_WEB_DIST),
    logLevel: e.LOG_LEVEL,
    jobIntervalSeconds: e.QIANKE_JOB_INTERVAL_SECONDS,
  };
};
