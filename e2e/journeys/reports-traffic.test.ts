import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_PASSWORD, logIn, openApp, waitForHome } from '../support/app';
import { launchBrowser } from '../support/browser';
import { type RunningServer, startServer } from '../support/server';

/** The last 60 days up to today: the demo dealership has visits and leads all through them. */
const period = () => {
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  return `from=${day(-60)}&to=${day(0)}`;
};

const figure = async (page: Page, testId: string): Promise<number> =>
  Number((await page.getByTestId(`${testId}-current`).textContent())?.trim());

describe('Reports: showroom traffic and sources', () => {
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

  test('the receptionist finds only the traffic report, reads it and drills down to the visitors', async () => {
    if (!server || !browser) throw new Error('The server or the browser did not start');
    const { context, page } = await openApp(browser, server.url);
    try {
      await logIn(page, 'reception', DEMO_PASSWORD);
      await waitForHome(page);
      await page.getByTestId('menu-reports').click();
      await page.getByTestId('reports-index').waitFor();
      expect(await page.locator('[data-testid^="report-link-"]').count()).toBe(1);
      await page.getByTestId('report-link-traffic').click();
      await page.getByTestId('traffic-report').waitFor();
      await page.goto(`/reports/traffic?${period()}`);

      await expect.poll(() => figure(page, 'traffic-count-visits'), { timeout: 15_000 }).toBeGreaterThan(0);
      const api = (await (await page.request.get(`/api/v1/reports/traffic?${period()}`)).json()) as {
        current: { visits: number; firstVisits: number; repeatVisits: number };
      };
      expect(await figure(page, 'traffic-count-visits')).toBe(api.current.visits);
      expect(api.current.firstVisits + api.current.repeatVisits).toBe(api.current.visits);
      await expect
        .poll(() => page.getByTestId('traffic-hour-chart').getAttribute('data-ready'), { timeout: 15_000 })
        .toBe('true');

      // The visits figure opens the customers behind it, phones masked for the desk.
      await page.getByTestId('traffic-visits').click();
      const drawer = page.getByTestId('report-drilldown');
      await drawer.waitFor();
      await expect
        .poll(() => drawer.getByTestId('report-drilldown-customer').count(), { timeout: 15_000 })
        .toBeGreaterThan(0);
      // No export for the desk.
      expect(await page.getByTestId('report-export').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  test('the manager compares the sources and sees that no campaign records a cost', async () => {
    if (!server || !browser) throw new Error('The server or the browser did not start');
    const { context, page } = await openApp(browser, server.url);
    try {
      await logIn(page, 'manager', DEMO_PASSWORD);
      await waitForHome(page);
      await page.goto(`/reports/sources?${period()}`);
      await page.getByTestId('sources-report').waitFor();
      const rows = page.getByTestId('sources-table').locator('tbody tr.ant-table-row');
      await expect.poll(() => rows.count(), { timeout: 15_000 }).toBeGreaterThan(1);
      await page.getByTestId('sources-no-cost').waitFor();
      expect(await page.getByTestId('report-export').count()).toBe(1);
    } finally {
      await context.close();
    }
  });
});
