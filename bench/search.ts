import { customerSearchTermsOf } from '@qianke/core/customers/search-terms';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { listCustomerPage } from '../apps/server/src/customers/customer-list.repo';
import type { Db } from '../apps/server/src/infra/db/database';
import * as schema from '../apps/server/src/infra/db/schema/index';
import { queryRows } from './lib/database';
import { login } from './lib/http';
import { summarize, timeSequential } from './lib/stats';
import type { Result } from './lib/table';

/**
 * The plan PostgreSQL picks for the customer list's search, on the SQL the server itself builds
 * (`listCustomerPage`, captured through drizzle's logger), run with EXPLAIN ANALYZE.
 */
export const explainSearch = async (dbUrl: string, dealerId: string, q: string): Promise<string> => {
  const pool = new pg.Pool({ connectionString: dbUrl, max: 1 });
  try {
    let captured: { query: string; params: unknown[] } | undefined;
    const db = drizzle(pool, {
      schema,
      logger: {
        logQuery: (query, params) => {
          captured = { query, params };
        },
      },
    }) as unknown as Db;
    await listCustomerPage(
      db,
      {
        dealerId,
        ownedBy: undefined,
        terms: customerSearchTermsOf(q),
        level: undefined,
        horizon: undefined,
        sourceId: undefined,
        ownerId: undefined,
        status: undefined,
        createdFrom: undefined,
        createdTo: undefined,
        timeZone: 'Asia/Shanghai',
      },
      { sort: 'createdAt', order: 'desc', after: undefined, limit: 50 },
    );
    if (!captured) throw new Error('the customer list ran no query');
    const plan = await pool.query<{ 'QUERY PLAN': string }>(
      `explain (analyze, buffers, costs off) ${captured.query}`,
      captured.params,
    );
    return plan.rows.map((r) => r['QUERY PLAN']).join('\n');
  } finally {
    await pool.end();
  }
};

/**
 * GET /api/v1/customers?q= as the store manager (the whole store), the first page of 50 as the web app
 * asks for it: by a 4-digit phone fragment, by a 7-digit one, and by a customer's full name. The terms
 * come from the store's own customers, a different one each call.
 */
export const searchBenchmark = async (
  baseUrl: string,
  dbUrl: string,
  count: number,
): Promise<{ results: Result[]; plans: Record<string, string> }> => {
  const manager = await login(baseUrl, 'b01-manager');
  const [store] = await queryRows<{ id: string }>(dbUrl, `select id from dealers where code = 'B001'`);
  if (!store) throw new Error('store B001 is missing');
  const sample = await queryRows<{ phone: string; name: string }>(
    dbUrl,
    `select phone_e164 as phone, name from customers where dealer_id = $1 order by md5(id::text) limit $2`,
    [store.id, count + 10],
  );
  const pick = (i: number) => sample[i % sample.length] as { phone: string; name: string };
  const kinds = {
    'phone fragment (4 digits)': (i: number) => pick(i).phone.slice(-6, -2),
    'phone fragment (7 digits)': (i: number) => pick(i).phone.slice(-9, -2),
    'full name': (i: number) => pick(i).name,
  };
  const results: Result[] = [];
  for (const [kind, termOf] of Object.entries(kinds)) {
    let found = 0;
    const samples = await timeSequential(async (i) => {
      const body = await manager.getOk<{ items: unknown[] }>(
        `/api/v1/customers?q=${encodeURIComponent(termOf(i))}&limit=50`,
      );
      found += body.items.length;
    }, count);
    const s = summarize(samples);
    results.push({
      benchmark: `search: ${kind} p95`,
      figure: s.p95,
      unit: 'ms',
      target: 50,
      note: `${s.n} calls, p50 ${s.p50.toFixed(1)} ms, ${(found / (s.n + 5)).toFixed(0)} hits a page`,
    });
  }
  const plans = {
    [`phone fragment "${kinds['phone fragment (4 digits)'](0)}"`]: await explainSearch(
      dbUrl,
      store.id,
      kinds['phone fragment (4 digits)'](0),
    ),
    [`name "${kinds['full name'](0)}"`]: await explainSearch(dbUrl, store.id, kinds['full name'](0)),
  };
  return { results, plans };
};
