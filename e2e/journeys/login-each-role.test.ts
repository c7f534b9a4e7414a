import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_PASSWORD, logIn, logOut, openApp, visibleMenuTestIds, waitForHome } from '../support/app';
import { launchBrowser } from '../support/browser';
import { type RunningServer, startServer } from '../support/server';

/** Every role sees customers (customers.view: consultants their own); the admin also edits the source tree. */
const ADMIN_MENU = [
  'menu-api-keys',
  'menu-customers',
  'menu-home',
  'menu-sources',
  'menu-store-settings',
  'menu-users',
];
const STAFF_MENU = ['menu-customers', 'menu-home'];
/** Receptionists and sales managers also log showroom arrivals (permission showroom.log). */
const DESK_MENU = ['menu-customers', 'menu-home', 'menu-showroom'];
/** Administrators and sales managers also import customer lists (permission imports.run). */
const withImports = (menu: string[]) => [...menu, 'menu-imports'].sort();
/** Those who follow up on leads have the Today worklist (permission customers.edit). */
const withToday = (menu: string[]) => [...menu, 'menu-today'].sort();
/** Administrators and sales managers edit the follow-up rules (permission follow_up_rules.manage). */
const withFollowUpRules = (menu: string[]) => [...menu, 'menu-follow-up-rules'].sort();
/** Administrators and sales managers edit assignment rules and defeat reasons. */
const withAssignmentSettings = (menu: string[]) =>
  [...menu, 'menu-assignment-rules', 'menu-defeat-reasons'].sort();
/** Sales managers distribute leads (leads.assign) and decide defeat requests (defeat.approve). */
const withLeadManagement = (menu: string[]) => [...menu, 'menu-defeat-approvals', 'menu-distribution'].sort();
/** Those who follow up on leads may ask for a defeat (permission defeat.request). */
const withDefeatRequests = (menu: string[]) => [...menu, 'menu-defeat-requests'].sort();
/** Sales managers review the store's follow-ups and comment on them (permission follow_ups.comment). */
const withFollowUpReview = (menu: string[]) => [...menu, 'menu-follow-up-review'].sort();
const MANAGER_MENU = withFollowUpReview(
  withDefeatRequests(
    withLeadManagement(withAssignmentSettings(withToday(withFollowUpRules(withImports(DESK_MENU))))),
  ),
);
const FOLLOWER_MENU = withDefeatRequests(withToday(STAFF_MENU));
/** Test drives (issue 5): consultants, managers, reception and DCC book demo cars (test_drives.book). */
const withTestDrives = (menu: string[]) => [...menu, 'menu-test-drives'].sort();

/** Orders (issue 5): sales roles and admins see orders, stock and owners; CRM orders and owners. */
const withOrders = (menu: string[]) => [...menu, 'menu-orders', 'menu-owners', 'menu-stock'].sort();
const withOwnerCare = (menu: string[]) => [...menu, 'menu-orders', 'menu-owners'].sort();

/** DCC (issue 5): the workbench for DCC, CRM and managers (dcc.call); invitations (invitations.manage). */
const withDcc = (menu: string[]) => [...menu, 'menu-dcc'].sort();
const withInvitations = (menu: string[]) => [...menu, 'menu-invitations'].sort();

/** Reports (issue 6): every role has the Reports menu; the receptionist finds the showroom traffic report there. */
const withReports = (menu: string[]) => [...menu, 'menu-reports'].sort();

/** Every demo account: the home page its role lands on and the menu entries its permissions allow. */
const DEMO_USERS: ReadonlyArray<{ username: string; home: string; menu: string[] }> = [
  {
    username: 'admin',
    home: 'home-admin',
    menu: withReports(withOrders(withAssignmentSettings(withFollowUpRules(withImports(ADMIN_MENU))))),
  },
  {
    username: 'manager',
    home: 'home-sales_manager',
    menu: withReports(withDcc(withInvitations(withOrders(withTestDrives(MANAGER_MENU))))),
  },
  {
    username: 'consultant1',
    home: 'home-consultant',
    menu: withReports(withInvitations(withOrders(withTestDrives(FOLLOWER_MENU)))),
  },
  {
    username: 'consultant2',
    home: 'home-consultant',
    menu: withReports(withInvitations(withOrders(withTestDrives(FOLLOWER_MENU)))),
  },
  { username: 'reception', home: 'home-receptionist', menu: withReports(withTestDrives(DESK_MENU)) },
  {
    username: 'dcc1',
    home: 'home-dcc_agent',
    menu: withReports(withDcc(withInvitations(withTestDrives(FOLLOWER_MENU)))),
  },
  { username: 'crm1', home: 'home-crm_specialist', menu: withReports(withDcc(withOwnerCare(FOLLOWER_MENU))) },
  { username: 'marketing', home: 'home-marketing_manager', menu: withReports(STAFF_MENU) },
  {
    username: 'manager2',
    home: 'home-sales_manager',
    menu: withReports(withDcc(withInvitations(withOrders(withTestDrives(MANAGER_MENU))))),
  },
  {
    username: 'consultant3',
    home: 'home-consultant',
    menu: withReports(withInvitations(withOrders(withTestDrives(FOLLOWER_MENU)))),
  },
];

describe('logging in as each role of the demo dealership', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;

  const app = (path = '/') => {
    if (!server || !browser) throw new Error('The server or the browser did not start');
    return openApp(browser, server.url, path);
  };

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test.each(DEMO_USERS)(
    '$username lands on $home and sees only its menu entries',
    async ({ username, home, menu }) => {
      const { context, page } = await app();
      try {
        await page.getByTestId('demo-banner').waitFor();
        await logIn(page, username, DEMO_PASSWORD);
        expect(await waitForHome(page)).toBe(home);
        expect(await visibleMenuTestIds(page)).toEqual(menu);
        await logOut(page);
      } finally {
        await context.close();
      }
    },
  );

  test('a wrong password shows an error on the login page', async () => {
    const { context, page } = await app();
    try {
      await logIn(page, 'consultant1', 'not-the-password1');
      const error = page.getByTestId('login-error');
      await error.waitFor();
      expect(await error.textContent()).toContain('用户名或密码不正确');
      expect(new URL(page.url()).pathname).toBe('/login');
      expect(await page.getByTestId('login-password').inputValue()).toBe('');
    } finally {
      await context.close();
    }
  });

  test('the admin creates a user in the Users screen, and that user can log in', async () => {
    const username = `e2e.${Date.now().toString(36)}`;
    const initialPassword = 'Welcome2026';
    const ownPassword = 'MyOwnPass2026';

    const admin = await app('/users');
    try {
      // Asked for /users while logged out: after logging in, the app goes there.
      await logIn(admin.page, 'admin', DEMO_PASSWORD);
      await admin.page.getByTestId('users-page').waitFor();
      await admin.page.getByTestId('create-user').click();
      const dialog = admin.page.getByTestId('create-user-dialog');
      await dialog.waitFor();
      await admin.page.getByTestId('user-username').fill(username);
      await admin.page.getByTestId('user-display-name').fill('测试顾问');
      await admin.page.getByTestId('user-password').fill(initialPassword);
      await admin.page.getByTestId('user-roles').click();
      await admin.page.locator('.ant-select-item-option').filter({ hasText: '销售顾问' }).click();
      await admin.page.keyboard.press('Escape');
      await admin.page.getByTestId('user-consultant-code').fill('e09');
      await admin.page.getByTestId('create-user-submit').click();
      await dialog.waitFor({ state: 'detached' });
      await admin.page.getByTestId('users-search').locator('input').fill(username);
      await admin.page.getByTestId('users-search').locator('input').press('Enter');
      await admin.page.getByRole('cell', { name: username, exact: true }).waitFor();
      await logOut(admin.page);
    } finally {
      await admin.context.close();
    }

    const newcomer = await app();
    try {
      await logIn(newcomer.page, username, initialPassword);
      // A password set by an administrator must be replaced at the first login.
      await newcomer.page.getByTestId('change-password-forced').waitFor();
      await newcomer.page.getByTestId('current-password').fill(initialPassword);
      await newcomer.page.getByTestId('new-password').fill(ownPassword);
      await newcomer.page.getByTestId('confirm-password').fill(ownPassword);
      await newcomer.page.getByTestId('confirm-password').press('Enter');
      await newcomer.page.getByTestId('change-password-dialog').waitFor({ state: 'detached' });
      expect(await waitForHome(newcomer.page)).toBe('home-consultant');
      expect(await visibleMenuTestIds(newcomer.page)).toEqual(
        withReports(withInvitations(withOrders(withTestDrives(FOLLOWER_MENU)))),
      );
      expect(await newcomer.page.getByTestId('current-user-name').textContent()).toBe('测试顾问');
      await logOut(newcomer.page);

      await logIn(newcomer.page, username, ownPassword);
      expect(await waitForHome(newcomer.page)).toBe('home-consultant');
    } finally {
      await newcomer.context.close();
    }
  });

  test('switching to English changes the menu text', async () => {
    const { context, page } = await app();
    try {
      await logIn(page, 'admin', DEMO_PASSWORD);
      await waitForHome(page);
      expect(await page.getByTestId('menu-users').textContent()).toBe('用户管理');
      await page.getByTestId('language-en').click();
      await page.getByTestId('menu-users').filter({ hasText: 'Users' }).waitFor();
      expect(await page.getByTestId('menu-home').textContent()).toBe('Home');
      expect(await page.getByTestId('menu-users').textContent()).toBe('Users');
      expect(await page.getByTestId('menu-store-settings').textContent()).toBe('Store settings');
      // The choice is remembered by the browser.
      await page.reload();
      await page.getByTestId('menu-home').filter({ hasText: 'Home' }).waitFor();
      expect(await page.getByTestId('demo-banner').textContent()).toContain('Demo dealership');
    } finally {
      await context.close();
    }
  });
});
