import type { TListUsersQuery } from '@qianke/contracts/accounts';
import type { Role } from '@qianke/core/accounts/roles';
import { and, asc, eq, getTableColumns, ilike, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../infra/db/database';
import { userRoles, users } from '../infra/db/schema/index';

export type UserRow = typeof users.$inferSelect & { roles: Role[] };

const rolesOf = sql<
  Role[]
>`array(select r.role from ${userRoles} r where r.dealer_id = ${users.dealerId} and r.user_id = ${users.id} order by r.role)`;

const withRoles = { ...getTableColumns(users), roles: rolesOf };

/** Login looks a user up by name alone: usernames are unique across the installation. */
export const findUserByUsername = async (db: Executor, username: string): Promise<UserRow | undefined> => {
  const [row] = await db.select(withRoles).from(users).where(eq(users.username, username)).limit(1);
  return row;
};

export const findUser = async (db: Executor, dealerId: string, id: string): Promise<UserRow | undefined> => {
  const [row] = await db
    .select(withRoles)
    .from(users)
    .where(and(eq(users.dealerId, dealerId), eq(users.id, id)))
    .limit(1);
  return row;
};

const SORT_COLUMNS = {
  username: users.username,
  displayName: users.displayName,
  createdAt: users.createdAt,
  lastLoginAt: users.lastLoginAt,
} as const;

export const listUsers = async (
  db: Executor,
  dealerId: string,
  query: TListUsersQuery,
): Promise<{ items: UserRow[]; total: number }> => {
  const conditions: (SQL | undefined)[] = [eq(users.dealerId, dealerId)];
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(users.username, pattern), ilike(users.displayName, pattern)));
  }
  if (query.status === 'active') conditions.push(isNull(users.disabledAt));
  if (query.status === 'disabled') conditions.push(isNotNull(users.disabledAt));
  if (query.role) {
    conditions.push(
      sql`exists (select 1 from ${userRoles} r where r.dealer_id = ${users.dealerId} and r.user_id = ${users.id} and r.role = ${query.role})`,
    );
  }
  const where = and(...conditions);
  // Users who never logged in sort last in both directions.
  const order = sql`${SORT_COLUMNS[query.sort]} ${sql.raw(query.order === 'desc' ? 'desc' : 'asc')} nulls last`;
  const [items, [count]] = await Promise.all([
    db
      .select(withRoles)
      .from(users)
      .where(where)
      .orderBy(order, asc(users.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(users).where(where),
  ]);
  return { items, total: count?.total ?? 0 };
};

export type NewUser = {
  dealerId: string;
  username: string;
  displayName: string;
  passwordHash: string;
  roles: Role[];
  consultantCode?: string | null | undefined;
  groupAdmin?: boolean;
  mustChangePassword?: boolean;
};

export const insertUser = async (db: Executor, user: NewUser): Promise<string> => {
  const [row] = await db
    .insert(users)
    .values({
      dealerId: user.dealerId,
      username: user.username,
      displayName: user.displayName,
      passwordHash: user.passwordHash,
      consultantCode: user.consultantCode ?? null,
      groupAdmin: user.groupAdmin ?? false,
      mustChangePassword: user.mustChangePassword ?? false,
    })
    .returning({ id: users.id });
  if (!row) throw new Error('insert into users returned no row');
  await db
    .insert(userRoles)
    .values(user.roles.map((role) => ({ dealerId: user.dealerId, userId: row.id, role })));
  return row.id;
};

export type UserPatch = Partial<
  Pick<
    typeof users.$inferInsert,
    'displayName' | 'consultantCode' | 'disabledAt' | 'passwordHash' | 'mustChangePassword' | 'lastLoginAt'
  >
>;

/** Applies a patch if the row is still at `version` (optimistic locking); undefined when it is not. */
export const updateUser = async (
  db: Executor,
  dealerId: string,
  id: string,
  patch: UserPatch,
  expectedVersion?: number,
): Promise<boolean> => {
  const rows = await db
    .update(users)
    .set({ ...patch, updatedAt: sql`now()`, version: sql`${users.version} + 1` })
    .where(
      and(
        eq(users.dealerId, dealerId),
        eq(users.id, id),
        expectedVersion === undefined ? undefined : eq(users.version, expectedVersion),
      ),
    )
    .returning({ id: users.id });
  return rows.length > 0;
};

export const replaceRoles = async (db: Executor, dealerId: string, userId: string, roles: Role[]) => {
  await db.delete(userRoles).where(and(eq(userRoles.dealerId, dealerId), eq(userRoles.userId, userId)));
  await db.insert(userRoles).values(roles.map((role) => ({ dealerId, userId, role })));
};

export const recordLogin = async (db: Executor, dealerId: string, id: string, at: Date) => {
  await db
    .update(users)
    .set({ lastLoginAt: at })
    .where(and(eq(users.dealerId, dealerId), eq(users.id, id)));
};
