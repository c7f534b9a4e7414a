import type { APIRequestContext, Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_PASSWORD, logIn, openApp, waitForHome } from '../support/app';
import { launchBrowser } from '../support/browser';
import { type RunningServer, startServer } from '../support/server';

type QueueItem = { leadId: string; customerName: string; overdue: boolean };
type DefeatRequest = {
  id: string;
  leadId: string;
  status: string;
  outcome: string | null;
  leadStatus: string;
};

/** What the server says, read with a session of the journey. */
const get = async <T>(request: APIRequestContext, path: string): Promise<T> => {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
};

const post = async <T>(request: APIRequestContext, path: string, data: unknown): Promise<T> => {
  const response = await request.post(path, { data });
  expect(response.status(), `${path}: ${await response.text()}`).toBeLessThan(300);
  return (await response.json()) as T;
};

describe("a sales manager's day", () => {
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

  test('the manager assigns two queued leads to consultant2, approves one defeat request and rejects another', async () => {
    if (!server || !browser) throw new Error('The server or the browser did not start');

    // consultant1 asks for two defeats through the API, as the consultant's page would.
    const consultant = await openApp(browser, server.url, '/login');
    const asConsultant = consultant.context.request;
    await post(asConsultant, '/api/v1/auth/login', { username: 'consultant1', password: DEMO_PASSWORD });
    const reasons = await get<{ items: { id: string; code: string }[] }>(
      asConsultant,
      '/api/v1/defeat-reasons',
    );
    const reasonId = (code: string) => reasons.items.find((reason) => reason.code === code)?.id;
    const { items: leads } = await get<{ items: { leadId: string; customerName: string }[] }>(
      asConsultant,
      '/api/v1/defeat-requests/eligible-leads?limit=2',
    );
    expect(leads).toHaveLength(2);
    const [toApprove, toReject] = leads as [(typeof leads)[0], (typeof leads)[0]];
    const approveRequest = await post<DefeatRequest>(
      asConsultant,
      `/api/v1/leads/${toApprove.leadId}/defeat-requests`,
      {
        reasonId: reasonId('bought_competitor'),
        competitorBrand: '特斯拉',
        competitorModel: 'Model Y',
        note: '客户已在特斯拉下定',
      },
    );
    const rejectRequest = await post<DefeatRequest>(
      asConsultant,
      `/api/v1/leads/${toReject.leadId}/defeat-requests`,
      {
        reasonId: reasonId('price'),
        note: '客户嫌贵，不再考虑',
      },
    );
    await consultant.context.close();

    const { context, page } = await openApp(browser, server.url);
    try {
      await logIn(page, 'manager', DEMO_PASSWORD);
      expect(await waitForHome(page)).toBe('home-sales_manager');

      // How many demo leads wait unassigned depends on the hour the demo was made: two at least are
      // needed, so walk-ins without an owner (no assignment rule takes walk-ins) make up the number.
      const waiting = await get<{ items: QueueItem[] }>(page.request, '/api/v1/distribution/queue?limit=50');
      if (waiting.items.length < 2) {
        const tree = await get<{ items: { code: string; children: { id: string }[] }[] }>(
          page.request,
          '/api/v1/sources',
        );
        const walkIn = tree.items.find((channel) => channel.code === 'walk_in')?.children[0]?.id;
        for (let i = waiting.items.length; i < 2; i++) {
          await post(page.request, '/api/v1/customers', {
            name: `排队客户${i + 1}`,
            phone: `199${String(Date.now() + i).slice(-8)}`,
            ownerId: null,
            lead: { sourceId: walkIn },
          });
        }
      }

      // The distribution queue: oldest first, overdue leads highlighted.
      await page.getByTestId('menu-distribution').click();
      await page.getByTestId('distribution-page').waitFor();
      const queue = await get<{ items: QueueItem[]; total: number }>(
        page.request,
        '/api/v1/distribution/queue?limit=50',
      );
      expect(queue.items.length).toBeGreaterThanOrEqual(2);
      const [first, second] = queue.items as [QueueItem, QueueItem];
      const firstRow = page.getByTestId(`queue-row-${first.leadId}`);
      await firstRow.waitFor();
      expect(await firstRow.getAttribute('data-overdue')).toBe(String(first.overdue));
      expect(await page.getByTestId('queue-total').textContent()).toContain(String(queue.total));

      // Two leads to consultant2 in one action.
      await firstRow.locator('input[type="checkbox"]').check();
      await page.getByTestId(`queue-row-${second.leadId}`).locator('input[type="checkbox"]').check();
      await page.getByTestId('assign-selected').click();
      const dialog = page.getByTestId('assign-dialog');
      await dialog.waitFor();
      await page.getByTestId('assign-owner').click();
      await page.getByTestId('assignee-option-consultant2').click();
      await page.getByTestId('assign-note').fill('周末客流大，先交给张伟跟进');
      await page.getByTestId('assign-submit').click();
      await dialog.waitFor({ state: 'detached' });
      await firstRow.waitFor({ state: 'detached' });
      await page.getByTestId(`queue-row-${second.leadId}`).waitFor({ state: 'detached' });
      for (const lead of [first, second]) {
        const assignment = await get<{ ownerName: string; reason: { by: string; note: string } }>(
          page.request,
          `/api/v1/leads/${lead.leadId}/assignment`,
        );
        expect(assignment).toMatchObject({
          ownerName: '张伟',
          reason: { by: 'manager', note: '周末客流大，先交给张伟跟进' },
        });
      }

      // Defeat approvals: approve one as lost, reject the other with a note.
      await page.getByTestId('menu-defeat-approvals').click();
      await page.getByTestId('defeat-approvals-page').waitFor();
      await page.getByTestId(`defeat-row-${approveRequest.id}`).waitFor();
      await page.getByTestId(`approve-${approveRequest.id}`).click();
      const decide = page.getByTestId('decide-dialog');
      await decide.waitFor();
      expect(await decide.textContent()).toContain('特斯拉 Model Y');
      await page.getByTestId('decide-note').fill('已核实客户在特斯拉下定，同意战败');
      await page.getByTestId('decide-submit').click();
      await decide.waitFor({ state: 'detached' });
      await page.getByTestId(`defeat-row-${approveRequest.id}`).waitFor({ state: 'detached' });

      await page.getByTestId(`reject-${rejectRequest.id}`).click();
      await decide.waitFor();
      await page.getByTestId('decide-note').fill('客户上周刚试驾，价格可以再谈，继续跟进');
      await page.getByTestId('decide-submit').click();
      await decide.waitFor({ state: 'detached' });
      await page.getByTestId(`defeat-row-${rejectRequest.id}`).waitFor({ state: 'detached' });

      const decided = await get<{ items: DefeatRequest[] }>(page.request, '/api/v1/defeat-requests?limit=50');
      expect(decided.items.find((r) => r.id === approveRequest.id)).toMatchObject({
        status: 'approved',
        outcome: 'lost',
        leadStatus: 'lost',
      });
      expect(decided.items.find((r) => r.id === rejectRequest.id)).toMatchObject({
        status: 'rejected',
        leadStatus: 'open',
        managerNote: '客户上周刚试驾，价格可以再谈，继续跟进',
      });

      // The month's record counts consultant1's approval and rejection.
      await page.getByTestId('tab-defeat-monthly').click();
      const monthly = page.getByTestId('defeat-monthly-table');
      await monthly.getByText('李娜').waitFor();
    } finally {
      await context.close();
    }
  });
});
