import { expect, type Browser, type Page } from "@playwright/test";
import { loadDemoUsers } from "@samla/seed/keycloak";

export const demoUsers = loadDemoUsers();

export function demoUser(username: string) {
  const user = demoUsers.find((u) => u.username === username);
  if (!user) throw new Error(`no demo user ${username} in seed/keycloak/samla-realm.json`);
  return user;
}

/**
 * Opens `path` and signs in on the IdP's login page: the embedded IdP and Keycloak use
 * the same form ids (#username, #password, #kc-login).
 */
export async function signIn(page: Page, username: string, path = "/") {
  await page.goto(path);
  return submitLogin(page, username);
}

/** Fills in the IdP's login form the page is on, and waits until the app shows the user. */
export async function submitLogin(page: Page, username: string) {
  const user = demoUser(username);
  await expect(page.locator("#username")).toBeVisible();
  await page.fill("#username", user.username);
  await page.fill("#password", user.password);
  await page.click("#kc-login");
  await expect(page.getByRole("banner").getByText(user.name)).toBeVisible();
  return user;
}

/** A page of its own (a separate browser context: another user at once), signed in at `path`. */
export async function newSignedInPage(browser: Browser, username: string, path: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, username, path);
  return page;
}
