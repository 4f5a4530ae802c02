// Sends every request of the fuzz, as a client would (POST /graphql, JSON, the CSRF header,
// a Bearer token per role), and judges it: status × error-code tallies, internal errors,
// 5xx, timeouts, crashes of the API child (restarted, so the rest still runs), and row
// changes that no successful mutation explains.
import type { ApiChild } from "./child";
import type { Caller, Role } from "./tokens";

export interface GraphQLError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

export interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: GraphQLError[];
}

export interface Outcome {
  status: number;
  ms: number;
  body?: GraphQLBody;
  /** No usable answer: the request timed out, the connection failed, or the body was not JSON. */
  transport?: "timeout" | "connection" | "not-json";
  /** "200 data", "400 BAD_USER_INPUT", "200 ValidationError (payload)", … */
  key: string;
  internal: boolean;
  /** A mutation whose payload is not an Error type and came without errors. */
  success: boolean;
}

export interface Failure {
  kind: "internal" | "5xx" | "timeout" | "crash" | "rows" | "case";
  /** Groups failures in the report, e.g. "people · text · nul". */
  signature: string;
  detail: string;
  repro?: string;
}

export interface SendOptions {
  /** The mutation field: its row changes are allowed only when it succeeded. */
  mutationField?: string;
  /** Error union members of the mutation's result (payload __typename of a refusal). */
  errorTypes?: ReadonlySet<string>;
  /** Groups failures in the report. */
  signature: string;
  timeoutMs?: number;
  /** A raw body (the flood) instead of JSON.stringify({query, variables}). */
  rawBody?: string;
}

export type Counts = Record<string, number>;

export class Runner {
  readonly tallies = new Map<string, number>();
  /** The first error message seen under each tally key, to tell what e.g. "200 NO_CODE" is. */
  readonly sampleMessages = new Map<string, string>();
  readonly failures: Failure[] = [];
  requests = 0;
  private counts: Counts = {};
  private queriesSinceSnapshot = 0;
  private lastQuerySignatures: string[] = [];

  constructor(
    private readonly api: ApiChild,
    private readonly tokens: Record<Role, string>,
    private readonly defaultTimeoutMs: number,
  ) {}

  async init(): Promise<void> {
    this.counts = await this.fetchCounts();
  }

  async fetchCounts(): Promise<Counts> {
    const response = await fetch(`${this.api.controlOrigin}/counts`, { signal: AbortSignal.timeout(60_000) });
    if (!response.ok) throw new Error(`row counts: ${response.status} ${await response.text()}`);
    return (await response.json()) as Counts;
  }

  async sampleIds(): Promise<Record<string, string[]>> {
    const response = await fetch(`${this.api.controlOrigin}/ids`, { signal: AbortSignal.timeout(60_000) });
    if (!response.ok) throw new Error(`sample ids: ${response.status}`);
    return (await response.json()) as Record<string, string[]>;
  }

  fail(failure: Failure): void {
    this.failures.push(failure);
  }

  async send(caller: Caller, query: string, variables: Record<string, unknown> | undefined, options: SendOptions): Promise<Outcome> {
    // Queries since the last snapshot are judged on their own, so a mutation's success cannot excuse them.
    if (options.mutationField && this.queriesSinceSnapshot > 0) await this.checkRows("queries", "", false);
    this.requests += 1;
    const headers: Record<string, string> = {
      "content-type": "application/json",
      accept: "application/graphql-response+json, application/json",
      "x-samla-csrf": "1",
    };
    if (caller !== "anonymous") headers.authorization = `Bearer ${this.tokens[caller]}`;
    const body = options.rawBody ?? JSON.stringify({ query, variables });
    const started = performance.now();
    let outcome: Outcome;
    try {
      const response = await fetch(`${this.api.origin}/graphql`, {
        method: "POST",
        headers,
        body,
        signal: AbortSignal.timeout(options.timeoutMs ?? this.defaultTimeoutMs),
      });
      const text = await response.text();
      const ms = performance.now() - started;
      let parsed: GraphQLBody | undefined;
      try {
        parsed = JSON.parse(text) as GraphQLBody;
      } catch {
        parsed = undefined;
      }
      outcome = judge(response.status, ms, parsed, options);
    } catch (error) {
      const ms = performance.now() - started;
      const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
      const transport = timedOut ? "timeout" : "connection";
      outcome = { status: 0, ms, transport, key: transport, internal: false, success: false };
    }
    this.tallies.set(outcome.key, (this.tallies.get(outcome.key) ?? 0) + 1);
    const firstError = outcome.body?.errors?.[0];
    if (firstError && !this.sampleMessages.has(outcome.key)) this.sampleMessages.set(outcome.key, `${options.signature}: ${truncate(firstError.message, 140)}`);
    // Variables first: they hold the hostile value, the query is long but generated.
    const repro = options.rawBody
      ? `as ${caller}: <${body.length} bytes> ${truncate(body.slice(0, 120), 120)}`
      : `as ${caller}: variables ${truncate(JSON.stringify(variables ?? {}), 400)} · query ${truncate(query, 300)}`;

    if (outcome.internal) {
      const messages = (outcome.body?.errors ?? []).map((error) => `${error.extensions?.code ?? "?"} ${error.message} @${(error.path ?? []).join(".")}`);
      this.fail({ kind: "internal", signature: options.signature, detail: `${outcome.key}: ${truncate(messages.join("; "), 300)}`, repro });
    } else if (outcome.status >= 500) {
      this.fail({ kind: "5xx", signature: options.signature, detail: outcome.key, repro });
    }
    if (outcome.transport === "timeout") {
      this.fail({ kind: "timeout", signature: options.signature, detail: `no answer within ${options.timeoutMs ?? this.defaultTimeoutMs} ms`, repro });
    }
    if (outcome.transport === "connection" || !this.api.alive) {
      // A refused connection while the child still runs is a crash under way: give it a moment.
      if (this.api.alive) await this.api.exitedWithin(3000);
      if (!this.api.alive) {
        this.api.crashes += 1;
        this.fail({ kind: "crash", signature: options.signature, detail: `the API exited (${this.api.exitDescription}); restarted`, repro });
        await this.api.start();
        this.counts = await this.fetchCounts();
        return outcome;
      }
    }

    if (options.mutationField) {
      await this.checkRows(options.signature, repro, outcome.success);
    } else {
      this.queriesSinceSnapshot += 1;
      this.lastQuerySignatures.push(options.signature);
      if (this.queriesSinceSnapshot >= 200) await this.checkRows("queries", "", false);
    }
    return outcome;
  }

  /**
   * Compares row counts with the last snapshot. A mutation that succeeded may change rows;
   * anything else (a refused mutation, a run of queries) must change none.
   */
  async checkRows(signature: string, repro: string, allowed: boolean): Promise<void> {
    const before = this.counts;
    const after = await this.fetchCounts();
    this.counts = after;
    const querySignatures = this.lastQuerySignatures;
    this.queriesSinceSnapshot = 0;
    this.lastQuerySignatures = [];
    if (allowed) return;
    const changed = diffCounts(before, after);
    if (changed.length === 0) return;
    if (signature === "queries") {
      const sample = [...new Set(querySignatures)].slice(0, 8).join(", ");
      this.fail({ kind: "rows", signature, detail: `queries changed rows: ${changed.join(", ")}; among them: ${sample}`, repro });
    } else {
      this.fail({ kind: "rows", signature, detail: `a refused mutation changed rows: ${changed.join(", ")}`, repro });
    }
  }
}

function judge(status: number, ms: number, body: GraphQLBody | undefined, options: SendOptions): Outcome {
  if (!body) return { status, ms, transport: "not-json", key: `${status} (not JSON)`, internal: status >= 500, success: false };
  const errors = body.errors ?? [];
  const internal = status >= 500 || errors.some((error) => error.extensions?.code === "INTERNAL_SERVER_ERROR" || /unexpected error/i.test(error.message));
  let label: string;
  let success = false;
  if (errors.length > 0) {
    label = [...new Set(errors.map((error) => error.extensions?.code ?? "NO_CODE"))].sort().join("+");
  } else if (options.mutationField) {
    const payload = body.data?.[options.mutationField] as { __typename?: string } | null | undefined;
    const typename = payload?.__typename;
    if (typename && options.errorTypes?.has(typename)) label = `${typename} (payload)`;
    else if (payload === null || payload === undefined) label = "null";
    else {
      label = "success";
      success = true;
    }
  } else {
    label = "data";
  }
  return { status, ms, body, key: `${status} ${label}`, internal, success };
}

export function diffCounts(before: Counts, after: Counts): string[] {
  const tables = new Set([...Object.keys(before), ...Object.keys(after)]);
  const changed: string[] = [];
  for (const table of [...tables].sort()) {
    const was = before[table] ?? 0;
    const now = after[table] ?? 0;
    if (was !== now) changed.push(`${table} ${was}→${now}`);
  }
  return changed;
}

/** Shortened, with control characters and lone surrogates escaped so a terminal or grep shows them. */
export function truncate(text: string, max: number): string {
  const shown = text.length <= max ? text : `${text.slice(0, max)}… (${text.length} chars)`;
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  return shown.replace(/[\u0000-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
