import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, startTestServer, type TestServer } from '../test-support/test-server';

/** Wednesday 25 November 2026, 10:00 in Shanghai. */
let now = new Date('2026-11-25T02:00:00Z');
/** Wall-clock time in Shanghai. */
const sh = (local: string) => `${local}:00+08:00`;
const VALID_LICENCE = '11010519491231002X';

let t: TestServer;
let manager: ApiClient;
let consultant1: ApiClient;
let consultant2: ApiClient;
let reception: ApiClient;
let consultant3: ApiClient;
const ids: Record<string, string> = {};
let cars: { id: string; plateNo: string }[] = [];

const userId = async (username: string) =>
  (await t.rows<{ id: string }>(sql`select id from users where username = ${username}`))[0]?.id as string;

/** Customers of a consultant with an open lead they own and no test drive yet. */
const customersOf = async (owner: string, count: number) => {
  const rows = await t.rows<{ customer_id: string; lead_id: string }>(sql`
    select c.id as customer_id, l.id as lead_id from customers c
      join leads l on l.customer_id = c.id and l.status = 'open' and l.owner_id = ${owner}
    where c.owner_id = ${owner} and c.merged_into_id is null
      and not exists (select 1 from leads l2 where l2.customer_id = c.id and l2.id <> l.id and l2.status in ('open', 'nurturing'))
      and not exists (select 1 from test_drives d where d.customer_id = c.id)
    order by c.id limit ${count}`);
  if (rows.length < count) throw new Error('the demo has too few customers for this test');
  return rows;
};

const book = (client: ApiClient, body: Record<string, unknown>) => client.post('/api/v1/test-drives', body);

beforeAll(async () => {
  t = await startTestServer({ clock: { now: () => now } });
  manager = await t.as('manager');
  consultant1 = await t.as('consultant1');
  consultant2 = await t.as('consultant2');
  reception = await t.as('reception');
  consultant3 = await t.as('consultant3');
  for (const name of ['manager', 'consultant1', 'consultant2', 'reception', 'consultant3'])
    ids[name] = await userId(name);
  cars = (await consultant1.get('/api/v1/demo-cars')).body.items;
});
afterAll(() => t?.close());

describe('demo cars', () => {
  it('are three in store 1 and one in store 2, from the catalog', async () => {
    expect(cars.map((c) => c.plateNo)).toHaveLength(3);
    const listed = await consultant1.get('/api/v1/demo-cars');
    expect(listed.body.items[0]).toMatchObject({ active: true, label: expect.stringContaining('款') });
    const store2 = await consultant3.get('/api/v1/demo-cars');
    expect(store2.body.items.map((c: { plateNo: string }) => c.plateNo)).toEqual(['沪AD66218']);
  });

  it('are added and retired by managers; a plate number is unique in the store', async () => {
    const options = (await manager.get('/api/v1/demo-cars/options')).body;
    const configuration = options.configurations[0];
    const colour = options.colours.find((c: { seriesId: string }) => c.seriesId === configuration.seriesId);
    const created = await manager.post('/api/v1/demo-cars', {
      configurationId: configuration.id,
      colourId: colour.id,
      plateNo: '沪ad99999',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ plateNo: '沪AD99999', active: true, colourName: colour.name });

    const duplicate = await manager.post('/api/v1/demo-cars', {
      configurationId: configuration.id,
      plateNo: '沪AD99999',
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.fields.plateNo).toContain('already has a demo car with this plate');
    // Store 2 may use the same plate: uniqueness is per store.
    const manager2 = await t.as('manager2');
    const options2 = (await manager2.get('/api/v1/demo-cars/options')).body;
    const other = await manager2.post('/api/v1/demo-cars', {
      configurationId: options2.configurations[0].id,
      plateNo: '沪AD99999',
    });
    expect(other.status).toBe(201);

    const wrongColour = options.colours.find(
      (c: { seriesId: string }) => c.seriesId !== configuration.seriesId,
    );
    const refused = await manager.post('/api/v1/demo-cars', {
      configurationId: configuration.id,
      colourId: wrongColour.id,
      plateNo: '沪AD88888',
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.fields.colourId).toBeDefined();

    expect(
      (await consultant1.post('/api/v1/demo-cars', { configurationId: configuration.id, plateNo: 'X1' }))
        .status,
    ).toBe(403);

    const retired = await manager.patch(`/api/v1/demo-cars/${created.body.id}`, {
      version: created.body.version,
      active: false,
    });
    expect(retired.status).toBe(200);
    expect(retired.body).toMatchObject({ active: false, version: created.body.version + 1 });
    const stale = await manager.patch(`/api/v1/demo-cars/${created.body.id}`, {
      version: created.body.version,
      active: true,
    });
    expect(stale.status).toBe(409);
    const active = (await consultant1.get('/api/v1/demo-cars')).body.items.map((c: { id: string }) => c.id);
    expect(active).not.toContain(created.body.id);
    const all = (await manager.get('/api/v1/demo-cars?includeInactive=true')).body.items.map(
      (c: { id: string }) => c.id,
    );
    expect(all).toContain(created.body.id);
    const [customer] = await customersOf(ids.consultant1 as string, 1);
    const onRetired = await book(consultant1, {
      customerId: customer?.customer_id,
      demoCarId: created.body.id,
      startsAt: sh('2026-11-30T10:00'),
      endsAt: sh('2026-11-30T11:00'),
    });
    expect(onRetired.status).toBe(422);
    expect(onRetired.body.error.fields.demoCarId).toBeDefined();
    const plateTaken = await manager.patch(`/api/v1/demo-cars/${created.body.id}`, {
      version: retired.body.version,
      plateNo: cars[0]?.plateNo,
    });
    expect(plateTaken.status).toBe(409);
    expect(plateTaken.body.error.fields.plateNo).toBeDefined();
  });
});

describe('booking a test drive', () => {
  it("books against a car's schedule: overlap is 409 naming the other booking, back-to-back is fine", async () => {
    const [a, b, c] = await customersOf(ids.consultant1 as string, 3);
    const car = cars[0]?.id;
    const first = await book(consultant1, {
      customerId: a?.customer_id,
      demoCarId: car,
      startsAt: sh('2026-11-26T10:00'),
      endsAt: sh('2026-11-26T11:00'),
      route: '中环高架',
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      status: 'booked',
      leadId: a?.lead_id,
      consultant: { id: ids.consultant1 },
      demoCar: { id: car },
      startsAt: '2026-11-26T02:00:00.000Z',
      route: '中环高架',
      licenceCheckedAt: null,
    });

    const overlapping = await book(consultant1, {
      customerId: b?.customer_id,
      demoCarId: car,
      startsAt: sh('2026-11-26T10:30'),
      endsAt: sh('2026-11-26T11:30'),
    });
    expect(overlapping.status).toBe(409);
    expect(overlapping.body.error.fields.startsAt).toContain('already booked 10:00–11:00 on 2026-11-26');
    expect(overlapping.body.error.details.clash.id).toBe(first.body.id);

    const inside = await book(consultant1, {
      customerId: b?.customer_id,
      demoCarId: car,
      startsAt: sh('2026-11-26T10:15'),
      endsAt: sh('2026-11-26T10:45'),
    });
    expect(inside.status).toBe(409);

    const before = await book(consultant1, {
      customerId: b?.customer_id,
      demoCarId: car,
      startsAt: sh('2026-11-26T09:00'),
      endsAt: sh('2026-11-26T10:00'),
    });
    expect(before.status).toBe(201);
    const after = await book(consultant1, {
      customerId: c?.customer_id,
      demoCarId: car,
      startsAt: sh('2026-11-26T11:00'),
      endsAt: sh('2026-11-26T12:00'),
    });
    expect(after.status).toBe(201);
    const otherCar = await book(consultant1, {
      customerId: c?.customer_id,
      demoCarId: cars[1]?.id,
      startsAt: sh('2026-11-26T10:30'),
      endsAt: sh('2026-11-26T11:30'),
    });
    expect(otherCar.status).toBe(201);

    const schedule = await reception.get('/api/v1/test-drives/schedule?date=2026-11-26');
    expect(schedule.status).toBe(200);
    expect(schedule.body).toMatchObject({ timeZone: 'Asia/Shanghai', opensAt: '09:00', closesAt: '18:00' });
    const day = schedule.body.cars.find((entry: { car: { id: string } }) => entry.car.id === car);
    expect(day.drives.map((d: { startsAt: string }) => d.startsAt)).toEqual([
      '2026-11-26T01:00:00.000Z',
      '2026-11-26T02:00:00.000Z',
      '2026-11-26T03:00:00.000Z',
    ]);
    // The receptionist sees the store's customers.
    expect(day.drives[1].customer.id).toBe(a?.customer_id);

    // Cancelling frees the slot.
    const cancelled = await consultant1.post(`/api/v1/test-drives/${first.body.id}/cancel`, {
      version: first.body.version,
      reason: '客户改期',
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelReason: '客户改期' });
    const rebooked = await book(consultant1, {
      customerId: b?.customer_id,
      demoCarId: car,
      startsAt: sh('2026-11-26T10:30'),
      endsAt: sh('2026-11-26T11:00'),
    });
    expect(rebooked.status).toBe(201);
    const twice = await consultant1.post(`/api/v1/test-drives/${first.body.id}/cancel`, {
      version: cancelled.body.version,
      reason: 'again',
    });
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toContain('was cancelled');
  });

  it('gives one booking and one 409 when two people book overlapping slots at the same moment', async () => {
    const [a, b] = await customersOf(ids.consultant2 as string, 2);
    const car = cars[2]?.id;
    for (let round = 0; round < 6; round++) {
      const hour = 9 + round;
      const results = await Promise.all([
        book(consultant2, {
          customerId: a?.customer_id,
          demoCarId: car,
          startsAt: sh(`2026-11-27T${String(hour).padStart(2, '0')}:00`),
          endsAt: sh(`2026-11-27T${String(hour).padStart(2, '0')}:45`),
        }),
        book(manager, {
          customerId: b?.customer_id,
          demoCarId: car,
          consultantId: ids.consultant2,
          startsAt: sh(`2026-11-27T${String(hour).padStart(2, '0')}:15`),
          endsAt: sh(`2026-11-27T${String(hour + 1).padStart(2, '0')}:00`),
        }),
      ]);
      expect(results.map((r) => r.status).sort(), `round ${round}`).toEqual([201, 409]);
      const refused = results.find((r) => r.status === 409);
      expect(refused?.body.error.fields.startsAt).toContain('already booked');
    }
    const [row] = await t.rows<{ n: number }>(
      sql`select count(*)::int as n from test_drives where demo_car_id = ${car} and status = 'booked'`,
    );
    expect(row?.n).toBe(6);
  });

  it('refuses a slot in the past, outside opening hours or too long, naming the field', async () => {
    const [a] = await customersOf(ids.consultant1 as string, 1);
    const base = { customerId: a?.customer_id, demoCarId: cars[1]?.id };
    const cases: [string, string, string, string][] = [
      ['2026-11-25T08:00', '2026-11-25T09:00', 'startsAt', 'already passed'],
      ['2026-11-28T07:30', '2026-11-28T08:30', 'startsAt', 'open 09:00–18:00'],
      ['2026-11-28T17:30', '2026-11-28T18:30', 'endsAt', 'closes at 18:00'],
      ['2026-11-28T11:00', '2026-11-28T10:00', 'endsAt', 'end after it starts'],
      ['2026-11-28T09:00', '2026-11-28T12:30', 'endsAt', 'at most 3 hours'],
    ];
    for (const [from, to, field, message] of cases) {
      const res = await book(consultant1, { ...base, startsAt: sh(from), endsAt: sh(to) });
      expect(res.status, `${from}-${to}`).toBe(422);
      expect(res.body.error.fields[field], `${from}-${to}`).toContain(message);
    }
    const garbage = await book(consultant1, {
      ...base,
      startsAt: 'tomorrow',
      endsAt: sh('2026-11-28T10:00'),
    });
    expect(garbage.status).toBe(422);
    expect(garbage.body.error.fields.startsAt).toBeDefined();
  });

  it("is for one's own customers (consultants) and active sales staff", async () => {
    const [other] = await customersOf(ids.consultant2 as string, 1);
    const res = await book(consultant1, {
      customerId: other?.customer_id,
      demoCarId: cars[1]?.id,
      startsAt: sh('2026-11-29T10:00'),
      endsAt: sh('2026-11-29T11:00'),
    });
    expect(res.status).toBe(422);
    expect(res.body.error.fields.customerId).toBeDefined();
    const byReception = await book(reception, {
      customerId: other?.customer_id,
      demoCarId: cars[1]?.id,
      startsAt: sh('2026-11-29T10:00'),
      endsAt: sh('2026-11-29T11:00'),
    });
    // The receptionist is no consultant: she names one.
    expect(byReception.status).toBe(422);
    expect(byReception.body.error.fields.consultantId).toBeDefined();
    const named = await book(reception, {
      customerId: other?.customer_id,
      consultantId: ids.consultant2,
      demoCarId: cars[1]?.id,
      startsAt: sh('2026-11-29T10:00'),
      endsAt: sh('2026-11-29T11:00'),
    });
    expect(named.status).toBe(201);
    expect(named.body.consultant.id).toBe(ids.consultant2);
    // consultant1 neither runs it nor owns the customer.
    expect((await consultant1.get(`/api/v1/test-drives/${named.body.id}`)).status).toBe(404);
    expect((await consultant2.get(`/api/v1/test-drives/${named.body.id}`)).status).toBe(200);
    const mine = await consultant2.get(`/api/v1/test-drives?customerId=${other?.customer_id}`);
    expect(mine.body.items.map((d: { id: string }) => d.id)).toEqual([named.body.id]);
    const byConsultant = await manager.get(
      `/api/v1/test-drives?consultantId=${ids.consultant2}&date=2026-11-29`,
    );
    expect(byConsultant.body.items.map((d: { id: string }) => d.id)).toEqual([named.body.id]);
  });
});

describe('licence, completion and the follow-up', () => {
  it('checks the licence number, needs it before completing, and logs a follow-up on the lead', async () => {
    const [a] = await customersOf(ids.consultant1 as string, 1);
    const booked = await book(consultant1, {
      customerId: a?.customer_id,
      demoCarId: cars[1]?.id,
      startsAt: sh('2026-11-25T10:05'),
      endsAt: sh('2026-11-25T11:00'),
      route: '店周边城区路线',
    });
    expect(booked.status).toBe(201);
    const url = `/api/v1/test-drives/${booked.body.id}`;

    const early = await consultant1.post(`${url}/complete`, {
      version: booked.body.version,
      feedback: '很满意',
      rating: 5,
    });
    expect(early.status).toBe(422);
    expect(early.body.error.fields.licenceNo).toContain(
      'Check the customer’s driving licence'.replace('’', "'"),
    );

    for (const [licenceNo, message] of [
      ['11010519491231002', 'has 18 characters'],
      ['110105194912310021', 'check digit'],
      ['1101051949123100AX', '17 digits'],
      ['110105194913310028', 'date of birth'],
    ] as const) {
      const res = await consultant1.post(`${url}/licence-check`, { version: booked.body.version, licenceNo });
      expect(res.status, licenceNo).toBe(422);
      expect(res.body.error.fields.licenceNo, licenceNo).toContain(message);
    }

    const checked = await consultant1.post(`${url}/licence-check`, {
      version: booked.body.version,
      licenceNo: '110105 19491231 002x',
    });
    expect(checked.status).toBe(200);
    expect(checked.body).toMatchObject({
      licenceNo: VALID_LICENCE,
      licenceCheckedAt: now.toISOString(),
      licenceCheckedBy: { id: ids.consultant1 },
      status: 'booked',
    });

    const badRating = await consultant1.post(`${url}/complete`, {
      version: checked.body.version,
      feedback: '很满意',
      rating: 6,
    });
    expect(badRating.status).toBe(422);
    expect(badRating.body.error.fields.rating).toBeDefined();

    const drivenAt = async () => {
      const [lead] = await t.rows<{ at: string | null }>(
        sql`select test_driven_at::text as at from leads where id = ${a?.lead_id}`,
      );
      return lead?.at ? new Date(lead.at).getTime() : null;
    };
    const before = await drivenAt();
    const done = await consultant1.post(`${url}/complete`, {
      version: checked.body.version,
      feedback: '动力充沛，想谈价格',
      rating: 5,
    });
    expect(done.status).toBe(200);
    // The drive done is the lead's test-drive milestone in the funnel, unless an earlier one was.
    const endsAt = new Date(booked.body.endsAt).getTime();
    expect(await drivenAt()).toBe(before === null ? endsAt : Math.min(before, endsAt));
    expect(done.body).toMatchObject({ status: 'done', rating: 5, route: '店周边城区路线' });
    expect(done.body.followUpId).toEqual(expect.any(String));

    const history = await consultant1.get(`/api/v1/leads/${a?.lead_id}/follow-ups`);
    const logged = history.body.items.find((f: { id: string }) => f.id === done.body.followUpId);
    expect(logged).toMatchObject({ channel: 'showroom', result: '试驾完成', userId: ids.consultant1 });
    expect(logged.content).toContain('动力充沛，想谈价格');
    expect(logged.content).toContain('店周边城区路线');
    // The follow-up engine planned the next contact.
    const [task] = await t.rows<{ n: number }>(
      sql`select count(*)::int as n from tasks where lead_id = ${a?.lead_id} and status = 'open'`,
    );
    expect(task?.n).toBe(1);
    const [audit] = await t.rows<{ n: number }>(
      sql`select count(*)::int as n from audit_log where entity = 'test_drive' and entity_id = ${booked.body.id}`,
    );
    expect(audit?.n).toBe(3);

    const timeline = await consultant1.get(`/api/v1/customers/${a?.customer_id}/timeline`);
    const drive = timeline.body.items.find((e: { type: string }) => e.type === 'test_drive');
    expect(drive).toMatchObject({
      id: booked.body.id,
      summary: '动力充沛，想谈价格',
      details: { status: 'done', rating: 5, licenceChecked: true, followUpId: done.body.followUpId },
    });
    expect(timeline.body.items.some((e: { id: string }) => e.id === done.body.followUpId)).toBe(true);

    const again = await consultant1.post(`${url}/complete`, {
      version: done.body.version,
      feedback: 'x',
      rating: 4,
    });
    expect(again.status).toBe(409);
    const stale = await consultant1.post(`${url}/cancel`, { version: checked.body.version, reason: 'x' });
    expect(stale.status).toBe(409);
  });

  it('marks a no-show only once the drive has started', async () => {
    const [a] = await customersOf(ids.consultant1 as string, 1);
    const booked = await book(consultant1, {
      customerId: a?.customer_id,
      demoCarId: cars[2]?.id,
      startsAt: sh('2026-11-25T10:10'),
      endsAt: sh('2026-11-25T10:40'),
    });
    expect(booked.status).toBe(201);
    const early = await consultant1.post(`/api/v1/test-drives/${booked.body.id}/no-show`, {
      version: booked.body.version,
    });
    expect(early.status).toBe(409);
    // Ten minutes later: the customer has not come (sessions stay alive).
    now = new Date('2026-11-25T02:15:00Z');
    const noShow = await consultant1.post(`/api/v1/test-drives/${booked.body.id}/no-show`, {
      version: booked.body.version,
    });
    expect(noShow.status).toBe(200);
    expect(noShow.body.status).toBe('no_show');
    const timeline = await consultant1.get(`/api/v1/customers/${a?.customer_id}/timeline`);
    expect(timeline.body.items.find((e: { type: string }) => e.type === 'test_drive').details.status).toBe(
      'no_show',
    );
  });
});

describe('the customer card', () => {
  it('keeps its test drives when merged into another card', async () => {
    const [a, b] = await customersOf(ids.consultant2 as string, 2);
    const booked = await book(consultant2, {
      customerId: b?.customer_id,
      demoCarId: cars[0]?.id,
      startsAt: sh('2026-12-01T14:00'),
      endsAt: sh('2026-12-01T15:00'),
    });
    expect(booked.status).toBe(201);
    const merged = await manager.post('/api/v1/customers/merge', {
      survivorId: a?.customer_id,
      customerIds: [a?.customer_id, b?.customer_id],
    });
    expect(merged.status).toBeLessThan(300);
    const drives = await manager.get(`/api/v1/test-drives?customerId=${a?.customer_id}`);
    expect(drives.body.items.map((d: { id: string }) => d.id)).toContain(booked.body.id);
  });

  it('shows the demo store’s past test drives, with valid licences', async () => {
    const rows = await t.rows<{ status: string; licence_no: string | null; rating: number | null }>(
      sql`select d.status, d.licence_no, d.rating from test_drives d join dealers s on s.id = d.dealer_id
        where s.code = 'SH-PD' and d.created_at < ${new Date('2026-11-25T00:00:00Z')}`,
    );
    const done = rows.filter((r) => r.status === 'done');
    expect(done.length).toBeGreaterThanOrEqual(3);
    const { licenceNoProblem } = await import('@qianke/core/test-drives/licence');
    for (const row of done) {
      expect(licenceNoProblem(row.licence_no ?? '')).toBeUndefined();
      expect(row.rating).toBeGreaterThanOrEqual(1);
    }
  });
});

describe('store isolation', () => {
  it("cannot book a store-1 customer or car from store 2, nor see store 1's drives", async () => {
    const [a] = await customersOf(ids.consultant1 as string, 1);
    const store2Cars = await consultant3.get('/api/v1/demo-cars');
    expect(store2Cars.status).toBe(200);
    const store2Car = store2Cars.body.items[0];
    const foreignCustomer = await book(consultant3, {
      customerId: a?.customer_id,
      demoCarId: store2Car.id,
      startsAt: sh('2026-11-30T10:00'),
      endsAt: sh('2026-11-30T11:00'),
    });
    expect(foreignCustomer.status).toBe(422);
    expect(foreignCustomer.body.error.fields.customerId).toBeDefined();
    const [own] = await customersOf(ids.consultant3 as string, 1);
    const foreignCar = await book(consultant3, {
      customerId: own?.customer_id,
      demoCarId: cars[0]?.id,
      startsAt: sh('2026-11-30T10:00'),
      endsAt: sh('2026-11-30T11:00'),
    });
    expect(foreignCar.status).toBe(422);
    expect(foreignCar.body.error.fields.demoCarId).toBeDefined();
    const manager2 = await t.as('manager2');
    const schedule = await manager2.get('/api/v1/test-drives/schedule?date=2026-11-26');
    expect(schedule.body.cars.map((c: { car: { plateNo: string } }) => c.car.plateNo)).not.toContain(
      cars[0]?.plateNo,
    );
    expect(JSON.stringify(schedule.body)).not.toContain(cars[0]?.id);
    const [drive] = await t.rows<{ id: string }>(
      sql`select id from test_drives where demo_car_id = ${cars[0]?.id} limit 1`,
    );
    expect((await manager2.get(`/api/v1/test-drives/${drive?.id}`)).status).toBe(404);
  });
});
