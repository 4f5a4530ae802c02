// Graph explorer benchmark (`npm run bench:graph`, issue 15): starts the product on free
// ports with the national seed in a temporary PGlite directory, signs in, and measures in
// headless Chromium (no GPU on these machines: WebGL would run on SwiftShader, see
// docs/decisions/009-graph-at-scale.md) for each view
//  - first paint: the graph's data in the page → the first frame of it drawn,
//  - interactive: data → the first frame drawn and the main thread free to answer input,
//  - frames per second while panning and zooming with the mouse for 4 s,
//  - the longest main-thread task (PerformanceObserver "longtask") after it was interactive,
// and the time from double-clicking an office in the national view to its teams drawn.
// It prints PASS/FAIL per target and exits 1 when one is missed. Reference rows (the same
// graphs forced onto cytoscape, canvas and WebGL) are printed without a verdict.
import { chromium, type Page } from "@playwright/test";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { routeOrgGraph, syntheticGraph, type SyntheticGraph } from "../src/synthetic-graph";

/** The targets of issue 15, on this 2-core machine, headless Chromium. */
const TARGETS = { interactiveMs: 3000, fps: 30, longestTaskMs: 200, expandMs: 500 };

// What the graph page exposes for tests (web/app/graph/overview/OverviewCanvas.tsx and
// GraphCanvas.tsx), as far as used here.
interface GraphHook {
  renderer: "overview" | "cytoscape";
  layouts: number;
  layoutBusy: boolean;
  frames?: number;
  lastFrameAt?: number;
  nodeCount(): number;
  edgeCount(): number;
  drawn?(): { people: number; teams: number; labels: number; edges: number };
  screenPosition?(id: string): { x: number; y: number; r: number } | null;
  nodeIds(): string[];
}
declare global {
  interface Window {
    __samlaGraph?: GraphHook;
    __longTasks: { start: number; duration: number }[];
  }
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function startStack(): Promise<{ webUrl: string; stop: () => Promise<void> }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "samla-bench-"));
  const [web, api, idp] = [await freePort(), await freePort(), await freePort()];
  const child: ChildProcess = spawn("npx", ["tsx", "scripts/start.ts"], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: path.join(dataDir, "pglite"),
      KEYCLOAK_URL: "",
      SAMLA_SEED_SCALE: "national",
      SAMLA_WEB_PORT: String(web),
      SAMLA_API_PORT: String(api),
      SAMLA_IDP_PORT: String(idp),
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`stack did not start in 10 minutes:\n${output.slice(-3000)}`)), 600_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Samla is running")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`stack exited (${code}):\n${output.slice(-3000)}`));
    });
  });
  child.once("exit", (code) => console.error(`the stack exited (${code}) during the benchmark:\n${output.slice(-2000)}`));
  return {
    webUrl: `http://localhost:${web}`,
    stop: async () => {
      child.removeAllListeners("exit");
      try {
        if (child.pid && child.exitCode === null) process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
      await new Promise((resolve) => setTimeout(resolve, 1500));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

interface Figures {
  name: string;
  renderer: string;
  nodes: number;
  edges: number;
  firstPaintMs: number;
  interactiveMs: number;
  fps: number;
  longestTaskMs: number;
  /** Reference rows are printed without a verdict. */
  reference: boolean;
}

/** Opens `url` and waits for the graph, then measures as described at the top. */
async function measure(page: Page, name: string, url: string, reference = false): Promise<Figures> {
  await page.goto(url);
  await page.waitForFunction(
    () => {
      const hook = window.__samlaGraph;
      if (!hook || hook.layouts === 0 || hook.layoutBusy) return false;
      // The overview has drawn a frame of the laid-out graph; cytoscape draws on placing.
      return hook.renderer === "cytoscape" || (hook.lastFrameAt ?? 0) >= (performance.getEntriesByName("samla-graph:layout-done").at(-1)?.startTime ?? Infinity);
    },
    null,
    { timeout: 600_000, polling: 50 },
  );
  // Interactive: a task queued now runs once the main thread is free to answer input.
  const render = await page.evaluate(async () => {
    const hook = window.__samlaGraph!;
    // The data arrives in one answer, or (national view) the offices and then the open offices' contents.
    const data = Math.max(
      performance.getEntriesByName("samla-graph:data").at(-1)?.startTime ?? 0,
      performance.getEntriesByName("samla-graph:office-data").at(-1)?.startTime ?? 0,
    );
    const placed = performance.getEntriesByName("samla-graph:layout-done").at(-1)?.startTime ?? performance.now();
    const painted = hook.renderer === "overview" ? hook.lastFrameAt! : placed;
    const free = await new Promise<number>((resolve) => setTimeout(() => resolve(performance.now()), 0));
    return { firstPaintMs: painted - data, interactiveMs: Math.max(painted, free) - data, interactiveAt: free, nodes: hook.nodeCount(), edges: hook.edgeCount(), renderer: hook.renderer };
  });
  if (process.env.BENCH_SCREENSHOTS) {
    await page.screenshot({ path: path.join(process.env.BENCH_SCREENSHOTS, `${name.replace(/\W+/g, "-")}.png`) });
  }
  const interaction = await panAndZoom(page);
  const longest = await page.evaluate(
    (since) => Math.max(0, ...window.__longTasks.filter((task) => task.start + task.duration > since).map((task) => task.duration)),
    render.interactiveAt,
  );
  return { name, renderer: render.renderer, nodes: render.nodes, edges: render.edges, firstPaintMs: render.firstPaintMs, interactiveMs: render.interactiveMs, fps: interaction, longestTaskMs: longest, reference };
}

/** Drags and wheels over the canvas for 4 s; returns frames per second meanwhile. */
async function panAndZoom(page: Page): Promise<number> {
  await showCanvas(page);
  const box = (await page.getByTestId("graph-canvas").boundingBox())!;
  const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.evaluate(() => {
    const state = { frames: 0, running: true, started: performance.now(), ended: 0 };
    (window as unknown as { __fps: typeof state }).__fps = state;
    const tick = () => {
      state.frames += 1;
      if (state.running) requestAnimationFrame(tick);
      else state.ended = performance.now();
    };
    requestAnimationFrame(tick);
  });
  const until = Date.now() + 4000;
  let step = 0;
  while (Date.now() < until) {
    step += 1;
    if (step % 2 === 0) {
      await page.mouse.move(cx, cy);
      await page.mouse.down();
      await page.mouse.move(cx + 80 * Math.sin(step), cy + 60 * Math.cos(step), { steps: 4 });
      await page.mouse.up();
    } else {
      await page.mouse.move(cx, cy);
      await page.mouse.wheel(0, step % 4 === 1 ? -240 : 240);
    }
  }
  return page.evaluate(async () => {
    const state = (window as unknown as { __fps: { frames: number; running: boolean; started: number; ended: number } }).__fps;
    state.running = false;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    return (state.frames / (state.ended - state.started)) * 1000;
  });
}

/** Scrolls the whole canvas into the viewport: the mouse only reaches what is on screen. */
async function showCanvas(page: Page) {
  await page.evaluate(() => document.querySelector("[data-testid=graph-canvas]")!.scrollIntoView({ block: "end" }));
}

/** The national view's offices by drawn size (the circle grows with the head count), largest first. */
async function officesBySize(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const hook = window.__samlaGraph!;
    return hook
      .nodeIds()
      .map((id) => ({ id, r: hook.screenPosition!(id)?.r ?? 0 }))
      .filter((item) => item.id.startsWith("T2ZmaWNl")) // base64 of "Office"
      .sort((a, b) => b.r - a.r)
      .map((item) => item.id);
  });
}

/** Double-clicks a folded office in the national view; ms until its teams are drawn. */
async function expandOne(page: Page, webUrl: string, officeId: string): Promise<number> {
  await page.goto(`${webUrl}/organisasjon?alle=1`);
  await page.waitForFunction(() => (window.__samlaGraph?.layouts ?? 0) > 0 && (window.__samlaGraph?.lastFrameAt ?? 0) > 0, null, { timeout: 120_000 });
  await showCanvas(page);
  const at = await page.evaluate((id) => window.__samlaGraph!.screenPosition!(id), officeId);
  const box = (await page.getByTestId("graph-canvas").boundingBox())!;
  const started = await page.evaluate(() => performance.now());
  await page.mouse.dblclick(box.x + at!.x, box.y + at!.y);
  return page.evaluate(
    async ({ id, started }) => {
      const hook = window.__samlaGraph!;
      const teamsDrawn = () => hook.nodeIds().some((nodeId) => nodeId !== id && hook.screenPosition!(nodeId) && nodeId.startsWith("VGVhbT")) && hook.drawn!().teams > 0;
      while (!teamsDrawn()) await new Promise((resolve) => requestAnimationFrame(resolve));
      return hook.lastFrameAt! - started;
    },
    { id: officeId, started },
  );
}

const stack = await startStack();
console.log(`stack up at ${stack.webUrl} (national seed)`);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  // As the e2e tests: the 2D canvas rastered in software; WebGL (the cytoscape reference) still
  // runs, on SwiftShader, which --enable-unsafe-swiftshader allows.
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--enable-unsafe-swiftshader", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const results: Figures[] = [];
let expandMs = Number.NaN;
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  // tsx (esbuild keepNames) wraps named functions in __name(); page.evaluate code needs it too.
  await page.addInitScript({ content: "window.__name = (fn) => fn;" });
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: "longtask", buffered: true });
  });
  await page.goto(`${stack.webUrl}/kontorer`);
  await page.fill("#username", "planner");
  await page.fill("#password", "samla-planner");
  await page.click("#kc-login");
  await page.getByRole("heading", { level: 1 }).first().waitFor();

  let synthetic: SyntheticGraph | null = null;
  await routeOrgGraph(page, () => synthetic);

  results.push(await measure(page, "national, offices folded", `${stack.webUrl}/organisasjon?alle=1`));
  const largest = (await officesBySize(page)).slice(0, 10);
  const open = largest.map((id) => `utvidet=${encodeURIComponent(id)}`).join("&");
  results.push(await measure(page, "national, 10 largest offices open", `${stack.webUrl}/organisasjon?alle=1&${open}`));
  // A merger's graph is its offices' graph: the ten largest offices, every person shown.
  const ten = largest.map((id) => `kontor=${encodeURIComponent(id)}`).join("&");
  results.push(await measure(page, "ten offices merging, all open", `${stack.webUrl}/organisasjon?${ten}`));
  results.push(await measure(page, "national, all people", `${stack.webUrl}/organisasjon?alle=1&alle-personer=1`));
  for (const size of [5000, 20000]) {
    synthetic = syntheticGraph(size);
    results.push(await measure(page, `synthetic ${size / 1000}k`, `${stack.webUrl}/organisasjon?kontor=synthetic-${size}`));
  }
  // References: the same 5k graph on cytoscape, canvas and WebGL (SwiftShader).
  synthetic = syntheticGraph(5000);
  results.push(await measure(page, "synthetic 5k on cytoscape (canvas)", `${stack.webUrl}/organisasjon?kontor=synthetic-5000&renderer=cytoscape`, true));
  results.push(await measure(page, "synthetic 5k on cytoscape (WebGL)", `${stack.webUrl}/organisasjon?kontor=synthetic-5000&renderer=cytoscape&webgl=1`, true));
  synthetic = null;

  // Expanding one office: a large one not yet open (its contents are not cached in the page).
  expandMs = await expandOne(page, stack.webUrl, largest[10] ?? largest[0]!);
} finally {
  await browser.close();
  await stack.stop();
}

const row = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;
const verdict = (ok: boolean) => (ok ? "PASS" : "FAIL");
let failed = 0;
console.log("");
console.log(row(["view", "renderer", "nodes", "edges", "first paint ms", "interactive ms", "fps pan/zoom", "longest task after interactive ms", `interactive ≤ ${TARGETS.interactiveMs} ms`, `fps ≥ ${TARGETS.fps}`, `task ≤ ${TARGETS.longestTaskMs} ms`]));
console.log(row(Array(11).fill("---")));
for (const r of results) {
  const checks = [r.interactiveMs <= TARGETS.interactiveMs, r.fps >= TARGETS.fps, r.longestTaskMs <= TARGETS.longestTaskMs];
  if (!r.reference) failed += checks.filter((ok) => !ok).length;
  console.log(
    row([
      r.name,
      r.renderer,
      r.nodes,
      r.edges,
      Math.round(r.firstPaintMs),
      Math.round(r.interactiveMs),
      r.fps.toFixed(1),
      Math.round(r.longestTaskMs),
      ...checks.map((ok) => (r.reference ? `(${ok ? "met" : "missed"}, reference)` : verdict(ok))),
    ]),
  );
}
const expandOk = expandMs <= TARGETS.expandMs;
if (!expandOk) failed += 1;
console.log("");
console.log(`expanding one office in the national view: ${Math.round(expandMs)} ms until its teams are drawn (target ≤ ${TARGETS.expandMs} ms): ${verdict(expandOk)}`);
console.log(failed === 0 ? "bench:graph: every target PASS" : `bench:graph: ${failed} target(s) FAIL`);
process.exit(failed === 0 ? 0 : 1);
