import { describe, expect, it } from 'vitest';
import { startTestServer } from '../../test-support/test-server';
import { createJobTimer, type Job } from './job-timer';

const silent = { error: () => {}, debug: () => {} };

/** Resolves when `count` rounds of the job have run. */
const countingJob = (name: string, rounds: number, fail = false) => {
  const seen: Date[] = [];
  let reached: () => void = () => {};
  const done = new Promise<void>((resolve) => {
    reached = resolve;
  });
  const job: Job = {
    name,
    run: async (now) => {
      seen.push(now);
      if (seen.length === rounds) reached();
      if (fail) throw new Error(`${name} failed`);
    },
  };
  return { job, seen, done };
};

describe('the job timer', () => {
  it('runs every job round after round with the clock’s time; a failing job does not stop the others', async () => {
    const now = new Date('2026-03-04T02:00:00Z');
    const failing = countingJob('failing', 3, true);
    const counting = countingJob('counting', 3);
    const errors: string[] = [];
    const timer = createJobTimer({
      jobs: [failing.job, counting.job],
      clock: { now: () => now },
      log: { ...silent, error: (_obj: unknown, msg?: string) => void errors.push(msg ?? '') },
      intervalMs: 5,
    });
    timer.start();
    await Promise.all([failing.done, counting.done]);
    await timer.stop();
    expect(counting.seen.length).toBeGreaterThanOrEqual(3);
    expect(counting.seen.every((d) => d === now)).toBe(true);
    expect(errors.length).toBeGreaterThanOrEqual(3);
  });

  it('waits for a round in progress when stopped, and runs no more after', async () => {
    let release: () => void = () => {};
    let started: () => void = () => {};
    const startedRound = new Promise<void>((resolve) => {
      started = resolve;
    });
    let rounds = 0;
    let finished = false;
    const timer = createJobTimer({
      jobs: [
        {
          name: 'slow',
          run: async () => {
            rounds++;
            started();
            await new Promise<void>((resolve) => {
              release = resolve;
            });
            finished = true;
          },
        },
      ],
      clock: { now: () => new Date() },
      log: silent,
      intervalMs: 1,
    });
    timer.start();
    await startedRound;
    const stopping = timer.stop();
    expect(finished).toBe(false);
    release();
    await stopping;
    expect(finished).toBe(true);
    expect(timer.isRunning()).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(rounds).toBe(1);
  });

  it('starts with the server and stops when it closes', async () => {
    let reads = 0;
    const t = await startTestServer({
      demo: false,
      jobIntervalMs: 5,
      clock: {
        now: () => {
          reads++;
          return new Date();
        },
      },
    });
    try {
      await expect.poll(() => reads, { timeout: 20_000 }).toBeGreaterThanOrEqual(3);
    } finally {
      await t.close();
    }
    const afterClose = reads;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(reads).toBe(afterClose);
  });
});
