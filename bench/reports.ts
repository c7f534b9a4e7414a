import { queryRows } from './lib/database';
import { type Client, login } from './lib/http';
import { summarize, timeSequential } from './lib/stats';
import type { Result } from './lib/table';

const REPORTS = ['funnel', 'traffic', 'sources'] as const;

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The funnel, showroom traffic and source reports over the last 365 days, for one store and for the
 * whole group (`dealerId=all`), as the group admin. The median of `count` calls after one warm-up.
 */
export const reportsBenchmark = async (baseUrl: string, dbUrl: string, count: number): Promise<Result[]> => {
  const admin: Client = await login(baseUrl, 'bench-admin');
  // The store-year is B002's where there is one: the intake benchmarks write to B001, and on a database
  // kept between runs their leads (420k after a few runs) made B001 eight times the generated size.
  const [store] = await queryRows<{ id: string }>(
    dbUrl,
    `select id from dealers where code in ('B001', 'B002') order by code desc limit 1`,
  );
  if (!store) throw new Error('store B001 is missing');
  const [{ stores } = { stores: 0 }] = await queryRows<{ stores: number }>(
    dbUrl,
    'select count(*)::int as stores from dealers',
  );
  const to = isoDate(Date.now());
  const from = isoDate(Date.now() - 364 * 86_400_000);
  const results: Result[] = [];
  for (const [scope, dealerId, target] of [
    ['store', store.id, 300],
    ['group', 'all', 2000],
  ] as const) {
    for (const report of REPORTS) {
      const samples = await timeSequential(
        async () => {
          await admin.getOk(`/api/v1/reports/${report}?from=${from}&to=${to}&dealerId=${dealerId}`);
        },
        count,
        1,
      );
      const s = summarize(samples);
      results.push({
        benchmark: `report: ${report}, ${scope}-year`,
        figure: s.p50,
        unit: 'ms',
        target,
        note: `median of ${s.n}, max ${s.max.toFixed(0)} ms${scope === 'group' ? `, ${stores} store(s)` : ''}`,
      });
    }
  }
  return results;
};
