// One load run: autocannon (programmatic) against one server for one workload, with the
// server's CPU time read from /proc before and after.
import autocannon from "autocannon";
import { cpuMillis } from "./processes";
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
}

export interface LoadOptions {
  connections: number;
  seconds: number;
  /** The exact body every answer must have, when the server answers identically each time. */
  expectBody: string | null;
}

/** Per-request timeout: a request still unanswered after this counts as an error. */
const TIMEOUT_SECONDS = 30;

export async function runLoad(server: Server, request: PreparedRequest, options: LoadOptions): Promise<RunResult> {
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
  };
}
