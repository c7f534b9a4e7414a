import type { MergeProfile, OtherPhone } from '@qianke/core/customers/merge-profile';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../infra/db/database';
import {
  customers,
  followUps,
  leads,
  orders,
  showroomVisits,
  tasks,
  testDrives,
} from '../infra/db/schema/index';

export type MergeRow = MergeProfile & {
  id: string;
  name: string;
  fleet: boolean;
  mergedIntoId: string | null;
  orderCount: number;
  version: number;
};

/** The customers to merge, locked until the transaction ends, with what the merge rules need. */
export const lockMergeRows = async (
  db: Executor,
  dealerId: string,
  ids: readonly string[],
): Promise<MergeRow[]> => {
  const rows = await db
    .select({
      id: customers.id,
      name: customers.name,
      cardNo: customers.cardNo,
      fleet: customers.fleet,
      mergedIntoId: customers.mergedIntoId,
      version: customers.version,
      phoneE164: customers.phoneE164,
      phoneRaw: customers.phoneRaw,
      otherPhones: sql<OtherPhone[]>`${customers.otherPhones}`,
      gender: customers.gender,
      region: customers.region,
      address: customers.address,
      occupation: customers.occupation,
      company: customers.company,
      currentCar: customers.currentCar,
      budgetMin: customers.budgetMin,
      budgetMax: customers.budgetMax,
      paymentIntent: customers.paymentIntent,
      ownerId: customers.ownerId,
      sourceId: customers.sourceId,
      level: customers.level,
      nextContactAt: customers.nextContactAt,
      // Written out in full: with one table in FROM, drizzle would leave the outer columns unqualified.
      orderCount: sql<number>`(select count(*)::int from ${orders} o where o.dealer_id = "customers"."dealer_id" and o.customer_id = "customers"."id")`,
    })
    .from(customers)
    .where(and(eq(customers.dealerId, dealerId), inArray(customers.id, [...ids])))
    .orderBy(customers.id)
    .for('update');
  return rows;
};

/** Gives every lead, visit, follow-up and task of the merged customers to the one kept. */
export const moveCustomerRecords = async (
  db: Executor,
  dealerId: string,
  fromIds: readonly string[],
  toId: string,
): Promise<{ leads: number; visits: number; followUps: number; tasks: number }> => {
  const from = [...fromIds];
  const moved = async (
    table: typeof leads | typeof showroomVisits | typeof followUps | typeof tasks | typeof testDrives,
  ): Promise<number> => {
    const rows = await db
      .update(table)
      .set({ customerId: toId, updatedAt: sql`now()` })
      .where(and(eq(table.dealerId, dealerId), inArray(table.customerId, from)))
      .returning({ id: table.id });
    return rows.length;
  };
  const counts = {
    leads: await moved(leads),
    visits: await moved(showroomVisits),
    followUps: await moved(followUps),
    tasks: await moved(tasks),
  };
  // Test drives (issue 5) go with the customer too.
  await moved(testDrives);
  return counts;
};

/** Merged customers give up their main number first, so the kept one may list it (unique per store). */
export const retireMergedCustomers = async (
  db: Executor,
  dealerId: string,
  ids: readonly string[],
  survivorId: string,
) => {
  await db
    .update(customers)
    .set({
      phoneE164: null,
      mergedIntoId: survivorId,
      updatedAt: sql`now()`,
      version: sql`${customers.version} + 1`,
    })
    .where(and(eq(customers.dealerId, dealerId), inArray(customers.id, [...ids])));
};
