import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { dealers, users } from './accounts';
import { tenantColumns, ts } from './columns';
import { followUps, leads } from './customers';

/** The store's follow-up rule table (issue 4): a preset of the seeds, or the admin's own edit of one. */
export const cadenceRuleSets = pgTable(
  'cadence_rule_sets',
  {
    dealerId: uuid('dealer_id').notNull(),
    preset: text('preset').notNull().$type<'seed_001' | 'seed_003' | 'custom'>(),
    rules: jsonb('rules').notNull(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
    version: integer('version').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.dealerId] }),
    foreignKey({ columns: [t.dealerId], foreignColumns: [dealers.id] }),
  ],
);

/** The holiday calendar that drives holiday care (节日关怀). */
export const holidays = pgTable(
  'holidays',
  {
    dealerId: uuid('dealer_id').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.dealerId, t.date] }),
    foreignKey({ columns: [t.dealerId], foreignColumns: [dealers.id] }),
  ],
);

/** Automatic assignment: leads matching a channel/source go to a pool, by rotation, under a cap. */
export const assignmentRules = pgTable(
  'assignment_rules',
  {
    ...tenantColumns(),
    name: text('name').notNull(),
    priority: integer('priority').notNull().default(100),
    /** { channels?: string[], sourceCodes?: string[] }; empty = every lead. */
    match: jsonb('match').notNull().default(sql`'{}'::jsonb`),
    /** Users who take leads from this rule, in rotation. */
    poolUserIds: jsonb('pool_user_ids').notNull().default(sql`'[]'::jsonb`),
    /** Most open leads a user of the pool may hold before the rule skips them. */
    openLeadCap: integer('open_lead_cap'),
    active: boolean('active').notNull().default(true),
  },
  (t) => [
    primaryKey({ columns: [t.dealerId, t.id] }),
    foreignKey({ columns: [t.dealerId], foreignColumns: [dealers.id] }),
  ],
);

/** The store's list of defeat reasons (战败原因). */
export const defeatReasons = pgTable(
  'defeat_reasons',
  {
    ...tenantColumns(),
    code: text('code').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    needsCompetitor: boolean('needs_competitor').notNull().default(false),
    sort: integer('sort').notNull().default(0),
    active: boolean('active').notNull().default(true),
  },
  (t) => [
    primaryKey({ columns: [t.dealerId, t.id] }),
    unique('defeat_reasons_code_key').on(t.dealerId, t.code),
    foreignKey({ columns: [t.dealerId], foreignColumns: [dealers.id] }),
  ],
);

/** A consultant's request to close a lead as lost, and the manager's decision. */
export const defeatRequests = pgTable(
  'defeat_requests',
  {
    ...tenantColumns(),
    leadId: uuid('lead_id').notNull(),
    requestedBy: uuid('requested_by').notNull(),
    reasonId: uuid('reason_id').notNull(),
    competitorBrand: text('competitor_brand'),
    competitorModel: text('competitor_model'),
    note: text('note'),
    status: text('status').notNull().default('pending').$type<'pending' | 'approved' | 'rejected'>(),
    /** On approval: close as lost, reassign to another owner, or move to the nurturing pool. */
    outcome: text('outcome').$type<'lost' | 'reassigned' | 'nurturing' | null>(),
    decidedBy: uuid('decided_by'),
    decidedAt: ts('decided_at'),
    managerNote: text('manager_note'),
  },
  (t) => [
    primaryKey({ columns: [t.dealerId, t.id] }),
    index('defeat_requests_status_idx').on(t.dealerId, t.status, t.createdAt),
    foreignKey({ columns: [t.dealerId, t.leadId], foreignColumns: [leads.dealerId, leads.id] }),
    foreignKey({ columns: [t.dealerId, t.requestedBy], foreignColumns: [users.dealerId, users.id] }),
    foreignKey({
      columns: [t.dealerId, t.reasonId],
      foreignColumns: [defeatReasons.dealerId, defeatReasons.id],
    }),
  ],
);

/**
 * MAN qualification of a lead (seed 001: money, authority, need), as last judged when grading: one
 * row per lead, none until someone judges it. Kept beside `leads` rather than in it (issue 4).
 */
export const leadMan = pgTable(
  'lead_man',
  {
    dealerId: uuid('dealer_id').notNull(),
    leadId: uuid('lead_id').notNull(),
    money: boolean('money').notNull(),
    authority: boolean('authority').notNull(),
    need: boolean('need').notNull(),
    judgedBy: uuid('judged_by'),
    judgedAt: ts('judged_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.dealerId, t.leadId] }),
    foreignKey({ columns: [t.dealerId, t.leadId], foreignColumns: [leads.dealerId, leads.id] }),
    foreignKey({ columns: [t.dealerId, t.judgedBy], foreignColumns: [users.dealerId, users.id] }),
  ],
);

/** A manager's comment (批复) on a follow-up. */
export const followUpComments = pgTable(
  'follow_up_comments',
  {
    ...tenantColumns(),
    followUpId: uuid('follow_up_id').notNull(),
    authorId: uuid('author_id').notNull(),
    body: text('body').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.dealerId, t.id] }),
    index('follow_up_comments_follow_up_idx').on(t.dealerId, t.followUpId),
    foreignKey({ columns: [t.dealerId, t.followUpId], foreignColumns: [followUps.dealerId, followUps.id] }),
    foreignKey({ columns: [t.dealerId, t.authorId], foreignColumns: [users.dealerId, users.id] }),
  ],
);

/** In-app notifications (the bell): new assignment, comment, overdue, arrival of your customer. */
export const notifications = pgTable(
  'notifications',
  {
    ...tenantColumns(),
    userId: uuid('user_id').notNull(),
    kind: text('kind').notNull(),
    /** What the notification is about, so a timer that runs twice notifies once. */
    subjectKey: text('subject_key').notNull(),
    payload: jsonb('payload').notNull().default(sql`'{}'::jsonb`),
    readAt: ts('read_at'),
  },
  (t) => [
    primaryKey({ columns: [t.dealerId, t.id] }),
    unique('notifications_subject_key').on(t.dealerId, t.userId, t.kind, t.subjectKey),
    index('notifications_user_idx').on(t.dealerId, t.userId, t.createdAt),
    foreignKey({ columns: [t.dealerId, t.userId], foreignColumns: [users.dealerId, users.id] }),
  ],
);
