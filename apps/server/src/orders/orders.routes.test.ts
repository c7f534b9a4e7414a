import { vinCheckDigit } from '@qianke/core/vehicles/vin';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, startTestServer, type TestServer } from '../test-support/test-server';
import { download, sheetOf } from '../test-support/xlsx-download';

/** Orders over HTTP: validation, the state machine and what each step does to the car, lead and customer. */

const makeVin = (n: number) => {
  const draft = `LSVNV418${0}E${String(n).padStart(7, '0')}`;
  return `${draft.slice(0, 8)}${vinCheckDigit(draft)}${draft.slice(9)}`;
};

let t: TestServer;
let manager: ApiClient;
let consultant1: ApiClient;
let consultant2: ApiClient;
let configurationId: string;
let colourId: string;
let guidePrice: number;
let vinSerial = 5_000_000;
const used = new Set<string>();

const userId = async (username: string) =>
  (await t.rows<{ id: string }>(sql`select id from users where username = ${username}`))[0]?.id as string;

/** A fresh car in stock. */
const stockVehicle = async () => {
  const res = await manager.post('/api/v1/vehicles/stock', {
    vin: makeVin(++vinSerial),
    configurationId,
    colourId,
  });
  expect(res.status).toBe(201);
  return res.body as { id: string; vin: string; listPrice: number };
};

/**
 * A customer of consultant1 with an open lead not graded O, no order and no pending defeat request, one
 * not used before.
 */
const freshCustomer = async () => {
  const owner = await userId('consultant1');
  const rows = await t.rows<{ customer_id: string; lead_id: string }>(sql`
    select c.id as customer_id, l.id as lead_id from customers c
      join leads l on l.customer_id = c.id and l.status = 'open' and l.level is distinct from 'O'
    where c.owner_id = ${owner} and c.merged_into_id is null and c.owner_since is null
      and not exists (select 1 from orders o where o.customer_id = c.id)
      and not exists (select 1 from defeat_requests d where d.lead_id = l.id and d.status = 'pending')
      and (select count(*) from leads x where x.customer_id = c.id and x.status in ('open', 'nurturing')) = 1
    order by c.id limit 50`);
  const row = rows.find((r) => !used.has(r.customer_id));
  if (!row) throw new Error('the demo has too few open customers for this test');
  used.add(row.customer_id);
  return { customerId: row.customer_id, leadId: row.lead_id };
};

const orderFor = async (customerId: string, stockVehicleId: string, extra: Record<string, unknown> = {}) =>
  consultant1.post('/api/v1/orders', {
    customerId,
    stockVehicleId,
    price: guidePrice,
    discount: 5_000,
    deposit: 10_000,
    paymentMethod: 'loan',
    loanStatus: 'applied',
    loanBank: '招商银行',
    expectedDeliveryOn: '2026-12-20',
    ...extra,
  });

const stockStatus = async (id: string) =>
  (await t.rows<{ status: string }>(sql`select status from stock_vehicles where id = ${id}`))[0]?.status;

const leadOf = async (id: string) =>
  (
    await t.rows<{
      status: string;
      level: string | null;
      closed_at: string | null;
      ordered_at: Date | string | null;
      delivered_at: Date | string | null;
    }>(sql`select status, level, closed_at, ordered_at, delivered_at from leads where id = ${id}`)
  )[0];

/** What the reports keep of the orders (customers/order-facts.ts). */
const orderFactsOf = async (orderId: string) =>
  (
    await t.rows<{
      lead_source_id: string | null;
      lead_source: string;
      last_ordered_at: Date | string | null;
    }>(sql`
      select o.lead_source_id, (select l.source_id from leads l where l.id = o.lead_id) as lead_source,
        c.last_ordered_at
      from orders o join customers c on c.dealer_id = o.dealer_id and c.id = o.customer_id
      where o.id = ${orderId}`)
  )[0];

beforeAll(async () => {
  t = await startTestServer();
  manager = await t.as('manager');
  consultant1 = await t.as('consultant1');
  consultant2 = await t.as('consultant2');
  const catalog = await consultant1.get('/api/v1/vehicles/catalog');
  const configuration = catalog.body.items.find((c: { colours: unknown[] }) => c.colours.length > 0);
  configurationId = configuration.id;
  colourId = configuration.colours[0].id;
  guidePrice = configuration.guidePrice + configuration.colours[0].surcharge;
});
afterAll(() => t?.close());

describe('creating an order', () => {
  it('numbers it per store and month, reserves the stock vehicle, and audits it', async () => {
    const { customerId, leadId } = await freshCustomer();
    const car = await stockVehicle();
    const res = await orderFor(customerId, car.id, {
      tradeIn: { brand: '大众', model: '朗逸', year: 2016, mileageKm: 98_000, valuation: 42_000 },
    });
    expect(res.status).toBe(201);
    const yymm = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai',
      year: '2-digit',
      month: '2-digit',
    })
      .format(new Date())
      .replace('-', '');
    expect(res.body.orderNo).toMatch(new RegExp(`^SO-SHPD-${yymm}-\\d{4}$`));
    expect(res.body).toMatchObject({
      status: 'draft',
      leadId,
      vin: car.vin,
      stockVehicleId: car.id,
      netPrice: guidePrice - 5_000,
      balance: guidePrice - 15_000,
      loanStatus: 'applied',
      loanBank: '招商银行',
      depositPaidAt: null,
      tradeIn: { brand: '大众', valuation: 42_000 },
    });
    expect(res.body.vehicle.configurationId).toBe(configurationId);
    expect(await stockStatus(car.id)).toBe('reserved');
    const stock = await consultant1.get(`/api/v1/vehicles/stock/${car.id}`);
    expect(stock.body).toMatchObject({ status: 'reserved', orderId: res.body.id, orderNo: res.body.orderNo });
    const audit = await t.rows(
      sql`select action from audit_log where entity = 'order' and entity_id = ${res.body.id}`,
    );
    expect(audit).toEqual([{ action: 'order.create' }]);
    // The next order of the month gets the next number.
    const next = await orderFor((await freshCustomer()).customerId, (await stockVehicle()).id);
    const serial = (no: string) => Number(no.slice(-4));
    expect(serial(next.body.orderNo)).toBe(serial(res.body.orderNo) + 1);
  });

  it('orders by catalog configuration and colour without a stock vehicle', async () => {
    const { customerId } = await freshCustomer();
    const res = await consultant1.post('/api/v1/orders', {
      customerId,
      configurationId,
      colourId,
      price: guidePrice,
      paymentMethod: 'cash',
      loanStatus: 'approved',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      stockVehicleId: null,
      vin: null,
      loanStatus: null,
      discount: 0,
      deposit: 0,
    });
  });

  it.each([
    [{ deposit: 1_000_000 }, 'deposit', 'is more than the price after discount'],
    [{ discount: 10_000_000 }, 'discount', 'is more than the price'],
    [{ price: -1 }, 'price', 'cannot be negative'],
    [{ paymentMethod: 'bitcoin' }, 'paymentMethod', 'Choose cash or loan.'],
    [{ stockVehicleId: null }, 'stockVehicleId', 'Choose a vehicle from stock, or a configuration'],
    [{ customerId: undefined }, 'customerId', 'Choose a customer, or enter the walk-in buyer'],
  ])('refuses %o, naming %s', async (change, field, message) => {
    const { customerId } = await freshCustomer();
    used.delete(customerId);
    const car = await stockVehicle();
    const res = await orderFor(customerId, car.id, change);
    expect(res.status).toBe(422);
    expect(res.body.error.fields[field]).toContain(message);
    expect(await stockStatus(car.id)).toBe('in_stock');
  });

  it("refuses another consultant's customer as not found", async () => {
    const { customerId } = await freshCustomer();
    const car = await stockVehicle();
    const res = await consultant2.post('/api/v1/orders', {
      customerId,
      stockVehicleId: car.id,
      price: guidePrice,
      paymentMethod: 'cash',
    });
    expect(res.status).toBe(404);
    expect(await stockStatus(car.id)).toBe('in_stock');
  });

  it('sells a stock vehicle once: two orders at the same moment get one 201 and one 409', async () => {
    const car = await stockVehicle();
    const [a, b] = [await freshCustomer(), await freshCustomer()];
    const results = await Promise.all([orderFor(a.customerId, car.id), orderFor(b.customerId, car.id)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const refused = results.find((r) => r.status === 409);
    expect(refused?.body.error.fields.stockVehicleId).toMatch(
      /reserved by another order|Another order took this vehicle/,
    );
    const live = await t.rows(
      sql`select id from orders where stock_vehicle_id = ${car.id} and status <> 'cancelled'`,
    );
    expect(live).toHaveLength(1);
    // And a third, later, is refused as well.
    const later = await orderFor((await freshCustomer()).customerId, car.id);
    expect(later.status).toBe(409);
  });

  it('opens a card for a walk-in buyer (channel walk_in), and uses the known customer of a known phone', async () => {
    const car = await stockVehicle();
    const phone = '139 1234 5678';
    const res = await consultant1.post('/api/v1/orders', {
      buyer: { name: '周先生', phone, gender: 'male', region: '浦东新区' },
      stockVehicleId: car.id,
      price: guidePrice,
      deposit: 5_000,
      depositPaid: true,
      paymentMethod: 'cash',
    });
    expect(res.status).toBe(201);
    const [customer] = await t.rows<{
      id: string;
      name: string;
      owner_id: string;
      channel: string;
      level: string;
    }>(sql`
      select c.id, c.name, c.owner_id, l.channel, l.level from customers c join leads l on l.customer_id = c.id
      where c.phone_e164 = '+8613912345678'`);
    expect(customer).toMatchObject({
      name: '周先生',
      owner_id: await userId('consultant1'),
      channel: 'walk_in',
      level: 'O',
    });
    expect(res.body.customer.id).toBe(customer?.id);
    expect(res.body.depositPaidAt).not.toBeNull();

    const again = await consultant1.post('/api/v1/orders', {
      buyer: { name: '周太太', phone: '13912345678' },
      configurationId,
      price: guidePrice,
      paymentMethod: 'cash',
    });
    expect(again.status).toBe(201);
    expect(again.body.customer.id).toBe(customer?.id);
    const cards = await t.rows(sql`select id from customers where phone_e164 = '+8613912345678'`);
    expect(cards).toHaveLength(1);
  });
});

describe('the life of an order', () => {
  it('confirm, deposit (level O recorded), deliver: car sold, lead won, owner since today, owner care planned', async () => {
    const { customerId, leadId } = await freshCustomer();
    const car = await stockVehicle();
    const created = await orderFor(customerId, car.id);
    const id = created.body.id;
    // The funnel's milestones on the lead follow the order (customers/lead-milestones.ts).
    expect(new Date((await leadOf(leadId))?.ordered_at ?? 0).toISOString()).toBe(created.body.orderedAt);
    expect((await leadOf(leadId))?.delivered_at).toBeNull();
    // So do the lead's source on the order and the customer's latest order (customers/order-facts.ts).
    const facts = await orderFactsOf(id);
    expect(facts?.lead_source_id).toBe(facts?.lead_source);
    expect(facts?.lead_source_id).not.toBeNull();
    expect(new Date(facts?.last_ordered_at ?? 0).toISOString()).toBe(created.body.orderedAt);

    const early = await consultant1.post(`/api/v1/orders/${id}/deliver`, { version: created.body.version });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toBe('Confirm the order before delivering the car; this one is draft.');

    const confirmed = await consultant1.post(`/api/v1/orders/${id}/confirm`, {
      version: created.body.version,
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.status).toBe('confirmed');
    expect(confirmed.body.confirmedAt).not.toBeNull();

    const stale = await consultant1.post(`/api/v1/orders/${id}/deposit`, { version: created.body.version });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale_version');

    const paid = await consultant1.post(`/api/v1/orders/${id}/deposit`, { version: confirmed.body.version });
    expect(paid.status).toBe(200);
    expect(paid.body.depositPaidAt).not.toBeNull();
    expect((await leadOf(leadId))?.level).toBe('O');
    const changes = await t.rows<{ to_level: string; reason: string }>(
      sql`select to_level, reason from lead_level_changes where lead_id = ${leadId} order by changed_at desc limit 1`,
    );
    expect(changes[0]).toEqual({ to_level: 'O', reason: `Deposit paid on order ${created.body.orderNo}.` });
    const [customerLevel] = await t.rows(sql`select level from customers where id = ${customerId}`);
    expect(customerLevel).toEqual({ level: 'O' });

    const twice = await consultant1.post(`/api/v1/orders/${id}/deposit`, { version: paid.body.version });
    expect(twice.status).toBe(409);

    const delivered = await consultant1.post(`/api/v1/orders/${id}/deliver`, {
      version: paid.body.version,
      plateNo: '沪a·12345',
      licensedOn: '2026-01-15',
    });
    expect(delivered.status).toBe(200);
    expect(delivered.body).toMatchObject({
      status: 'delivered',
      plateNo: '沪A·12345',
      licensedOn: '2026-01-15',
    });
    expect(await stockStatus(car.id)).toBe('sold');
    expect((await leadOf(leadId))?.status).toBe('won');
    expect(new Date((await leadOf(leadId))?.delivered_at ?? 0).toISOString()).toBe(
      delivered.body.deliveredAt,
    );
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const [owner] = await t.rows<{ owner_since: string }>(
      sql`select owner_since::text from customers where id = ${customerId}`,
    );
    expect(owner?.owner_since).toBe(today);
    const tasks = await t.rows<{ kind: string }>(
      sql`select kind from tasks where lead_id = ${leadId} and status = 'open' and custom = false`,
    );
    expect(tasks).toEqual([{ kind: 'owner_care' }]);

    const cancelDelivered = await consultant1.post(`/api/v1/orders/${id}/cancel`, {
      version: delivered.body.version,
      reason: 'x',
    });
    expect(cancelDelivered.status).toBe(409);

    // The timeline tells the order's story; the owner cards file the customer under the licence month.
    const timeline = await consultant1.get(`/api/v1/customers/${customerId}/timeline`);
    const events = timeline.body.items
      .filter((i: { type: string }) => i.type === 'order')
      .map((i: { details: { event: string } }) => i.details.event);
    expect(events).toEqual(['delivered', 'deposit_paid', 'confirmed', 'created']);
    const owners = await consultant1.get('/api/v1/owners?licenceMonth=2026-01');
    expect(owners.status).toBe(200);
    const card = owners.body.items.find((o: { orderId: string }) => o.orderId === id);
    expect(card).toMatchObject({
      customerId,
      licenceMonth: '2026-01',
      plateNo: '沪A·12345',
      ownerSince: today,
    });
    expect(card.phoneMasked).toBe(false);
    const other = await consultant1.get('/api/v1/owners?licenceMonth=2025-12');
    expect(other.body.items.some((o: { orderId: string }) => o.orderId === id)).toBe(false);
    // Admins see owners with masked phones.
    const admin = await t.as('admin');
    const masked = await admin.get('/api/v1/owners?licenceMonth=2026-01');
    const adminCard = masked.body.items.find((o: { orderId: string }) => o.orderId === id);
    expect(adminCard.phoneMasked).toBe(true);
    expect(adminCard.phone).toMatch(/\*{4}/);

    const sheet = await consultant1.get(`/api/v1/orders/${id}/sheet`);
    expect(sheet.status).toBe(200);
    expect(sheet.body.store).toEqual({ name: '上海浦东旗舰店', code: 'SH-PD' });
    expect(sheet.body.order.orderNo).toBe(created.body.orderNo);
  });

  it('a buyer whose lead was closed as lost still gets owner care after delivery, per the rule table', async () => {
    const { customerId, leadId } = await freshCustomer();
    const reasons = await consultant1.get('/api/v1/defeat-reasons');
    const reasonId = reasons.body.items.find((r: { code: string }) => r.code === 'price')?.id;
    const asked = await consultant1.post(`/api/v1/leads/${leadId}/defeat-requests`, {
      reasonId,
      note: '客户嫌贵，去了别家',
    });
    expect(asked.status).toBe(201);
    const approved = await manager.post(`/api/v1/defeat-requests/${asked.body.id}/approve`, {
      outcome: 'lost',
    });
    expect(approved.status).toBe(200);
    expect((await leadOf(leadId))?.status).toBe('lost');

    // The customer comes back and buys: the order has no open lead to hang on.
    const car = await stockVehicle();
    const created = await orderFor(customerId, car.id);
    expect(created.status).toBe(201);
    expect(created.body.leadId).toBeNull();
    const confirmed = await consultant1.post(`/api/v1/orders/${created.body.id}/confirm`, {
      version: created.body.version,
    });
    const delivered = await consultant1.post(`/api/v1/orders/${created.body.id}/deliver`, {
      version: confirmed.body.version,
    });
    expect(delivered.status).toBe(200);
    expect(delivered.body.leadId).toBe(leadId);
    expect(await leadOf(leadId)).toMatchObject({ status: 'won' });

    // Owner care, first due two weeks after the delivery day (store time), for consultant1.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const inTwoWeeks = new Date(`${today}T00:00:00Z`);
    inTwoWeeks.setUTCDate(inTwoWeeks.getUTCDate() + 14);
    const tasks = await consultant1.get(`/api/v1/tasks?customerId=${customerId}`);
    expect(tasks.status).toBe(200);
    const care = tasks.body.items.filter((task: { kind: string }) => task.kind === 'owner_care');
    expect(care).toHaveLength(1);
    expect(care[0]).toMatchObject({
      leadId,
      ruleKey: 'owner_care.intensive',
      assigneeId: await userId('consultant1'),
    });
    const dueDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
      new Date(care[0].dueAt),
    );
    expect(dueDay).toBe(inTwoWeeks.toISOString().slice(0, 10));
    const [audit] = await t.rows<{ after: { leadId: string } }>(
      sql`select after from audit_log where action = 'order.deliver' and entity_id = ${created.body.id}`,
    );
    expect(audit?.after.leadId).toBe(leadId);
  });

  it('cancel needs a reason; it puts the car back in stock and the lead back in the pipeline at H', async () => {
    const { customerId, leadId } = await freshCustomer();
    const car = await stockVehicle();
    const created = await orderFor(customerId, car.id, { depositPaid: true });
    expect((await leadOf(leadId))?.level).toBe('O');
    expect((await leadOf(leadId))?.ordered_at).not.toBeNull();
    expect((await orderFactsOf(created.body.id))?.last_ordered_at).not.toBeNull();

    const noReason = await consultant1.post(`/api/v1/orders/${created.body.id}/cancel`, {
      version: created.body.version,
      reason: '  ',
    });
    expect(noReason.status).toBe(422);
    expect(noReason.body.error.fields.reason).toBeTruthy();

    const cancelled = await consultant1.post(`/api/v1/orders/${created.body.id}/cancel`, {
      version: created.body.version,
      reason: '客户资金未到位',
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelReason: '客户资金未到位' });
    expect(await stockStatus(car.id)).toBe('in_stock');
    const lead = await leadOf(leadId);
    expect(lead).toMatchObject({ status: 'open', level: 'H', closed_at: null });
    // A cancelled order is no order: the lead leaves the funnel's ordered step again, and the customer
    // has no latest order for the traffic report.
    expect(lead?.ordered_at).toBeNull();
    expect((await orderFactsOf(created.body.id))?.last_ordered_at).toBeNull();
    const [change] = await t.rows<{ reason: string }>(
      sql`select reason from lead_level_changes where lead_id = ${leadId} order by changed_at desc limit 1`,
    );
    expect(change?.reason).toBe(`Order ${created.body.orderNo} cancelled: 客户资金未到位`);
    const open = await t.rows(
      sql`select id from tasks where lead_id = ${leadId} and status = 'open' and custom = false`,
    );
    expect(open).toHaveLength(1);
    // The car can be sold again.
    const again = await orderFor((await freshCustomer()).customerId, car.id);
    expect(again.status).toBe(201);
  });

  it('changes a draft with the version read; a confirmed order is not changed', async () => {
    const { customerId } = await freshCustomer();
    const created = await orderFor(customerId, (await stockVehicle()).id);
    const changed = await consultant1.patch(`/api/v1/orders/${created.body.id}`, {
      version: created.body.version,
      discount: 8_000,
      paymentMethod: 'cash',
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      discount: 8_000,
      paymentMethod: 'cash',
      loanStatus: null,
      loanBank: null,
    });
    const stale = await consultant1.patch(`/api/v1/orders/${created.body.id}`, {
      version: created.body.version,
      discount: 1,
    });
    expect(stale.status).toBe(409);
    const tooMuch = await consultant1.patch(`/api/v1/orders/${created.body.id}`, {
      version: changed.body.version,
      deposit: guidePrice,
    });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.error.fields.deposit).toBeTruthy();
    const confirmed = await consultant1.post(`/api/v1/orders/${created.body.id}/confirm`, {
      version: changed.body.version,
    });
    const late = await consultant1.patch(`/api/v1/orders/${created.body.id}`, {
      version: confirmed.body.version,
      discount: 1,
    });
    expect(late.status).toBe(409);
  });

  it('delivers once when two deliveries come at the same moment', async () => {
    const { customerId } = await freshCustomer();
    const created = await orderFor(customerId, (await stockVehicle()).id);
    const confirmed = await consultant1.post(`/api/v1/orders/${created.body.id}/confirm`, {
      version: created.body.version,
    });
    const results = await Promise.all([
      consultant1.post(`/api/v1/orders/${created.body.id}/deliver`, { version: confirmed.body.version }),
      manager.post(`/api/v1/orders/${created.body.id}/deliver`, { version: confirmed.body.version }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const audit = await t.rows(
      sql`select id from audit_log where action = 'order.deliver' and entity_id = ${created.body.id}`,
    );
    expect(audit).toHaveLength(1);
  });
});

describe('who sees which orders', () => {
  it('shows a consultant their own orders only; another consultant gets 404', async () => {
    const { customerId } = await freshCustomer();
    const created = await orderFor(customerId, (await stockVehicle()).id);
    expect((await consultant2.get(`/api/v1/orders/${created.body.id}`)).status).toBe(404);
    expect(
      (await consultant2.post(`/api/v1/orders/${created.body.id}/confirm`, { version: created.body.version }))
        .status,
    ).toBe(404);
    const list2 = await consultant2.get('/api/v1/orders?pageSize=200');
    expect(list2.body.items.some((o: { id: string }) => o.id === created.body.id)).toBe(false);
    const mine = await consultant1.get(`/api/v1/orders?customerId=${customerId}`);
    expect(mine.body.items.map((o: { id: string }) => o.id)).toEqual([created.body.id]);
    const drafts = await manager.get('/api/v1/orders?status=draft&pageSize=200');
    expect(drafts.body.items.some((o: { id: string }) => o.id === created.body.id)).toBe(true);
    expect(drafts.body.items.every((o: { status: string }) => o.status === 'draft')).toBe(true);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const todays = await consultant1.get(`/api/v1/orders?from=${today}&to=${today}&pageSize=200`);
    expect(todays.body.items.some((o: { id: string }) => o.id === created.body.id)).toBe(true);
    const old = await consultant1.get('/api/v1/orders?to=2020-01-01&pageSize=200');
    expect(old.body.total).toBe(0);
    const byNumber = await consultant1.get(`/api/v1/orders?q=${created.body.orderNo}`);
    expect(byNumber.body.items.map((o: { id: string }) => o.id)).toEqual([created.body.id]);
    const reception = await t.as('reception');
    expect((await reception.get('/api/v1/orders')).status).toBe(403);
  });
});

describe('exporting the order list', () => {
  it("gives the manager every order the list's filter holds, audited with the row count", async () => {
    const { customerId } = await freshCustomer();
    const created = await orderFor(customerId, (await stockVehicle()).id);
    expect(created.status).toBe(201);
    const list = await manager.get('/api/v1/orders?status=draft&pageSize=200');
    const res = await download(manager, '/api/v1/orders/export?status=draft&lang=en');
    expect(res.status).toBe(200);
    const [header, ...rows] = await sheetOf(res.body);
    expect(header?.[0]).toBe('Order no.');
    expect(rows).toHaveLength(list.body.total);
    expect(rows.every((row) => row[1] === 'Draft')).toBe(true);
    expect(rows.map((row) => row[0])).toContain(created.body.orderNo);
    const [audit] = await t.rows<{ after: { rows: number; complete: boolean } | string }>(
      sql`select after from audit_log where action = 'report.export' and entity_id = 'orders' order by id desc limit 1`,
    );
    const after = typeof audit?.after === 'string' ? JSON.parse(audit.after) : audit?.after;
    expect(after).toMatchObject({ rows: list.body.total, complete: true, filter: { status: 'draft' } });
  });

  it('refuses a consultant (no export right) and marketing (no orders)', async () => {
    expect((await download(consultant1, '/api/v1/orders/export')).status).toBe(403);
    expect((await download(await t.as('marketing'), '/api/v1/orders/export')).status).toBe(403);
    expect((await download(consultant1, '/api/v1/owners/export')).status).toBe(403);
    expect((await download(await t.as('marketing'), '/api/v1/owners/export')).status).toBe(403);
  });

  it('gives the manager the owner cards of a licence month, as the list shows them', async () => {
    const owners = await manager.get('/api/v1/owners?pageSize=200');
    expect(owners.body.total).toBeGreaterThan(0);
    const month = owners.body.items[0].licenceMonth as string;
    const inMonth = await manager.get(`/api/v1/owners?licenceMonth=${month}&pageSize=200`);
    const res = await download(manager, `/api/v1/owners/export?licenceMonth=${month}`);
    expect(res.status).toBe(200);
    const [header, ...rows] = await sheetOf(res.body);
    expect(header?.[0]).toBe('上牌月份');
    expect(rows).toHaveLength(inMonth.body.total);
    expect(rows.every((row) => row[0] === month)).toBe(true);
    expect(rows.map((row) => row[2]).sort()).toEqual(
      inMonth.body.items.map((o: { cardNo: string }) => o.cardNo).sort(),
    );
  });
});
