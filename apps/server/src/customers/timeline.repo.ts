import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../infra/db/database';
import {
  auditLog,
  catalogConfigurations,
  catalogModels,
  catalogSeries,
  dccCalls,
  demoCars,
  followUps,
  invitations,
  leadLevelChanges,
  leadSources,
  leads,
  orders,
  showroomVisits,
  testDrives,
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

  // Test drives (issue 5): cancelled bookings too, the card tells the whole story.
  const testDriveRows = await db
    .select({
      id: testDrives.id,
      at: testDrives.startsAt,
      endsAt: testDrives.endsAt,
      status: testDrives.status,
      route: testDrives.route,
      feedback: testDrives.feedback,
      rating: testDrives.rating,
      cancelReason: testDrives.cancelReason,
      licenceChecked: sql<boolean>`${testDrives.licenceCheckedAt} is not null`,
      followUpId: testDrives.followUpId,
      plateNo: demoCars.plateNo,
      seriesName: catalogSeries.name,
      whoId: testDrives.consultantId,
      whoName: actor.displayName,
    })
    .from(testDrives)
    .innerJoin(
      demoCars,
      and(eq(demoCars.dealerId, testDrives.dealerId), eq(demoCars.id, testDrives.demoCarId)),
    )
    .innerJoin(
      catalogConfigurations,
      and(
        eq(catalogConfigurations.dealerId, demoCars.dealerId),
        eq(catalogConfigurations.id, demoCars.configurationId),
      ),
    )
    .innerJoin(
      catalogModels,
      and(eq(catalogModels.dealerId, demoCars.dealerId), eq(catalogModels.id, catalogConfigurations.modelId)),
    )
    .innerJoin(
      catalogSeries,
      and(eq(catalogSeries.dealerId, demoCars.dealerId), eq(catalogSeries.id, catalogModels.seriesId)),
    )
    .leftJoin(actor, eq(actor.id, testDrives.consultantId))
    .where(and(eq(testDrives.dealerId, dealerId), eq(testDrives.customerId, customerId)))
    .orderBy(desc(testDrives.startsAt))
    .limit(CAP);

  // Orders (issue 5): each status change of an order, as audited (confirmed, deposit, delivered, cancelled).
  const orderEventRows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      after: auditLog.after,
      orderId: orders.id,
      orderNo: orders.orderNo,
      price: orders.price,
      deposit: orders.deposit,
      whoId: auditLog.actorId,
      whoName: actor.displayName,
    })
    .from(auditLog)
    .innerJoin(
      orders,
      and(eq(orders.dealerId, auditLog.dealerId), eq(sql`${orders.id}::text`, auditLog.entityId)),
    )
    .leftJoin(actor, eq(actor.id, auditLog.actorId))
    .where(
      and(
        eq(auditLog.dealerId, dealerId),
        eq(auditLog.entity, 'order'),
        eq(orders.customerId, customerId),
        inArray(auditLog.action, ['order.confirm', 'order.pay_deposit', 'order.deliver', 'order.cancel']),
      ),
    )
    .orderBy(desc(auditLog.at), sql`${auditLog.id} desc`)
    .limit(CAP);

  // DCC calls and invitations (issue 5).
  const callRows = await db
    .select({
      id: dccCalls.id,
      at: dccCalls.occurredAt,
      direction: dccCalls.direction,
      outcome: dccCalls.outcome,
      note: dccCalls.note,
      nextCallAt: dccCalls.nextCallAt,
      invitationId: dccCalls.invitationId,
      whoId: dccCalls.agentId,
      whoName: actor.displayName,
    })
    .from(dccCalls)
    .leftJoin(actor, eq(actor.id, dccCalls.agentId))
    .where(and(eq(dccCalls.dealerId, dealerId), eq(dccCalls.customerId, customerId)))
    .orderBy(desc(dccCalls.occurredAt))
    .limit(CAP);
  const invitationRows = await db
    .select({
      id: invitations.id,
      at: invitations.createdAt,
      scheduledAt: invitations.scheduledAt,
      purpose: invitations.purpose,
      status: invitations.status,
      arrivedAt: invitations.arrivedAt,
      note: invitations.note,
      whoId: invitations.invitedBy,
      whoName: actor.displayName,
    })
    .from(invitations)
    .leftJoin(actor, eq(actor.id, invitations.invitedBy))
    .where(and(eq(invitations.dealerId, dealerId), eq(invitations.customerId, customerId)))
    .orderBy(desc(invitations.createdAt))
    .limit(CAP);

  return {
    leadRows,
    visitRows,
    followUpRows,
    levelRows,
    orderRows,
    changeRows,
    testDriveRows,
    orderEventRows,
    callRows,
    invitationRows,
  };
};

export type TimelineRows = Awaited<ReturnType<typeof timelineRows>>;
