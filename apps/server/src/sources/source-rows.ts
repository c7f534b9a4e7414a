import { DEFAULT_SOURCES, type SourceNode } from '@qianke/core/customers/default-sources';
import { uuidv7 } from 'uuidv7';
import type { leadSources } from '../infra/db/schema/index';

export type LeadSourceRow = typeof leadSources.$inferInsert;

export type SourceRowsOptions = {
  /** Makes the ids; uuid v7 unless given (the demo passes a seeded one). */
  newId?: () => string;
  /** created_at and updated_at; the database's now() unless given. */
  at?: Date;
  /** The tree to write; the default tree of DOMAIN §2 unless given. */
  tree?: readonly SourceNode[];
};

/**
 * The rows of `lead_sources` for one store: the whole tree with ids made here, so a child's parent_id
 * is known before anything is written. Parents come before children; insert them in one statement.
 */
export const sourceRowsFor = (dealerId: string, options: SourceRowsOptions = {}): LeadSourceRow[] => {
  const { newId = uuidv7, at, tree = DEFAULT_SOURCES } = options;
  const ids = new Map(tree.map((source) => [source.code, newId()]));
  return tree.map((source) => {
    const parentId = source.parentCode === null ? null : ids.get(source.parentCode);
    if (parentId === undefined)
      throw new Error(`source ${source.code} names a missing parent ${source.parentCode}`);
    return {
      dealerId,
      id: ids.get(source.code),
      parentId,
      tier: source.tier,
      code: source.code,
      nameZh: source.nameZh,
      nameEn: source.nameEn,
      sort: source.sort,
      ...(at ? { createdAt: at, updatedAt: at } : {}),
    };
  });
};
