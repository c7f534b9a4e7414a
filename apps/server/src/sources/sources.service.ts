import type {
  TCreateSourceRequest,
  TSourceNode,
  TSourceTree,
  TUpdateSourceRequest,
} from '@qianke/contracts/sources';
import { DEFAULT_SOURCES } from '@qianke/core/customers/default-sources';
import { childTierOf, nextSortAfter } from '@qianke/core/customers/source-tree';
import { DomainError } from '@qianke/core/shared/domain-error';
import { recordAudit } from '../infra/audit/record-audit';
import type { Db, Executor } from '../infra/db/database';
import { uniqueViolationOf } from '../infra/db/pg-errors';
import type { AuthContext } from '../infra/http/auth-context';
import {
  findSource,
  insertSource,
  insertSourceTree,
  listSources,
  type SourcePatch,
  type SourceRow,
  siblingSorts,
  updateSource,
} from './sources.repo';

const toNode = (row: SourceRow): TSourceNode => ({
  id: row.id,
  parentId: row.parentId,
  tier: row.tier,
  code: row.code,
  nameZh: row.nameZh,
  nameEn: row.nameEn,
  active: row.active,
  sort: row.sort,
  version: row.version,
});

/** Rows in sibling order -> channels, each with its sources, each with its sub-sources. */
const treeOf = (rows: readonly SourceRow[]): TSourceTree => {
  const childrenOf = (parentId: string) => rows.filter((row) => row.parentId === parentId);
  return {
    items: rows
      .filter((row) => row.parentId === null)
      .map((channel) => ({
        ...toNode(channel),
        children: childrenOf(channel.id).map((source) => ({
          ...toNode(source),
          children: childrenOf(source.id).map(toNode),
        })),
      })),
  };
};

const notFound = () => new DomainError('not_found', 'There is no such source in this store.');

const codeTaken = (error: unknown): DomainError | undefined => {
  if (uniqueViolationOf(error) !== 'lead_sources_code_key') return undefined;
  const message = 'Another source of this store has this code.';
  return new DomainError('conflict', message, { fields: { code: message } });
};

export type SourcesServiceDeps = { db: Db };

/** The per-store source tree (DOMAIN §2): channel -> source -> sub-source. */
export const createSourcesService = ({ db }: SourcesServiceDeps) => {
  /** A new store starts with the default tree of DOMAIN §2, inside the caller's transaction. */
  const createDefaultTree = async (tx: Executor, dealerId: string) => {
    await insertSourceTree(tx, dealerId, DEFAULT_SOURCES);
  };

  const tree = async (ctx: AuthContext): Promise<TSourceTree> => treeOf(await listSources(db, ctx.dealerId));

  const get = async (ctx: AuthContext, id: string): Promise<TSourceNode> => {
    const row = await findSource(db, ctx.dealerId, id);
    if (!row) throw notFound();
    return toNode(row);
  };

  /** Adds a channel, or a node one tier below its parent. */
  const create = async (ctx: AuthContext, input: TCreateSourceRequest): Promise<TSourceNode> => {
    const parentId = input.parentId ?? null;
    const parent = parentId ? await findSource(db, ctx.dealerId, parentId) : undefined;
    if (parentId && !parent) {
      const message = 'Choose a node of this store’s source tree.';
      throw new DomainError('validation_failed', message, { fields: { parentId: message } });
    }
    const tier = childTierOf(parent?.tier ?? null);
    if (!tier) {
      const message = 'A sub-source cannot have sources under it.';
      throw new DomainError('validation_failed', message, { fields: { parentId: message } });
    }
    try {
      const id = await db.transaction(async (tx) => {
        const sort = input.sort ?? nextSortAfter(await siblingSorts(tx, ctx.dealerId, parentId));
        const sourceId = await insertSource(tx, {
          dealerId: ctx.dealerId,
          parentId,
          tier,
          code: input.code,
          nameZh: input.nameZh,
          nameEn: input.nameEn,
          sort,
        });
        await recordAudit(tx, {
          dealerId: ctx.dealerId,
          actorId: ctx.userId,
          action: 'source.create',
          entity: 'lead_source',
          entityId: sourceId,
          after: { parentId, tier, code: input.code, nameZh: input.nameZh, nameEn: input.nameEn, sort },
        });
        return sourceId;
      });
      return get(ctx, id);
    } catch (error) {
      throw codeTaken(error) ?? error;
    }
  };

  /** Renames, reorders, deactivates or reactivates a node; codes never change and nodes are never deleted. */
  const update = async (ctx: AuthContext, id: string, input: TUpdateSourceRequest): Promise<TSourceNode> => {
    const before = await findSource(db, ctx.dealerId, id);
    if (!before) throw notFound();
    const patch: SourcePatch = {};
    for (const key of ['nameZh', 'nameEn', 'sort', 'active'] as const) {
      if (input[key] !== undefined && input[key] !== before[key]) Object.assign(patch, { [key]: input[key] });
    }
    const stale = new DomainError(
      'stale_version',
      'Someone else changed this source in the meantime. Reload and try again.',
    );
    if (before.version !== input.version) throw stale;
    if (Object.keys(patch).length === 0) return toNode(before);
    await db.transaction(async (tx) => {
      if (!(await updateSource(tx, ctx.dealerId, id, patch, input.version))) throw stale;
      await recordAudit(tx, {
        dealerId: ctx.dealerId,
        actorId: ctx.userId,
        action: 'source.update',
        entity: 'lead_source',
        entityId: id,
        before: Object.fromEntries(Object.keys(patch).map((key) => [key, before[key as keyof SourcePatch]])),
        after: patch,
      });
    });
    return get(ctx, id);
  };

  return { createDefaultTree, tree, create, update };
};

export type SourcesService = ReturnType<typeof createSourcesService>;
