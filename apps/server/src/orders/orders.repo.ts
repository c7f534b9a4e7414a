import {
  and,
  asc,
  count,
  desc,
  eq,
  gte,
  ilike,
  inArray,
  isNotNull,
  lt,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../infra/db/database';
import {
  cardCounters,
  catalogColours,
  catalogConfigurations,
  catalogModels,
  catalogSeries,
  customers,
  dealers,
  leadSources,
  leads,
  orders,
  tasks,
  users,
} from '../infra/db/schema/index';

/** The SQL of sales orders and owner cards. */

export type OrderStatus = 'draft' | 'confirmed' | 'delivered' | 'cancelled';

export const storeOf = async (db: Executor, dealerId: string) => {
  const [row] = await db
    .select({ name: dealers.name, code: dealers.code, timeZone: dealers.timeZone })
    .from(dealers)
    .where(eq(dealers.id, dealerId));
  return row ?? { name: '', code: 'STORE', timeZone: 'Asia/Shanghai' };
};

/**
 * The next serial of an order-number prefix (SO-SHPD-2611), atomically, in the card counters. A
 * prefix's first order starts after the highest number already used (orders loaded by the demo).
 */
export const nextOrderSerial = async (
  db: Executor,
  dealerId: string,
  prefix: string,
  month: number,
): Promise<number> => {
  const [row] = await db
    .insert(cardCounters)
    .values({
      dealerId,
      prefix,
      year: month,
      lastSerial: sql`(select coalesce(max(substring(o.order_no from '[0-9]+$')::int), 0) + 1 from ${orders} o
        where o.dealer_id = ${dealerId} and o.order_no like ${`${prefix}-%`})`,
    })
    .onConflictDoUpdate({
      target: [cardCounters.dealerId, cardCounters.prefix, cardCounters.year],
      set: { lastSerial: sql`${cardCounters.lastSerial} + 1` },
    })
    .returning({ serial: cardCounters.lastSerial });
  if (!row) throw new Error('order counter returned no row');
  return row.serial;
};

export type NewOrderRow = typeof orders.$inferInsert;

export const insertOrder = async (db: Executor, row: NewOrderRow): Promise<string> => {
  const [inserted] = await db.insert(orders).values(row).returning({ id: orders.id });
  if (!inserted) throw new Error('insert into orders returned no row');
  return inserted.id;
};

export type LockedOrder = {
  id: string;
  orderNo: string;
  status: OrderStatus;
  customerId: string;
  leadId: string | null;
  consultantId: string;
  customerOwnerId: string | null;
  stockVehicleId: string | null;
  price: number;
  discount: number;
  deposit: number;
  depositPaidAt: Date | null;
  tradeIn: unknown;
  version: number;
};

/** The order's row, locked for the rest of the transaction: two actions on one order queue up. */
export const lockOrder = async (
  db: Executor,
  dealerId: string,
  id: string,
): Promise<LockedOrder | undefined> => {
  const [row] = await db
    .select({
      id: orders.id,
      orderNo: orders.orderNo,
      status: orders.status,
      customerId: orders.customerId,
      leadId: orders.leadId,
      consultantId: orders.consultantId,
      customerOwnerId: sql<string | null>`(select c.owner_id from ${customers} c
        where c.dealer_id = ${orders.dealerId} and c.id = ${orders.customerId})`,
      stockVehicleId: orders.stockVehicleId,
      price: orders.price,
      discount: orders.discount,
      deposit: orders.deposit,
      depositPaidAt: orders.depositPaidAt,
      tradeIn: orders.tradeIn,
      version: orders.version,
    })
    .from(orders)
    .where(and(eq(orders.dealerId, dealerId), eq(orders.id, id)))
    .for('update', { of: orders });
  return row;
};

/** Changes an order if it still has `version`; false when someone changed it since. */
export const updateOrder = async (
  db: Executor,
  dealerId: string,
  id: string,
  version: number,
  patch: Partial<NewOrderRow>,
): Promise<boolean> => {
  const rows = await db
    .update(orders)
    .set({ ...patch, updatedAt: sql`now()`, version: sql`${orders.version} + 1` })
    .where(and(eq(orders.dealerId, dealerId), eq(orders.id, id), eq(orders.version, version)))
    .returning({ id: orders.id });
  return rows.length > 0;
};

const consultant = alias(users, 'consultant');

export const orderColumns = {
  id: orders.id,
  orderNo: orders.orderNo,
  status: orders.status,
  customerId: orders.customerId,
  customerName: customers.name,
  cardNo: customers.cardNo,
  phoneE164: customers.phoneE164,
  customerOwnerId: customers.ownerId,
  leadId: orders.leadId,
  consultantId: orders.consultantId,
  consultantName: consultant.displayName,
  stockVehicleId: orders.stockVehicleId,
  vin: orders.vin,
  configurationId: orders.configurationId,
  configurationName: catalogConfigurations.name,
  guidePrice: catalogConfigurations.guidePrice,
  modelName: catalogModels.name,
  modelYear: catalogModels.modelYear,
  seriesName: catalogSeries.name,
  colourId: orders.colourId,
  colourName: catalogColours.name,
  price: orders.price,
  discount: orders.discount,
  deposit: orders.deposit,
  depositPaidAt: orders.depositPaidAt,
  paymentMethod: orders.paymentMethod,
  loanStatus: orders.loanStatus,
  loanBank: orders.loanBank,
  tradeIn: orders.tradeIn,
  orderedAt: orders.orderedAt,
  confirmedAt: orders.confirmedAt,
  expectedDeliveryOn: orders.expectedDeliveryOn,
  deliveredAt: orders.deliveredAt,
  plateNo: orders.plateNo,
  licensedOn: orders.licensedOn,
  cancelledAt: orders.cancelledAt,
  cancelReason: orders.cancelReason,
  note: orders.note,
  version: orders.version,
};

const orderQuery = (db: Executor) =>
  db
    .select(orderColumns)
    .from(orders)
    .innerJoin(customers, and(eq(customers.dealerId, orders.dealerId), eq(customers.id, orders.customerId)))
    .innerJoin(
      consultant,
      and(eq(consultant.dealerId, orders.dealerId), eq(consultant.id, orders.consultantId)),
    )
    .leftJoin(
      catalogConfigurations,
      and(
        eq(catalogConfigurations.dealerId, orders.dealerId),
        eq(catalogConfigurations.id, orders.configurationId),
      ),
    )
    .leftJoin(
      catalogModels,
      and(eq(catalogModels.dealerId, orders.dealerId), eq(catalogModels.id, catalogConfigurations.modelId)),
    )
    .leftJoin(
      catalogSeries,
      and(eq(catalogSeries.dealerId, orders.dealerId), eq(catalogSeries.id, catalogModels.seriesId)),
    )
    .leftJoin(
      catalogColours,
      and(eq(catalogColours.dealerId, orders.dealerId), eq(catalogColours.id, orders.colourId)),
    );

export type OrderFilter = {
  ids?: readonly string[];
  status?: OrderStatus;
  consultantId?: string;
  customerId?: string;
  /** A consultant sees orders they sell or of customers they own. */
  visibleTo?: string;
  from?: Date;
  to?: Date;
  q?: string;
};

const orderWhere = (dealerId: string, f: OrderFilter): SQL | undefined => {
  const like = f.q ? `%${f.q.replace(/[%_\\]/g, '')}%` : undefined;
  return and(
    eq(orders.dealerId, dealerId),
    f.ids ? inArray(orders.id, [...f.ids]) : undefined,
    f.status ? eq(orders.status, f.status) : undefined,
    f.consultantId ? eq(orders.consultantId, f.consultantId) : undefined,
    f.customerId ? eq(orders.customerId, f.customerId) : undefined,
    f.visibleTo ? or(eq(orders.consultantId, f.visibleTo), eq(customers.ownerId, f.visibleTo)) : undefined,
    f.from ? gte(orders.orderedAt, f.from) : undefined,
    f.to ? lt(orders.orderedAt, f.to) : undefined,
    like ? or(ilike(orders.orderNo, like), ilike(orders.vin, like), ilike(customers.name, like)) : undefined,
  );
};

export const listOrders = async (
  db: Executor,
  dealerId: string,
  filter: OrderFilter,
  page: { offset: number; limit: number },
) => {
  const where = orderWhere(dealerId, filter);
  const [rows, totals] = await Promise.all([
    orderQuery(db)
      .where(where)
      .orderBy(desc(orders.orderedAt), desc(orders.id))
      .limit(page.limit)
      .offset(page.offset),
    db
      .select({ n: count() })
      .from(orders)
      .innerJoin(customers, and(eq(customers.dealerId, orders.dealerId), eq(customers.id, orders.customerId)))
      .where(where),
  ]);
  return { rows, total: totals[0]?.n ?? 0 };
};

export type OrderRow = Awaited<ReturnType<typeof listOrders>>['rows'][number];

export const findOrder = async (
  db: Executor,
  dealerId: string,
  id: string,
): Promise<OrderRow | undefined> => {
  const { rows } = await listOrders(db, dealerId, { ids: [id] }, { offset: 0, limit: 1 });
  return rows[0];
};

/** A lead of the customer, or undefined when it is not theirs. */
export const findLeadOfCustomer = async (
  db: Executor,
  dealerId: string,
  leadId: string,
  customerId: string,
) => {
  const [row] = await db
    .select({ id: leads.id, status: leads.status })
    .from(leads)
    .where(and(eq(leads.dealerId, dealerId), eq(leads.id, leadId), eq(leads.customerId, customerId)));
  return row;
};

/** Whether the user is an active consultant (or manager) of the store who can sell. */
export const isActiveUser = async (db: Executor, dealerId: string, userId: string): Promise<boolean> => {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.dealerId, dealerId), eq(users.id, userId)));
  return row !== undefined;
};

/** A cancelled order puts its lead back into the open pipeline (unless it was lost meanwhile). */
export const reopenLead = async (db: Executor, dealerId: string, leadId: string): Promise<void> => {
  await db
    .update(leads)
    .set({ status: 'open', closedAt: null, updatedAt: sql`now()`, version: sql`${leads.version} + 1` })
    .where(
      and(
        eq(leads.dealerId, dealerId),
        eq(leads.id, leadId),
        inArray(leads.status, ['open', 'won', 'nurturing']),
      ),
    );
};

/**
 * Delivery closes the lead as won (also one closed as lost before the buyer came back); a lead nobody
 * owns any more goes to the consultant who sold the car, who then takes care of the owner.
 */
export const winLead = async (
  db: Executor,
  dealerId: string,
  leadId: string,
  at: Date,
  sellerId: string,
): Promise<void> => {
  await db
    .update(leads)
    .set({
      status: 'won',
      closedAt: at,
      lostReason: null,
      ownerId: sql`coalesce(${leads.ownerId}, ${sellerId}::uuid)`,
      updatedAt: sql`now()`,
      version: sql`${leads.version} + 1`,
    })
    .where(and(eq(leads.dealerId, dealerId), eq(leads.id, leadId)));
};

/** Every lead of a customer, for delivery to choose the one it wins. */
export const leadsOfCustomer = (db: Executor, dealerId: string, customerId: string) =>
  db
    .select({ id: leads.id, status: leads.status, createdAt: leads.createdAt })
    .from(leads)
    .where(and(eq(leads.dealerId, dealerId), eq(leads.customerId, customerId)));

/** The customer becomes an owner on the day of their first delivery. */
export const markOwner = async (
  db: Executor,
  dealerId: string,
  customerId: string,
  day: string,
): Promise<void> => {
  await db
    .update(customers)
    .set({
      ownerSince: sql`least(coalesce(${customers.ownerSince}, ${day}::date), ${day}::date)`,
      updatedAt: sql`now()`,
      version: sql`${customers.version} + 1`,
    })
    .where(and(eq(customers.dealerId, dealerId), eq(customers.id, customerId)));
};

/** The licence month of an owner card: the registration day's month, else the delivery day's. */
const licenceMonthOf = (timeZone: string) =>
  sql<string>`to_char(coalesce(${orders.licensedOn}::timestamp, ${orders.deliveredAt} at time zone ${timeZone}), 'YYYY-MM')`;

export type OwnerRow = {
  customerId: string;
  name: string;
  cardNo: string;
  phoneE164: string | null;
  customerOwnerId: string | null;
  ownerSince: string | null;
  orderId: string;
  orderNo: string;
  vin: string | null;
  seriesName: string | null;
  modelName: string | null;
  configurationName: string | null;
  plateNo: string | null;
  licensedOn: string | null;
  deliveredAt: Date;
  licenceMonth: string;
  consultantId: string;
  consultantName: string;
};

/** Owner cards: one per delivered order, filed by licence month, newest first. */
export const listOwners = async (
  db: Executor,
  dealerId: string,
  filter: { licenceMonth?: string; visibleTo?: string; q?: string; timeZone: string },
  page: { offset: number; limit: number },
): Promise<{ rows: OwnerRow[]; total: number }> => {
  const month = licenceMonthOf(filter.timeZone);
  const like = filter.q ? `%${filter.q.replace(/[%_\\]/g, '')}%` : undefined;
  const where = and(
    eq(orders.dealerId, dealerId),
    eq(orders.status, 'delivered'),
    isNotNull(orders.deliveredAt),
    filter.licenceMonth ? sql`${month} = ${filter.licenceMonth}` : undefined,
    filter.visibleTo
      ? or(eq(orders.consultantId, filter.visibleTo), eq(customers.ownerId, filter.visibleTo))
      : undefined,
    like
      ? or(
          ilike(customers.name, like),
          ilike(customers.cardNo, like),
          ilike(orders.plateNo, like),
          ilike(orders.vin, like),
        )
      : undefined,
  );
  const base = () =>
    db
      .select({
        customerId: customers.id,
        name: customers.name,
        cardNo: customers.cardNo,
        phoneE164: customers.phoneE164,
        customerOwnerId: customers.ownerId,
        ownerSince: customers.ownerSince,
        orderId: orders.id,
        orderNo: orders.orderNo,
        vin: orders.vin,
        seriesName: catalogSeries.name,
        modelName: catalogModels.name,
        configurationName: catalogConfigurations.name,
        plateNo: orders.plateNo,
        licensedOn: orders.licensedOn,
        deliveredAt: sql<Date>`${orders.deliveredAt}`.mapWith(orders.deliveredAt),
        licenceMonth: month,
        consultantId: orders.consultantId,
        consultantName: consultant.displayName,
      })
      .from(orders)
      .innerJoin(customers, and(eq(customers.dealerId, orders.dealerId), eq(customers.id, orders.customerId)))
      .innerJoin(
        consultant,
        and(eq(consultant.dealerId, orders.dealerId), eq(consultant.id, orders.consultantId)),
      )
      .leftJoin(
        catalogConfigurations,
        and(
          eq(catalogConfigurations.dealerId, orders.dealerId),
          eq(catalogConfigurations.id, orders.configurationId),
        ),
      )
      .leftJoin(
        catalogModels,
        and(eq(catalogModels.dealerId, orders.dealerId), eq(catalogModels.id, catalogConfigurations.modelId)),
      )
      .leftJoin(
        catalogSeries,
        and(eq(catalogSeries.dealerId, orders.dealerId), eq(catalogSeries.id, catalogModels.seriesId)),
      );
  const [rows, totals] = await Promise.all([
    base()
      .where(where)
      .orderBy(desc(month), desc(orders.deliveredAt), asc(orders.id))
      .limit(page.limit)
      .offset(page.offset),
    db
      .select({ n: count() })
      .from(orders)
      .innerJoin(customers, and(eq(customers.dealerId, orders.dealerId), eq(customers.id, orders.customerId)))
      .where(where),
  ]);
  return { rows: rows as OwnerRow[], total: totals[0]?.n ?? 0 };
};

/** The customer's open (or nurturing) lead, newest first: the one an order closes. */
export const findOpenLeadOf = async (db: Executor, dealerId: string, customerId: string) => {
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
    .orderBy(desc(leads.createdAt))
    .limit(1);
  return row;
};

/** The store's active walk-in source (a walk-in buyer's lead comes from it). */
export const findWalkInSource = async (db: Executor, dealerId: string) => {
  const [row] = await db
    .select({ id: leadSources.id })
    .from(leadSources)
    .where(
      and(eq(leadSources.dealerId, dealerId), eq(leadSources.code, 'walk_in'), eq(leadSources.active, true)),
    )
    .limit(1);
  return row;
};

/** Delivery ends whatever contact was planned before the handover: owner care is planned next. */
export const cancelOpenRuleTasks = async (db: Executor, dealerId: string, leadId: string): Promise<void> => {
  await db
    .update(tasks)
    .set({ status: 'cancelled', updatedAt: sql`now()`, version: sql`${tasks.version} + 1` })
    .where(
      and(
        eq(tasks.dealerId, dealerId),
        eq(tasks.leadId, leadId),
        eq(tasks.status, 'open'),
        eq(tasks.custom, false),
      ),
    );
};
