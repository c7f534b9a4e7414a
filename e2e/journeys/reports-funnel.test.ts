import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_PASSWORD, logIn, openApp, waitForHome } from '../support/app';
import { launchBrowser } from '../support/browser';
import { type RunningServer, startServer } from '../support/server';

/** The last 60 days up to today: the demo dealership has leads, visits and orders all through them. */
const period = () => {
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  return `from=${day(-60)}&to=${day(0)}`;
};

/** The number a figure shows (its `-current` part). */
const figure = async (page: Page, testId: string): Promise<number> =>
  Number((await page.getByTestId(`${testId}-current`).textContent())?.trim());

type Funnel = {
  steps: { step: string; count: { current: number } }[];
  groups: { key: string; label: string; counts: { leads: number } }[];
};

describe('Reports: the sales funnel', () => {
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

  test('the manager reads the funnel, drills down, filters by source and downloads the xlsx', async () => {
    if (!server || !browser) throw new Error('The server or the browser did not start');
    const { context, page } = await openApp(browser, server.url);
    try {
      await logIn(page, 'manager', DEMO_PASSWORD);
      await waitForHome(page);
      await page.getByTestId('menu-reports').click();
      await page.getByTestId('report-link-funnel').click();
      await page.getByTestId('funnel-report').waitFor();
      await page.goto(`/reports/funnel?${period()}`);
      await page.getByTestId('funnel-report').waitFor();

      // Figures, chart and breakdown from the demo data.
      await expect.poll(() => figure(page, 'funnel-count-leads'), { timeout: 15_000 }).toBeGreaterThan(0);
      const leads = await figure(page, 'funnel-count-leads');
      expect(await figure(page, 'funnel-count-contacted')).toBeLessThanOrEqual(leads);
      await expect
        .poll(() => page.getByTestId('funnel-chart').getAttribute('data-ready'), { timeout: 15_000 })
        .toBe('true');
      const rows = page.getByTestId('funnel-table').locator('tbody tr.ant-table-row');
      await expect.poll(() => rows.count()).toBeGreaterThan(0);

      // The leads figure drills down to its customers: as many as there are leads' customers at most.
      await page.getByTestId('funnel-step-leads').click();
      const drawer = page.getByTestId('report-drilldown');
      await drawer.waitFor();
      await expect
        .poll(() => drawer.getByTestId('report-drilldown-customer').count(), { timeout: 15_000 })
        .toBeGreaterThan(0);
      // A manager sees phones in full.
      expect(await drawer.getByTestId('report-drilldown-phone').first().getAttribute('data-masked')).toBe(
        'false',
      );
      await page.keyboard.press('Escape');
      await drawer.waitFor({ state: 'hidden' });

      // Filter by the source with the fewest leads: the figure becomes that source's.
      const whole = (await (await page.request.get(`/api/v1/reports/funnel?${period()}`)).json()) as Funnel;
      const named = whole.groups.filter((g) => g.key !== '' && g.label !== '');
      const pick = [...named].sort((a, b) => a.counts.leads - b.counts.leads)[0];
      if (!pick) throw new Error('the demo has no lead with a source in the last 60 days');
      // The list is long (virtual): type to find the source, then pick it.
      await page.getByTestId('report-filter-source').click();
      await page.keyboard.type(pick.label);
      await page.locator('.ant-select-item-option').filter({ hasText: pick.label }).first().click();
      await expect.poll(() => page.url()).toContain(`sourceId=${pick.key}`);
      await expect.poll(() => figure(page, 'funnel-count-leads')).toBe(pick.counts.leads);
      if (named.length > 1) expect(pick.counts.leads).toBeLessThan(leads);

      // Export: an .xlsx of the filtered funnel.
      const download = page.waitForEvent('download');
      await page.getByTestId('report-export').click();
      expect((await download).suggestedFilename()).toMatch(
        /^funnel-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.xlsx$/,
      );
    } finally {
      await context.close();
    }
  });

  test('a consultant sees their own funnel and no export button', async () => {
    if (!server || !browser) throw new Error('The server or the browser did not start');
    const { context, page } = await openApp(browser, server.url);
    try {
      await logIn(page, 'consultant1', DEMO_PASSWORD);
      await waitForHome(page);
      await page.getByTestId('menu-reports').click();
      await page.getByTestId('report-link-funnel').click();
      await page.getByTestId('funnel-report').waitFor();
      await page.goto(`/reports/funnel?${period()}`);
      await page.getByTestId('funnel-report').waitFor();
      const own = (await (await page.request.get(`/api/v1/reports/funnel?${period()}`)).json()) as Funnel & {
        meta: { ownFiguresOnly: boolean };
      };
      expect(own.meta.ownFiguresOnly).toBe(true);
      const ownLeads = own.steps[0]?.count.current ?? -1;
      await expect.poll(() => figure(page, 'funnel-count-leads'), { timeout: 15_000 }).toBe(ownLeads);
      expect(await page.getByTestId('report-export').count()).toBe(0);
      expect(await page.getByTestId('report-filter-consultant').count()).toBe(0);
      // The export itself is refused too.
      expect((await page.request.get(`/api/v1/reports/funnel/export?${period()}`)).status()).toBe(403);
    } finally {
      await context.close();
    }
  });
});
