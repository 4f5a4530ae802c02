// `npm start`: the whole product on embedded defaults (or on the real parts when
// DATABASE_URL / KEYCLOAK_URL say so). Migrates and, when empty, seeds the database,
// starts the dev IdP, the API and the web app, and prints the URLs and demo users.
//
// PGlite allows one process per data directory, so the API runs in this process and
// shares the one database handle with the seed step.
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { apiWorkerCount, createReportEvents, forkApiWorkers, startApiServer } from "@samla/api/main";
import { startDevIdp } from "@samla/api/auth";
import { todayInNorway } from "@samla/api";
import type { PGlite } from "@electric-sql/pglite";
import { createDb, databaseKind, migratePGlite, openPGlite, pgliteDataDir } from "@samla/schema";
import { seedDatabase } from "@samla/seed";
import { loadDemoUsers } from "@samla/seed/keycloak";
import { startWebServer } from "@samla/web/serve";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const env = process.env;
const databaseUrl = env.DATABASE_URL ?? path.join(root, ".data", "pglite");
const webPort = Number(env.SAMLA_WEB_PORT ?? 5173);
const apiPort = Number(env.SAMLA_API_PORT ?? 4000);
const idpPort = Number(env.SAMLA_IDP_PORT ?? 8180);
const seedScale = env.SAMLA_SEED_SCALE === "national" ? "national" : "pilot";
// The demo data describes this day as today: by default the real date in Norway, so the
// pilots' reports run up to last month and the dashboard looks current whenever it starts.
const seedToday = env.SAMLA_SEED_TODAY ?? todayInNorway();
const webOrigin = `http://localhost:${webPort}`;
const log = (message: string) => console.log(`[samla] ${message}`);

function run(command: string, args: string[], cwd: string, extraEnv: Record<string, string> = {}) {
  const result = spawnSync(command, args, { cwd, stdio: "inherit", env: { ...env, ...extraEnv } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (exit ${result.status})`);
}

const closers: (() => Promise<void>)[] = [];
async function shutdown(code = 0) {
  for (const close of closers.reverse()) await close().catch(() => undefined);
  process.exit(code);
}
process.on("SIGINT", () => void shutdown());
process.on("SIGTERM", () => void shutdown());

try {
  // 1. Database: migrate, then seed if empty. PGlite is migrated in this process (the
  // Prisma CLI hangs on an existing PGlite directory); PostgreSQL with the Prisma CLI.
  const kind = databaseKind(databaseUrl);
  log(`database: ${kind === "postgres" ? "PostgreSQL" : `PGlite in ${databaseUrl}`}`);
  let pglite: PGlite | undefined;
  if (kind === "pglite") {
    const dataDir = pgliteDataDir(databaseUrl);
    if (dataDir) mkdirSync(dataDir, { recursive: true });
    pglite = openPGlite(databaseUrl);
    const openedPGlite = pglite;
    // Closing PGlite cleanly lets the next start reopen the directory at once.
    closers.push(() => openedPGlite.close());
    const applied = await migratePGlite(pglite);
    log(applied.length > 0 ? `applied migrations: ${applied.join(", ")}` : "database schema is up to date");
  } else {
    run("npx", ["prisma", "migrate", "deploy"], path.join(root, "schema"), { DATABASE_URL: databaseUrl });
  }
  const db = createDb(databaseUrl, { pglite });
  closers.push(() => db.$disconnect());
  if ((await db.office.count()) === 0) {
    log(`seeding the ${seedScale} data set…`);
    let lastPhase = "";
    const summary = await seedDatabase(db, {
      scale: seedScale,
      today: seedToday,
      onProgress: ({ phase, done, total }) => {
        if (phase !== lastPhase || done === total) log(`  ${phase}: ${done}/${total}`);
        lastPhase = phase;
      },
    });
    log(`seeded: ${JSON.stringify(summary)}`);
  }

  // 2. Identity provider: a real Keycloak when KEYCLOAK_URL is set, else the embedded one.
  let oidcUrl = env.KEYCLOAK_URL?.replace(/\/$/, "");
  if (!oidcUrl) {
    // Keys persist under the data folder, so sessions survive an API restart.
    const idp = await startDevIdp({ port: idpPort, keystorePath: path.join(root, ".data", "dev-idp-keys.json") });
    closers.push(() => idp.close());
    oidcUrl = idp.url;
  }
  const issuer = `${oidcUrl}/realms/samla`;

  // 3. API: in this process, or on PostgreSQL as SAMLA_API_WORKERS processes sharing the port.
  const corsOrigins = [webOrigin, `http://127.0.0.1:${webPort}`];
  const workers = apiWorkerCount(env, kind === "postgres");
  let api: { url: string; close(): Promise<void> };
  if (workers > 1) {
    const running = await forkApiWorkers(workers, {
      ...env,
      DATABASE_URL: databaseUrl,
      OIDC_ISSUER: issuer,
      PORT: String(apiPort),
      HOST: "127.0.0.1",
      CORS_ORIGINS: corsOrigins.join(","),
    });
    api = { url: `http://localhost:${apiPort}/graphql`, close: running.close };
    log(`API: ${workers} worker processes`);
  } else {
    api = await startApiServer({ db, issuer, port: apiPort, corsOrigins, reportEvents: createReportEvents(env.DATABASE_URL) });
  }
  closers.push(() => api.close());

  // 4. Web: build (Turborepo caches it), then serve the SPA with its runtime config.
  run("npx", ["turbo", "run", "build", "--filter=@samla/web", "--output-logs=errors-only"], root, {
    TURBO_TELEMETRY_DISABLED: "1",
  });
  const web = await startWebServer({ oidcUrl, realm: "samla", clientId: "samla-web", apiUrl: api.url }, webPort);
  closers.push(() => new Promise((resolve) => web.close(() => resolve())));

  log("");
  log(`Samla is running: ${webOrigin}`);
  log(`  API:      ${api.url}`);
  log(`  Sign-in:  ${issuer}${env.KEYCLOAK_URL ? " (Keycloak)" : " (embedded dev IdP)"}`);
  log("  Demo users (username / password: roles):");
  for (const user of loadDemoUsers()) log(`    ${user.username.padEnd(9)} / ${user.password.padEnd(15)} ${user.roles.join(", ")}`);
} catch (error) {
  console.error("[samla] could not start:", error);
  await shutdown(1);
}
