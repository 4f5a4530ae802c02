import { expect, test, type Download, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { readFile } from "node:fs/promises";
import { expectNoSeriousA11yViolations } from "../src/a11y";
import { signIn } from "../src/sign-in";

// Issue 6: a planner compares the five pilots' working methods on /sammenlign.
// Seed facts (seed/src/data/methods.ts, documented there as stable): the five active pilots
// are Nav Lillestrøm (spearhead), Nav Asker, Nav Drammen, Nav Indre Østfold and Nav
// Kristiansand; every pilot has quarterly maturity assessments with evidence; the newest
// financial social assistance flow of Nav Drammen has 11.5 days lead time, Nav
// Lillestrøm's 18.5 days.

// The API lists the pilots spearhead first, then by name.
const PILOTS = ["Nav Lillestrøm", "Nav Asker", "Nav Drammen", "Nav Indre Østfold", "Nav Kristiansand"];

const mainNav = (page: Page) => page.getByRole("navigation", { name: /^(Hovedmeny|Main menu)$/ });

/** No serious or critical WCAG 2.1 A/AA violations on the page as it is now. */

async function savedBytes(download: Download): Promise<Buffer> {
  const path = await download.path();
  return readFile(path);
}

test("a planner compares the pilots: heatmap, evidence, case flows of Drammen and Lillestrøm, export", async ({ page }) => {
  // A long journey (several loads, two exports and three accessibility scans).
  test.setTimeout(180_000);
  await signIn(page, "planner", "/");
  await mainNav(page).getByRole("link", { name: "Sammenlign piloter" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sammenlign piloter" })).toBeVisible();
  await expect(mainNav(page).getByRole("link", { name: "Sammenlign piloter" })).toHaveAttribute("aria-current", "page");

  // The five pilots by default, spearhead first, as heatmap columns; every cell prints its level.
  const heatmap = page.getByRole("table", { name: /^Modenhetsnivå per praksis og kontor/ });
  await expect(heatmap.getByRole("columnheader")).toHaveText(["Praksis", ...PILOTS]);
  await expect(page.getByTestId("compare-scope")).toContainText(PILOTS.join(", "));
  const cells = heatmap.getByTestId("maturity-cell");
  expect(await cells.count()).toBeGreaterThanOrEqual(PILOTS.length * 6);
  for (const text of await cells.allInnerTexts()) expect(text).toMatch(/^[0-4]/);
  // One chart per KPI, each with its numbers as a table.
  await expect(page.getByTestId("kpi-chart")).toHaveCount(6);
  const firstChart = page.getByTestId("kpi-chart").first();
  await firstChart.getByRole("button", { name: "Vis tallene som tabell" }).click();
  await expect(firstChart.getByRole("table")).toBeVisible();
  await expect(firstChart.getByRole("table").getByRole("columnheader")).toHaveText(["Måned", ...PILOTS]);
  await expectNoSeriousA11yViolations(page, "/sammenlign");

  // One cell's evidence and history, opened from the keyboard; the open cell is in the URL.
  const drammenValueStream = heatmap.getByRole("button", { name: /: Verdistrømkartlegging av saksflyt ved Nav Drammen\./ });
  await drammenValueStream.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("heading", { name: "Verdistrømkartlegging av saksflyt" })).toBeVisible();
  await expect(dialog).toContainText("Nav Drammen");
  await expect(dialog.getByTestId("maturity-evidence")).not.toBeEmpty();
  const history = dialog.getByRole("table", { name: /^Alle vurderinger fram til periodens slutt/ });
  expect(await history.getByRole("row").count()).toBeGreaterThan(2);
  await expect(page).toHaveURL(/[?&]celle=/);
  await expectNoSeriousA11yViolations(page, "/sammenlign with a cell open");
  // The shared link opens the same cell.
  await page.reload();
  await expect(page.getByRole("dialog").getByRole("heading", { name: "Verdistrømkartlegging av saksflyt" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(page).not.toHaveURL(/[?&]celle=/);

  // Only Nav Drammen and Nav Lillestrøm: take the other three pilots out.
  const offices = page.getByRole("combobox", { name: "Kontorer" });
  await offices.click();
  for (const name of ["Nav Asker (3025)", "Nav Indre Østfold (3014)", "Nav Kristiansand (4204)"]) {
    await page.getByRole("option", { name }).click();
  }
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Sammenlign", exact: true }).click();
  await expect(page).toHaveURL(/kontor=.*kontor=/);
  await expect(heatmap.getByRole("columnheader")).toHaveText(["Praksis", "Nav Lillestrøm", "Nav Drammen"]);

  // The financial social assistance flows side by side, and the lead-time difference.
  await expect(page.getByLabel("Tjeneste")).toHaveValue(/.+/);
  await expect(page.getByLabel("Tjeneste").locator("option:checked")).toHaveText("Økonomisk sosialhjelp");
  await expect(page.getByTestId("lead-time-headline")).toHaveText(
    "Nav Drammen har kortest gjennomløpstid: 11,5 dager. Nav Lillestrøm bruker 7 dager mer (18,5 dager).",
  );
  const figures = page.getByRole("table", { name: /^Nøkkeltall for saksflyten i Økonomisk sosialhjelp/ });
  await expect(figures.getByRole("row", { name: /Nav Drammen/ })).toContainText("Raskest");
  await expect(figures.getByRole("row", { name: /Nav Drammen/ })).toContainText("11,5 dager");
  await expect(figures.getByRole("row", { name: /Nav Lillestrøm/ })).toContainText("18,5 dager");
  await expect(figures.getByRole("row", { name: /Nav Lillestrøm/ })).toContainText("+7 dager");
  const stages = page.getByRole("table", { name: /^Steg og gjennomløpstid per fase og kontor/ });
  await expect(stages.getByRole("rowheader")).toHaveText(["Mottak", "Kartlegging", "Vurdering", "Vedtak", "Utbetaling", "Oppfølging"]);
  await expectNoSeriousA11yViolations(page, "/sammenlign for two offices");

  // Export: the API's workbook with one sheet per part, and a picture of the screen.
  const [xlsx] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Last ned Excel (XLSX)" }).click()]);
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  // exceljs's types want an ArrayBuffer; a Buffer may be a view into a larger one.
  const xlsxBytes = await savedBytes(xlsx);
  await workbook.xlsx.load(xlsxBytes.buffer.slice(xlsxBytes.byteOffset, xlsxBytes.byteOffset + xlsxBytes.byteLength) as ArrayBuffer);
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Modenhet", "KPI", "Saksflyt", "Innsikt", "Kultur", "Oppsummering"]);
  const flowSheet = JSON.stringify(workbook.getWorksheet("Saksflyt")?.getSheetValues());
  expect(flowSheet).toContain("Nav Drammen");
  expect(flowSheet).toContain("Nav Lillestrøm");
  expect(flowSheet).not.toContain("Nav Asker");
  await expect(page.getByRole("status").filter({ hasText: "Excel-filen er lastet ned." })).toBeVisible();

  const [png] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Last ned bilde (PNG)" }).click()]);
  expect(png.suggestedFilename()).toMatch(/^sammenligning-.*\.png$/);
  const picture = await savedBytes(png);
  expect(picture.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  // IHDR width and height: a real picture of the comparison, not an empty canvas.
  expect(picture.readUInt32BE(16)).toBeGreaterThan(400);
  expect(picture.readUInt32BE(20)).toBeGreaterThan(400);
  await expect(page.getByRole("status").filter({ hasText: "Bildet er lastet ned." })).toBeVisible();
});

test("a viewer reads the same comparison; fewer than two offices are refused before asking the API", async ({ page }) => {
  await signIn(page, "viewer", "/sammenlign");
  const heatmap = page.getByRole("table", { name: /^Modenhetsnivå per praksis og kontor/ });
  await expect(heatmap.getByRole("columnheader")).toHaveText(["Praksis", ...PILOTS]);

  const offices = page.getByRole("combobox", { name: "Kontorer" });
  await offices.click();
  for (const name of ["Nav Drammen (3005)", "Nav Asker (3025)", "Nav Indre Østfold (3014)", "Nav Kristiansand (4204)"]) {
    await page.getByRole("option", { name }).click();
  }
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Sammenlign", exact: true }).click();
  await expect(page.getByRole("link", { name: "Velg minst 2 kontorer." })).toBeVisible();
  await expect(offices).toHaveAccessibleDescription(/Velg minst 2 kontorer\./);
  await expect(page).not.toHaveURL(/kontor=/);
});
