import type { Executor } from '../infra/db/database';
import { installation } from '../infra/db/schema/index';

export type InstallationMode = 'demo' | 'setup';

export const findInstallation = async (db: Executor): Promise<{ mode: InstallationMode } | undefined> => {
  const [row] = await db.select({ mode: installation.mode }).from(installation).limit(1);
  return row;
};

/** Claims the single installation row; false when another set-up got there first. */
export const claimInstallation = async (db: Executor, mode: InstallationMode): Promise<boolean> => {
  const rows = await db
    .insert(installation)
    .values({ id: 1, mode })
    .onConflictDoNothing()
    .returning({ id: installation.id });
  return rows.length > 0;
};
