import { and, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../infra/db/database';
import { cardCounters, customers, dealers, leads, users } from '../infra/db/schema/index';

export type NewCustomerRow = typeof customers.$inferInsert;
export type NewLeadRow = typeof leads.$inferInsert;

export const findCustomerIdByPhone = async (
  db: Executor,
  dealerId: string,
  phoneE164: string,
): Promise<{ id: string; ownerId: string | null } | undefined> => {
  const [row] = await db
    .select({ id: customers.id, ownerId: customers.ownerId, mergedIntoId: customers.mergedIntoId })
    .from(customers)
    .where(
      and(
        eq(customers.dealerId, dealerId),
        isNull(customers.mergedIntoId),
        // A number kept as a further phone (e.g. of a merged card) belongs to that customer too.
        or(
          eq(customers.phoneE164, phoneE164),
          sql`${customers.otherPhones} @> ${JSON.stringify([{ e164: phoneE164 }])}::jsonb`,
        ),
      ),
    )
    .orderBy(sql`${customers.phoneE164} = ${phoneE164} desc`)
    .limit(1);
  return row;
};

/** The next serial of a card-number prefix and year, atomically (two desks at once get two numbers). */
export const nextCardSerial = async (db: Executor, dealerId: string, prefix: string, year: number) => {
  const [row] = await db
    .insert(cardCounters)
    .values({ dealerId, prefix, year, lastSerial: 1 })
    .onConflictDoUpdate({
      target: [cardCounters.dealerId, cardCounters.prefix, cardCounters.year],
      set: { lastSerial: sql`${cardCounters.lastSerial} + 1` },
    })
    .returning({ serial: cardCounters.lastSerial });
  if (!row) throw new Error('card counter returned no row');
  return row.serial;
};

export const storeTimeZone = async (db: Executor, dealerId: string): Promise<string> => {
  const [row] = await db.select({ timeZone: dealers.timeZone }).from(dealers).where(eq(dealers.id, dealerId));
  return row?.timeZone ?? 'Asia/Shanghai';
};

export const consultantCodeOf = async (db: Executor, dealerId: string, userId: string | null) => {
  if (!userId) return null;
  const [row] = await db
    .select({ code: users.consultantCode })
    .from(users)
    .where(and(eq(users.dealerId, dealerId), eq(users.id, userId)));
  return row?.code ?? null;
};

/** Inserts the customer unless its phone is already known (a race with another desk): then undefined. */
export const insertCustomerIfNew = async (db: Executor, row: NewCustomerRow): Promise<string | undefined> => {
  const [inserted] = await db
    .insert(customers)
    .values(row)
    .onConflictDoNothing({ target: [customers.dealerId, customers.phoneE164] })
    .returning({ id: customers.id });
  return inserted?.id;
};

export const insertLead = async (db: Executor, row: NewLeadRow): Promise<string> => {
  const [inserted] = await db.insert(leads).values(row).returning({ id: leads.id });
  if (!inserted) throw new Error('insert into leads returned no row');
  return inserted.id;
};

/** The customer's most recent lead that is still being worked (open or nurturing). */
export const findOpenLead = async (db: Executor, dealerId: string, customerId: string) => {
  const [row] = await db
    .select({ id: leads.id, ownerId: leads.ownerId })
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
