import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_PASSWORD, logIn, openApp, waitForHome } from '../support/app';
import { launchBrowser } from '../support/browser';
import { type RunningServer, startServer } from '../support/server';

/** Numbers the demo never hands out (it uses other prefixes), so every run starts with new customers. */
const WALK_IN_PHONE = '166 0000 1111';
const WALK_IN_PHONE_AGAIN = '+86 166-0000-1111';
const CALLER_PHONE = '16600002222';

const board = (page: Page) => page.getByTestId('showroom-board');
const boardRows = (page: Page) => board(page).locator('tbody tr[data-testid^="board-row-"]');
const focusedTestId = (page: Page) =>
  page.evaluate<string | null>("document.activeElement?.getAttribute('data-testid') ?? null");

describe("the receptionist's showroom and phone-in desk", () => {
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

  test('logs a walk-in, a visitor without details and a phone-in, and marks one as left', async () => {
    if (!server || !browser) throw new Error('The server or the browser did not start');
    const { context, page } = await openApp(browser, server.url);
    try {
      await logIn(page, 'reception', DEMO_PASSWORD);
      expect(await waitForHome(page)).toBe('home-receptionist');
      await page.getByTestId('open-reception-desk').click();
      await page.getByTestId('showroom-page').waitFor();
      expect(new URL(page.url()).pathname).toBe('/showroom');

      // The rotation has chosen a consultant already, and says who and why.
      const suggested = page.getByTestId('suggested-consultant');
      await suggested.filter({ hasText: '轮到' }).waitFor();
      const suggestedName =
        ((await suggested.textContent()) ?? '').replace(/^轮到\s*/, '').split('：')[0] ?? '';
      expect(['李娜', '张伟']).toContain(suggestedName);
      const checked = page.getByTestId('arrival-consultant').locator('.ant-radio-button-wrapper-checked');
      await checked.filter({ hasText: suggestedName }).waitFor();

      // 1. A walk-in who leaves a phone: the desk says at once that it is a first visit.
      const rowsBefore = await boardRows(page).count();
      await page.getByTestId('arrival-phone').fill(WALK_IN_PHONE);
      await page.getByTestId('phone-lookup-first').waitFor();
      await page.getByTestId('arrival-name').fill('周先生');
      await page.getByTestId('arrival-name').press('Enter');
      await page.locator('.ant-message').filter({ hasText: '周先生' }).waitFor();
      // Ready for the next one: the form is empty and the cursor is back in the phone field.
      expect(await page.getByTestId('arrival-phone').inputValue()).toBe('');
      expect(await focusedTestId(page)).toBe('arrival-phone');
      const walkInRow = boardRows(page).filter({ hasText: '周先生' });
      await walkInRow.waitFor();
      expect(await walkInRow.textContent()).toContain(suggestedName);
      expect(await walkInRow.textContent()).toContain('首次到店');
      expect(await walkInRow.textContent()).toContain('166****1111');
      // The rotation is asked again, and the form offers whoever it names now.
      const suggestedNow = async () =>
        ((await suggested.textContent()) ?? '').replace(/^轮到\s*/, '').split('：')[0] ?? '';
      await expect
        .poll(async () => (await checked.textContent())?.includes(await suggestedNow()) ?? false, {
          timeout: 10_000,
        })
        .toBe(true);

      // The same phone in another spelling is recognised as a repeat visit of that customer.
      await page.getByTestId('arrival-phone').fill(WALK_IN_PHONE_AGAIN);
      const lookup = page.getByTestId('phone-lookup');
      await page.getByTestId('phone-lookup-repeat').waitFor();
      expect(await lookup.textContent()).toContain('周先生');
      await page.getByTestId('arrival-phone').fill('');

      // 2. A party of three who leave no details: still logged, on the board without a customer.
      await page.getByTestId('arrival-party-size').fill('3');
      await page.getByTestId('arrival-party-size').press('Enter');
      await expect.poll(() => boardRows(page).count(), { timeout: 10_000 }).toBe(rowsBefore + 2);
      const anonymousRow = boardRows(page)
        .filter({ has: page.getByTestId('no-details') })
        .last();
      expect(await anonymousRow.textContent()).toContain('3');

      // 3. A phone-in: logged in the day's log, not on the showroom board.
      await page.getByTestId('arrival-kind-phone_in').click();
      await page.getByTestId('arrival-phone').fill(CALLER_PHONE);
      await page.getByTestId('phone-lookup-first').waitFor();
      await page.getByTestId('arrival-submit').click();
      const log = page.getByTestId('visit-log-table');
      const callRow = log.locator('tbody tr').filter({ hasText: '166****2222' });
      await callRow.waitFor();
      expect(await callRow.textContent()).toContain('来电');
      expect(await callRow.textContent()).toContain('首次来电');
      expect(await boardRows(page).count()).toBe(rowsBefore + 2);

      // 4. The walk-in leaves: one click, and the board no longer lists them; the log keeps the time out.
      await walkInRow.getByTestId('depart-visit').click();
      await page.locator('.ant-message').filter({ hasText: '已离店' }).waitFor();
      await walkInRow.waitFor({ state: 'detached' });
      expect(await boardRows(page).count()).toBe(rowsBefore + 1);
      const loggedWalkIn = log.locator('tbody tr').filter({ hasText: '周先生' });
      expect(await loggedWalkIn.textContent()).toMatch(/\d{2}:\d{2}.*\d{2}:\d{2}/);
      expect(await loggedWalkIn.textContent()).not.toContain('在店');
    } finally {
      await context.close();
    }
  });

  test('a consultant sees the board read-only', async () => {
    if (!server || !browser) throw new Error('The server or the browser did not start');
    const { context, page } = await openApp(browser, server.url, '/showroom');
    try {
      await logIn(page, 'consultant1', DEMO_PASSWORD);
      await page.getByTestId('showroom-page').waitFor();
      await board(page).waitFor();
      expect(await page.getByTestId('arrival-form').count()).toBe(0);
      expect(await page.getByTestId('depart-visit').count()).toBe(0);
      expect(await page.getByRole('heading', { level: 3 }).textContent()).toBe('展厅客流');
    } finally {
      await context.close();
    }
  });
});
