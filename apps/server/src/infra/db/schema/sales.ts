import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { dealers, users } from './accounts';
import { catalogColours, catalogConfigurations } from './catalog';
import { tenantColumns, ts } from './columns';
import { customers, leadSources, leads, showroomVisits } from './customers';

/**
 * A vehicle of the store's stock, by VIN (DOMAIN §3 order). One order at a time may hold it: the
 * partial unique index on orders.stock_vehicle_id says so, whatever the status here says.
 */
export const stockVehicles = pgTable(
  'stock_vehicles',
  {
    ...tenantColumns(),
    vin: text('vin').notNull(),
    configurationId: uuid('configuration_id').notNull(),
    colourId: uuid('colour_id'),
    status: text('status').notNull().default('in_stock').$type<'in_stock' | 'reserved' | 'sold'>(),
    /** Day the vehicle reached the store's yard. */
    arrivedOn: date('arrived_on', { mode: 'string' }),
    note: text('note'),
  },
  (t) => [
    primaryKey({ columns: [t.dealerId, t.id] }),
    unique('stock_vehicles_vin_key').on(t.dealerId, t.vin),
    index('stock_vehicles_status_idx').on(t.dealerId, t.status),
    foreignKey({ columns: [t.dealerId], foreignColumns: [dealers.id] }),
    foreignKey({
      columns: [t.dealerId, t.configurationId],
      foreignColumns: [catalogConfigurations.dealerId, catalogConfigurations.id],
    }),
    foreignKey({
      columns: [t.dealerId, t.colourId],
      foreignColumns: [catalogColours.dealerId, catalogColours.id],
    }),
  ],
);

/** A demo car (试驾车) customers test-drive; it has its own booking schedule. */
export const demoCars = pgTable(
  'demo_cars',
  {
    ...tenantColumns(),
    configurationId: uuid('configuration_id').notNull(),
    colourId: uuid('colour_id'),
    vin: text('vin'),
    plateNo: text('plate_no').notNull(),
    active: boolean('active').notNull().default(true),
    note: text('note'),
  },
  (t) => [
    primaryKey({ columns: [t.dealerId, t.id] }),
    unique('demo_cars_plate_no_key').on(t.dealerId, t.plateNo),
    foreignKey({ columns: [t.dealerId], foreignColumns: [dealers.id] }),
    foreignKey({
      columns: [t.dealerId, t.configurationId],
      foreignColumns: [catalogConfigurations.dealerId, catalogConfigurations.id],
    }),
    foreignKey({
      columns: [t.dealerId, t.colourId],
      foreignColumns: [catalogColours.dealerId, catalogColours.id],
    }),
  ],
);

/**
 * A test drive (试驾) booked against a demo car. Two bookings of one car never overlap: a booking
 * locks the car's row, then checks the schedule, in one transaction.
 */
export const testDrives = pgTable(
  'test_drives',
  {
    ...tenantColumns(),
    customerId: uuid('customer_id').notNull(),
    leadId: uuid('lead_id'),
    demoCarId: uuid('demo_car_id').notNull(),
    consultantId: uuid('consultant_id').notNull(),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    status: text('status').notNull().default('booked').$type<'booked' | 'done' | 'cancelled' | 'no_show'>(),
    /** Driving licence (驾驶证) number as checked, and who checked it when. */
    licenceNo: text('licence_no'),
    licenceCheckedAt: ts('licence_checked_at'),
    licenceCheckedBy: uuid('licence_checked_by'),
    route: text('route'),
    feedback: text('feedback'),
    /** The customer's satisfaction, 1..5. */
    rating: integer('rating'),
    followUpId: uuid('follow_up_id'),
    cancelReason: text('cancel_reason'),
    createdBy: uuid('created_by'),
  },
  (t) => [
    primaryKey({ columns: [t.dealerId, t.id] }),
    index('test_drives_car_idx').on(t.dealerId, t.demoCarId, t.startsAt),
    index('test_drives_customer_idx').on(t.dealerId, t.customerId),
    // The funnel report finds a lead's first test drive, visit and order by lead (issue 7 benchmark).
    index('test_drives_lead_idx').on(t.dealerId, t.leadId),
    foreignKey({ columns: [t.dealerId, t.customerId], foreignColumns: [customers.dealerId, customers.id] }),
    foreignKey({ columns: [t.dealerId, t.leadId], foreignColumns: [leads.dealerId, leads.id] }),
    foreignKey({ columns: [t.dealerId, t.demoCarId], foreignColumns: [demoCars.dealerId, demoCars.id] }),
    foreignKey({ columns: [t.dealerId, t.consultantId], foreignColumns: [users.dealerId, users.id] }),
  ],
);

/** An invitation (邀约) to the showroom, mostly booked by DCC. */
export const invitations = pgTable(
  'invitations',
  {
    ...tenantColumns(),
    customerId: uuid('customer_id').notNull(),
    leadId: uuid('lead_id').notNull(),
    invitedBy: uuid('invited_by').notNull(),
    consultantId: uuid('consultant_id'),
    scheduledAt: ts('scheduled_at').notNull(),
    purpose: text('purpose').notNull().$type<'viewing' | 'test_drive' | 'negotiation' | 'delivery'>(),
    status: text('status')
      .notNull()
      .default('scheduled')
      .$type<'scheduled' | 'arrived' | 'no_show' | 'cancelled'>(),
    arrivedAt: ts('arrived_at'),
    visitId: uuid('visit_id'),
    /** The invitation this one re-invites after a no-show. */
    previousId: uuid('previous_id'),
    /** When the lead went back to the manager (invited, not arrived for 30 days). */
    returnedAt: ts('returned_at'),
    note: text('note'),
  },
  (t) => [
    primaryKey({ columns: [t.dealerId, t.id] }),
    index('invitations_customer_idx').on(t.dealerId, t.customerId, t.status),
    index('invitations_scheduled_idx').on(t.dealerId, t.status, t.scheduledAt),
    index('invitations_inviter_idx').on(t.dealerId, t.invitedBy, t.createdAt),
    foreignKey({ columns: [t.dealerId, t.customerId], foreignColumns: [customers.dealerId, customers.id] }),
    foreignKey({ columns: [t.dealerId, t.leadId], foreignColumns: [leads.dealerId, leads.id] }),
    foreignKey({ columns: [t.dealerId, t.invitedBy], foreignColumns: [users.dealerId, users.id] }),
    foreignKey({ columns: [t.dealerId, t.consultantId], foreignColumns: [users.dealerId, users.id] }),
    foreignKey({
      columns: [t.dealerId, t.visitId],
      foreignColumns: [showroomVisits.dealerId, showroomVisits.id],
    }),
  ],
);

/** One DCC call, outbound (OB) from a call list or inbound (IB) matched to a customer by phone. */
export const dccCalls = pgTable(
  'dcc_calls',
  {
    ...tenantColumns(),
    direction: text('direction').notNull().$type<'outbound' | 'inbound'>(),
    agentId: uuid('agent_id').notNull(),
    customerId: uuid('customer_id'),
    leadId: uuid('lead_id'),
    phoneE164: text('phone_e164'),
    phoneRaw: text('phone_raw'),
    /** Which call list the call was made from: new_portal, no_show, due... (null for inbound). */
    list: text('list'),
    /** reached, no_answer, busy, wrong_number, not_interested, invited, call_back... */
    outcome: text('outcome').notNull(),
    note: text('note'),
    occurredAt: ts('occurred_at').notNull(),
    nextCallAt: ts('next_call_at'),
    invitationId: uuid('invitation_id'),
  },
  (t) => [
    primaryKey({ columns: [t.dealerId, t.id] }),
    index('dcc_calls_agent_idx').on(t.dealerId, t.agentId, t.occurredAt),
    index('dcc_calls_lead_idx').on(t.dealerId, t.leadId, t.occurredAt),
    index('dcc_calls_customer_idx').on(t.dealerId, t.customerId, t.occurredAt),
    foreignKey({ columns: [t.dealerId, t.agentId], foreignColumns: [users.dealerId, users.id] }),
    foreignKey({ columns: [t.dealerId, t.customerId], foreignColumns: [customers.dealerId, customers.id] }),
    foreignKey({ columns: [t.dealerId, t.leadId], foreignColumns: [leads.dealerId, leads.id] }),
  ],
);

/**
 * Sales order (销售订单): draft -> confirmed -> delivered, or cancelled. A live order (not cancelled)
 * holds its stock vehicle: the partial unique index lets only one live order hold a VIN, so two
 * consultants selling the same car at the same moment get one order and one 409.
 */
export const orders = pgTable(
  'orders',
  {
    ...tenantColumns(),
    orderNo: text('order_no').notNull(),
    customerId: uuid('customer_id').notNull(),
    leadId: uuid('lead_id'),
    /**
     * The source of the order's lead (a lead's source never changes), so the source report need not look
     * up a lead per order; kept by customers/order-facts.ts in the transaction that writes the order.
     */
    leadSourceId: uuid('lead_source_id'),
    consultantId: uuid('consultant_id').notNull(),
    configurationId: uuid('configuration_id'),
    colourId: uuid('colour_id'),
    stockVehicleId: uuid('stock_vehicle_id'),
    vin: text('vin'),
    price: numeric('price', { precision: 12, scale: 2, mode: 'number' }).notNull(),
    discount: numeric('discount', { precision: 12, scale: 2, mode: 'number' }).notNull().default(0),
    deposit: numeric('deposit', { precision: 12, scale: 2, mode: 'number' }).notNull().default(0),
    depositPaidAt: ts('deposit_paid_at'),
    paymentMethod: text('payment_method').notNull().$type<'cash' | 'loan'>(),
    /** For loans: none yet, applied, approved, rejected, disbursed. */
    loanStatus: text('loan_status').$type<'applied' | 'approved' | 'rejected' | 'disbursed' | null>(),
    loanBank: text('loan_bank'),
    /** The customer's old car taken in part exchange: { brand, model, year, mileageKm, valuation }. */
    tradeIn: jsonb('trade_in'),
    status: text('status').notNull().$type<'draft' | 'confirmed' | 'delivered' | 'cancelled'>(),
    orderedAt: ts('ordered_at').notNull(),
    confirmedAt: ts('confirmed_at'),
    expectedDeliveryOn: date('expected_delivery_on', { mode: 'string' }),
    deliveredAt: ts('delivered_at'),
    /** Registration (上牌): the owner card is filed by its month. */
    plateNo: text('plate_no'),
    licensedOn: date('licensed_on', { mode: 'string' }),
    cancelledAt: ts('cancelled_at'),
    cancelReason: text('cancel_reason'),
    note: text('note'),
    createdBy: uuid('created_by'),
  },
  (t) => [
    primaryKey({ columns: [t.dealerId, t.id] }),
    unique('orders_order_no_key').on(t.dealerId, t.orderNo),
    index('orders_customer_idx').on(t.dealerId, t.customerId),
    index('orders_lead_idx').on(t.dealerId, t.leadId),
    index('orders_status_idx').on(t.dealerId, t.status, t.orderedAt),
    uniqueIndex('orders_one_live_per_vehicle_key')
      .on(t.dealerId, t.stockVehicleId)
      .where(sql`${t.status} <> 'cancelled' and ${t.stockVehicleId} is not null`),
    foreignKey({ columns: [t.dealerId, t.customerId], foreignColumns: [customers.dealerId, customers.id] }),
    foreignKey({
      columns: [t.dealerId, t.leadSourceId],
      foreignColumns: [leadSources.dealerId, leadSources.id],
    }),
    foreignKey({ columns: [t.dealerId, t.consultantId], foreignColumns: [users.dealerId, users.id] }),
    foreignKey({
      columns: [t.dealerId, t.stockVehicleId],
      foreignColumns: [stockVehicles.dealerId, stockVehicles.id],
    }),
  ],
);
