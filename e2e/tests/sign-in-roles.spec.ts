import { expect, test } from "@playwright/test";
import { demoUsers, signIn } from "../src/sign-in";

// Every demo user signs in through the IdP's own login page (Keycloak in CI's third
// run, the embedded IdP otherwise), sees their name and role, and signs out for real.
const roleLabels: Record<string, string> = {
  planner: "Planlegger",
  "office-leader": "Kontorleder",
  hr: "HR",
  viewer: "Leser",
  admin: "Administrator",
};

for (const user of demoUsers) {
  test(`${user.username} signs in, sees their role and signs out`, async ({ page }) => {
    await signIn(page, user.username);
    const banner = page.getByRole("banner");
    for (const role of user.roles) await expect(banner.getByText(roleLabels[role]!, { exact: false }).first()).toBeVisible();

    await banner.getByRole("button", { name: /logg ut/i }).click();
    // Signing out ends the IdP session: opening Samla again asks for a password.
    await expect(page.locator("#username")).toBeVisible();
    await page.goto("/");
    await expect(page.locator("#username")).toBeVisible();
  });
}
