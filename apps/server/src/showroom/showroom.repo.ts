import type { VisitKind } from '@qianke/core/showroom/visits';
import { and, asc, desc, eq, gte, isNull, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../infra/db/database';
import {
  catalogSeries,
  customers,
  dealers,
  leadSources,
  showroomVisits,
  userRoles,
  users,
} from '../infra/db/schema/index';

export type VisitRow = typeof showroomVisits.$inferSelect;
export type NewVisitRow = typeof showroomVisits.$inferInsert;

export const storeTimeZoneOf = async (db: Executor, dealerId: string): Promise<string> => {
  const [row] = await db.select({ timeZone: dealers.timeZone }).from(dealers).where(eq(dealers.id, dealerId));
  return row?.timeZone ?? 'Asia/Shanghai';
};

export type ConsultantRow = { id: string; name: string; consultantCode: string | null; onDuty: boolean };

/** The store's active consultants: role consultant, not disabled. */
export const listActiveConsultants = async (db: Executor, dealerId: string): Promise<ConsultantRow[]> =>
  db
    .select({
      id: users.id,
      name: users.displayName,
      consultantCode: users.consultantCode,
      onDuty: users.onDuty,
    })
    .from(users)
    .where(
      and(
        eq(users.dealerId, dealerId),
        isNull(users.disabledAt),
        sql`exists (select 1 from ${userRoles} r where r.dealer_id = ${users.dealerId} and r.user_id = ${users.id} and r.role = 'consultant')`,
      ),
    )
    .orderBy(sql`${users.consultantCode} asc nulls last`, asc(users.displayName));

export type SeriesOption = { id: string; name: string; nameEn: string | null };

export const listActiveSeries = async (db: Executor, dealerId: string): Promise<SeriesOption[]> =>
  db
    .select({ id: catalogSeries.id, name: catalogSeries.name, nameEn: catalogSeries.nameEn })
    .from(catalogSeries)
    .where(and(eq(catalogSeries.dealerId, dealerId), eq(catalogSeries.active, true)))
    .orderBy(asc(catalogSeries.sort), asc(catalogSeries.name));

export const seriesExists = async (db: Executor, dealerId: string, id: string): Promise<boolean> => {
  const [row] = await db
    .select({ id: catalogSeries.id })
    .from(catalogSeries)
    .where(and(eq(catalogSeries.dealerId, dealerId), eq(catalogSeries.id, id)))
    .limit(1);
  return row !== undefined;
};

export type SourceOption = {
  id: string;
  parentId: string | null;
  code: string;
  nameZh: string;
  nameEn: string;
};

const sourceColumns = {
  id: leadSources.id,
  parentId: leadSources.parentId,
  code: leadSources.code,
  nameZh: leadSources.nameZh,
  nameEn: leadSources.nameEn,
};

/** Active sources of the store, parents before children, siblings in their order. */
export const listActiveSources = async (db: Executor, dealerId: string): Promise<SourceOption[]> =>
  db
    .select(sourceColumns)
    .from(leadSources)
    .where(and(eq(leadSources.dealerId, dealerId), eq(leadSources.active, true)))
    .orderBy(asc(leadSources.sort), asc(leadSources.code));

export const findActiveSource = async (
  db: Executor,
  dealerId: string,
  where: { id: string } | { code: string },
): Promise<SourceOption | undefined> => {
  const [row] = await db
    .select(sourceColumns)
    .from(leadSources)
    .where(
      and(
        eq(leadSources.dealerId, dealerId),
        eq(leadSources.active, true),
        'id' in where ? eq(leadSources.id, where.id) : eq(leadSources.code, where.code),
      ),
    )
    .limit(1);
  return row;
};

export type KnownCustomer = {
  id: string;
  name: string;
  cardNo: string;
  ownerId: string | null;
  ownerName: string | null;
  phoneE164: string | null;
};

const owners = alias(users, 'owner');

export const findCustomerByPhone = async (
  db: Executor,
  dealerId: string,
  phoneE164: string,
): Promise<KnownCustomer | undefined> => {
  const [row] = await db
    .select({
      id: customers.id,
      name: customers.name,
      cardNo: customers.cardNo,
      ownerId: customers.ownerId,
      ownerName: owners.displayName,
      phoneE164: customers.phoneE164,
    })
    .from(customers)
    .leftJoin(owners, and(eq(owners.dealerId, customers.dealerId), eq(owners.id, customers.ownerId)))
    .where(and(eq(customers.dealerId, dealerId), eq(customers.phoneE164, phoneE164)))
    .limit(1);
  return row;
};

/** Every visit and phone-in logged for a customer, oldest first. */
export const listCustomerContacts = async (
  db: Executor,
  dealerId: string,
  customerId: string,
): Promise<{ kind: VisitKind; arrivedAt: Date }[]> =>
  db
    .select({ kind: showroomVisits.kind, arrivedAt: showroomVisits.arrivedAt })
    .from(showroomVisits)
    .where(and(eq(showroomVisits.dealerId, dealerId), eq(showroomVisits.customerId, customerId)))
    .orderBy(asc(showroomVisits.arrivedAt));

export const insertVisit = async (db: Executor, row: NewVisitRow): Promise<string> => {
  const [inserted] = await db.insert(showroomVisits).values(row).returning({ id: showroomVisits.id });
  if (!inserted) throw new Error('insert into showroom_visits returned no row');
  return inserted.id;
};

export const findVisit = async (
  db: Executor,
  dealerId: string,
  id: string,
): Promise<VisitRow | undefined> => {
  const [row] = await db
    .select()
    .from(showroomVisits)
    .where(and(eq(showroomVisits.dealerId, dealerId), eq(showroomVisits.id, id)))
    .limit(1);
  return row;
};

export type VisitPatch = Partial<
  Pick<NewVisitRow, 'leftAt' | 'partySize' | 'consultantId' | 'seriesId' | 'closedOnSpot' | 'note'>
>;

/** Applies a patch if the visit is still at `expectedVersion` (optimistic locking); false when it is not. */
export const updateVisit = async (
  db: Executor,
  dealerId: string,
  id: string,
  patch: VisitPatch,
  expectedVersion: number,
): Promise<boolean> => {
  const rows = await db
    .update(showroomVisits)
    .set({ ...patch, updatedAt: sql`now()`, version: sql`${showroomVisits.version} + 1` })
    .where(
      and(
        eq(showroomVisits.dealerId, dealerId),
        eq(showroomVisits.id, id),
        eq(showroomVisits.version, expectedVersion),
      ),
    )
    .returning({ id: showroomVisits.id });
  return rows.length > 0;
};

/** A visit with the names the desk shows: consultant, series, source, customer card. */
export type VisitView = VisitRow & {
  consultantName: string | null;
  seriesName: string | null;
  seriesNameEn: string | null;
  sourceNameZh: string | null;
  sourceNameEn: string | null;
  customerName: string | null;
  customerCardNo: string | null;
  customerOwnerId: string | null;
  customerPhoneE164: string | null;
};

const consultants = alias(users, 'consultant');

const selectVisitViews = (db: Executor) =>
  db
    .select({
      visit: showroomVisits,
      consultantName: consultants.displayName,
      seriesName: catalogSeries.name,
      seriesNameEn: catalogSeries.nameEn,
      sourceNameZh: leadSources.nameZh,
      sourceNameEn: leadSources.nameEn,
      customerName: customers.name,
      customerCardNo: customers.cardNo,
      customerOwnerId: customers.ownerId,
      customerPhoneE164: customers.phoneE164,
    })
    .from(showroomVisits)
    .leftJoin(
      consultants,
      and(eq(consultants.dealerId, showroomVisits.dealerId), eq(consultants.id, showroomVisits.consultantId)),
    )
    .leftJoin(
      catalogSeries,
      and(eq(catalogSeries.dealerId, showroomVisits.dealerId), eq(catalogSeries.id, showroomVisits.seriesId)),
    )
    .leftJoin(
      leadSources,
      and(eq(leadSources.dealerId, showroomVisits.dealerId), eq(leadSources.id, showroomVisits.sourceId)),
    )
    .leftJoin(
      customers,
      and(eq(customers.dealerId, showroomVisits.dealerId), eq(customers.id, showroomVisits.customerId)),
    );

const flatten = ({ visit, ...names }: { visit: VisitRow } & Omit<VisitView, keyof VisitRow>): VisitView => ({
  ...visit,
  ...names,
});

export const findVisitView = async (
  db: Executor,
  dealerId: string,
  id: string,
): Promise<VisitView | undefined> => {
  const [row] = await selectVisitViews(db)
    .where(and(eq(showroomVisits.dealerId, dealerId), eq(showroomVisits.id, id)))
    .limit(1);
  return row ? flatten(row) : undefined;
};

/** Visits and phone-ins that arrived in [start, end), newest first. */
export const listVisitViewsBetween = async (
  db: Executor,
  dealerId: string,
  start: Date,
  end: Date,
): Promise<VisitView[]> => {
  const rows = await selectVisitViews(db)
    .where(
      and(
        eq(showroomVisits.dealerId, dealerId),
        gte(showroomVisits.arrivedAt, start),
        lt(showroomVisits.arrivedAt, end),
      ),
    )
    .orderBy(desc(showroomVisits.arrivedAt), desc(showroomVisits.id));
  return rows.map(flatten);
};
