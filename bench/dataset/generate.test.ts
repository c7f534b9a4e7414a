import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, test } from 'vitest';
import { openDatabase } from '../../apps/server/src/infra/db/database';
import { generate, parseArgs } from './generate';

describe('bench:data', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  test('reads its options and refuses nonsense with a sentence', () => {
    expect(parseArgs(['--small', '--pglite', '/tmp/x']).options).toMatchObject({
      stores: 1,
      customers: 20_000,
    });
    expect(parseArgs(['--stores', '3', '--customers', '90', '--pglite', '/tmp/x']).options).toMatchObject({
      stores: 3,
      customers: 90,
    });
    expect(() => parseArgs(['--stores', 'many', '--pglite', '/tmp/x'])).toThrow(
      /--stores takes a whole number/,
    );
    expect(() => parseArgs(['--now', 'yesterday', '--pglite', '/tmp/x'])).toThrow(/--now takes an ISO time/);
  });

  test('loads two stores into the embedded database by COPY, and refuses to load twice', {
    timeout: 120_000,
  }, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'qianke-bench-'));
    dirs.push(dataDir);
    const target = { kind: 'pglite', dataDir } as const;
    const options = { stores: 2, customers: 300, seed: 1, now: new Date('2026-11-01T00:00:00Z') };
    const result = await generate(target, options);
    expect(result.storeIds).toHaveLength(2);
    expect(result.totals.get('customers')).toBe(300);

    const { db, close } = await openDatabase(target);
    const query = async <T>(statement: ReturnType<typeof sql>) =>
      ((await db.execute(statement)) as unknown as { rows: T[] }).rows;
    try {
      const counts = await query<{ customers: number; leads: number }>(sql`
        select count(distinct c.id)::int as customers, count(l.id)::int as leads
        from customers c left join leads l on l.dealer_id = c.dealer_id and l.customer_id = c.id
        group by c.dealer_id order by c.dealer_id`);
      expect(counts.map((row) => row.customers)).toEqual([150, 150]);
      expect(counts.map((row) => row.leads).reduce((a, b) => a + b, 0)).toBe(result.totals.get('leads'));
      // Test drives in each store's demo cars, reached by their leads' funnel milestones.
      const [drives] = await query<{ drives: number; driven: number }>(sql`
        select (select count(*)::int from test_drives t
                  join demo_cars d on d.dealer_id = t.dealer_id and d.id = t.demo_car_id) as drives,
          (select count(test_driven_at)::int from leads) as driven`);
      expect(drives?.drives).toBe(result.totals.get('test_drives'));
      expect(drives?.driven).toBeGreaterThan(0);
      // New cards continue each consultant's series after the loaded ones.
      const counters = await query<{ n: number }>(sql`select count(*)::int as n from card_counters`);
      expect(counters[0]?.n).toBeGreaterThan(0);
    } finally {
      await close();
    }
    await expect(generate(target, options)).rejects.toThrow(/already holds an installation/);
  });
});
