import { decodeGlobalID } from "@pothos/plugin-relay";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixtures, date, gid, type Fixtures } from "../../test/fixtures";
import { createTestApi, dataOf, errorCode, type Json, type TestApi, USERS } from "../../test/harness";

let api: TestApi;
let f: Fixtures;
let scenarioId: string;
let dbId: string;

beforeAll(async () => {
  api = await createTestApi();
  f = await createFixtures(api.db);
  const merger = await api.db.merger.create({
    data: {
      name: "Nav Romerike",
      targetOfficeId: f.offices.planned.id,
      effectiveDate: date("2030-01-01"),
      sourceOffices: { connect: [{ id: f.offices.lillestrom.id }, { id: f.offices.drammen.id }] },
    },
  });
  const created = dataOf(
    await api.graphql<Json>(
      `mutation($input: CreateScenarioInput!) { createScenario(input: $input) { ... on CreateScenarioPayload { scenario { id } } } }`,
      { input: { name: "Lesbart", mergerId: gid("Merger", merger.id), base: "AS_IS" } },
      { as: "planner" },
    ),
  ).createScenario.scenario;
  scenarioId = created.id;
  dbId = decodeGlobalID(scenarioId).id;
});
afterAll(() => api?.close());

async function editAddTeam(name: string, version: number) {
  return dataOf(
    await api.graphql<Json>(
      `mutation($input: AddScenarioTeamInput!) { addScenarioTeam(input: $input) { __typename } }`,
      { input: { scenarioId, version, name } },
      { as: "planner" },
    ),
  ).addScenarioTeam;
}

describe("scenario queries", () => {
  it("pages the change log newest first, and counts what can be undone", async () => {
    for (const [index, name] of ["A", "B", "C"].entries()) expect((await editAddTeam(name, index + 1)).__typename).toBe("AddScenarioTeamPayload");
    const query = `query($id: ID!, $after: String) { scenario(id: $id) { version undoableChanges
      changes(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { version summary actorName undone } } } } }`;
    const first = dataOf(await api.graphql<Json>(query, { id: scenarioId }, { as: "viewer" })).scenario;
    expect(first).toMatchObject({ version: 4, undoableChanges: 3 });
    expect(first.changes.totalCount).toBe(3);
    expect(first.changes.edges.map((e: Json) => e.node.summary)).toEqual(["La til teamet «C»", "La til teamet «B»"]);
    expect(first.changes.edges[0].node).toMatchObject({ version: 4, actorName: "Pia Planlegger", undone: false });
    const second = dataOf(await api.graphql<Json>(query, { id: scenarioId, after: first.changes.pageInfo.endCursor }, { as: "viewer" })).scenario;
    expect(second.changes.edges.map((e: Json) => e.node.summary)).toEqual(["La til teamet «A»"]);
    expect(second.changes.pageInfo.hasNextPage).toBe(false);
  });

  it("lists open positions by default and closed ones on request", async () => {
    const nora = await api.db.scenarioPosition.findFirstOrThrow({ where: { scenarioId: dbId, personId: f.people.nora.id } });
    await api.db.scenarioPosition.update({ where: { id: nora.id }, data: { action: "CLOSED" } });
    const read = dataOf(
      await api.graphql<Json>(
        `query($id: ID!) { scenario(id: $id) { open: positions { totalCount } all: positions(includeClosed: true) { totalCount } } }`,
        { id: scenarioId },
        { as: "viewer" },
      ),
    ).scenario;
    expect(read).toEqual({ open: { totalCount: 2 }, all: { totalCount: 3 } });
  });

  it("viewerCanApprove: in review, a planner or admin, and not the one who submitted it", async () => {
    await api.db.scenario.update({
      where: { id: dbId },
      data: { status: "IN_REVIEW", submittedBySubject: USERS.planner.sub, submittedByName: USERS.planner.name, submittedAt: new Date() },
    });
    const query = `query($id: ID!) { scenario(id: $id) { viewerCanApprove viewerCanEdit } }`;
    const as = async (user: "planner" | "admin" | "viewer" | "hr") => dataOf(await api.graphql<Json>(query, { id: scenarioId }, { as: user })).scenario;
    expect(await as("planner")).toEqual({ viewerCanApprove: false, viewerCanEdit: false });
    expect(await as("admin")).toEqual({ viewerCanApprove: true, viewerCanEdit: false });
    expect(await as("viewer")).toEqual({ viewerCanApprove: false, viewerCanEdit: false });
    expect(await as("hr")).toEqual({ viewerCanApprove: false, viewerCanEdit: false });
    await api.db.scenario.update({ where: { id: dbId }, data: { status: "DRAFT" } });
    expect(await as("admin")).toEqual({ viewerCanApprove: false, viewerCanEdit: true });
  });

  it("is readable by every Samla role and refused without one", async () => {
    const query = `query($id: ID!) { scenario(id: $id) { name } scenarios { totalCount } }`;
    for (const user of ["viewer", "hr", "officeLeader", "planner", "admin"] as const) {
      expect(dataOf(await api.graphql<Json>(query, { id: scenarioId }, { as: user }))).toEqual({ scenario: { name: "Lesbart" }, scenarios: { totalCount: 1 } });
    }
    expect(errorCode(await api.graphql<Json>(query, { id: scenarioId }, { as: "noRole" }))).toBe("FORBIDDEN");
    expect(errorCode(await api.graphql<Json>(query, { id: scenarioId }, { as: null }))).toBe("UNAUTHENTICATED");
  });

  it("returns null for an unknown scenario, and no scenarios for an id that is not a merger's", async () => {
    expect(dataOf(await api.graphql<Json>(`{ scenario(id: "${gid("Scenario", "nope")}") { name } }`, {}, { as: "viewer" }))).toEqual({ scenario: null });
    for (const mergerId of [gid("Office", f.offices.drammen.id), "not-an-id"]) {
      const read = dataOf(await api.graphql<Json>(`query($m: ID!) { scenarios(filter: { mergerId: $m }) { totalCount } }`, { m: mergerId }, { as: "viewer" }));
      expect(read.scenarios.totalCount).toBe(0);
    }
  });
});
