// `npm start`: the whole product on embedded defaults (or on the real parts when
// DATABASE_URL / KEYCLOAK_URL say so): the dev IdP, the API and the web app, then the URLs
// and demo users.
//
// This process supervises: it runs the dev IdP and the web server itself and the API in a
// child process (scripts/api-process.ts), which owns the database (PGlite allows one process
// per data directory), migrates and seeds it, and serves the API. When the API process dies
// (e.g. heap out of memory), it is started again while the IdP and the web server go on.
//
// `npm start -- --reset` first removes the embedded database (PGlite's data directory), so it
// is migrated and seeded afresh, e.g. with another SAMLA_SEED_SCALE.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startDevIdp } from "@samla/api/auth";
import { isDevMode, todayInNorway } from "@samla/api";
import { databaseKind, pgliteDataDir } from "@samla/schema";
import { loadDemoUsers } from "@samla/seed/keycloak";
import { startWebServer } from "@samla/web/serve";
import { logElapsed } from "./elapsed";
import { supervise } from "./supervisor";
import { orderlyShutdown } from "./shutdown";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const env = process.env;
const databaseUrl = env.DATABASE_URL ?? path.join(root, ".data", "pglite");
const webPort = Number(env.SAMLA_WEB_PORT ?? 5173);
const apiPort = Number(env.SAMLA_API_PORT ?? 4000);
const idpPort = Number(env.SAMLA_IDP_PORT ?? 8180);
const seedScale = env.SAMLA_SEED_SCALE === "national" ? "national" : "pilot";
// The demo data describes this day as today: by default the real date in Norway, so the
// pilots' reports run up to last month and the dashboard looks current whenever it starts.
// Fixed here, once, so an API process started again later seeds (if ever) with the same day.
const seedToday = env.SAMLA_SEED_TODAY ?? todayInNorway().toISOString().slice(0, 10);
const webOrigin = `http://localhost:${webPort}`;
const log = (message: string) => console.log(`[samla] ${message}`);

const options = process.argv.slice(2);
const unknownOptions = options.filter((option) => option !== "--reset");
if (unknownOptions.length > 0) {
  console.error(`[samla] unknown option ${unknownOptions.join(" ")}; the one option is --reset (npm start -- --reset)`);
  process.exit(2);
}
if (options.includes("--reset")) resetEmbeddedDatabase();

/** --reset: removes PGlite's data directory, refusing anything that does not look like one. */
function resetEmbeddedDatabase() {
  function refuse(why: string): never {
    console.error(`[samla] --reset: ${why}`);
    process.exit(1);
  }
  if (databaseKind(databaseUrl) === "postgres") {
    refuse("only the embedded database (PGlite) is reset; with DATABASE_URL on PostgreSQL, drop and create that database yourself");
  }
  const dataDir = pgliteDataDir(databaseUrl);
  if (!dataDir) return log("--reset: the database is in memory; it starts empty anyway");
  if (!existsSync(dataDir)) return log(`--reset: ${dataDir} does not exist yet; it will be created`);
  // DATABASE_URL may name any folder: remove it only when it is a PostgreSQL data directory.
  const isDataDir =
    statSync(dataDir).isDirectory() && (existsSync(path.join(dataDir, "PG_VERSION")) || readdirSync(dataDir).length === 0);
  if (!isDataDir) refuse(`${dataDir} is not a PGlite data directory (no PG_VERSION); nothing was removed`);
  rmSync(dataDir, { recursive: true, force: true });
  log(`--reset: removed ${dataDir}; the database is migrated and seeded afresh (SAMLA_SEED_SCALE=${seedScale})`);
}

/** Runs a command to its end without blocking this process (the API process starts meanwhile). */
function run(command: string, args: string[], cwd: string, extraEnv: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: "inherit", env: { ...env, ...extraEnv } });
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} failed (exit ${code})`))));
  });
}

const { closers, shutdown } = orderlyShutdown();

try {
  const kind = databaseKind(databaseUrl);
  log(`database: ${kind === "postgres" ? "PostgreSQL" : `PGlite in ${databaseUrl}`}`);

  // 1. Identity provider: a real Keycloak when KEYCLOAK_URL is set, else the embedded one.
  let oidcUrl = env.KEYCLOAK_URL?.replace(/\/$/, "");
  if (!oidcUrl) {
    // Keys persist under the data folder, so sessions survive an API restart.
    const idp = await startDevIdp({ port: idpPort, keystorePath: path.join(root, ".data", "dev-idp-keys.json") });
    closers.push(() => idp.close());
    oidcUrl = idp.url;
  }
  const issuer = `${oidcUrl}/realms/samla`;

  // 2. API process: migrates and seeds the database, then serves; restarted when it dies.
  const api = supervise({
    script: path.join(root, "scripts", "api-process.ts"),
    name: "API",
    log,
    env: {
      ...env,
      DATABASE_URL: databaseUrl,
      OIDC_ISSUER: issuer,
      SAMLA_API_PORT: String(apiPort),
      CORS_ORIGINS: [webOrigin, `http://127.0.0.1:${webPort}`].join(","),
      SAMLA_SEED_SCALE: seedScale,
      SAMLA_SEED_TODAY: seedToday,
    },
  });
  closers.push(() => api.stop());

  // 3. Web: build (Turborepo caches it) while the API starts; serve the SPA with its runtime
  // config once the API is ready too (whoever waits for the web app, e.g. the e2e suite, can
  // then use the API). The API's address is fixed, so the web server outlives API restarts.
  // The build prints nothing for a minute or more (its output is kept for errors), so say how
  // long it has been going.
  log("web app: building it, or taking it from Turborepo's cache (a first build: 40 s to 2 min)…");
  const buildDone = logElapsed(log, "building the web app");
  const built = run("npx", ["turbo", "run", "build", "--filter=@samla/web", "--output-logs=errors-only"], root, {
    TURBO_TELEMETRY_DISABLED: "1",
  });
  await built.finally(buildDone);
  log(`web app: ready after ${buildDone()} s`);
  await api.ready;
  log(`API ready (process ${api.pid()})`);
  const apiUrl = `http://localhost:${apiPort}/graphql`;
  const web = await startWebServer({ oidcUrl, realm: "samla", clientId: "samla-web", apiUrl }, webPort);
  closers.push(
    () =>
      new Promise((resolve) => {
        web.close(() => resolve());
        web.closeIdleConnections(); // kept-alive browser connections would hold close() open
      }),
  );

  log("");
  log(`Samla is running: ${webOrigin}`);
  log(`  API:      ${apiUrl}${isDevMode(env) ? " (development mode: introspection and GraphiQL on)" : ""}`);
  log(`  Sign-in:  ${issuer}${env.KEYCLOAK_URL ? " (Keycloak)" : " (embedded dev IdP)"}`);
  log("  Demo users (username / password: roles):");
  for (const user of loadDemoUsers()) log(`    ${user.username.padEnd(9)} / ${user.password.padEnd(15)} ${user.roles.join(", ")}`);
} catch (error) {
  console.error("[samla] could not start:", error);
  await shutdown(1);
}
