// The minimal raw-SQL reference server: node:http and a pg Pool, one statement per
// workload (./sql-queries.ts) that returns the answer as JSON text, written to the
// response as it comes. No GraphQL, no validation beyond what the bench sends. A child
// process of bench:api:
//   POST /<workload>   body: the GraphQL request's JSON ({query, variables}); the query is ignored
// Env: DATABASE_URL, PORT, HOST (127.0.0.1), PG_POOL_MAX (10, as Samla's PGPOOL_MAX and PostGraphile's pool).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import pg from "pg";
import { ADOPTION_DASHBOARD, METHOD_COMPARISON, OFFICE_LIST, OFFICE_PAGE, ORG_GRAPH, PEOPLE_SEARCH } from "./sql-queries";

const connectionString = process.env.DATABASE_URL;
if (!connectionString) throw new Error("DATABASE_URL must be set");
const port = Number(process.env.PORT ?? 4704);
const host = process.env.HOST ?? "127.0.0.1";
// JIT off, as on the API's own connections (schema/src/adapter.ts): these statements are too
// short for compiling them to pay.
const pool = new pg.Pool({ connectionString, max: Number(process.env.PG_POOL_MAX ?? 10), options: "-c jit=off" });

type Variables = Record<string, unknown>;

class BadRequest extends Error {}

/** The local id inside a relay global id of `type` (as the API decodes it). */
function localId(value: unknown, type: string): string {
  const decoded = typeof value === "string" ? Buffer.from(value, "base64").toString("utf8") : "";
  if (!decoded.startsWith(`${type}:`)) throw new BadRequest(`not a ${type} id: ${String(value)}`);
  return decoded.slice(type.length + 1);
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "object" && Object.keys(value).length === 0);
}

/** Statement and parameters per workload, from the variables the web app sends. */
const WORKLOADS: Record<string, (variables: Variables) => { text: string; values: unknown[] }> = {
  officePage: (v) => ({ text: OFFICE_PAGE, values: [localId(v.id, "Office")] }),
  orgGraph: (v) => {
    const scope = (v.scope ?? {}) as { officeIds?: string[]; all?: boolean; collapsed?: boolean; expandedOfficeIds?: string[]; mergerId?: string };
    if (scope.mergerId) throw new BadRequest("merger scopes are not part of the reference");
    const all = Boolean(scope.all);
    return {
      text: ORG_GRAPH,
      values: [
        (scope.officeIds ?? []).map((id) => localId(id, "Office")),
        all,
        scope.collapsed ?? all,
        (scope.expandedOfficeIds ?? []).map((id) => localId(id, "Office")),
      ],
    };
  },
  officeList: (v) => {
    if (!isEmpty(v.filter) || v.after) throw new BadRequest("only the first page without a filter");
    return { text: OFFICE_LIST, values: [Number(v.first ?? 20)] };
  },
  peopleSearch: (v) => {
    const filter = (v.filter ?? {}) as { text?: string };
    if (Object.keys(filter).some((key) => key !== "text") || v.after) throw new BadRequest("only a text search, first page");
    const text = (filter.text ?? "").trim().replace(/[\\%_]/g, (c) => `\\${c}`);
    return { text: PEOPLE_SEARCH, values: [`%${text}%`, Number(v.first ?? 20)] };
  },
  pilotComparison: (v) => {
    if (!isEmpty(v.officeIds) || v.from || v.to) throw new BadRequest("only the default pilots and period");
    return { text: METHOD_COMPARISON, values: [] };
  },
  adoptionDashboard: (v) => {
    if (!isEmpty(v.filter)) throw new BadRequest("only the default filter");
    return { text: ADOPTION_DASHBOARD, values: [] };
  },
};

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const name = (request.url ?? "/").slice(1).split("?")[0]!;
  if (request.method === "GET" && name === "healthz") {
    response.writeHead(200, { "content-type": "application/json" }).end('{"status":"ok"}');
    return;
  }
  const workload = WORKLOADS[name];
  if (request.method !== "POST" || !workload) {
    response.writeHead(404, { "content-type": "application/json" }).end('{"error":"unknown workload"}');
    return;
  }
  try {
    const body = JSON.parse((await readBody(request)) || "{}") as { variables?: Variables };
    const { text, values } = workload(body.variables ?? {});
    const result = await pool.query<{ body: string }>({ text, values });
    response.writeHead(200, { "content-type": "application/json; charset=utf-8" }).end(result.rows[0]?.body ?? '{"data":null}');
  } catch (error) {
    const status = error instanceof BadRequest || error instanceof SyntaxError ? 400 : 500;
    if (status === 500) console.error(error);
    response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify({ errors: [{ message: String(error) }] }));
  }
}

const server = createServer((request, response) => void handle(request, response));
server.keepAliveTimeout = 65_000;
server.listen(port, host, () => console.log(`SQL reference listening on http://${host}:${port}/`));
const stop = () => {
  server.close();
  void pool.end().finally(() => process.exit(0));
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
