// The fuzz's own seeded database: PGlite in a temporary folder by default, or a database of
// its own (samla_fuzz_<random>) on the PostgreSQL server of DATABASE_URL. Migrated and
// seeded with the pilot data set for a fixed "today", so every run starts from the same
// rows; removed again at the end.
import { mkdtempSync, rmSync } from "node:fs";
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { applyMigrations, createDb, migratePGlite, openPGlite } from "@samla/schema";
import { DEFAULT_TODAY, seedDatabase } from "@samla/seed";
import pg from "pg";

export interface FuzzDatabase {
  kind: "pglite" | "postgres";
  /** What the API child opens: a PGlite data directory or a postgres:// URL. */
  url: string;
  /** Where it is, for the report (no credentials). */
  label: string;
  remove(): Promise<void>;
}

/** The data set describes this day, whatever the calendar says (FUZZ_SEED_TODAY overrides). */
export const SEED_TODAY = process.env.FUZZ_SEED_TODAY ?? DEFAULT_TODAY;

export async function prepareDatabase(): Promise<FuzzDatabase> {
  const given = process.env.DATABASE_URL;
  if (given && /^postgres(ql)?:\/\//.test(given)) return preparePostgres(given);
  const dir = mkdtempSync(path.join(os.tmpdir(), "samla-fuzz-"));
  const pglite = openPGlite(dir);
  await migratePGlite(pglite);
  const db = createDb(dir, { pglite });
  await seedDatabase(db, { scale: "pilot", today: SEED_TODAY });
  await db.$disconnect();
  await pglite.close();
  return { kind: "pglite", url: dir, label: `PGlite in ${dir}`, remove: async () => rmSync(dir, { recursive: true, force: true }) };
}

async function preparePostgres(serverUrl: string): Promise<FuzzDatabase> {
  const name = `samla_fuzz_${randomBytes(5).toString("hex")}`;
  const adminUrl = new URL(serverUrl);
  adminUrl.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const migrator = new pg.Client({ connectionString: url.toString() });
  await migrator.connect();
  await applyMigrations((sql) => migrator.query(sql));
  await migrator.end();
  const db = createDb(url.toString());
  await seedDatabase(db, { scale: "pilot", today: SEED_TODAY });
  await db.$disconnect();
  return {
    kind: "postgres",
    url: url.toString(),
    label: `PostgreSQL database ${name}`,
    remove: async () => {
      const dropper = new pg.Client({ connectionString: adminUrl.toString() });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}
