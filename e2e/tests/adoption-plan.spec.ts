import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../src/a11y";
import { signIn } from "../src/sign-in";

// Issue 7: the rollout plan (/innforing/plan) and the impact analysis on /innforing.
// Seed facts (seed/src/data/adoption.ts, pinned by seed/test/adoption.test.ts): the waves
// "Bølge 1 – pilot" (the five pilots), "Bølge 2" and "Bølge 3"; Nav Fredrikstad was moved
// from wave 3 to wave 2 with a reason; offices cut processing time after adopting value
// stream mapping (VERDISTROM). The database is shared with the other specs: this spec moves
// only a wave-3 office (Nav Ullensaker) and moves it back, and its new wave has a name of
// its own.

const NEW_WAVE = "Bølge 4 – e2e-test";
const MOVED_OFFICE = "Nav Ullensaker";
const MOVE_REASON = "Kontoret vil vente til den nye bølgen etter ønske fra kommunen.";
const BACK_REASON = "Tilbake til bølge 3 etter avklaring.";

const waveSection = (page: Page, name: string) => page.getByRole("region", { name, exact: true });

/** Opens an office's row in a wave's table and returns its details. */
async function openOffice(page: Page, wave: string, office: string) {
  const row = waveSection(page, wave).getByRole("row").filter({ has: page.getByRole("rowheader", { name: office, exact: true }) });
  const toggle = row.getByRole("button", { name: /^Vis (mer|mindre)$/ });
  // A row stays open after a dialog closes; only a closed one is opened.
  if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
  const details = waveSection(page, wave)
    .getByTestId("plan-office-details")
    .filter({ has: page.getByRole("heading", { name: `Historikk for ${office}` }) });
  await expect(details).toBeVisible();
  return details;
}

async function moveOffice(page: Page, fromWave: string, toWave: string, reason: string) {
  const details = await openOffice(page, fromWave, MOVED_OFFICE);
  await details.getByRole("button", { name: `Flytt til annen bølge for ${MOVED_OFFICE}` }).click();
  const dialog = page.getByRole("dialog", { name: `Flytt ${MOVED_OFFICE} til en annen bølge` });
  await expect(dialog).toBeVisible();
  // The choices read "<wave> (<start> til <target>)".
  const waveSelect = dialog.getByLabel("Ny bølge");
  const value = await waveSelect.locator("option").filter({ hasText: `${toWave} (` }).getAttribute("value");
  await waveSelect.selectOption(value ?? "");
  await dialog.getByRole("button", { name: "Flytt kontoret" }).click();
  // The reason is required: the form says so at the field before anything is sent.
  await expect(dialog.getByText("Fyll ut begrunnelse.").first()).toBeVisible();
  await dialog.getByLabel("Begrunnelse").fill(reason);
  await dialog.getByRole("button", { name: "Flytt kontoret" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: `${MOVED_OFFICE} er flyttet til ${toWave}.` })).toBeVisible();
}

test("a planner reads the plan and its timeline, creates a wave and moves an office with its history kept", async ({ page }) => {
  test.setTimeout(150_000);
  await signIn(page, "planner", "/innforing/plan");
  await expect(page.getByRole("heading", { level: 1, name: "Innføringsplan" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Sider om innføringen" }).getByRole("link", { name: "Innføringsplan" })).toHaveAttribute(
    "aria-current",
    "page",
  );

  // The seeded waves in order, the pilot first, each with its offices.
  const waveHeadings = page.getByTestId("plan-wave").getByRole("heading", { level: 3 });
  await expect(waveHeadings.first()).toHaveText("Bølge 1 – pilot");
  expect((await waveHeadings.allInnerTexts()).slice(0, 3)).toEqual(["Bølge 1 – pilot", "Bølge 2", "Bølge 3"]);
  await expect(waveSection(page, "Bølge 1 – pilot").getByRole("rowheader", { name: "Nav Lillestrøm" })).toBeVisible();

  // The timeline: a bar per wave and office, reachable by keyboard; Enter opens an office's practices.
  const timeline = page.getByTestId("plan-timeline");
  await expect(timeline.getByRole("img", { name: /^Bølge 1 – pilot: 5 kontorer, fra / })).toBeVisible();
  const lillestromBar = timeline.getByRole("button", { name: /^Nav Lillestrøm i Bølge 1 – pilot: fra .* Vis praksisene$/ });
  await lillestromBar.focus();
  await page.keyboard.press("Enter");
  await expect(timeline.getByRole("button", { name: /^Nav Lillestrøm i Bølge 1 – pilot: .* Skjul praksisene$/ })).toHaveAttribute(
    "aria-expanded",
    "true",
  );
  // The spearhead's user interviews have their own dates (a per-practice plan).
  await expect(timeline.getByRole("img", { name: /ved Nav Lillestrøm, egne datoer: fra / })).toHaveCount(1);
  expect(await timeline.getByRole("img", { name: / ved Nav Lillestrøm/ }).count()).toBeGreaterThan(5);
  // The same plan as a table.
  await timeline.getByRole("button", { name: "Vis tidslinjen som tabell" }).click();
  await expect(timeline.getByRole("table").getByRole("rowheader", { name: "Nav Lillestrøm" })).toBeVisible();
  await expectNoSeriousA11yViolations(page, "/innforing/plan");

  // A move made earlier is in the office's history with its reason.
  const fredrikstad = await openOffice(page, "Bølge 2", "Nav Fredrikstad");
  await expect(fredrikstad.getByTestId("plan-office-history")).toContainText(/Bølge 3 → Bølge 2, \d+\. \w+ \d{4}: Kontoret ba om å starte tidligere/);

  // A new wave. A name already in use is refused by the API and shown at the name field.
  await page.getByRole("button", { name: "Ny bølge" }).click();
  const create = page.getByRole("dialog", { name: "Ny bølge" });
  await create.getByRole("textbox", { name: "Navn" }).fill("Bølge 2");
  await create.getByRole("textbox", { name: "Planlagt start" }).fill("01.01.2028");
  await create.getByRole("textbox", { name: "Mål" }).fill("31.12.2028");
  await create.getByRole("button", { name: "Lag bølgen" }).click();
  await expect(create.getByRole("textbox", { name: "Navn" })).toHaveAccessibleDescription(/Det finnes allerede en bølge med navnet Bølge 2/);
  await create.getByRole("textbox", { name: "Navn" }).fill(NEW_WAVE);
  await create.getByRole("button", { name: "Lag bølgen" }).click();
  await expect(create).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: `${NEW_WAVE} er lagt til i planen.` })).toBeVisible();
  await expect(waveHeadings.last()).toHaveText(NEW_WAVE);
  await expect(waveSection(page, NEW_WAVE)).toContainText("Ingen kontorer i bølgen ennå.");

  // Move a wave-3 office to the new wave with a reason: its history keeps where it was.
  await moveOffice(page, "Bølge 3", NEW_WAVE, MOVE_REASON);
  await expect(waveSection(page, "Bølge 3").getByRole("rowheader", { name: MOVED_OFFICE })).toHaveCount(0);
  const moved = await openOffice(page, NEW_WAVE, MOVED_OFFICE);
  const history = moved.getByTestId("plan-office-history");
  await expect(history.getByRole("listitem")).toHaveCount(2);
  await expect(history.getByRole("listitem").first()).toContainText("Lagt til i Bølge 3");
  await expect(history.getByRole("listitem").last()).toContainText(new RegExp(`^Bølge 3 → ${NEW_WAVE}, \\d+\\. \\w+ \\d{4}: ${MOVE_REASON}$`));

  // Its own dates for one practice while it is in the new wave (the move back drops them).
  await moved.getByRole("button", { name: `Endre datoer for ${MOVED_OFFICE}` }).click();
  const dates = page.getByRole("dialog", { name: `Endre datoer for ${MOVED_OFFICE}` });
  await dates.getByRole("checkbox", { name: "Egne datoer for Daglige tavlemøter" }).check();
  await dates.getByRole("textbox", { name: "Planlagt start for Daglige tavlemøter" }).fill("01.06.2028");
  await dates.getByRole("textbox", { name: "Mål for Daglige tavlemøter" }).fill("01.03.2028");
  await dates.getByRole("button", { name: "Lagre datoene" }).click();
  await expect(dates.getByRole("textbox", { name: "Mål for Daglige tavlemøter" })).toHaveAccessibleDescription(/Målet må være etter planlagt start/);
  await expectNoSeriousA11yViolations(page, "/innforing/plan, change dates");
  await dates.getByRole("textbox", { name: "Mål for Daglige tavlemøter" }).fill("01.12.2028");
  await dates.getByRole("button", { name: "Lagre datoene" }).click();
  await expect(dates).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: `Datoene for ${MOVED_OFFICE} er lagret.` })).toBeVisible();
  const ownPractice = moved.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Daglige tavlemøter" }) });
  await expect(ownPractice.getByRole("cell")).toHaveText(["1. juni 2028", "1. desember 2028", "Egne"]);
  await expectNoSeriousA11yViolations(page, "/innforing/plan after a move");

  // And back, so the other specs find wave 3 as seeded; both moves stay in the history.
  await moveOffice(page, NEW_WAVE, "Bølge 3", BACK_REASON);
  const back = await openOffice(page, "Bølge 3", MOVED_OFFICE);
  await expect(back.getByTestId("plan-office-history").getByRole("listitem")).toHaveText([
    /^Lagt til i Bølge 3/,
    new RegExp(`^Bølge 3 → ${NEW_WAVE}, .*: ${MOVE_REASON}$`),
    new RegExp(`^${NEW_WAVE} → Bølge 3, .*: ${BACK_REASON}$`),
  ]);
});

test("a viewer reads the plan without edit buttons", async ({ page }) => {
  await signIn(page, "viewer", "/innforing/plan");
  await expect(page.getByRole("heading", { level: 1, name: "Innføringsplan" })).toBeVisible();
  await expect(page.getByTestId("plan-read-only")).toBeVisible();
  await expect(page.getByTestId("plan-wave").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Ny bølge" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Endre bølge/ })).toHaveCount(0);
});

test("an office leader has no access to the plan", async ({ page }) => {
  await signIn(page, "leader", "/innforing/plan");
  await expect(page.getByRole("heading", { level: 1, name: "Du har ikke tilgang til innføringsplanen" })).toBeVisible();
});

test("the impact analysis shows the estimate for value stream mapping with the offices behind it", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "planner", "/innforing?praksis=VERDISTROM&kpi=SAKSBEHANDLINGSTID");
  const impact = page.getByTestId("impact-analysis");
  await expect(page.getByRole("heading", { level: 2, name: "Effekt av metodikken" })).toBeVisible();
  // exact: once the charts load, "Utvikling rundt måneden praksisen …" labels a figure too.
  await expect(impact.getByLabel("Praksis", { exact: true })).toHaveValue("VERDISTROM");
  await expect(impact.getByLabel("Nøkkeltall", { exact: true })).toHaveValue("SAKSBEHANDLINGSTID");
  await expect(impact.getByLabel("Måneder før og etter", { exact: true })).toHaveValue("6");

  // The estimate in words: shorter processing time, with its interval.
  const estimate = impact.getByTestId("impact-estimate");
  await expect(estimate).toContainText(/^Kontorene som tok i bruk verdistrømkartlegging av saksflyt fikk i snitt [\d,]+\s+dag(er)? kortere saksbehandlingstid/);
  await expect(estimate).toContainText(/\(95 % intervall: .+\)\.$/);
  await expect(impact.getByText("Dette er en sammenligning, ikke et bevis på at praksisen er årsaken til forskjellen.")).toBeVisible();

  // The number of offices behind the figure, and one table row per treated office.
  const counts = await impact.getByTestId("impact-counts").innerText();
  const match = /Tallet bygger på (\d+) kontorer? som tok i bruk praksisen, sammenlignet med (\d+) kontorer? som ikke hadde gjort det ennå\./.exec(counts);
  expect(match, counts).not.toBeNull();
  const treated = Number(match![1]);
  expect(treated).toBeGreaterThanOrEqual(2);
  expect(Number(match![2])).toBeGreaterThanOrEqual(1);
  const forest = impact.getByTestId("impact-forest");
  await forest.getByRole("button", { name: "Vis tallene som tabell" }).click();
  await expect(forest.getByTestId("impact-office-table").locator("tbody tr")).toHaveCount(treated);
  const eventTime = impact.getByTestId("impact-event-time");
  await eventTime.getByRole("button", { name: "Vis tallene som tabell" }).click();
  await expect(eventTime.getByRole("rowheader", { name: "Måned 0 (tatt i bruk)" })).toBeVisible();

  const results = await new AxeBuilder({ page })
    .include('[data-testid="impact-analysis"]')
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

  // A shorter window is a new analysis, kept in the URL.
  await impact.getByLabel("Måneder før og etter").selectOption("3");
  await expect(page).toHaveURL(/[?&]vindu=3/);
  await expect(impact.getByTestId("impact-estimate")).toContainText("Kontorene som tok i bruk verdistrømkartlegging av saksflyt");
});
