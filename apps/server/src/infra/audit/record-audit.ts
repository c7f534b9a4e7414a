import type { Executor } from '../db/database';
import { auditLog } from '../db/schema/index';

export type AuditEntry = {
  dealerId: string;
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
  requestId?: string | undefined;
};

/** Writes one audit row in the caller's transaction, so a change and its audit row land together. */
export const recordAudit = async (db: Executor, entry: AuditEntry): Promise<void> => {
  await db.insert(auditLog).values({
    dealerId: entry.dealerId,
    actorId: entry.actorId,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    before: entry.before ?? null,
    after: entry.after ?? null,
    requestId: entry.requestId ?? null,
  });
};
