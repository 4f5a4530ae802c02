// Applies the checked-in migrations' SQL to a fresh database. Tests use this to give
// each test file its own database quickly; `npm start` and CI use `prisma migrate
// deploy`, which runs the same files and records them.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "prisma", "migrations");

export function migrationFiles(): string[] {
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join(migrationsDir, entry.name, "migration.sql"))
    .sort();
}

/** Runs every migration's SQL through `exec` (a multi-statement executor), in order. */
export async function applyMigrations(exec: (sql: string) => Promise<unknown>): Promise<void> {
  for (const file of migrationFiles()) await exec(readFileSync(file, "utf8"));
}
