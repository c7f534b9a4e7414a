import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../infra/db/database';

/** Whose leads to recompute: some customers of a store, or every lead of some stores. */
export type MilestoneTarget =
  | { dealerId: string; customerIds: readonly string[] }
  | { dealerIds: readonly string[] };

const uuids = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

/**
 * Recomputes the funnel milestones of the target's leads (leads.visited_at, test_driven_at, ordered_at,
 * delivered_at; core/reports/funnel.ts) from the events and writes the ones that changed. An event counts for the lead it names; one without a lead counts for each of the
 * customer's leads created at or before it (a visit by its arrival, a test drive by its start, an order
 * by its ordering). A visit is reached when it arrives, a test drive when it ends (done only), an order
 * when it is ordered (not cancelled), a delivery when delivered.
 *
 * Set-based, so the same statement serves one customer's write and a whole group's backfill: each kind
 * of event is grouped once for the target leads (by lead, and without a lead by the customer's leads)
 * and joined back.
 */
export const refreshLeadMilestones = async (db: Executor, target: MilestoneTarget): Promise<void> => {
  if ('customerIds' in target && target.customerIds.length === 0) return;
  const leadsOf =
    'customerIds' in target
      ? sql`l.dealer_id = ${target.dealerId} and l.customer_id = any(${uuids(target.customerIds)})`
      : sql`l.dealer_id = any(${uuids(target.dealerIds)})`;
  /** The first `at` of the events in `from` (alias e) of each target lead, by its lead or its customer. */
  const firstOf = (name: string, from: SQL, at: string, since: string) => {
    const n = sql.raw(name);
    const atCol = sql.raw(`e.${at}`);
    const sinceCol = sql.raw(`e.${since}`);
    return sql`${n} as (
      select x.lead_id, min(x.at) as at from (
        select c.id as lead_id, ${atCol} as at from target c join ${from} on e.dealer_id = c.dealer_id and e.lead_id = c.id
        union all
        select c.id, ${atCol} from target c join ${from} on e.dealer_id = c.dealer_id and e.lead_id is null
          and e.customer_id = c.customer_id and ${sinceCol} >= c.created_at
      ) x group by x.lead_id)`;
  };
  await db.execute(sql`
    with target as materialized (
      select l.dealer_id, l.id, l.customer_id, l.created_at from leads l where ${leadsOf}
    ),
    ${firstOf('visited', sql`showroom_visits e`, 'arrived_at', 'arrived_at')},
    ${firstOf('test_driven', sql`(select * from test_drives where status = 'done') e`, 'ends_at', 'starts_at')},
    ${firstOf('ordered', sql`(select * from orders where status <> 'cancelled') e`, 'ordered_at', 'ordered_at')},
    ${firstOf('delivered', sql`(select * from orders where status = 'delivered') e`, 'delivered_at', 'ordered_at')},
    reached as (
      select c.dealer_id, c.id, v.at as visited_at, t.at as test_driven_at, o.at as ordered_at, d.at as delivered_at
      from target c
      left join visited v on v.lead_id = c.id
      left join test_driven t on t.lead_id = c.id
      left join ordered o on o.lead_id = c.id
      left join delivered d on d.lead_id = c.id
    )
    update leads l
    set visited_at = r.visited_at, test_driven_at = r.test_driven_at, ordered_at = r.ordered_at,
      delivered_at = r.delivered_at
    from reached r
    where l.dealer_id = r.dealer_id and l.id = r.id
      and (l.visited_at, l.test_driven_at, l.ordered_at, l.delivered_at)
        is distinct from (r.visited_at, r.test_driven_at, r.ordered_at, r.delivered_at)`);
};
