// The servers under test and how each one is asked for a workload.
import type { Child } from "./processes";
import type { TokenIssuer } from "./tokens";
import { sqlRoute, type Workload } from "./workloads";

export type ServerKind = "samla" | "postgraphile" | "sql";

export interface Server {
  /** "Samla ×1", "Samla ×2", "PostGraphile", "SQL reference" */
  label: string;
  kind: ServerKind;
  /** e.g. http://127.0.0.1:4701 */
  origin: string;
  child: Child;
}

export interface PreparedRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** The headers the web app's client sends (web/app/graphql/client.ts). */
export function webHeaders(token: string): Record<string, string> {
  return {
    authorization: `Bearer ${token}`,
    "content-type": "application/json",
    accept: "application/graphql-response+json, application/json",
    "x-samla-csrf": "1",
  };
}

/** The request `server` gets for `workload`, or null when it cannot serve it. */
export async function requestFor(server: Server, workload: Workload, tokens: TokenIssuer): Promise<PreparedRequest | null> {
  const headers = webHeaders(await tokens.token(workload.user));
  if (server.kind === "samla") {
    return { url: `${server.origin}/graphql`, headers, body: JSON.stringify({ query: workload.document, variables: workload.variables }) };
  }
  if (server.kind === "postgraphile") {
    if (!workload.postgraphile) return null;
    const { query, variables } = workload.postgraphile;
    return { url: `${server.origin}/graphql`, headers, body: JSON.stringify({ query, variables }) };
  }
  // The reference gets the web's own request body; it reads only the variables.
  return { url: `${server.origin}${sqlRoute(workload)}`, headers, body: JSON.stringify({ query: workload.document, variables: workload.variables }) };
}

export interface Fetched {
  status: number;
  text: string;
  ms: number;
}

export async function send(request: PreparedRequest, timeoutMs = 60_000): Promise<Fetched> {
  const started = performance.now();
  const response = await fetch(request.url, {
    method: "POST",
    headers: request.headers,
    body: request.body,
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  return { status: response.status, text, ms: performance.now() - started };
}

/** True for a 2xx JSON answer with data and without GraphQL errors. */
export function isGoodAnswer(fetched: Fetched): boolean {
  return fetched.status >= 200 && fetched.status < 300 && fetched.text.startsWith('{"data"') && !fetched.text.includes('"errors"');
}
