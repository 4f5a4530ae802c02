// Starting the three kinds of server as child processes on 127.0.0.1.
import path from "node:path";
import { ROOT } from "./documents";
import { freePort, processCount, startChild } from "./processes";
import type { Server } from "./targets";
import type { TokenIssuer } from "./tokens";

/**
 * The database URL with an application_name per server, so PostgreSQL's backends can be told
 * apart (pg_stat_activity): their CPU is attributed to the server that opened them.
 */
function named(databaseUrl: string, server: string): string {
  const url = new URL(databaseUrl);
  url.searchParams.set("application_name", applicationName(server));
  return url.toString();
}

export function applicationName(server: string): string {
  return `bench-api ${server.toLowerCase().replace(/×/g, "x")}`;
}

export const LOG_DIR = path.join(ROOT, "bench-results", "bench-api-logs");
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");
const SERVERS_DIR = path.join(ROOT, "bench", "src", "servers");

/**
 * Samla's API as deployed: `tsx api/src/main.ts` with NODE_ENV=production (no GraphiQL, no
 * introspection, masked errors), tokens checked against the bench's JWKS, and
 * SAMLA_API_WORKERS for the number of processes (Node's cluster, when main.ts supports it).
 */
export async function startSamla(options: {
  label: string;
  preferredPort: number;
  workers: number;
  databaseUrl: string;
  tokens: TokenIssuer;
}): Promise<Server> {
  const port = await freePort(options.preferredPort);
  const origin = `http://127.0.0.1:${port}`;
  const child = await startChild({
    name: options.label,
    command: TSX,
    args: [path.join(ROOT, "api", "src", "main.ts")],
    cwd: ROOT,
    env: {
      DATABASE_URL: named(options.databaseUrl, options.label),
      OIDC_ISSUER: options.tokens.issuer,
      OIDC_JWKS_URL: options.tokens.jwksUrl,
      PORT: String(port),
      HOST: "127.0.0.1",
      NODE_ENV: "production",
      SAMLA_API_WORKERS: String(options.workers),
      // The bench sends every virtual user's requests with one or two tokens from one IP, so
      // per-user and per-IP limits (made for one person each) would measure the limiter, not
      // the server. Set these in the environment to bench with them.
      SAMLA_RATE_LIMIT_PER_IP: process.env.SAMLA_RATE_LIMIT_PER_IP ?? "0",
      SAMLA_RATE_LIMIT_PER_USER: process.env.SAMLA_RATE_LIMIT_PER_USER ?? "0",
      SAMLA_USER_CONCURRENCY: process.env.SAMLA_USER_CONCURRENCY ?? "0",
    },
    readyUrl: `${origin}/healthz`,
    url: origin,
    logDir: LOG_DIR,
  });
  return { label: options.label, kind: "samla", origin, child };
}

/** PostGraphile 5, amber preset, grafserv on node:http (servers/postgraphile.ts). */
export async function startPostGraphile(preferredPort: number, databaseUrl: string): Promise<Server> {
  const port = await freePort(preferredPort);
  const origin = `http://127.0.0.1:${port}`;
  const child = await startChild({
    name: "PostGraphile",
    command: process.execPath,
    // Promise.withResolvers first (PostGraphile 5 targets Node 22+), then tsx for the TypeScript.
    args: ["--import", path.join(SERVERS_DIR, "polyfill.mjs"), "--import", "tsx", path.join(SERVERS_DIR, "postgraphile.ts")],
    cwd: ROOT,
    env: {
      DATABASE_URL: named(databaseUrl, "PostGraphile"),
      PORT: String(port),
      HOST: "127.0.0.1",
      GRAPHILE_ENV: "production",
      NODE_ENV: "production",
    },
    // grafserv answers GET /graphql with an error (no GraphiQL): any answer means it is up.
    readyUrl: `${origin}/graphql`,
    url: origin,
    logDir: LOG_DIR,
  });
  return { label: "PostGraphile", kind: "postgraphile", origin, child };
}

/** The raw-SQL reference (servers/sql-reference.ts). */
export async function startSqlReference(preferredPort: number, databaseUrl: string): Promise<Server> {
  const port = await freePort(preferredPort);
  const origin = `http://127.0.0.1:${port}`;
  const child = await startChild({
    name: "SQL reference",
    command: process.execPath,
    args: ["--import", "tsx", path.join(SERVERS_DIR, "sql-reference.ts")],
    cwd: ROOT,
    env: { DATABASE_URL: named(databaseUrl, "SQL reference"), PORT: String(port), HOST: "127.0.0.1", NODE_ENV: "production" },
    readyUrl: `${origin}/healthz`,
    url: origin,
    logDir: LOG_DIR,
  });
  return { label: "SQL reference", kind: "sql", origin, child };
}

/** "3 processes" for the log line after start (tsx, node, cluster workers …). */
export function describeProcesses(server: Server): string {
  const count = processCount(server.child.pid);
  return `${count} process${count === 1 ? "" : "es"}`;
}
