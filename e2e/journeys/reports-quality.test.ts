import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_PASSWORD, logIn, openApp, waitForHome } from '../support/app';
import { launchBrowser } from '../support/browser';
import { type RunningServer, startServer } from '../support/server';

/** The number a figure shows (its `-current` part). */
const figure = async (page: Page, testId: string): Promise<number> =>
  Number((await page.getByTestId(`${testId}-current`).textContent())?.trim());

const openReport = async (page: Page, key: string, testId: string) => {
  await page.getByTestId('menu-reports').click();
  await page.getByTestId(`report-link-${key}`).click();
  await page.getByTestId(testId).waitFor();
};

/** Opens the drill-down with `open`, waits for its customers, closes it; answers how many it listed. */
const drillDown = async (page: Page, open: () => Promise<void>): Promise<number> => {
  await open();
  const drawer = page.getByTestId('report-drilldown');
  await drawer.waitFor();
  await expect
    .poll(() => drawer.getByTestId('report-drilldown-customer').count(), { timeout: 15_000 })
    .toBeGreaterThan(0);
  const listed = await drawer.getByTestId('report-drilldown-customer').count();
  await page.keyboard.press('Escape');
  await drawer.waitFor({ state: 'hidden' });
  return listed;
};

describe('Quality reports: defeats, follow-up compliance, DCC', () => {
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

  test('the manager reads the three reports on the demo data, drills down, filters by consultant and exports', async () => {
    if (!server || !browser) throw new Error('The server or the browser did not start');
    const { context, page } = await openApp(browser, server.url);
    try {
      await logIn(page, 'manager', DEMO_PASSWORD);
      await waitForHome(page);

      // Defeats: figures, chart and table from the demo's approved defeat requests of this month.
      await openReport(page, 'defeats', 'defeats-report');
      await expect
        .poll(() => figure(page, 'defeats-count-confirmed'), { timeout: 15_000 })
        .toBeGreaterThan(0);
      await page.getByTestId('defeats-chart').waitFor();
      expect(
        await page.getByTestId('defeats-table').locator('tbody tr.ant-table-row').count(),
      ).toBeGreaterThan(0);
      const storeConfirmed = await figure(page, 'defeats-count-confirmed');
      // The figure drills down to the customers behind it: one customer per confirmed defeat at most.
      const listed = await drillDown(page, () => page.getByTestId('defeats-total-confirmed').click());
      expect(listed).toBeLessThanOrEqual(storeConfirmed);

      // Filter by the consultant with the fewest confirmed defeats: the figure becomes theirs.
      const url = new URL(page.url());
      const period = `from=${url.searchParams.get('from') ?? ''}&to=${url.searchParams.get('to') ?? ''}`;
      const query = url.searchParams.has('from') ? period : '';
      const whole = await page.request.get(`/api/v1/reports/defeats?${query || defaultPeriod()}`);
      const byConsultant = (
        (await whole.json()) as { byConsultant: { nameZh: string; confirmed: { current: number } }[] }
      ).byConsultant;
      const pick = [...byConsultant].sort((a, b) => a.confirmed.current - b.confirmed.current)[0];
      if (!pick) throw new Error('the demo has no confirmed defeat this month');
      await page.getByTestId('report-filter-consultant').click();
      await page.locator('.ant-select-item-option').filter({ hasText: pick.nameZh }).click();
      await expect.poll(() => page.url()).toContain('consultantId=');
      await expect.poll(() => figure(page, 'defeats-count-confirmed')).toBe(pick.confirmed.current);
      if (byConsultant.length > 1) expect(pick.confirmed.current).toBeLessThan(storeConfirmed);

      // The manager may export: the download is an .xlsx of the filtered report.
      const download = page.waitForEvent('download');
      await page.getByTestId('report-export').click();
      expect((await download).suggestedFilename()).toMatch(
        /^defeats-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.xlsx$/,
      );

      // Follow-up compliance: rates, the chart, and a user's overdue tasks down to the customers.
      await openReport(page, 'follow-up-compliance', 'compliance-report');
      await expect
        .poll(
          async () => (await page.getByTestId('compliance-callback-rate-current').textContent())?.trim(),
          {
            timeout: 15_000,
          },
        )
        .toMatch(/^\d+\.\d%$/);
      await page.getByTestId('compliance-chart').waitFor();
      const rows = page.getByTestId('compliance-table').locator('tbody tr.ant-table-row');
      expect(await rows.count()).toBeGreaterThan(0);
      const tasksCell = rows.first().getByTestId('compliance-cell-tasks');
      expect(Number(await tasksCell.textContent())).toBeGreaterThan(0);
      await drillDown(page, () => tasksCell.click());

      // DCC: the agent's calls and invitations of the month, drilled down from the table.
      await openReport(page, 'dcc', 'dcc-report');
      await expect.poll(() => figure(page, 'dcc-count-calls'), { timeout: 15_000 }).toBeGreaterThan(0);
      expect(await figure(page, 'dcc-count-invitations')).toBeGreaterThan(0);
      await page.getByTestId('dcc-chart').waitFor();
      const callsCell = page.getByTestId('dcc-table').getByTestId('dcc-cell-calls').first();
      await drillDown(page, () => callsCell.click());
    } finally {
      await context.close();
    }
  });

  test('a consultant sees only their own figures and no export button', async () => {
    if (!server || !browser) throw new Error('The server or the browser did not start');
    const { context, page } = await openApp(browser, server.url);
    try {
      await logIn(page, 'consultant1', DEMO_PASSWORD);
      await waitForHome(page);
      await openReport(page, 'follow-up-compliance', 'compliance-report');
      await page.getByTestId('compliance-table').waitFor();
      await expect
        .poll(() => page.getByTestId('compliance-table').locator('tbody tr.ant-table-row').count(), {
          timeout: 15_000,
        })
        .toBe(1);
      expect(await page.getByTestId('report-filter-consultant').count()).toBe(0);
      expect(await page.getByTestId('report-export').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});

/** This month to today in Shanghai, as the report page defaults to. */
const defaultPeriod = (): string => {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  return `from=${today.slice(0, 8)}01&to=${today}`;
};
