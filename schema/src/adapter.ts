// Driver adapters for the two databases Samla runs on: PGlite (embedded PostgreSQL in
// WASM, the default) and PostgreSQL (postgres:// URLs).
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";

export type DatabaseKind = "pglite" | "postgres";

export function databaseKind(url: string): DatabaseKind {
  return /^postgres(ql)?:\/\//.test(url) ? "postgres" : "pglite";
}

/** `pglite:memory` (or `memory://`) is an in-memory database; anything else is a data directory. */
export function pgliteDataDir(url: string): string | undefined {
  const location = url.replace(/^pglite:(\/\/)?/, "");
  if (location === "" || location === "memory" || url.startsWith("memory://")) return undefined;
  return location;
}

export function openPGlite(url: string): PGlite {
  const dataDir = pgliteDataDir(url);
  return dataDir ? new PGlite(dataDir) : new PGlite();
}

/**
 * The API's pool on PostgreSQL. JIT off: the API's statements are short, and PostgreSQL's
 * JIT compiles the larger aggregates (comparison, adoption) for longer than they then run.
 * random_page_cost 1.1 (SSD, data in memory) instead of 4 (spinning disk): with 4 the planner
 * probes the small catalogue tables (municipalities, services) by a hash of the whole table
 * per row of a nested selection, e.g. 16 ms instead of 3 ms for a page of the office list.
 * statement_timeout: see statementTimeoutMs. `PGPOOL_MAX` sizes the pool (default 10 per process; with several API processes, mind the
 * server's max_connections).
 */
export function postgresPoolConfig(url: string): pg.PoolConfig {
  return {
    connectionString: url,
    max: Number(process.env.PGPOOL_MAX ?? 10),
    options: `-c jit=off -c random_page_cost=1.1 -c statement_timeout=${statementTimeoutMs()}`,
  };
}

/**
 * PostgreSQL cancels any one statement that runs longer than this (`SAMLA_STATEMENT_TIMEOUT_MS`,
 * default 10 s; 0 = no limit), so a pathological request cannot hold a connection for minutes
 * (issue 13: searches ran 17-55 s and went on for minutes after the client left). The API's
 * slowest statements (dashboard aggregates, a 10,000-row import's batches) take well under a
 * second. Prisma reports the cancellation as an error, which the API masks and logs.
 */
export function statementTimeoutMs(env: Record<string, string | undefined> = process.env): number {
  const raw = env.SAMLA_STATEMENT_TIMEOUT_MS;
  const value = raw === undefined || raw === "" ? 10_000 : Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`SAMLA_STATEMENT_TIMEOUT_MS must be a whole number ≥ 0, got ${JSON.stringify(raw)}`);
  return value;
}

export function createAdapter(url: string, pglite?: PGlite): SqlMigrationAwareDriverAdapterFactory {
  if (databaseKind(url) === "postgres") return new PrismaPg(postgresPoolConfig(url));
  // pglite-prisma-adapter 0.6.1 is typed against @prisma/driver-adapter-utils 6.10, an
  // older copy of the 6.19 interface. At run time it implements what Prisma 6.19 calls
  // (the whole test suite runs on it), so only the declared type is bridged here.
  return new PrismaPGlite(pglite ?? openPGlite(url)) as unknown as SqlMigrationAwareDriverAdapterFactory;
}

/**
 * The adapter the Prisma CLI uses for migrations. On PostgreSQL it works around
 * prisma/orm#27403: @prisma/adapter-pg 6.19 cannot deserialise pg_catalog's `name`,
 * `char` and other internal types that the migration engine reads, so we report them
 * to the adapter as text (and their arrays as text[]). Runtime queries never see these
 * types, so only the CLI uses this.
 */
export function createMigrationAdapter(url: string): SqlMigrationAwareDriverAdapterFactory {
  if (databaseKind(url) !== "postgres") return createAdapter(url);
  return new PrismaPg({ connectionString: url, Client: CatalogTypesAsTextClient } as pg.PoolConfig);
}

const TEXT = 25;
const TEXT_ARRAY = 1009;
const AS_TEXT = new Set([18, 19, 24, 194, 2205, 2206, 3734]);
const AS_TEXT_ARRAY = new Set([1002, 1003]);

function retypeCatalogFields<R>(result: R): R {
  const results = Array.isArray(result) ? result : [result];
  for (const r of results as { fields?: { dataTypeID: number }[] }[]) {
    for (const field of r?.fields ?? []) {
      if (AS_TEXT.has(field.dataTypeID)) field.dataTypeID = TEXT;
      else if (AS_TEXT_ARRAY.has(field.dataTypeID)) field.dataTypeID = TEXT_ARRAY;
    }
  }
  return result;
}

class CatalogTypesAsTextClient extends pg.Client {
  // pg's query() has promise and callback forms; wrap both.
  override query(...args: unknown[]): never {
    const last = args[args.length - 1];
    if (typeof last === "function") {
      const callback = last as (err: Error | null, res: unknown) => void;
      args[args.length - 1] = (err: Error | null, res: unknown) => callback(err, err ? res : retypeCatalogFields(res));
      return (super.query as (...a: unknown[]) => never)(...args);
    }
    const config = args[0] as { callback?: (err: Error | null, res: unknown) => void } | undefined;
    if (config && typeof config === "object" && typeof config.callback === "function") {
      const callback = config.callback;
      config.callback = (err, res) => callback(err, err ? res : retypeCatalogFields(res));
      return (super.query as (...a: unknown[]) => never)(...args);
    }
    const pending = (super.query as (...a: unknown[]) => Promise<unknown>)(...args);
    return pending.then(retypeCatalogFields) as never;
  }
}
