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
import { tenantColumns, ts } from './columns';

/** The per-store source tree (DOMAIN §2): channel -> source -> sub-source. */
export const leadSources = pgTable(
  'lead_sources',
  {
    ...tenantColumns(),
    parentId: uuid('parent_id'),
    tier: text('tier').notNull().$type<'channel' | 'source' | 'sub_source'>(),
    code: text('code').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    sort: integer('sort').notNull().default(0),
    active: boolean('active').notNull().default(true),
  },
  (t) => [
    primaryKey({ columns: [t.dealerId, t.id] }),
    unique('lead_sources_code_key').on(t.dealerId, t.code),
    foreignKey({ columns: [t.dealerId], foreignColumns: [dealers.id] }),
    foreignKey({ columns: [t.dealerId, t.parentId], foreignColumns: [t.dealerId, t.id] }),
  ],
);

/** Customer profile card (客户资料卡). Identity within a dealer is the phone (E.164). */
export const customers = pgTable(
  'customers',
  {
    ...tenantColumns(),
    cardNo: text('card_no').notNull(),
    kind: text('kind').notNull().default('person').$type<'person' | 'company'>(),
    name: text('name').notNull(),
    gender: text('gender').$type<'male' | 'female' | null>(),
    phoneE164: text('phone_e164'),
    phoneRaw: text('phone_raw'),
    /** Further numbers: [{ e164, raw, label }]. */
    otherPhones: jsonb('other_phones').notNull().default(sql`'[]'::jsonb`),
    region: text('region'),
    address: text('address'),
    occupation: text('occupation'),
    company: text('company'),
    currentCar: text('current_car'),
    budgetMin: numeric('budget_min', { precision: 12, scale: 2, mode: 'number' }),
    budgetMax: numeric('budget_max', { precision: 12, scale: 2, mode: 'number' }),
    paymentIntent: text('payment_intent').$type<'cash' | 'loan' | 'undecided' | null>(),
    sourceId: uuid('source_id'),
    ownerId: uuid('owner_id'),
    level: text('level').$type<'O' | 'H' | 'A' | 'B' | 'C' | null>(),
    nextContactAt: ts('next_contact_at'),
    fleet: boolean('fleet').notNull().default(false),
    /** Became a vehicle owner here (保有客户). */
    ownerSince: date('owner_since', { mode: 'string' }),
    mergedIntoId: uuid('merged_into_id'),
    /**
     * When the latest live (not cancelled) order was ordered, for the traffic report's "ordered" visits;
     * kept by customers/order-facts.ts in the transaction that writes an order.
     */
    lastOrderedAt: ts('last_ordered_at'),
  },
  (t) => [
    primaryKey({ columns: [t.dealerId, t.id] }),
    unique('customers_phone_key').on(t.dealerId, t.phoneE164),
    unique('customers_card_no_key').on(t.dealerId, t.cardNo),
    index('customers_owner_idx').on(t.dealerId, t.ownerId),
    // Keyset pagination of the customer list, newest first.
    index('customers_created_idx').on(t.dealerId, t.createdAt.desc(), t.id.desc()),
    // Substring search by name, phone fragment and card number (pg_trgm). No GIN pending list
    // (fastupdate off): with one, every search and every capture's dedup also reads all the entries
    // inserted since the last vacuum (5 ms instead of 0.3 ms for one phone after a day of intake).
    index('customers_name_trgm_idx').using('gin', t.name.op('gin_trgm_ops')).with({ fastupdate: false }),
    index('customers_phone_trgm_idx')
      .using('gin', t.phoneE164.op('gin_trgm_ops'))
      .with({ fastupdate: false }),
    index('customers_card_no_trgm_idx').using('gin', t.cardNo.op('gin_trgm_ops')).with({ fastupdate: false }),
    // Dedup also finds a customer by a further phone (e.g. the number of a card merged into it).
    index('customers_other_phones_idx')
      .using('gin', t.otherPhones.op('jsonb_path_ops'))
      .with({ fastupdate: false }),
    foreignKey({ columns: [t.dealerId], foreignColumns: [dealers.id] }),
    foreignKey({ columns: [t.dealerId, t.ownerId], foreignColumns: [users.dealerId, users.id] }),
    foreignKey({ columns: [t.dealerId, t.sourceId], foreignColumns: [leadSources.dealerId, leadSources.id] }),
  ],
);

/** One purchase interest (inquiry) of a customer. A repeat inquiry is a new lead, never a new customer. */
export const leads = pgTable(
  'leads',
  {
    ...tenantColumns(),
    customerId: uuid('customer_id').notNull(),
    seriesId: uuid('series_id'),
    modelId: uuid('model_id'),
    colourId: uuid('colour_id'),
    sourceId: uuid('source_id').notNull(),
    campaignCode: text('campaign_code'),
    /** How the lead reached us: walk_in, phone_in, portal, website, hotline_400, event, referral, import... */
    channel: text('channel').notNull(),
    level: text('level').$type<'O' | 'H' | 'A' | 'B' | 'C'>(),
    /** Purchase horizon tier (DOMAIN §2): m1, m2_3, m4_6, m7_12, m12_plus. */
    horizon: text('horizon').$type<'m1' | 'm2_3' | 'm4_6' | 'm7_12' | 'm12_plus'>(),
    status: text('status').notNull().default('open').$type<'open' | 'won' | 'lost' | 'nurturing'>(),
    ownerId: uuid('owner_id'),
    assignedAt: ts('assigned_at'),
    /** Why this owner: { by: 'rule' | 'manager' | 'capture', ruleName?, ... }, shown on the lead. */
    assignmentReason: jsonb('assignment_reason'),
    firstContactDueAt: ts('first_contact_due_at'),
    firstContactedAt: ts('first_contacted_at'),
    /**
     * The funnel's milestones (core/reports/funnel.ts): the lead's first showroom visit, first test drive
     * done, first live order and first delivery: its own, or its customer's without a lead from the lead's
     * creation on. Derived from those tables and kept in the transaction that writes them
     * (customers/lead-milestones.ts), so a report reads one row per lead instead of every event.
     */
    visitedAt: ts('visited_at'),
    testDrivenAt: ts('test_driven_at'),
    orderedAt: ts('ordered_at'),
    deliveredAt: ts('delivered_at'),
    closedAt: ts('closed_at'),
    lostReason: text('lost_reason'),
    note: text('note'),
    externalId: text('external_id'),
    rawPayload: jsonb('raw_payload'),
  },
  (t) => [
    primaryKey({ columns: [t.dealerId, t.id] }),
    index('leads_customer_idx').on(t.dealerId, t.customerId),
    index('leads_owner_status_idx').on(t.dealerId, t.ownerId, t.status),
    // The reports' cohorts: a store's leads created in a period.
    index('leads_created_idx').on(t.dealerId, t.createdAt),
    foreignKey({ columns: [t.dealerId, t.customerId], foreignColumns: [customers.dealerId, customers.id] }),
    foreignKey({ columns: [t.dealerId, t.ownerId], foreignColumns: [users.dealerId, users.id] }),
    foreignKey({ columns: [t.dealerId, t.sourceId], foreignColumns: [leadSources.dealerId, leadSources.id] }),
  ],
);

/** Every level change (from, to, who, when, why). */
export const leadLevelChanges = pgTable(
  'lead_level_changes',
  {
    ...tenantColumns(),
    leadId: uuid('lead_id').notNull(),
    fromLevel: text('from_level'),
    toLevel: text('to_level').notNull(),
    changedBy: uuid('changed_by'),
    changedAt: ts('changed_at').notNull(),
    reason: text('reason'),
  },
  (t) => [
    primaryKey({ columns: [t.dealerId, t.id] }),
    index('lead_level_changes_lead_idx').on(t.dealerId, t.leadId),
    foreignKey({ columns: [t.dealerId, t.leadId], foreignColumns: [leads.dealerId, leads.id] }),
  ],
);

/** Showroom traffic log (展厅接待) and phone-in log: every arrival, with or without contact details. */
export const showroomVisits = pgTable(
  'showroom_visits',
  {
    ...tenantColumns(),
    kind: text('kind').notNull().default('visit').$type<'visit' | 'phone_in'>(),
    customerId: uuid('customer_id'),
    leadId: uuid('lead_id'),
    arrivedAt: ts('arrived_at').notNull(),
    leftAt: ts('left_at'),
    partySize: integer('party_size').notNull().default(1),
    firstVisit: boolean('first_visit').notNull(),
    consultantId: uuid('consultant_id'),
    seriesId: uuid('series_id'),
    sourceId: uuid('source_id'),
    leftContact: boolean('left_contact').notNull(),
    /** Closed on the spot (counts against the retention-rate denominator, DOMAIN §3). */
    closedOnSpot: boolean('closed_on_spot').notNull().default(false),
    callbackDueAt: ts('callback_due_at'),
    loggedBy: uuid('logged_by'),
    note: text('note'),
  },
  (t) => [
    primaryKey({ columns: [t.dealerId, t.id] }),
    index('showroom_visits_arrived_idx').on(t.dealerId, t.arrivedAt),
    // A lead's and a customer's visits (funnel report, customer card): without these every lookup read
    // all of the store's visits (issue 7 benchmark: 26 s for a one-month funnel of 20k customers).
    index('showroom_visits_lead_idx').on(t.dealerId, t.leadId),
    index('showroom_visits_customer_idx').on(t.dealerId, t.customerId),
    foreignKey({ columns: [t.dealerId, t.customerId], foreignColumns: [customers.dealerId, customers.id] }),
    foreignKey({ columns: [t.dealerId, t.consultantId], foreignColumns: [users.dealerId, users.id] }),
  ],
);

/** Follow-up record (跟进记录). */
export const followUps = pgTable(
  'follow_ups',
  {
    ...tenantColumns(),
    leadId: uuid('lead_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    userId: uuid('user_id').notNull(),
    channel: text('channel')
      .notNull()
      .$type<'phone' | 'sms' | 'wechat' | 'email' | 'visit' | 'showroom' | 'mail'>(),
    content: text('content').notNull(),
    result: text('result').notNull(),
    levelBefore: text('level_before'),
    levelAfter: text('level_after'),
    occurredAt: ts('occurred_at').notNull(),
    nextContactAt: ts('next_contact_at'),
  },
  (t) => [
    primaryKey({ columns: [t.dealerId, t.id] }),
    index('follow_ups_lead_idx').on(t.dealerId, t.leadId, t.occurredAt),
    // A customer's timeline reads its follow-ups and calls by customer (10M follow-ups in a group).
    index('follow_ups_customer_idx').on(t.dealerId, t.customerId, t.occurredAt),
    foreignKey({ columns: [t.dealerId, t.leadId], foreignColumns: [leads.dealerId, leads.id] }),
    foreignKey({ columns: [t.dealerId, t.userId], foreignColumns: [users.dealerId, users.id] }),
  ],
);

/** Follow-up tasks (跟进提醒). */
export const tasks = pgTable(
  'tasks',
  {
    ...tenantColumns(),
    leadId: uuid('lead_id'),
    customerId: uuid('customer_id'),
    assigneeId: uuid('assignee_id').notNull(),
    kind: text('kind').notNull(),
    dueAt: ts('due_at').notNull(),
    status: text('status').notNull().default('open').$type<'open' | 'done' | 'cancelled'>(),
    doneAt: ts('done_at'),
    followUpId: uuid('follow_up_id'),
    ruleKey: text('rule_key'),
    title: text('title'),
    /** Planned by a person rather than by the rule table. */
    custom: boolean('custom').notNull().default(false),
    createdBy: uuid('created_by'),
  },
  (t) => [
    primaryKey({ columns: [t.dealerId, t.id] }),
    index('tasks_assignee_due_idx').on(t.dealerId, t.assigneeId, t.status, t.dueAt),
    // The rule table plans at most one open task per lead; regenerating can never add a second.
    uniqueIndex('tasks_one_open_rule_task_key')
      .on(t.dealerId, t.leadId)
      .where(sql`${t.status} = 'open' and ${t.custom} = false`),
    foreignKey({ columns: [t.dealerId, t.assigneeId], foreignColumns: [users.dealerId, users.id] }),
    foreignKey({ columns: [t.dealerId, t.leadId], foreignColumns: [leads.dealerId, leads.id] }),
  ],
);

/** Card-number serials per store, prefix (consultant code) and year: `A01-26-0001`. */
export const cardCounters = pgTable(
  'card_counters',
  {
    dealerId: uuid('dealer_id').notNull(),
    prefix: text('prefix').notNull(),
    year: integer('year').notNull(),
    lastSerial: integer('last_serial').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.dealerId, t.prefix, t.year] }),
    foreignKey({ columns: [t.dealerId], foreignColumns: [dealers.id] }),
  ],
);
