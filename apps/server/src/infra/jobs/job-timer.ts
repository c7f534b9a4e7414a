import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../clock';

/** A time-based check: idempotent SQL given "now"; running it twice changes nothing more. */
export type Job = { name: string; run: (now: Date) => Promise<unknown> };

export type JobTimerOptions = {
  jobs: readonly Job[];
  clock: Clock;
  log: Pick<FastifyBaseLogger, 'error' | 'debug'>;
  /** Between the end of one round and the start of the next (60 s in production). */
  intervalMs: number;
  /** The first round after start: soon, so that a restart leaves no gap (5 s by default). */
  firstRunMs?: number;
};

/**
 * Runs the jobs one after another, round after round, inside the server process (ARCHITECTURE
 * "background work": no Redis, nothing lost on restart, since the jobs keep their state in the
 * database). Rounds never overlap; a failing job is logged and the others still run. stop() waits for
 * a round in progress, so the database can close after it.
 */
export const createJobTimer = ({ jobs, clock, log, intervalMs, firstRunMs = 5_000 }: JobTimerOptions) => {
  let timer: NodeJS.Timeout | undefined;
  let round: Promise<void> | undefined;
  let stopped = true;

  const runRound = async () => {
    const now = clock.now();
    for (const job of jobs) {
      if (stopped) return;
      try {
        const result = await job.run(now);
        log.debug({ job: job.name, result }, 'job done');
      } catch (error) {
        log.error({ err: error, job: job.name }, 'job failed');
      }
    }
  };

  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      timer = undefined;
      round = runRound().finally(() => {
        round = undefined;
        schedule(intervalMs);
      });
    }, ms);
    timer.unref();
  };

  const start = () => {
    if (!stopped) return;
    stopped = false;
    schedule(Math.min(firstRunMs, intervalMs));
  };

  const stop = async () => {
    stopped = true;
    clearTimeout(timer);
    timer = undefined;
    await round;
  };

  return { start, stop, isRunning: () => !stopped };
};

export type JobTimer = ReturnType<typeof createJobTimer>;
