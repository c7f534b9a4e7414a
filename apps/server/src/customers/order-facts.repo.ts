import { sql } from 'drizzle-orm';
import type { Executor } from '../infra/db/database';

/** Whose order facts to recompute: some customers of a store, or every customer of some stores. */
export type OrderFactsTarget =
  | { dealerId: string; customerIds: readonly string[] }
  | { dealerIds: readonly string[] };

const uuids = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

/**
 * Recomputes what the reports keep of the target's orders and writes what changed: each order's
 * lead_source_id (its lead's source; null without a lead) and each customer's last_ordered_at (the
 * latest ordered_at of its live, not cancelled, orders; null without one). Set-based, so the same
 * statements serve one order's write and a whole store's backfill.
 */
export const refreshOrderFacts = async (db: Executor, target: OrderFactsTarget): Promise<void> => {
  if ('customerIds' in target && target.customerIds.length === 0) return;
  const of = (alias: string, customerColumn: string) => {
    const dealer = sql.raw(`${alias}.dealer_id`);
    const customer = sql.raw(`${alias}.${customerColumn}`);
    return 'customerIds' in target
      ? sql`${dealer} = ${target.dealerId} and ${customer} = any(${uuids(target.customerIds)})`
      : sql`${dealer} = any(${uuids(target.dealerIds)})`;
  };
  await db.execute(sql`
    update orders o set lead_source_id = x.source_id
    from (
      select o2.dealer_id, o2.id, l.source_id from orders o2
      left join leads l on l.dealer_id = o2.dealer_id and l.id = o2.lead_id
      where ${of('o2', 'customer_id')}
    ) x
    where o.dealer_id = x.dealer_id and o.id = x.id and o.lead_source_id is distinct from x.source_id`);
  await db.execute(sql`
    update customers c set last_ordered_at = x.at
    from (
      select c2.dealer_id, c2.id, max(o.ordered_at) filter (where o.status <> 'cancelled') as at
      from customers c2
      left join orders o on o.dealer_id = c2.dealer_id and o.customer_id = c2.id
      where ${of('c2', 'id')}
      group by c2.dealer_id, c2.id
    ) x
    where c.dealer_id = x.dealer_id and c.id = x.id and c.last_ordered_at is distinct from x.at`);
};
