// The bench's own database, `samla_bench_api`, on the PostgreSQL server of DATABASE_URL
// (default: the local socket). Made, migrated (as api/bench/bench-lib.ts freshBenchDatabase
// does), seeded at national scale and vacuumed once; later runs reuse it when its migrations are
// still the checked-in ones (a checksum kept in the database's comment) and it has
// offices. `--fresh` rebuilds it. Only this database is ever dropped.
import { createHash } from "node:crypto";
import { applyMigrations, createDb, migrations } from "@samla/schema";
import { seedDatabase, type SeedSummary } from "@samla/seed";
import pg from "pg";

const DEFAULT_SERVER = "postgresql://root@localhost:5432/postgres?host=/var/run/postgresql";
export const DATABASE = "samla_bench_api";
const MARK = "samla-bench-api";

export interface BenchDatabase {
  /** Connection URL of samla_bench_api. */
  url: string;
  /** True when an existing seeded database was used as it was. */
  reused: boolean;
  seededAt: string;
  summary: Pick<SeedSummary, "offices" | "teams" | "persons" | "assignments">;
}

/** samla_bench_api's URL on the server of DATABASE_URL, and the server's maintenance DB. */
export function benchUrls(): { admin: string; bench: string } {
  const given = process.env.DATABASE_URL;
  const server = given && /^postgres(ql)?:\/\//.test(given) ? given : DEFAULT_SERVER;
  const url = new URL(server);
  url.pathname = "/postgres";
  const admin = url.toString();
  url.pathname = `/${DATABASE}`;
  return { admin, bench: url.toString() };
}

/** The migrations' names and SQL, and how the database is prepared: a copy built otherwise is rebuilt. */
function migrationsChecksum(): string {
  const hash = createHash("sha256");
  // How the bench prepares the database; change it to make every copy be rebuilt.
  hash.update("prepared: migrations, national seed, VACUUM ANALYZE\n");
  for (const migration of migrations()) hash.update(`${migration.name}\n${migration.sql}\n`);
  return hash.digest("hex").slice(0, 16);
}

interface Mark {
  migrations: string;
  seededAt: string;
  summary: BenchDatabase["summary"];
}

async function readMark(admin: pg.Client): Promise<Mark | null> {
  const result = await admin.query<{ comment: string | null }>(
    `SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1`,
    [DATABASE],
  );
  const comment = result.rows[0]?.comment;
  if (!comment?.startsWith(`${MARK} `)) return null;
  try {
    return JSON.parse(comment.slice(MARK.length + 1)) as Mark;
  } catch {
    return null;
  }
}

async function officeCount(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ count: number }>(`SELECT count(*)::int AS count FROM "Office"`);
    return result.rows[0]?.count ?? 0;
  } catch {
    return 0;
  } finally {
    await client.end();
  }
}

/** Reuses or (re)builds samla_bench_api; prints what it does. */
export async function prepareDatabase(options: { fresh: boolean }): Promise<BenchDatabase> {
  const { admin: adminUrl, bench } = benchUrls();
  const checksum = migrationsChecksum();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    if (!options.fresh) {
      const mark = await readMark(admin);
      if (mark && mark.migrations === checksum && (await officeCount(bench)) > 0) {
        console.log(
          `Database ${DATABASE}: reused (seeded ${mark.seededAt}, migrations unchanged; --fresh rebuilds it): ` +
            `${mark.summary.offices} offices, ${mark.summary.teams} teams, ${mark.summary.persons} people, ${mark.summary.assignments} assignments`,
        );
        return { url: bench, reused: true, seededAt: mark.seededAt, summary: mark.summary };
      }
      console.log(
        mark
          ? `Database ${DATABASE}: migrations changed or no offices: rebuilding it`
          : `Database ${DATABASE}: not there yet (or not seeded to the end): building it`,
      );
    } else {
      console.log(`Database ${DATABASE}: --fresh: rebuilding it`);
    }

    const started = performance.now();
    await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${DATABASE}`);
    const migrator = new pg.Client({ connectionString: bench });
    await migrator.connect();
    await applyMigrations((sql) => migrator.query(sql));
    console.log(`  migrated (${migrations().length} migrations)`);

    const db = createDb(bench);
    let lastPhase = "";
    const summary = await seedDatabase(db, {
      scale: "national",
      onProgress: (progress) => {
        if (progress.done === progress.total && progress.phase !== lastPhase) {
          lastPhase = progress.phase;
          process.stdout.write(`  seeded ${progress.phase}: ${progress.total}\n`);
        }
      },
    });
    await db.$disconnect();
    // As autovacuum would, but now rather than during a timed run (it sets the visibility
    // map that index-only scans rely on, and the planner's statistics).
    await migrator.query("VACUUM ANALYZE");
    await migrator.end();
    const seconds = ((performance.now() - started) / 1000).toFixed(0);
    const seededAt = new Date().toISOString().slice(0, 16).replace("T", " ");
    const kept = { offices: summary.offices, teams: summary.teams, persons: summary.persons, assignments: summary.assignments };
    const mark: Mark = { migrations: checksum, seededAt, summary: kept };
    await admin.query(`COMMENT ON DATABASE ${DATABASE} IS ${pg.escapeLiteral(`${MARK} ${JSON.stringify(mark)}`)}`);
    console.log(
      `Database ${DATABASE}: national seed in ${seconds} s: ${kept.offices} offices, ${kept.teams} teams, ` +
        `${kept.persons} people, ${kept.assignments} assignments (VACUUM ANALYZE done)`,
    );
    return { url: bench, reused: false, seededAt, summary: kept };
  } finally {
    await admin.end();
  }
}
