import { DEFAULT_SOURCES } from '@qianke/core/customers/default-sources';
import type { Executor } from '../infra/db/database';
import { insertSourceTree } from './sources.repo';

/** The per-store source tree (DOMAIN §2): channel -> source -> sub-source. */
export const createSourcesService = () => {
  /** A new store starts with the default tree of DOMAIN §2, inside the caller's transaction. */
  const createDefaultTree = async (tx: Executor, dealerId: string) => {
    await insertSourceTree(tx, dealerId, DEFAULT_SOURCES);
  };
  return { createDefaultTree };
};

export type SourcesService = ReturnType<typeof createSourcesService>;
