// npm run bench:api — the yardstick of issue 12: Samla's API against PostGraphile 5 and one
// hand-written SQL statement per workload, on one PostgreSQL database with the national
// data set, each workload exactly as the web app sends it.
//
//   npm run bench:api                                   every workload, every server
//   npm run bench:api -- --only officePage,orgGraphOffice --servers samla,sql
//   npm run bench:api -- --users 200                    the web's page mix, 200 virtual users, Samla only
//   npm run bench:api -- --fresh                        rebuild the database first
//
// Env: DATABASE_URL (the PostgreSQL server; default the local socket), BENCH_SECONDS (10),
// BENCH_ROUNDS (2), BENCH_CONNECTIONS ("10,50"), BENCH_WARMUP_SECONDS (2),
// BENCH_STATEMENT_RUNS (20), BENCH_MIX_SECONDS (60). See README "Benchmarks".
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import pg from "pg";
import { benchUrls, DATABASE, prepareDatabase } from "./database";
import { loadDocuments } from "./documents";
import { checkEquality, type EqualityResult } from "./equality";
import { median, ms, num, ratio, table } from "./format";
import { DatabaseCpu, runLoad, type RunResult } from "./load";
import { runMix } from "./mix";
import { freePort, installExitHandlers, onExit, reapLeftovers, stopChild } from "./processes";
import { describeProcesses, LOG_DIR, startPostGraphile, startSamla, startSqlReference } from "./servers";
import { startStatementCounter } from "./statement-counter";
import { countStatements, type StatementCount } from "./statements";
import { requestFor, type Server, type ServerKind } from "./targets";
import { startTokenIssuer } from "./tokens";
import { buildWorkloads, WORKLOAD_NAMES, type BigOffice, type Workload } from "./workloads";

const HELP = `npm run bench:api -- [options]

  --only <workload,...>     ${WORKLOAD_NAMES.join(", ")}
  --servers <kind,...>      samla (both ×1 and ×2), samla1, samla2, postgraphile, sql (default all)
  --users <n> | --mix       the web app's page mix with n (200) virtual users against Samla only
  --workers <n>             processes for Samla in --users mode (SAMLA_API_WORKERS, default 1)
  --check                   statement counts and the equality check only, no load
  --fresh                   drop and rebuild the database samla_bench_api first
  -h, --help

Env: DATABASE_URL, BENCH_SECONDS (10), BENCH_ROUNDS (2), BENCH_CONNECTIONS (10,50),
     BENCH_WARMUP_SECONDS (2), BENCH_STATEMENT_RUNS (20), BENCH_MIX_SECONDS (60)`;

const SERVER_CHOICES = ["samla", "samla1", "samla2", "postgraphile", "sql"];

const PORTS = { jwks: 4790, samla1: 4701, samla2: 4702, postgraphile: 4703, sql: 4704, countingSamla: 4705, countingProxy: 4706, mixSamla: 4710 };

/** Statements per request and p50 against the reference, for the office page and orgGraph. */
const MAX_STATEMENTS = 3;
const MAX_P50_VS_SQL = 3;

function envNumber(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? "");
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

function parseOptions() {
  const { values } = parseArgs({
    options: {
      only: { type: "string" },
      servers: { type: "string" },
      users: { type: "string" },
      mix: { type: "boolean", default: false },
      workers: { type: "string" },
      fresh: { type: "boolean", default: false },
      check: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  const list = (text: string | undefined) => (text ? text.split(",").map((item) => item.trim()).filter(Boolean) : null);
  const only = list(values.only);
  for (const name of only ?? []) {
    if (!(WORKLOAD_NAMES as readonly string[]).includes(name)) throw new Error(`Unknown workload "${name}": ${WORKLOAD_NAMES.join(", ")}`);
  }
  const servers = list(values.servers) ?? ["samla", "postgraphile", "sql"];
  for (const kind of servers) {
    if (!SERVER_CHOICES.includes(kind)) throw new Error(`Unknown server "${kind}": ${SERVER_CHOICES.join(", ")}`);
  }
  const users = values.users ? Number(values.users) : values.mix ? 200 : null;
  if (users !== null && !(Number.isInteger(users) && users > 0 && users <= 1000)) throw new Error("--users takes 1-1000");
  const connections = (process.env.BENCH_CONNECTIONS ?? "10,50").split(",").map(Number).filter((n) => Number.isInteger(n) && n > 0);
  return {
    only,
    servers,
    users,
    workers: values.workers ? Number(values.workers) : 1,
    fresh: values.fresh,
    checkOnly: values.check,
    seconds: envNumber("BENCH_SECONDS", 10),
    rounds: Math.round(envNumber("BENCH_ROUNDS", 2)),
    connections: connections.length > 0 ? connections : [10, 50],
    warmupSeconds: envNumber("BENCH_WARMUP_SECONDS", 2),
    statementRuns: Math.round(envNumber("BENCH_STATEMENT_RUNS", 20)),
    mixSeconds: envNumber("BENCH_MIX_SECONDS", 60),
  };
}

/** The office with the most people assigned today (the web's heaviest office page). */
async function largestOffice(url: string): Promise<BigOffice> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<BigOffice>(`
      SELECT o."id", o."name", count(DISTINCT a."personId")::int AS "people",
             (SELECT count(*)::int FROM "Team" x WHERE x."officeId" = o."id") AS "teams"
      FROM "Office" o
      JOIN "Team" t ON t."officeId" = o."id"
      JOIN "Assignment" a ON a."teamId" = t."id"
      CROSS JOIN (SELECT (now() AT TIME ZONE 'Europe/Oslo')::date AS "d") today
      WHERE a."startDate" <= today."d" AND (a."endDate" IS NULL OR a."endDate" >= today."d")
      GROUP BY o."id", o."name"
      ORDER BY "people" DESC, o."id"
      LIMIT 1`);
    const office = result.rows[0];
    if (!office) throw new Error("The bench database has no office with people: run with --fresh");
    return office;
  } finally {
    await client.end();
  }
}

interface Cell {
  workload: Workload;
  connections: number;
  runs: Map<string, RunResult[]>;
}

function summarise(runs: RunResult[]) {
  const requests = runs.reduce((sum, run) => sum + run.requests, 0);
  const cpu = runs.reduce((sum, run) => sum + (Number.isFinite(run.cpuMsPerRequest) ? run.cpuMsPerRequest * run.requests : 0), 0);
  const dbCpu = runs.reduce((sum, run) => sum + (Number.isFinite(run.dbCpuMsPerRequest) ? run.dbCpuMsPerRequest * run.requests : NaN), 0);
  return {
    rps: runs.reduce((sum, run) => sum + run.rps, 0) / runs.length,
    rpsMin: Math.min(...runs.map((run) => run.rps)),
    rpsMax: Math.max(...runs.map((run) => run.rps)),
    p50: median(runs.map((run) => run.p50)),
    p99: Math.max(...runs.map((run) => run.p99)),
    errors: runs.reduce((sum, run) => sum + run.errors + run.non2xx + run.mismatches, 0),
    cpuMsPerRequest: requests > 0 ? cpu / requests : NaN,
    dbCpuMsPerRequest: requests > 0 ? dbCpu / requests : NaN,
  };
}

function runLine(run: RunResult): string {
  const problems = run.errors + run.non2xx + run.mismatches;
  return (
    `${run.server.padEnd(14)} ${num(run.rps).padStart(7)} req/s  p50 ${ms(run.p50).padStart(6)} ms  p99 ${ms(run.p99).padStart(6)} ms  ` +
    `${String(run.requests).padStart(6)} requests  ${problems === 0 ? "no errors" : `${run.errors} errors, ${run.non2xx} non-2xx, ${run.mismatches} wrong answers`}  ` +
    `CPU ${ms(run.cpuMsPerRequest)} + DB ${ms(run.dbCpuMsPerRequest)} ms/req`
  );
}

async function main(): Promise<void> {
  const options = parseOptions();
  installExitHandlers();
  reapLeftovers(LOG_DIR);
  const started = performance.now();
  console.log("bench:api — Samla's API against PostGraphile 5 and one SQL statement per workload\n");

  const documents = await loadDocuments();
  const database = await prepareDatabase({ fresh: options.fresh });
  const office = await largestOffice(database.url);
  const allWorkloads = buildWorkloads(documents, office);
  const workloads = options.only ? allWorkloads.filter((w) => options.only!.includes(w.name)) : allWorkloads;

  const tokens = await startTokenIssuer(await freePort(PORTS.jwks));
  onExit(() => void tokens.close());

  if (options.users !== null) {
    const failed = await runMix({
      users: options.users,
      seconds: options.mixSeconds,
      workers: options.workers,
      databaseUrl: database.url,
      tokens,
      documents,
      preferredPort: PORTS.mixSamla,
    });
    console.log(`\nTook ${((performance.now() - started) / 60_000).toFixed(1)} min. Server logs: ${LOG_DIR}`);
    process.exitCode = failed ? 1 : 0;
    return;
  }

  // ---- Servers -------------------------------------------------------------------------
  console.log(`\nStarting the servers on 127.0.0.1 (logs in ${LOG_DIR}) …`);
  const counter = await startStatementCounter(database.url, await freePort(PORTS.countingProxy));
  onExit(() => void counter.close());
  const wants = (kind: ServerKind | "samla1" | "samla2") =>
    options.servers.includes(kind) || (kind.startsWith("samla") && options.servers.includes("samla"));
  const [countingSamla, samla1, samla2, postgraphile, sql] = await Promise.all([
    startSamla({ label: "Samla (counted)", preferredPort: PORTS.countingSamla, workers: 1, databaseUrl: counter.url, tokens }),
    wants("samla1") ? startSamla({ label: "Samla ×1", preferredPort: PORTS.samla1, workers: 1, databaseUrl: database.url, tokens }) : null,
    wants("samla2") ? startSamla({ label: "Samla ×2", preferredPort: PORTS.samla2, workers: 2, databaseUrl: database.url, tokens }) : null,
    wants("postgraphile") ? startPostGraphile(PORTS.postgraphile, database.url) : null,
    wants("sql") ? startSqlReference(PORTS.sql, database.url) : null,
  ]);
  const servers = [samla1, samla2, postgraphile, sql].filter((server): server is Server => server !== null);
  for (const server of [countingSamla, ...servers]) console.log(`  ${server.label.padEnd(16)} ${server.origin}  (${describeProcesses(server)})`);

  // ---- SQL statements per Samla request --------------------------------------------------
  console.log(`\nSQL statements per Samla request (${options.statementRuns} requests one after the other, counted on the wire; BEGIN/COMMIT not counted):`);
  const statements = new Map<string, StatementCount>();
  for (const workload of workloads) {
    const count = await countStatements(counter, (await requestFor(countingSamla, workload, tokens))!, options.statementRuns);
    statements.set(workload.name, count);
    const control = count.controlPerRequest > 0 ? ` (+${num(count.controlPerRequest, 1)} BEGIN/COMMIT…)` : "";
    console.log(`  ${workload.name.padEnd(18)} ${num(count.perRequest, 1).padStart(5)}${control}`);
    for (const shape of count.shapes.slice(0, workload.graphTargets ? 8 : 3)) {
      console.log(`      ${num(shape.perRequest, 1).padStart(4)} × ${shape.text}`);
    }
    if (count.shapes.length > (workload.graphTargets ? 8 : 3)) console.log(`      … ${count.shapes.length - (workload.graphTargets ? 8 : 3)} more shapes`);
  }

  // ---- Equality --------------------------------------------------------------------------
  const equality = await checkEquality(workloads, countingSamla, servers, tokens);
  await stopChild(countingSamla.child);
  await counter.close();
  const mismatches = equality.filter((result) => !result.ok);
  if (options.checkOnly) {
    console.log(`\n${mismatches.length === 0 ? "OK" : "MISMATCH"}: --check, no load`);
    process.exitCode = mismatches.length === 0 ? 0 : 1;
    return;
  }
  const stable = new Map(equality.map((result) => [`${result.workload}|${result.server}`, result]));

  // ---- Load ------------------------------------------------------------------------------
  console.log(
    `\nLoad: autocannon, ${options.seconds} s per run, ${options.rounds} round${options.rounds === 1 ? "" : "s"}, ` +
      `${options.connections.join(" and ")} connections, servers in turn (${servers.map((s) => s.label).join(", ")} …)`,
  );
  const busy = loadavg()[0]!;
  if (busy > 1) {
    console.log(`  Note: the machine's load average is ${busy.toFixed(1)} before the load starts: other work shares the CPU, figures will be noisy.`);
  }
  const dbCpu = await DatabaseCpu.open(benchUrls().admin, DATABASE);
  if (dbCpu) onExit(() => void dbCpu.close());
  const cells: Cell[] = [];
  const warmed = new Set<string>();
  for (const workload of workloads) {
    const serving: { server: Server; request: NonNullable<Awaited<ReturnType<typeof requestFor>>>; check: EqualityResult | undefined }[] = [];
    for (const server of servers) {
      const request = await requestFor(server, workload, tokens);
      const check = stable.get(`${workload.name}|${server.label}`);
      // Figures for other rows than Samla's would compare nothing: a mismatch is not loaded.
      if (request && check?.ok !== false) serving.push({ server, request, check });
    }
    const skipped = servers.filter((server) => stable.get(`${workload.name}|${server.label}`)?.ok === false);
    for (const connections of options.connections) {
      console.log(`\n${workload.title} — ${workload.name}, ${connections} connections`);
      const cell: Cell = { workload, connections, runs: new Map() };
      cells.push(cell);
      for (const server of skipped) console.log(`  ${server.label}: not loaded (MISMATCH in the equality check)`);
      for (const { server, request } of serving) {
        const key = `${workload.name}|${server.label}`;
        if (warmed.has(key)) continue;
        warmed.add(key);
        await runLoad(server, request, { connections: Math.min(connections, 10), seconds: options.warmupSeconds, expectBody: null });
      }
      for (let round = 1; round <= options.rounds; round++) {
        for (const { server, request, check } of serving) {
          const run = await runLoad(server, request, {
            connections,
            seconds: options.seconds,
            expectBody: check?.ok ? check.stableBody : null,
          }, dbCpu ?? undefined);
          const runs = cell.runs.get(server.label) ?? [];
          runs.push(run);
          cell.runs.set(server.label, runs);
          console.log(`  round ${round}  ${runLine(run)}`);
        }
      }
    }
  }

  // ---- Summary ---------------------------------------------------------------------------
  console.log(
    "\n\nSummary (req/s: mean over rounds, min-max; p50: median of rounds; p99: worst round; CPU ms/req: the server's process tree; " +
      "DB CPU: PostgreSQL's backends for it, ms/req; SQL stmts: per Samla request)",
  );
  const rows: string[][] = [];
  for (const cell of cells) {
    const get = (label: string) => (cell.runs.has(label) ? summarise(cell.runs.get(label)!) : null);
    const pgl = get("PostGraphile");
    const ref = get("SQL reference");
    for (const [label, runs] of cell.runs) {
      const s = summarise(runs);
      const isSamla = label.startsWith("Samla");
      rows.push([
        `${cell.workload.name} @${cell.connections}`,
        label,
        `${num(s.rps)} (${num(s.rpsMin)}-${num(s.rpsMax)})`,
        ms(s.p50),
        ms(s.p99),
        String(s.errors),
        ms(s.cpuMsPerRequest),
        ms(s.dbCpuMsPerRequest),
        isSamla && pgl ? ratio(s.rps / pgl.rps) : "",
        isSamla && ref ? ratio(s.rps / ref.rps) : "",
        isSamla && ref ? ratio(s.p50 / ref.p50) : "",
        isSamla ? num(statements.get(cell.workload.name)?.perRequest ?? NaN, 1) : "",
      ]);
    }
  }
  console.log(
    table(
      ["workload @connections", "server", "req/s", "p50 ms", "p99 ms", "errors", "CPU ms/req", "DB CPU", "÷PostGraphile", "÷SQL", "p50÷SQL p50", "SQL stmts"],
      rows,
    ),
  );
  const notExpressed = workloads.filter((w) => !w.postgraphile);
  if (notExpressed.length > 0 && wants("postgraphile")) {
    console.log(`\n  PostGraphile n/a for ${notExpressed.map((w) => w.name).join(", ")}: ${notExpressed[0]!.postgraphileReason}.`);
  }

  // ---- Targets ---------------------------------------------------------------------------
  console.log("\nTargets (issue 12; Samla ×1, one process like PostGraphile and the reference):");
  const verdicts: { target: string; verdict: "PASS" | "FAIL" | "n/a" | "not measured"; detail: string }[] = [];
  for (const result of mismatches) {
    verdicts.push({ target: `equality ${result.workload}: ${result.server}`, verdict: "FAIL", detail: "different rows than Samla's (see above)" });
  }
  for (const cell of cells) {
    const s1 = cell.runs.get("Samla ×1");
    const where = `${cell.workload.name} @${cell.connections}`;
    const pgl = cell.runs.get("PostGraphile");
    const ref = cell.runs.get("SQL reference");
    if (!cell.workload.postgraphile) {
      verdicts.push({ target: `${where}: req/s ≥ 1.0× PostGraphile`, verdict: "n/a", detail: "PostGraphile cannot express it (see above)" });
    } else if (!s1 || !pgl) {
      const mismatch = [s1, pgl].some((runs) => !runs) && mismatches.some((m) => m.workload === cell.workload.name);
      verdicts.push({
        target: `${where}: req/s ≥ 1.0× PostGraphile`,
        verdict: mismatch ? "FAIL" : "not measured",
        detail: mismatch ? "not loaded: equality MISMATCH" : "filtered out",
      });
    } else {
      const r = summarise(s1).rps / summarise(pgl).rps;
      verdicts.push({ target: `${where}: req/s ≥ 1.0× PostGraphile`, verdict: r >= 1 ? "PASS" : "FAIL", detail: ratio(r) });
    }
    if (cell.workload.graphTargets) {
      if (!s1 || !ref) {
        verdicts.push({ target: `${where}: p50 ≤ ${MAX_P50_VS_SQL}× SQL reference`, verdict: "not measured", detail: "filtered out" });
      } else {
        const r = summarise(s1).p50 / summarise(ref).p50;
        verdicts.push({
          target: `${where}: p50 ≤ ${MAX_P50_VS_SQL}× SQL reference`,
          verdict: r <= MAX_P50_VS_SQL ? "PASS" : "FAIL",
          detail: `${ratio(r)} (${ms(summarise(s1).p50)} vs ${ms(summarise(ref).p50)} ms)`,
        });
      }
    }
    for (const [label, runs] of cell.runs) {
      const bad = summarise(runs).errors;
      if (bad > 0) verdicts.push({ target: `${where}: ${label} answers under load`, verdict: "FAIL", detail: `${bad} errors, non-2xx or wrong answers` });
    }
  }
  for (const workload of workloads.filter((w) => w.graphTargets)) {
    const count = statements.get(workload.name)!;
    verdicts.push({
      target: `${workload.name}: ≤ ${MAX_STATEMENTS} SQL statements per request`,
      verdict: count.perRequest <= MAX_STATEMENTS ? "PASS" : "FAIL",
      detail: num(count.perRequest, 1),
    });
  }
  console.log(table(["target", "verdict", ""], verdicts.map((v) => [v.target, v.verdict, v.detail])));
  const failed = verdicts.filter((v) => v.verdict === "FAIL").length;
  const passed = verdicts.filter((v) => v.verdict === "PASS").length;
  console.log(
    `\n${failed === 0 ? "PASS" : "FAIL"}: ${passed} passed, ${failed} failed` +
      ` (${((performance.now() - started) / 60_000).toFixed(1)} min; server logs in ${LOG_DIR})`,
  );
  process.exitCode = failed === 0 ? 0 : 1;
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  })
  // The exit handler stops the children; exit now rather than wait for idle sockets.
  .finally(() => process.exit());
