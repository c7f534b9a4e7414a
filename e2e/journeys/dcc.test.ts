import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_PASSWORD, logIn, openApp, waitForHome } from '../support/app';
import { launchBrowser } from '../support/browser';
import { type RunningServer, startServer } from '../support/server';

type Invitation = {
  id: string;
  status: string;
  customer: { id: string };
  consultant: { name: string } | null;
};

const get = async <T>(request: APIRequestContext, path: string): Promise<T> => {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
};

/** `YYYY-MM-DDTHH:MM` on the Shanghai store's clock, `minutes` from now but never past 23:59 today. */
const storeWallClock = (minutes: number): string => {
  const parts = (at: Date) =>
    Object.fromEntries(
      new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Asia/Shanghai',
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
      })
        .formatToParts(at)
        .map((p) => [p.type, p.value]),
    );
  const now = parts(new Date());
  const later = parts(new Date(Date.now() + minutes * 60_000));
  const sameDay = later.day === now.day;
  const p = sameDay ? later : { ...now, hour: '23', minute: '59' };
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
};

const selectedCustomerId = (page: Page) => page.getByTestId('dcc-customer').getAttribute('data-customer-id');

describe('DCC: call list, invitation, arrival', () => {
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

  test('dcc1 works the new-portal list, invites a customer; the arrival at the desk alerts the consultant', async () => {
    if (!server || !browser) throw new Error('The server or the browser did not start');
    const agent = await openApp(browser, server.url);
    const desk = await openApp(browser, server.url);
    const consultant = await openApp(browser, server.url);
    try {
      // 0. Two portal leads arrive through the intake API; the demo rules give them to dcc1.
      const suffix = String(Date.now()).slice(-4);
      const phones = [`1690001${suffix}`, `1690002${suffix}`];
      const captured: string[] = [];
      for (const [i, phone] of phones.entries()) {
        const response = await fetch(`${server.url}/api/v1/intake/leads`, {
          method: 'POST',
          headers: { authorization: 'Bearer qk_demo_store1', 'content-type': 'application/json' },
          body: JSON.stringify({ name: i === 0 ? '网络客户甲' : '网络客户乙', phone, source: 'autohome' }),
        });
        expect(response.status).toBe(201);
        captured.push(((await response.json()) as { customerId: string }).customerId);
      }

      // 1. dcc1 opens the workbench on the new-portal list and starts with its first customer.
      await logIn(agent.page, 'dcc1', DEMO_PASSWORD);
      await waitForHome(agent.page);
      await agent.page.getByTestId('menu-dcc').click();
      await agent.page.getByTestId('dcc-page').waitFor();
      await agent.page.getByTestId('dcc-list-new_portal').click();
      const rows = agent.page.getByTestId('dcc-row');
      await rows.first().waitFor();
      expect(await rows.count()).toBeGreaterThanOrEqual(2);
      // The demo may still hold an uncontacted portal lead of its own (it depends on the hour the demo
      // was loaded): start with the first lead that just came in, wherever it is on the list.
      await agent.page.locator(`[data-testid="dcc-row"][data-customer-id="${captured[0]}"]`).click();
      await agent.page.locator(`[data-testid="dcc-customer"][data-customer-id="${captured[0]}"]`).waitFor();
      const first = await selectedCustomerId(agent.page);
      expect(first).toBe(captured[0]);

      // 2. No answer: saved, and the next customer comes up by itself.
      await agent.page.getByTestId('call-outcome-no_answer').click();
      await agent.page.getByTestId('call-note').fill('无人接听，两小时后再拨');
      await agent.page.getByTestId('call-submit').click();
      await expect.poll(() => selectedCustomerId(agent.page), { timeout: 15_000 }).not.toBe(first);
      const second = (await selectedCustomerId(agent.page)) ?? '';
      expect(second).toBe(captured[1]);
      // The first one has left the list.
      await expect
        .poll(() => agent.page.locator(`[data-testid="dcc-row"][data-customer-id="${first}"]`).count())
        .toBe(0);

      // 3. The next one accepts an invitation for today, received by 李娜.
      await agent.page.getByTestId('call-outcome-invited').click();
      await agent.page.getByTestId('invitation-form').waitFor();
      await agent.page.getByTestId('invitation-at').fill(storeWallClock(60));
      await agent.page.getByTestId('invitation-purpose-viewing').click();
      await agent.page.getByTestId('invitation-consultant').click();
      await agent.page.locator('.ant-select-item-option').filter({ hasText: '李娜' }).click();
      await agent.page.getByTestId('call-note').fill('客户同意今天到店看车');
      await agent.page.getByTestId('call-submit').click();
      // Saved: the invited customer leaves the new-portal list.
      await expect
        .poll(() => agent.page.locator(`[data-testid="dcc-row"][data-customer-id="${second}"]`).count(), {
          timeout: 15_000,
        })
        .toBe(0);
      const request = agent.context.request;
      const booked = await get<{ items: Invitation[] }>(request, `/api/v1/invitations?customerId=${second}`);
      expect(booked.items.map((i) => [i.status, i.consultant?.name])).toEqual([['scheduled', '李娜']]);
      const phone = phones[1] ?? '';

      // 4. 李娜 is at her desk; the receptionist logs the customer's arrival by phone.
      await logIn(consultant.page, 'consultant1', DEMO_PASSWORD);
      await waitForHome(consultant.page);
      await consultant.page.getByTestId('notification-bell').waitFor();

      await logIn(desk.page, 'reception', DEMO_PASSWORD);
      await waitForHome(desk.page);
      await desk.page.getByTestId('open-reception-desk').click();
      await desk.page.getByTestId('showroom-page').waitFor();
      await desk.page.getByTestId('arrival-phone').fill(phone);
      await desk.page.locator('[data-testid^="phone-lookup-"]').first().waitFor();
      await desk.page.getByTestId('arrival-consultant').getByText('李娜').click();
      await desk.page.getByTestId('arrival-submit').click();
      await desk.page.locator('.ant-message-notice').first().waitFor();

      // 5. 李娜's bell shows the invited customer's arrival, live.
      const bell = consultant.page.getByTestId('notification-bell');
      await bell.click();
      await consultant.page
        .locator('[data-testid="notification-item"][data-kind="invitation_arrived"]')
        .first()
        .waitFor({ timeout: 20_000 });

      // 6. The invitation shows 'arrived' on the invitations page.
      await agent.page.getByTestId('menu-invitations').click();
      await agent.page.getByTestId('invitations-page').waitFor();
      const arrived = agent.page.locator('[data-testid="invitation-status"][data-status="arrived"]');
      await arrived.first().waitFor();
      const after = await get<{ items: Invitation[] }>(request, `/api/v1/invitations?customerId=${second}`);
      expect(after.items.map((i) => i.status)).toEqual(['arrived']);

      // 7. From the customer page, dcc1 invites the customer who did not answer.
      await agent.page.goto(`${server.url}/customers/${first}`);
      await agent.page.getByTestId('customer-page').waitFor();
      await agent.page.getByTestId('customer-invite').click();
      await agent.page.getByTestId('invitation-form').waitFor();
      await agent.page.getByTestId('invitation-at').fill(storeWallClock(90));
      await agent.page.getByTestId('invitation-purpose-test_drive').click();
      await agent.page.getByTestId('invitation-submit').click();
      await agent.page
        .getByTestId('customer-invitations')
        .locator('[data-testid="invitation-status"][data-status="scheduled"]')
        .waitFor();
      const own = await get<{ items: Invitation[] }>(request, `/api/v1/invitations?customerId=${first}`);
      expect(own.items.map((i) => i.status)).toEqual(['scheduled']);
    } finally {
      await agent.context.close();
      await desk.context.close();
      await consultant.context.close();
    }
  });
});
