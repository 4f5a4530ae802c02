// Applies the checked-in migrations (schema/prisma/migrations). Tests use
// `applyMigrations` to give each test file its own database quickly. `migratePGlite`
// migrates a PGlite database in-process and records each migration in
// `_prisma_migrations` exactly as `prisma migrate deploy` does: the Prisma CLI does not
// exit when it reopens an existing PGlite directory (docs/decisions/001), and PGlite
// allows only one process per directory anyway. PostgreSQL uses `prisma migrate deploy`.
import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { PGlite } from "@electric-sql/pglite";

const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "prisma", "migrations");

export interface Migration {
  name: string;
  sql: string;
}

export function migrations(): Migration[] {
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({ name, sql: readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8") }));
}

/** Paths of every migration's SQL file, in order. */
export function migrationFiles(): string[] {
  return migrations().map(({ name }) => path.join(migrationsDir, name, "migration.sql"));
}

/** Runs every migration's SQL through `exec` (a multi-statement executor), in order. */
export async function applyMigrations(exec: (sql: string) => Promise<unknown>): Promise<void> {
  for (const { sql } of migrations()) await exec(sql);
}

// Prisma's own bookkeeping table, so the CLI sees these migrations as applied.
const PRISMA_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/** Applies the pending migrations to a PGlite database; returns the names it applied. */
export async function migratePGlite(pglite: PGlite): Promise<string[]> {
  await pglite.exec(PRISMA_MIGRATIONS_TABLE);
  const done = await pglite.query<{ migration_name: string }>(
    `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  const applied = new Set(done.rows.map((row) => row.migration_name));
  const appliedNow: string[] = [];
  for (const migration of migrations()) {
    if (applied.has(migration.name)) continue;
    const checksum = createHash("sha256").update(migration.sql).digest("hex");
    await pglite.transaction(async (tx) => {
      await tx.exec(migration.sql);
      await tx.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
         VALUES ($1, $2, now(), $3, 1)`,
        [randomUUID(), checksum, migration.name],
      );
    });
    appliedNow.push(migration.name);
  }
  return appliedNow;
}
