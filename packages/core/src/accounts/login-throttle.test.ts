import { describe, expect, it } from 'vitest';
import {
  checkLoginThrottle,
  DEFAULT_THROTTLE_POLICY as P,
  recordLoginFailure,
  type ThrottleState,
} from './login-throttle';

const t0 = new Date('2026-11-25T08:00:00Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
const failTimes = (n: number): ThrottleState | undefined => {
  let state: ThrottleState | undefined;
  for (let i = 0; i < n; i++) state = recordLoginFailure(state, at(i));
  return state;
};

describe('login throttle', () => {
  it('lets a first attempt through at once', () => {
    expect(checkLoginThrottle(undefined, t0)).toEqual({ allowed: true, delayMs: 0 });
  });

  it('does not slow down the first three failures', () => {
    expect(checkLoginThrottle(failTimes(3), at(3))).toEqual({ allowed: true, delayMs: 0 });
  });

  it('slows down by 500 ms per failure beyond three, capped at 4 s', () => {
    expect(checkLoginThrottle(failTimes(4), at(4))).toEqual({ allowed: true, delayMs: 500 });
    expect(checkLoginThrottle(failTimes(6), at(6))).toEqual({ allowed: true, delayMs: 1500 });
    expect(checkLoginThrottle(failTimes(9), at(9))).toEqual({ allowed: true, delayMs: 3000 });
  });

  it('locks for 15 minutes after the tenth failure, then lets the user try again', () => {
    const locked = failTimes(10);
    expect(locked?.lockedUntil).toEqual(at(9 + P.lockSeconds));
    expect(checkLoginThrottle(locked, at(10))).toEqual({
      allowed: false,
      retryAfterSeconds: P.lockSeconds - 1,
    });
    expect(checkLoginThrottle(locked, at(9 + P.lockSeconds))).toEqual({ allowed: true, delayMs: 0 });
  });

  it('starts counting afresh once the window has passed', () => {
    const old = failTimes(8);
    expect(recordLoginFailure(old, at(P.windowSeconds + 1)).failures).toBe(1);
    expect(checkLoginThrottle(old, at(P.windowSeconds + 1))).toEqual({ allowed: true, delayMs: 0 });
  });
});
