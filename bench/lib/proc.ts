import { readFileSync } from 'node:fs';

/** Resident memory in KiB out of a /proc/<pid>/status text (its `VmRSS:` line). */
export const vmRssKibOf = (status: string): number => {
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  if (!match) throw new Error('no VmRSS line in the process status');
  return Number(match[1]);
};

/** The resident memory of a live process, KiB (Linux: /proc). */
export const rssKibOf = (pid: number): number => vmRssKibOf(readFileSync(`/proc/${pid}/status`, 'utf8'));

/**
 * CPU time a process has used, user plus system, in clock ticks (fields 14 and 15 of /proc/<pid>/stat,
 * counted after the command name, which may hold spaces and parentheses).
 */
export const cpuTicksOf = (stat: string): number => {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (the state): utime is field 14, stime field 15.
  const [utime, stime] = [Number(fields[11]), Number(fields[12])];
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) throw new Error('no CPU times in the process stat');
  return utime + stime;
};

/** Seconds of CPU a live process has used (Linux: /proc; 100 ticks a second, as on every x86-64 kernel). */
export const cpuSecondsOf = (pid: number): number =>
  cpuTicksOf(readFileSync(`/proc/${pid}/stat`, 'utf8')) / 100;

/**
 * Nanoseconds a thread has run on a CPU and waited on a run queue for one (/proc/<pid>/schedstat): on a
 * shared machine, a server that waits long for a CPU is slowed by the others, not by its own work.
 */
export const schedstatOf = (text: string): { runNs: number; waitNs: number } => {
  const [run, wait] = text.trim().split(/\s+/).map(Number);
  if (!Number.isFinite(run) || !Number.isFinite(wait)) throw new Error('no times in the schedstat');
  return { runNs: run as number, waitNs: wait as number };
};

/** Run and run-queue wait times of a live process's main thread (for node: the event loop). */
export const schedOf = (pid: number) => schedstatOf(readFileSync(`/proc/${pid}/schedstat`, 'utf8'));

export type RssSample = { atMs: number; kib: number };

/**
 * Memory growth over a run, in percent: (the last sample - the first sample at or after `warmupMs`)
 * / that first one. The warm-up leaves out what any server allocates on its first requests (compiled
 * code, pools, caches), so what remains is what a long run keeps adding.
 */
export const memoryGrowth = (
  samples: readonly RssSample[],
  warmupMs: number,
): { baselineKib: number; endKib: number; peakKib: number; percent: number } => {
  const baseline = samples.find((s) => s.atMs >= warmupMs);
  const end = samples[samples.length - 1];
  if (!baseline || !end || end.atMs <= baseline.atMs)
    throw new Error('memory growth needs a sample after the warm-up and a later one');
  const after = samples.filter((s) => s.atMs >= baseline.atMs);
  return {
    baselineKib: baseline.kib,
    endKib: end.kib,
    peakKib: Math.max(...after.map((s) => s.kib)),
    percent: ((end.kib - baseline.kib) / baseline.kib) * 100,
  };
};
