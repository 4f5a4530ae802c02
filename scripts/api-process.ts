// The API's own process under `npm start`: scripts/start.ts forks it, and forks it again when
// it dies, so an API crash (e.g. heap out of memory) takes neither the IdP nor the web server
// with it. It owns the database, because PGlite allows one process per data directory: it
// migrates, seeds when empty, then serves the API (on PostgreSQL with SAMLA_API_WORKERS > 1,
// as the primary of that many worker processes). Sends `{ type: "ready", url }` to the
// supervisor once the API listens.
//
// Configuration from the supervisor's environment: DATABASE_URL (resolved), OIDC_ISSUER,
// SAMLA_API_PORT, CORS_ORIGINS, SAMLA_SEED_SCALE, SAMLA_SEED_TODAY, and from the supervisor
// SAMLA_SUPERVISED_RESTARTS (0 on the first start).
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { PGlite } from "@electric-sql/pglite";
import { apiWorkerCount, createReportEvents, forkApiWorkers, startApiServer } from "@samla/api/main";
import { createDb, databaseKind, migratePGlite, openPGlite, pgliteDataDir } from "@samla/schema";
import { seedDatabase } from "@samla/seed";
import { orderlyShutdown } from "./shutdown";

export interface ApiReadyMessage {
  type: "ready";
  url: string;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const env = process.env;
const log = (message: string) => console.log(`[samla] ${message}`);

function required(name: string): string {
  const value = env[name];
  if (!value) throw new Error(`${name} must be set (scripts/start.ts sets it)`);
  return value;
}

const { closers, shutdown, isStopping } = orderlyShutdown();
// The supervisor is gone (even killed with SIGKILL): do not keep the port and the database.
process.on("disconnect", () => void shutdown());

try {
  const databaseUrl = required("DATABASE_URL");
  const issuer = required("OIDC_ISSUER");
  const apiPort = Number(required("SAMLA_API_PORT"));
  const corsOrigins = env.CORS_ORIGINS?.split(",").filter(Boolean);

  // 1. Database: migrate, then seed if empty. PGlite is migrated in this process (the Prisma
  // CLI hangs on an existing PGlite directory); PostgreSQL with the Prisma CLI. PGlite
  // recovers its data directory after an unclean exit (a killed process) like PostgreSQL does.
  const kind = databaseKind(databaseUrl);
  let pglite: PGlite | undefined;
  if (kind === "pglite") {
    const dataDir = pgliteDataDir(databaseUrl);
    if (dataDir) mkdirSync(dataDir, { recursive: true });
    pglite = openPGlite(databaseUrl);
    const openedPGlite = pglite;
    closers.push(() => openedPGlite.close());
    const applied = await migratePGlite(pglite);
    log(applied.length > 0 ? `applied migrations: ${applied.join(", ")}` : "database schema is up to date");
  } else if (Number(env.SAMLA_SUPERVISED_RESTARTS ?? 0) > 0) {
    // A restart after a crash: the first start migrated, and the Prisma CLI takes ~10 s.
    log("database schema was migrated at start");
  } else {
    const migrate = spawnSync("npx", ["prisma", "migrate", "deploy"], { cwd: path.join(root, "schema"), stdio: "inherit", env });
    if (migrate.status !== 0) throw new Error(`prisma migrate deploy failed (exit ${migrate.status})`);
  }
  const db = createDb(databaseUrl, { pglite });
  closers.push(() => db.$disconnect());
  if ((await db.office.count()) === 0) {
    const scale = env.SAMLA_SEED_SCALE === "national" ? "national" : "pilot";
    log(`seeding the ${scale} data set…`);
    let lastPhase = "";
    const summary = await seedDatabase(db, {
      scale,
      today: required("SAMLA_SEED_TODAY"),
      onProgress: ({ phase, done, total }) => {
        if (phase !== lastPhase || done === total) log(`  ${phase}: ${done}/${total}`);
        lastPhase = phase;
      },
    });
    log(`seeded: ${JSON.stringify(summary)}`);
  }

  // 2. API: in this process, or on PostgreSQL as SAMLA_API_WORKERS processes sharing the port
  // (this process is then their primary, and replaces a worker that dies).
  const workers = apiWorkerCount(env, kind === "postgres");
  let url: string;
  if (workers > 1) {
    const running = await forkApiWorkers(workers, {
      ...env,
      PORT: String(apiPort),
      HOST: "127.0.0.1",
      CORS_ORIGINS: corsOrigins?.join(","),
    });
    closers.push(() => running.close());
    url = `http://localhost:${apiPort}/graphql`;
    log(`API: ${workers} worker processes`);
  } else {
    const api = await startApiServer({ db, issuer, port: apiPort, corsOrigins, reportEvents: createReportEvents(env.DATABASE_URL) });
    closers.push(() => api.close());
    url = api.url;
  }
  if (!isStopping()) process.send?.({ type: "ready", url } satisfies ApiReadyMessage);
} catch (error) {
  console.error("[samla] the API could not start:", error);
  await shutdown(1);
}
