import type { TNotificationKind } from '@qianke/contracts/notifications';
import type { Executor } from '../infra/db/database';
import { notifications } from '../infra/db/schema/index';

export type NotificationInput = {
  /** The store of the user notified (notifications belong to the user's own store). */
  dealerId: string;
  userId: string;
  kind: TNotificationKind;
  /**
   * What the notification is about, e.g. `task:<id>:overdue` or `comment:<id>`: the same subject and
   * kind notify a user once, however often the event or the timer repeats.
   */
  subjectKey: string;
  /** The facts the bell shows (contracts/notifications.ts NOTIFICATION_PAYLOADS per kind). */
  payload: Record<string, unknown>;
};

/**
 * Puts a notification in the user's bell, inside the caller's transaction: it exists only if that
 * transaction commits. Connected browsers get it live once it has committed: the broadcaster
 * (notification-broadcaster.ts) reads committed rows only, so a rolled-back notification is never pushed.
 */
export const notify = async (tx: Executor, n: NotificationInput): Promise<void> => {
  await tx
    .insert(notifications)
    .values({
      dealerId: n.dealerId,
      userId: n.userId,
      kind: n.kind,
      subjectKey: n.subjectKey,
      payload: n.payload,
    })
    .onConflictDoNothing();
};
