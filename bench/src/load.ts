// One load run: autocannon (programmatic) against one server for one workload, with the
// server's CPU time read from /proc before and after.
import { readFileSync } from "node:fs";
import autocannon from "autocannon";
import pg from "pg";
import { cpuMillis } from "./processes";
import { applicationName } from "./servers";
import type { PreparedRequest, Server } from "./targets";

export interface RunResult {
  server: string;
  connections: number;
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  /** Connection errors, timeouts included. */
  errors: number;
  non2xx: number;
  /** 2xx answers whose body was not the expected one (or carried GraphQL errors). */
  mismatches: number;
  cpuMsPerRequest: number;
  /** CPU of the PostgreSQL backends serving the bench database, per request (NaN when not on this machine). */
  dbCpuMsPerRequest: number;
}

export interface LoadOptions {
  connections: number;
  seconds: number;
  /** The exact body every answer must have, when the server answers identically each time. */
  expectBody: string | null;
}

/** Per-request timeout: a request still unanswered after this counts as an error. */
const TIMEOUT_SECONDS = 30;

export async function runLoad(server: Server, request: PreparedRequest, options: LoadOptions, db?: DatabaseCpu): Promise<RunResult> {
  const dbBefore = await db?.sample(applicationName(server.label));
  const cpuBefore = cpuMillis(server.child.pid);
  const result = await autocannon({
    url: request.url,
    method: "POST",
    headers: request.headers,
    body: request.body,
    connections: options.connections,
    duration: options.seconds,
    timeout: TIMEOUT_SECONDS,
    // Every answer is checked: the same bytes as the checked answer, or at least data
    // without GraphQL errors (a 200 with errors is a failure, not a fast answer).
    verifyBody: (raw) => {
      const body = String(raw);
      return options.expectBody !== null ? body === options.expectBody : body.startsWith('{"data"') && !body.includes('"errors"');
    },
  });
  const cpu = cpuMillis(server.child.pid) - cpuBefore;
  const dbCpu = db && dbBefore ? DatabaseCpu.difference(dbBefore, await db.sample(applicationName(server.label))) : NaN;
  const requests = result.requests.total;
  return {
    server: server.label,
    connections: options.connections,
    requests,
    seconds: result.duration,
    rps: requests / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
    mismatches: result.mismatches,
    cpuMsPerRequest: requests > 0 ? cpu / requests : NaN,
    dbCpuMsPerRequest: requests > 0 ? dbCpu / requests : NaN,
  };
}

/**
 * CPU time of the PostgreSQL backends a server opened (told apart by the application_name
 * each server's connection URL carries), read from /proc when PostgreSQL runs on this
 * machine: where a server's time goes that its own process does not show. Backends that
 * close during a run take their time with them (the pools keep theirs open under load).
 */
export class DatabaseCpu {
  private constructor(
    private readonly client: pg.Client,
    private readonly database: string,
  ) {}

  /** Null when the backends' /proc entries cannot be read (a remote server). */
  static async open(adminUrl: string, database: string): Promise<DatabaseCpu | null> {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    const probe = new DatabaseCpu(client, database);
    const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    if (!isPostgresProcess(rows[0]!.pid)) {
      await client.end();
      return null;
    }
    return probe;
  }

  /** CPU milliseconds so far of each backend of `application`. */
  async sample(application: string): Promise<Map<number, number>> {
    const { rows } = await this.client.query<{ pid: number }>(
      "SELECT pid FROM pg_stat_activity WHERE datname = $1 AND application_name = $2",
      [this.database, application],
    );
    return new Map(rows.filter((row) => isPostgresProcess(row.pid)).map((row) => [row.pid, cpuMillis(row.pid)]));
  }

  static difference(before: Map<number, number>, after: Map<number, number>): number {
    let total = 0;
    for (const [pid, millis] of after) {
      const earlier = before.get(pid) ?? 0;
      // A backend that started during the run (or a reused process id) counts from zero.
      total += millis >= earlier ? millis - earlier : millis;
    }
    return total;
  }

  close(): Promise<void> {
    return this.client.end();
  }
}

function isPostgresProcess(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/comm`, "utf8").startsWith("postgres");
  } catch {
    return false;
  }
}
