import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../src/a11y";
import { apiAs } from "../src/api";
import { demoUser, newSignedInPage } from "../src/sign-in";

// Issue 14, item 3: HR's Endringslogg in words. The stack is shared by every spec file in a
// run: this file adds one role to the catalogue (code E2ELOGG) and changes it, nothing else.
// hr.spec.ts checks an assignment's change in the log (names of person, role and team).

const ROLE = "E2E Loggrolle";

test("HR reads a change in words, in bokmål and English, found by the name of who made it; admins can see the raw values", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const admin = await newSignedInPage(browser, "admin", "/");
  const adminName = demoUser("admin").name;
  const api = await apiAs(admin, "/");
  const created = await api<{ createRole: { __typename: string; role?: { id: string; version: number } } }>(
    `mutation ($input: CreateRoleInput!) { createRole(input: $input) { __typename ... on CreateRolePayload { role { id version } } ... on Error { message } } }`,
    { input: { code: "E2ELOGG", name: ROLE, category: "ADVISER" } },
  );
  const role = created.data!.createRole.role!;
  expect(role, JSON.stringify(created)).toBeTruthy();
  const updated = await api<{ updateRole: { __typename: string } }>(
    `mutation ($input: UpdateRoleInput!) { updateRole(input: $input) { __typename ... on Error { message } } }`,
    { input: { id: role.id, version: role.version, name: `${ROLE} (endret)`, category: "SPECIALIST" } },
  );
  expect(updated.data?.updateRole.__typename, JSON.stringify(updated)).toBe("UpdateRolePayload");

  // HR filters by part of the admin's name, not an SSO id, and by the action in words.
  const hr = await newSignedInPage(browser, "hr", "/hr/logg");
  await expect(hr.getByRole("heading", { level: 1, name: "Endringslogg" })).toBeVisible();
  await expect(hr.getByLabel("Person")).toHaveAccessibleDescription(/Navn på den som gjorde endringen/);
  await hr.getByLabel("Person").fill(adminName.split(" ")[0]!.toLowerCase());
  await hr.getByLabel("Type").selectOption({ label: "Rolle" });
  await hr.getByLabel("Handling").selectOption({ label: "Endret rolle" });
  await hr.getByRole("button", { name: "Vis", exact: true }).click();
  const row = hr.getByRole("row").filter({ hasText: `${ROLE} (endret)` }).first();
  await expect(row).toContainText(adminName);
  await expect(row).toContainText("Endret rolle");
  await expect(row).toContainText(`Rolle: ${ROLE} (endret)`);
  await expect(row.locator('[data-field="category"]')).toContainText("Kategori");
  // Before → after; screen readers hear "Før: … Etter: …".
  await expect(row.locator('[data-field="category"]')).toContainText(/Før: Veileder\s*→\s*Etter: Spesialist/);
  await expect(row.locator('[data-field="name"]')).toContainText(`Før: ${ROLE} → Etter: ${ROLE} (endret)`);
  // No code, no ids, and HR gets no switch for them.
  await expect(row).not.toContainText("updateRole");
  await expect(row).not.toContainText("ADVISER");
  await expect(row).not.toContainText("category");
  await expect(hr.getByRole("checkbox", { name: /tekniske detaljer/ })).toHaveCount(0);
  await expectNoSeriousA11yViolations(hr, "/hr/logg in words");

  // In English, the same change in English words.
  await hr.getByRole("button", { name: "English" }).click();
  await expect(row).toContainText("Changed a role");
  await expect(row.locator('[data-field="category"]')).toContainText("Category");
  await expect(row.locator('[data-field="category"]')).toContainText(/Before: Adviser\s*→\s*After: Specialist/);
  await expect(hr.getByLabel("Action").locator("option", { hasText: "Changed a role" })).toHaveCount(1);
  await hr.getByRole("button", { name: "Norsk" }).click();
  await hr.context().close();

  // Admins may show the raw values: action code, field keys and stored values.
  await admin.goto("/hr/logg");
  await admin.getByLabel("Handling").selectOption({ label: "Endret rolle" });
  await admin.getByRole("button", { name: "Vis", exact: true }).click();
  const adminRow = admin.getByRole("row").filter({ hasText: `${ROLE} (endret)` }).first();
  await expect(adminRow).not.toContainText("ADVISER");
  await admin.getByRole("checkbox", { name: "Vis tekniske detaljer (id-er og koder)" }).check();
  await expect(adminRow).toContainText("updateRole");
  await expect(adminRow).toContainText("(category)");
  await expect(adminRow).toContainText("ADVISER → SPECIALIST");
  await expect(adminRow).toContainText(demoUser("admin").id);
  await admin.context().close();
});
