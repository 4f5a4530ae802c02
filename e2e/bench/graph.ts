// Graph explorer benchmark (`npm run bench:graph`): starts the product on free ports with a
// national-scale seed in a temporary PGlite directory, signs in, and measures in Chromium
//  - render time: graph data in the page → first layout placed on the canvas,
//  - the layout's own time (in the Web Worker),
//  - frames per second while panning and zooming with the mouse,
//  - the longest main-thread task (PerformanceObserver "longtask") during render and interaction,
// for synthetic graphs of 1k and 5k nodes (the API's answer replaced in the browser) and the
// national data set (collapsed offices, and with the ten largest offices expanded).
import { chromium, type Page } from "@playwright/test";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { routeOrgGraph, syntheticGraph, type SyntheticGraph } from "../src/synthetic-graph";

// What the graph page exposes for tests (web/app/graph/GraphCanvas.tsx), as far as used here.
interface GraphNodeLike {
  id(): string;
  data(name: string): string;
}
interface GraphHook {
  layouts: number;
  lastLayoutMs: number;
  webgl: boolean;
  cy: {
    nodes(selector?: string): { length: number; sort(fn: (a: GraphNodeLike, b: GraphNodeLike) => number): GraphNodeLike[] };
    edges(): { length: number };
  };
}
declare global {
  interface Window {
    __samlaGraph?: GraphHook;
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
  nodes: number;
  edges: number;
  renderMs: number;
  workerLayoutMs: number;
  fps: number;
  longestTaskRenderMs: number;
  longestTaskInteractMs: number;
  webgl: boolean;
}

async function measure(page: Page, name: string, url: string): Promise<Figures> {
  await page.goto(url);
  await page.waitForFunction(() => (window.__samlaGraph?.layouts ?? 0) > 0, null, { timeout: 600_000, polling: 200 });
  const render = await page.evaluate(() => {
    const data = performance.getEntriesByName("samla-graph:data").at(-1)?.startTime ?? 0;
    const done = performance.getEntriesByName("samla-graph:layout-done").at(-1)?.startTime ?? performance.now();
    const tasks = (window as unknown as { __longTasks: number[] }).__longTasks;
    const hook = window.__samlaGraph!;
    return {
      renderMs: done - data,
      workerLayoutMs: hook.lastLayoutMs,
      nodes: hook.cy.nodes().length,
      edges: hook.cy.edges().length,
      webgl: hook.webgl,
      longest: Math.max(0, ...tasks),
    };
  });
  await page.evaluate(() => {
    (window as unknown as { __longTasks: number[] }).__longTasks = [];
  });
  // BENCH_SCREENSHOTS=<dir> keeps a picture of each graph, to look at what was measured.
  if (process.env.BENCH_SCREENSHOTS) {
    await page.screenshot({ path: path.join(process.env.BENCH_SCREENSHOTS, `${name.replace(/\W+/g, "-")}.png`) });
  }

  // Pan (drag) and zoom (wheel) with the mouse for 4 seconds while counting frames.
  const box = (await page.getByTestId("graph-canvas").boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
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
  const interact = await page.evaluate(async () => {
    const state = (window as unknown as { __fps: { frames: number; running: boolean; started: number; ended: number } }).__fps;
    state.running = false;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const tasks = (window as unknown as { __longTasks: number[] }).__longTasks;
    return { fps: (state.frames / (state.ended - state.started)) * 1000, longest: Math.max(0, ...tasks) };
  });
  return {
    name,
    nodes: render.nodes,
    edges: render.edges,
    renderMs: render.renderMs,
    workerLayoutMs: render.workerLayoutMs,
    fps: interact.fps,
    longestTaskRenderMs: render.longest,
    longestTaskInteractMs: interact.longest,
    webgl: render.webgl,
  };
}

const stack = await startStack();
console.log(`stack up at ${stack.webUrl} (national seed)`);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const results: Figures[] = [];
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  // tsx (esbuild keepNames) wraps named functions in __name(); page.evaluate code needs it too.
  await page.addInitScript({ content: "window.__name = (fn) => fn;" });
  await page.addInitScript(() => {
    const tasks: number[] = [];
    (window as unknown as { __longTasks: number[] }).__longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) (window as unknown as { __longTasks: number[] }).__longTasks.push(entry.duration);
    }).observe({ type: "longtask", buffered: true });
  });
  await page.goto(`${stack.webUrl}/kontorer`);
  await page.fill("#username", "planner");
  await page.fill("#password", "samla-planner");
  await page.click("#kc-login");
  await page.getByRole("heading", { level: 1 }).first().waitFor();

  let synthetic: SyntheticGraph | null = null;
  await routeOrgGraph(page, () => synthetic);
  for (const size of [1000, 5000]) {
    synthetic = syntheticGraph(size);
    results.push(await measure(page, `synthetic ${size / 1000}k`, `${stack.webUrl}/organisasjon?kontor=synthetic-${size}`));
  }
  // The same 5k graph on cytoscape's experimental WebGL renderer (opt-in: webgl=1).
  synthetic = syntheticGraph(5000);
  results.push(await measure(page, "synthetic 5k, WebGL", `${stack.webUrl}/organisasjon?kontor=synthetic-5000&webgl=1`));
  synthetic = null;

  results.push(await measure(page, "national (collapsed)", `${stack.webUrl}/organisasjon?alle=1`));
  // The ten largest offices opened, as a user drilling into the national view would.
  const largest = await page.evaluate(() =>
    window.__samlaGraph!.cy
      .nodes(".office")
      .sort((a, b) => Number(/(\d+) personer/.exec(b.data("label"))?.[1] ?? 0) - Number(/(\d+) personer/.exec(a.data("label"))?.[1] ?? 0))
      .slice(0, 10)
      .map((n) => n.id()),
  );
  const expanded = largest.map((id) => `utvidet=${encodeURIComponent(id)}`).join("&");
  results.push(await measure(page, "national, 10 offices open", `${stack.webUrl}/organisasjon?alle=1&${expanded}`));
} finally {
  await browser.close();
  await stack.stop();
}

const row = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;
console.log("");
console.log(row(["graph", "nodes", "edges", "render ms (data → layout placed)", "layout in worker ms", "fps pan/zoom", "longest task render ms", "longest task pan/zoom ms", "WebGL", "responsive"]));
console.log(row(Array(10).fill("---")));
for (const r of results) {
  const longest = Math.max(r.longestTaskRenderMs, r.longestTaskInteractMs);
  console.log(
    row([
      r.name,
      r.nodes,
      r.edges,
      Math.round(r.renderMs),
      Math.round(r.workerLayoutMs),
      r.fps.toFixed(1),
      Math.round(r.longestTaskRenderMs),
      Math.round(r.longestTaskInteractMs),
      r.webgl ? "yes" : "no",
      // RAIL: input answered within 100 ms; a task over 500 ms is a visible freeze.
      longest < 500 ? "yes" : `no (task of ${Math.round(longest)} ms)`,
    ]),
  );
}
