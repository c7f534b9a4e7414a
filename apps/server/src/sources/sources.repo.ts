import type { SourceNode } from '@qianke/core/customers/default-sources';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../infra/db/database';
import { leadSources } from '../infra/db/schema/index';
import { type LeadSourceRow, sourceRowsFor } from './source-rows';

/** Writes a whole source tree for one store, parents before children, in one statement. */
export const insertSourceTree = async (db: Executor, dealerId: string, tree: readonly SourceNode[]) => {
  await db.insert(leadSources).values(sourceRowsFor(dealerId, { tree }));
};

export type SourceRow = typeof leadSources.$inferSelect;

/** The whole tree of a store, siblings in their order. */
export const listSources = (db: Executor, dealerId: string): Promise<SourceRow[]> =>
  db
    .select()
    .from(leadSources)
    .where(eq(leadSources.dealerId, dealerId))
    .orderBy(asc(leadSources.sort), asc(leadSources.code));

export const findSource = async (
  db: Executor,
  dealerId: string,
  id: string,
): Promise<SourceRow | undefined> => {
  const [row] = await db
    .select()
    .from(leadSources)
    .where(and(eq(leadSources.dealerId, dealerId), eq(leadSources.id, id)));
  return row;
};

export const siblingSorts = async (
  db: Executor,
  dealerId: string,
  parentId: string | null,
): Promise<number[]> => {
  const rows = await db
    .select({ sort: leadSources.sort })
    .from(leadSources)
    .where(
      and(
        eq(leadSources.dealerId, dealerId),
        parentId === null ? isNull(leadSources.parentId) : eq(leadSources.parentId, parentId),
      ),
    );
  return rows.map((row) => row.sort);
};

export const insertSource = async (db: Executor, row: LeadSourceRow): Promise<string> => {
  const [inserted] = await db.insert(leadSources).values(row).returning({ id: leadSources.id });
  if (!inserted) throw new Error('insert into lead_sources returned no row');
  return inserted.id;
};

export type SourcePatch = Partial<Pick<LeadSourceRow, 'nameZh' | 'nameEn' | 'sort' | 'active'>>;

/** Applies a patch if the row is still at `version`; false when it is not. */
export const updateSource = async (
  db: Executor,
  dealerId: string,
  id: string,
  patch: SourcePatch,
  expectedVersion: number,
): Promise<boolean> => {
  const rows = await db
    .update(leadSources)
    .set({ ...patch, updatedAt: sql`now()`, version: sql`${leadSources.version} + 1` })
    .where(
      and(
        eq(leadSources.dealerId, dealerId),
        eq(leadSources.id, id),
        eq(leadSources.version, expectedVersion),
      ),
    )
    .returning({ id: leadSources.id });
  return rows.length > 0;
};
