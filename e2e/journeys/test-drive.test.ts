import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_PASSWORD, logIn, openApp, waitForHome } from '../support/app';
import { launchBrowser } from '../support/browser';
import { type RunningServer, startServer } from '../support/server';

type Customer = { id: string; name: string; cardNo: string; status: string | null };
type TestDrive = { id: string; status: string; followUpId: string | null; licenceNo: string | null };

const get = async <T>(request: APIRequestContext, path: string): Promise<T> => {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
};

/** Tomorrow's date in Shanghai, where the demo store is: the store is open then whatever the hour now. */
const tomorrowInShanghai = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + 86_400_000));

/** Picks an option of an antd select by its text. */
const choose = async (page: Page, testId: string, text: string) => {
  await page.getByTestId(testId).click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: text })
    .first()
    .click();
};

describe('a test drive', () => {
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

  test('a consultant books a demo car for a customer, is refused an overlapping slot, checks the licence and completes the drive', async () => {
    if (!server || !browser) throw new Error('The server or the browser did not start');
    const { context, page } = await openApp(browser, server.url);
    try {
      await logIn(page, 'consultant1', DEMO_PASSWORD);
      expect(await waitForHome(page)).toBe('home-consultant');

      // One of consultant1's customers with an open lead and no test drive yet.
      const { items } = await get<{ items: Customer[] }>(
        page.request,
        '/api/v1/customers?limit=50&status=open',
      );
      let customer: Customer | undefined;
      for (const candidate of items) {
        const drives = await get<{ items: TestDrive[] }>(
          page.request,
          `/api/v1/test-drives?customerId=${candidate.id}`,
        );
        if (drives.items.length === 0) {
          customer = candidate;
          break;
        }
      }
      if (!customer) throw new Error('consultant1 has no customer without a test drive');
      const cars = await get<{ items: { id: string; plateNo: string }[] }>(page.request, '/api/v1/demo-cars');
      const car = cars.items[0];
      if (!car) throw new Error('the demo store has no demo car');
      const day = tomorrowInShanghai();

      // The customer's card, found by card number.
      await page.getByTestId('menu-customers').click();
      await page.getByTestId('customers-page').waitFor();
      await page.getByTestId('customers-search').locator('input').fill(customer.cardNo);
      await page.getByTestId('customers-search').locator('input').press('Enter');
      await page.getByTestId(`customer-link-${customer.cardNo}`).click();
      await page.getByTestId('customer-detail').waitFor();

      // Book tomorrow 10:00-11:00.
      await page.getByTestId('customer-book-test-drive').click();
      const form = page.getByTestId('test-drive-form');
      await form.waitFor();
      expect(await page.getByTestId('test-drive-customer-name').textContent()).toContain(customer.name);
      await choose(page, 'test-drive-car', car.plateNo);
      await page.getByTestId('test-drive-start').fill(`${day}T10:00`);
      await page.getByTestId('test-drive-route').fill('中环高架往返');
      await page.getByTestId('test-drive-submit').click();
      const drawer = page.getByTestId('test-drive-drawer');
      // The booking opens the drive; a refusal shows next to a field or above the form, and its text
      // is what a failed run needs (one CI run timed out here without saying why).
      const refusal = form.locator('.ant-form-item-explain-error, .ant-alert-error').first();
      // Whichever shows first; the other one gives up later (its timeout, or the page closing), which is
      // no error: the checks below decide.
      await Promise.race([drawer.waitFor().catch(() => {}), refusal.waitFor().catch(() => {})]);
      if (await refusal.isVisible())
        throw new Error(`The booking was refused: ${await refusal.textContent()}`);
      await drawer.waitFor();
      await form.waitFor({ state: 'detached' });
      await page.getByTestId('customer-test-drive').first().waitFor();
      const booked = await get<{ items: TestDrive[] }>(
        page.request,
        `/api/v1/test-drives?customerId=${customer.id}`,
      );
      expect(booked.items.map((d) => d.status)).toEqual(['booked']);
      const driveId = booked.items[0]?.id;
      await page.locator('.ant-drawer-close').click();
      await drawer.waitFor({ state: 'detached' });

      // A second booking of the same car from 10:30 overlaps: refused, next to the start time.
      await page.getByTestId('customer-book-test-drive').click();
      await form.waitFor();
      await choose(page, 'test-drive-car', car.plateNo);
      await page.getByTestId('test-drive-start').fill(`${day}T10:30`);
      await page.getByTestId('test-drive-submit').click();
      const startItem = form.locator('.ant-form-item').filter({ has: page.getByTestId('test-drive-start') });
      const clash = startItem.locator('.ant-form-item-explain-error');
      await clash.waitFor();
      expect(await clash.textContent()).toContain('10:00–11:00');
      expect(await clash.textContent()).toContain('已被预约');
      await page.getByTestId('test-drive-cancel').click();
      await form.waitFor({ state: 'detached' });
      const still = await get<{ items: TestDrive[] }>(
        page.request,
        `/api/v1/test-drives?customerId=${customer.id}`,
      );
      expect(still.items).toHaveLength(1);

      // The licence: a mistyped number is refused next to the field, the right one recorded.
      await page.getByTestId('customer-test-drive').first().click();
      await drawer.waitFor();
      await page.getByTestId('test-drive-licence').fill('110105194912310021');
      await page.getByTestId('test-drive-licence-submit').click();
      const licenceError = drawer
        .locator('.ant-form-item')
        .filter({ has: page.getByTestId('test-drive-licence') })
        .locator('.ant-form-item-explain-error');
      await licenceError.waitFor();
      expect(await licenceError.textContent()).toContain('校验位');
      await page.getByTestId('test-drive-licence').fill('11010519491231002X');
      await page.getByTestId('test-drive-licence-submit').click();
      await page.getByTestId('test-drive-licence-checked').waitFor();

      // Completed with feedback and a rating.
      await page.getByTestId('test-drive-complete').click();
      await page.getByTestId('test-drive-feedback').fill('动力平顺，很满意智驾，想谈置换');
      // The radio input is hidden under its button: click the button.
      await page
        .locator('label')
        .filter({ has: page.getByTestId('test-drive-rating-5') })
        .click();
      await page.getByTestId('test-drive-complete-submit').click();
      await page.locator('.ant-drawer').getByTestId('test-drive-status-done').waitFor();

      const done = await get<TestDrive>(page.request, `/api/v1/test-drives/${driveId}`);
      expect(done).toMatchObject({ status: 'done', licenceNo: '11010519491231002X' });
      expect(done.followUpId).toEqual(expect.any(String));

      // The timeline shows the test drive and the follow-up it logged.
      await page.locator('.ant-drawer-close').click();
      await drawer.waitFor({ state: 'detached' });
      const timeline = page.getByTestId('customer-timeline');
      const driveEntry = timeline.getByTestId('timeline-test_drive').first();
      await driveEntry.waitFor();
      expect(await driveEntry.textContent()).toContain('动力平顺，很满意智驾，想谈置换');
      await timeline.getByTestId('timeline-follow_up').filter({ hasText: '试驾完成' }).first().waitFor();

      // The schedule of tomorrow shows the drive on its car.
      await page.getByTestId('menu-test-drives').click();
      const schedule = page.getByTestId('test-drive-schedule');
      await schedule.waitFor();
      const dateInput = schedule.locator('.ant-picker input');
      await dateInput.click();
      await dateInput.fill(day);
      await dateInput.press('Enter');
      const slot = page.getByTestId(`test-drive-car-${car.plateNo}`).getByTestId('test-drive-slot').first();
      await slot.waitFor();
      expect(await slot.textContent()).toContain('10:00–11:00');
      expect(await slot.textContent()).toContain(customer.name);
    } finally {
      await context.close();
    }
  });
});
