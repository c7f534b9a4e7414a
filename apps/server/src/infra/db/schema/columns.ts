import { integer, timestamp, uuid } from 'drizzle-orm/pg-core';
import { uuidv7 } from 'uuidv7';

/** Times are stored in UTC with their zone; shown in the dealer's time zone. */
export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * The columns every business row has (ARCHITECTURE "Data rules"): the dealer it belongs to, a
 * time-ordered id, audit times and a version for optimistic locking. The primary key of every such
 * table is (dealer_id, id), so the tables can be distributed by dealer.
 */
export const tenantColumns = () => ({
  dealerId: uuid('dealer_id').notNull(),
  id: uuid('id')
    .notNull()
    .$defaultFn(() => uuidv7()),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  version: integer('version').notNull().default(0),
});
