import { describe, expect, it } from 'vitest';
import { failuresOf, freshPhone, PGBENCH_SCRIPT, parsePgbench } from './intake';

const REPORT = `transaction type: /tmp/intake.sql
scaling factor: 1
query mode: prepared
number of clients: 8
number of threads: 2
maximum number of tries: 1
duration: 10 s
number of transactions actually processed: 25123
number of failed transactions: 3 (0.012%)
latency average = 3.184 ms
initial connection time = 12.345 ms
tps = 2512.345678 (without initial connection time)
`;

describe('parsePgbench', () => {
  it('reads tps, the average latency and the failed transactions', () => {
    expect(parsePgbench(REPORT)).toEqual({ tps: 2512.345678, latencyMs: 3.184, failed: 3 });
  });

  it('says what pgbench printed when it printed no tps', () => {
    expect(() => parsePgbench('connection to server failed')).toThrow(/no tps:\nconnection to server failed/);
  });
});

describe('freshPhone', () => {
  it('gives an 11-digit mobile of the 162 block, a different one per number', () => {
    expect(freshPhone(7)).toBe('16200000007');
    expect(freshPhone(123_456_789)).toBe('16223456789');
    expect(new Set([1, 2, 3].map(freshPhone)).size).toBe(3);
  });
});

describe('PGBENCH_SCRIPT', () => {
  it('runs the lookup and both inserts in one transaction, the ids carried by \\gset', () => {
    const lines = PGBENCH_SCRIPT.trim().split('\n');
    expect(lines[1]).toBe('BEGIN;');
    expect(lines.at(-1)).toBe('END;');
    expect(lines[2]).toMatch(/^SELECT .* FROM customers .*phone_e164 .*\\gset$/);
    expect(lines[3]).toMatch(/^INSERT INTO leads .*RETURNING id AS lid \\gset$/);
    expect(lines[4]).toMatch(/^INSERT INTO tasks .*:lid, :cid/);
    // The lead is owned by the task's assignee, as the application leaves a lead with a task.
    expect(lines[3]).toMatch(/owner_id.*:assignee/);
    // Marked, so the benchmark removes what it wrote (measurePgbench).
    expect(lines[3]).toMatch(/campaign_code\) VALUES .*'pgbench'\)/);
    expect(lines[4]).toMatch(/title\) VALUES .*'pgbench'\);$/);
  });
});

describe('failuresOf', () => {
  it('says none when every answer was a 2xx', () => {
    expect(
      failuresOf({ errors: 0, timeouts: 0, statusCodeStats: { '200': { count: 9 }, '201': { count: 3 } } }),
    ).toBe('none');
  });

  it('names timeouts apart from the other connection errors, and each non-2xx status', () => {
    expect(
      failuresOf({
        errors: 5,
        timeouts: 3,
        statusCodeStats: { '200': { count: 9 }, '500': { count: 2 }, '503': { count: 1 } },
      }),
    ).toBe('3 timeouts, 2 connection errors, 500 x2, 503 x1');
  });
});
