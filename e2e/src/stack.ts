// Starts the whole product for the e2e suite exactly as `npm start` does, but on its
// own ports and a fresh database: a new PGlite directory, or a new database on the
// PostgreSQL server that DATABASE_URL names.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { E2E_PORTS } from "./ports";

async function freshPostgresDatabase(serverUrl: string): Promise<string> {
  const name = "samla_e2e";
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

const serverUrl = process.env.DATABASE_URL;
process.env.DATABASE_URL = serverUrl?.startsWith("postgres")
  ? await freshPostgresDatabase(serverUrl)
  : path.join(mkdtempSync(path.join(tmpdir(), "samla-e2e-")), "pglite");
process.env.SAMLA_WEB_PORT = String(E2E_PORTS.web);
process.env.SAMLA_API_PORT = String(E2E_PORTS.api);
process.env.SAMLA_IDP_PORT = String(E2E_PORTS.idp);

await import("../../scripts/start");
