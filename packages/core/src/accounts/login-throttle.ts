/**
 * Repeated failed logins first slow down, then lock for a while (never for good, so a dealership
 * is not locked out of its own system by a stranger guessing names).
 */
export type ThrottlePolicy = {
  /** Failures counted within this window; an older first failure starts a fresh window. */
  windowSeconds: number;
  /** Failures allowed before answers are slowed down. */
  freeFailures: number;
  /** Delay added per failure beyond the free ones, capped by maxDelayMs. */
  delayStepMs: number;
  maxDelayMs: number;
  /** Failures after which the account name is locked. */
  lockAfterFailures: number;
  lockSeconds: number;
};

export const DEFAULT_THROTTLE_POLICY: ThrottlePolicy = {
  windowSeconds: 15 * 60,
  freeFailures: 3,
  delayStepMs: 500,
  maxDelayMs: 4000,
  lockAfterFailures: 10,
  lockSeconds: 15 * 60,
};

export type ThrottleState = {
  failures: number;
  windowStartedAt: Date;
  lockedUntil: Date | null;
};

export type ThrottleCheck =
  | { allowed: true; delayMs: number }
  | { allowed: false; retryAfterSeconds: number };

/** Before checking a password: is this attempt allowed, and how long should the answer wait? */
export const checkLoginThrottle = (
  state: ThrottleState | undefined,
  now: Date,
  policy: ThrottlePolicy = DEFAULT_THROTTLE_POLICY,
): ThrottleCheck => {
  if (!state) return { allowed: true, delayMs: 0 };
  if (state.lockedUntil && state.lockedUntil > now) {
    return {
      allowed: false,
      retryAfterSeconds: Math.ceil((state.lockedUntil.getTime() - now.getTime()) / 1000),
    };
  }
  const failures = activeFailures(state, now, policy);
  const extra = failures - policy.freeFailures;
  return { allowed: true, delayMs: extra > 0 ? Math.min(extra * policy.delayStepMs, policy.maxDelayMs) : 0 };
};

/** After a wrong password: the state to store. */
export const recordLoginFailure = (
  state: ThrottleState | undefined,
  now: Date,
  policy: ThrottlePolicy = DEFAULT_THROTTLE_POLICY,
): ThrottleState => {
  const fresh = !state || activeFailures(state, now, policy) === 0;
  const failures = fresh ? 1 : state.failures + 1;
  const windowStartedAt = fresh ? now : state.windowStartedAt;
  const lockedUntil =
    failures >= policy.lockAfterFailures ? new Date(now.getTime() + policy.lockSeconds * 1000) : null;
  return { failures, windowStartedAt, lockedUntil };
};

const activeFailures = (state: ThrottleState, now: Date, policy: ThrottlePolicy): number => {
  const windowEnds = state.windowStartedAt.getTime() + policy.windowSeconds * 1000;
  const lockOver = state.lockedUntil !== null && state.lockedUntil <= now;
  return now.getTime() >= windowEnds || lockOver ? 0 : state.failures;
};
