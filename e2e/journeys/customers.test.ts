import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_PASSWORD, logIn, openApp, waitForHome } from '../support/app';
import { launchBrowser } from '../support/browser';
import { type RunningServer, startServer } from '../support/server';

/**
 * Customers in the browser: a consultant finds a customer by a phone fragment and opens the 360 page,
 * opens a new card, meets the duplicate dialog and adds the inquiry to the existing customer; a manager
 * merges two duplicates.
 */

type Item = { id: string; name: string; cardNo: string; phone: string; leadCount: number };

/** A fresh mobile number per run (the demo's numbers are random 11-digit mobiles too). */
const freshMobile = (seed: number) => `199${String(seed).slice(-8).padStart(8, '0')}`;

const pickSource = async (page: Page, name: string) => {
  await page.getByTestId('lead-source').click();
  await page.keyboard.type(name);
  await page.locator('.ant-select-tree-title', { hasText: name }).first().click();
};

/** Waits until the customer table shows fewer than 50 rows, or exactly so many (the old page stays until then). */
const waitForRows = (page: Page, check: 'lt50' | number) =>
  page.waitForFunction(
    `document.querySelectorAll('[data-testid="customers-table"] tbody tr.ant-table-row').length ${
      check === 'lt50' ? '< 50' : `=== ${check}`
    }`,
  );

const api = async <T>(page: Page, method: 'GET' | 'POST', path: string, data?: unknown): Promise<T> => {
  const res =
    method === 'GET' ? await page.request.get(path) : await page.request.post(path, { data: data ?? {} });
  expect(res.ok(), `${method} ${path}: ${res.status()} ${await res.text()}`).toBe(true);
  return (await res.json()) as T;
};

describe('customers', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;

  const app = (path = '/') => {
    if (!server || !browser) throw new Error('The server or the browser did not start');
    return openApp(browser, server.url, path);
  };

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('a consultant finds a customer by a phone fragment, opens a card, and adds a repeat inquiry', async () => {
    const { context, page } = await app();
    try {
      await logIn(page, 'consultant1', DEMO_PASSWORD);
      await waitForHome(page);
      await page.getByTestId('menu-customers').click();
      await page.getByTestId('customers-page').waitFor();
      await page.getByTestId('customers-table').locator('tbody tr.ant-table-row').first().waitFor();

      // One of the consultant's own customers, found by the middle four digits of the phone.
      const own = await api<{ items: Item[] }>(page, 'GET', '/api/v1/customers?limit=1&sort=name');
      const sample = own.items[0];
      if (!sample) throw new Error('consultant1 has no customers');
      const fragment = sample.phone.slice(3, 7);
      await page.getByTestId('customers-search').locator('input').fill(fragment);
      await page.getByTestId('customers-search').locator('input').press('Enter');
      await page.waitForURL((url) => url.searchParams.get('q') === fragment);
      const link = page.getByTestId(`customer-link-${sample.cardNo}`);
      await link.waitFor();
      // Only customers whose phone holds the fragment are left.
      await waitForRows(page, 'lt50');
      await link.click();
      await page.getByTestId('customer-detail').waitFor();
      expect(await page.getByTestId('customer-title').textContent()).toBe(sample.name);
      expect(await page.getByTestId('customer-phone-value').textContent()).toBe(sample.phone);
      await page.getByTestId('customer-timeline').waitFor();

      // A new customer, typed in as a consultant does it.
      const mobile = freshMobile(Date.now());
      await page.getByTestId('menu-customers').click();
      await page.getByTestId('customers-create').click();
      await page.getByTestId('new-customer-form').waitFor();
      await page.getByTestId('customer-name').fill('周先生');
      await page
        .getByTestId('customer-phone')
        .fill(`${mobile.slice(0, 3)} ${mobile.slice(3, 7)} ${mobile.slice(7)}`);
      await pickSource(page, '自然到店');
      await page.getByTestId('lead-note').fill('看了汉 EV，周末带家人再来');
      await page.getByTestId('new-customer-submit').click();
      await page.getByTestId('customer-detail').waitFor();
      expect(await page.getByTestId('customer-title').textContent()).toBe('周先生');
      const cardNo = (await page.getByTestId('customer-card-no').textContent()) ?? '';
      expect(cardNo).toMatch(/^A01-\d{2}-\d{4}$/);
      const customerUrl = page.url();

      // The same number again, spelled differently: the dialog offers to add the inquiry instead.
      await page.getByTestId('menu-customers').click();
      await page.getByTestId('customers-create').click();
      await page.getByTestId('customer-name').fill('周伟');
      await page
        .getByTestId('customer-phone')
        .fill(`+86 ${mobile.slice(0, 3)}-${mobile.slice(3, 7)}-${mobile.slice(7)}`);
      await pickSource(page, '汽车之家');
      await page.getByTestId('new-customer-submit').click();
      const dialog = page.getByTestId('duplicate-dialog');
      await dialog.waitFor();
      expect(await dialog.textContent()).toContain(`周先生（${cardNo}）`);
      expect(await dialog.textContent()).toContain('李娜');
      await page.getByTestId('duplicate-add-lead').click();
      await page.waitForURL(customerUrl);
      await page.getByTestId('customer-leads').locator('tbody tr.ant-table-row').nth(1).waitFor();
      expect(await page.getByTestId('customer-leads').locator('tbody tr.ant-table-row').count()).toBe(2);
      expect(await page.getByTestId('customer-title').textContent()).toBe('周先生');
    } finally {
      await context.close();
    }
  });

  test('a receptionist sees masked numbers and reveals one', async () => {
    const { context, page } = await app();
    try {
      await logIn(page, 'reception', DEMO_PASSWORD);
      await waitForHome(page);
      await page.getByTestId('menu-customers').click();
      const first = page.getByTestId('customers-table').locator('tbody tr.ant-table-row').first();
      await first.waitFor();
      expect(await first.textContent()).toMatch(/\d{3}\*{4}\d{4}/);
      await first.locator('a').nth(1).click();
      await page.getByTestId('customer-detail').waitFor();
      expect(await page.getByTestId('customer-phone-value').textContent()).toMatch(/^\d{3}\*{4}\d{4}$/);
      await page.getByTestId('reveal-phone').click();
      await page
        .getByTestId('customer-phone-value')
        .filter({ hasText: /^\d{11}$/ })
        .waitFor();
    } finally {
      await context.close();
    }
  });

  test('the administrator adds a channel with a source to the tree, then deactivates the channel', async () => {
    const { context, page } = await app();
    try {
      await logIn(page, 'admin', DEMO_PASSWORD);
      await waitForHome(page);
      await page.getByTestId('menu-sources').click();
      await page.getByTestId('sources-page').waitFor();
      await page.getByTestId('source-add-channel').click();
      await page.getByTestId('source-name-zh').fill('直播');
      await page.getByTestId('source-name-en').fill('Live streams');
      await page.getByTestId('source-code').fill('live_stream');
      await page.getByTestId('source-code').press('Enter');
      await page.getByTestId('source-row-live_stream').waitFor();
      await page.getByTestId('source-add-under-live_stream').click();
      await page.getByTestId('source-name-zh').fill('抖音直播');
      await page.getByTestId('source-name-en').fill('Douyin live');
      await page.getByTestId('source-code').fill('douyin_live');
      await page.getByTestId('source-submit').click();
      await page.getByTestId('source-dialog').waitFor({ state: 'detached' });
      await page.getByTestId('source-active-live_stream').click();
      await page
        .getByTestId('source-active-live_stream')
        .and(page.locator('[aria-checked="false"]'))
        .waitFor();
      const tree = await api<{
        items: { code: string; active: boolean; children: { code: string; tier: string }[] }[];
      }>(page, 'GET', '/api/v1/sources');
      const channel = tree.items.find((c) => c.code === 'live_stream');
      expect(channel?.active).toBe(false);
      expect(channel?.children.map((c) => [c.code, c.tier])).toEqual([['douyin_live', 'source']]);
    } finally {
      await context.close();
    }
  });

  test('a manager merges two duplicate customers into one', async () => {
    const { context, page } = await app();
    try {
      await logIn(page, 'manager', DEMO_PASSWORD);
      await waitForHome(page);
      const tree = await api<{ items: { code: string; children: { id: string; code: string }[] }[] }>(
        page,
        'GET',
        '/api/v1/sources',
      );
      const walkIn = tree.items.find((c) => c.code === 'walk_in')?.children[0]?.id;
      const seed = Date.now() + 17;
      for (const [name, offset] of [
        ['吴合并', 1],
        ['吴合并先生', 2],
      ] as const) {
        await api(page, 'POST', '/api/v1/customers', {
          name,
          phone: freshMobile(seed + offset),
          lead: { sourceId: walkIn },
        });
      }
      await page.getByTestId('menu-customers').click();
      await page.getByTestId('customers-search').locator('input').fill('吴合并');
      await page.getByTestId('customers-search').locator('input').press('Enter');
      const rows = page.getByTestId('customers-table').locator('tbody tr.ant-table-row');
      await page.waitForURL((url) => url.searchParams.get('q') === '吴合并');
      await waitForRows(page, 2);
      await rows.nth(0).locator('input[type="checkbox"]').check();
      await rows.nth(1).locator('input[type="checkbox"]').check();
      await page.getByTestId('customers-merge').click();
      await page.getByTestId('merge-dialog').waitFor();
      await page.getByTestId('merge-confirm').click();
      await page.getByTestId('merge-dialog').waitFor({ state: 'detached' });
      await waitForRows(page, 1);
      await rows.first().locator('a').nth(1).click();
      await page.getByTestId('customer-detail').waitFor();
      expect(await page.getByTestId('customer-leads').locator('tbody tr.ant-table-row').count()).toBe(2);
    } finally {
      await context.close();
    }
  });
  test('a manager downloads the searched list as .xlsx; a consultant has no export', async () => {
    const { context, page } = await app();
    try {
      await logIn(page, 'manager', DEMO_PASSWORD);
      await waitForHome(page);
      await page.goto('/customers');
      await page.getByTestId('customers-search').locator('input').fill('王');
      await page.getByTestId('customers-search').locator('input').press('Enter');
      await expect.poll(() => page.url()).toContain('q=');
      // The link carries the list's own search, so the file holds what the screen shows.
      await expect
        .poll(() => page.getByTestId('customers-export').getAttribute('href'))
        .toContain(`q=${encodeURIComponent('王')}`);
      const download = page.waitForEvent('download');
      await page.getByTestId('customers-export').click();
      expect((await download).suggestedFilename()).toMatch(/^customers-\d{4}-\d{2}-\d{2}\.xlsx$/);
    } finally {
      await context.close();
    }
    const consultant = await app();
    try {
      await logIn(consultant.page, 'consultant1', DEMO_PASSWORD);
      await waitForHome(consultant.page);
      await consultant.page.goto('/customers');
      await consultant.page.getByTestId('customers-table').waitFor();
      expect(await consultant.page.getByTestId('customers-export').count()).toBe(0);
    } finally {
      await consultant.context.close();
    }
  });
});
