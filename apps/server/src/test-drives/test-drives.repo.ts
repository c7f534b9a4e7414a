import type { TestDriveStatus } from '@qianke/core/test-drives/booking';
import { and, asc, desc, eq, gt, inArray, isNull, lt, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../infra/db/database';
import {
  catalogColours,
  catalogConfigurations,
  catalogModels,
  catalogSeries,
  customers,
  dealers,
  demoCars,
  leads,
  testDrives,
  userRoles,
  users,
} from '../infra/db/schema/index';

/** The SQL of test drives: the store's demo cars, their schedules and the drives themselves. */

export type DemoCarRow = typeof demoCars.$inferSelect;
export type TestDriveRow = typeof testDrives.$inferSelect;

const carLabel = sql<string>`${catalogSeries.name} || ' ' || ${catalogModels.modelYear}::text || '款 ' || ${catalogConfigurations.name}`;

const demoCarColumns = {
  id: demoCars.id,
  configurationId: demoCars.configurationId,
  label: carLabel,
  seriesName: catalogSeries.name,
  seriesNameEn: catalogSeries.nameEn,
  colourId: demoCars.colourId,
  colourName: catalogColours.name,
  vin: demoCars.vin,
  plateNo: demoCars.plateNo,
  active: demoCars.active,
  note: demoCars.note,
  version: demoCars.version,
};

export type DemoCarView = {
  id: string;
  configurationId: string;
  label: string;
  seriesName: string;
  seriesNameEn: string | null;
  colourId: string | null;
  colourName: string | null;
  vin: string | null;
  plateNo: string;
  active: boolean;
  note: string | null;
  version: number;
};

export const listDemoCars = async (
  db: Executor,
  dealerId: string,
  filter: { includeInactive?: boolean; id?: string } = {},
): Promise<DemoCarView[]> =>
  db
    .select(demoCarColumns)
    .from(demoCars)
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
    .leftJoin(
      catalogColours,
      and(eq(catalogColours.dealerId, demoCars.dealerId), eq(catalogColours.id, demoCars.colourId)),
    )
    .where(
      and(
        eq(demoCars.dealerId, dealerId),
        filter.includeInactive || filter.id ? undefined : eq(demoCars.active, true),
        filter.id ? eq(demoCars.id, filter.id) : undefined,
      ),
    )
    .orderBy(desc(demoCars.active), asc(catalogSeries.name), asc(demoCars.plateNo));

/** Holds the car's row for the rest of the transaction: bookings of one car are made one at a time. */
export const lockDemoCar = async (
  db: Executor,
  dealerId: string,
  id: string,
): Promise<DemoCarRow | undefined> => {
  const [row] = await db
    .select()
    .from(demoCars)
    .where(and(eq(demoCars.dealerId, dealerId), eq(demoCars.id, id)))
    .for('update');
  return row;
};

export const insertDemoCar = async (
  db: Executor,
  row: {
    dealerId: string;
    configurationId: string;
    colourId: string | null;
    vin: string | null;
    plateNo: string;
    note: string | null;
    active?: boolean;
    createdAt?: Date;
    updatedAt?: Date;
  },
): Promise<string> => {
  const [inserted] = await db.insert(demoCars).values(row).returning({ id: demoCars.id });
  if (!inserted) throw new Error('insert into demo_cars returned no row');
  return inserted.id;
};

export const updateDemoCar = async (
  db: Executor,
  dealerId: string,
  id: string,
  version: number,
  patch: Partial<Pick<DemoCarRow, 'configurationId' | 'colourId' | 'vin' | 'plateNo' | 'note' | 'active'>>,
): Promise<boolean> => {
  const rows = await db
    .update(demoCars)
    .set({ ...patch, updatedAt: sql`now()`, version: sql`${demoCars.version} + 1` })
    .where(and(eq(demoCars.dealerId, dealerId), eq(demoCars.id, id), eq(demoCars.version, version)))
    .returning({ id: demoCars.id });
  return rows.length > 0;
};

/** The configuration with its series, when it is the store's and active. */
export const findConfiguration = async (db: Executor, dealerId: string, id: string) => {
  const [row] = await db
    .select({ id: catalogConfigurations.id, seriesId: catalogModels.seriesId })
    .from(catalogConfigurations)
    .innerJoin(
      catalogModels,
      and(
        eq(catalogModels.dealerId, catalogConfigurations.dealerId),
        eq(catalogModels.id, catalogConfigurations.modelId),
      ),
    )
    .where(and(eq(catalogConfigurations.dealerId, dealerId), eq(catalogConfigurations.id, id)))
    .limit(1);
  return row;
};

export const findColour = async (db: Executor, dealerId: string, id: string) => {
  const [row] = await db
    .select({ id: catalogColours.id, seriesId: catalogColours.seriesId })
    .from(catalogColours)
    .where(and(eq(catalogColours.dealerId, dealerId), eq(catalogColours.id, id)))
    .limit(1);
  return row;
};

/** What the demo-car form offers: active configurations with their labels, and the series' colours. */
export const demoCarOptions = async (db: Executor, dealerId: string) => {
  const configurations = await db
    .select({ id: catalogConfigurations.id, label: carLabel, seriesId: catalogSeries.id })
    .from(catalogConfigurations)
    .innerJoin(
      catalogModels,
      and(
        eq(catalogModels.dealerId, catalogConfigurations.dealerId),
        eq(catalogModels.id, catalogConfigurations.modelId),
      ),
    )
    .innerJoin(
      catalogSeries,
      and(eq(catalogSeries.dealerId, catalogModels.dealerId), eq(catalogSeries.id, catalogModels.seriesId)),
    )
    .where(and(eq(catalogConfigurations.dealerId, dealerId), eq(catalogConfigurations.active, true)))
    .orderBy(asc(catalogSeries.name), desc(catalogModels.modelYear), asc(catalogConfigurations.guidePrice));
  const colours = await db
    .select({
      id: catalogColours.id,
      seriesId: catalogColours.seriesId,
      name: catalogColours.name,
      nameEn: catalogColours.nameEn,
    })
    .from(catalogColours)
    .where(eq(catalogColours.dealerId, dealerId))
    .orderBy(asc(catalogColours.name));
  return { configurations, colours };
};

export const storeHoursOf = async (db: Executor, dealerId: string) => {
  const [row] = await db
    .select({ timeZone: dealers.timeZone, opensAt: dealers.opensAt, closesAt: dealers.closesAt })
    .from(dealers)
    .where(eq(dealers.id, dealerId));
  return row ?? { timeZone: 'Asia/Shanghai', opensAt: '09:00', closesAt: '18:00' };
};

/** Live bookings of a car overlapping [from, to) (half-open): what a new booking would clash with. */
export const liveDrivesOfCarBetween = async (
  db: Executor,
  dealerId: string,
  demoCarId: string,
  range: { from: Date; to: Date },
) =>
  db
    .select({
      id: testDrives.id,
      startsAt: testDrives.startsAt,
      endsAt: testDrives.endsAt,
      status: testDrives.status,
    })
    .from(testDrives)
    .where(
      and(
        eq(testDrives.dealerId, dealerId),
        eq(testDrives.demoCarId, demoCarId),
        inArray(testDrives.status, ['booked', 'done']),
        lt(testDrives.startsAt, range.to),
        gt(testDrives.endsAt, range.from),
      ),
    )
    .orderBy(asc(testDrives.startsAt));

export const findCustomer = async (db: Executor, dealerId: string, id: string) => {
  const [row] = await db
    .select({ id: customers.id, ownerId: customers.ownerId, mergedIntoId: customers.mergedIntoId })
    .from(customers)
    .where(and(eq(customers.dealerId, dealerId), eq(customers.id, id)))
    .limit(1);
  return row;
};

export const findLead = async (db: Executor, dealerId: string, id: string) => {
  const [row] = await db
    .select({ id: leads.id, customerId: leads.customerId, status: leads.status })
    .from(leads)
    .where(and(eq(leads.dealerId, dealerId), eq(leads.id, id)))
    .limit(1);
  return row;
};

/** The customer's most recent lead still being worked (open or nurturing). */
export const openLeadOf = async (db: Executor, dealerId: string, customerId: string) => {
  const [row] = await db
    .select({ id: leads.id })
    .from(leads)
    .where(
      and(
        eq(leads.dealerId, dealerId),
        eq(leads.customerId, customerId),
        inArray(leads.status, ['open', 'nurturing']),
      ),
    )
    .orderBy(desc(leads.createdAt), desc(leads.id))
    .limit(1);
  return row?.id;
};

/** Whether the user is an active consultant or sales manager of the store (someone who drives along). */
export const isActiveSalesStaff = async (
  db: Executor,
  dealerId: string,
  userId: string,
): Promise<boolean> => {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.dealerId, dealerId),
        eq(users.id, userId),
        isNull(users.disabledAt),
        sql`exists (select 1 from ${userRoles} r where r.dealer_id = ${users}.dealer_id
          and r.user_id = ${users}.id and r.role in ('consultant', 'sales_manager'))`,
      ),
    )
    .limit(1);
  return row !== undefined;
};

export const insertTestDrive = async (
  db: Executor,
  row: {
    dealerId: string;
    customerId: string;
    leadId: string | null;
    demoCarId: string;
    consultantId: string;
    startsAt: Date;
    endsAt: Date;
    route: string | null;
    createdBy: string;
    createdAt: Date;
    status?: TestDriveStatus;
  },
): Promise<string> => {
  const [inserted] = await db
    .insert(testDrives)
    .values({ ...row, updatedAt: row.createdAt })
    .returning({ id: testDrives.id });
  if (!inserted) throw new Error('insert into test_drives returned no row');
  return inserted.id;
};

export const lockTestDrive = async (
  db: Executor,
  dealerId: string,
  id: string,
): Promise<TestDriveRow | undefined> => {
  const [row] = await db
    .select()
    .from(testDrives)
    .where(and(eq(testDrives.dealerId, dealerId), eq(testDrives.id, id)))
    .for('update');
  return row;
};

export const updateTestDrive = async (
  db: Executor,
  dealerId: string,
  id: string,
  version: number,
  patch: Partial<
    Pick<
      TestDriveRow,
      | 'status'
      | 'licenceNo'
      | 'licenceCheckedAt'
      | 'licenceCheckedBy'
      | 'route'
      | 'feedback'
      | 'rating'
      | 'followUpId'
      | 'cancelReason'
    >
  >,
  at: Date,
): Promise<boolean> => {
  const rows = await db
    .update(testDrives)
    .set({ ...patch, updatedAt: at, version: sql`${testDrives.version} + 1` })
    .where(and(eq(testDrives.dealerId, dealerId), eq(testDrives.id, id), eq(testDrives.version, version)))
    .returning({ id: testDrives.id });
  return rows.length > 0;
};

const consultant = alias(users, 'consultant');
const checker = alias(users, 'checker');

export type TestDriveView = TestDriveRow & {
  customerName: string;
  cardNo: string;
  customerOwnerId: string | null;
  plateNo: string;
  carLabel: string;
  consultantName: string;
  checkerName: string | null;
};

export const listTestDrives = async (
  db: Executor,
  dealerId: string,
  filter: {
    id?: string | undefined;
    customerId?: string | undefined;
    consultantId?: string | undefined;
    demoCarId?: string | undefined;
    status?: TestDriveStatus | undefined;
    /** Drives overlapping [from, to). */
    between?: { from: Date; to: Date } | undefined;
    /** Consultants: only drives they run or of customers they own. */
    visibleTo?: string | undefined;
    order?: 'asc' | 'desc';
    limit: number;
  },
): Promise<TestDriveView[]> => {
  const conditions: (SQL | undefined)[] = [eq(testDrives.dealerId, dealerId)];
  if (filter.id) conditions.push(eq(testDrives.id, filter.id));
  if (filter.customerId) conditions.push(eq(testDrives.customerId, filter.customerId));
  if (filter.consultantId) conditions.push(eq(testDrives.consultantId, filter.consultantId));
  if (filter.demoCarId) conditions.push(eq(testDrives.demoCarId, filter.demoCarId));
  if (filter.status) conditions.push(eq(testDrives.status, filter.status));
  if (filter.between)
    conditions.push(lt(testDrives.startsAt, filter.between.to), gt(testDrives.endsAt, filter.between.from));
  if (filter.visibleTo)
    conditions.push(
      sql`(${testDrives.consultantId} = ${filter.visibleTo} or ${customers.ownerId} = ${filter.visibleTo})`,
    );
  const direction = filter.order === 'desc' ? desc : asc;
  const rows = await db
    .select({
      row: testDrives,
      customerName: customers.name,
      cardNo: customers.cardNo,
      customerOwnerId: customers.ownerId,
      plateNo: demoCars.plateNo,
      carLabel,
      consultantName: consultant.displayName,
      checkerName: checker.displayName,
    })
    .from(testDrives)
    .innerJoin(
      customers,
      and(eq(customers.dealerId, testDrives.dealerId), eq(customers.id, testDrives.customerId)),
    )
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
    .innerJoin(consultant, eq(consultant.id, testDrives.consultantId))
    .leftJoin(checker, eq(checker.id, testDrives.licenceCheckedBy))
    .where(and(...conditions))
    .orderBy(direction(testDrives.startsAt), direction(testDrives.id))
    .limit(filter.limit);
  return rows.map(({ row, ...rest }) => ({ ...row, ...rest }));
};

// The demo's cars and past drives

/** A configuration of the store's catalog by series and configuration name, with a colour by name. */
export const catalogPickByName = async (
  db: Executor,
  dealerId: string,
  pick: { series: string; configuration: string; colour: string },
) => {
  const [configuration] = await db
    .select({ id: catalogConfigurations.id, seriesId: catalogSeries.id })
    .from(catalogConfigurations)
    .innerJoin(
      catalogModels,
      and(
        eq(catalogModels.dealerId, catalogConfigurations.dealerId),
        eq(catalogModels.id, catalogConfigurations.modelId),
      ),
    )
    .innerJoin(
      catalogSeries,
      and(eq(catalogSeries.dealerId, catalogModels.dealerId), eq(catalogSeries.id, catalogModels.seriesId)),
    )
    .where(
      and(
        eq(catalogConfigurations.dealerId, dealerId),
        eq(catalogSeries.name, pick.series),
        eq(catalogConfigurations.name, pick.configuration),
      ),
    )
    .limit(1);
  if (!configuration) return undefined;
  const [colour] = await db
    .select({ id: catalogColours.id })
    .from(catalogColours)
    .where(
      and(
        eq(catalogColours.dealerId, dealerId),
        eq(catalogColours.seriesId, configuration.seriesId),
        eq(catalogColours.name, pick.colour),
      ),
    )
    .limit(1);
  return { configurationId: configuration.id, colourId: colour?.id ?? null };
};

/** Open leads with an owner, created in [from, to), oldest first: who the demo's past drives were for. */
export const ownedOpenLeadsBetween = async (
  db: Executor,
  dealerId: string,
  range: { from: Date; to: Date },
  limit: number,
) =>
  db
    .select({
      id: leads.id,
      customerId: leads.customerId,
      ownerId: leads.ownerId,
      createdAt: leads.createdAt,
    })
    .from(leads)
    .where(
      and(
        eq(leads.dealerId, dealerId),
        eq(leads.status, 'open'),
        sql`${leads.ownerId} is not null`,
        gt(leads.createdAt, range.from),
        lt(leads.createdAt, range.to),
      ),
    )
    .orderBy(asc(leads.createdAt), asc(leads.id))
    .limit(limit);

export type NewTestDriveRow = typeof testDrives.$inferInsert;

export const insertTestDrives = async (db: Executor, rows: readonly NewTestDriveRow[]): Promise<void> => {
  if (rows.length === 0) return;
  await db.insert(testDrives).values([...rows]);
};
