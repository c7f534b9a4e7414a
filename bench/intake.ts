import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { queryRows } from './lib/database';
import type { Client } from './lib/http';
import type { Result } from './lib/table';

/** Phones of the 162 block, which the generator never gives out: every one opens a new customer. */
export const freshPhone = (n: number): string => `162${String(n % 100_000_000).padStart(8, '0')}`;

export type IntakeLoad = { connections: number; seconds: number };

/** Phones of store B001's customers (the group admin's store, whose API key the benchmark creates). */
export const KNOWN_PHONES_SQL = `select c.phone_raw as phone from customers c join dealers d on d.id = c.dealer_id
  where d.code = 'B001' and c.merged_into_id is null order by c.id limit 5000`;

/**
 * POST /api/v1/intake/leads at `connections` connections for `seconds`, every other request with a
 * phone the store already knows (a duplicate: a lead on that customer) and the rest with a fresh one
 * (a new customer). An API key is created through the API as the group admin (store B001).
 */
export const measureIntakeHttp = async (
  baseUrl: string,
  admin: Client,
  knownPhones: readonly string[],
  load: IntakeLoad,
) => {
  const created = await admin.request<{ key: string }>('POST', '/api/v1/api-keys', { name: 'bench intake' });
  if (created.status !== 201) throw new Error(`creating an API key answered ${created.status}`);
  if (knownPhones.length === 0) throw new Error('no known phones to send as duplicates');
  // A random start, so a second run on the same database sends fresh phones again.
  const base = Math.floor(Math.random() * 50_000_000);
  let sent = 0;
  const bodyOf = (i: number) =>
    JSON.stringify({
      // A name of its own per request: one name on 30,000 cards made the search benchmark's samples of
      // the store (which include these customers) a search with 30,000 hits.
      name: `基准客户${base + i}`,
      phone: i % 2 === 0 ? freshPhone(base + i) : (knownPhones[i % knownPhones.length] as string),
      source: 'autohome',
      seriesInterest: 'Qin PLUS',
      note: 'bench',
    });
  const result = await autocannon({
    url: baseUrl,
    connections: load.connections,
    duration: load.seconds,
    requests: [
      {
        method: 'POST',
        path: '/api/v1/intake/leads',
        headers: { authorization: `Bearer ${created.body.key}`, 'content-type': 'application/json' },
        setupRequest: (request) => {
          sent += 1;
          return { ...request, body: bodyOf(sent) };
        },
      },
    ],
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    non2xx: result.non2xx,
    /** Connection errors, timeouts included. */
    errors: result.errors,
    failures: failuresOf(result),
  };
};

/** What went wrong, e.g. "4 timeouts, 500 x2"; "none" when every answer was a 2xx. */
export const failuresOf = (result: {
  errors: number;
  timeouts: number;
  statusCodeStats?: Record<string, { count?: number }>;
}): string => {
  const parts: string[] = [];
  if (result.timeouts > 0) parts.push(`${result.timeouts} timeouts`);
  if (result.errors > result.timeouts) parts.push(`${result.errors - result.timeouts} connection errors`);
  for (const [status, { count = 0 }] of Object.entries(result.statusCodeStats ?? {})) {
    if (!status.startsWith('2') && count > 0) parts.push(`${status} x${count}`);
  }
  return parts.length > 0 ? parts.join(', ') : 'none';
};

/**
 * The same work as pgbench runs it, one transaction: look the customer up by phone, insert a lead,
 * insert its first-contact task. The phone comes from a pool table of the store's phones (a primary-key
 * read, as a client would hold the phone in hand), so every lookup finds its customer. The lead is
 * owned by the consultant who gets its task, as the application leaves it: a task on a lead without an
 * owner is a lead its assignee may not open (the soak after it found 35 such 404s). Its leads carry the
 * campaign code `pgbench` and its tasks the title `pgbench`, so measurePgbench can remove them afterwards.
 */
export const PGBENCH_SCRIPT = `\\set r random(1, :pool)
BEGIN;
SELECT c.id AS cid FROM customers c WHERE c.dealer_id = :dealer AND c.phone_e164 = (SELECT phone FROM bench_phone_pool WHERE n = :r) AND c.merged_into_id IS NULL \\gset
INSERT INTO leads (dealer_id, id, customer_id, source_id, channel, owner_id, first_contact_due_at, campaign_code) VALUES (:dealer, gen_random_uuid(), :cid, :source, 'portal', :assignee, now() + interval '1 hour', 'pgbench') RETURNING id AS lid \\gset
INSERT INTO tasks (dealer_id, id, lead_id, customer_id, assignee_id, kind, due_at, title) VALUES (:dealer, gen_random_uuid(), :lid, :cid, :assignee, 'first_contact', now() + interval '1 hour', 'pgbench');
END;
`;

/** Parses `tps = 1234.5 (without initial connection time)` and the latency average out of pgbench's report. */
export const parsePgbench = (output: string): { tps: number; latencyMs: number | null; failed: number } => {
  const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(output);
  if (!tps) throw new Error(`pgbench printed no tps:\n${output}`);
  const latency = /latency average = ([\d.]+) ms/.exec(output);
  const failed = /number of failed transactions: (\d+)/.exec(output);
  return {
    tps: Number(tps[1]),
    latencyMs: latency ? Number(latency[1]) : null,
    failed: failed ? Number(failed[1]) : 0,
  };
};

/**
 * Deletes pgbench's leads and their tasks: a measurement, not the store's work. Left in place, each run
 * gave one consultant ~70,000 more tasks due today, and the next run's Today list measured them. Foreign
 * key checks are off for the delete (session_replication_role): nothing but its own tasks refers to a
 * pgbench lead, and checking each deleted lead against 1.4M defeat requests, which no index finds by
 * lead (Qianke never deletes a lead), took minutes.
 */
const removePgbenchRows = async (dbUrl: string, dealerId: string) => {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    await client.query('begin');
    await client.query('set local session_replication_role = replica');
    // By their own mark: no index finds tasks by lead, and a join to the marked leads ran as one scan of
    // the tasks per lead.
    await client.query(`delete from tasks where dealer_id = $1 and title = 'pgbench'`, [dealerId]);
    await client.query(`delete from leads where dealer_id = $1 and campaign_code = 'pgbench'`, [dealerId]);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    await client.end();
  }
};

export const measurePgbench = async (dbUrl: string, clients: number, seconds: number) => {
  const [store] = await queryRows<{ dealer: string; source: string; assignee: string }>(
    dbUrl,
    `select d.id as dealer,
            (select s.id from lead_sources s where s.dealer_id = d.id and s.code = 'autohome') as source,
            (select u.id from users u where u.dealer_id = d.id and u.consultant_code is not null order by u.username limit 1) as assignee
     from dealers d order by d.code limit 1`,
  );
  if (!store) throw new Error('no store to run pgbench on');
  await queryRows(dbUrl, 'drop table if exists bench_phone_pool');
  await queryRows(
    dbUrl,
    `create table bench_phone_pool as
       select row_number() over (order by id)::int as n, phone_e164 as phone from customers
       where dealer_id = $1 and merged_into_id is null limit 5000`,
    [store.dealer],
  );
  await queryRows(dbUrl, 'alter table bench_phone_pool add primary key (n); analyze bench_phone_pool');
  const [{ pool } = { pool: 0 }] = await queryRows<{ pool: number }>(
    dbUrl,
    'select count(*)::int as pool from bench_phone_pool',
  );
  const dir = await mkdtemp(join(tmpdir(), 'qianke-pgbench-'));
  try {
    const script = join(dir, 'intake.sql');
    await writeFile(script, PGBENCH_SCRIPT);
    const args = [
      '-n',
      '-M',
      'prepared',
      '-c',
      String(clients),
      '-j',
      '2',
      '-T',
      String(seconds),
      '-f',
      script,
      '-D',
      `pool=${pool}`,
      '-D',
      `dealer=${store.dealer}`,
      '-D',
      `source=${store.source}`,
      '-D',
      `assignee=${store.assignee}`,
      dbUrl,
    ];
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.env.PGBENCH ?? '/usr/bin/pgbench', args, {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let text = '';
      child.stdout.on('data', (c: Buffer) => {
        text += c.toString();
      });
      child.stderr.on('data', (c: Buffer) => {
        text += c.toString();
      });
      child.once('error', reject);
      child.once('exit', (code) =>
        code === 0 ? resolve(text) : reject(new Error(`pgbench exited ${code}:\n${text}`)),
      );
    });
    return parsePgbench(output);
  } finally {
    await rm(dir, { recursive: true, force: true });
    await queryRows(dbUrl, 'drop table if exists bench_phone_pool');
    await removePgbenchRows(dbUrl, store.dealer);
  }
};

export const intakeBenchmark = async (
  baseUrl: string,
  admin: Client,
  dbUrl: string,
  load: IntakeLoad & { pgbenchClients: number },
): Promise<{ rps: number; results: Result[] }> => {
  const pgbench = await measurePgbench(dbUrl, load.pgbenchClients, load.seconds);
  const known = (await queryRows<{ phone: string }>(dbUrl, KNOWN_PHONES_SQL)).map((r) => r.phone);
  const http = await measureIntakeHttp(baseUrl, admin, known, load);
  const note = `${http.total.toLocaleString('en')} requests; failed: ${http.failures}`;
  return {
    rps: http.rps,
    results: [
      {
        benchmark: 'intake HTTP req/s (32 conn, half duplicates)',
        figure: http.rps,
        unit: 'req/s',
        target: null,
        note,
      },
      {
        benchmark: `intake pgbench tps (${load.pgbenchClients} clients, prepared)`,
        figure: pgbench.tps,
        unit: 'tps',
        target: null,
        note: `same transaction in SQL; ${pgbench.failed} failed`,
      },
      {
        benchmark: 'intake HTTP / pgbench',
        figure: pgbench.tps > 0 ? http.rps / pgbench.tps : null,
        unit: 'x',
        target: 0.5,
        higherIsBetter: true,
      },
      { benchmark: 'intake p50', figure: http.p50, unit: 'ms', target: null },
      { benchmark: 'intake p99', figure: http.p99, unit: 'ms', target: 50 },
    ],
  };
};
