import type { Executor } from '../infra/db/database';
import { refreshLeadMilestones } from './lead-milestones.repo';

/**
 * The funnel milestones each lead carries (leads.visited_at .. delivered_at) follow its customer's
 * showroom visits, test drives and orders. Whatever writes one of those, or moves them between
 * customers, calls this for the customers concerned in the same transaction, so a report never sees a
 * milestone its events do not give.
 */
export const keepLeadMilestones = (
  tx: Executor,
  dealerId: string,
  customerIds: readonly (string | null | undefined)[],
): Promise<void> =>
  refreshLeadMilestones(tx, {
    dealerId,
    customerIds: [...new Set(customerIds.filter((id): id is string => Boolean(id)))],
  });

/** Every lead of the stores at once, after a bulk load that wrote events directly (demo, benchmark data). */
export const rebuildLeadMilestones = (db: Executor, dealerIds: readonly string[]): Promise<void> =>
  refreshLeadMilestones(db, { dealerIds });
