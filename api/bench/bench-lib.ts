// What the PostgreSQL benchmarks share: their own throw-away database, GraphQL requests
// through the real server as one user, timing with warm-up runs, SQL statements counted per
// request, and PASS/FAIL per target (a FAIL sets the exit code).
//   BENCH_PG_OPTIONS="-c jit=on -c random_page_cost=1.1" replaces the PostgreSQL options the
//   API's connections carry (createDb: -c jit=off -c random_page_cost=1.1), to compare settings.
import { readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
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
  const options = process.env.BENCH_PG_OPTIONS;
  if (options) url.searchParams.set("options", options);
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

export interface Timing<T> {
  median: number;
  p95: number;
  max: number;
  /** This process's CPU time per timed run (ms): the server's work and the client's, not the database's. */
  cpu: number;
  last: T;
}

/** Runs `work` WARMUP + `runs` times and times the last `runs` (ms). */
export async function timed<T>(runs: number, work: () => Promise<T>): Promise<Timing<T>> {
  const times: number[] = [];
  let last: T | undefined;
  let cpuStart = process.cpuUsage();
  for (let run = 0; run < WARMUP + runs; run++) {
    if (run === WARMUP) cpuStart = process.cpuUsage();
    const t0 = performance.now();
    last = await work();
    if (run >= WARMUP) times.push(performance.now() - t0);
  }
  const cpu = process.cpuUsage(cpuStart);
  times.sort((a, b) => a - b);
  return { median: percentile(times, 50), p95: percentile(times, 95), max: times.at(-1)!, cpu: (cpu.user + cpu.system) / 1000 / runs, last: last! };
}

/** How many SQL statements `work` sends (every pg client of this process; run nothing else meanwhile). */
export async function countStatements(work: () => Promise<unknown>): Promise<number> {
  const prototype = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const query = prototype.query;
  let count = 0;
  prototype.query = function (this: unknown, ...args: unknown[]) {
    count += 1;
    return query.apply(this, args);
  };
  try {
    await work();
  } finally {
    prototype.query = query;
  }
  return count;
}

/** Busy and total CPU time of the whole machine so far (/proc/stat, in clock ticks); null off Linux. */
function machineTicks(): { busy: number; total: number } | null {
  try {
    const [cpuLine] = readFileSync("/proc/stat", "utf8").split("\n");
    const ticks = cpuLine!.trim().split(/\s+/).slice(1).map(Number);
    const total = ticks.reduce((sum, tick) => sum + tick, 0);
    const idle = ticks[3]! + (ticks[4] ?? 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}

/**
 * Starts watching the machine: `stop()` says how busy its cores were meanwhile and how much
 * of that was this process (the rest is PostgreSQL's work for it, and anyone else's).
 * Timings mean little while other work shares the cores.
 */
export function watchMachine(): { stop(): string } {
  const cores = cpus().length;
  const start = machineTicks();
  const own = process.cpuUsage();
  const t0 = performance.now();
  return {
    stop() {
      const end = machineTicks();
      const ownCpu = process.cpuUsage(own);
      const wall = performance.now() - t0;
      const ownShare = (ownCpu.user + ownCpu.system) / 1000 / wall;
      if (!start || !end) return `denne prosessen ${ownShare.toFixed(2)} kjerner, last ${loadavg()[0]!.toFixed(2)} (1 min) på ${cores} kjerner`;
      const busyShare = ((end.busy - start.busy) / (end.total - start.total)) * cores;
      return `${busyShare.toFixed(2)} av ${cores} kjerner i bruk, ${ownShare.toFixed(2)} av dem denne prosessen (resten PostgreSQL og andre)`;
    },
  };
}

/** Prints PASS or FAIL for `value` ≤ `goal` (ms) and sets a failing exit code on FAIL. */
export function checkTarget(name: string, value: number, goal: number): boolean {
  const pass = value <= goal;
  console.log(`${pass ? "PASS" : "FAIL"}  ${name}: ${value.toFixed(0)} ms (mål ≤ ${goal} ms)`);
  if (!pass) process.exitCode = 1;
  return pass;
}
