import type { TMe } from '@qianke/contracts/auth';
import type { TAppMeta, TSetupRequest } from '@qianke/contracts/setup';
import { DomainError } from '@qianke/core/shared/domain-error';
import type { AuthService, ClientInfo } from '../accounts/auth.service';
import type { UsersService } from '../accounts/users.service';
import { createDefaultDefeatReasons } from '../defeat/defeat.service';
import type { DatabaseKind, Db } from '../infra/db/database';
import type { SourcesService } from '../sources/sources.service';
import type { StoresService } from '../stores/stores.service';
import { claimInstallation, findInstallation, type InstallationMode } from './installation.repo';

export type SetupServiceDeps = {
  db: Db;
  dbKind: DatabaseKind;
  version: string;
  stores: StoresService;
  users: UsersService;
  sources: SourcesService;
  auth: AuthService;
};

/** The first run of an installation without the demo: create the group, its first store and its admin. */
export const createSetupService = (deps: SetupServiceDeps) => {
  const { db } = deps;
  // Once installed, always installed: no need to ask the database again.
  let installed: { mode: InstallationMode } | undefined;

  const installation = async () => {
    installed ??= await findInstallation(db);
    return installed;
  };

  const meta = async (): Promise<TAppMeta> => {
    const current = await installation();
    return { demo: current?.mode === 'demo', setupNeeded: !current, db: deps.dbKind, version: deps.version };
  };

  const setUp = async (input: TSetupRequest, client: ClientInfo): Promise<{ token: string; me: TMe }> => {
    const token = await db.transaction(async (tx) => {
      if (!(await claimInstallation(tx, 'setup'))) {
        throw new DomainError('conflict', 'Qianke is already set up. Log in instead.');
      }
      const { storeId } = await deps.stores.createGroupWithStore(tx, input);
      await deps.sources.createDefaultTree(tx, storeId);
      await createDefaultDefeatReasons(tx, storeId);
      const adminId = await deps.users.createFirstAdmin(tx, {
        dealerId: storeId,
        username: input.adminUsername,
        displayName: input.adminDisplayName,
        password: input.adminPassword,
      });
      return deps.auth.startSession(tx, { dealerId: storeId, id: adminId }, client);
    });
    installed = { mode: 'setup' };
    const ctx = await deps.auth.resolveSession(token);
    if (!ctx) throw new Error('the first administrator session could not be read back');
    return { token, me: await deps.auth.me(ctx) };
  };

  return { meta, setUp, installation };
};

export type SetupService = ReturnType<typeof createSetupService>;
