import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixtures, gid, type Fixtures } from "../../test/fixtures";
import { createTestApi, dataOf, errorCode, type Json, type TestApi } from "../../test/harness";

let api: TestApi;
let f: Fixtures;

beforeAll(async () => {
  api = await createTestApi();
  f = await createFixtures(api.db);
});
afterAll(() => api?.close());

const UPDATE_OFFICE = `mutation($input: UpdateOfficeInput!) { updateOffice(input: $input) { __typename } }`;
const EVENTS = /* GraphQL */ `
  query($filter: AuditEventFilter) {
    auditEvents(filter: $filter, first: 10) {
      totalCount
      edges { node { action entityType entityId actorSubject actorName before after requestId createdAt } }
    }
  }
`;

describe("auditEvents", () => {
  it("shows an entity's history, newest first, to admins", async () => {
    const id = gid("Office", f.offices.drammen.id);
    await api.graphql(UPDATE_OFFICE, { input: { id, version: 1, name: "Nav Drammen 2" } }, { as: "planner", headers: { "x-request-id": "r-1" } });
    await api.graphql(UPDATE_OFFICE, { input: { id, version: 2, name: "Nav Drammen 3" } }, { as: "admin", headers: { "x-request-id": "r-2" } });
    // A failed change leaves no trace.
    await api.graphql(UPDATE_OFFICE, { input: { id, version: 1, name: "Nav Drammen gammel" } }, { as: "admin" });

    const events = dataOf(await api.graphql<Json>(EVENTS, { filter: { entityId: id } }, { as: "admin" })).auditEvents;
    expect(events.totalCount).toBe(2);
    expect(events.edges.map((e: Json) => e.node)).toMatchObject([
      { action: "updateOffice", entityType: "Office", entityId: id, actorSubject: "sub-admin", requestId: "r-2", after: { name: "Nav Drammen 3", version: 3 } },
      { action: "updateOffice", actorName: "Pia Planlegger", requestId: "r-1", before: { name: "Nav Drammen", version: 1 }, after: { name: "Nav Drammen 2" } },
    ]);
  });

  it("filters by actor and action", async () => {
    const byPlanner = dataOf(await api.graphql<Json>(EVENTS, { filter: { actorSubject: "sub-planner" } }, { as: "admin" })).auditEvents;
    expect(byPlanner.totalCount).toBe(1);
    const none = dataOf(await api.graphql<Json>(EVENTS, { filter: { action: "createOffice" } }, { as: "admin" })).auditEvents;
    expect(none.totalCount).toBe(0);
    const badId = dataOf(await api.graphql<Json>(EVENTS, { filter: { entityId: "not-a-global-id" } }, { as: "admin" })).auditEvents;
    expect(badId.totalCount).toBe(0);
  });

  it("is for admins only, also through node(id)", async () => {
    const response = await api.graphql(EVENTS, {}, { as: "planner" });
    expect(errorCode(response)).toBe("FORBIDDEN");
    expect(response.errors?.[0]?.extensions?.requiredRoles).toEqual(["admin"]);

    const event = await api.db.auditEvent.findFirstOrThrow();
    const query = `query($id: ID!) { node(id: $id) { ... on AuditEvent { action before after } } }`;
    const asPlanner = await api.graphql<Json>(query, { id: gid("AuditEvent", event.id) }, { as: "planner" });
    expect(errorCode(asPlanner)).toBe("FORBIDDEN");
    expect(JSON.stringify(asPlanner.data)).not.toMatch(/updateOffice/);
    const asAdmin = dataOf(await api.graphql<Json>(query, { id: gid("AuditEvent", event.id) }, { as: "admin" }));
    expect(asAdmin.node.action).toBe("updateOffice");
  });
});
