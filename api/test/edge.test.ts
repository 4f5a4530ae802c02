// Limits at the edge (issue 13), through real HTTP on 127.0.0.1: body size (declared and
// chunked), read-argument lengths, rate limits per IP and per user, and the per-user
// concurrency guard. Each test starts its own server with the limits it needs.
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createDb } from "@samla/schema";
import { GraphQLError, parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { boundedParserCache, DEFAULT_EDGE_LIMITS, type EdgeLimits } from "../src/edge";
import { createKeyedSemaphore } from "../src/edge/user-concurrency";
import { statementTimeoutError } from "../src/lib/unexpected-errors";
import { createSamlaServer } from "../src/server";
import { createTestApi, type TestApi, type UserName } from "./harness";

let api: TestApi;
const servers: Server[] = [];

beforeAll(async () => {
  api = await createTestApi();
});
afterAll(async () => {
  for (const server of servers) server.closeAllConnections();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  await api?.close();
});

// Ports from this workspace's range (16000-16999), one per server, in case of a parallel run.
let nextPort = 16_100 + Math.floor(Math.random() * 400);

/** Serves the test database over HTTP with the given edge limits; resolves to its origin. */
async function serve(edge: Partial<EdgeLimits> = {}): Promise<string> {
  const yoga = createSamlaServer({ db: api.db, verifyToken: api.tokens.verifyToken, logging: false, edge });
  const server = createServer(yoga);
  servers.push(server);
  for (;;) {
    const port = nextPort++;
    const listening = await new Promise<boolean>((resolve) => {
      server.once("error", () => resolve(false));
      server.listen(port, "127.0.0.1", () => resolve(true));
    });
    if (listening) return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }
}

interface Answer {
  status: number;
  headers: Headers;
  body: { data?: Record<string, unknown>; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

async function post(origin: string, body: string, as: UserName | null = "viewer"): Promise<Answer> {
  const headers: Record<string, string> = { "content-type": "application/json", accept: "application/graphql-response+json" };
  if (as) headers.authorization = `Bearer ${await api.tokens.token(as)}`;
  const response = await fetch(`${origin}/graphql`, { method: "POST", headers, body });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

const graphql = (origin: string, query: string, variables: Record<string, unknown> = {}, as: UserName | null = "viewer") =>
  post(origin, JSON.stringify({ query, variables }), as);

describe("request body size", () => {
  it("answers a document under the limit", async () => {
    const origin = await serve();
    const answer = await post(origin, JSON.stringify({ query: `#${"x".repeat(900 * 1024)}\n{ health }` }));
    expect(answer.status).toBe(200);
    expect(answer.body.data).toEqual({ health: "ok" });
  });

  it("refuses a body whose Content-Length is over 1 MB with 413 and a GraphQL-style error", async () => {
    const origin = await serve();
    const answer = await post(origin, JSON.stringify({ query: `#${"x".repeat(1024 * 1024)}\n{ health }` }), null);
    expect(answer.status).toBe(413);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe("PAYLOAD_TOO_LARGE");
    expect(answer.body.errors?.[0]?.message).toBe("Forespørselen er for stor: høyst 1 MB er tillatt.");
  });

  it("cuts off a chunked body (no Content-Length) once it passes the limit, without reading the rest", async () => {
    const origin = await serve({ maxBodyBytes: 64 * 1024 });
    const url = new URL(`${origin}/graphql`);
    const chunk = Buffer.from("x".repeat(16 * 1024));
    const willSend = 64 * 1024 * 1024;
    const result = await new Promise<{ status: number; body: string; sent: number }>((resolve, reject) => {
      let sent = 0;
      const req = httpRequest(
        { host: url.hostname, port: url.port, path: url.pathname, method: "POST", headers: { "content-type": "application/json", "transfer-encoding": "chunked" } },
        (res) => {
          let body = "";
          res.on("data", (data) => (body += data));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body, sent }));
        },
      );
      // The server may close the socket while we still write: that is the point.
      req.on("error", (error) => (sent > 0 ? undefined : reject(error)));
      req.write(`{"query":"#`);
      const pump = () => {
        while (sent < willSend && !req.destroyed) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once("drain", pump);
        }
        if (!req.destroyed) req.end();
      };
      pump();
    });
    expect(result.status).toBe(413);
    expect(JSON.parse(result.body).errors[0].extensions.code).toBe("PAYLOAD_TOO_LARGE");
    // The answer came long before the 64 MB were sent.
    expect(result.sent).toBeLessThan(willSend / 4);
  });

  it("lets HR and admins send files up to the upload limit, and no one else", async () => {
    const origin = await serve({ maxBodyBytes: 64 * 1024, maxUploadBytes: 1024 * 1024 });
    const body = JSON.stringify({ query: `#${"x".repeat(200 * 1024)}\n{ health }` });
    expect((await post(origin, body, "viewer")).status).toBe(413);
    expect((await post(origin, body, null)).status).toBe(413);
    const asHr = await post(origin, body, "hr");
    expect(asHr.status).toBe(200);
    expect(asHr.body.data).toEqual({ health: "ok" });
    const tooLargeEvenForHr = await post(origin, JSON.stringify({ query: `#${"x".repeat(1100 * 1024)}\n{ health }` }), "hr");
    expect(tooLargeEvenForHr.status).toBe(413);
  });
});

describe("text length of read arguments", () => {
  const peopleSearch = `query($text: String) { people(first: 1, text: $text) { totalCount } }`;

  it("answers a search of 200 characters", async () => {
    const origin = await serve();
    const answer = await graphql(origin, peopleSearch, { text: "z".repeat(200) });
    expect(answer.status).toBe(200);
    expect(answer.body.data).toEqual({ people: { totalCount: 0 } });
  });

  it("refuses a 100,000-character search at once with 400 BAD_USER_INPUT naming the argument", async () => {
    const origin = await serve();
    const started = performance.now();
    const answer = await graphql(origin, peopleSearch, { text: "z".repeat(100_000) });
    const elapsedMs = performance.now() - started;
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "people.text", maxLength: 200 });
    expect(answer.body.errors?.[0]?.message).toBe("Teksten i «people.text» er for lang: høyst 200 tegn (fikk 100000).");
    expect(answer.body.data).toBeUndefined();
    expect(elapsedMs).toBeLessThan(1_000);
  });

  it("checks literals and texts inside filter objects, e.g. offices(filter: {text})", async () => {
    const origin = await serve();
    const answer = await graphql(origin, `{ offices(first: 1, filter: { text: "${"å".repeat(201)}" }) { totalCount } }`);
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "offices.filter.text" });
  });
});

describe("rate limits", () => {
  it("gives 429 with Retry-After once an IP passes its limit", async () => {
    const origin = await serve({ rateLimits: { perIp: { points: 3, windowSeconds: 60 }, perUser: { points: 0, windowSeconds: 60 }, trustedProxies: 0 } });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await graphql(origin, "{ health }", {}, null)).status);
    expect(statuses).toEqual([200, 200, 200]);
    const refused = await graphql(origin, "{ health }", {}, null);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
    expect(refused.body.errors?.[0]?.message).toMatch(/For mange forespørsler/);
  });

  it("limits each signed-in user on their own: one user's 429 does not stop another", async () => {
    const origin = await serve({ rateLimits: { perIp: { points: 0, windowSeconds: 60 }, perUser: { points: 2, windowSeconds: 60 }, trustedProxies: 0 } });
    expect((await graphql(origin, "{ health }", {}, "viewer")).status).toBe(200);
    expect((await graphql(origin, "{ health }", {}, "viewer")).status).toBe(200);
    const refused = await graphql(origin, "{ health }", {}, "viewer");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
    expect((await graphql(origin, "{ health }", {}, "planner")).status).toBe(200);
  });

  it("does not throttle with the defaults: 300 quick requests of one user all answer", async () => {
    const origin = await serve(DEFAULT_EDGE_LIMITS);
    const answers = await Promise.all(Array.from({ length: 300 }, () => graphql(origin, "{ health }", {}, "viewer")));
    expect(answers.map((a) => a.status).filter((s) => s !== 200)).toEqual([]);
  });
});

describe("concurrent requests per user", () => {
  it("lets a user run at most N operations at once; extras get 429 (here at once), other users are not refused", async () => {
    const origin = await serve({ userConcurrency: { maxConcurrent: 1, maxWaitMs: 0 } });
    const search = `{ people(first: 5) { totalCount } }`;
    // A slow statement, made deterministic: the people table is locked for a moment, so the
    // first search holds its slot while the next ones arrive.
    let unlock!: () => void;
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const lockHeld = api.db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`LOCK TABLE "Person" IN ACCESS EXCLUSIVE MODE`);
      locked();
      await new Promise<void>((resolve) => (unlock = resolve));
    }, { timeout: 20_000 });
    await isLocked;
    const first = graphql(origin, search, {}, "viewer");
    await new Promise((resolve) => setTimeout(resolve, 300));
    const extras = await Promise.all(Array.from({ length: 3 }, () => graphql(origin, search, {}, "viewer")));
    const otherUser = graphql(origin, search, {}, "planner");
    unlock();
    await lockHeld;
    expect((await first).status).toBe(200);
    expect((await otherUser).status).toBe(200);
    expect(extras.map((a) => a.status)).toEqual([429, 429, 429]);
    const refused = extras[0]!;
    expect(refused.body.errors?.[0]?.extensions?.code).toBe("TOO_MANY_CONCURRENT_REQUESTS");
    expect(refused.body.errors?.[0]?.message).toMatch(/for mange forespørsler i gang samtidig/);
    expect(refused.headers.get("retry-after")).toBe("1");
  });
});

describe("per-user slots (createKeyedSemaphore)", () => {
  it("admits the next in line when a slot is released, and refuses one that waited too long", async () => {
    const semaphore = createKeyedSemaphore(1);
    const first = await semaphore.acquire("a", 1_000);
    expect(first).not.toBeNull();
    const second = semaphore.acquire("a", 1_000);
    const third = semaphore.acquire("a", 20);
    expect(await semaphore.acquire("b", 0)).not.toBeNull(); // another key has its own slot
    expect(await third).toBeNull(); // waited 20 ms while "a" was busy
    first!();
    first!(); // a second release of the same slot is ignored
    const admitted = await second;
    expect(admitted).not.toBeNull();
    expect(semaphore.running("a")).toBe(1);
    admitted!();
    expect(semaphore.running("a")).toBe(0);
  });
});

describe("bounded parse cache (boundedParserCache)", () => {
  it("keeps small documents, never large ones, and at most maxDocuments", () => {
    const cache = boundedParserCache({ maxDocuments: 3, maxDocumentBytes: 100, maxTotalBytes: 1_000 });
    const documents = cache.documentCache!;
    const parsed = parse("{ health }");
    documents.set("{ health }", parsed);
    expect(documents.get("{ health }")).toBe(parsed);
    const large = `#${"x".repeat(200)}\n{ health }`;
    documents.set(large, parse(large));
    expect(documents.get(large)).toBeUndefined();
    for (const i of [1, 2, 3]) documents.set(`{ h${i}: health }`, parsed);
    expect(documents.get("{ health }")).toBeUndefined(); // the oldest made room
    expect(documents.get("{ h3: health }")).toBe(parsed);
  });
});

describe("statement timeout (PostgreSQL)", () => {
  it.skipIf(!/^postgres(ql)?:/.test(process.env.DATABASE_URL ?? ""))(
    "cancels a statement that runs longer than SAMLA_STATEMENT_TIMEOUT_MS, 10 s by default",
    async () => {
      expect(await api.db.$queryRawUnsafe(`SHOW statement_timeout`)).toEqual([{ statement_timeout: "10s" }]);
      process.env.SAMLA_STATEMENT_TIMEOUT_MS = "200";
      const db = createDb(api.url!);
      delete process.env.SAMLA_STATEMENT_TIMEOUT_MS;
      try {
        const started = performance.now();
        const cancelled: unknown = await db.$queryRawUnsafe(`SELECT pg_sleep(5)`).catch((error: unknown) => error);
        expect(String(cancelled)).toMatch(/statement timeout/);
        expect(performance.now() - started).toBeLessThan(2_000);
        // The client is told what happened (503, typed), even through GraphQL's wrapping.
        const told = statementTimeoutError(new GraphQLError("wrapped", { originalError: cancelled as Error }));
        expect(told?.extensions).toMatchObject({ code: "STATEMENT_TIMEOUT", http: { status: 503 } });
        expect(statementTimeoutError(new Error("other"))).toBeNull();
      } finally {
        await db.$disconnect();
      }
    },
  );
});
