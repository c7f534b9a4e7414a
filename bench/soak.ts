import type { TCustomer } from '@qianke/contracts/customers';
import type { TTask, TTaskList } from '@qianke/contracts/follow-ups';
import { Random } from './dataset/rows';
import { freshPhone, KNOWN_PHONES_SQL } from './intake';
import { queryRows } from './lib/database';
import { type Client, login } from './lib/http';
import { cpuSecondsOf, memoryGrowth, type RssSample, rssKibOf, schedOf } from './lib/proc';
import { percentile } from './lib/stats';
import type { Result } from './lib/table';

/** What a virtual user does in one step, and how often (percent of the steps). */
export const SOAK_MIX = [
  // Reads, 80%: a consultant's day is mostly the Today page, the customer list and cards.
  ['today', 25], // GET /api/v1/tasks?status=open&scope=mine&due=today|overdue&limit=50 (in turn)
  ['counts', 10], // GET /api/v1/tasks/summary?scope=mine (the Today page's badges)
  ['search', 15], // GET /api/v1/customers?q=<a full name or a 4-digit phone fragment>&limit=50
  ['card', 12], // GET /api/v1/customers/:id
  ['timeline', 8], // GET /api/v1/customers/:id/timeline
  ['history', 7], // GET /api/v1/leads/:id/follow-ups (the log-result form loads it)
  ['report', 3], // GET /api/v1/reports/funnel for the last 7 days (own figures)
  // Updates, 15%.
  ['log', 10], // POST /api/v1/leads/:id/follow-ups with taskId (or POST /tasks/:id/done without a lead)
  ['edit', 3], // GET then PATCH /api/v1/customers/:id with the version just read
  ['plan', 2], // POST /api/v1/tasks: a reminder on one of the consultant's customers
  // Intake, 5%.
  ['intake', 5], // POST /api/v1/intake/leads with an API key, half fresh phones, half known ones
] as const;

export type SoakKind = (typeof SOAK_MIX)[number][0];

/** The kind of step a roll in [0, 1) falls on, each kind taking its weight's share of [0, 1). */
export const kindAt = <K extends string>(mix: readonly (readonly [K, number])[], roll: number): K => {
  if (!(roll >= 0 && roll < 1)) throw new Error(`a roll is in [0, 1), not ${roll}`);
  const total = mix.reduce((sum, [, weight]) => sum + weight, 0);
  let left = roll * total;
  for (const [kind, weight] of mix) {
    if (left < weight) return kind;
    left -= weight;
  }
  // Only rounding can get here (roll * total == total - epsilon): the last kind.
  const last = mix[mix.length - 1];
  if (!last) throw new Error('an empty mix');
  return last[0];
};

/**
 * Which of `sharers` virtual users logged in as the same consultant owns a customer (FNV-1a of its
 * id): only that one writes to it, so two of them never race on one lead's or card's version.
 */
export const shareOf = (id: string, sharers: number): number => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % sharers;
};

export type SoakLoad = {
  seconds: number;
  vus: number;
  /** A VU's mean pause between an answer and its next request (uniform over 0.5x..1.5x); 0: none. */
  thinkMs: number;
};

/** The consultants the virtual users log in as: those of the first `stores` stores (b01-c01, ...). */
export const consultantsOf = (stores: number): string[] =>
  Array.from({ length: stores }, (_, s) =>
    Array.from(
      { length: 10 },
      (_, c) => `b${String(s + 1).padStart(2, '0')}-c${String(c + 1).padStart(2, '0')}`,
    ),
  ).flat();

type OwnCustomer = { id: string; name: string; phone: string };

type Vu = {
  client: Client;
  rng: Random;
  slot: number;
  sharers: number;
  /** Customers the consultant owns (a sample), for cards, searches, edits and reminders. */
  customers: OwnCustomer[];
  /** Open tasks of this VU's share from its last Today read, the ones a result can be logged on. */
  tasks: TTask[];
  todayTurn: number;
};

/** Errors of one route and status (or network error), with the first answer's text. */
type Failure = { what: string; first: string; count: number };

const OCCUPATIONS = ['教师', '工程师', '医生', '个体经营', '公务员', '销售', '会计', '程序员'];
const DAY_MS = 86_400_000;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Issue 7's soak: `vus` virtual users, each a consultant logged in through the API (the consultants of
 * the first five stores; with fewer stores several VUs share one consultant, each writing only to its
 * own share of the customers), loop for `seconds` over the SOAK_MIX steps in a closed loop: a VU sends
 * its next request only after the answer to the last one, then pauses `thinkMs` on average (the
 * presets: 1 s, a click a second, far busier than a real consultant; with none, 50 VUs measure only the machine's
 * throughput, p99 being about 50 / requests per second). Any answer other than a 2xx, and any network
 * error or timeout (10 s), is an error. The server's resident memory (VmRSS of its node process) is
 * sampled every 5 s; the growth is judged from the end of the warm-up (the first minute, or 10% of a
 * shorter run) to the end.
 */
export const soakBenchmark = async (
  server: { url: string; pid: number },
  dbUrl: string,
  load: SoakLoad,
  log: (line: string) => void = () => {},
): Promise<Result[]> => {
  const [{ stores } = { stores: 0 }] = await queryRows<{ stores: number }>(
    dbUrl,
    'select count(*)::int as stores from dealers',
  );
  const usernames = consultantsOf(Math.min(5, stores));
  const owned = await queryRows<OwnCustomer & { username: string }>(
    dbUrl,
    `select u.username, c.id, c.name, c.phone_e164 as phone
       from users u
       cross join lateral (
         select c.id, c.name, c.phone_e164 from customers c
          where c.dealer_id = u.dealer_id and c.owner_id = u.id and c.merged_into_id is null
          order by md5(c.id::text) limit 300) c
      where u.username = any($1)`,
    [usernames],
  );
  const knownPhones = (await queryRows<{ phone: string }>(dbUrl, KNOWN_PHONES_SQL)).map((r) => r.phone);
  const admin = await login(server.url, 'bench-admin');
  const key = await admin.request<{ key: string }>('POST', '/api/v1/api-keys', { name: 'bench soak' });
  if (key.status !== 201) throw new Error(`creating an API key answered ${key.status}`);

  const vus: Vu[] = [];
  for (let i = 0; i < load.vus; i++) {
    const username = usernames[i % usernames.length] as string;
    const customers = owned.filter((row) => row.username === username);
    if (customers.length === 0) throw new Error(`${username} owns no customers`);
    vus.push({
      client: await login(server.url, username),
      rng: new Random(1000 + i),
      slot: Math.floor(i / usernames.length),
      sharers: Math.ceil((load.vus - (i % usernames.length)) / usernames.length),
      customers,
      tasks: [],
      todayTurn: i,
    });
  }

  const latencies = new Map<SoakKind, number[]>(SOAK_MIX.map(([kind]) => [kind, []]));
  const failures = new Map<string, Failure>();
  let errors = 0;
  let requests = 0;
  const fail = (what: string, first: string) => {
    errors += 1;
    const seen = failures.get(what);
    if (seen) seen.count += 1;
    else failures.set(what, { what, first, count: 1 });
  };
  /** One timed request; the body when the answer is a 2xx, else undefined (the error counted). */
  const send = async <T>(
    kind: SoakKind,
    client: Client,
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<T | undefined> => {
    const route = `${method} ${path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id').replace(/\?.*/, '')}`;
    requests += 1;
    const started = performance.now();
    try {
      const res = await client.request<T>(method, path, body, headers, AbortSignal.timeout(10_000));
      latencies.get(kind)?.push(performance.now() - started);
      if (res.status >= 200 && res.status < 300) return res.body;
      fail(`${route} ${res.status}`, JSON.stringify(res.body).slice(0, 160));
    } catch (error) {
      latencies.get(kind)?.push(performance.now() - started);
      fail(`${route} network error`, error instanceof Error ? error.message : String(error));
    }
    return undefined;
  };

  const mine = (vu: Vu, customerId: string | null, id: string) =>
    shareOf(customerId ?? id, vu.sharers) === vu.slot;
  /** The Today page's list: the due-today and overdue tasks in turn, unless `due` is given. */
  const readToday = async (vu: Vu, due?: 'today' | 'overdue') => {
    if (!due) {
      vu.todayTurn += 1;
      due = vu.todayTurn % 2 === 0 ? 'today' : 'overdue';
    }
    const list = await send<TTaskList>(
      'today',
      vu.client,
      'GET',
      `/api/v1/tasks?status=open&scope=mine&due=${due}&limit=50`,
    );
    if (list) vu.tasks = list.items.filter((t) => mine(vu, t.customerId, t.id));
  };
  const ownCustomer = (vu: Vu) => vu.rng.pick(vu.customers);
  const myShareCustomer = (vu: Vu) => {
    const share = vu.customers.filter((c) => mine(vu, c.id, c.id));
    return share.length > 0 ? vu.rng.pick(share) : undefined;
  };
  let intakeSent = 0;
  const intakeBase = Math.floor(Math.random() * 50_000_000);

  const step = async (vu: Vu, kind: SoakKind) => {
    const c = vu.client;
    switch (kind) {
      case 'today':
        return readToday(vu);
      case 'counts':
        return void (await send(kind, c, 'GET', '/api/v1/tasks/summary?scope=mine'));
      case 'search': {
        const customer = ownCustomer(vu);
        const q = vu.rng.chance(0.5) ? customer.name : customer.phone.slice(-6, -2);
        return void (await send(kind, c, 'GET', `/api/v1/customers?q=${encodeURIComponent(q)}&limit=50`));
      }
      case 'card':
        return void (await send(kind, c, 'GET', `/api/v1/customers/${ownCustomer(vu).id}`));
      case 'timeline':
        return void (await send(kind, c, 'GET', `/api/v1/customers/${ownCustomer(vu).id}/timeline`));
      case 'history': {
        if (!vu.tasks.some((t) => t.leadId !== null)) await readToday(vu, 'overdue');
        const withLead = vu.tasks.filter((t) => t.leadId !== null);
        if (withLead.length === 0) return;
        const task = vu.rng.pick(withLead);
        return void (await send(kind, c, 'GET', `/api/v1/leads/${task.leadId}/follow-ups`));
      }
      case 'report': {
        const to = isoDate(Date.now());
        const from = isoDate(Date.now() - 6 * DAY_MS);
        return void (await send(kind, c, 'GET', `/api/v1/reports/funnel?from=${from}&to=${to}`));
      }
      case 'log': {
        // Nothing left to log on from the last read: read the backlog again, as the consultant would.
        if (vu.tasks.length === 0) await readToday(vu, 'overdue');
        const task = vu.tasks.shift();
        if (!task) return;
        if (task.leadId === null) {
          await send(kind, c, 'POST', `/api/v1/tasks/${task.id}/done`, {
            channel: 'phone',
            result: '已提醒客户',
          });
          return;
        }
        await send(kind, c, 'POST', `/api/v1/leads/${task.leadId}/follow-ups`, {
          channel: 'phone',
          content: '电话回访，介绍近期购车优惠',
          result: '客户仍在比较车型，约定下次再联系',
          taskId: task.id,
        });
        // Logging re-plans the lead's tasks: the others of that lead read before may be gone.
        vu.tasks = vu.tasks.filter((t) => t.leadId !== task.leadId);
        return;
      }
      case 'edit': {
        const customer = myShareCustomer(vu);
        if (!customer) return;
        const card = await send<TCustomer>('card', c, 'GET', `/api/v1/customers/${customer.id}`);
        if (!card) return;
        const occupation = OCCUPATIONS.filter((o) => o !== card.occupation);
        await send(kind, c, 'PATCH', `/api/v1/customers/${customer.id}`, {
          version: card.version,
          occupation: vu.rng.pick(occupation),
        });
        return;
      }
      case 'plan': {
        const inDays = vu.rng.int(1, 7);
        await send(kind, c, 'POST', '/api/v1/tasks', {
          customerId: ownCustomer(vu).id,
          title: '确认客户到店试驾时间',
          dueAt: new Date(Date.now() + inDays * DAY_MS).toISOString(),
        });
        return;
      }
      case 'intake': {
        intakeSent += 1;
        const phone =
          intakeSent % 2 === 0
            ? freshPhone(intakeBase + intakeSent)
            : (knownPhones[intakeSent % knownPhones.length] as string);
        await send(
          kind,
          c,
          'POST',
          '/api/v1/intake/leads',
          // A name of its own, as intake's: one name on every soak card would skew the search samples.
          {
            name: `浸泡测试客户${intakeBase + intakeSent}`,
            phone,
            source: 'autohome',
            seriesInterest: 'Qin PLUS',
            note: 'soak',
          },
          { authorization: `Bearer ${key.body.key}` },
        );
        return;
      }
    }
  };

  const serverPid = server.pid;
  const started = performance.now();
  const durationMs = load.seconds * 1000;
  const warmupMs = Math.min(60_000, durationMs / 10);
  const rss: RssSample[] = [{ atMs: 0, kib: rssKibOf(serverPid) }];
  const cpuAtStart = cpuSecondsOf(serverPid);
  const schedAtStart = schedOf(serverPid);
  const sampler = setInterval(() => {
    rss.push({ atMs: performance.now() - started, kib: rssKibOf(serverPid) });
  }, 5_000);
  const progress = setInterval(() => {
    log(
      `  soak: ${Math.round((performance.now() - started) / 1000)} s, ${requests} requests, ${errors} errors`,
    );
  }, 60_000);
  try {
    await Promise.all(
      vus.map(async (vu) => {
        // Spread the first requests over one think time: 50 users do not all click at the same instant.
        await sleep(load.thinkMs * vu.rng.float());
        await readToday(vu);
        while (performance.now() - started < durationMs) {
          await step(vu, kindAt(SOAK_MIX, vu.rng.float()));
          if (load.thinkMs > 0) await sleep(load.thinkMs * (0.5 + vu.rng.float()));
        }
      }),
    );
  } finally {
    clearInterval(sampler);
    clearInterval(progress);
  }
  rss.push({ atMs: performance.now() - started, kib: rssKibOf(serverPid) });
  const seconds = (performance.now() - started) / 1000;
  const serverCores = (cpuSecondsOf(serverPid) - cpuAtStart) / seconds;
  // How long the event loop waited for a CPU that other processes held (a busy machine, not the server).
  const waitedPercent = ((schedOf(serverPid).waitNs - schedAtStart.waitNs) / 1e7 / seconds).toFixed(0);
  const memory = memoryGrowth(rss, warmupMs);

  const all = [...latencies.values()].flat();
  const p99Of = (samples: readonly number[]) => (samples.length > 0 ? percentile(samples, 99) : null);
  for (const [kind, samples] of latencies) {
    if (samples.length === 0) continue;
    log(
      `  ${kind.padEnd(8)} ${String(samples.length).padStart(6)} requests, p50 ${percentile(samples, 50).toFixed(0)} ms, p99 ${percentile(samples, 99).toFixed(0)} ms, max ${Math.max(...samples).toFixed(0)} ms`,
    );
  }
  for (const f of failures.values()) log(`  error x${f.count}: ${f.what}, first: ${f.first}`);
  const perKind = [...latencies]
    .filter(([, samples]) => samples.length > 0)
    .map(([kind, samples]) => `${kind} ${(p99Of(samples) as number).toFixed(0)}`)
    .join(', ');
  const sharePercent = (kinds: readonly SoakKind[]) =>
    (
      (kinds.reduce((n, k) => n + (latencies.get(k)?.length ?? 0), 0) / Math.max(1, all.length)) *
      100
    ).toFixed(0);
  const shares = `reads ${sharePercent(['today', 'counts', 'search', 'card', 'timeline', 'history', 'report'])}% / updates ${sharePercent(['log', 'edit', 'plan'])}% / intake ${sharePercent(['intake'])}%`;
  const run = `${seconds.toFixed(0)} s${load.seconds < 600 ? ' (short run)' : ''}, ${load.vus} VUs, think ${load.thinkMs} ms, ${requests.toLocaleString('en')} requests (${(requests / seconds).toFixed(0)}/s; ${shares}), server CPU ${serverCores.toFixed(2)} cores, its event loop waiting for a CPU ${waitedPercent}% of the run`;
  const firstFailures = [...failures.values()]
    .slice(0, 3)
    .map((f) => `${f.what} x${f.count} (${f.first.slice(0, 80)})`)
    .join('; ');
  const mib = (kib: number) => (kib / 1024).toFixed(0);
  return [
    {
      benchmark: 'soak: errors',
      figure: errors,
      unit: 'errors',
      target: 0,
      whole: true,
      note: errors > 0 ? `${run}; first: ${firstFailures}` : run,
    },
    {
      benchmark: 'soak: p99',
      figure: p99Of(all),
      unit: 'ms',
      target: 200,
      note: `p50 ${all.length > 0 ? percentile(all, 50).toFixed(0) : '-'} ms; p99 per kind (ms): ${perKind}`,
    },
    {
      benchmark: 'soak: memory growth',
      figure: memory.percent,
      unit: '%',
      target: 10,
      note: `server RSS ${mib(memory.baselineKib)} MiB after ${(warmupMs / 1000).toFixed(0)} s warm-up, ${mib(memory.endKib)} MiB at the end, peak ${mib(memory.peakKib)} MiB`,
    },
  ];
};
