import { describe, expect, test } from 'vitest';
import { type BulkTable, COLUMNS, DAY, generateStore, type StoreRefs } from './rows';

const id = (n: number) => `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const refs: StoreRefs = {
  dealerId: id(1),
  storeIndex: 0,
  code: 'B001',
  managerId: id(2),
  receptionId: id(3),
  consultants: [
    { id: id(10), code: 'A01' },
    { id: id(11), code: 'A02' },
  ],
  dccAgents: [id(20)],
  sources: [
    [{ sourceId: id(30), channel: 'walk_in' }, 3],
    [{ sourceId: id(31), channel: 'portal' }, 2],
  ],
  series: [
    { id: id(40), configurations: [{ id: id(41), price: 150_000 }], colours: [id(42)], demoCarId: id(43) },
  ],
  defeatReasons: [id(50)],
};
const NOW = Date.UTC(2026, 10, 1);

/** Runs the generator into memory: the CSV text each table received, in the order it was sent. */
const run = async (seed: number, customers = 400) => {
  const sent: { table: BulkTable; lines: string[] }[] = [];
  const result = await generateStore(refs, {
    customers,
    now: NOW,
    seed,
    flushAt: 500,
    sink: async (table, text) => {
      sent.push({ table, lines: text.trimEnd().split('\n') });
    },
  });
  const rows = (table: BulkTable) => sent.filter((s) => s.table === table).flatMap((s) => s.lines);
  return { sent, rows, result };
};
const column = (line: string, table: BulkTable, name: string) =>
  line.split(',')[(COLUMNS[table] as readonly string[]).indexOf(name)];

describe('the benchmark dataset', () => {
  test('is the same for the same seed and different for another', async () => {
    const a = await run(7);
    const b = await run(7);
    const c = await run(8);
    expect(a.sent).toEqual(b.sent);
    expect(c.rows('customers')).not.toEqual(a.rows('customers'));
  });

  test('has the proportions of a dealer group: about 3 leads, 10 follow-ups and 5 tasks per customer', async () => {
    const { rows } = await run(1, 2000);
    const perCustomer = (table: BulkTable) => rows(table).length / 2000;
    expect(perCustomer('leads')).toBeGreaterThan(2.5);
    expect(perCustomer('leads')).toBeLessThan(3.5);
    expect(perCustomer('follow_ups')).toBeGreaterThan(8);
    expect(perCustomer('follow_ups')).toBeLessThan(12);
    expect(perCustomer('tasks')).toBeGreaterThan(4);
    expect(perCustomer('tasks')).toBeLessThan(7);
    expect(rows('orders').length).toBeGreaterThan(0);
    expect(rows('defeat_requests').length).toBeGreaterThan(0);
  });

  test('drives about half of the visitors, in the demo car of their series, during their visit', async () => {
    const { rows } = await run(4, 2000);
    const visits = rows('showroom_visits');
    const drives = rows('test_drives');
    expect(drives.length / visits.length).toBeGreaterThan(0.4);
    expect(drives.length / visits.length).toBeLessThan(0.6);
    const arrivals = new Map(
      visits.map((line) => [
        column(line, 'showroom_visits', 'lead_id'),
        Date.parse(column(line, 'showroom_visits', 'arrived_at') ?? ''),
      ]),
    );
    for (const line of drives) {
      const startsAt = Date.parse(column(line, 'test_drives', 'starts_at') ?? '');
      const arrivedAt = arrivals.get(column(line, 'test_drives', 'lead_id')) ?? Number.NaN;
      expect(startsAt - arrivedAt).toBeGreaterThanOrEqual(10 * 60_000);
      expect(startsAt - arrivedAt).toBeLessThanOrEqual(40 * 60_000);
      expect(Date.parse(column(line, 'test_drives', 'ends_at') ?? '')).toBeLessThan(NOW);
      expect(column(line, 'test_drives', 'demo_car_id')).toBe(id(43));
      expect(column(line, 'test_drives', 'status')).toBe('done');
    }
  });

  test('gives every customer its own phone and card number', async () => {
    const { rows } = await run(3, 3000);
    const phones = rows('customers').map((line) => column(line, 'customers', 'phone_e164'));
    const cards = rows('customers').map((line) => column(line, 'customers', 'card_no'));
    expect(new Set(phones).size).toBe(3000);
    expect(new Set(cards).size).toBe(3000);
    for (const phone of phones) expect(phone).toMatch(/^\+861[3-9]\d{9}$/);
  });

  test('sends parents before children, so every foreign key finds its row', async () => {
    const { sent } = await run(5, 1500);
    const customers = new Set<string>();
    const leads = new Set<string>();
    for (const { table, lines } of sent) {
      for (const line of lines) {
        if (table === 'customers') customers.add(column(line, table, 'id') ?? '');
        if (table === 'leads') {
          expect(customers.has(column(line, table, 'customer_id') ?? '')).toBe(true);
          leads.add(column(line, table, 'id') ?? '');
        }
        if (
          table === 'follow_ups' ||
          table === 'tasks' ||
          table === 'defeat_requests' ||
          table === 'test_drives' ||
          table === 'showroom_visits'
        ) {
          expect(leads.has(column(line, table, 'lead_id') ?? '')).toBe(true);
        }
      }
    }
  });

  test('keeps one open task per live lead and nothing in the future but open tasks', async () => {
    const { rows } = await run(9, 1500);
    const live = rows('leads').filter((line) =>
      ['open', 'nurturing'].includes(column(line, 'leads', 'status') ?? ''),
    );
    const open = rows('tasks').filter((line) => column(line, 'tasks', 'status') === 'open');
    expect(open.length).toBe(live.length);
    expect(new Set(open.map((line) => column(line, 'tasks', 'lead_id'))).size).toBe(open.length);
    for (const line of rows('follow_ups')) {
      expect(Date.parse(column(line, 'follow_ups', 'occurred_at') ?? '')).toBeLessThanOrEqual(NOW);
    }
    for (const line of rows('customers')) {
      expect(Date.parse(column(line, 'customers', 'created_at') ?? '')).toBeGreaterThan(NOW - 731 * DAY);
    }
  });
});
