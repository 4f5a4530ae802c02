// Serves the built SPA (web/build/client) with its runtime configuration at
// /config.json, so one build runs against any IdP and API. Used by `npm start` and, run
// directly, by the web container image (config from SAMLA_OIDC_URL, SAMLA_API_URL).
import { createServer, type Server } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import sirv from "sirv";

export interface WebRuntimeConfig {
  /** Keycloak's base URL (the realm is appended by keycloak-js). */
  oidcUrl: string;
  realm: string;
  clientId: string;
  apiUrl: string;
}

const buildDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "build", "client");

export function createWebServer(config: WebRuntimeConfig): Server {
  const body = JSON.stringify(config);
  const serveStatic = sirv(buildDir, { single: true, etag: true });
  return createServer((req, res) => {
    if (req.url === "/config.json") {
      res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
      res.end(body);
      return;
    }
    serveStatic(req, res);
  });
}

export async function startWebServer(config: WebRuntimeConfig, port: number, host = "127.0.0.1"): Promise<Server> {
  const server = createWebServer(config);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, resolve);
  });
  return server;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env.PORT ?? 8080);
  await startWebServer(
    {
      oidcUrl: process.env.SAMLA_OIDC_URL ?? "http://localhost:8180",
      realm: process.env.SAMLA_OIDC_REALM ?? "samla",
      clientId: process.env.SAMLA_OIDC_CLIENT ?? "samla-web",
      apiUrl: process.env.SAMLA_API_URL ?? "http://localhost:4000/graphql",
    },
    port,
    process.env.HOST ?? "0.0.0.0",
  );
  console.log(`Samla web on http://localhost:${port}`);
}
