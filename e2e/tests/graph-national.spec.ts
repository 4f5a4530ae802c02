// The national view (issue 15): the overview canvas. Zooming into an office opens it, names
// become readable, a person's panel opens; a double click opens another office explicitly.
import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../src/a11y";
import { signIn } from "../src/sign-in";

interface Drawn {
  people: number;
  teams: number;
  labelled: { id: string; text: string }[];
}

/** Runs `fn` in the page with the overview's test hook (web/app/graph/overview/OverviewCanvas.tsx). */
const inHook = <T,>(page: Page, fn: string) => page.evaluate(`((hook) => (${fn}))(window.__samlaGraph)`) as Promise<T>;
const drawn = (page: Page) => inHook<Drawn>(page, "hook.drawn()");
const at = (page: Page, id: string) => inHook<{ x: number; y: number; r: number } | null>(page, `hook.screenPosition(${JSON.stringify(id)})`);

async function idOf(page: Page, name: string): Promise<string> {
  await page.goto("/kontorer");
  const link = page.getByRole("link", { name, exact: true });
  await expect(link).toBeVisible();
  return decodeURIComponent((await link.getAttribute("href"))!.split("/").pop()!);
}

/** Waits until the overview has drawn its graph and nothing is still loading. */
async function settled(page: Page) {
  await page.waitForFunction(
    () => {
      const hook = (window as unknown as { __samlaGraph?: { renderer: string; layouts: number; layoutBusy: boolean } }).__samlaGraph;
      return Boolean(hook && hook.renderer === "overview" && hook.layouts > 0 && !hook.layoutBusy);
    },
    null,
    { timeout: 30_000 },
  );
}

/** Scrolls the whole canvas into the viewport: the mouse only reaches what is on screen. */
async function showCanvas(page: Page) {
  await page.evaluate(() => document.querySelector("[data-testid=graph-canvas]")!.scrollIntoView({ block: "end" }));
}

/** Wheels in over a node until its circle is `share` of the canvas's shorter side. */
async function zoomInOn(page: Page, id: string, share: number) {
  await showCanvas(page);
  const box = (await page.getByTestId("graph-canvas").boundingBox())!;
  for (let step = 0; step < 40; step++) {
    const node = (await at(page, id))!;
    if (node.r * 2 >= Math.min(box.width, box.height) * share) return;
    const x = Math.min(Math.max(node.x, 20), box.width - 20);
    const y = Math.min(Math.max(node.y, 20), box.height - 20);
    await page.mouse.move(box.x + x, box.y + y);
    await page.mouse.wheel(0, -200);
    await page.waitForTimeout(60);
  }
  throw new Error(`could not zoom in on ${id}`);
}

test("zooming into Nav Lillestrøm opens it, names become readable, and a person's panel opens", async ({ page }) => {
  await signIn(page, "planner", "/kontorer");
  const lillestrom = await idOf(page, "Nav Lillestrøm");
  await page.goto("/organisasjon");
  await page.getByRole("radio", { name: "Hele landet" }).click();
  await expect(page).toHaveURL(/alle=1/);
  await settled(page);
  await expect(page.getByTestId("graph-canvas").getByRole("img")).toHaveAccessibleName(/kontorer/);

  // The whole country: offices are named, nobody is loaded yet.
  await expect.poll(async () => (await drawn(page)).labelled.map((l) => l.text)).toContainEqual(expect.stringMatching(/Lillestrøm/));
  expect((await drawn(page)).people).toBe(0);
  // Every office drawn big enough to be told apart is named (by its short name where the full one would collide).
  const unnamed = await inHook<string[]>(
    page,
    `(() => {
      const named = new Set(hook.drawn().labelled.map((l) => l.id));
      return hook.nodeIds().filter((id) => id.startsWith("T2ZmaWNl") && hook.screenPosition(id).r >= 20 && !named.has(id));
    })()`,
  );
  expect(unnamed).toEqual([]);

  // Zoom in over Lillestrøm until it fills most of the view: it opens by itself.
  await zoomInOn(page, lillestrom, 0.8);
  await expect.poll(async () => (await drawn(page)).people, { timeout: 10_000 }).toBeGreaterThan(20);
  await settled(page);
  expect(page.url()).not.toContain("utvidet="); // opened by zooming, not by the user's choice
  const teams = (await drawn(page)).labelled.filter((l) => l.id.startsWith("VGVhbT")); // base64 "Team"
  expect(teams.length).toBeGreaterThan(0);

  // Further in, people's names are drawn; click one and read the panel.
  // A person in Lillestrøm (a neighbour opened by zooming folds again as the view narrows).
  const person = await inHook<string | null>(
    page,
    `(() => {
      for (const team of hook.childrenOf(${JSON.stringify(lillestrom)})) {
        const found = hook.childrenOf(team).find((id) => id.startsWith("UGVyc29u")); // base64 "Person"
        if (found) return found;
      }
      return null;
    })()`,
  );
  expect(person).not.toBeNull();
  await zoomInOn(page, person!, 0.02);
  const box = (await page.getByTestId("graph-canvas").boundingBox())!;
  const named = (await drawn(page)).labelled.filter((l) => l.id.startsWith("UGVyc29u"));
  expect(named.length).toBeGreaterThan(0);
  let picked: { id: string; text: string } | undefined;
  for (const label of named) {
    const position = (await at(page, label.id))!;
    if (position.x > 30 && position.y > 30 && position.x < box.width - 30 && position.y < box.height - 30) {
      picked = label;
      await page.mouse.click(box.x + position.x, box.y + position.y);
      break;
    }
  }
  expect(picked).toBeDefined();
  const panel = page.getByTestId("graph-panel");
  await expect(panel).toHaveAttribute("data-node-id", picked!.id);
  await expect(panel.getByRole("heading", { level: 2 })).toHaveText(picked!.text.replace(/^! /, ""));
  await expect(panel).toContainText("Nav Lillestrøm");
  await expectNoSeriousA11yViolations(page, "the national view zoomed into an office");
});

test("an office the user opens stays open: zooming out does not fold it, and the link keeps it open", async ({ page }) => {
  await signIn(page, "planner", "/kontorer");
  const lillestrom = await idOf(page, "Nav Lillestrøm");
  await page.goto("/organisasjon?alle=1");
  await settled(page);
  await showCanvas(page);
  const box = (await page.getByTestId("graph-canvas").boundingBox())!;
  const office = (await at(page, lillestrom))!;
  // Select it on the canvas, open it from the side panel (a double click does the same; the
  // benchmark times that).
  await page.mouse.click(box.x + office.x, box.y + office.y);
  await expect(page.getByTestId("graph-panel")).toHaveAttribute("data-node-id", lillestrom);
  await page.getByTestId("graph-panel").getByRole("button", { name: "Vis innhold" }).click();
  await expect(page).toHaveURL(/utvidet=/);
  await expect(page).toHaveURL(new RegExp(`valgt=${encodeURIComponent(lillestrom)}`));
  await expect.poll(async () => inHook<number>(page, `hook.childrenOf(${JSON.stringify(lillestrom)}).length`)).toBeGreaterThan(0);
  await settled(page);
  // Zoom out with the keyboard: an explicitly opened office stays open.
  await page.getByTestId("graph-canvas").getByRole("img").focus();
  await page.keyboard.press("-");
  await page.keyboard.press("-");
  await page.waitForTimeout(500);
  expect(await inHook<number>(page, `hook.childrenOf(${JSON.stringify(lillestrom)}).length`)).toBeGreaterThan(0);
  // The shared link opens it again.
  await page.reload();
  await settled(page);
  expect(await inHook<number>(page, `hook.childrenOf(${JSON.stringify(lillestrom)}).length`)).toBeGreaterThan(0);
  // The side panel (still on Lillestrøm after the reload) folds it again, and the link says so.
  await page.getByTestId("graph-panel").getByRole("button", { name: "Skjul innhold" }).click();
  await expect(page).not.toHaveURL(/utvidet=/);
  await expect(page).toHaveURL(/lukket=/);
  await expect.poll(async () => inHook<number>(page, `hook.childrenOf(${JSON.stringify(lillestrom)}).length`)).toBe(0);
});
