// An unexpected failure (here a real one: a table the API needs is gone) is answered with
// HTTP 500 and "Unexpected error.", logged with the request id; expected errors keep their
// statuses. Its own file: it breaks its own database on purpose.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createFixtures } from "./fixtures";
import { createTestApi, errorCode, type Json, type TestApi } from "./harness";

let api: TestApi;

beforeAll(async () => {
  api = await createTestApi();
  await createFixtures(api.db);
});
afterAll(() => api?.close());
afterEach(() => vi.restoreAllMocks());

/** Runs `body` while the Role table is renamed away, so reading roles fails in PostgreSQL. */
async function withoutRoleTable<T>(body: () => Promise<T>): Promise<T> {
  await api.db.$executeRawUnsafe(`ALTER TABLE "Role" RENAME TO "Role_hidden"`);
  try {
    return await body();
  } finally {
    await api.db.$executeRawUnsafe(`ALTER TABLE "Role_hidden" RENAME TO "Role"`);
  }
}

describe("unexpected errors", () => {
  it("answer 500 with the masked message, no detail, and log the error with the request id", async () => {
    const logged: unknown[][] = [];
    vi.spyOn(api.server.logger, "error").mockImplementation((...args: unknown[]) => void logged.push(args));
    const requestId = "req-unexpected-0001";
    const response = await withoutRoleTable(() =>
      api.graphql<Json>(`{ roles { code } }`, {}, { as: "viewer", headers: { "x-request-id": requestId } }),
    );
    expect(response.status).toBe(500);
    expect(response.errors).toEqual([
      expect.objectContaining({ message: "Unexpected error.", extensions: expect.objectContaining({ code: "INTERNAL_SERVER_ERROR" }) }),
    ]);
    expect(JSON.stringify(response)).not.toMatch(/Role_hidden|Role|relation|stack/);
    const ours = logged.find((args) => String(args[0]).includes(requestId));
    expect(ours, JSON.stringify(logged.map((args) => String(args[0])))).toBeDefined();
    expect(ours?.[1]).toMatchObject({ requestId, path: "roles" });
  });

  it("answer 500 also to a client that accepts only application/json", async () => {
    const token = await api.tokens.token("viewer");
    const response = await withoutRoleTable(() =>
      api.fetch("/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: "{ roles { code } }" }),
      }),
    );
    expect(response.status).toBe(500);
  });
});

describe("expected errors keep their statuses", () => {
  it("answers a working query 200, a syntax error 400, an anonymous read UNAUTHENTICATED and a forbidden one FORBIDDEN", async () => {
    expect((await api.graphql<Json>(`{ roles { code } }`, {}, { as: "viewer" })).status).toBe(200);
    expect((await api.graphql<Json>(`{ roles { code `, {}, { as: "viewer" })).status).toBe(400);
    const anonymous = await api.graphql<Json>(`{ roles { code } }`, {}, { as: null });
    expect(errorCode(anonymous)).toBe("UNAUTHENTICATED");
    expect(anonymous.status).toBeLessThan(500);
    const forbidden = await api.graphql<Json>(`{ auditEvents { totalCount } }`, {}, { as: "viewer" });
    expect(errorCode(forbidden)).toBe("FORBIDDEN");
    expect(forbidden.status).toBeLessThan(500);
  });

  it("answers a typed mutation error 200 with its result", async () => {
    const response = await api.graphql<Json>(
      `mutation { createOffice(input: { code: "x", name: "", validFrom: "2024-01-01" }) { __typename } }`,
      {},
      { as: "planner" },
    );
    expect(response).toEqual({ status: 200, data: { createOffice: { __typename: "ValidationError" } } });
  });
});
