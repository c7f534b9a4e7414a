import type { Browser, BrowserContext, Page } from 'playwright-core';

export const DEMO_PASSWORD = 'demo1234';

/** A fresh browser profile (no cookies, no saved language) with one page on the app. */
export const openApp = async (
  browser: Browser,
  baseURL: string,
  path = '/',
): Promise<{ context: BrowserContext; page: Page }> => {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
  });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  await page.goto(path);
  return { context, page };
};

/** Types into the login page and presses Enter, as people do. */
export const logIn = async (page: Page, username: string, password: string): Promise<void> => {
  const usernameField = page.getByTestId('login-username');
  await usernameField.waitFor();
  await usernameField.fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-password').press('Enter');
};

/** The test ids of the side-menu entries the user can see, sorted. */
export const visibleMenuTestIds = async (page: Page): Promise<string[]> => {
  const entries = page.locator('[data-testid^="menu-"]');
  const ids: string[] = [];
  for (const entry of await entries.all()) {
    if (await entry.isVisible()) {
      const id = await entry.getAttribute('data-testid');
      if (id) ids.push(id);
    }
  }
  return ids.sort();
};

/** Which `home-<role>` page is shown once the app has loaded after login. */
export const waitForHome = async (page: Page): Promise<string> => {
  const home = page.locator('[data-testid^="home-"]').first();
  await home.waitFor();
  return (await home.getAttribute('data-testid')) ?? '';
};

export const logOut = async (page: Page): Promise<void> => {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('user-menu-logout').click();
  await page.getByTestId('login-username').waitFor();
};
