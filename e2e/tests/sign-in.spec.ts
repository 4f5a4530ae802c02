import { expect, test } from "@playwright/test";

// The walking skeleton's journey: a planner signs in through the IdP's login page,
// sees the seeded offices and opens Nav Lillestrøm.
test("a planner signs in, sees the offices and opens Nav Lillestrøm", async ({ page }) => {
  await page.goto("/");

  // The IdP's own login page (same form ids as Keycloak's).
  await expect(page.locator("#username")).toBeVisible();
  await page.fill("#username", "planner");
  await page.fill("#password", "samla-planner");
  await page.click("#kc-login");

  // Back in Samla, signed in.
  await expect(page.getByText("Petra Planlegger")).toBeVisible();
  await page.getByRole("navigation").getByRole("link", { name: "Kontorer", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Kontorer" })).toBeVisible();
  const lillestrom = page.getByRole("link", { name: "Nav Lillestrøm", exact: true });
  await expect(lillestrom).toBeVisible();
  // Both the pre-reform Nav Drammen (merged 2020) and today's merged office are listed.
  await expect(page.getByRole("link", { name: "Nav Drammen", exact: true })).toHaveCount(2);

  await lillestrom.click();
  await expect(page.getByRole("heading", { level: 1, name: "Nav Lillestrøm" })).toBeVisible();
  await expect(page.getByText("Spydspiss").first()).toBeVisible();
  // The office's municipality, teams and people come from the API's seeded data.
  await expect(page.getByText("Lillestrøm").first()).toBeVisible();
  await expect(page.getByText("Liv Leder").first()).toBeVisible();
});

test("a wrong password is refused on the login page", async ({ page }) => {
  await page.goto("/");
  await page.fill("#username", "planner");
  await page.fill("#password", "wrong-password");
  await page.click("#kc-login");
  await expect(page.locator("#username")).toBeVisible();
  await expect(page.getByText(/ugyldig|feil/i).first()).toBeVisible();
});
