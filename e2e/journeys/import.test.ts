import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_PASSWORD, logIn, openApp, waitForHome } from '../support/app';
import { launchBrowser } from '../support/browser';
import { type RunningServer, startServer } from '../support/server';

/** A small customer list as a sales manager keeps it in Excel and saves as "CSV UTF-8": one row is bad. */
const CSV = [
  '客户姓名,手机号码,意向车型,线索来源,意向级别,销售顾问,备注',
  '周建国,13955500101,汉,汽车之家,H,A01,周末带家人来看车',
  '吴晓梅,139 5550 0102,秦PLUS,懂车帝,A,张伟,',
  '郑伟,1395550,唐,易车,B,A01,电话少了几位',
].join('\r\n');

describe('a sales manager imports a customer list', () => {
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

  test('uploads a CSV, maps the columns, sees the bad row, imports and sees the counts', async () => {
    if (!server || !browser) throw new Error('The server or the browser did not start');
    const { context, page } = await openApp(browser, server.url);
    try {
      await logIn(page, 'manager', DEMO_PASSWORD);
      await waitForHome(page);
      await page.getByTestId('menu-imports').click();
      await page.getByTestId('imports-page').waitFor();

      // The drop zone takes a file like a file picker does.
      await page
        .getByTestId('imports-page')
        .locator('input[type=file]')
        .setInputFiles({
          name: '三月名单.csv',
          mimeType: 'text/csv',
          buffer: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CSV, 'utf8')]),
        });

      // Mapping: every column was recognised from its Chinese header.
      const mapping = page.getByTestId('import-mapping');
      await mapping.waitFor();
      expect(await page.getByTestId('mapping-field-0').textContent()).toContain('姓名');
      expect(await page.getByTestId('mapping-field-1').textContent()).toContain('手机');
      expect(await page.getByTestId('mapping-field-5').textContent()).toContain('销售顾问');
      // The first rows' values arrive with the mapping step; wait for them rather than read too early.
      await mapping.getByText('周建国').first().waitFor();
      await page.getByTestId('mapping-submit').click();

      // Preview: two rows to import, one refused with its reason.
      await page.getByTestId('import-preview').waitFor();
      expect(await page.getByTestId('import-count-valid').textContent()).toContain('2');
      expect(await page.getByTestId('import-count-create').textContent()).toContain('2');
      expect(await page.getByTestId('import-count-rejected').textContent()).toContain('1');
      await page.getByTestId('import-rows-filter').getByText('有问题').click();
      const badRow = page.getByTestId('import-row-4');
      await badRow.waitFor();
      expect(await badRow.textContent()).toContain('手机号无效：“1395550”');
      await page.getByTestId('import-row-2').waitFor({ state: 'detached' });

      await page.getByTestId('import-run').click();
      await page.getByTestId('import-run-confirm').click();

      // Result: two customers created, one row rejected; the report is a link to the xlsx.
      await page.getByTestId('import-result').waitFor();
      expect(await page.getByTestId('import-result-created').textContent()).toContain('2');
      expect(await page.getByTestId('import-result-merged').textContent()).toContain('0');
      expect(await page.getByTestId('import-result-rejected').textContent()).toContain('1');
      expect(await page.getByTestId('import-report').getAttribute('href')).toMatch(
        /^\/api\/v1\/imports\/[0-9a-f-]+\/report\.xlsx\?lang=zh-CN$/,
      );
      await page
        .getByTestId('import-row-2')
        .getByText(/^新客户 A01-\d{2}-\d{4}$/)
        .waitFor();
      expect(await page.getByTestId('import-row-4').textContent()).toContain('拒绝');

      const download = page.waitForEvent('download');
      await page.getByTestId('import-report').click();
      expect((await download).suggestedFilename()).toBe('三月名单-导入报告.xlsx');

      // The past imports list the file as done.
      await page.getByTestId('import-another').click();
      const history = page.getByTestId('imports-history');
      await history.getByText('三月名单.csv').waitFor();
      await expect.poll(() => history.textContent()).toContain('已完成');
      expect(await history.textContent()).not.toContain('待匹配列');
    } finally {
      await context.close();
    }
  });
});
