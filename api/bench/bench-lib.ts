// What the PostgreSQL benchmarks share: their own throw-away database, GraphQL requests
// through the real server as one user, and timing with warm-up runs.
import { applyMigrations, createDb, type Db } from "@samla/schema";
import pg from "pg";
import { createTokenIssuer, type UserName } from "../test/harness";
import { createSamlaServer } from "../src/server";

const DEFAULT_SERVER = "postgresql://root@localhost:5432/postgres?host=/var/run/postgresql";
/** Only ever this database is dropped. */
const DATABASE = "samla_bench";
const WARMUP = 3;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL results are read by shape, as in the tests.
export type Json = any;

/** The bench database on the PostgreSQL server of DATABASE_URL (default: the local socket). */
function benchUrls(): { server: string; bench: string } {
  const given = process.env.DATABASE_URL;
  const server = given && /^postgres(ql)?:\/\//.test(given) ? given : DEFAULT_SERVER;
  const url = new URL(server);
  url.pathname = "/postgres";
  const admin = url.toString();
  url.pathname = `/${DATABASE}`;
  return { server: admin, bench: url.toString() };
}

/** Drops and makes the bench database again, migrated; returns the client and its URL. */
export async function freshBenchDatabase(): Promise<{ db: Db; url: string }> {
  const { server, bench } = benchUrls();
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DATABASE}`);
  await admin.end();
  const migrator = new pg.Client({ connectionString: bench });
  await migrator.connect();
  await applyMigrations((sql) => migrator.query(sql));
  await migrator.end();
  return { db: createDb(bench), url: bench };
}

/** A GraphQL caller signed in as `user` (a demo username) against a server on `db`. */
export async function graphqlAs(db: Db, user: UserName): Promise<(query: string, variables: Record<string, unknown>) => Promise<Json>> {
  const tokens = await createTokenIssuer();
  const server = createSamlaServer({ db, verifyToken: tokens.verifyToken, logging: false });
  const token = await tokens.token(user);
  return async (query, variables) => {
    const response = await server.fetch(
      new Request("http://localhost/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      }),
    );
    const body = (await response.json()) as { data?: Json; errors?: unknown[] };
    if (body.errors?.length || !body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors).slice(0, 800)}`);
    return body.data;
  };
}

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

/** Runs `work` WARMUP + `runs` times and times the last `runs` (ms). */
export async function timed<T>(runs: number, work: () => Promise<T>): Promise<{ median: number; p95: number; max: number; last: T }> {
  const times: number[] = [];
  let last: T | undefined;
  for (let run = 0; run < WARMUP + runs; run++) {
    const t0 = performance.now();
    last = await work();
    if (run >= WARMUP) times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { median: percentile(times, 50), p95: percentile(times, 95), max: times.at(-1)!, last: last! };
}
