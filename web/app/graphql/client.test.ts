import { describe, expect, it } from "vitest";
import { ApiError, createGraphQLClient, expectTypename, type TypedDocument } from "./client";

const OfficeNameQuery = "query OfficeName($id: ID!) { office(id: $id) { name } }" as unknown as TypedDocument<
  { office: { name: string } | null },
  { id: string }
>;

function clientAnswering(answer: () => Response | Promise<Response>) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const request = createGraphQLClient({
    url: "http://api.test/graphql",
    getToken: async () => "access-token",
    fetch: async (input, init) => {
      calls.push({ url: String(input), init: init ?? {} });
      return answer();
    },
  });
  return { request, calls };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error("expected the request to fail");
}

describe("createGraphQLClient", () => {
  it("posts the query and variables with the Bearer token, JSON content type and CSRF header", async () => {
    const { request, calls } = clientAnswering(() => json({ data: { office: { name: "Nav Lillestrøm" } } }));
    const data = await request(OfficeNameQuery, { id: "T2ZmaWNlOjE=" });

    expect(data.office?.name).toBe("Nav Lillestrøm");
    expect(calls).toHaveLength(1);
    const { url, init } = calls[0]!;
    expect(url).toBe("http://api.test/graphql");
    expect(init.method).toBe("POST");
    const headers = init.headers as Record<string, string>;
    expect(headers.authorization).toBe("Bearer access-token");
    expect(headers["content-type"]).toBe("application/json");
    expect(headers["x-samla-csrf"]).toBe("1");
    expect(JSON.parse(String(init.body))).toEqual({
      query: "query OfficeName($id: ID!) { office(id: $id) { name } }",
      variables: { id: "T2ZmaWNlOjE=" },
    });
  });

  it("surfaces GraphQL errors with their messages and codes", async () => {
    const { request } = clientAnswering(() =>
      json({ errors: [{ message: "Not authorized", extensions: { code: "FORBIDDEN" } }], data: null }),
    );
    const error = await rejection(request(OfficeNameQuery, { id: "x" }));
    expect(error.kind).toBe("forbidden");
    expect(error.message).toBe("Not authorized");
    expect(error.errors[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("reports other GraphQL errors as kind graphql", async () => {
    const { request } = clientAnswering(() => json({ errors: [{ message: "Cannot query field" }] }, 400));
    const error = await rejection(request(OfficeNameQuery, { id: "x" }));
    expect(error.kind).toBe("graphql");
    expect(error.details.status).toBe(400);
  });

  it("reports an id argument the API refuses as malformed or of another type as not found", async () => {
    for (const id of ["finnesikke", "zzz"]) {
      const invalidId = { message: `«${id}» er ikke en gyldig id for kontor.`, path: ["office"], extensions: { code: "BAD_USER_INPUT", reason: "INVALID_ID" } };
      const { request } = clientAnswering(() => json({ data: { office: null }, errors: [invalidId] }, 400));
      const error = await rejection(request(OfficeNameQuery, { id: "finnesikke" }));
      expect(error.kind).toBe("result");
      expect(error.details.typename).toBe("NotFoundError");
    }
  });

  it("keeps a malformed-id error among other errors a GraphQL error", async () => {
    const { request } = clientAnswering(() =>
      json({
        data: null,
        errors: [
          { message: "«x» er ikke en gyldig id for kontor.", extensions: { code: "BAD_USER_INPUT", reason: "INVALID_ID" } },
          { message: "Database is down" },
        ],
      }),
    );
    const error = await rejection(request(OfficeNameQuery, { id: "x" }));
    expect(error.kind).toBe("graphql");
    expect(error.details.typename).toBeUndefined();
  });

  it("reports the API's masked unexpected error (HTTP 500) as kind graphql with its status", async () => {
    const { request } = clientAnswering(() =>
      json({ errors: [{ message: "Unexpected error.", extensions: { code: "INTERNAL_SERVER_ERROR" } }], data: null }, 500),
    );
    const error = await rejection(request(OfficeNameQuery, { id: "x" }));
    expect(error.kind).toBe("graphql");
    expect(error.details.status).toBe(500);
    expect(error.errors[0]?.extensions?.code).toBe("INTERNAL_SERVER_ERROR");
  });

  it("tells an expired or missing token (401) apart", async () => {
    const { request } = clientAnswering(() => new Response("", { status: 401 }));
    expect((await rejection(request(OfficeNameQuery, { id: "x" }))).kind).toBe("unauthorized");
  });

  it("reports an API that does not answer as unreachable", async () => {
    const { request } = clientAnswering(() => {
      throw new TypeError("Failed to fetch");
    });
    expect((await rejection(request(OfficeNameQuery, { id: "x" }))).kind).toBe("unreachable");
  });

  it("passes an abort through unchanged", async () => {
    const controller = new AbortController();
    controller.abort();
    const { request } = clientAnswering(() => {
      throw new DOMException("aborted", "AbortError");
    });
    await expect(request(OfficeNameQuery, { id: "x" }, { signal: controller.signal })).rejects.toMatchObject({
      name: "AbortError",
    });
  });
});

describe("expectTypename", () => {
  type Result = { __typename: "Office"; name: string } | { __typename: "NotFoundError"; message: string };

  it("returns the expected member of a typed result", () => {
    const result = { __typename: "Office", name: "Nav Asker" } as Result;
    expect(expectTypename(result, "Office").name).toBe("Nav Asker");
  });

  it("turns a typed error result into an ApiError of kind result", () => {
    const result = { __typename: "NotFoundError", message: "Fant ikke kontoret" } as Result;
    expect(() => expectTypename(result, "Office")).toThrow(
      expect.objectContaining({ kind: "result", message: "Fant ikke kontoret", details: { typename: "NotFoundError" } }),
    );
  });
});
