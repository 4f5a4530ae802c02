import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { readFile } from "node:fs/promises";

// The org graph explorer at /organisasjon: an office's graph, search, filters, layouts,
// PNG export, shared links, and the keyboard-usable tree and table alternatives.

interface GraphHook {
  layouts: number;
  layoutBusy: boolean;
  selectedIds(): string[];
  nodeIds(): string[];
  cy: { nodes(selector?: string): { map<T>(fn: (n: { id(): string; classes(): string[] }) => T): T[] } };
}

async function signIn(page: Page) {
  await page.goto("/kontorer");
  await page.fill("#username", "planner");
  await page.fill("#password", "samla-planner");
  await page.click("#kc-login");
  await expect(page.getByText("Petra Planlegger")).toBeVisible();
}

async function lillestromId(page: Page): Promise<string> {
  const link = page.getByRole("link", { name: "Nav Lillestrøm", exact: true });
  await expect(link).toBeVisible();
  const href = await link.getAttribute("href");
  return decodeURIComponent(href!.split("/").pop()!);
}

/** Waits until the canvas has placed a layout after `previous` ones. */
async function layoutDone(page: Page, previous = 0) {
  await page.waitForFunction(
    (count) => {
      const hook = (window as unknown as { __samlaGraph?: GraphHook }).__samlaGraph;
      return Boolean(hook && hook.layouts > count && !hook.layoutBusy);
    },
    previous,
    { timeout: 30_000 },
  );
}

const hook = <T,>(page: Page, fn: (graph: GraphHook) => T) =>
  page.evaluate(`(${fn.toString()})(window.__samlaGraph)`) as Promise<T>;

async function expectNoSeriousAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("explore Nav Lillestrøm's graph: search, filter, layout, export, share", async ({ page, context }) => {
  await signIn(page);
  const officeId = await lillestromId(page);
  await page.goto(`/organisasjon?kontor=${encodeURIComponent(officeId)}`);
  await expect(page.getByRole("heading", { level: 1, name: "Organisasjonskart" })).toBeVisible();
  await layoutDone(page);
  expect(await hook(page, (g) => g.nodeIds())).toContain(officeId);
  await expect(page.getByTestId("graph-summary")).toContainText("1 kontorer");
  await expect(page.getByRole("img", { name: /Organisasjonskart som graf/ })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  // Search a person: she becomes the selection in the canvas, the panel and the URL.
  const search = page.getByRole("combobox", { name: "Søk etter person, team, rolle eller tjeneste" });
  await search.fill("Liv Leder");
  await page.getByRole("option", { name: /Liv Leder/ }).first().click();
  const panel = page.getByTestId("graph-panel");
  await expect(panel.getByRole("heading", { name: "Liv Leder" })).toBeVisible();
  await expect(panel).toContainText("Nav-leder");
  const livId = await panel.getAttribute("data-node-id");
  expect(livId).toBeTruthy();
  await expect(page.getByTestId("graph-canvas")).toHaveAttribute("data-selected", livId!);
  expect(await hook(page, (g) => g.selectedIds())).toEqual([livId]);
  await expect(page).toHaveURL(/valgt=/);

  // Filter to municipal employees: every person left in the canvas is municipal.
  const layoutsBefore = await hook(page, (g) => g.layouts);
  await page.getByLabel("Arbeidsgiver").selectOption("MUNICIPAL");
  await layoutDone(page, layoutsBefore);
  const personClasses = await hook(page, (g) => g.cy.nodes(".person").map((n) => n.classes()));
  expect(personClasses.length).toBeGreaterThan(0);
  expect(personClasses.every((classes) => classes.includes("municipal") && !classes.includes("state"))).toBe(true);

  // Back to everyone, and switch layout: the selection is kept.
  const beforeLayoutSwitch = await hook(page, (g) => g.layouts);
  await page.getByLabel("Arbeidsgiver").selectOption("");
  await layoutDone(page, beforeLayoutSwitch);
  const beforeDagre = await hook(page, (g) => g.layouts);
  await page.getByRole("radio", { name: "Rapporteringslinjer" }).click();
  await layoutDone(page, beforeDagre);
  await expect(page).toHaveURL(/oppsett=dagre/);
  expect(await hook(page, (g) => g.selectedIds())).toEqual([livId]);
  await expect(panel.getByRole("heading", { name: "Liv Leder" })).toBeVisible();

  // Export a PNG: a download whose bytes start with the PNG signature.
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("button", { name: "Last ned PNG" }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe("organisasjonskart.png");
  const png = await readFile((await download.path())!);
  expect(png.length).toBeGreaterThan(1000);
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

  // Filter again and share: a new page opened on the URL shows the same view.
  const beforeShare = await hook(page, (g) => g.layouts);
  await page.getByLabel("Arbeidsgiver").selectOption("MUNICIPAL");
  await layoutDone(page, beforeShare);
  const sharedUrl = page.url();
  const originalNodes = (await hook(page, (g) => g.nodeIds())).sort();
  const shared = await context.newPage();
  await shared.goto(sharedUrl);
  await layoutDone(shared);
  expect((await hook(shared, (g) => g.nodeIds())).sort()).toEqual(originalNodes);
  await expect(shared.getByLabel("Arbeidsgiver")).toHaveValue("MUNICIPAL");
  await expect(shared.getByRole("radio", { name: "Rapporteringslinjer" })).toHaveAttribute("aria-checked", "true");
  await expect(shared.getByTestId("graph-panel").getByRole("heading", { name: "Liv Leder" })).toBeVisible();
  expect(await hook(shared, (g) => g.selectedIds())).toEqual([livId]);
  await shared.close();
});

test("the table and tree alternatives work with the keyboard and pass axe", async ({ page }) => {
  await signIn(page);
  const officeId = await lillestromId(page);
  await page.goto(`/organisasjon?kontor=${encodeURIComponent(officeId)}&arbeidsgiver=MUNICIPAL&visning=tabell`);

  // The table shows the same filtered data: only municipal people.
  const table = page.getByTestId("graph-table");
  await expect(table).toBeVisible();
  const personRows = table.locator('tr[data-node-type="PERSON"]');
  expect(await personRows.count()).toBeGreaterThan(0);
  for (const employer of await personRows.locator("td:nth-child(4)").allTextContents()) expect(employer).toBe("Kommunal");
  await expectNoSeriousAxeViolations(page);

  // Keyboard: tab to the first person's button and press Enter to select them.
  const firstPerson = personRows.first().getByRole("button");
  const name = (await firstPerson.textContent())!;
  await firstPerson.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("graph-panel").getByRole("heading", { name })).toBeVisible();
  await expect(firstPerson).toHaveAttribute("aria-pressed", "true");

  // The tree: the office opens with the arrow keys, Enter selects.
  await page.getByRole("radio", { name: "Tre" }).click();
  const tree = page.getByRole("tree", { name: "Organisasjonskart som tre" });
  await expect(tree).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  const office = tree.getByRole("treeitem", { name: /Nav Lillestrøm/ }).first();
  await expect(office).toHaveAttribute("aria-expanded", "true");
  await office.focus();
  await page.keyboard.press("Home");
  await page.keyboard.press("ArrowLeft");
  await expect(office).toHaveAttribute("aria-expanded", "false");
  await page.keyboard.press("ArrowRight");
  await expect(office).toHaveAttribute("aria-expanded", "true");
  await page.keyboard.press("ArrowDown");
  // Focus moves on the next render: wait for it to leave the office before reading it.
  await expect(office).not.toBeFocused();
  const focusedId = await page.evaluate(() => document.activeElement?.getAttribute("data-node-id"));
  expect(focusedId).toBeTruthy();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("graph-panel")).toHaveAttribute("data-node-id", focusedId!);
  await expect(page).toHaveURL(/visning=tre/);
});
