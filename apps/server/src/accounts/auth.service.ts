import type { TChangePasswordRequest, TLoginRequest, TMe } from '@qianke/contracts/auth';
import {
  checkLoginThrottle,
  DEFAULT_THROTTLE_POLICY,
  recordLoginFailure,
  type ThrottlePolicy,
} from '@qianke/core/accounts/login-throttle';
import { normaliseUsername, passwordProblem } from '@qianke/core/accounts/password-policy';
import { homeRoleOf, permissionsOf } from '@qianke/core/accounts/roles';
import { isSessionAlive, type SessionPolicy, shouldTouchSession } from '@qianke/core/accounts/session-policy';
import { DomainError } from '@qianke/core/shared/domain-error';
import { recordAudit } from '../infra/audit/record-audit';
import type { Clock } from '../infra/clock';
import type { PasswordHasher } from '../infra/crypto/passwords';
import { hashToken, newSessionToken } from '../infra/crypto/tokens';
import type { Db, Executor } from '../infra/db/database';
import type { AuthContext } from '../infra/http/auth-context';
import type { StoresService } from '../stores/stores.service';
import {
  clearThrottle,
  deleteStaleThrottles,
  findThrottle,
  lockThrottle,
  saveThrottle,
} from './login-throttle.repo';
import {
  findSession,
  insertSession,
  revokeSession,
  revokeUserSessions,
  setSessionStore,
  touchSession,
} from './sessions.repo';
import { findUser, findUserByUsername, recordLogin, updateUser } from './users.repo';
import { toUser } from './users.service';

export type ClientInfo = { ip?: string; userAgent?: string };

export type AuthServiceDeps = {
  db: Db;
  hasher: PasswordHasher;
  clock: Clock;
  stores: StoresService;
  sessionPolicy: SessionPolicy;
  throttlePolicy?: ThrottlePolicy;
  /** How a slowed-down login waits; tests pass a recorder. */
  sleep?: (ms: number) => Promise<void>;
};

const WRONG_CREDENTIALS = 'Wrong username or password.';

export const createAuthService = (deps: AuthServiceDeps) => {
  const { db, hasher, clock, stores, sessionPolicy } = deps;
  const throttlePolicy = deps.throttlePolicy ?? DEFAULT_THROTTLE_POLICY;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  // Verifying against a real hash when the user does not exist keeps the answer time the same.
  const decoyHash = hasher.hash('decoy-password-1');

  const startSession = async (
    tx: Executor,
    user: { dealerId: string; id: string },
    client: ClientInfo,
  ): Promise<string> => {
    const token = newSessionToken();
    const now = clock.now();
    await insertSession(tx, {
      tokenHash: hashToken(token),
      dealerId: user.dealerId,
      userId: user.id,
      now,
      ...client,
    });
    await recordLogin(tx, user.dealerId, user.id, now);
    return token;
  };

  const login = async (input: TLoginRequest, client: ClientInfo): Promise<{ token: string; me: TMe }> => {
    const key = normaliseUsername(input.username);
    const check = checkLoginThrottle(await findThrottle(db, key), clock.now(), throttlePolicy);
    if (!check.allowed) {
      const minutes = Math.ceil(check.retryAfterSeconds / 60);
      throw new DomainError(
        'rate_limited',
        `Too many wrong passwords for this account. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
        { retryAfterSeconds: check.retryAfterSeconds },
      );
    }
    if (check.delayMs > 0) await sleep(check.delayMs);

    const user = await findUserByUsername(db, key);
    const valid = await hasher.verify(user?.passwordHash ?? (await decoyHash), input.password);
    if (!user || !valid) {
      await db.transaction(async (tx) => {
        const state = await lockThrottle(tx, key, clock.now());
        await saveThrottle(tx, key, recordLoginFailure(state, clock.now(), throttlePolicy));
      });
      throw new DomainError('unauthenticated', WRONG_CREDENTIALS);
    }
    if (user.disabledAt) {
      throw new DomainError('forbidden', 'This account is disabled. Ask your store administrator.');
    }
    await clearThrottle(db, key);
    const token = await db.transaction(async (tx) => {
      const started = await startSession(tx, user, client);
      await recordAudit(tx, {
        dealerId: user.dealerId,
        actorId: user.id,
        action: 'auth.login',
        entity: 'user',
        entityId: user.id,
        after: { ip: client.ip ?? null },
      });
      return started;
    });
    const ctx = await resolveSession(token);
    if (!ctx) throw new Error('a session just created could not be read back');
    return { token, me: await me(ctx) };
  };

  /** The request's identity from its cookie token, or null when the session has ended. */
  const resolveSession = async (token: string): Promise<AuthContext | null> => {
    if (token.length > 100) return null;
    const tokenHash = hashToken(token);
    const session = await findSession(db, tokenHash);
    const now = clock.now();
    if (!session || session.disabledAt || !isSessionAlive(session, now, sessionPolicy)) return null;
    if (shouldTouchSession(session.lastSeenAt, now)) await touchSession(db, tokenHash, now);
    return {
      userId: session.userId,
      homeDealerId: session.dealerId,
      dealerId: session.currentDealerId,
      groupId: session.groupId,
      roles: session.roles,
      groupAdmin: session.groupAdmin,
      tokenHash,
    };
  };

  const logout = async (ctx: AuthContext | null): Promise<void> => {
    if (ctx) await revokeSession(db, ctx.tokenHash, clock.now());
  };

  const me = async (ctx: AuthContext): Promise<TMe> => {
    const [user, accessible] = await Promise.all([
      findUser(db, ctx.homeDealerId, ctx.userId),
      stores.listAccessible(ctx),
    ]);
    const store = accessible.find((s) => s.id === ctx.dealerId);
    if (!user || !store) throw new DomainError('unauthenticated', 'Your session has ended. Log in again.');
    return {
      user: toUser(user),
      store,
      stores: accessible,
      permissions: permissionsOf(ctx.roles),
      homeRole: homeRoleOf(ctx.roles) ?? null,
    };
  };

  /** Changing one's own password ends every other session of that user. */
  const changePassword = async (ctx: AuthContext, input: TChangePasswordRequest): Promise<void> => {
    const user = await findUser(db, ctx.homeDealerId, ctx.userId);
    if (!user) throw new DomainError('unauthenticated', 'Your session has ended. Log in again.');
    if (!(await hasher.verify(user.passwordHash, input.currentPassword))) {
      throw new DomainError('validation_failed', 'The current password is wrong.', {
        fields: { currentPassword: 'The current password is wrong.' },
      });
    }
    const problem =
      input.newPassword === input.currentPassword
        ? 'Choose a password different from the current one.'
        : passwordProblem(input.newPassword, user.username);
    if (problem) throw new DomainError('validation_failed', problem, { fields: { newPassword: problem } });
    const passwordHash = await hasher.hash(input.newPassword);
    await db.transaction(async (tx) => {
      await updateUser(tx, ctx.homeDealerId, ctx.userId, { passwordHash, mustChangePassword: false });
      await revokeUserSessions(tx, ctx.homeDealerId, ctx.userId, clock.now(), ctx.tokenHash);
      await recordAudit(tx, {
        dealerId: ctx.homeDealerId,
        actorId: ctx.userId,
        action: 'user.change_password',
        entity: 'user',
        entityId: ctx.userId,
      });
    });
  };

  /** A group admin chooses the store to work in; everyone else has only their own. */
  const switchStore = async (ctx: AuthContext, storeId: string): Promise<TMe> => {
    await stores.get(ctx, storeId);
    await setSessionStore(db, ctx.tokenHash, storeId);
    return me({ ...ctx, dealerId: storeId });
  };

  /** A background job: forgets failed-login counters whose window has passed and that hold no lock. */
  const forgetStaleThrottles = async (now: Date) => {
    const windowStartedBy = new Date(now.getTime() - throttlePolicy.windowSeconds * 1000);
    return { forgotten: await deleteStaleThrottles(db, windowStartedBy, now) };
  };

  return {
    login,
    resolveSession,
    logout,
    me,
    changePassword,
    switchStore,
    startSession,
    forgetStaleThrottles,
  };
};

export type AuthService = ReturnType<typeof createAuthService>;
