import type { TStore, TUpdateStoreRequest } from '@qianke/contracts/stores';
import { openingHoursProblem } from '@qianke/core/assignment/unassigned-alert';
import { DomainError } from '@qianke/core/shared/domain-error';
import { recordAudit } from '../infra/audit/record-audit';
import type { Db, Executor } from '../infra/db/database';
import { uniqueViolationOf } from '../infra/db/pg-errors';
import type { AuthContext } from '../infra/http/auth-context';
import {
  findStore,
  insertGroup,
  insertStore,
  listGroupStores,
  type StoreSettings,
  updateStore,
} from './stores.repo';

const settingsOf = (store: StoreSettings): StoreSettings => ({
  name: store.name,
  code: store.code,
  timeZone: store.timeZone,
  opensAt: store.opensAt,
  closesAt: store.closesAt,
  unassignedAlertMinutes: store.unassignedAlertMinutes,
});

export const createStoresService = ({ db }: { db: Db }) => {
  /** A group admin reaches every store of the group; everyone else only their own store. */
  const listAccessible = async (ctx: AuthContext): Promise<TStore[]> => {
    if (ctx.groupAdmin) return listGroupStores(db, ctx.groupId);
    const own = await findStore(db, ctx.homeDealerId);
    return own ? [own] : [];
  };

  const get = async (ctx: AuthContext, id: string): Promise<TStore> => {
    const store = await findStore(db, id);
    const reachable =
      store && (ctx.groupAdmin ? store.groupId === ctx.groupId : store.id === ctx.homeDealerId);
    if (!reachable) throw new DomainError('not_found', 'There is no such store.');
    return store;
  };

  const update = async (ctx: AuthContext, id: string, input: TUpdateStoreRequest): Promise<TStore> => {
    const before = await get(ctx, id);
    // Opening hours and the alert limit left out stay as they are.
    const after = settingsOf({
      name: input.name,
      code: input.code,
      timeZone: input.timeZone,
      opensAt: input.opensAt ?? before.opensAt,
      closesAt: input.closesAt ?? before.closesAt,
      unassignedAlertMinutes: input.unassignedAlertMinutes ?? before.unassignedAlertMinutes,
    });
    const hoursProblem = openingHoursProblem(after);
    if (hoursProblem) {
      throw new DomainError('validation_failed', hoursProblem, { fields: { closesAt: hoursProblem } });
    }
    try {
      await db.transaction(async (tx) => {
        const updated = await updateStore(tx, id, input.version, after);
        if (!updated) {
          throw new DomainError(
            'stale_version',
            'Someone else changed this store in the meantime. Reload and try again.',
          );
        }
        await recordAudit(tx, {
          dealerId: id,
          actorId: ctx.userId,
          action: 'store.update',
          entity: 'store',
          entityId: id,
          before: settingsOf(before),
          after,
        });
      });
    } catch (error) {
      if (uniqueViolationOf(error) !== undefined) {
        throw new DomainError('conflict', 'Another store of the group already uses this code.', {
          fields: { code: 'Another store of the group already uses this code.' },
        });
      }
      throw error;
    }
    return get(ctx, id);
  };

  /** For the set-up page: the first group and its first store, inside the caller's transaction. */
  const createGroupWithStore = async (
    tx: Executor,
    input: { groupName: string; storeName: string; storeCode: string; timeZone: string },
  ): Promise<{ groupId: string; storeId: string }> => {
    const groupId = await insertGroup(tx, input.groupName);
    const storeId = await insertStore(tx, {
      groupId,
      name: input.storeName,
      code: input.storeCode,
      timeZone: input.timeZone,
    });
    return { groupId, storeId };
  };

  return { listAccessible, get, update, createGroupWithStore };
};

export type StoresService = ReturnType<typeof createStoresService>;
