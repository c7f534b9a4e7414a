import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../infra/db/database';
import { dealerGroups, dealers } from '../infra/db/schema/index';

export type StoreRow = {
  id: string;
  groupId: string;
  groupName: string;
  name: string;
  code: string;
  timeZone: string;
  opensAt: string;
  closesAt: string;
  unassignedAlertMinutes: number;
  version: number;
};

const storeColumns = {
  id: dealers.id,
  groupId: dealers.groupId,
  groupName: dealerGroups.name,
  name: dealers.name,
  code: dealers.code,
  timeZone: dealers.timeZone,
  opensAt: dealers.opensAt,
  closesAt: dealers.closesAt,
  unassignedAlertMinutes: dealers.unassignedAlertMinutes,
  version: dealers.version,
};

/** What the store settings page changes. */
export type StoreSettings = Omit<StoreRow, 'id' | 'groupId' | 'groupName' | 'version'>;

export const listGroupStores = async (db: Executor, groupId: string): Promise<StoreRow[]> =>
  db
    .select(storeColumns)
    .from(dealers)
    .innerJoin(dealerGroups, eq(dealerGroups.id, dealers.groupId))
    .where(eq(dealers.groupId, groupId))
    .orderBy(asc(dealers.code));

export const findStore = async (db: Executor, id: string): Promise<StoreRow | undefined> => {
  const [row] = await db
    .select(storeColumns)
    .from(dealers)
    .innerJoin(dealerGroups, eq(dealerGroups.id, dealers.groupId))
    .where(eq(dealers.id, id))
    .limit(1);
  return row;
};

export const updateStore = async (
  db: Executor,
  id: string,
  expectedVersion: number,
  patch: StoreSettings,
): Promise<boolean> => {
  const rows = await db
    .update(dealers)
    .set({ ...patch, updatedAt: sql`now()`, version: sql`${dealers.version} + 1` })
    .where(and(eq(dealers.id, id), eq(dealers.version, expectedVersion)))
    .returning({ id: dealers.id });
  return rows.length > 0;
};

export const insertGroup = async (db: Executor, name: string): Promise<string> => {
  const [row] = await db.insert(dealerGroups).values({ name }).returning({ id: dealerGroups.id });
  if (!row) throw new Error('insert into dealer_groups returned no row');
  return row.id;
};

export const insertStore = async (
  db: Executor,
  store: { groupId: string; name: string; code: string; timeZone: string },
): Promise<string> => {
  const [row] = await db.insert(dealers).values(store).returning({ id: dealers.id });
  if (!row) throw new Error('insert into dealers returned no row');
  return row.id;
};
