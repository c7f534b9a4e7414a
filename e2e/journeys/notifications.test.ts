import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_PASSWORD, logIn, openApp, waitForHome } from '../support/app';
import { launchBrowser } from '../support/browser';
import { type RunningServer, startServer } from '../support/server';

/** The unread count the bell shows now. */
const unreadOf = async (page: Page) =>
  Number((await page.getByTestId('notification-bell').getAttribute('data-unread')) ?? 'NaN');

describe('notifications and managers’ comments (批复)', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    server = await startServer({ timer: true });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test("the manager comments on consultant1's follow-up; consultant1's bell rings live and shows the comment", async () => {
    if (!server || !browser) throw new Error('The server or the browser did not start');
    const comment = `客户关心置换补贴，明天带上方案再约到店 ${Date.now().toString(36)}`;

    const consultant = await openApp(browser, server.url);
    const manager = await openApp(browser, server.url);
    try {
      await logIn(consultant.page, 'consultant1', DEMO_PASSWORD);
      expect(await waitForHome(consultant.page)).toBe('home-consultant');
      const bell = consultant.page.getByTestId('notification-bell');
      await bell.waitFor();
      // Soon after the server starts, the overdue check tells consultant1 about their overdue demo tasks.
      await expect.poll(() => unreadOf(consultant.page), { timeout: 30_000 }).toBeGreaterThan(0);
      await bell.click();
      await consultant.page.getByTestId('notification-panel').waitFor();
      await consultant.page
        .locator('[data-testid="notification-item"][data-kind="overdue"]')
        .first()
        .waitFor();
      // consultant1 reads them all: nothing is unread now.
      await consultant.page.getByTestId('notifications-mark-all-read').click();
      await expect.poll(() => unreadOf(consultant.page)).toBe(0);
      await bell.click();
      await consultant.page.getByTestId('notification-panel').waitFor({ state: 'hidden' });
      const pageUrl = consultant.page.url();

      // The manager reviews the store's follow-ups, narrows them to consultant1's and comments on the newest.
      await logIn(manager.page, 'manager', DEMO_PASSWORD);
      expect(await waitForHome(manager.page)).toBe('home-sales_manager');
      await manager.page.getByTestId('menu-follow-up-review').click();
      await manager.page.getByTestId('follow-up-review-page').waitFor();
      await manager.page.getByTestId('follow-up-review-author').click();
      await manager.page.keyboard.type('李娜');
      await manager.page.locator('.ant-select-item-option').filter({ hasText: '李娜' }).click();
      await expect
        .poll(() => new URL(manager.page.url()).searchParams.get('userId'))
        .toMatch(/^[0-9a-f-]{36}$/);
      const userId = new URL(manager.page.url()).searchParams.get('userId') ?? '';
      // The list shown is the one loaded for that filter (not the previous, unfiltered one).
      const list = manager.page.locator(`[data-testid="follow-up-review-list"][data-user-id="${userId}"]`);
      await list.waitFor();
      const items = list.getByTestId('follow-up-review-item');
      expect(await items.count()).toBeGreaterThan(0);
      expect(await items.count()).toBe(await list.locator('[data-author="李娜"]').count());
      const first = items.first();
      await first.getByTestId('follow-up-comment-input').fill(comment);
      await first.getByTestId('follow-up-comment-submit').click();
      // Sent: it shows under the follow-up.
      await first.getByTestId('follow-up-comment').filter({ hasText: comment }).waitFor();

      // consultant1's bell rings without reloading the page, and the comment is there to read.
      await expect.poll(() => unreadOf(consultant.page), { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
      expect(consultant.page.url()).toBe(pageUrl);
      await bell.click();
      const item = consultant.page
        .locator('[data-testid="notification-item"][data-kind="comment"]')
        .filter({ hasText: comment });
      await item.waitFor();
      expect(await item.getAttribute('data-unread')).toBe('true');
      expect(await item.textContent()).toContain('王经理 批复了您对');

      // Opening it marks it read and goes to the customer.
      const before = await unreadOf(consultant.page);
      await item.click();
      await consultant.page.waitForURL(/\/customers\/[0-9a-f-]{36}$/);
      await expect.poll(() => unreadOf(consultant.page)).toBe(before - 1);
    } finally {
      await consultant.context.close();
      await manager.context.close();
    }
  });

  test('a consultant has no follow-up review', async () => {
    if (!server || !browser) throw new Error('The server or the browser did not start');
    const { context, page } = await openApp(browser, server.url, '/follow-ups/review');
    try {
      await logIn(page, 'consultant2', DEMO_PASSWORD);
      await page.getByTestId('notification-bell').waitFor();
      expect(await page.getByTestId('menu-follow-up-review').count()).toBe(0);
      expect(await page.getByTestId('follow-up-review-page').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
