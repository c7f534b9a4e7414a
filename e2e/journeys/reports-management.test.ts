import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_PASSWORD, logIn, openApp, waitForHome } from '../support/app';
import { launchBrowser } from '../support/browser';
import { type RunningServer, startServer } from '../support/server';

type Figure = { metric: string; actual: number | null; target: number | null; attainment: number | null };
type Kpi = {
  month: string;
  stores: { figures: Figure[] }[];
  consultants: { consultant: { id: string; name: string }; figures: Figure[] }[];
  meta: { ownFiguresOnly: boolean };
};
type Daily = { total: { current: Record<string, number> } };

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const percent = (value: number) => `${(Math.round(value * 1000) / 10).toFixed(1)}%`;
const api = async <T>(page: Page, path: string): Promise<T> =>
  (await (await page.request.get(path)).json()) as T;

describe('Reports: management (KPI targets, daily activity, own dashboard)', () => {
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

  test('the manager sets a monthly target and sees its attainment, then prints the daily report', async () => {
    if (!server || !browser) throw new Error('The server or the browser did not start');
    const { context, page } = await openApp(browser, server.url);
    try {
      await logIn(page, 'manager', DEMO_PASSWORD);
      await waitForHome(page);
      await page.getByTestId('menu-reports').click();
      await page.getByTestId('report-link-kpi').click();
      await page.getByTestId('kpi-report').waitFor();
      await expect
        .poll(() => page.getByTestId('kpi-chart').getAttribute('data-ready'), { timeout: 15_000 })
        .toBe('true');

      // The store's leads target through the form.
      const before = await api<Kpi>(page, `/api/v1/reports/kpi?from=${day(0).slice(0, 8)}01&to=${day(0)}`);
      const leads = before.stores[0]?.figures.find((f) => f.metric === 'leads')?.actual ?? 0;
      expect(leads).toBeGreaterThan(0);
      const target = leads * 2;
      await page.getByTestId('kpi-set-targets').click();
      const form = page.getByTestId('kpi-targets-form');
      await form.waitFor();
      const input = page.getByTestId('kpi-target-store-leads');
      await input.waitFor();
      await input.fill(String(target));
      await page.getByTestId('kpi-targets-save').click();
      await form.waitFor({ state: 'hidden' });
      await expect
        .poll(() => page.getByTestId('kpi-card-leads-target').textContent(), { timeout: 15_000 })
        .toContain(String(target));
      await expect.poll(() => page.getByTestId('kpi-card-leads-attainment').textContent()).toBe(percent(0.5));
      const after = await api<Kpi>(page, `/api/v1/reports/kpi?from=${day(0).slice(0, 8)}01&to=${day(0)}`);
      expect(after.stores[0]?.figures.find((f) => f.metric === 'leads')).toMatchObject({
        target,
        attainment: 0.5,
      });

      // The dashboard downloads as an .xlsx for the manager.
      const download = page.waitForEvent('download');
      await page.getByTestId('report-export').click();
      expect((await download).suggestedFilename()).toMatch(/^kpi-\d{4}-\d{2}\.xlsx$/);

      // A consultant's leads drill down to their customers.
      const busy = after.consultants.find(
        (c) => (c.figures.find((f) => f.metric === 'leads')?.actual ?? 0) > 0,
      );
      if (!busy) throw new Error('no consultant of the demo has leads this month');
      await page.getByTestId(`kpi-leads-${busy.consultant.id}`).click();
      const drawer = page.getByTestId('report-drilldown');
      await drawer.waitFor();
      await expect
        .poll(() => drawer.getByTestId('report-drilldown-customer').count(), { timeout: 15_000 })
        .toBeGreaterThan(0);
      await page.keyboard.press('Escape');
      await drawer.waitFor({ state: 'hidden' });

      // The daily activity report of the latest day with activity, then on paper.
      let date = '';
      let totals: Record<string, number> = {};
      for (let offset = 0; offset > -14 && !date; offset--) {
        const d = day(offset);
        const report = await api<Daily>(page, `/api/v1/reports/daily-activity?from=${d}&to=${d}`);
        if (Object.values(report.total.current).some((n) => n > 0)) {
          date = d;
          totals = report.total.current;
        }
      }
      if (!date) throw new Error('the demo has no activity in the last two weeks');
      await page.goto(`/reports/daily-activity?from=${date}&to=${date}`);
      await page.getByTestId('daily-activity-report').waitFor();
      const sum = Object.values(totals).reduce((a, b) => a + b, 0);
      await expect
        .poll(() => page.getByTestId('daily-total-total').textContent(), { timeout: 15_000 })
        .toBe(String(sum));
      await expect
        .poll(() => page.getByTestId('daily-activity-chart').getAttribute('data-ready'), { timeout: 15_000 })
        .toBe('true');
      expect(await page.getByTestId('daily-activity-print-title').isVisible()).toBe(false);
      await page.emulateMedia({ media: 'print' });
      expect(await page.getByTestId('daily-activity-print-title').isVisible()).toBe(true);
      expect(await page.getByTestId('daily-activity-print-title').textContent()).toContain(date);
      expect(await page.getByTestId('report-filter-period').first().isVisible()).toBe(false);
      expect(await page.getByTestId('daily-activity-print').isVisible()).toBe(false);
      await page.emulateMedia({ media: 'screen' });
      expect(await page.getByTestId('daily-activity-print').isVisible()).toBe(true);

      // The progress table and the monthly plan render with the demo's prospects.
      await page.goto('/reports/progress?view=rollover');
      await page.getByTestId('progress-report').waitFor();
      await expect
        .poll(
          async () =>
            Number((await page.getByTestId('progress-count-carried-current').textContent())?.trim()),
          {
            timeout: 15_000,
          },
        )
        .toBeGreaterThan(0);
      await page.goto('/reports/monthly-plan');
      await page.getByTestId('monthly-plan-report').waitFor();
      await page.getByTestId('plan-carried-store').waitFor({ timeout: 15_000 });
    } finally {
      await context.close();
    }
  });

  test('a consultant sees their own dashboard, without the targets form or export', async () => {
    if (!server || !browser) throw new Error('The server or the browser did not start');
    const { context, page } = await openApp(browser, server.url);
    try {
      await logIn(page, 'consultant1', DEMO_PASSWORD);
      await waitForHome(page);
      await page.getByTestId('menu-reports').click();
      await page.getByTestId('report-link-kpi').click();
      await page.getByTestId('kpi-report').waitFor();
      const own = await api<Kpi>(page, `/api/v1/reports/kpi?from=${day(0).slice(0, 8)}01&to=${day(0)}`);
      expect(own.meta.ownFiguresOnly).toBe(true);
      expect(own.stores).toEqual([]);
      expect(own.consultants).toHaveLength(1);
      const leads = own.consultants[0]?.figures.find((f) => f.metric === 'leads')?.actual;
      await expect
        .poll(() => page.getByTestId('kpi-card-leads-actual').textContent(), { timeout: 15_000 })
        .toBe(String(leads));
      expect(await page.getByTestId('kpi-set-targets').count()).toBe(0);
      expect(await page.getByTestId('kpi-consultants').count()).toBe(0);
      expect(await page.getByTestId('report-export').count()).toBe(0);
      expect((await page.request.get('/api/v1/kpi-targets?month=2026-11')).status()).toBe(403);
    } finally {
      await context.close();
    }
  });
});
