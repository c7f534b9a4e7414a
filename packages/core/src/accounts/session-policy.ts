/** A session ends when it has been idle too long or has lived too long, whichever comes first. */
export type SessionPolicy = { idleMinutes: number; absoluteHours: number };

export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMinutes: 8 * 60, absoluteHours: 7 * 24 };

export type SessionTimes = { createdAt: Date; lastSeenAt: Date; revokedAt: Date | null };

export const isSessionAlive = (session: SessionTimes, now: Date, policy: SessionPolicy): boolean => {
  if (session.revokedAt) return false;
  if (now.getTime() - session.lastSeenAt.getTime() > policy.idleMinutes * 60_000) return false;
  return now.getTime() - session.createdAt.getTime() <= policy.absoluteHours * 3_600_000;
};

/** Touching a session on every request would write on every read: once a minute is enough. */
export const shouldTouchSession = (lastSeenAt: Date, now: Date): boolean =>
  now.getTime() - lastSeenAt.getTime() >= 60_000;
