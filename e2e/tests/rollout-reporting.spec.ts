import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../src/a11y";
import { signIn } from "../src/sign-in";

// Issue 14, item 5: moving Nav Hamar from wave 3 into wave 2 (started 14 months before the
// seed's today) made "Forsinkede rapporter" jump by 14 without a word. The move dialog now
// says what the move does to the office's reports before it is confirmed, and the planner
// chooses the month reports are due from. The database is shared with the other specs:
// Hamar is moved back to wave 3 at the end.

const OFFICE = "Nav Hamar";
const waveSection = (page: Page, name: string) => page.getByRole("region", { name, exact: true });

/** The first day of today's month in Norway (yyyy-mm-dd), as the month choices' values. */
const thisMonth = `${new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Oslo" }).format(new Date()).slice(0, 7)}-01`;
const thisMonthName = new Intl.DateTimeFormat("nb-NO", { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${thisMonth}T00:00:00Z`));

async function openMoveDialog(page: Page, wave: string) {
  const row = waveSection(page, wave).getByRole("row").filter({ has: page.getByRole("rowheader", { name: OFFICE, exact: true }) });
  const toggle = row.getByRole("button", { name: /^Vis (mer|mindre)$/ });
  if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
  await waveSection(page, wave).getByRole("button", { name: `Flytt til annen bølge for ${OFFICE}` }).click();
  const dialog = page.getByRole("dialog", { name: `Flytt ${OFFICE} til en annen bølge` });
  await expect(dialog).toBeVisible();
  return dialog;
}

async function chooseWave(dialog: ReturnType<Page["getByRole"]>, wave: string) {
  const select = dialog.getByLabel("Ny bølge");
  const value = await select.locator("option").filter({ hasText: `${wave} (` }).getAttribute("value");
  await select.selectOption(value ?? "");
}

async function overdueOnDashboard(page: Page): Promise<number> {
  const card = page.getByTestId("summary-overdue");
  await expect(card).toContainText(/\d/);
  return Number(/(\d+)/.exec(await card.innerText())![1]);
}

test("moving an office into a started wave shows its overdue reports first, and the planner chooses the reporting month", async ({ page }) => {
  test.setTimeout(150_000);
  await signIn(page, "planner", "/innforing");
  const overdueBefore = await overdueOnDashboard(page);

  await page.getByRole("navigation", { name: "Sider om innføringen" }).getByRole("link", { name: "Innføringsplan" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Innføringsplan" })).toBeVisible();
  const dialog = await openMoveDialog(page, "Bølge 3");
  await chooseWave(dialog, "Bølge 2");

  // By default reports are due from this month: nothing turns overdue, and the dialog says
  // what reporting from the wave's start would have done.
  const reportingFrom = dialog.getByLabel("Rapportering fra");
  await expect(reportingFrom).toHaveValue(thisMonth);
  const consequence = dialog.getByTestId("move-consequence");
  await expect(consequence).toContainText(`Forsinkede rapporter for ${OFFICE}: 0 nå, 0 etter flyttingen.`);
  await expect(consequence).toContainText(/Med rapportering fra \p{L}+ \d{4}, da innføringen starter, ville 1[34] rapporter blitt forsinket\./u);

  // From the wave's start: the overdue months are named before anything is saved.
  const startMonth = await reportingFrom.locator("option").first().getAttribute("value");
  await reportingFrom.selectOption(startMonth ?? "");
  await expect(consequence).toContainText(new RegExp(`Forsinkede rapporter for ${OFFICE}: 0 nå, 1[34] etter flyttingen\\.`));
  await expect(consequence).toContainText(/Rapportene for \p{L}+ \d{4} til \p{L}+ \d{4} blir forsinket med en gang\./u);
  await expectNoSeriousA11yViolations(page, "/innforing/plan, move dialog with its consequence");

  // The planner settles on this month and moves the office.
  await reportingFrom.selectOption(thisMonth);
  await expect(consequence).toContainText(`Forsinkede rapporter for ${OFFICE}: 0 nå, 0 etter flyttingen.`);
  await dialog.getByLabel("Begrunnelse").fill("Kontoret er klart tidligere enn planlagt.");
  await dialog.getByRole("button", { name: "Flytt kontoret" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: `${OFFICE} er flyttet til Bølge 2.` })).toBeVisible();
  const movedRow = waveSection(page, "Bølge 2").getByRole("row").filter({ has: page.getByRole("rowheader", { name: OFFICE, exact: true }) });
  await expect(movedRow.getByRole("cell").nth(3)).toHaveText(thisMonthName);

  // The dashboard counts the same overdue reports as before the move.
  await page.getByRole("navigation", { name: "Sider om innføringen" }).getByRole("link", { name: "Oversikt" }).click();
  expect(await overdueOnDashboard(page)).toBe(overdueBefore);

  // Back to wave 3 as seeded, for the other specs.
  await page.getByRole("navigation", { name: "Sider om innføringen" }).getByRole("link", { name: "Innføringsplan" }).click();
  const back = await openMoveDialog(page, "Bølge 2");
  await chooseWave(back, "Bølge 3");
  await expect(back.getByTestId("move-consequence")).toContainText(`Forsinkede rapporter for ${OFFICE}: 0 nå, 0 etter flyttingen.`);
  await back.getByLabel("Begrunnelse").fill("Tilbake til bølge 3.");
  await back.getByRole("button", { name: "Flytt kontoret" }).click();
  await expect(back).toHaveCount(0);
  await expect(waveSection(page, "Bølge 3").getByRole("rowheader", { name: OFFICE, exact: true })).toBeVisible();
});
