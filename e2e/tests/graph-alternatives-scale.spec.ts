import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../src/a11y";
import { signIn } from "../src/sign-in";
import { routeOrgGraph, syntheticGraph, syntheticPeople } from "../src/synthetic-graph";

// The org graph's text alternatives at national scale: 200 offices with 20,000 people (the
// API's answer replaced in the browser). The table and the tree render only the rows near
// view, yet stay complete: screen readers hear the real size (aria-rowcount/aria-rowindex,
// aria-setsize/aria-posinset), the keyboard reaches the last row, and a search scrolls to a
// person in the middle.

test.describe.configure({ timeout: 180_000 });

const graph = syntheticGraph(22_000);
const total = graph.nodes.length;
const ids = graph.nodes.map((n) => n.id as string);
const lastId = ids.at(-1)!;
const topLevel = graph.nodes.filter((n) => n.parent == null).length;
// A person in the middle of the country: office 100, person 50 (in team 2).
const middle = { id: "O100P50", name: "Person 100-50", team: "O100T2" };
const SEARCH = "Søk etter person, team, rolle eller tjeneste";

/** Far fewer rows than the whole graph: what virtualisation is for. */
const FEW = 200;

async function open(page: Page, view: "tabell" | "tre") {
  await signIn(page, "planner", "/kontorer");
  await routeOrgGraph(page, () => graph);
  // The longest main-thread task while the view opens: a frozen page shows up here.
  await page.addInitScript(() => {
    const tasks: number[] = [];
    (window as unknown as { __longTasks: number[] }).__longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push(entry.duration);
    }).observe({ type: "longtask", buffered: true });
  });
  const started = Date.now();
  await page.goto(`/organisasjon?kontor=synthetic-${total}&visning=${view}`);
  await expect(page.getByTestId(view === "tabell" ? "graph-table" : "graph-tree").locator("[data-node-id]").first()).toBeVisible({
    timeout: 60_000,
  });
  const openMs = Date.now() - started;
  const longestTaskMs = await page.evaluate(() => Math.max(0, ...(window as unknown as { __longTasks: number[] }).__longTasks));
  const measured = `${view}, ${total} nodes (${syntheticPeople(graph)} people): opened in ${openMs} ms, longest task ${Math.round(longestTaskMs)} ms`;
  test.info().annotations.push({ type: "measured", description: measured });
  console.log(measured);
  await expect(page.getByTestId("graph-summary")).toContainText(`${syntheticPeople(graph)} personer`);
}

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute("data-focus-id") ?? null);

async function pickInSearch(page: Page, name: string) {
  const search = page.getByRole("combobox", { name: SEARCH });
  await search.fill(name);
  await page.getByRole("option", { name: new RegExp(`^${name} `) }).first().click();
  await expect(page.getByTestId("graph-panel").getByRole("heading", { name })).toBeVisible();
}

/** The item is within its scrolling list's visible part (the list may be below the window's fold). */
async function expectInListView(item: Locator, list: Locator) {
  await expect
    .poll(async () => {
      const [a, b] = [await item.boundingBox(), await list.boundingBox()];
      return Boolean(a && b && a.y >= b.y - 1 && a.y + a.height <= b.y + b.height + 1);
    })
    .toBe(true);
}

async function renderedCount(rows: Locator) {
  const count = await rows.count();
  expect(count).toBeGreaterThan(0);
  expect(count).toBeLessThan(FEW);
  return count;
}

test("the table holds 20,000 people: few rows in the DOM, all reachable by keyboard and search", async ({ page }) => {
  await open(page, "tabell");
  const table = page.getByTestId("graph-table");
  const rows = table.locator("tbody tr[data-node-id]");
  // Every node, with the header row: the real size for screen readers.
  await expect(table).toHaveAttribute("aria-rowcount", String(total + 1));
  await expect(rows.first()).toHaveAttribute("aria-rowindex", "2");
  await renderedCount(rows);
  await expectNoSeriousA11yViolations(page, "/organisasjon?visning=tabell with 20,000 people");

  // One tab stop; End goes to the last row, which was not rendered before.
  await expect(table.locator('button[tabindex="0"]')).toHaveCount(1);
  expect(await table.locator(`tr[data-node-id="${lastId}"]`).count()).toBe(0);
  await rows.first().getByRole("button").focus();
  await page.keyboard.press("End");
  const last = table.locator(`tr[data-node-id="${lastId}"]`);
  await expect(last.getByRole("button")).toBeFocused();
  await expect(last).toHaveAttribute("aria-rowindex", String(total + 1));
  await expect(last).toBeInViewport();
  await page.keyboard.press("ArrowUp");
  await expect.poll(() => focusedId(page)).toBe(ids.at(-2));
  await page.keyboard.press("Home");
  await expect.poll(() => focusedId(page)).toBe(ids[0]);
  await page.keyboard.press("PageDown");
  await expect.poll(async () => ids.indexOf((await focusedId(page))!)).toBeGreaterThan(3);
  // Enter selects the focused row.
  const paged = (await focusedId(page))!;
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("graph-panel")).toHaveAttribute("data-node-id", paged);
  await renderedCount(rows);

  // A person in the middle, found by search: the table scrolls to the row and selects it.
  await pickInSearch(page, middle.name);
  const row = table.locator(`tr[data-node-id="${middle.id}"]`);
  await expectInListView(row, page.locator(".samla-graph-table"));
  await expect(row).toHaveAttribute("aria-rowindex", String(ids.indexOf(middle.id) + 2));
  await expect(row.getByRole("button")).toHaveAttribute("aria-pressed", "true");
  await expect(row.getByRole("button")).toHaveAttribute("tabindex", "0");
  await renderedCount(rows);
  // A shared link with the selection opens the table scrolled to it.
  await expect(page).toHaveURL(new RegExp(`valgt=${middle.id}`));
  await page.reload();
  await expectInListView(row, page.locator(".samla-graph-table"));
  await expect(row.getByRole("button")).toHaveAttribute("aria-pressed", "true");
  // From there the keyboard goes on: the next row down.
  await row.getByRole("button").focus();
  await page.keyboard.press("ArrowDown");
  await expect.poll(() => focusedId(page)).toBe(ids[ids.indexOf(middle.id) + 1]);
  await expectNoSeriousA11yViolations(page, "/organisasjon?visning=tabell scrolled to the middle");
});

test("the tree holds 20,000 people: few items in the DOM, sizes and positions for screen readers, keyboard to the end", async ({
  page,
}) => {
  await open(page, "tre");
  const tree = page.getByRole("tree", { name: "Organisasjonskart som tre" });
  const items = tree.getByRole("treeitem");
  // 200 offices start closed: 220 top-level items.
  await expect(items).toHaveCount(topLevel);
  await expect(items.first()).toHaveAttribute("aria-setsize", String(topLevel));

  // "*" opens all siblings: 1,820 visible items, now virtualised; focus stays where it was.
  await items.first().focus();
  await page.keyboard.press("*");
  await expect(items.first()).toHaveAttribute("aria-expanded", "true");
  await expect(tree.locator('[data-node-id="O199"]')).toHaveCount(0);
  await expect.poll(() => focusedId(page)).toBe(ids[0]);
  await page.keyboard.press("ArrowDown");
  await expect.poll(() => focusedId(page)).toBe("O0T0");

  // Open all: 21,820 visible items, far fewer rendered.
  await page.getByRole("button", { name: "Åpne alle" }).click();
  await expect(items.first()).toHaveAttribute("aria-expanded", "true");
  await expect(items.nth(1)).toHaveAttribute("aria-level", "2");
  await renderedCount(items);
  await expectNoSeriousA11yViolations(page, "/organisasjon?visning=tre with 20,000 people, all open");

  // End goes to the last item (the last service, at the top level), not rendered before.
  expect(await tree.locator(`[data-node-id="${lastId}"]`).count()).toBe(0);
  await items.first().focus();
  await page.keyboard.press("End");
  const last = tree.locator(`[data-node-id="${lastId}"]`);
  await expect(last).toBeFocused();
  await expect(last).toBeInViewport();
  await expect(last).toHaveAttribute("aria-posinset", String(topLevel));
  await expect(last).toHaveAttribute("aria-setsize", String(topLevel));
  await expect(last).toHaveAttribute("aria-level", "1");
  await page.keyboard.press("Home");
  await expect.poll(() => focusedId(page)).toBe(ids[0]);
  // A page down: its place among the visible items (the tree's order, not the graph's).
  await page.keyboard.press("PageDown");
  await expect.poll(() => page.evaluate(() => Number(document.activeElement?.getAttribute("data-index")))).toBeGreaterThan(3);
  await renderedCount(items);

  // Closed again, a search for a person in the middle opens her office and team and
  // scrolls to her; she becomes the tab stop.
  await page.getByRole("button", { name: "Lukk alle" }).click();
  await expect(items).toHaveCount(topLevel);
  await pickInSearch(page, middle.name);
  const person = tree.locator(`[data-node-id="${middle.id}"]`);
  await expectInListView(person, tree);
  await expect(person).toHaveAttribute("aria-selected", "true");
  await expect(person).toHaveAttribute("tabindex", "0");
  await expect(person).toHaveAttribute("aria-level", "3");
  await expect(person).toHaveAttribute("aria-posinset", "7");
  await expect(person).toHaveAttribute("aria-setsize", "13");
  // A shared link with the selection opens the tree at her, too.
  await page.reload();
  await expectInListView(person, tree);
  await expect(person).toHaveAttribute("aria-selected", "true");
  // Left goes to her team, Down to the team's first person, Enter selects.
  await person.focus();
  await page.keyboard.press("ArrowLeft");
  await expect(tree.locator(`[data-node-id="${middle.team}"]`)).toBeFocused();
  await expect(tree.locator(`[data-node-id="${middle.team}"]`)).toHaveAttribute("aria-expanded", "true");
  await page.keyboard.press("ArrowDown");
  await expect.poll(() => focusedId(page)).toBe("O100P2");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("graph-panel")).toHaveAttribute("data-node-id", "O100P2");
  await expectNoSeriousA11yViolations(page, "/organisasjon?visning=tre scrolled to the middle");
});
