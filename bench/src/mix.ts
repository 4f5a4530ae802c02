// --users N: the web app's page mix against Samla only. N virtual users each open a page,
// wait 0-1 s, open the next, until BENCH_MIX_SECONDS are up. A page sends what the web app
// sends when it opens (same documents, same variables, the same parallel and sequential
// requests); HR's page as an HR user, the others as a planner.
import { loadavg } from "node:os";
import pg from "pg";
import { parseImpactChoice, resolveImpactChoice } from "../../web/app/adoption/impact/url-state";
import { comparisonVariables, parseCompareState } from "../../web/app/methods/compare/url-state";
import { dashboardFilter, parseDashboardState } from "../../web/app/adoption/dashboard/url-state";
import { toOfficeFilterInput, parseOfficeSearch } from "../../web/app/offices/filter";
import { todayInNorway } from "../../web/app/lib/dates";
import { globalId } from "./canonical";
import type { Documents } from "./documents";
import { ms, num, percentile, table } from "./format";
import { cpuMillis, stopChild } from "./processes";
import { benchUrls, DATABASE } from "./database";
import { DatabaseCpu } from "./load";
import { applicationName, startSamla } from "./servers";
import { webHeaders } from "./targets";
import type { BenchUser, TokenIssuer } from "./tokens";

const TARGET_P50_MS = 300;
const TARGET_P99_MS = 1500;
const REQUEST_TIMEOUT_MS = 30_000;
const THINK_MS = 1000;
/** Words HR searches for (/hr?q=…). */
const SEARCHES = ["an", "ol", "berg", "sen", "kari", "lie", "nilsen", "ha"];

interface Sample {
  page: string;
  operation: string;
  ms: number;
  ok: boolean;
}

interface PageSample {
  page: string;
  ms: number;
  ok: boolean;
}

// GraphQL answers are read by shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Data = any;

type Call = (operation: keyof Documents, variables: Record<string, unknown>) => Promise<Data>;

/** Deterministic random numbers (mulberry32), so two runs open the same pages. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Page {
  name: string;
  /** The route the web app shows it on. */
  route: string;
  user: BenchUser;
  open(call: Call, pick: () => number): Promise<void>;
}

function pages(officeIds: string[]): Page[] {
  const today = todayInNorway();
  const anyOffice = (pick: () => number) => globalId("Office", officeIds[Math.floor(pick() * officeIds.length)]!);
  return [
    {
      name: "overview",
      route: "/",
      user: "planner",
      open: async (call) => void (await call("Overview", {})),
    },
    {
      // The office first; its OfficeGraph asks for the office's orgGraph once the office is shown.
      name: "office page",
      route: "/kontorer/:id",
      user: "planner",
      open: async (call, pick) => {
        const id = anyOffice(pick);
        await call("OfficePage", { id });
        await call("OrgGraphView", { scope: { officeIds: [id] } });
      },
    },
    {
      name: "office list",
      route: "/kontorer",
      user: "planner",
      open: async (call) => void (await call("OfficesList", { filter: toOfficeFilterInput(parseOfficeSearch(new URLSearchParams())), first: 25, after: null })),
    },
    {
      // The scope pickers page through every office (100 at a time) while the graph loads.
      name: "org graph",
      route: "/organisasjon?kontor=:id",
      user: "planner",
      open: async (call, pick) => {
        const id = anyOffice(pick);
        const options = (async () => {
          let page = await call("GraphScopeOptions", {});
          while (page.offices.pageInfo.hasNextPage) page = await call("GraphScopeOptions", { after: page.offices.pageInfo.endCursor });
        })();
        await Promise.all([options, call("OrgGraphView", { scope: { officeIds: [id] } })]);
      },
    },
    {
      name: "people search",
      route: "/hr?q=…",
      user: "hr",
      open: async (call, pick) => {
        const text = SEARCHES[Math.floor(pick() * SEARCHES.length)]!;
        await Promise.all([
          call("HrRoles", {}),
          call("HrPeople", { filter: { text }, first: 25, after: null }),
          call("HrOfficeSearch", { text: null, id: "none", withSelected: false }),
        ]);
      },
    },
    {
      name: "comparison",
      route: "/sammenlign",
      user: "planner",
      open: async (call) => {
        const variables = comparisonVariables(parseCompareState(new URLSearchParams()), today);
        await Promise.all([
          call("MethodComparison", { ...variables }),
          call("MethodCaseFlows", { ...variables, serviceId: null }),
          call("CompareOfficeOptions", { text: null, search: false, ids: [] }),
        ]);
      },
    },
    {
      // The dashboard, the wave picker and the impact analysis's choices; then its default analysis.
      name: "dashboard",
      route: "/innforing",
      user: "planner",
      open: async (call) => {
        const filter = dashboardFilter(parseDashboardState(new URLSearchParams()), today);
        const impact = (async () => {
          const choices = await call("ImpactChoices", {});
          const choice = parseImpactChoice(new URLSearchParams());
          const { practice, kpi } = resolveImpactChoice(choice, choices.practices, choices.kpis);
          if (practice && kpi) await call("AdoptionImpact", { practiceId: practice.id, kpiId: kpi.id, windowMonths: choice.windowMonths });
        })();
        await Promise.all([call("AdoptionDashboard", { filter: { ...filter } }), call("AdoptionWaves", {}), impact]);
      },
    },
  ];
}

class RequestFailed extends Error {}

export async function runMix(options: {
  users: number;
  seconds: number;
  workers: number;
  databaseUrl: string;
  tokens: TokenIssuer;
  documents: Documents;
  preferredPort: number;
}): Promise<boolean> {
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  const officeIds = (await client.query<{ id: string }>(`SELECT "id" FROM "Office" ORDER BY "id"`)).rows.map((row) => row.id);
  await client.end();

  const label = `Samla ×${options.workers}`;
  console.log(`\nStarting ${label} on 127.0.0.1 …`);
  const samla = await startSamla({ label, preferredPort: options.preferredPort, workers: options.workers, databaseUrl: options.databaseUrl, tokens: options.tokens });
  const url = `${samla.origin}/graphql`;
  const headers = {
    planner: webHeaders(await options.tokens.token("planner")),
    hr: webHeaders(await options.tokens.token("hr")),
  };
  const mix = pages(officeIds);
  console.log(
    `Page mix: ${options.users} virtual users for ${options.seconds} s, each opening pages at random ` +
      `(${mix.map((page) => page.route).join(", ")}) with 0-${THINK_MS / 1000} s between pages`,
  );

  // Warm up: every page once, one after the other.
  const warm = random(1);
  for (const page of mix) {
    await page.open(async (operation, variables) => {
      const response = await fetch(url, { method: "POST", headers: headers[page.user], body: JSON.stringify({ query: options.documents[operation], variables }) });
      const body = (await response.json()) as { data?: Data; errors?: unknown };
      if (!response.ok || body.errors || !body.data) throw new Error(`warm-up ${page.name}/${operation}: ${JSON.stringify(body).slice(0, 300)}`);
      return body.data;
    }, warm);
  }

  const busy = loadavg()[0]!;
  if (busy > 1) console.log(`  Note: the machine's load average is ${busy.toFixed(1)} before the mix starts: other work shares the CPU.`);
  const dbCpu = await DatabaseCpu.open(benchUrls().admin, DATABASE);
  const dbBefore = await dbCpu?.sample(applicationName(label));
  const samples: Sample[] = [];
  const pageSamples: PageSample[] = [];
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  const cpuBefore = cpuMillis(samla.child.pid);
  let lastReport = started;

  const virtualUser = async (index: number) => {
    const pick = random(1000 + index);
    // Users do not all arrive in the same millisecond.
    await new Promise((resolve) => setTimeout(resolve, pick() * THINK_MS));
    while (performance.now() < deadline) {
      const page = mix[Math.floor(pick() * mix.length)]!;
      const call: Call = async (operation, variables) => {
        const t0 = performance.now();
        let ok = false;
        try {
          const response = await fetch(url, {
            method: "POST",
            headers: headers[page.user],
            body: JSON.stringify({ query: options.documents[operation], variables }),
            signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
          });
          const body = (await response.json()) as { data?: Data; errors?: unknown };
          ok = response.ok && !body.errors && Boolean(body.data);
          if (!ok) throw new RequestFailed(`${operation}: HTTP ${response.status}`);
          return body.data;
        } catch (error) {
          throw error instanceof RequestFailed ? error : new RequestFailed(`${operation}: ${String(error)}`);
        } finally {
          samples.push({ page: page.name, operation, ms: performance.now() - t0, ok });
        }
      };
      const t0 = performance.now();
      let ok = true;
      try {
        await page.open(call, pick);
      } catch {
        ok = false;
      }
      pageSamples.push({ page: page.name, ms: performance.now() - t0, ok });
      if (performance.now() - lastReport > 10_000) {
        lastReport = performance.now();
        const seconds = (lastReport - started) / 1000;
        console.log(`  ${seconds.toFixed(0).padStart(3)} s: ${samples.length} requests, ${pageSamples.length} pages, ${samples.filter((s) => !s.ok).length} errors`);
      }
      await new Promise((resolve) => setTimeout(resolve, pick() * THINK_MS));
    }
  };
  await Promise.all(Array.from({ length: options.users }, (_, index) => virtualUser(index)));
  const elapsed = (performance.now() - started) / 1000;
  const cpu = cpuMillis(samla.child.pid) - cpuBefore;
  const db = dbCpu && dbBefore ? DatabaseCpu.difference(dbBefore, await dbCpu.sample(applicationName(label))) : NaN;
  await dbCpu?.close();
  await stopChild(samla.child);

  // ---- Report -----------------------------------------------------------------------------
  const stats = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return { p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
  };
  const rows = mix.map((page) => {
    const requests = samples.filter((sample) => sample.page === page.name);
    const opened = pageSamples.filter((sample) => sample.page === page.name);
    const request = stats(requests.map((sample) => sample.ms));
    const whole = stats(opened.map((sample) => sample.ms));
    return [
      `${page.name} (${page.route})`,
      String(opened.length),
      ms(whole.p50),
      ms(whole.p99),
      num(requests.length / elapsed),
      ms(request.p50),
      ms(request.p99),
      String(requests.filter((sample) => !sample.ok).length),
    ];
  });
  const overall = stats(samples.map((sample) => sample.ms));
  const errors = samples.filter((sample) => !sample.ok).length;
  rows.push(["all pages", String(pageSamples.length), ms(stats(pageSamples.map((s) => s.ms)).p50), ms(stats(pageSamples.map((s) => s.ms)).p99),
    num(samples.length / elapsed), ms(overall.p50), ms(overall.p99), String(errors)]);
  console.log(`\nPage mix against ${label}: ${options.users} users, ${elapsed.toFixed(0)} s (in-flight pages finished after the deadline)`);
  console.log(table(["page", "pages", "page p50 ms", "page p99 ms", "requests/s", "request p50 ms", "request p99 ms", "errors"], rows));
  console.log(
    `\n  Samla's CPU: ${ms(cpu / Math.max(1, samples.length))} ms per request, ${num(cpu / (elapsed * 1000), 2)} cores busy on average` +
      (Number.isFinite(db) ? `; PostgreSQL's: ${ms(db / Math.max(1, samples.length))} ms per request, ${num(db / (elapsed * 1000), 2)} cores` : ""),
  );
  const verdicts = [
    ["request p50 ≤ 300 ms", overall.p50 <= TARGET_P50_MS, `${ms(overall.p50)} ms`],
    ["request p99 ≤ 1.5 s", overall.p99 <= TARGET_P99_MS, `${ms(overall.p99)} ms`],
    ["zero errors", errors === 0, `${errors} of ${samples.length} requests`],
  ] as const;
  console.log(`\nTargets (issue 12, page mix):`);
  console.log(table(["target", "verdict", ""], verdicts.map(([target, pass, detail]) => [target, pass ? "PASS" : "FAIL", detail])));
  const failed = verdicts.some(([, pass]) => !pass);
  console.log(`\n${failed ? "FAIL" : "PASS"}: page mix with ${options.users} users`);
  return failed;
}
