// Prisma CLI configuration. Prisma 6.19 runs with the JS engine and a driver adapter,
// so the CLI needs no native binary (see docs/decisions/001-prisma-6-19-js-engine.md).
import path from "node:path";
import { defineConfig } from "prisma/config";
import { createMigrationAdapter, databaseKind } from "./src/adapter";

// DATABASE_URL is Samla's database: a PGlite directory, `pglite:memory` or postgres://.
// The CLI validates the schema's datasource URL as a PostgreSQL URL and, when that
// fails, falls back to downloading a native query engine (which cannot be had here).
// With a driver adapter the URL is never used to connect, so give the CLI a
// syntactically valid stand-in when Samla runs on PGlite.
const samlaDatabaseUrl = process.env.DATABASE_URL ?? ".data/pglite";
if (databaseKind(samlaDatabaseUrl) === "pglite") {
  process.env.DATABASE_URL = "postgresql://pglite.invalid/samla";
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  adapter: async () => createMigrationAdapter(samlaDatabaseUrl),
});
