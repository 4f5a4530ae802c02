import { expect, test } from "@playwright/test";
import { signIn } from "../src/sign-in";

// What a user sees when the sign-in service is down, and that Samla recovers once it is back.
test("an unreachable IdP gives a clear page, and retrying signs in once it is back", async ({ page }) => {
  const config = (await (await page.request.get("/config.json")).json()) as { oidcUrl: string };
  const blockIdp = (route: { abort: () => Promise<void> }) => route.abort();
  await page.route(`${config.oidcUrl}/**`, blockIdp);

  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Innloggingstjenesten svarer ikke" })).toBeVisible();
  await expect(page.locator("#username")).toHaveCount(0);

  // The IdP is back: "Prøv igjen" leads to the login page, and signing in works.
  await page.unroute(`${config.oidcUrl}/**`, blockIdp);
  await page.getByRole("button", { name: "Prøv igjen" }).click();
  await expect(page.locator("#username")).toBeVisible();
  await signIn(page, "viewer", "/");
});

test("the access token is refreshed silently before it expires", async ({ page }) => {
  // The page's clock runs ahead (the IdP and API keep real time). 4 min 45 s into a
  // 5-minute access token, the next API call first refreshes the token: no new login.
  await page.clock.install();
  await signIn(page, "viewer", "/kontorer");
  await expect(page.getByRole("heading", { level: 1, name: "Kontorer" })).toBeVisible();

  await page.clock.fastForward("04:45");
  const refresh = page.waitForRequest(
    (request) => request.url().includes("/protocol/openid-connect/token") && (request.postData() ?? "").includes("grant_type=refresh_token"),
  );
  await page.getByRole("navigation").getByRole("link", { name: "Sammenslåinger", exact: true }).click();
  await refresh;

  // Still signed in, and the API accepts the refreshed token.
  await expect(page.getByRole("heading", { level: 1, name: "Sammenslåinger" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Nav Lillestrøm/ }).first()).toBeVisible();
  await expect(page.locator("#username")).toHaveCount(0);
});
