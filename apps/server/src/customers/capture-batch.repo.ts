import type { CardSeries } from '@qianke/core/customers/card-number';
import { getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../infra/db/database';
import {
  auditLog,
  cardCounters,
  customers,
  leadSources,
  leads,
  notifications,
  tasks,
  users,
} from '../infra/db/schema/index';

/**
 * The SQL of capturing many leads at once (an import batch): a handful of statements whatever the
 * number of rows, each batch of rows passed as one JSON parameter.
 */

type Rows<T extends PgTable> = readonly T['$inferInsert'][];

/**
 * `insert ... select from jsonb_populate_recordset`: one statement and one parameter for all the rows
 * (as the demo loader does). A column left out of every row takes its default; JSON carries Dates as
 * ISO strings with their zone and jsonb columns as nested JSON.
 */
const jsonInsert = <T extends PgTable>(table: T, rows: Rows<T>) => {
  const columns = Object.entries(getTableColumns(table));
  const given = columns.filter(([key]) =>
    rows.some((row) => (row as Record<string, unknown>)[key] !== undefined),
  );
  const names = sql.join(
    given.map(([, column]) => sql.identifier(column.name)),
    sql`, `,
  );
  const json = JSON.stringify(
    rows.map((row) =>
      Object.fromEntries(
        given.map(([key, column]) => [column.name, (row as Record<string, unknown>)[key] ?? null]),
      ),
    ),
  );
  return sql`insert into ${table} (${names})
    select ${names} from jsonb_populate_recordset(null::${table}, ${json}::jsonb)`;
};

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

export type KnownCustomer = { id: string; ownerId: string | null; name: string; cardNo: string };

/**
 * The customers these phones belong to, exactly as capture dedups a phone (findCustomerIdByPhone): the
 * main phone or a further phone kept on a card, merged cards left out, the main phone first.
 */
export const customersByPhones = async (
  db: Executor,
  dealerId: string,
  phones: readonly string[],
): Promise<Map<string, KnownCustomer>> => {
  if (phones.length === 0) return new Map();
  const list = JSON.stringify(phones);
  // One probe per phone, so the cost follows the batch, not the table, and the plan holds while an
  // import grows the table faster than its statistics. The main phone by the unique (dealer, phone)
  // key: written as a range, which the trigram index of phone_e164 cannot answer (for `=` the planner
  // took it, and every phone of a store shares most trigrams: 3.6 ms a probe at 20,000 customers), and
  // kept a subquery of its own (`offset 0`): pulled up into the join, the planner, which guesses 100
  // phones for any JSON list, read the whole store once and compared every card with every phone
  // (104 ms for the one phone of an intake at 22,000 customers, 0.3 ms as a probe).
  // The further phones by their GIN index, one containment each: a jsonpath of every phone of the
  // batch was answered by a scan of all the stores' customers (`offset 0` keeps the store's filter
  // from tempting the planner to a scan of the store).
  const found = rowsOf<{ phone: string; id: string; owner_id: string | null; name: string; card_no: string }>(
    await db.execute(sql`
      select distinct on (m.phone) m.phone, m.id, m.owner_id, m.name, m.card_no
      from (
        select p.phone, c.id, c.owner_id, c.name, c.card_no, true as main
        from jsonb_array_elements_text(${list}::jsonb) as p(phone)
        cross join lateral (
          select c.id, c.owner_id, c.name, c.card_no from ${customers} c
          where c.dealer_id = ${dealerId} and c.phone_e164 >= p.phone and c.phone_e164 <= p.phone
            and c.merged_into_id is null offset 0
        ) c
        union all
        select p.phone, f.id, f.owner_id, f.name, f.card_no, false
        from jsonb_array_elements_text(${list}::jsonb) as p(phone)
        cross join lateral (
          select c.dealer_id, c.id, c.owner_id, c.name, c.card_no, c.merged_into_id from ${customers} c
          where c.other_phones @> jsonb_build_array(jsonb_build_object('e164', p.phone)) offset 0
        ) f
        where f.dealer_id = ${dealerId} and f.merged_into_id is null
      ) m
      order by m.phone, m.main desc`),
  );
  return new Map(
    found.map((r) => [r.phone, { id: r.id, ownerId: r.owner_id, name: r.name, cardNo: r.card_no }]),
  );
};

/** The consultant codes of these users of the store (the prefix of the cards they open). */
export const consultantCodes = async (
  db: Executor,
  dealerId: string,
  userIds: readonly string[],
): Promise<Map<string, string | null>> => {
  if (userIds.length === 0) return new Map();
  const found = rowsOf<{ id: string; code: string | null }>(
    await db.execute(sql`
      select u.id, u.consultant_code as code from ${users} u
      where u.dealer_id = ${dealerId} and u.id in (select jsonb_array_elements_text(${JSON.stringify(userIds)}::jsonb)::uuid)`),
  );
  return new Map(found.map((r) => [r.id, r.code]));
};

/** The codes of these sources of the store (assignment rules match on them). */
export const sourceCodes = async (
  db: Executor,
  dealerId: string,
  sourceIds: readonly string[],
): Promise<Map<string, string>> => {
  if (sourceIds.length === 0) return new Map();
  const found = rowsOf<{ id: string; code: string }>(
    await db.execute(sql`
      select s.id, s.code from ${leadSources} s
      where s.dealer_id = ${dealerId} and s.id in (select jsonb_array_elements_text(${JSON.stringify(sourceIds)}::jsonb)::uuid)`),
  );
  return new Map(found.map((r) => [r.id, r.code]));
};

/**
 * Reserves a block of serials per card series in one statement, atomically (a desk opening a card at
 * the same moment gets a number outside the block). Returns each series' last serial after it.
 */
export const reserveCardSerials = async (
  db: Executor,
  dealerId: string,
  blocks: readonly (CardSeries & { count: number })[],
): Promise<(CardSeries & { lastSerial: number })[]> => {
  if (blocks.length === 0) return [];
  const json = JSON.stringify(blocks.map((b) => ({ prefix: b.prefix, year: b.year, n: b.count })));
  const reserved = rowsOf<{ prefix: string; year: number; last_serial: number }>(
    await db.execute(sql`
      insert into ${cardCounters} as c (dealer_id, prefix, year, last_serial)
      select ${dealerId}, v.prefix, v.year, v.n
      from jsonb_to_recordset(${json}::jsonb) as v(prefix text, year int, n int)
      on conflict (dealer_id, prefix, year) do update set last_serial = c.last_serial + excluded.last_serial
      returning c.prefix, c.year, c.last_serial`),
  );
  return reserved.map((r) => ({ prefix: r.prefix, year: Number(r.year), lastSerial: Number(r.last_serial) }));
};

export type CapturedRows = {
  customers: Rows<typeof customers>;
  /** Known customers whose owner follows a lead given to someone by a rule. */
  ownerChanges: readonly { id: string; ownerId: string }[];
  leads: Rows<typeof leads>;
  tasks: Rows<typeof tasks>;
  /** In the order given. */
  audits: Rows<typeof auditLog>;
  notifications: Rows<typeof notifications>;
};

/**
 * Writes a capture in one statement (one round trip while the card counters are locked): the new
 * customers unless another desk opened one of their phones a moment ago, and only when every one of them
 * went in, the owner changes, leads, tasks, audit rows and notifications (one already there for the same
 * subject is kept, as notify does). False when a phone was taken: then nothing but the other new
 * customers was written, and the caller's transaction must not commit as it is.
 */
export const writeCaptured = async (db: Executor, dealerId: string, rows: CapturedRows): Promise<boolean> => {
  const parts: SQL[] = [];
  const whenComplete = sql`where (select ok from complete)`;
  parts.push(
    rows.customers.length > 0
      ? sql`new_customers as (${jsonInsert(customers, rows.customers)} on conflict (dealer_id, phone_e164) do nothing returning id),
        complete as (select count(*) = ${rows.customers.length} as ok from new_customers)`
      : sql`complete as (select true as ok)`,
  );
  if (rows.ownerChanges.length > 0) {
    const changes = JSON.stringify(rows.ownerChanges.map((ch) => ({ id: ch.id, owner_id: ch.ownerId })));
    parts.push(sql`owner_changes as (
      update ${customers} c set owner_id = v.owner_id, updated_at = now(), version = c.version + 1
      from jsonb_to_recordset(${changes}::jsonb) as v(id uuid, owner_id uuid)
      where c.dealer_id = ${dealerId} and c.id = v.id and (select ok from complete))`);
  }
  if (rows.leads.length > 0) parts.push(sql`new_leads as (${jsonInsert(leads, rows.leads)} ${whenComplete})`);
  if (rows.tasks.length > 0) parts.push(sql`new_tasks as (${jsonInsert(tasks, rows.tasks)} ${whenComplete})`);
  if (rows.audits.length > 0)
    parts.push(sql`new_audits as (${jsonInsert(auditLog, rows.audits)} ${whenComplete})`);
  if (rows.notifications.length > 0) {
    parts.push(
      sql`new_notifications as (${jsonInsert(notifications, rows.notifications)} ${whenComplete} on conflict do nothing)`,
    );
  }
  const [row] = rowsOf<{ ok: boolean }>(
    await db.execute(sql`with ${sql.join(parts, sql`, `)} select ok from complete`),
  );
  return row?.ok === true;
};
