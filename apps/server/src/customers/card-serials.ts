import type { CardSeries } from '@qianke/core/customers/card-number';
import type { Database, Executor } from '../infra/db/database';
import { reserveCardSerials } from './capture-batch.repo';

/** Takes blocks of card serials for a capture running in `tx`: each series' last serial after its block. */
export type CardSerials = (
  tx: Executor,
  dealerId: string,
  blocks: readonly (CardSeries & { count: number })[],
) => Promise<(CardSeries & { lastSerial: number })[]>;

/**
 * In the capture's own transaction: a number is never skipped, but the series' counter stays locked
 * until that transaction ends, so every other desk opening a card in the series waits for its commit.
 */
export const cardSerialsInTransaction: CardSerials = reserveCardSerials;

/**
 * Card serials as a sequence gives them: on PostgreSQL taken on a connection apart and committed at
 * once, so parallel captures (portal leads arriving together) do not queue behind each other's
 * commits. A capture that rolls back leaves its numbers unused, a gap in the series, as an invoice
 * sequence does (docs/decisions/0004). On PGlite, one connection, they are taken in the transaction.
 */
export const cardSerialsOf = (database: Pick<Database, 'apart'>): CardSerials => {
  const { apart } = database;
  if (!apart) return cardSerialsInTransaction;
  return (_tx, dealerId, blocks) => reserveCardSerials(apart, dealerId, blocks);
};
