import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_PASSWORD, logIn, openApp, waitForHome } from '../support/app';
import { launchBrowser } from '../support/browser';
import { type RunningServer, startServer } from '../support/server';

type Invitation = { id: string; status: string; consultant: { name: string } | null };
type Task = { kind: string; status: string; ruleKey: string | null; dueAt: string; leadId: string | null };

const get = async <T>(request: APIRequestContext, path: string): Promise<T> => {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
};

const SHANGHAI = 'Asia/Shanghai';

/** The wall clock of the Shanghai store at `at`: `{ date: 'YYYY-MM-DD', time: 'HH:MM' }`. */
const storeClock = (at: Date) => {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: SHANGHAI,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
};

/** The day after a `YYYY-MM-DD` (calendar arithmetic, no clock). */
const nextDay = (date: string) => {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
};

/**
 * The visit is booked for today and the arrival must fall on the same store day. Minutes before
 * Shanghai midnight the journey first waits for the new store day, so it holds at any hour.
 */
const MARGIN_MINUTES = 15;
const storeDayWithMargin = async (): Promise<string> => {
  const now = new Date();
  const today = storeClock(now).date;
  if (storeClock(new Date(now.getTime() + MARGIN_MINUTES * 60_000)).date === today) return today;
  await expect
    .poll(() => storeClock(new Date()).date, { timeout: (MARGIN_MINUTES + 1) * 60_000, interval: 5_000 })
    .not.toBe(today);
  return storeClock(new Date()).date;
};

/** Picks an option of an antd select by its text. */
const choose = async (page: Page, testId: string, text: string) => {
  await page.getByTestId(testId).click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: text })
    .first()
    .click();
};

describe('one lead from the first call to owner care', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('a portal lead is called and invited by DCC, arrives, test-drives, orders, takes delivery and gets owner care; the timeline tells it all', {
    timeout: (MARGIN_MINUTES + 5) * 60_000,
  }, async () => {
    if (!server || !browser) throw new Error('The server or the browser did not start');
    const today = await storeDayWithMargin();
    const tomorrow = nextDay(today);
    const agent = await openApp(browser, server.url);
    const desk = await openApp(browser, server.url);
    const seller = await openApp(browser, server.url);
    try {
      // 0. A new portal lead arrives through the intake API; the demo rules give it to dcc1.
      const phone = `1690009${String(Date.now()).slice(-4)}`;
      const intake = await fetch(`${server.url}/api/v1/intake/leads`, {
        method: 'POST',
        headers: { authorization: 'Bearer qk_demo_store1', 'content-type': 'application/json' },
        body: JSON.stringify({ name: '全程客户', phone, source: 'autohome' }),
      });
      expect(intake.status).toBe(201);
      const customerId = ((await intake.json()) as { customerId: string }).customerId;

      // 1. dcc1 works the new-portal list, opens this customer and invites them for today with 李娜.
      await logIn(agent.page, 'dcc1', DEMO_PASSWORD);
      await waitForHome(agent.page);
      await agent.page.getByTestId('menu-dcc').click();
      await agent.page.getByTestId('dcc-page').waitFor();
      await agent.page.getByTestId('dcc-list-new_portal').click();
      const row = agent.page.locator(`[data-testid="dcc-row"][data-customer-id="${customerId}"]`);
      await row.click();
      await agent.page.locator(`[data-testid="dcc-customer"][data-customer-id="${customerId}"]`).waitFor();
      await agent.page.getByTestId('call-outcome-invited').click();
      await agent.page.getByTestId('invitation-form').waitFor();
      const now = storeClock(new Date());
      const inAWhile = storeClock(new Date(Date.now() + 10 * 60_000));
      // Today in the store, a few minutes ahead (the margin above keeps it before midnight).
      await agent.page
        .getByTestId('invitation-at')
        .fill(`${today}T${inAWhile.date === today ? inAWhile.time : now.time}`);
      await agent.page.getByTestId('invitation-purpose-test_drive').click();
      await agent.page.getByTestId('invitation-consultant').click();
      await agent.page.locator('.ant-select-item-option').filter({ hasText: '李娜' }).click();
      await agent.page.getByTestId('call-note').fill('客户想试驾，今天下班后到店');
      await agent.page.getByTestId('call-submit').click();
      await row.waitFor({ state: 'detached', timeout: 15_000 });
      const booked = await get<{ items: Invitation[] }>(
        agent.context.request,
        `/api/v1/invitations?customerId=${customerId}`,
      );
      expect(booked.items.map((i) => [i.status, i.consultant?.name])).toEqual([['scheduled', '李娜']]);

      // 2. The receptionist logs the arrival by phone, received by 李娜: the invitation is arrived.
      await logIn(desk.page, 'reception', DEMO_PASSWORD);
      await waitForHome(desk.page);
      await desk.page.getByTestId('open-reception-desk').click();
      await desk.page.getByTestId('showroom-page').waitFor();
      await desk.page.getByTestId('arrival-phone').fill(phone);
      await desk.page.locator('[data-testid^="phone-lookup-"]').first().waitFor();
      await desk.page.getByTestId('arrival-consultant').getByText('李娜').click();
      await desk.page.getByTestId('arrival-submit').click();
      await desk.page.locator('.ant-message-notice').first().waitFor();
      await expect
        .poll(
          async () =>
            (
              await get<{ items: Invitation[] }>(
                agent.context.request,
                `/api/v1/invitations?customerId=${customerId}`,
              )
            ).items.map((i) => i.status),
          { timeout: 15_000 },
        )
        .toEqual(['arrived']);

      // 3. 李娜 received the customer: the card is hers now. She books a demo car for tomorrow.
      const page = seller.page;
      await logIn(page, 'consultant1', DEMO_PASSWORD);
      expect(await waitForHome(page)).toBe('home-consultant');
      // The demo books test drives around the hour it is made: take a car and an hour tomorrow that
      // neither the car nor 李娜 has taken, so the booking cannot clash.
      const cars = await get<{ items: { id: string; plateNo: string }[] }>(page.request, '/api/v1/demo-cars');
      const me = await get<{ user: { id: string } }>(page.request, '/api/v1/me');
      const drives = await get<{
        items: {
          demoCar: { id: string };
          consultant: { id: string };
          startsAt: string;
          endsAt: string;
          status: string;
        }[];
      }>(page.request, `/api/v1/test-drives?date=${tomorrow}`);
      const busy = (carId: string, start: number) =>
        drives.items.some(
          (d) =>
            d.status !== 'cancelled' &&
            (d.demoCar.id === carId || d.consultant.id === me.user.id) &&
            Date.parse(d.startsAt) < start + 3_600_000 &&
            Date.parse(d.endsAt) > start,
        );
      const slot = ['10', '11', '13', '14', '15', '16']
        .flatMap((hour) => cars.items.map((car) => ({ car, hour })))
        .find(({ car, hour }) => !busy(car.id, Date.parse(`${tomorrow}T${hour}:00:00+08:00`)));
      if (!slot) throw new Error('no demo car is free tomorrow');
      const { car, hour } = slot;
      await page.goto(`/customers/${customerId}`);
      await page.getByTestId('customer-page').waitFor();
      await page.getByTestId('customer-book-test-drive').click();
      const form = page.getByTestId('test-drive-form');
      await form.waitFor();
      await choose(page, 'test-drive-car', car.plateNo);
      await page.getByTestId('test-drive-start').fill(`${tomorrow}T${hour}:00`);
      await page.getByTestId('test-drive-route').fill('滨江大道往返');
      await page.getByTestId('test-drive-submit').click();
      const drawer = page.getByTestId('test-drive-drawer');
      await drawer.waitFor();
      await form.waitFor({ state: 'detached' });
      await page.locator('.ant-drawer-close').click();
      await drawer.waitFor({ state: 'detached' });

      // 4. The licence is checked and the drive completed with feedback.
      await page.getByTestId('customer-test-drive').first().click();
      await drawer.waitFor();
      await page.getByTestId('test-drive-licence').fill('11010519491231002X');
      await page.getByTestId('test-drive-licence-submit').click();
      await page.getByTestId('test-drive-licence-checked').waitFor();
      await page.getByTestId('test-drive-complete').click();
      await page.getByTestId('test-drive-feedback').fill('加速有力，家人满意，准备下订');
      await page
        .locator('label')
        .filter({ has: page.getByTestId('test-drive-rating-5') })
        .click();
      await page.getByTestId('test-drive-complete-submit').click();
      await page.locator('.ant-drawer').getByTestId('test-drive-status-done').waitFor();
      await page.locator('.ant-drawer-close').click();
      await drawer.waitFor({ state: 'detached' });

      // 5. An order for a car from stock: draft, confirmed, deposit paid, delivered.
      await page.getByTestId('customer-new-order').click();
      await page.getByTestId('order-form').waitFor();
      await page.getByTestId('order-vehicle-select').click();
      const option = page.locator('.ant-select-item-option').first();
      await option.waitFor();
      const vin = ((await option.textContent()) ?? '').split(' · ')[0]?.trim() ?? '';
      expect(vin).toMatch(/^[A-HJ-NPR-Z0-9]{17}$/);
      await option.click();
      const price = page
        .locator('input[data-testid="order-price"], [data-testid="order-price"] input')
        .first();
      await expect
        .poll(async () => Number((await price.inputValue()).replace(/[^\d.]/g, '')))
        .toBeGreaterThan(50_000);
      await page
        .locator('input[data-testid="order-deposit"], [data-testid="order-deposit"] input')
        .first()
        .fill('20000');
      await page.getByTestId('order-payment').getByText('全款').click();
      await page.getByTestId('order-submit').click();
      await page.getByTestId('order-detail').waitFor();
      expect(await page.getByTestId('order-status').getAttribute('data-status')).toBe('draft');
      const orderNo = ((await page.getByTestId('order-no').textContent()) ?? '').trim();
      await page.getByTestId('order-confirm').click();
      await page.locator('[data-testid="order-status"][data-status="confirmed"]').waitFor();
      await page.getByTestId('order-pay-deposit').click();
      await page.getByTestId('order-pay-deposit-ok').click();
      await page.getByTestId('order-deposit-state').filter({ hasText: '已付' }).waitFor();
      await page.getByTestId('order-deliver').click();
      await page.getByTestId('order-deliver-dialog').waitFor();
      await page.getByTestId('order-deliver-plate').fill('沪AD66881');
      await page.getByTestId('order-deliver-submit').click();
      await page.locator('[data-testid="order-status"][data-status="delivered"]').waitFor();

      // 6. Owner care: the owner card is filed, and the rule table planned the first owner-care call.
      await page.getByTestId('menu-owners').click();
      await page.getByTestId('owners-list').waitFor();
      const card = await get<{ cardNo: string }>(page.request, `/api/v1/customers/${customerId}`);
      await page.getByTestId('owner-row').filter({ hasText: card.cardNo }).first().waitFor();
      const tasks = await get<{ items: Task[] }>(page.request, `/api/v1/tasks?customerId=${customerId}`);
      const care = tasks.items.filter((task) => task.kind === 'owner_care');
      expect(care).toHaveLength(1);
      expect(care[0]?.ruleKey).toBe('owner_care.intensive');
      expect(storeClock(new Date(care[0]?.dueAt ?? 0)).date > today).toBe(true);

      // 7. The customer's timeline holds every step, newest first.
      await page.goto(`/customers/${customerId}`);
      const timeline = page.getByTestId('customer-timeline');
      await timeline.waitFor();
      const entry = (type: string, text?: string) => {
        const all = timeline.getByTestId(`timeline-${type}`);
        return (text ? all.filter({ hasText: text }) : all).first();
      };
      await entry('lead').waitFor();
      await entry('call', '邀约到店').waitFor();
      await entry('invitation', '已到店').waitFor();
      await entry('visit').waitFor();
      await entry('test_drive', '加速有力，家人满意，准备下订').waitFor();
      await entry('follow_up', '试驾完成').waitFor();
      for (const event of ['下单', '确认订单', '交付定金', '交车']) {
        await entry('order', event).waitFor();
      }
      expect(await entry('order', '交车').textContent()).toContain(orderNo);
    } finally {
      await agent.context.close();
      await desk.context.close();
      await seller.context.close();
    }
  });
});
