import { expect, test, type Page } from "@playwright/test";
import { demoUser, submitLogin } from "../src/sign-in";

// Issue 14, item 1: a shared or bookmarked link to a section (/sammenlign#nokkeltall)
// must survive sign-in: the IdP refuses a redirect_uri with a fragment, so the app sends
// none and restores path, query and fragment afterwards. Runs on the embedded IdP and, with
// KEYCLOAK_URL, on Keycloak's own login page (same form ids).

/** Opens `path` signed out and signs in; returns the redirect_uri the app sent the IdP. */
async function openAndSignIn(page: Page, path: string, username: string) {
  const authorizationRequest = page.waitForRequest((request) => request.url().includes("/protocol/openid-connect/auth?"));
  await page.goto(path);
  const redirectUri = new URL((await authorizationRequest).url()).searchParams.get("redirect_uri") ?? "";
  await submitLogin(page, username);
  return redirectUri;
}

test("a link to a section on Sammenlign piloter leads back to that section after sign-in", async ({ page }) => {
  const redirectUri = await openAndSignIn(page, "/sammenlign#nokkeltall", "planner");
  expect(redirectUri).toMatch(/\/sammenlign$/);

  await expect(page).toHaveURL(/\/sammenlign#nokkeltall$/);
  const section = page.locator("#nokkeltall");
  await expect(section).toBeInViewport();
  // The section's own content has loaded, and no sign-in error was shown on the way.
  await expect(page.getByTestId("kpi-chart").first()).toBeVisible();
  await expect(page.getByText("Noe gikk galt")).toHaveCount(0);
});

test("path, query and fragment survive sign-in and a reload", async ({ page }) => {
  // A period in the query, as the page writes it, and a section further down.
  const target = "/sammenlign?fra=2026-01&til=2026-06#kultur";
  const redirectUri = await openAndSignIn(page, target, "planner");
  expect(redirectUri).toMatch(/\/sammenlign\?fra=2026-01&til=2026-06$/);
  await expect(page).toHaveURL(new RegExp(`${target.replace(/[?]/g, "\\?")}$`));
  await expect(page.locator("#kultur")).toBeInViewport();

  // The page's own section link, then a reload: the IdP session signs in again at once.
  await page.getByRole("navigation", { name: /innhold/i }).getByRole("link", { name: /saksflyt/i }).click();
  await expect(page).toHaveURL(/#saksflyt$/);
  await page.reload();
  await expect(page.getByRole("banner").getByText(demoUser("planner").name)).toBeVisible();
  await expect(page).toHaveURL(/\/sammenlign\?fra=2026-01&til=2026-06#saksflyt$/);
  await expect(page.locator("#saksflyt")).toBeInViewport();
});

test("a section link on Innføring survives sign-in", async ({ page }) => {
  await openAndSignIn(page, "/innforing#spredning", "planner");
  await expect(page).toHaveURL(/\/innforing#spredning$/);
  await expect(page.locator("#spredning")).toBeInViewport();
});
