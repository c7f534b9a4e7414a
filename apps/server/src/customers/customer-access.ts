import { customerScopeOf } from '@qianke/core/customers/visibility';
import { DomainError } from '@qianke/core/shared/domain-error';
import type { Executor } from '../infra/db/database';
import type { AuthContext } from '../infra/http/auth-context';
import { type CardRow, findCard } from './customers.repo';

/** A consultant sees only the customers they own; every other role the whole store. */
export const ownedByOf = (ctx: AuthContext): string | undefined =>
  customerScopeOf(ctx.roles) === 'own' ? ctx.userId : undefined;

export const notFound = () => new DomainError('not_found', 'There is no such customer in this store.');

/**
 * A customer of the caller's store that the caller may see; anything else is "not found", so nobody
 * learns that a customer they may not see exists. A merged customer points to the one it became.
 */
export const loadVisibleCard = async (db: Executor, ctx: AuthContext, id: string): Promise<CardRow> => {
  const row = await findCard(db, ctx.dealerId, id);
  const ownedBy = ownedByOf(ctx);
  if (!row || (ownedBy !== undefined && row.ownerId !== ownedBy)) throw notFound();
  if (row.mergedIntoId) {
    throw new DomainError('not_found', 'This customer was merged into another customer.', {
      details: { mergedIntoId: row.mergedIntoId },
    });
  }
  return row;
};
