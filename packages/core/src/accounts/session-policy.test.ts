import { describe, expect, it } from 'vitest';
import { isSessionAlive, shouldTouchSession } from './session-policy';

const policy = { idleMinutes: 60, absoluteHours: 24 };
const created = new Date('2026-11-25T00:00:00Z');
const plus = (minutes: number) => new Date(created.getTime() + minutes * 60_000);

describe('session lifetime', () => {
  it('is alive while used within the idle time', () => {
    expect(
      isSessionAlive({ createdAt: created, lastSeenAt: plus(600), revokedAt: null }, plus(650), policy),
    ).toBe(true);
  });
  it('ends after the idle time', () => {
    expect(
      isSessionAlive({ createdAt: created, lastSeenAt: plus(600), revokedAt: null }, plus(661), policy),
    ).toBe(false);
  });
  it('ends after the absolute time even when in use', () => {
    expect(
      isSessionAlive({ createdAt: created, lastSeenAt: plus(1439), revokedAt: null }, plus(1441), policy),
    ).toBe(false);
  });
  it('ends when revoked', () => {
    expect(
      isSessionAlive({ createdAt: created, lastSeenAt: plus(1), revokedAt: plus(1) }, plus(2), policy),
    ).toBe(false);
  });
  it('is touched at most once a minute', () => {
    expect(shouldTouchSession(plus(10), plus(10.5))).toBe(false);
    expect(shouldTouchSession(plus(10), plus(11))).toBe(true);
  });
});
