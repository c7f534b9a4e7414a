import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { uuidv7 } from 'uuidv7';
import { tenantColumns, ts } from './columns';

/** The installation: one row once the first dealer exists (set-up page or demo). */
export const installation = pgTable(
  'installation',
  {
    id: integer('id').primaryKey().default(1),
    mode: text('mode').notNull().$type<'demo' | 'setup'>(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [check('installation_single_row', sql`${t.id} = 1`)],
);

export const dealerGroups = pgTable('dealer_groups', {
  id: uuid('id')
    .primaryKey()
    .$defaultFn(() => uuidv7()),
  name: text('name').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  version: integer('version').notNull().default(0),
});

/** A dealer is one store (4S店). Its id is the dealer_id of every business row. */
export const dealers = pgTable(
  'dealers',
  {
    id: uuid('id')
      .primaryKey()
      .$defaultFn(() => uuidv7()),
    groupId: uuid('group_id')
      .notNull()
      .references(() => dealerGroups.id),
    name: text('name').notNull(),
    code: text('code').notNull(),
    timeZone: text('time_zone').notNull().default('Asia/Shanghai'),
    /** Opening hours, local time 'HH:MM': the unassigned-lead alert counts only these minutes. */
    opensAt: text('opens_at').notNull().default('09:00'),
    closesAt: text('closes_at').notNull().default('18:00'),
    /** A lead without an owner for this many opening-hour minutes alerts the manager. */
    unassignedAlertMinutes: integer('unassigned_alert_minutes').notNull().default(30),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(0),
  },
  (t) => [unique('dealers_group_code_key').on(t.groupId, t.code)],
);

/**
 * Staff accounts. A user belongs to one home store (dealer_id); the username is unique across the
 * installation because people log in with it alone (docs/decisions/0001-accounts-are-global-logins.md).
 */
export const users = pgTable(
  'users',
  {
    ...tenantColumns(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    groupAdmin: boolean('group_admin').notNull().default(false),
    disabledAt: ts('disabled_at'),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    consultantCode: text('consultant_code'),
    lastLoginAt: ts('last_login_at'),
    /** On duty today: automatic assignment and showroom rotation consider only users on duty. */
    onDuty: boolean('on_duty').notNull().default(true),
  },
  (t) => [
    primaryKey({ columns: [t.dealerId, t.id] }),
    uniqueIndex('users_username_key').on(t.username),
    unique('users_dealer_consultant_code_key').on(t.dealerId, t.consultantCode),
    foreignKey({ columns: [t.dealerId], foreignColumns: [dealers.id] }),
  ],
);

export const userRoles = pgTable(
  'user_roles',
  {
    dealerId: uuid('dealer_id').notNull(),
    userId: uuid('user_id').notNull(),
    role: text('role').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.dealerId, t.userId, t.role] }),
    foreignKey({ columns: [t.dealerId, t.userId], foreignColumns: [users.dealerId, users.id] }).onDelete(
      'cascade',
    ),
  ],
);

/** Server-side sessions: the cookie holds a random token, the table its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    dealerId: uuid('dealer_id').notNull(),
    userId: uuid('user_id').notNull(),
    /** The store the user works in now; differs from dealer_id only for a group admin. */
    currentDealerId: uuid('current_dealer_id').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
    revokedAt: ts('revoked_at'),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [
    index('sessions_user_idx').on(t.dealerId, t.userId),
    foreignKey({ columns: [t.dealerId, t.userId], foreignColumns: [users.dealerId, users.id] }).onDelete(
      'cascade',
    ),
  ],
);

/** Failed-login counters per username, kept in the database so a restart does not reset them. */
export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  windowStartedAt: ts('window_started_at').notNull(),
  lockedUntil: ts('locked_until'),
});

/** Who changed what, when: every change to people, customers, leads, orders; every export and reveal. */
export const auditLog = pgTable(
  'audit_log',
  {
    dealerId: uuid('dealer_id').notNull(),
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
    at: ts('at').notNull().defaultNow(),
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
  },
  (t) => [
    primaryKey({ columns: [t.dealerId, t.id] }),
    index('audit_log_entity_idx').on(t.dealerId, t.entity, t.entityId),
  ],
);
