import { randomBytes } from 'node:crypto';
import type { TApiKey, TCreateApiKeyRequest, TCreatedApiKey } from '@qianke/contracts/intake';
import {
  API_KEY_PREFIX,
  API_KEY_RANDOM_LENGTH,
  displayPrefixOf,
  maskApiKey,
} from '@qianke/core/intake/api-key';
import { DomainError } from '@qianke/core/shared/domain-error';
import { recordAudit } from '../infra/audit/record-audit';
import type { Clock } from '../infra/clock';
import { hashToken } from '../infra/crypto/tokens';
import type { Db, Executor } from '../infra/db/database';
import type { ApiKeyContext, AuthContext } from '../infra/http/auth-context';
import {
  type ApiKeyRow,
  findApiKey,
  findKeyInUseByHash,
  insertApiKey,
  listApiKeys,
  revokeApiKey,
} from './api-keys.repo';

export const toApiKey = (row: ApiKeyRow): TApiKey => ({
  id: row.id,
  name: row.name,
  maskedKey: maskApiKey(row.prefix),
  createdAt: row.createdAt.toISOString(),
  createdByName: row.createdByName,
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  revokedAt: row.revokedAt?.toISOString() ?? null,
});

/** `qk_` and 32 base64url characters (24 random bytes, 192 bits). */
const newApiKey = (): string =>
  API_KEY_PREFIX + randomBytes((API_KEY_RANDOM_LENGTH * 3) / 4).toString('base64url');

export type ApiKeysServiceDeps = { db: Db; clock: Clock };

/**
 * Per-store keys of the intake API (portals, the brand website, the 400 line). A key is shown once;
 * the store keeps its SHA-256 only. Revoking is for good: a sender with a revoked key gets 401.
 */
export const createApiKeysService = ({ db, clock }: ApiKeysServiceDeps) => {
  const load = async (tx: Executor, dealerId: string, id: string) => {
    const row = await findApiKey(tx, dealerId, id);
    if (!row) throw new DomainError('not_found', 'There is no such API key in this store.');
    return row;
  };

  const list = async (ctx: AuthContext) => ({ items: (await listApiKeys(db, ctx.dealerId)).map(toApiKey) });

  const create = async (ctx: AuthContext, input: TCreateApiKeyRequest): Promise<TCreatedApiKey> => {
    const key = newApiKey();
    const prefix = displayPrefixOf(key);
    const row = await db.transaction(async (tx) => {
      const id = await insertApiKey(tx, {
        dealerId: ctx.dealerId,
        name: input.name,
        prefix,
        keyHash: hashToken(key),
        createdBy: ctx.userId,
        at: clock.now(),
      });
      await recordAudit(tx, {
        dealerId: ctx.dealerId,
        actorId: ctx.userId,
        action: 'api_key.create',
        entity: 'api_key',
        entityId: id,
        after: { name: input.name, prefix },
      });
      return load(tx, ctx.dealerId, id);
    });
    return { ...toApiKey(row), key };
  };

  /** Revoking a revoked key changes nothing and answers it as it is. */
  const revoke = async (ctx: AuthContext, id: string): Promise<TApiKey> => {
    const row = await db.transaction(async (tx) => {
      const before = await load(tx, ctx.dealerId, id);
      const now = clock.now();
      if (await revokeApiKey(tx, ctx.dealerId, id, now)) {
        await recordAudit(tx, {
          dealerId: ctx.dealerId,
          actorId: ctx.userId,
          action: 'api_key.revoke',
          entity: 'api_key',
          entityId: id,
          before: { name: before.name, prefix: before.prefix, revokedAt: null },
          after: { revokedAt: now.toISOString() },
        });
      }
      return load(tx, ctx.dealerId, id);
    });
    return toApiKey(row);
  };

  /** The store behind `Authorization: Bearer <key>`; null for an unknown or revoked key. */
  const resolve = async (key: string): Promise<ApiKeyContext | null> => {
    const found = await findKeyInUseByHash(db, hashToken(key));
    return found ? { dealerId: found.dealerId, keyId: found.id, lastUsedAt: found.lastUsedAt } : null;
  };

  return { list, create, revoke, resolve };
};

export type ApiKeysService = ReturnType<typeof createApiKeysService>;
