import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_PASSWORD, logIn, openApp, waitForHome } from '../support/app';
import { launchBrowser } from '../support/browser';
import { type RunningServer, startServer } from '../support/server';

type Task = {
  id: string;
  leadId: string | null;
  customerId: string | null;
  level: string | null;
  customerName: string | null;
};

type Lead = {
  id: string;
  level: string | null;
  horizon: string | null;
  man: { money: boolean; authority: boolean; need: boolean } | null;
  manAction: { code: string } | null;
};

/** What the server says, read with the page's own session. */
const api = async <T>(page: Page, path: string): Promise<T> => {
  const response = await page.request.get(path);
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
};

const countOf = async (page: Page, group: string) =>
  Number(
    (await page.getByTestId(`worklist-count-${group}`).locator('.ant-scroll-number').getAttribute('title')) ??
      0,
  );

describe("a consultant's day", () => {
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

  test('consultant1 works the Today list: logs a result with a level change and sees the next task planned', async () => {
    if (!server || !browser) throw new Error('The server or the browser did not start');
    const { context, page } = await openApp(browser, server.url);
    try {
      await logIn(page, 'consultant1', DEMO_PASSWORD);
      expect(await waitForHome(page)).toBe('home-consultant');

      // The home page starts with the Today worklist: the demo store has overdue and due tasks.
      await page.getByTestId('panel-today').waitFor();
      await page
        .getByTestId('worklist-table-overdue')
        .locator('[data-testid^="log-result-"]')
        .first()
        .waitFor();
      expect(await countOf(page, 'overdue')).toBeGreaterThan(0);
      expect((await countOf(page, 'today')) + (await countOf(page, 'upcoming'))).toBeGreaterThan(0);

      await page.getByTestId('menu-today').click();
      await page.getByTestId('today-page').waitFor();
      const overdueTable = page.getByTestId('worklist-table-overdue');
      await overdueTable.locator('[data-testid^="log-result-"]').first().waitFor();

      // The first overdue task, as the server lists it.
      const { items } = await api<{ items: Task[] }>(page, '/api/v1/tasks?scope=mine&due=overdue&limit=1');
      const task = items.find((item) => item.leadId !== null);
      if (!task?.leadId) throw new Error('consultant1 has no overdue task on a lead in the demo data');
      const newLevel = task.level === 'A' ? 'B' : 'A';

      await page.getByTestId(`log-result-${task.id}`).click();
      const dialog = page.getByTestId('log-result-dialog');
      await dialog.waitFor();
      await page.getByTestId('log-channel').getByText('微信').click();
      await page.getByTestId('log-content').fill('微信沟通试驾安排和本月优惠');
      await page.getByTestId('log-result').fill('客户确认本周六到店试驾，计划月内订车');

      // Choosing the level shows its seed-001 checklist and the rule's proposal for the next contact.
      await page.getByTestId('log-level').click();
      await page.locator(`.ant-select-item-option[title="${newLevel}"]`).click();
      const checklist = page.getByTestId(`level-checklist-${newLevel}`);
      await checklist.waitFor();
      // The grading is saved with the result: a criterion of the level, MAN and the purchase horizon.
      const criterion = newLevel === 'A' ? 'came_back_to_see' : 'stated_intent';
      await checklist.getByTestId(`criterion-${criterion}`).check();
      for (const key of ['money', 'authority', 'need'] as const) {
        // Money and need, but the customer does not decide alone: MaN.
        if (key === 'authority') await checklist.getByTestId(`man-${key}`).uncheck();
        else await checklist.getByTestId(`man-${key}`).check();
      }
      expect(await checklist.getByTestId('man-action').textContent()).toContain('MaN');
      await page.getByTestId('log-horizon').click();
      await page.locator('.ant-select-item-option[title="2-3个月 · 热"]').click();
      const proposal = page.getByTestId('next-contact-proposal');
      await proposal.waitFor();
      expect(await proposal.textContent()).toContain('按跟进规则建议');
      await page.getByTestId('log-reason').fill('再次到店看车，约定试驾');
      const nextContact = page.locator(
        'input[data-testid="log-next-contact"], [data-testid="log-next-contact"] input',
      );
      expect(await nextContact.first().inputValue()).toMatch(/^\d{4}-\d{2}-\d{2} 18:00$/);

      // Ctrl+Enter saves, as the form says.
      await page.getByTestId('log-result').press('Control+Enter');
      await dialog.waitFor({ state: 'detached' });

      const next = page.getByTestId('worklist-next-task');
      await next.waitFor();
      expect(await next.textContent()).toContain(`→ ${newLevel}`);

      // The server completed the task with the result and planned the next one by the rule.
      const done = await api<{ items: (Task & { followUpId: string; status: string })[] }>(
        page,
        `/api/v1/tasks?status=done&leadId=${task.leadId}&limit=5`,
      );
      expect(done.items.find((item) => item.id === task.id)?.followUpId).toEqual(expect.any(String));
      const open = await api<{ items: (Task & { ruleKey: string; dueAt: string })[] }>(
        page,
        `/api/v1/tasks?leadId=${task.leadId}`,
      );
      const planned = open.items.find((item) => item.ruleKey?.startsWith('cadence.'));
      expect(planned).toMatchObject({ ruleKey: `cadence.${newLevel}`, level: newLevel });
      expect(await page.getByTestId(`log-result-${task.id}`).count()).toBe(0);

      // The lead now holds the horizon and MAN that were ticked.
      if (!task.customerId) throw new Error('the task on a lead has no customer');
      const customer = await api<{ leads: Lead[] }>(page, `/api/v1/customers/${task.customerId}`);
      expect(customer.leads.find((lead) => lead.id === task.leadId)).toMatchObject({
        level: newLevel,
        horizon: 'm2_3',
        man: { money: true, authority: false, need: true },
        manAction: { code: 'MaN' },
      });

      // The customer's timeline shows the result. (The planned task may be past the first page of
      // "upcoming", so the history is read on the customer's page rather than from the worklist.)
      await page.goto(`${server.url}/customers/${task.customerId}`);
      const timeline = page.getByTestId('customer-timeline');
      await timeline.getByText('客户确认本周六到店试驾，计划月内订车').first().waitFor();

      // The leads table shows the horizon as hot, the MAN advice and why the consultant owns the lead.
      const horizon = page.getByTestId(`lead-horizon-${task.leadId}`);
      await horizon.waitFor();
      expect(await horizon.textContent()).toContain('2-3个月');
      expect(await horizon.locator('[data-temperature="hot"]').textContent()).toBe('热');
      const man = page.getByTestId(`lead-man-${task.leadId}`);
      expect(await man.textContent()).toContain('MaN');
      expect(await man.textContent()).toContain('提高品牌信心');
      expect(await page.getByTestId(`lead-owner-why-${task.leadId}`).textContent()).not.toBe('');

      // "Change level" on the lead: the chosen level's checklist, MAN kept, and why.
      const raised = newLevel === 'A' ? 'H' : 'A';
      await page.getByTestId(`lead-change-level-${task.leadId}`).click();
      const grading = page.getByTestId('change-level-dialog');
      await grading.waitFor();
      await page.getByTestId('change-level-level').click();
      await page.locator(`.ant-select-item-option[title="${raised}"]`).last().click();
      const raisedChecklist = grading.getByTestId(`level-checklist-${raised}`);
      await raisedChecklist.waitFor();
      expect(await raisedChecklist.getByTestId('man-action').textContent()).toContain('MaN');
      await raisedChecklist
        .getByTestId(`criterion-${raised === 'H' ? 'model_colour_chosen' : 'terms_negotiated'}`)
        .check();
      await page.getByTestId('change-level-reason').fill('试驾后确定车型颜色');
      await page.getByTestId('change-level-submit').click();
      await grading.waitFor({ state: 'detached' });
      await page
        .getByTestId('customer-leads')
        .locator(`tr[data-row-key="${task.leadId}"] .ant-tag`, { hasText: new RegExp(`^${raised}$`) })
        .waitFor();
      const regraded = await api<{ leads: Lead[] }>(page, `/api/v1/customers/${task.customerId}`);
      expect(regraded.leads.find((lead) => lead.id === task.leadId)).toMatchObject({
        level: raised,
        horizon: 'm2_3',
        manAction: { code: 'MaN' },
      });
    } finally {
      await context.close();
    }
  });
});
