// npm run fuzz [-- --short] [--count N] [--seed S] [--max-seconds T]
// Issue 13's fuzz and abuse suite: a fresh seeded database, the API as a child process on
// 127.0.0.1 with tokens for every role from a local issuer, the named abuse cases, a
// generated corpus of hostile requests over every query and mutation, and last the 8 MB
// document flood. Prints status counts, the API's memory and the row counts, and exits 1 on
// any 5xx, internal error, timeout, crash, unexplained row change or failed case.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import {
  assignRoleBeforeOffice,
  csvFormulaInjection,
  datesOutOfRange,
  hostileStrings,
  largeDocumentFlood,
  longSearch,
  unknownNodes,
  wildcardNames,
  type CaseResult,
} from "./abuse";
import { ApiChild, freePort, RESULTS_DIR } from "./child";
import { buildCorpus, loadSchema } from "./corpus";
import { prepareDatabase, SEED_TODAY } from "./database";
import { diffCounts, Runner, type Counts } from "./runner";
import { CALLERS, ROLES, startTokenIssuer } from "./tokens";

const { values: args } = parseArgs({
  options: {
    short: { type: "boolean", default: false },
    count: { type: "string" },
    seed: { type: "string", default: "13" },
    "max-seconds": { type: "string" },
    "timeout-ms": { type: "string", default: "10000" },
  },
});
const short = args.short ?? false;
const total = Number(args.count ?? (short ? 1500 : 10_000));
const seed = Number(args.seed);
const maxSeconds = Number(args["max-seconds"] ?? (short ? 150 : 1800));
const timeoutMs = Number(args["timeout-ms"]);

const MB = 1024 * 1024;
const mb = (bytes: number) => `${Math.round(bytes / MB)} MB`;
const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;

let api: ApiChild | null = null;
process.on("exit", () => api?.killNow());
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(130));

console.log(`Samla fuzz (${short ? "short" : "full"}): ${total} corpus requests, seed ${seed}, at most ${maxSeconds} s for the corpus`);
const database = await prepareDatabase();
console.log(`[${elapsed()}] database: ${database.label}, pilot seed for ${SEED_TODAY}`);
const issuer = await startTokenIssuer(await freePort());
api = new ApiChild({ databaseUrl: database.url, issuer: issuer.issuer, jwksUrl: issuer.jwksUrl, apiPort: await freePort(), controlPort: await freePort() });

let exitCode = 0;
try {
  await api.start();
  console.log(`[${elapsed()}] API (pid ${api.pid}) on ${api.origin}; log ${path.relative(process.cwd(), api.logFile)}`);
  const runner = new Runner(api, issuer.tokens, timeoutMs);

  // Every role signs in once before the baseline: the API records a user it sees for the
  // first time (SsoUser), which is not a row change of the fuzz.
  for (const role of ROLES) await runner.send(role, "{ viewer { subject } }", {}, { signature: "warm-up" });
  await runner.init();
  const countsBefore: Counts = await runner.fetchCounts();
  const rssBefore = api.rssBytes();
  api.resetPeak();
  const ids = await runner.sampleIds();

  // 1. The named cases (the flood last: it is meant to leave memory behind on an unfixed API).
  const results: CaseResult[] = [];
  const context = { runner, api, ids, short };
  for (const run of [longSearch, hostileStrings, datesOutOfRange, unknownNodes, wildcardNames, csvFormulaInjection, assignRoleBeforeOffice]) {
    try {
      results.push(await run(context));
    } catch (error) {
      results.push({ name: run.name, pass: false, detail: `could not run: ${error instanceof Error ? error.message : String(error)}` });
    }
    console.log(`[${elapsed()}] ${results.at(-1)!.pass ? "PASS" : "FAIL"} ${results.at(-1)!.name}`);
  }

  // 2. The generated corpus.
  const corpus = buildCorpus(loadSchema(), ids, total, seed);
  const corpusStarted = performance.now();
  const rssBeforeCorpus = api.rssBytes();
  let sent = 0;
  for (const fuzzCase of corpus) {
    if ((performance.now() - corpusStarted) / 1000 > maxSeconds) break;
    await runner.send(fuzzCase.caller, fuzzCase.query, fuzzCase.variables, {
      signature: fuzzCase.signature,
      mutationField: fuzzCase.operation === "mutation" ? fuzzCase.field : undefined,
      errorTypes: fuzzCase.errorTypes,
    });
    sent += 1;
    if (sent % 1000 === 0) console.log(`[${elapsed()}] corpus: ${sent}/${corpus.length}, API RSS ${mb(api.rssBytes())}, ${runner.failures.length} failures so far`);
  }
  await runner.checkRows("queries", "", false);
  const corpusSeconds = (performance.now() - corpusStarted) / 1000;
  const rssAfterCorpus = api.rssBytes();
  const peakBeforeFlood = api.peakRss();
  const countsAfterCorpus = await runner.fetchCounts();
  const fields = new Set(corpus.slice(0, sent).map((fuzzCase) => `${fuzzCase.operation}.${fuzzCase.field}`));
  console.log(`[${elapsed()}] corpus: ${sent} requests over ${fields.size} fields × ${CALLERS.length} callers in ${corpusSeconds.toFixed(0)} s${sent < corpus.length ? ` (stopped at the ${maxSeconds} s bound)` : ""}`);

  // 3. The flood.
  try {
    results.push(await largeDocumentFlood(context));
  } catch (error) {
    results.push({ name: "flood", pass: false, detail: `could not run: ${error instanceof Error ? error.message : String(error)}` });
  }
  console.log(`[${elapsed()}] ${results.at(-1)!.pass ? "PASS" : "FAIL"} ${results.at(-1)!.name}`);

  const countsAfter = await runner.fetchCounts();
  const rssAfter = api.rssBytes();
  for (const result of results) if (!result.pass) runner.fail({ kind: "case", signature: result.name, detail: result.detail });

  // ---- report ----
  console.log("\n== Named abuse cases ==");
  for (const result of results) console.log(`${result.pass ? "PASS" : "FAIL"} ${result.name}\n      ${result.detail}`);

  console.log(`\n== Status counts (HTTP status × GraphQL error code or payload), ${runner.requests} requests in all ==`);
  for (const [key, count] of [...runner.tallies].sort((a, b) => b[1] - a[1])) {
    const sample = runner.sampleMessages.get(key);
    console.log(`${String(count).padStart(7)}  ${key.padEnd(34)}${sample ? ` e.g. ${sample}` : ""}`);
  }

  console.log("\n== API memory (RSS) ==");
  console.log(`before: ${mb(rssBefore)}; before the corpus: ${mb(rssBeforeCorpus)}; after the corpus: ${mb(rssAfterCorpus)}; peak before the flood: ${mb(peakBeforeFlood)}; after the flood: ${mb(rssAfter)}; peak overall: ${mb(api.peakRss())}`);

  console.log("\n== Row counts per table (before → after the corpus → after all) ==");
  for (const table of Object.keys(countsBefore).sort()) {
    const a = countsBefore[table] ?? 0;
    const b = countsAfterCorpus[table] ?? 0;
    const c = countsAfter[table] ?? 0;
    console.log(`${table.padEnd(28)} ${String(a).padStart(7)} → ${String(b).padStart(7)} → ${String(c).padStart(7)}${a === c ? "" : "  (changed)"}`);
  }
  const changedTables = diffCounts(countsBefore, countsAfter);

  const byKind = new Map<string, number>();
  for (const failure of runner.failures) byKind.set(failure.kind, (byKind.get(failure.kind) ?? 0) + 1);
  const groups = new Map<string, { count: number; first: (typeof runner.failures)[number] }>();
  for (const failure of runner.failures) {
    const key = `${failure.kind} · ${failure.signature.replace(/ · [^·]+$/, "")}`;
    const group = groups.get(key);
    if (group) group.count += 1;
    else groups.set(key, { count: 1, first: failure });
  }
  console.log(`\n== Failures: ${runner.failures.length} (${[...byKind].map(([kind, n]) => `${n} ${kind}`).join(", ") || "none"}); API crashes: ${api.crashes} ==`);
  for (const [key, group] of [...groups].sort((a, b) => b[1].count - a[1].count).slice(0, 60)) {
    console.log(`${String(group.count).padStart(5)}× ${key}\n        e.g. ${group.first.signature}: ${group.first.detail}${group.first.repro ? `\n        repro ${group.first.repro}` : ""}`);
  }
  if (groups.size > 60) console.log(`  … ${groups.size - 60} more groups in the report file`);

  mkdirSync(RESULTS_DIR, { recursive: true });
  const reportFile = path.join(RESULTS_DIR, "fuzz-report.json");
  writeFileSync(
    reportFile,
    JSON.stringify(
      {
        mode: short ? "short" : "full",
        seed,
        database: database.kind,
        requests: runner.requests,
        corpusRequests: sent,
        tallies: Object.fromEntries(runner.tallies),
        sampleMessages: Object.fromEntries(runner.sampleMessages),
        memory: { rssBefore, rssBeforeCorpus, rssAfterCorpus, peakBeforeFlood, rssAfter, peak: api.peakRss() },
        countsBefore,
        countsAfterCorpus,
        countsAfter,
        changedTables,
        cases: results,
        crashes: api.crashes,
        failures: runner.failures,
      },
      null,
      1,
    ),
  );
  console.log(`\nFull report: ${path.relative(process.cwd(), reportFile)}; API log: ${path.relative(process.cwd(), api.logFile)}`);
  exitCode = runner.failures.length > 0 ? 1 : 0;
  console.log(exitCode === 0 ? `PASS (${elapsed()})` : `FAIL: ${runner.failures.length} failures (${elapsed()})`);
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  await api.stop();
  await issuer.close();
  await database.remove();
}
process.exit(exitCode);
