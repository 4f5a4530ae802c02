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

describe("production mode", () => {
  async function productionServer() {
    const tokens = await createTokenIssuer();
    return { server: createSamlaServer({ db: api.db, verifyToken: tokens.verifyToken, production: true, logging: false }), tokens };
  }

  it("refuses introspection in production and allows it outside", async () => {
    const { server, tokens } = await productionServer();
    const request = (token: string) =>
      new Request("http://localhost/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/graphql-response+json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: "{ __schema { queryType { name } } }" }),
      });
    const refused = await server.fetch(request(await tokens.token("admin")));
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await refused.json())).toMatch(/introspection/i);

    const allowed = await api.graphql(`{ __schema { queryType { name } } }`);
    expect(dataOf(allowed)).toEqual({ __schema: { queryType: { name: "Query" } } });
  });

  it("serves GraphiQL only outside production", async () => {
    const { server } = await productionServer();
    const html = { headers: { accept: "text/html" } };
    expect((await server.fetch(new Request("http://localhost/graphql", html))).headers.get("content-type") ?? "").not.toMatch(/html/);
    const dev = await api.fetch("/graphql", html);
    expect(dev.status).toBe(200);
    expect(await dev.text()).toMatch(/GraphiQL|graphiql/);
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
