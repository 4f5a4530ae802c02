import { expect, type Page } from "@playwright/test";
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
  const user = demoUser(username);
  await page.goto(path);
  await expect(page.locator("#username")).toBeVisible();
  await page.fill("#username", user.username);
  await page.fill("#password", user.password);
  await page.click("#kc-login");
  await expect(page.getByRole("banner").getByText(user.name)).toBeVisible();
  return user;
}
