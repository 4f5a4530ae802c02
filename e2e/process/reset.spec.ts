// `npm start -- --reset` starts again with an empty embedded database: it removes PGlite's data
// directory before anything opens it, so the database is migrated and seeded afresh. It
// refuses to remove a folder that is not a PGlite data directory, and PostgreSQL altogether.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { openPGlite } from "@samla/schema";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
// After supervision.spec.ts's ports (base + 500..502), so both can run at once.
const base = Number(process.env.E2E_PORT_BASE ?? 14000) + 510;

/** The supervisor itself (as supervision.spec.ts starts it), with `args`, and its output. */
function startSamla(databaseUrl: string, args: string[]) {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", "start.ts"), ...args], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      SAMLA_SEED_SCALE: "pilot",
      SAMLA_API_PORT: String(base),
      SAMLA_WEB_PORT: String(base + 1),
      SAMLA_IDP_PORT: String(base + 2),
      SAMLA_API_WORKERS: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    child,
    exited,
    output: () => output,
    async waitFor(pattern: RegExp, timeoutMs: number) {
      const until = Date.now() + timeoutMs;
      while (!pattern.test(output)) {
        if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}) before ${pattern}:\n${output}`);
        if (Date.now() > until) throw new Error(`no ${pattern} within ${timeoutMs} ms:\n${output.slice(-3000)}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
  };
}

/** Exits within `ms`, or is killed and reported as still running (null). */
async function exitCodeWithin(run: { child: ChildProcess; exited: Promise<number | null> }, ms: number) {
  const timeout = new Promise<"running">((resolve) => setTimeout(() => resolve("running"), ms));
  const result = await Promise.race([run.exited, timeout]);
  if (result === "running") {
    run.child.kill("SIGKILL");
    return "still running";
  }
  return result;
}

test("--reset removes the PGlite data directory before starting, so the database is migrated and seeded afresh", async () => {
  const dataDir = path.join(mkdtempSync(path.join(tmpdir(), "samla-reset-")), "pglite");
  // A database with something no migration makes: it must be gone after --reset.
  const before = openPGlite(dataDir);
  await before.exec("CREATE TABLE stale_marker (id int); INSERT INTO stale_marker VALUES (1);");
  await before.close();

  const samla = startSamla(dataDir, ["--reset"]);
  try {
    await samla.waitFor(/seeding the pilot data set/, 180_000);
    const output = samla.output();
    expect(output).toContain(`--reset: removed ${dataDir}`);
    expect(output).toMatch(/applied migrations: /); // an empty database: every migration ran
    expect(output.indexOf("--reset: removed")).toBeLessThan(output.indexOf("database: PGlite"));
    samla.child.kill("SIGTERM");
    expect(await exitCodeWithin(samla, 60_000)).toBe(0);
  } finally {
    if (samla.child.exitCode === null) samla.child.kill("SIGKILL");
  }

  const after = openPGlite(dataDir);
  try {
    const { rows } = await after.query<{ marker: string | null }>("SELECT to_regclass('stale_marker')::text AS marker");
    expect(rows).toEqual([{ marker: null }]);
  } finally {
    await after.close();
  }
});

test("--reset refuses to remove a folder that is not a PGlite data directory", async () => {
  const folder = mkdtempSync(path.join(tmpdir(), "samla-reset-not-pglite-"));
  writeFileSync(path.join(folder, "notes.txt"), "not a database");
  const samla = startSamla(folder, ["--reset"]);
  expect(await exitCodeWithin(samla, 60_000)).toBe(1);
  expect(samla.output()).toContain("is not a PGlite data directory (no PG_VERSION); nothing was removed");
  expect(existsSync(path.join(folder, "notes.txt"))).toBe(true);
});

test("--reset refuses PostgreSQL: only the embedded database is reset", async () => {
  const samla = startSamla("postgresql://nobody@127.0.0.1:1/samla_not_there", ["--reset"]);
  expect(await exitCodeWithin(samla, 60_000)).toBe(1);
  expect(samla.output()).toContain("only the embedded database (PGlite) is reset");
  expect(samla.output()).not.toContain("[samla] database:"); // refused before anything started
});

test("an unknown option is refused with the one there is", async () => {
  const folder = mkdtempSync(path.join(tmpdir(), "samla-reset-option-"));
  mkdirSync(path.join(folder, "pglite"));
  const samla = startSamla(path.join(folder, "pglite"), ["--rest"]);
  expect(await exitCodeWithin(samla, 60_000)).toBe(2);
  expect(samla.output()).toContain("unknown option --rest; the one option is --reset");
});
