import type {
  TCreateUserRequest,
  TListUsersQuery,
  TUpdateUserRequest,
  TUser,
} from '@qianke/contracts/accounts';
import { passwordProblem } from '@qianke/core/accounts/password-policy';
import type { Role } from '@qianke/core/accounts/roles';
import { DomainError } from '@qianke/core/shared/domain-error';
import { recordAudit } from '../infra/audit/record-audit';
import type { Clock } from '../infra/clock';
import type { PasswordHasher } from '../infra/crypto/passwords';
import type { Db, Executor } from '../infra/db/database';
import { uniqueViolationOf } from '../infra/db/pg-errors';
import type { AuthContext } from '../infra/http/auth-context';
import { revokeUserSessions } from './sessions.repo';
import { findUser, insertUser, listUsers, replaceRoles, type UserRow, updateUser } from './users.repo';

export const toUser = (row: UserRow): TUser => ({
  id: row.id,
  username: row.username,
  displayName: row.displayName,
  roles: row.roles,
  groupAdmin: row.groupAdmin,
  disabled: row.disabledAt !== null,
  consultantCode: row.consultantCode,
  mustChangePassword: row.mustChangePassword,
  lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString(),
  version: row.version,
});

const auditView = (row: UserRow) => ({
  displayName: row.displayName,
  roles: row.roles,
  consultantCode: row.consultantCode,
  disabled: row.disabledAt !== null,
});

/** Turns a unique-constraint failure into a message next to the field that caused it. */
const uniqueConflict = (error: unknown): DomainError | undefined => {
  const constraint = uniqueViolationOf(error);
  if (constraint === undefined) return undefined;
  if (constraint === 'users_username_key') {
    return new DomainError('conflict', 'This username is taken.', {
      fields: { username: 'This username is taken.' },
    });
  }
  if (constraint === 'users_dealer_consultant_code_key') {
    const message = 'Another consultant of this store has this code.';
    return new DomainError('conflict', message, { fields: { consultantCode: message } });
  }
  return new DomainError('conflict', 'This user already exists.');
};

export type UsersServiceDeps = { db: Db; hasher: PasswordHasher; clock: Clock };

export const createUsersService = ({ db, hasher, clock }: UsersServiceDeps) => {
  const get = async (ctx: AuthContext, id: string): Promise<TUser> =>
    toUser(await load(db, ctx.dealerId, id));

  const list = async (ctx: AuthContext, query: TListUsersQuery) => {
    const { items, total } = await listUsers(db, ctx.dealerId, query);
    return { items: items.map(toUser), total };
  };

  const create = async (ctx: AuthContext, input: TCreateUserRequest): Promise<TUser> => {
    const passwordHash = await hasher.hash(input.password);
    try {
      const id = await db.transaction(async (tx) => {
        const userId = await insertUser(tx, {
          dealerId: ctx.dealerId,
          username: input.username,
          displayName: input.displayName,
          passwordHash,
          roles: unique(input.roles),
          consultantCode: input.consultantCode ?? null,
          mustChangePassword: true,
        });
        const created = await load(tx, ctx.dealerId, userId);
        await recordAudit(tx, {
          dealerId: ctx.dealerId,
          actorId: ctx.userId,
          action: 'user.create',
          entity: 'user',
          entityId: userId,
          after: { username: created.username, ...auditView(created) },
        });
        return userId;
      });
      return get(ctx, id);
    } catch (error) {
      throw uniqueConflict(error) ?? error;
    }
  };

  const update = async (ctx: AuthContext, id: string, input: TUpdateUserRequest): Promise<TUser> => {
    const before = await load(db, ctx.dealerId, id);
    if (id === ctx.userId && input.disabled === true) {
      throw new DomainError('validation_failed', 'You cannot disable your own account.', {
        fields: { disabled: 'You cannot disable your own account.' },
      });
    }
    if (
      id === ctx.userId &&
      input.roles &&
      before.roles.includes('admin') &&
      !input.roles.includes('admin')
    ) {
      const message = 'You cannot remove your own administrator role: ask another administrator.';
      throw new DomainError('validation_failed', message, { fields: { roles: message } });
    }
    const now = clock.now();
    try {
      await db.transaction(async (tx) => {
        const disabledAt =
          input.disabled === undefined ? undefined : input.disabled ? (before.disabledAt ?? now) : null;
        const updated = await updateUser(
          tx,
          ctx.dealerId,
          id,
          {
            ...(input.displayName !== undefined ? { displayName: input.displayName } : {}),
            ...(input.consultantCode !== undefined ? { consultantCode: input.consultantCode } : {}),
            ...(disabledAt !== undefined ? { disabledAt } : {}),
          },
          input.version,
        );
        if (!updated) {
          throw new DomainError(
            'stale_version',
            'Someone else changed this user in the meantime. Reload and try again.',
          );
        }
        if (input.roles) await replaceRoles(tx, ctx.dealerId, id, unique(input.roles));
        if (input.disabled === true) await revokeUserSessions(tx, ctx.dealerId, id, now);
        const after = await load(tx, ctx.dealerId, id);
        await recordAudit(tx, {
          dealerId: ctx.dealerId,
          actorId: ctx.userId,
          action: 'user.update',
          entity: 'user',
          entityId: id,
          before: auditView(before),
          after: auditView(after),
        });
      });
    } catch (error) {
      throw uniqueConflict(error) ?? error;
    }
    return get(ctx, id);
  };

  /** An administrator sets a temporary password; the user must choose a new one at the next login. */
  const resetPassword = async (ctx: AuthContext, id: string, newPassword: string): Promise<void> => {
    const user = await load(db, ctx.dealerId, id);
    const problem = passwordProblem(newPassword, user.username);
    if (problem) throw new DomainError('validation_failed', problem, { fields: { newPassword: problem } });
    const passwordHash = await hasher.hash(newPassword);
    const now = clock.now();
    await db.transaction(async (tx) => {
      await updateUser(tx, ctx.dealerId, id, { passwordHash, mustChangePassword: true });
      await revokeUserSessions(tx, ctx.dealerId, id, now);
      await recordAudit(tx, {
        dealerId: ctx.dealerId,
        actorId: ctx.userId,
        action: 'user.reset_password',
        entity: 'user',
        entityId: id,
      });
    });
  };

  /** For the set-up page: the first administrator of a new group, inside the caller's transaction. */
  const createFirstAdmin = async (
    tx: Executor,
    input: { dealerId: string; username: string; displayName: string; password: string },
  ): Promise<string> => {
    const passwordHash = await hasher.hash(input.password);
    const id = await insertUser(tx, {
      dealerId: input.dealerId,
      username: input.username,
      displayName: input.displayName,
      passwordHash,
      roles: ['admin'],
      groupAdmin: true,
    });
    await recordAudit(tx, {
      dealerId: input.dealerId,
      actorId: null,
      action: 'user.create',
      entity: 'user',
      entityId: id,
      after: { username: input.username, roles: ['admin'], groupAdmin: true },
    });
    return id;
  };

  return { list, get, create, update, resetPassword, createFirstAdmin };
};

const load = async (db: Executor, dealerId: string, id: string): Promise<UserRow> => {
  const row = await findUser(db, dealerId, id);
  if (!row) throw new DomainError('not_found', 'There is no such user in this store.');
  return row;
};

const unique = (roles: Role[]): Role[] => [...new Set(roles)];

export type UsersService = ReturnType<typeof createUsersService>;
