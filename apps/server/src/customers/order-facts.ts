import type { Executor } from '../infra/db/database';
import { refreshOrderFacts } from './order-facts.repo';

/**
 * What the reports keep of the orders (orders.lead_source_id, customers.last_ordered_at) follows the
 * orders. Whatever places an order or changes one calls this for its customer in the same transaction,
 * so a report never counts an order its rows do not show.
 */
export const keepOrderFacts = (
  tx: Executor,
  dealerId: string,
  customerIds: readonly (string | null | undefined)[],
): Promise<void> =>
  refreshOrderFacts(tx, {
    dealerId,
    customerIds: [...new Set(customerIds.filter((id): id is string => Boolean(id)))],
  });

/** Every customer and order of the stores at once, after a bulk load that wrote orders directly. */
export const rebuildOrderFacts = (db: Executor, dealerIds: readonly string[]): Promise<void> =>
  refreshOrderFacts(db, { dealerIds });
