import { type Client, login } from './lib/http';
import { summarize, timeSequential } from './lib/stats';
import type { Result } from './lib/table';

const CONSULTANTS = Array.from({ length: 10 }, (_, i) => `b01-c${String(i + 1).padStart(2, '0')}`);

/**
 * A consultant's Today page as the web app loads it (apps/web/src/features/worklist): the open tasks
 * due today and the overdue ones (50 a page), the upcoming ones (20) and the counts. Each call is timed
 * on its own, the ten consultants of store B001 in turn.
 */
export const worklistBenchmark = async (baseUrl: string, count: number): Promise<Result[]> => {
  const clients: Client[] = [];
  for (const username of CONSULTANTS) clients.push(await login(baseUrl, username));
  const timed = async (path: string) => {
    let rows = 0;
    const samples = await timeSequential(async (i) => {
      const body = await (clients[i % clients.length] as Client).getOk<{ items?: unknown[] }>(path);
      rows += body.items?.length ?? 0;
    }, count);
    return { ...summarize(samples), rows };
  };
  const today = await timed('/api/v1/tasks?status=open&scope=mine&due=today&limit=50');
  const overdue = await timed('/api/v1/tasks?status=open&scope=mine&due=overdue&limit=50');
  const summary = await timed('/api/v1/tasks/summary?scope=mine');
  const rowsNote = (r: { rows: number; n: number }) =>
    `${r.n} calls, ${(r.rows / (r.n + 5)).toFixed(0)} rows a page`;
  return [
    { benchmark: 'worklist: today p95', figure: today.p95, unit: 'ms', target: 20, note: rowsNote(today) },
    {
      benchmark: 'worklist: overdue p95',
      figure: overdue.p95,
      unit: 'ms',
      target: 20,
      note: rowsNote(overdue),
    },
    {
      benchmark: 'worklist: counts p95',
      figure: summary.p95,
      unit: 'ms',
      target: 20,
      note: `${summary.n} calls`,
    },
  ];
};
