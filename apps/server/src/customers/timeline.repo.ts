import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../infra/db/database';
import {
  auditLog,
  catalogSeries,
  followUps,
  leadLevelChanges,
  leadSources,
  leads,
  orders,
  showroomVisits,
  users,
} from '../infra/db/schema/index';

/** Enough for any real customer's history; the card shows the newest first. */
const CAP = 500;

const actor = alias(users, 'actor');

/**
 * The history of one customer, by kind. Names of people are joined by id alone: a group administrator
 * working in this store has their account in another.
 */
export const timelineRows = async (db: Executor, dealerId: string, customerId: string) => {
  const leadRows = await db
    .select({
      id: leads.id,
      at: leads.createdAt,
      whoId: leads.ownerId,
      whoName: actor.displayName,
      channel: leads.channel,
      level: leads.level,
      horizon: leads.horizon,
      status: leads.status,
      note: leads.note,
      campaignCode: leads.campaignCode,
      sourceNameZh: leadSources.nameZh,
      sourceNameEn: leadSources.nameEn,
      seriesName: catalogSeries.name,
    })
    .from(leads)
    .innerJoin(leadSources, and(eq(leadSources.dealerId, leads.dealerId), eq(leadSources.id, leads.sourceId)))
    .leftJoin(
      catalogSeries,
      and(eq(catalogSeries.dealerId, leads.dealerId), eq(catalogSeries.id, leads.seriesId)),
    )
    .leftJoin(actor, eq(actor.id, leads.ownerId))
    .where(and(eq(leads.dealerId, dealerId), eq(leads.customerId, customerId)))
    .orderBy(desc(leads.createdAt))
    .limit(CAP);
  const leadIds = leadRows.map((lead) => lead.id);

  const visitRows = await db
    .select({
      id: showroomVisits.id,
      kind: showroomVisits.kind,
      at: showroomVisits.arrivedAt,
      leftAt: showroomVisits.leftAt,
      partySize: showroomVisits.partySize,
      firstVisit: showroomVisits.firstVisit,
      note: showroomVisits.note,
      whoId: showroomVisits.consultantId,
      whoName: actor.displayName,
      seriesName: catalogSeries.name,
    })
    .from(showroomVisits)
    .leftJoin(actor, eq(actor.id, showroomVisits.consultantId))
    .leftJoin(
      catalogSeries,
      and(eq(catalogSeries.dealerId, showroomVisits.dealerId), eq(catalogSeries.id, showroomVisits.seriesId)),
    )
    .where(and(eq(showroomVisits.dealerId, dealerId), eq(showroomVisits.customerId, customerId)))
    .orderBy(desc(showroomVisits.arrivedAt))
    .limit(CAP);

  const followUpRows = await db
    .select({
      id: followUps.id,
      at: followUps.occurredAt,
      channel: followUps.channel,
      content: followUps.content,
      result: followUps.result,
      levelBefore: followUps.levelBefore,
      levelAfter: followUps.levelAfter,
      whoId: followUps.userId,
      whoName: actor.displayName,
    })
    .from(followUps)
    .leftJoin(actor, eq(actor.id, followUps.userId))
    .where(and(eq(followUps.dealerId, dealerId), eq(followUps.customerId, customerId)))
    .orderBy(desc(followUps.occurredAt))
    .limit(CAP);

  const levelRows =
    leadIds.length === 0
      ? []
      : await db
          .select({
            id: leadLevelChanges.id,
            at: leadLevelChanges.changedAt,
            leadId: leadLevelChanges.leadId,
            fromLevel: leadLevelChanges.fromLevel,
            toLevel: leadLevelChanges.toLevel,
            reason: leadLevelChanges.reason,
            whoId: leadLevelChanges.changedBy,
            whoName: actor.displayName,
          })
          .from(leadLevelChanges)
          .leftJoin(actor, eq(actor.id, leadLevelChanges.changedBy))
          .where(and(eq(leadLevelChanges.dealerId, dealerId), inArray(leadLevelChanges.leadId, leadIds)))
          .orderBy(desc(leadLevelChanges.changedAt))
          .limit(CAP);

  const orderRows = await db
    .select({
      id: orders.id,
      at: orders.orderedAt,
      orderNo: orders.orderNo,
      status: orders.status,
      price: orders.price,
      deposit: orders.deposit,
      whoId: orders.consultantId,
      whoName: actor.displayName,
    })
    .from(orders)
    .leftJoin(actor, eq(actor.id, orders.consultantId))
    .where(and(eq(orders.dealerId, dealerId), eq(orders.customerId, customerId)))
    .orderBy(desc(orders.orderedAt))
    .limit(CAP);

  // Changes to the card itself; looking at a phone number is audited but is no change.
  const changeRows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      before: auditLog.before,
      after: auditLog.after,
      whoId: auditLog.actorId,
      whoName: actor.displayName,
    })
    .from(auditLog)
    .leftJoin(actor, eq(actor.id, auditLog.actorId))
    .where(
      and(
        eq(auditLog.dealerId, dealerId),
        eq(auditLog.entity, 'customer'),
        eq(auditLog.entityId, customerId),
        ne(auditLog.action, 'customer.reveal_phone'),
      ),
    )
    .orderBy(desc(auditLog.at), sql`${auditLog.id} desc`)
    .limit(CAP);

  return { leadRows, visitRows, followUpRows, levelRows, orderRows, changeRows };
};

export type TimelineRows = Awaited<ReturnType<typeof timelineRows>>;
