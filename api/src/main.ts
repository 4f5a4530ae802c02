// Starts the Samla API as an HTTP server. Used by `npm start` (scripts/start.ts), by
// the e2e suite through it, and on its own in the api Docker image
// (`tsx api/src/main.ts` with DATABASE_URL and OIDC_ISSUER set).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createDb, databaseKind, type Db } from "@samla/schema";
import { apiWorkerCount, forkApiWorkers } from "./api-workers";
import { createReportEvents, type ReportEventBus } from "./adoption/report-events";
import { createTokenVerifier } from "./auth";
import { edgeLimitsFromEnv, type EdgeLimits } from "./edge";
import { isDevMode } from "./dev-mode";
import { createSamlaServer } from "./server";

export { apiWorkerCount, createReportEvents, forkApiWorkers };

export interface ApiServerOptions {
  db: Db;
  /** The OIDC issuer, e.g. http://localhost:8180/realms/samla */
  issuer: string;
  audience?: string;
  clientId?: string;
  /** JWKS URL when the API cannot reach the issuer's own (containers). */
  jwksUrl?: string;
  port: number;
  host?: string;
  corsOrigins?: string[];
  /** No introspection, field suggestions or GraphiQL. Default: unless SAMLA_DEV=1. */
  production?: boolean;
  /** Live report events; default in memory (one process). See createReportEvents. */
  reportEvents?: ReportEventBus;
  /** Limits at the edge (body size, rate limits, ...); default from the environment (edgeLimitsFromEnv). */
  edge?: Partial<EdgeLimits>;
}

export interface RunningApi {
  url: string;
  close(): Promise<void>;
}

export async function startApiServer(options: ApiServerOptions): Promise<RunningApi> {
  const verifyToken = createTokenVerifier({
    issuer: options.issuer,
    audience: options.audience ?? "samla-api",
    clientId: options.clientId ?? "samla-web",
    jwksUrl: options.jwksUrl,
  });
  const yoga = createSamlaServer({
    db: options.db,
    verifyToken,
    production: options.production ?? !isDevMode(),
    corsOrigins: options.corsOrigins,
    reportEvents: options.reportEvents,
    edge: options.edge ?? edgeLimitsFromEnv(process.env),
  });
  const server: Server = createServer(yoga);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}/graphql`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        // Live event streams never end by themselves: give requests in flight a moment, then end them.
        setTimeout(() => server.closeAllConnections(), 5_000).unref();
      }),
  };
}

// Run directly: configuration from the environment (the container image uses this). With
// SAMLA_API_WORKERS=N on PostgreSQL this process forks N API workers that share the port;
// each worker runs this same file and serves.
if (import.meta.url === `file://${process.argv[1]}`) {
  const issuer = process.env.OIDC_ISSUER;
  if (!issuer) throw new Error("OIDC_ISSUER must be set, e.g. http://keycloak:8080/realms/samla");
  const databaseUrl = process.env.DATABASE_URL ?? ".data/pglite";
  const workers = apiWorkerCount(process.env, databaseKind(databaseUrl) === "postgres");
  if (workers > 1 && !process.env.SAMLA_API_WORKER) {
    const running = await forkApiWorkers(workers, process.env);
    console.log(`Samla API: ${running.count} workers on port ${process.env.PORT ?? 4000}`);
    const stop = () => void running.close().then(() => process.exit(0));
    process.once("SIGTERM", stop);
    process.once("SIGINT", stop);
  } else {
    const db = createDb(databaseUrl);
    const api = await startApiServer({
      db,
      // On PostgreSQL, through LISTEN/NOTIFY: every instance behind the load balancer delivers every event.
      reportEvents: createReportEvents(process.env.DATABASE_URL),
      issuer,
      audience: process.env.OIDC_AUDIENCE,
      clientId: process.env.OIDC_CLIENT_ID,
      jwksUrl: process.env.OIDC_JWKS_URL,
      port: Number(process.env.PORT ?? 4000),
      host: process.env.HOST ?? "0.0.0.0",
      corsOrigins: process.env.CORS_ORIGINS?.split(","),
      production: !isDevMode(),
    });
    if (!process.env.SAMLA_API_WORKER) console.log(`Samla API listening on ${api.url}`);
    const stop = () => void api.close().then(() => db.$disconnect()).finally(() => process.exit(0));
    process.once("SIGTERM", stop);
    process.once("SIGINT", stop);
  }
}
