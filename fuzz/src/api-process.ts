// The API under fuzz, as its own process: Samla's real server (startApiServer, production
// mode) on 127.0.0.1, plus a small control server on a second local port that the fuzz
// reads row counts and sample ids from. The control server lives in this process because
// PGlite allows one process per data directory; on PostgreSQL it is the same code, so both
// databases are judged alike. Started by fuzz/src/api-child.ts.
import { createServer } from "node:http";
import { createDb } from "@samla/schema";
import { createReportEvents, startApiServer } from "@samla/api/main";

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} must be set`);
  return value;
}

const databaseUrl = required("FUZZ_DATABASE_URL");
const db = createDb(databaseUrl);
const api = await startApiServer({
  db,
  reportEvents: createReportEvents(databaseUrl),
  issuer: required("FUZZ_ISSUER"),
  jwksUrl: required("FUZZ_JWKS_URL"),
  port: Number(required("FUZZ_API_PORT")),
  host: "127.0.0.1",
  production: process.env.FUZZ_API_DEV !== "1",
});

const tableRows = await db.$queryRawUnsafe<{ table_name: string }[]>(
  `SELECT table_name::text AS table_name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
    ORDER BY table_name`,
);
const tables = tableRows.map((row) => row.table_name);
const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;
const countSql = tables.map((table) => `SELECT '${table}' AS t, count(*)::int AS n FROM ${quoted(table)}`).join(" UNION ALL ");

async function counts(): Promise<Record<string, number>> {
  const rows = await db.$queryRawUnsafe<{ t: string; n: number }[]>(countSql);
  return Object.fromEntries(rows.map((row) => [row.t, Number(row.n)]));
}

/** Up to five ids per table with an `id` column, lowest first: stable across runs of one seed. */
async function sampleIds(): Promise<Record<string, string[]>> {
  const withId = await db.$queryRawUnsafe<{ table_name: string }[]>(
    `SELECT table_name::text AS table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'id'`,
  );
  const result: Record<string, string[]> = {};
  for (const { table_name: table } of withId) {
    if (!tables.includes(table)) continue;
    const rows = await db.$queryRawUnsafe<{ id: string }[]>(`SELECT id::text AS id FROM ${quoted(table)} ORDER BY id LIMIT 5`);
    result[table] = rows.map((row) => row.id);
  }
  return result;
}

const control = createServer((request, response) => {
  const answer = (body: unknown) => {
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify(body));
  };
  const failed = (error: unknown) => {
    response.writeHead(500, { "content-type": "text/plain" });
    response.end(String(error));
  };
  if (request.url === "/counts") counts().then(answer, failed);
  else if (request.url === "/ids") sampleIds().then(answer, failed);
  else response.writeHead(404).end();
});
await new Promise<void>((resolve, reject) => {
  control.once("error", reject);
  control.listen(Number(required("FUZZ_CONTROL_PORT")), "127.0.0.1", resolve);
});
console.log(`fuzz API on ${api.url}, control on 127.0.0.1:${process.env.FUZZ_CONTROL_PORT}`);

const stop = () =>
  void Promise.all([api.close(), new Promise((resolve) => control.close(resolve))])
    .then(() => db.$disconnect())
    .finally(() => process.exit(0));
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
