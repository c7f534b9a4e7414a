import type { TCustomerSort } from '@qianke/contracts/customers';
import type { CustomerSearchTerms } from '@qianke/core/customers/search-terms';
import { and, eq, ilike, isNull, like, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../infra/db/database';
import { customers, leadSources, leads } from '../infra/db/schema/index';
import { type CardRow, customerStatusSql, selectCards } from './customers.repo';

export type SortOrder = 'asc' | 'desc';

export type CustomerListFilter = {
  dealerId: string;
  /** Only customers this user owns (a consultant's scope); undefined: the whole store. */
  ownedBy: string | undefined;
  terms: CustomerSearchTerms | undefined;
  level: string | undefined;
  horizon: string | undefined;
  sourceId: string | undefined;
  ownerId: string | undefined;
  status: string | undefined;
  /** `YYYY-MM-DD` in the store's calendar, both days included. */
  createdFrom: string | undefined;
  createdTo: string | undefined;
  timeZone: string;
};

/** Where the previous page stopped: the sort key as the database wrote it, and the row id. */
export type Keyset = { key: string; id: string };

type SortSpec = { expr: SQL; type: 'timestamptz' | 'text' | 'int' };

/**
 * The expression each sort orders by. Nullable keys get a sentinel so that customers without a level or
 * planned contact come last in both directions, and keyset comparisons never meet a null.
 */
const sortSpecOf = (sort: TCustomerSort, order: SortOrder): SortSpec => {
  switch (sort) {
    case 'createdAt':
      return { expr: sql`${customers.createdAt}`, type: 'timestamptz' };
    case 'name':
      return { expr: sql`${customers.name}`, type: 'text' };
    case 'level':
      // Hottest first when ascending: O, H, A, B, C.
      return {
        expr: sql`(case ${customers.level} when 'O' then 0 when 'H' then 1 when 'A' then 2 when 'B' then 3 when 'C' then 4 else ${sql.raw(order === 'asc' ? '9' : '-1')} end)`,
        type: 'int',
      };
    case 'nextContactAt':
      return {
        expr: sql`coalesce(${customers.nextContactAt}, ${sql.raw(order === 'asc' ? "'infinity'" : "'-infinity'")}::timestamptz)`,
        type: 'timestamptz',
      };
  }
};

const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const searchCondition = (terms: CustomerSearchTerms): SQL | undefined =>
  or(
    ilike(customers.name, containing(terms.text)),
    ilike(customers.cardNo, containing(terms.text)),
    // Digits only: the trigram index on phone_e164 serves these.
    ...terms.phoneFragments.map((digits) => like(customers.phoneE164, `%${digits}%`)),
    terms.e164
      ? sql`${customers.otherPhones} @> ${JSON.stringify([{ e164: terms.e164 }])}::jsonb`
      : undefined,
  );

/** The node and every node below it (the tree has three tiers). */
const sourceAndBelow = (dealerId: string, sourceId: string) => sql`${customers.sourceId} in (
  select s.id from ${leadSources} s where s.dealer_id = ${dealerId} and (s.id = ${sourceId} or s.parent_id = ${sourceId}
    or s.parent_id in (select p.id from ${leadSources} p where p.dealer_id = ${dealerId} and p.parent_id = ${sourceId})))`;

const conditionsOf = (f: CustomerListFilter): (SQL | undefined)[] => [
  eq(customers.dealerId, f.dealerId),
  // A merged customer lives on in the one it was merged into.
  isNull(customers.mergedIntoId),
  f.ownedBy ? eq(customers.ownerId, f.ownedBy) : undefined,
  f.terms ? searchCondition(f.terms) : undefined,
  f.level ? eq(customers.level, f.level as never) : undefined,
  f.horizon
    ? sql`exists (select 1 from ${leads} l where l.dealer_id = "customers"."dealer_id" and l.customer_id = "customers"."id"
        and l.horizon = ${f.horizon} and l.status in ('open', 'nurturing'))`
    : undefined,
  f.sourceId ? sourceAndBelow(f.dealerId, f.sourceId) : undefined,
  f.ownerId ? eq(customers.ownerId, f.ownerId) : undefined,
  f.status ? sql`${customerStatusSql} = ${f.status}` : undefined,
  f.createdFrom
    ? sql`${customers.createdAt} >= (${f.createdFrom}::date)::timestamp at time zone ${f.timeZone}`
    : undefined,
  f.createdTo
    ? sql`${customers.createdAt} < (${f.createdTo}::date + 1)::timestamp at time zone ${f.timeZone}`
    : undefined,
];

/**
 * One page of the customer list with keyset pagination: the rows after `after` in (sort key, id) order,
 * and where the next page starts (undefined on the last page).
 */
export const listCustomerPage = async (
  db: Executor,
  filter: CustomerListFilter,
  page: { sort: TCustomerSort; order: SortOrder; after: Keyset | undefined; limit: number },
): Promise<{ rows: CardRow[]; next: Keyset | undefined }> => {
  const { expr, type } = sortSpecOf(page.sort, page.order);
  // Nulls placed as customers_created_idx (created_at desc nulls last, id desc nulls last) keeps them,
  // read forwards or backwards: with PostgreSQL's default (desc nulls first) the newest-first list could
  // not use it and sorted the whole store for every page (an export of 100,000 customers read the store
  // 100 times). No sort key is ever null, so the order itself is the same.
  const direction = sql.raw(page.order === 'desc' ? 'desc nulls last' : 'asc nulls first');
  const after = page.after
    ? sql`(${expr}, ${customers.id}) ${sql.raw(page.order === 'asc' ? '>' : '<')} (cast(${page.after.key} as ${sql.raw(type)}), cast(${page.after.id} as uuid))`
    : undefined;
  const rows = await selectCards(db, expr)
    .where(and(...conditionsOf(filter), after))
    .orderBy(sql`${expr} ${direction}`, sql`${customers.id} ${direction}`)
    .limit(page.limit + 1);
  const more = rows.length > page.limit;
  const pageRows = more ? rows.slice(0, page.limit) : rows;
  const last = pageRows.at(-1);
  const next = more && last?.sortKey != null ? { key: last.sortKey, id: last.id } : undefined;
  return { rows: pageRows, next };
};
