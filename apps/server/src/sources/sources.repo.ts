import type { SourceNode } from '@qianke/core/customers/default-sources';
import type { Executor } from '../infra/db/database';
import { leadSources } from '../infra/db/schema/index';
import { sourceRowsFor } from './source-rows';

/** Writes a whole source tree for one store, parents before children, in one statement. */
export const insertSourceTree = async (db: Executor, dealerId: string, tree: readonly SourceNode[]) => {
  await db.insert(leadSources).values(sourceRowsFor(dealerId, { tree }));
};
