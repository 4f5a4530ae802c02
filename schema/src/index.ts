import type { PGlite } from "@electric-sql/pglite";
import { createAdapter, databaseKind, openPGlite } from "./adapter";
import { PrismaClient } from "./generated/prisma/client";
import { enableQueryPlanCache } from "./query-plan-cache";

export * from "./generated/prisma/client";
export { databaseKind, openPGlite, pgliteDataDir } from "./adapter";
export { cachedQueryPlanCount } from "./query-plan-cache";
export { applyMigrations, migratePGlite, migrationFiles, migrations } from "./migrations";

export type Db = PrismaClient;

export interface CreateDbOptions {
  /** Reuse an open PGlite instance (PGlite allows one open handle per data directory). */
  pglite?: PGlite;
}

/**
 * A Prisma client on PGlite (a file path, `pglite:<dir>` or `pglite:memory`) or on
 * PostgreSQL (`postgres://…`). The same schema and queries run on both.
 */
export function createDb(url: string, options: CreateDbOptions = {}): PrismaClient {
  enableQueryPlanCache();
  const pglite = databaseKind(url) === "pglite" ? (options.pglite ?? openPGlite(url)) : undefined;
  return new PrismaClient({ adapter: createAdapter(url, pglite) });
}
