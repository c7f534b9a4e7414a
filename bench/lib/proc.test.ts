import { describe, expect, it } from 'vitest';
import { cpuTicksOf, memoryGrowth, schedstatOf, vmRssKibOf } from './proc';

describe('schedstatOf', () => {
  it('reads the time on a CPU and the time waiting for one, in nanoseconds', () => {
    expect(schedstatOf('408754820 3998207333 888\n')).toEqual({ runNs: 408_754_820, waitNs: 3_998_207_333 });
  });

  it('refuses a text without them', () => {
    expect(() => schedstatOf('')).toThrow(/no times/);
  });
});

describe('cpuTicksOf', () => {
  it('adds utime and stime, after a command name with spaces and parentheses', () => {
    const stat =
      '4242 (node (main) x) S 4241 4242 4242 0 -1 4194304 9000 0 0 0 1500 320 0 0 20 0 11 0 123456 1000000 60000';
    expect(cpuTicksOf(stat)).toBe(1820);
  });

  it('refuses a line without them', () => {
    expect(() => cpuTicksOf('4242 (node) S 1')).toThrow(/no CPU times/);
  });
});

describe('vmRssKibOf', () => {
  it('reads the VmRSS line of /proc/<pid>/status', () => {
    const status = 'Name:\tnode\nVmPeak:\t 1200000 kB\nVmRSS:\t  245760 kB\nRssAnon:\t  200000 kB\n';
    expect(vmRssKibOf(status)).toBe(245_760);
  });

  it('refuses a status without one (a kernel thread, a process gone)', () => {
    expect(() => vmRssKibOf('Name:\tkthreadd\nState:\tS (sleeping)\n')).toThrow(/no VmRSS/);
  });
});

describe('memoryGrowth', () => {
  const samples = [
    { atMs: 0, kib: 100_000 },
    { atMs: 30_000, kib: 180_000 },
    { atMs: 60_000, kib: 200_000 },
    { atMs: 65_000, kib: 230_000 },
    { atMs: 600_000, kib: 210_000 },
  ];

  it('measures from the first sample at or after the warm-up to the last one', () => {
    expect(memoryGrowth(samples, 60_000)).toEqual({
      baselineKib: 200_000,
      endKib: 210_000,
      peakKib: 230_000,
      percent: 5,
    });
  });

  it('leaves the warm-up out: the start-up allocations are not growth', () => {
    expect(memoryGrowth(samples, 20_000).baselineKib).toBe(180_000);
    expect(memoryGrowth(samples, 20_000).percent).toBeCloseTo(16.67, 2);
  });

  it('gives a negative growth when the server gave memory back', () => {
    expect(memoryGrowth(samples, 61_000).percent).toBeCloseTo(-8.7, 1);
  });

  it('refuses a run with no sample after the warm-up to compare with', () => {
    expect(() => memoryGrowth(samples, 600_000)).toThrow(/after the warm-up/);
    expect(() => memoryGrowth(samples, 700_000)).toThrow(/after the warm-up/);
    expect(() => memoryGrowth([], 0)).toThrow(/after the warm-up/);
  });
});
