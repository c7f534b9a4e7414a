import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Client } from './lib/http';
import { REPO_ROOT } from './lib/server';
import { percentile } from './lib/stats';
import type { Result } from './lib/table';

/** Debian's Chromium, as the browser journeys use it: a benchmark never downloads a browser. */
const CHROMIUM = '/usr/bin/chromium';
const ROWS = 50;

/**
 * The customer list as a manager opens it from the address bar, in headless Chromium: from the start of
 * the navigation to 50 rows on the screen with the first customer's link ready to click (the page has
 * loaded its code, asked the API and drawn the table). Each load is a fresh browser context, so the
 * app's code comes over the wire every time (no cache: the worst case of a morning's first visit).
 */
export const measureListInteractive = async (baseUrl: string, user: Client, loads: number) => {
  const cookie = user.cookie?.split('=');
  if (!cookie || cookie.length < 2) throw new Error('the list benchmark needs a logged-in client');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  const times: number[] = [];
  try {
    for (let i = 0; i < loads; i++) {
      const context = await browser.newContext({ locale: 'zh-CN' });
      await context.addCookies([
        { name: cookie[0] as string, value: cookie.slice(1).join('='), url: baseUrl },
      ]);
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(`${baseUrl}/customers`, { waitUntil: 'commit' });
      await page
        .locator('[data-testid="customers-table"] tbody tr.ant-table-row')
        .nth(ROWS - 1)
        .waitFor();
      const firstLink = page.locator('[data-testid^="customer-link-"]').first();
      await firstLink.waitFor();
      if (!(await firstLink.isEnabled())) throw new Error('the first customer link is not clickable');
      times.push(performance.now() - started);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return times;
};

export const webListBenchmark = async (
  baseUrl: string,
  manager: Client,
  loads: number,
): Promise<Result[]> => {
  const benchmark = 'web: 50-row list interactive';
  try {
    await access(join(REPO_ROOT, 'apps/web/dist/index.html'));
    await access(CHROMIUM);
  } catch {
    return [
      {
        benchmark,
        figure: null,
        unit: 'ms',
        target: 1000,
        note: 'needs apps/web/dist (npm run build) and /usr/bin/chromium',
      },
    ];
  }
  const times = await measureListInteractive(baseUrl, manager, loads);
  const sorted = [...times].sort((a, b) => a - b);
  return [
    {
      benchmark,
      figure: percentile(times, 50),
      unit: 'ms',
      target: 1000,
      note: `median of ${loads} first visits (no cache), max ${Math.round(sorted[sorted.length - 1] ?? 0)} ms`,
    },
  ];
};
