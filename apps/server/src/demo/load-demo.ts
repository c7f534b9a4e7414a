import { displayPrefixOf } from '@qianke/core/intake/api-key';
import { DomainError } from '@qianke/core/shared/domain-error';
import { getTableColumns, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { loadDemoAssignmentRules } from '../assignment/demo-rules';
import { rebuildLeadMilestones } from '../customers/lead-milestones';
import { rebuildOrderFacts } from '../customers/order-facts';
import { loadDemoDcc } from '../dcc/demo-dcc';
import { loadDemoDefeats } from '../defeat/demo-defeats';
import { hashToken } from '../infra/crypto/tokens';
import type { Db, Tx } from '../infra/db/database';
import {
  apiKeys,
  cardCounters,
  catalogBrands,
  catalogColours,
  catalogConfigurations,
  catalogModels,
  catalogSeries,
  customers,
  dealerGroups,
  dealers,
  followUps,
  installation,
  leadLevelChanges,
  leadSources,
  leads,
  orders,
  showroomVisits,
  tasks,
  userRoles,
  users,
} from '../infra/db/schema/index';
import { loadDemoTestDrives } from '../test-drives/demo-test-drives';
import { loadDemoStock } from '../vehicles/demo-stock';
import { generateDemoData } from './demo-data';

/** Rows per INSERT: a few round trips, each a JSON document of a few hundred kilobytes. */
const BATCH = 500;

/**
 * Multi-row inserts, each batch passed as one JSON parameter and expanded by `json_populate_recordset`.
 * Measured on PGlite with the ~6,200 demo rows (first load in a fresh process): about 0.55 s against
 * 0.95 s for drizzle's `insert().values()` with one bind parameter per value. The same SQL runs on
 * PostgreSQL 15. JSON carries what the columns need: Dates as ISO strings with their zone, numbers,
 * booleans, nested JSON for jsonb, 'YYYY-MM-DD' for dates.
 */
const insertAll = async <T extends PgTable>(tx: Tx, table: T, rows: readonly T['$inferInsert'][]) => {
  const columns = Object.entries(getTableColumns(table));
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH) as readonly Record<string, unknown>[];
    // A column left out takes its default; a column given in one row must be given in all of them.
    const given = columns.filter(([key]) => batch.some((row) => row[key] !== undefined));
    for (const [key, column] of given) {
      if (column.hasDefault && batch.some((row) => row[key] === undefined)) {
        throw new Error(`demo rows of ${column.name} must all give it or all leave it to its default`);
      }
    }
    const names = sql.join(
      given.map(([, column]) => sql.identifier(column.name)),
      sql`, `,
    );
    const json = JSON.stringify(
      batch.map((row) => Object.fromEntries(given.map(([key, column]) => [column.name, row[key] ?? null]))),
    );
    await tx.execute(
      sql`insert into ${table} (${names}) select ${names} from json_populate_recordset(null::${table}, ${json}::json)`,
    );
  }
};

/** The intake API key of the demo store 1, published in the README: it exists in demo mode only. */
export const DEMO_API_KEY = 'qk_demo_store1';

/** New cards continue each `A01-26-nnnn` series after the demo's highest serial. */
const cardCountersOf = (rows: readonly { dealerId: string; cardNo: string }[]) => {
  const counters = new Map<string, typeof cardCounters.$inferInsert>();
  for (const { dealerId, cardNo } of rows) {
    const [prefix = '', yy = '', serial = ''] = cardNo.split('-');
    const key = `${dealerId}/${prefix}/${yy}`;
    const lastSerial = Math.max(Number(serial), counters.get(key)?.lastSerial ?? 0);
    counters.set(key, { dealerId, prefix, year: 2000 + Number(yy), lastSerial });
  }
  return [...counters.values()];
};

/**
 * Loads the demo dealership (华东汽车集团: 上海浦东旗舰店 SH-PD and 上海闵行店 SH-MH, with 90 days of
 * activity before `now`) into an empty installation, in one transaction, and marks the installation
 * as a demo. Every demo user gets `passwordHash`.
 */
export const loadDemoDealership = async (
  db: Db,
  options: { now: Date; passwordHash: string },
): Promise<{ groupId: string; storeIds: [string, string] }> => {
  const data = generateDemoData(options);
  const [store1, store2] = data.dealers;
  if (!store1 || !store2) throw new Error('the demo has two stores');

  await db.transaction(async (tx) => {
    const claimed = await tx
      .insert(installation)
      .values({ id: 1, mode: 'demo', createdAt: options.now })
      .onConflictDoNothing()
      .returning({ id: installation.id });
    if (claimed.length === 0) {
      throw new DomainError(
        'conflict',
        'Qianke is already installed: the demo is loaded only into an empty database.',
      );
    }
    // Parents before children, so every foreign key finds its row.
    await insertAll(tx, dealerGroups, [data.group]);
    await insertAll(tx, dealers, data.dealers);
    await insertAll(tx, users, data.users);
    await insertAll(tx, userRoles, data.userRoles);
    await insertAll(tx, catalogBrands, data.catalogBrands);
    await insertAll(tx, catalogSeries, data.catalogSeries);
    await insertAll(tx, catalogModels, data.catalogModels);
    await insertAll(tx, catalogConfigurations, data.catalogConfigurations);
    await insertAll(tx, catalogColours, data.catalogColours);
    await insertAll(tx, leadSources, data.leadSources);
    await insertAll(tx, customers, data.customers);
    await insertAll(tx, leads, data.leads);
    await insertAll(tx, leadLevelChanges, data.leadLevelChanges);
    await insertAll(tx, showroomVisits, data.showroomVisits);
    await insertAll(tx, followUps, data.followUps);
    await insertAll(tx, tasks, data.tasks);
    await insertAll(tx, orders, data.orders);
    await insertAll(tx, cardCounters, cardCountersOf(data.customers));
    await loadDemoAssignmentRules(tx, { store1Id: store1.id, now: options.now });
    await loadDemoDefeats(tx, { storeIds: [store1.id, store2.id], now: options.now });
    await loadDemoDcc(tx, { store1Id: store1.id, now: options.now });
    await loadDemoTestDrives(tx, { storeIds: [store1.id, store2.id], now: options.now });
    await loadDemoStock(tx, { storeIds: [store1.id, store2.id], now: options.now });
    await rebuildLeadMilestones(tx, [store1.id, store2.id]);
    await rebuildOrderFacts(tx, [store1.id, store2.id]);
    await tx.insert(apiKeys).values({
      dealerId: store1.id,
      name: 'Demo portal key',
      prefix: displayPrefixOf(DEMO_API_KEY),
      keyHash: hashToken(DEMO_API_KEY),
      createdAt: options.now,
      updatedAt: options.now,
    });
  });

  return { groupId: data.group.id, storeIds: [store1.id, store2.id] };
};
