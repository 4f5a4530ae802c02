// `npm test`: everything a fresh machine can run, in order: typecheck, lint, the
// Vitest suites of each workspace (on PGlite, or on PostgreSQL when DATABASE_URL is a
// postgres:// URL), then the Playwright suite in Chromium. Ends with one summary line.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const reports = mkdtempSync(path.join(tmpdir(), "samla-test-"));
const env: NodeJS.ProcessEnv = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", FORCE_COLOR: process.env.CI ? "0" : "1" };
const only = process.argv.slice(2); // e.g. `npm test -- api e2e`
const wanted = (step: string) => only.length === 0 || only.includes(step);

let passed = 0;
let failed = 0;
const failures: string[] = [];

function step(name: string, command: string, args: string[], cwd = root): boolean {
  console.log(`\n=== ${name} ===`);
  const result = spawnSync(command, args, { cwd, stdio: "inherit", env });
  if (result.status !== 0) failures.push(name);
  return result.status === 0;
}

function countVitest(file: string) {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, "utf8")) as { numPassedTests: number; numFailedTests: number };
  passed += report.numPassedTests;
  failed += report.numFailedTests;
}

function countPlaywright(file: string) {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number } };
  passed += report.stats.expected + report.stats.flaky;
  failed += report.stats.unexpected;
}

if (wanted("static")) {
  step("typecheck", "npx", ["turbo", "run", "typecheck", "--output-logs=errors-only"]);
  step("typecheck scripts", "npx", ["tsc", "--noEmit", "-p", "."]);
  step("lint", "npx", ["eslint", ".", "--max-warnings=0"]);
}

for (const workspace of ["schema", "seed", "api", "web"]) {
  if (!wanted(workspace) || !existsSync(path.join(root, workspace, "vitest.config.ts"))) continue;
  const report = path.join(reports, `${workspace}.json`);
  step(`vitest ${workspace}`, "npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile=${report}`], path.join(root, workspace));
  countVitest(report);
}

// Against a real Keycloak (KEYCLOAK_URL, e.g. from scripts/keycloak.sh): the API's token
// checks on Keycloak-issued tokens. The e2e suite then signs in on Keycloak's own pages.
if (wanted("keycloak") && process.env.KEYCLOAK_URL) {
  const report = path.join(reports, "keycloak.json");
  step("vitest api against Keycloak", "npx", ["vitest", "run", "-c", "vitest.keycloak.config.ts", "--reporter=default", "--reporter=json", `--outputFile=${report}`], path.join(root, "api"));
  countVitest(report);
}

if (wanted("e2e")) {
  const report = path.join(reports, "e2e.json");
  env.PLAYWRIGHT_JSON_OUTPUT_NAME = report;
  step("playwright e2e", "npx", ["playwright", "test", "--reporter=list,json"], path.join(root, "e2e"));
  countPlaywright(report);
}

// Process-level tests (e2e/process): each starts the product as `npm start` does and acts on
// its processes, e.g. kills the API process and sees it come back.
if (wanted("e2e") || wanted("process")) {
  const report = path.join(reports, "process.json");
  env.PLAYWRIGHT_JSON_OUTPUT_NAME = report;
  step("playwright process tests", "npx", ["playwright", "test", "-c", "playwright.process.config.ts", "--reporter=list,json"], path.join(root, "e2e"));
  countPlaywright(report);
}

console.log("");
if (failures.length > 0) console.log(`failed steps: ${failures.join(", ")}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failures.length > 0 || failed > 0 ? 1 : 0);
