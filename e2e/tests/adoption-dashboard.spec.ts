import { expect, test, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { readFile } from "node:fs/promises";
import { expectNoSeriousA11yViolations } from "../src/a11y";
import { apiAs } from "../src/api";
import { signIn } from "../src/sign-in";

// The adoption dashboard (/innforing) and the monthly summary for the directorate (issue 7).
// Seed facts (seed/src/data/adoption.ts, pinned by seed/test/adoption.test.ts): "Bølge 1 –
// pilot" has the five pilots, "Bølge 2" eight offices, "Bølge 3" six. Behind plan today:
// Nav Indre Østfold and Nav Kristiansand (pilots), Nav Stavanger, Nav Moss and Nav
// Trondheim (wave 2), each with the reason in its latest report. Pilots report every month
// up to last month, except Nav Indre Østfold, whose latest month is missing (overdue).

const STAGES = ["Ikke startet", "Forbereder", "Piloterer", "Tatt i bruk", "Forankret"];
const BEHIND = ["Nav Indre Østfold", "Nav Kristiansand", "Nav Stavanger", "Nav Moss", "Nav Trondheim"];

/** A month in Norway `offset` months from the current one: yyyy-mm and "oktober 2026". */
function month(offset: number): { month: string; period: string; label: string } {
  const today = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Oslo" }).format(new Date());
  const [year, monthNumber] = today.split("-").map(Number);
  const date = new Date(Date.UTC(year!, monthNumber! - 1 + offset, 1));
  const label = new Intl.DateTimeFormat("nb-NO", { month: "long", year: "numeric", timeZone: "UTC" }).format(date);
  const value = date.toISOString().slice(0, 7);
  return { month: value, period: `${value}-01`, label };
}

const section = (page: Page, name: string) => page.getByRole("region", { name, exact: true });
const combobox = (page: Page, name: string) => page.getByRole("combobox", { name, exact: true });

test("a planner reads the adoption dashboard: status, over time, waves, behind plan, spread, tables and Excel", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, "planner", "/");
  await page.getByRole("navigation", { name: /^(Hovedmeny|Main menu)$/ }).getByRole("link", { name: "Innføring" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Innføring av metodikken" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Sider om innføringen" }).getByRole("link", { name: "Oversikt" })).toHaveAttribute(
    "aria-current",
    "page",
  );

  // Key figures: 19 offices in the three waves; some reports are overdue, five offices behind plan.
  await expect(page.getByTestId("summary-offices")).toHaveText("19");
  await expect(page.getByTestId("summary-submitted")).toHaveText(/^\d+$/);
  expect(Number(await page.getByTestId("summary-behind").innerText())).toBeGreaterThanOrEqual(BEHIND.length);
  expect(Number(await page.getByTestId("summary-overdue").innerText())).toBeGreaterThanOrEqual(1);

  // Status now: a real table, offices grouped by wave, every cell printing its stage.
  const status = section(page, "Status nå");
  const matrix = status.getByRole("table", { name: /^Trinn per kontor og praksis per / });
  await expect(matrix.getByRole("rowheader", { name: /^Bølge 1 – pilot \(5 kontorer\)$/ })).toBeVisible();
  await expect(matrix.getByRole("rowheader", { name: /^Bølge 2 \(8 kontorer\)$/ })).toBeVisible();
  // (adoption-plan.spec.ts moves a wave 3 office around on the same stack.)
  await expect(matrix.getByRole("rowheader", { name: /^Bølge 3 \(\d+ kontorer\)$/ })).toBeVisible();
  await expect(matrix.getByRole("rowheader", { name: "Nav Lillestrøm", exact: true })).toBeVisible();
  const cells = matrix.getByTestId("adoption-cell");
  expect(await cells.count()).toBeGreaterThanOrEqual(19 * 6);
  for (const text of (await cells.allInnerTexts()).slice(0, 40)) expect(STAGES.some((stage) => text.startsWith(stage))).toBe(true);
  // A cell behind plan says so, and which stage the plan expects, in its text.
  const kristiansand = matrix.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Nav Kristiansand", exact: true }) });
  await expect(kristiansand.locator("[data-behind=true]").first()).toContainText(/etter plan, forventet: (Forbereder|Piloterer|Tatt i bruk)/);
  await expect(matrix.locator("thead th").first()).toHaveCSS("position", "sticky");

  // Over time: the stacked area with its numbers as a table, and the practice timeline.
  const overTime = section(page, "Over tid");
  await expect(overTime.getByRole("img", { name: /^Trinn over tid/ })).toBeVisible();
  await overTime.getByRole("button", { name: "Vis tallene som tabell" }).click();
  const stageTable = overTime.getByRole("table", { name: "Antall kontor × praksis per trinn og måned" });
  await expect(stageTable.getByRole("columnheader")).toHaveText(["Måned", ...STAGES]);
  expect(await stageTable.getByRole("row").count()).toBeGreaterThan(12);
  await expect(overTime.getByRole("table", { name: /^Andel kontorer \(prosent\)/ })).toBeVisible();

  // Waves against plan: one small chart per wave, each with a table.
  const waves = section(page, "Bølger mot plan");
  const pilotWave = waves.getByTestId("wave-progress").filter({ hasText: "Bølge 1 – pilot" });
  await expect(pilotWave).toBeVisible();
  expect(await waves.getByTestId("wave-progress").count()).toBeGreaterThanOrEqual(3);
  await pilotWave.getByRole("button", { name: "Vis tallene som tabell" }).click();
  await expect(pilotWave.getByRole("table").getByRole("columnheader")).toHaveText(["Måned", "Planlagt", "Faktisk"]);

  // Behind plan: the five offices, each with its own explanation and a link to the report.
  const behind = section(page, "Etter plan");
  for (const office of BEHIND) {
    const entry = behind.getByRole("article", { name: office, exact: true });
    await expect(entry).toBeVisible();
    await expect(entry.getByRole("table")).toBeVisible();
    await expect(entry.locator("blockquote").first()).not.toBeEmpty();
    await expect(entry.getByRole("link", { name: /^Les rapporten for / })).toHaveAttribute("href", /^\/innforing\/rapporter\/.+/);
  }

  // Spread: a bar per practice, the counts as a table.
  const spread = section(page, "Spredning");
  const bars = spread.getByTestId("adoption-spread").getByRole("listitem");
  expect(await bars.count()).toBeGreaterThanOrEqual(6);
  await spread.getByRole("button", { name: "Vis tallene som tabell" }).click();
  await expect(spread.getByRole("table").getByRole("columnheader")).toHaveText(["Praksis", ...STAGES, "Kontorer", "Tatt i bruk"]);

  await expect(page.getByRole("heading", { level: 2, name: "Effekt av metodikken" })).toBeVisible();
  const live = section(page, "Siste innsendinger");
  await expect(live.locator("ul[aria-live=polite]")).toBeAttached();
  await expect(live.getByTestId("live-status")).toHaveText("Live");
  await expectNoSeriousA11yViolations(page, "/innforing");

  // The filter is in the URL: wave 2 only, then a past month.
  await combobox(page, "Bølge").selectOption({ label: "Bølge 2 (8 kontorer)" });
  await expect(page).toHaveURL(/[?&]bolge=/);
  await expect(matrix.getByRole("rowheader", { name: /^Bølge 2 \(8 kontorer\)$/ })).toBeVisible();
  await expect(matrix.getByRole("rowheader", { name: /^Bølge 1 – pilot/ })).toHaveCount(0);
  await expect(page.getByTestId("summary-offices")).toHaveText("8");
  const lastMonth = month(-1);
  await combobox(page, "Måned").selectOption({ label: lastMonth.label });
  await expect(page).toHaveURL(new RegExp(`[?&]maned=${lastMonth.month}`));
  await expect(page.getByTestId("adoption-scope")).toContainText(/^Per \d+\. \p{L}+ \d{4} · 8 kontorer/u);

  // Excel of what is shown: one sheet per part.
  const [xlsx] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Last ned Excel" }).click()]);
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  const bytes = await readFile(await xlsx.path());
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Status", "Over tid", "Bølger", "Etter plan", "Spredning"]);
  expect(JSON.stringify(workbook.getWorksheet("Status")?.getSheetValues())).toContain("Nav Stavanger");
  await expect(page.getByRole("status").filter({ hasText: "Excel-filen er lastet ned." })).toBeVisible();
});

test("the dashboard adds an acknowledged report to the live list and updates its figures without a reload", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signIn(page, "planner", "/innforing");
  await expect(page.getByTestId("live-status")).toHaveText("Live");
  const awaitingBefore = Number(await page.getByTestId("summary-awaiting").innerText());
  // A reload would lose this.
  await page.evaluate(() => ((window as unknown as { stillSamePage: boolean }).stillSamePage = true));

  // Another planner acknowledges the newest report awaiting review.
  const reviewer = await browser.newContext();
  try {
    const reviewerPage = await reviewer.newPage();
    await signIn(reviewerPage, "planner2", "/");
    const api = await apiAs(reviewerPage, "/innforing");
    const reminders = await api<{
      progressReportReminders: { awaitingReview: Array<{ id: string; version: number; period: string; office: { name: string } }> };
    }>(`{ progressReportReminders { awaitingReview { id version period office { name } } } }`);
    // Not one of the reports the other adoption specs work with.
    const report = reminders.data?.progressReportReminders.awaitingReview
      .filter((item) => !["Nav Lillestrøm", "Nav Drammen", "Nav Asker"].includes(item.office.name))
      .at(-1);
    expect(report, "the seed has reports awaiting review").toBeDefined();
    const acknowledged = await api<{ acknowledgeProgressReport: { __typename: string } }>(
      `mutation ($input: AcknowledgeProgressReportInput!) { acknowledgeProgressReport(input: $input) { __typename } }`,
      { input: { id: report!.id, version: report!.version } },
    );
    expect(acknowledged.data?.acknowledgeProgressReport.__typename).toBe("AcknowledgeProgressReportPayload");

    const [year, monthNumber] = report!.period.split("-").map(Number);
    const monthLabel = new Intl.DateTimeFormat("nb-NO", { month: "long", year: "numeric", timeZone: "UTC" }).format(
      new Date(Date.UTC(year!, monthNumber! - 1, 1)),
    );
    const live = page.getByRole("region", { name: "Siste innsendinger", exact: true }).locator("ul[aria-live=polite]");
    await expect(live.getByRole("listitem").first()).toContainText(`${report!.office.name} fikk rapporten for ${monthLabel} kvittert`);
    await expect(page.getByTestId("summary-awaiting")).toHaveText(String(awaitingBefore - 1));
    expect(await page.evaluate(() => (window as unknown as { stillSamePage?: boolean }).stillSamePage)).toBe(true);
  } finally {
    await reviewer.close();
  }
});

test("the monthly summary for the directorate: reports in and missing, changes, behind plan, learning, print", async ({ page }) => {
  test.setTimeout(120_000);
  const lastMonth = month(-1);
  await signIn(page, "viewer", "/innforing");
  await page.getByRole("link", { name: "Månedsrapport for direktoratet" }).click();
  await expect(page).toHaveURL(/\/innforing\/manedsrapport/);
  await expect(page.getByRole("heading", { level: 1, name: `Innføringen i ${lastMonth.label}` })).toBeVisible();
  await expect(combobox(page, "Måned")).toHaveValue(lastMonth.month);

  // Indre Østfold's report for last month is missing and past its deadline (the 10th).
  const missing = page.getByTestId("monthly-missing-list");
  await expect(missing).toContainText("Nav Indre Østfold");
  await expect(missing.getByRole("listitem").filter({ hasText: "Nav Indre Østfold" })).toContainText(/dager over fristen|fristen er ikke ute/);
  await expect(page.getByTestId("monthly-received-table").getByRole("rowheader", { name: "Nav Lillestrøm", exact: true })).toBeVisible();
  expect(Number(await page.getByTestId("monthly-received").innerText())).toBeGreaterThanOrEqual(4);
  await expect(page.getByTestId("monthly-behind-list")).toContainText("Nav Kristiansand");
  await expect(page.getByTestId("monthly-learning").getByRole("listitem").first()).not.toBeEmpty();
  await expectNoSeriousA11yViolations(page, "/innforing/manedsrapport");

  // Another month from the picker; the URL says which.
  const earlier = month(-3);
  await combobox(page, "Måned").selectOption(earlier.month);
  await expect(page).toHaveURL(new RegExp(`maned=${earlier.month}`));
  await expect(page.getByRole("heading", { level: 1, name: `Innføringen i ${earlier.label}` })).toBeVisible();
  await expect(page.getByTestId("monthly-received-table")).toBeVisible();

  // On paper: the document without the app's header, navigation and controls.
  await expect(page.getByRole("button", { name: "Skriv ut" })).toBeVisible();
  await expect(page.getByRole("banner")).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Skriv ut" })).toBeHidden();
  await expect(combobox(page, "Måned")).toBeHidden();
  await expect(page.getByRole("banner")).toBeHidden();
  await expect(page.getByRole("heading", { level: 1, name: `Innføringen i ${earlier.label}` })).toBeVisible();
});

test("people without a reading role get a clear no-access text", async ({ page }) => {
  await signIn(page, "hr", "/innforing");
  await expect(page.getByRole("heading", { level: 1, name: "Du har ikke tilgang til innføringsoversikten" })).toBeVisible();
  await page.goto("/innforing/manedsrapport");
  await expect(page.getByRole("heading", { level: 1, name: "Du har ikke tilgang til månedsrapporten" })).toBeVisible();
});
