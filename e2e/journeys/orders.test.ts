import type { APIRequestContext, Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_PASSWORD, logIn, openApp, waitForHome } from '../support/app';
import { launchBrowser } from '../support/browser';
import { type RunningServer, startServer } from '../support/server';

/** What the server says, read with the journey's session. */
const get = async <T>(request: APIRequestContext, path: string): Promise<T> => {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
};

type Customer = { id: string; name: string; cardNo: string; status: string | null; level: string | null };

describe('from order to owner', () => {
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

  test('a consultant orders a stock car for a customer, confirms, takes the deposit, delivers; the timeline and the owner cards show it', async () => {
    if (!server || !browser) throw new Error('The server or the browser did not start');
    const { context, page } = await openApp(browser, server.url);
    try {
      await logIn(page, 'consultant1', DEMO_PASSWORD);
      expect(await waitForHome(page)).toBe('home-consultant');

      // One of the consultant's open customers without an order.
      const { items } = await get<{ items: Customer[] }>(
        page.request,
        '/api/v1/customers?status=open&limit=50',
      );
      let customer: Customer | undefined;
      for (const candidate of items) {
        const orders = await get<{ total: number }>(
          page.request,
          `/api/v1/orders?customerId=${candidate.id}`,
        );
        if (orders.total === 0 && candidate.level !== 'O') {
          customer = candidate;
          break;
        }
      }
      if (!customer) throw new Error('consultant1 has no open customer without an order');

      await page.goto(`/customers/${customer.id}`);
      await page.getByTestId('customer-page').waitFor();
      await page.getByTestId('customer-new-order').click();
      await page.getByTestId('order-form').waitFor();
      expect(await page.getByTestId('order-customer').textContent()).toContain(customer.cardNo);

      // A car from stock: the price follows the car.
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
      const deposit = page
        .locator('input[data-testid="order-deposit"], [data-testid="order-deposit"] input')
        .first();
      await deposit.fill('10000');
      await page.getByTestId('order-payment').getByText('贷款').click();
      await page.getByTestId('order-loan-bank').fill('招商银行');
      await page.getByTestId('order-submit').click();

      // The order: draft, then confirmed, deposit paid, delivered.
      await page.getByTestId('order-detail').waitFor();
      const status = page.getByTestId('order-status');
      expect(await status.getAttribute('data-status')).toBe('draft');
      const orderNo = ((await page.getByTestId('order-no').textContent()) ?? '').trim();
      expect(orderNo).toMatch(/^SO-SHPD-\d{4}-\d{4}$/);

      // The draft is edited: opened prefilled; a save over someone else's change is refused with the
      // 409's message; reopened, the form holds the fresh order and saves.
      const orderId = new URL(page.url()).pathname.split('/').pop() ?? '';
      const discount = page
        .locator('input[data-testid="order-discount"], [data-testid="order-discount"] input')
        .first();
      await page.getByTestId('order-edit-open').click();
      await page.getByTestId('order-edit').waitFor();
      expect(await page.getByTestId('order-loan-bank').inputValue()).toBe('招商银行');
      const draft = await get<{ version: number }>(page.request, `/api/v1/orders/${orderId}`);
      const meanwhile = await page.request.patch(`/api/v1/orders/${orderId}`, {
        data: { version: draft.version, note: '经理备注：客户要求加装脚垫' },
      });
      expect(meanwhile.status()).toBe(200);
      await discount.fill('3000');
      await page.getByTestId('order-submit').click();
      await page
        .getByTestId('order-edit')
        .getByRole('alert')
        .filter({ hasText: '订单已被他人修改' })
        .first()
        .waitFor();
      await page.getByTestId('order-form-cancel').click();
      // The order on screen was re-read: it shows the other change.
      await page.getByTestId('order-detail').filter({ hasText: '经理备注：客户要求加装脚垫' }).waitFor();
      await page.getByTestId('order-edit-open').click();
      await page.getByTestId('order-edit').waitFor();
      expect(await page.getByTestId('order-note').inputValue()).toBe('经理备注：客户要求加装脚垫');
      await discount.fill('3000');
      await page.getByTestId('order-submit').click();
      await page.getByTestId('order-detail').waitFor();
      const edited = await get<{ discount: number; note: string | null }>(
        page.request,
        `/api/v1/orders/${orderId}`,
      );
      expect(edited).toMatchObject({ discount: 3000, note: '经理备注：客户要求加装脚垫' });

      await page.getByTestId('order-confirm').click();
      await page.locator('[data-testid="order-status"][data-status="confirmed"]').waitFor();

      await page.getByTestId('order-pay-deposit').click();
      await page.getByTestId('order-pay-deposit-ok').click();
      await page.getByTestId('order-deposit-state').filter({ hasText: '已付' }).waitFor();
      const afterDeposit = await get<Customer>(page.request, `/api/v1/customers/${customer.id}`);
      expect(afterDeposit.level).toBe('O');

      await page.getByTestId('order-deliver').click();
      await page.getByTestId('order-deliver-dialog').waitFor();
      await page.getByTestId('order-deliver-plate').fill('沪AF12345');
      await page.getByTestId('order-deliver-submit').click();
      await page.locator('[data-testid="order-status"][data-status="delivered"]').waitFor();
      const stock = await get<{ items: { vin: string; status: string }[] }>(
        page.request,
        `/api/v1/vehicles/stock?vin=${vin}`,
      );
      expect(stock.items).toEqual([expect.objectContaining({ vin, status: 'sold' })]);

      // The printable sheet.
      await page.getByTestId('order-print').click();
      await page.getByTestId('order-sheet').filter({ hasText: orderNo }).waitFor();
      expect(await page.getByTestId('order-sheet').textContent()).toContain(vin);

      // The customer's timeline tells the order's story.
      await page.goto(`/customers/${customer.id}`);
      const timeline = page.getByTestId('customer-timeline');
      await timeline.waitFor();
      await timeline.getByTestId('timeline-order').filter({ hasText: '交车' }).first().waitFor();
      for (const event of ['下单', '确认订单', '交付定金']) {
        await timeline.getByTestId('timeline-order').filter({ hasText: event }).first().waitFor();
      }
      await page.getByTestId('customer-orders').getByText(orderNo).waitFor();

      // The owner cards list the customer, filed this month.
      await page.getByTestId('menu-owners').click();
      await page.getByTestId('owners-list').waitFor();
      await page.getByTestId('owner-row').filter({ hasText: customer.cardNo }).first().waitFor();
    } finally {
      await context.close();
    }
  });
  test('the manager downloads the order list and the owner cards as .xlsx; a consultant has no export', async () => {
    if (!server || !browser) throw new Error('The server or the browser did not start');
    const { context, page } = await openApp(browser, server.url);
    try {
      await logIn(page, 'manager', DEMO_PASSWORD);
      await waitForHome(page);
      await page.goto('/orders');
      await page.getByTestId('orders-list').waitFor();
      await page.getByTestId('orders-filter-status').click();
      await page.locator('.ant-select-item-option[title="已交车"]').click();
      await expect
        .poll(() => page.getByTestId('orders-export').getAttribute('href'))
        .toContain('status=delivered');
      const download = page.waitForEvent('download');
      await page.getByTestId('orders-export').click();
      expect((await download).suggestedFilename()).toMatch(/^orders-\d{4}-\d{2}-\d{2}\.xlsx$/);
      // The owner cards too, for the owner-care calls.
      await page.goto('/owners');
      await page.getByTestId('owners-list').waitFor();
      const owners = page.waitForEvent('download');
      await page.getByTestId('owners-export').click();
      expect((await owners).suggestedFilename()).toMatch(/^owners-\d{4}-\d{2}-\d{2}\.xlsx$/);
    } finally {
      await context.close();
    }
    const consultant = await openApp(browser, server.url);
    try {
      await logIn(consultant.page, 'consultant1', DEMO_PASSWORD);
      await waitForHome(consultant.page);
      await consultant.page.goto('/orders');
      await consultant.page.getByTestId('orders-list').waitFor();
      expect(await consultant.page.getByTestId('orders-export').count()).toBe(0);
      await consultant.page.goto('/owners');
      await consultant.page.getByTestId('owners-list').waitFor();
      expect(await consultant.page.getByTestId('owners-export').count()).toBe(0);
    } finally {
      await consultant.context.close();
    }
  });
});
