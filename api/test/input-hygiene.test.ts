// Hostile input answered with typed errors, never an internal error (issue 13, finding 4):
// NUL characters and lone surrogates, LIKE wildcards and a trailing backslash in searches,
// dates outside any sane range, unknown and malformed global ids.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixtures, gid, type Fixtures } from "./fixtures";
import { createTestApi, dataOf, errorCode, type Json, type TestApi } from "./harness";

let api: TestApi;
let f: Fixtures;

beforeAll(async () => {
  api = await createTestApi();
  f = await createFixtures(api.db);
});
afterAll(() => api?.close());

const UNSTORABLE = ["a\u0000b", "a\uD800b", "a\uDC00", "\uDBFF"];

describe("NUL characters and lone surrogates", () => {
  const PEOPLE = `query($t: String) { people(first: 1, text: $t) { totalCount } }`;

  it("refuses them in a query variable with BAD_USER_INPUT and 400 (the issue's repro)", async () => {
    for (const text of UNSTORABLE) {
      const response = await api.graphql<Json>(PEOPLE, { t: text }, { as: "viewer" });
      expect(response.status, JSON.stringify(text)).toBe(400);
      expect(errorCode(response)).toBe("BAD_USER_INPUT");
      expect(response.errors?.[0]?.message).toMatch(/NUL-tegn eller et ufullstendig Unicode-tegn/);
      expect(response.errors?.[0]?.extensions?.fieldErrors).toEqual([{ path: "text", message: expect.any(String) }]);
    }
  });

  it("accepts a well-formed surrogate pair (an emoji) and ordinary Norwegian letters", async () => {
    for (const text of ["😀", "Ærlig Øystein Åsen"]) {
      const response = await api.graphql<Json>(PEOPLE, { t: text }, { as: "viewer" });
      expect(dataOf(response).people.totalCount).toBe(0);
    }
  });

  it("refuses a NUL written as an escape in the document itself", async () => {
    const response = await api.graphql<Json>(`{ people(first: 1, text: "a\\u0000b") { totalCount } }`, {}, { as: "viewer" });
    expect(response.status).toBe(400);
    expect(errorCode(response)).toBe("BAD_USER_INPUT");
  });

  it("refuses them inside input objects and lists of queries", async () => {
    const offices = await api.graphql<Json>(
      `query($filter: OfficeFilter) { offices(filter: $filter) { totalCount } }`,
      { filter: { text: "Nav\u0000" } },
      { as: "viewer" },
    );
    expect(offices.status).toBe(400);
    expect(offices.errors?.[0]?.extensions?.fieldErrors).toEqual([{ path: "filter.text", message: expect.any(String) }]);

    // Inside a global id, once decoded: a malformed id, so node() answers null like for any other.
    const node = await api.graphql<Json>(`query($id: ID!) { node(id: $id) { id } }`, { id: gid("Office", "a\u0000") }, { as: "viewer" });
    expect(node.status).toBe(200);
    expect(dataOf(node).node).toBeNull();
  });

  it("gives a mutation its typed ValidationError on the field, and writes nothing", async () => {
    const before = { offices: await api.db.office.count(), audit: await api.db.auditEvent.count() };
    const response = await api.graphql<Json>(
      `mutation($input: CreateOfficeInput!) { createOffice(input: $input) {
        __typename ... on ValidationError { code fieldErrors { path message } } } }`,
      { input: { code: "4711", name: "Nav \uDC00Test", validFrom: "2024-01-01", municipalityIds: [] } },
      { as: "planner" },
    );
    expect(response.status).toBe(200);
    expect(dataOf(response).createOffice).toEqual({
      __typename: "ValidationError",
      code: "VALIDATION_FAILED",
      fieldErrors: [{ path: "name", message: expect.stringMatching(/ikke kan lagres/) }],
    });
    expect({ offices: await api.db.office.count(), audit: await api.db.auditEvent.count() }).toEqual(before);
  });

  it("checks every text field of a mutation's input", async () => {
    const response = await api.graphql<Json>(
      `mutation($input: RecordUserInsightInput!) { recordUserInsight(input: $input) {
        __typename ... on ValidationError { fieldErrors { path } } } }`,
      {
        input: {
          officeId: gid("Office", f.offices.drammen.id),
          theme: "Tilgang",
          kind: "QUOTE",
          text: "ok\u0000",
          interviewedOn: "2025-01-01",
        },
      },
      { as: "planner" },
    );
    expect(dataOf(response).recordUserInsight).toEqual({ __typename: "ValidationError", fieldErrors: [{ path: "text" }] });
  });

  it("treats a NUL hidden in a global id's base64 as an invalid id, in mutation inputs and filters alike", async () => {
    // The fuzz found these as internal errors: the id's text only shows the NUL once decoded.
    const hiddenNul = gid("Office", "a\u0000b");
    const before = await api.db.userInsight.count();
    const insight = await api.graphql<Json>(
      `mutation($input: RecordUserInsightInput!) { recordUserInsight(input: $input) {
        __typename ... on ValidationError { fieldErrors { path } } ... on NotFoundError { code } } }`,
      { input: { officeId: hiddenNul, theme: "Tilgang", kind: "QUOTE", text: "ok", interviewedOn: "2025-01-01" } },
      { as: "planner" },
    );
    expect(insight.status).toBe(200);
    expect(dataOf(insight).recordUserInsight).toEqual({ __typename: "ValidationError", fieldErrors: [{ path: "officeId" }] });
    expect(await api.db.userInsight.count()).toBe(before);

    const people = await api.graphql<Json>(
      `query($filter: PeopleFilter) { people(first: 1, filter: $filter) { totalCount } }`,
      { filter: { roleId: gid("Role", "a\u0000b") } },
      { as: "viewer" },
    );
    expect(people.status).toBeLessThan(500);
    expect(errorCode(people)).not.toBe("INTERNAL_SERVER_ERROR");
  });

  it("still answers an anonymous caller UNAUTHENTICATED rather than looking at the text", async () => {
    const response = await api.graphql<Json>(PEOPLE, { t: "a\u0000b" }, { as: null });
    expect(errorCode(response)).toBe("UNAUTHENTICATED");
  });
});

describe("LIKE wildcards in searches", () => {
  const PEOPLE = `query($t: String) { people(text: $t) { totalCount } }`;
  const count = async (document: string, variables: Record<string, unknown>) => {
    const data = dataOf(await api.graphql<Json>(document, variables, { as: "viewer" }));
    return (Object.values(data)[0] as Json).totalCount as number;
  };

  it("takes %, _ and \\ literally in people, office and municipality searches", async () => {
    // Other tests may add a person whose name holds these characters: count those literally.
    const people = await api.db.person.findMany({ select: { name: true, email: true } });
    const literally = (text: string) =>
      people.filter((p) => p.name.toLowerCase().includes(text) || (p.email ?? "").toLowerCase().includes(text)).length;
    for (const text of ["%", "_", "\\", "a\\", "%\\", "_a"]) {
      expect(await count(PEOPLE, { t: text }), `people ${text}`).toBe(literally(text));
      expect(
        await count(`query($t: String) { offices(filter: { text: $t }) { totalCount } }`, { t: text }),
        `offices ${text}`,
      ).toBe(0);
      const municipalities = dataOf(
        await api.graphql<Json>(`query($t: String) { municipalities(text: $t) { name } }`, { t: text }, { as: "viewer" }),
      ).municipalities;
      expect(municipalities, `municipalities ${text}`).toEqual([]);
    }
    // The same searches without wildcards still find what they should.
    expect(await count(PEOPLE, { t: "prøve" })).toBe(1);
    expect(await count(`query($t: String) { offices(filter: { text: $t }) { totalCount } }`, { t: "02" })).toBeGreaterThan(0);
  });

  it("takes them literally in merger, scenario and SSO user searches too", async () => {
    // Signing in records the SSO user, so there is at least one to (not) find; a merger likewise.
    await api.graphql<Json>(`{ health }`, {}, { as: "hr" });
    await api.db.merger.create({
      data: { name: "Vanlig sammenslåing", targetOfficeId: f.offices.planned.id, effectiveDate: new Date("2031-01-01T00:00:00Z") },
    });
    expect(await count(`{ mergers { totalCount } }`, {})).toBeGreaterThan(0);
    for (const text of ["%", "_", "a\\"]) {
      expect(await count(`query($t: String) { mergers(filter: { text: $t }) { totalCount } }`, { t: text }), `mergers ${text}`).toBe(0);
      expect(await count(`query($t: String) { scenarios(filter: { text: $t }) { totalCount } }`, { t: text }), `scenarios ${text}`).toBe(0);
      const sso = dataOf(await api.graphql<Json>(`query($t: String) { ssoUsers(text: $t) { totalCount } }`, { t: text }, { as: "hr" }));
      expect(sso.ssoUsers.totalCount, `ssoUsers ${text}`).toBe(0);
    }
    const everyone = dataOf(await api.graphql<Json>(`{ ssoUsers { totalCount } }`, {}, { as: "hr" }));
    expect(everyone.ssoUsers.totalCount).toBeGreaterThan(0);
  });

  it("finds a name that really contains a wildcard character", async () => {
    await api.db.person.create({ data: { name: "Prosent_%_Person", email: "prosent@nav.test", employer: "STATE" } });
    expect(await count(PEOPLE, { t: "_%_" })).toBe(1);
    expect(await count(PEOPLE, { t: "t_%" })).toBe(1);
  });
});

describe("node and nodes", () => {
  const NODE = `query($id: ID!) { node(id: $id) { __typename id } }`;
  const NODES = `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`;

  it("answer null for a malformed id, an id of no Node type and an unknown row", async () => {
    for (const id of ["xyz", "", "x\uD800", gid("Nope", "1"), gid("Office", "nonexistent"), gid("FieldError", "1"), "T2ZmaWNlOg=="]) {
      const response = await api.graphql<Json>(NODE, { id }, { as: "viewer" });
      expect(response, JSON.stringify(id)).toEqual({ status: 200, data: { node: null } });
    }
  });

  it("answer null in the position of each bad id and the node in the others", async () => {
    const drammen = gid("Office", f.offices.drammen.id);
    const ola = gid("Person", f.people.ola.id);
    const response = await api.graphql<Json>(
      NODES,
      { ids: [drammen, "xyz", gid("Office", "nonexistent"), ola, gid("Person", "missing"), gid("Nope", "1")] },
      { as: "viewer" },
    );
    expect(response).toEqual({
      status: 200,
      data: {
        nodes: [{ __typename: "Office", id: drammen }, null, null, { __typename: "Person", id: ola }, null, null],
      },
    });
  });

  it("answers an id of the wrong type or shape in a typed id argument with BAD_USER_INPUT, 400, in Norwegian", async () => {
    for (const id of ["abc", gid("Team", f.teams.drammen.id)]) {
      const response = await api.graphql<Json>(`query($id: ID!) { office(id: $id) { id } }`, { id }, { as: "viewer" });
      expect(response.status, id).toBe(400);
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "INVALID_ID" });
      expect(response.errors?.[0]?.message).toBe(`«${id}» er ikke en gyldig id for kontor.`);
    }
  });
});

describe("dates within 1900-2200", () => {
  it("refuses a Date outside the years with the scalar's own Norwegian message and 400", async () => {
    for (const value of ["0100-01-01", "1899-12-31", "2201-01-01", "9999-12-31"]) {
      const response = await api.graphql<Json>(
        `query($id: ID!, $date: Date!) { node(id: $id) { ... on Person { fteOn(date: $date) } } }`,
        { id: gid("Person", f.people.ola.id), date: value },
        { as: "hr" },
      );
      expect(response.status, value).toBe(400);
      expect(response.errors?.[0]?.message, value).toMatch(/Ugyldig dato.*året må være fra 1900 til 2200/);
    }
    const literal = await api.graphql<Json>(
      `query($id: ID!) { node(id: $id) { ... on Person { fteOn(date: "2500-01-01") } } }`,
      { id: gid("Person", f.people.ola.id) },
      { as: "hr" },
    );
    expect(literal.status).toBe(400);
    expect(literal.errors?.[0]?.message).toMatch(/året må være fra 1900 til 2200/);
  });

  it("accepts the first and last day of the range", async () => {
    for (const value of ["1900-01-01", "2200-12-31"]) {
      const response = await api.graphql<Json>(
        `query($id: ID!, $date: Date!) { node(id: $id) { ... on Person { fteOn(date: $date) } } }`,
        { id: gid("Person", f.people.ola.id), date: value },
        { as: "hr" },
      );
      expect(typeof dataOf(response).node.fteOn, value).toBe("number");
    }
  });

  it("refuses a DateTime of year 0 or +275760 (JavaScript's last instant) with 400", async () => {
    const AUDIT = `query($from: DateTime) { auditEvents(filter: { from: $from }) { totalCount } }`;
    for (const value of ["0000-01-01T00:00:00Z", "+275760-09-13T00:00:00.000Z", "2201-01-01T00:00:00Z"]) {
      const response = await api.graphql<Json>(AUDIT, { from: value }, { as: "hr" });
      expect(response.status, value).toBe(400);
      expect(response.errors?.[0]?.message, value).toMatch(/Ugyldig tidspunkt.*året må være fra 1900 til 2200/);
    }
    const literal = await api.graphql<Json>(`{ auditEvents(filter: { from: "0000-01-01T00:00:00Z" }) { totalCount } }`, {}, { as: "hr" });
    expect(literal.status).toBe(400);
    expect(dataOf(await api.graphql<Json>(AUDIT, { from: "2020-01-01T00:00:00Z" }, { as: "hr" })).auditEvents.totalCount).toBeGreaterThanOrEqual(0);
  });
});
