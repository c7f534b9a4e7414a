import { and, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../infra/db/database';
import { customers, dealers, leads } from '../infra/db/schema/index';

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

export const storeTimeZone = async (db: Executor, dealerId: string): Promise<string> => {
  const [row] = await db.select({ timeZone: dealers.timeZone }).from(dealers).where(eq(dealers.id, dealerId));
  return row?.timeZone ?? 'Asia/Shanghai';
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
