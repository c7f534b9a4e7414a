import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_PASSWORD, logIn, openApp, visibleMenuTestIds } from '../support/app';
import { launchBrowser } from '../support/browser';
import { type RunningServer, startServer } from '../support/server';

/** A number of the 169 block, which the demo never hands out: the lead opens a new customer. */
const PHONE = '169 0000 3333';
const KEY_NAME = '汽车之家 e2e';

describe('the intake API: the administrator makes a key, a portal sends a lead with it', () => {
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

  const sendLead = (key: string, body: Record<string, unknown>) => {
    if (!server) throw new Error('The server did not start');
    return fetch(`${server.url}/api/v1/intake/leads`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  };

  test('makes a key in the UI, captures a lead with it over HTTP, then revokes it', async () => {
    if (!server || !browser) throw new Error('The server or the browser did not start');
    const { context, page } = await openApp(browser, server.url, '/settings/api-keys');
    try {
      await logIn(page, 'admin', DEMO_PASSWORD);
      await page.getByTestId('api-keys-page').waitFor();
      expect(await visibleMenuTestIds(page)).toContain('menu-api-keys');
      const table = page.getByTestId('api-keys-table');
      // The demo store's key is listed masked.
      await table
        .getByRole('row', { name: /Demo portal key/ })
        .getByText('qk_demo…')
        .waitFor();

      // Make a key: it is shown once, whole, with a copy button.
      await page.getByTestId('create-api-key').click();
      await page.getByTestId('create-api-key-dialog').waitFor();
      await page.getByTestId('api-key-name').fill(KEY_NAME);
      await page.getByTestId('create-api-key-submit').click();
      const shown = page.getByTestId('created-api-key');
      await shown.waitFor();
      const key = await shown.inputValue();
      expect(key).toMatch(/^qk_[A-Za-z0-9_-]{32}$/);
      expect(await page.getByTestId('created-api-key-dialog').textContent()).toContain('只显示这一次');
      await page.getByTestId('copy-api-key').click();
      await page.getByTestId('created-api-key-done').click();
      await page.getByTestId('created-api-key-dialog').waitFor({ state: 'detached' });

      // The list shows it masked; the whole key is nowhere on the page any more.
      const row = table.getByRole('row', { name: new RegExp(KEY_NAME) });
      await row.getByText(`${key.slice(0, 7)}…`).waitFor();
      expect(await row.textContent()).toContain('从未');
      expect(await page.content()).not.toContain(key);

      // A portal sends a lead with the key.
      const res = await sendLead(key, {
        name: '赵女士',
        phone: PHONE,
        source: 'autohome',
        seriesInterest: 'Qin PLUS',
        note: '询价秦PLUS，周末可到店',
        externalId: 'AH-E2E-1',
      });
      expect(res.status).toBe(201);
      const captured = (await res.json()) as { leadId: string; customerId: string; duplicate: boolean };
      expect(captured.duplicate).toBe(false);

      // The same phone in another spelling is the same customer.
      const again = await sendLead(key, { name: '赵女士', phone: '+86 169-0000-3333', source: '品牌官网' });
      expect(again.status).toBe(200);
      expect(await again.json()).toMatchObject({ customerId: captured.customerId, duplicate: true });

      // The customer is in the store, with both inquiries on one card.
      const customer = await page.request.get(`/api/v1/customers/${captured.customerId}`);
      expect(customer.status()).toBe(200);
      expect(await customer.json()).toMatchObject({ id: captured.customerId, name: '赵女士' });
      await page.goto(`/customers/${captured.customerId}`);
      await page.getByTestId('customer-page').waitFor();
      expect(await page.getByTestId('customer-title').textContent()).toBe('赵女士');
      await page.getByTestId('customer-timeline').waitFor();
      await expect.poll(() => page.getByTestId('timeline-lead').count()).toBe(2);

      // Back on the keys: the list now shows when the key was last used.
      await page.goto('/settings/api-keys');
      await page.getByTestId('api-keys-page').waitFor();
      await row.waitFor();
      expect(await row.textContent()).not.toContain('从未');

      // Revoke it: after confirming, the key is refused.
      await row.getByTestId(/^revoke-api-key-/).click();
      await page.getByTestId('revoke-api-key-confirm').click();
      await row.getByText(/^已作废/).waitFor();
      expect(await row.getByTestId(/^revoke-api-key-/).count()).toBe(0);
      const refused = await sendLead(key, { name: '赵女士', phone: PHONE, source: 'autohome' });
      expect(refused.status).toBe(401);
    } finally {
      await context.close();
    }
  });
});
