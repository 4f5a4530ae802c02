// The HTTP layer: health, malformed requests, CSRF, CORS, request limits, production mode
// and masked errors.
import type { Db } from "@samla/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSamlaServer } from "../src/server";
import { createTokenIssuer, createTestApi, dataOf, type TestApi } from "./harness";

let api: TestApi;

beforeAll(async () => {
  api = await createTestApi({ corsOrigins: ["http://localhost:5173"] });
});
afterAll(() => api?.close());

describe("health", () => {
  it("GET /healthz answers 200 {status: ok} when the database answers", async () => {
    const response = await api.fetch("/healthz");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("GET /healthz answers 503 when the database does not", async () => {
    const broken = { $queryRaw: () => Promise.reject(new Error("down")) } as unknown as Db;
    const server = createSamlaServer({ db: broken, verifyToken: api.tokens.verifyToken, logging: false });
    const response = await server.fetch(new Request("http://localhost/healthz"));
    expect(response.status).toBe(503);
  });
});

describe("malformed requests", () => {
  it("gives 400 with the syntax error for a document that does not parse", async () => {
    const response = await api.graphql(`{ offices { totalCount `);
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.message).toMatch(/Syntax Error/);
  });

  it("gives 400 for an unknown field", async () => {
    const response = await api.graphql(`{ officez { totalCount } }`);
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.message).toMatch(/Cannot query field "officez"/);
  });

  it("answers a legacy client that accepts only application/json with 200 and the error (never 500)", async () => {
    const response = await api.graphql(`{ offices { `, {}, { headers: { accept: "application/json" } });
    expect(response.status).toBe(200);
    expect(response.errors?.[0]?.message).toMatch(/Syntax Error/);
  });

  it("gives 400 for a body that is not JSON", async () => {
    const response = await api.fetch("/graphql", { method: "POST", headers: { "content-type": "application/json" }, body: "{not json" });
    expect(response.status).toBe(400);
  });
});

describe("CSRF prevention", () => {
  it("refuses a GET without the CSRF header, and accepts it with x-samla-csrf", async () => {
    const token = await api.tokens.token("viewer");
    const url = `/graphql?query=${encodeURIComponent("{ health }")}`;
    const plain = await api.fetch(url, { headers: { authorization: `Bearer ${token}` } });
    expect(plain.status).toBe(403);
    const withHeader = await api.fetch(url, { headers: { authorization: `Bearer ${token}`, "x-samla-csrf": "1" } });
    expect(withHeader.status).toBe(200);
    expect(await withHeader.json()).toEqual({ data: { health: "ok" } });
  });

  it("refuses a simple (form-like) POST, which a browser sends cross-site without a preflight", async () => {
    const response = await api.fetch("/graphql", {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: JSON.stringify({ query: "{ health }" }),
    });
    expect(response.status).toBe(403);
  });

  it("accepts a browser's JSON POST with a bearer token", async () => {
    const response = await api.graphql<{ viewer: { username: string } }>(`{ viewer { username } }`, {}, {
      as: "planner",
      headers: { origin: "http://localhost:5173" },
    });
    expect(response.status).toBe(200);
    expect(dataOf(response).viewer.username).toBe("planlegger");
  });
});

describe("CORS", () => {
  it("allows the configured origin to send Authorization and JSON", async () => {
    const response = await api.fetch("/graphql", {
      method: "OPTIONS",
      headers: {
        origin: "http://localhost:5173",
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization,content-type",
      },
    });
    expect(response.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    expect(response.headers.get("access-control-allow-headers")).toMatch(/authorization/);
  });

  it("does not allow other origins", async () => {
    const response = await api.fetch("/graphql", {
      method: "OPTIONS",
      headers: { origin: "http://evil.test", "access-control-request-method": "POST" },
    });
    expect(response.headers.get("access-control-allow-origin")).not.toBe("http://evil.test");
  });
});

describe("request limits", () => {
  it("refuses a query nested deeper than the limit", async () => {
    const levels = 12;
    const deep = `{ offices { edges { node { teams { ${"children { ".repeat(levels)} name ${"} ".repeat(levels)} } } } } }`;
    const response = await api.graphql(deep, {}, { as: "viewer" });
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.message).toMatch(/depth/i);
  });

  it("refuses too many aliases", async () => {
    const aliases = Array.from({ length: 16 }, (_, i) => `h${i}: health`).join(" ");
    const response = await api.graphql(`{ ${aliases} }`, {}, { as: "viewer" });
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.message).toMatch(/aliases/i);
  });

  it("refuses a document with too many tokens", async () => {
    const fields = Array.from({ length: 3100 }, (_, i) => `h${i}: health`).join(" ");
    const response = await api.graphql(`{ ${fields} }`, {}, { as: "viewer" });
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.message).toMatch(/token/i);
  });

  it("refuses a query that costs too much", async () => {
    const server = createSamlaServer({ db: api.db, verifyToken: api.tokens.verifyToken, logging: false, limits: { maxCost: 20 } });
    const token = await api.tokens.token("viewer");
    const response = await server.fetch(
      new Request("http://localhost/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/graphql-response+json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: `{ offices { edges { node { id code name status isPilot teams { id name purpose } } } } }` }),
      }),
    );
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toMatch(/cost/i);
  });
});

describe("production posture (default) and development mode (SAMLA_DEV=1)", () => {
  const introspection = (token: string) =>
    new Request("http://localhost/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/graphql-response+json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: "{ __schema { queryType { name } } }" }),
    });
  const typo = (token: string) =>
    new Request("http://localhost/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/graphql-response+json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: "{ offic { totalCount } }" }),
    });
  const html = { headers: { accept: "text/html" } };

  it("by default refuses introspection (even to an admin, and anonymously), hides field suggestions and serves no GraphiQL", async () => {
    const server = createSamlaServer({ db: api.db, verifyToken: api.tokens.verifyToken, logging: false });
    const refused = await server.fetch(introspection(await api.tokens.token("admin")));
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await refused.json())).toMatch(/introspection/i);
    const anonymous = await server.fetch(introspection(""));
    expect(JSON.stringify(await anonymous.json())).not.toMatch(/"Query"/);

    const { errors } = (await (await server.fetch(typo(await api.tokens.token("viewer")))).json()) as { errors: { message: string }[] };
    expect(errors[0]?.message).toMatch(/Cannot query field "offic"/);
    expect(errors[0]?.message).not.toMatch(/Did you mean/);

    const page = await server.fetch(new Request("http://localhost/graphql", html));
    expect(page.headers.get("content-type") ?? "").not.toMatch(/html/);
  });

  it("in development mode allows introspection and suggestions", async () => {
    const server = createSamlaServer({ db: api.db, verifyToken: api.tokens.verifyToken, logging: false, production: false });
    const allowed = await server.fetch(introspection(await api.tokens.token("viewer")));
    expect(await allowed.json()).toEqual({ data: { __schema: { queryType: { name: "Query" } } } });
    expect(JSON.stringify(await (await server.fetch(typo(await api.tokens.token("viewer")))).json())).toMatch(/Did you mean/);
  });

  it("in development mode serves GraphiQL whose every script, style and worker comes from the API itself", async () => {
    const origin = "http://localhost:4000";
    const server = createSamlaServer({ db: api.db, verifyToken: api.tokens.verifyToken, logging: false, production: false });
    const page = await server.fetch(new Request(`${origin}/graphql`, html));
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/text\/html/);
    const text = await page.text();
    // GraphiQL itself is on the page (not an empty shell that would pass the checks below).
    expect(text).toContain("renderYogaGraphiQL");
    expect(text).toContain("Samla GraphQL");

    // Everything the page makes the browser load: src/href in the markup, url() and @import in
    // its styles, worker scripts named in its scripts; data: and blob: URLs are no requests.
    const inline = (tag: string) => [...text.matchAll(new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`, "gi"))].map((match) => match[1]!);
    const styles = inline("style").join("\n");
    const scripts = inline("script").join("\n");
    const markup = text.replace(/<(script|style)\b([^>]*)>[\s\S]*?<\/\1>/gi, "<$1$2></$1>");
    const references = [
      ...markup.matchAll(/\b(?:src|href)\s*=\s*["']?([^"'\s>]+)/gi),
      ...styles.matchAll(/url\(\s*["']?([^"')\s]+)/gi),
      ...styles.matchAll(/@import\s+(?:url\()?["']([^"']+)/gi),
      ...scripts.matchAll(/(?:importScripts|new Worker|new SharedWorker)\(\s*["']([^"']+)/g),
    ]
      .map((match) => match[1]!)
      .filter((reference) => !/^(data|blob|about|javascript):|^#/i.test(reference));
    expect(styles.length + scripts.length).toBeGreaterThan(100_000); // GraphiQL's own code, inlined
    for (const reference of references) {
      const url = new URL(reference, `${origin}/graphql`);
      expect(url.origin, reference).toBe(origin);
      const asset = await server.fetch(new Request(url));
      expect(asset.status, reference).toBe(200);
    }
    // No script or stylesheet address on another host anywhere in the page's code either.
    expect(text.match(/https?:\/\/[^"'\s)`]+\.(?:m?js|css)\b/g) ?? []).toEqual([]);
  });
});

describe("masked errors", () => {
  it("hides unexpected errors and their stack traces", async () => {
    const failing = new Proxy(
      {},
      {
        get: () =>
          new Proxy(
            {},
            {
              get: () => () => Promise.reject(new Error("secret database detail")),
            },
          ),
      },
    ) as unknown as Db;
    const tokens = await createTokenIssuer();
    const server = createSamlaServer({ db: failing, verifyToken: tokens.verifyToken, logging: false });
    const response = await server.fetch(
      new Request("http://localhost/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${await tokens.token("viewer")}` },
        body: JSON.stringify({ query: "{ roles { name } }" }),
      }),
    );
    const text = await response.text();
    expect(text).toMatch(/Unexpected error/);
    expect(text).not.toMatch(/secret database detail/);
    expect(text).not.toMatch(/stack|at .*\.ts/);
  });
});
