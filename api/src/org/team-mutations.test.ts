import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixtures, gid, type Fixtures } from "../../test/fixtures";
import { createTestApi, dataOf, type TestApi, type Json } from "../../test/harness";

let api: TestApi;
let f: Fixtures;

beforeAll(async () => {
  api = await createTestApi();
  f = await createFixtures(api.db);
});
afterAll(() => api?.close());

const CREATE = /* GraphQL */ `
  mutation($input: CreateTeamInput!) {
    createTeam(input: $input) {
      __typename
      ... on CreateTeamPayload { team { id name purpose version office { name } parent { name } services { code } } }
      ... on Error { message code }
      ... on ValidationError { fieldErrors { path message } }
      ... on NotFoundError { entityType }
    }
  }
`;

const UPDATE = /* GraphQL */ `
  mutation($input: UpdateTeamInput!) {
    updateTeam(input: $input) {
      __typename
      ... on UpdateTeamPayload { team { id name purpose version parent { name } children { name } services { code } } }
      ... on Error { message code }
      ... on ValidationError { fieldErrors { path message } }
      ... on ConflictError { currentVersion changedFields }
    }
  }
`;

const lillestrom = () => gid("Office", f.offices.lillestrom.id);

describe("createTeam", () => {
  it("creates a team under a parent, with services, and audits it", async () => {
    const result = dataOf(
      await api.graphql<Json>(
        CREATE,
        {
          input: {
            officeId: lillestrom(),
            parentId: gid("Team", f.teams.oppfolging.id),
            name: "Sykefravær",
            purpose: "Sykefraværsoppfølging",
            serviceIds: [gid("Service", f.services.oppfolging.id)],
          },
        },
        { as: "planner" },
      ),
    ).createTeam;
    expect(result.team).toMatchObject({
      name: "Sykefravær",
      purpose: "Sykefraværsoppfølging",
      version: 1,
      office: { name: "Nav Lillestrøm" },
      parent: { name: "Oppfølging" },
      services: [{ code: "ARBOPP" }],
    });
    const audit = await api.db.auditEvent.findFirstOrThrow({ where: { action: "createTeam" } });
    expect(audit.after).toMatchObject({ name: "Sykefravær", parentId: f.teams.oppfolging.id, services: ["ARBOPP"] });
  });

  it("refuses a parent in another office", async () => {
    const result = dataOf(
      await api.graphql<Json>(CREATE, {
        input: { officeId: lillestrom(), parentId: gid("Team", f.teams.drammen.id), name: "Feil" },
      }),
    ).createTeam;
    expect(result).toMatchObject({ __typename: "ValidationError", fieldErrors: [{ path: "parentId" }] });
  });

  it("refuses a duplicate name in the same office (database constraint)", async () => {
    const auditBefore = await api.db.auditEvent.count();
    const result = dataOf(await api.graphql<Json>(CREATE, { input: { officeId: lillestrom(), name: "Mottak" } })).createTeam;
    expect(result).toMatchObject({
      __typename: "ValidationError",
      fieldErrors: [{ path: "name", message: "Kontoret har allerede et team med dette navnet." }],
    });
    expect(await api.db.auditEvent.count()).toBe(auditBefore);
  });

  it("refuses teams in a merged office", async () => {
    const result = dataOf(
      await api.graphql<Json>(CREATE, { input: { officeId: gid("Office", f.offices.skedsmo.id), name: "Nytt" } }),
    ).createTeam;
    expect(result).toMatchObject({ __typename: "ValidationError", fieldErrors: [{ path: "officeId" }] });
    expect(result.message).toMatch(/Nav Skedsmo er slått sammen eller nedlagt/);
  });

  it("gives NotFoundError for an unknown office, parent or service", async () => {
    const office = dataOf(await api.graphql<Json>(CREATE, { input: { officeId: gid("Office", "x"), name: "A" } })).createTeam;
    expect(office).toMatchObject({ __typename: "NotFoundError", entityType: "Office" });
    const parent = dataOf(
      await api.graphql<Json>(CREATE, { input: { officeId: lillestrom(), parentId: gid("Team", "x"), name: "A" } }),
    ).createTeam;
    expect(parent).toMatchObject({ __typename: "NotFoundError", entityType: "Team" });
    const service = dataOf(
      await api.graphql<Json>(CREATE, { input: { officeId: lillestrom(), name: "A", serviceIds: [gid("Service", "x")] } }),
    ).createTeam;
    expect(service).toMatchObject({ __typename: "NotFoundError", entityType: "Service" });
  });
});

describe("updateTeam", () => {
  it("moves a team to the top level and replaces its services", async () => {
    const result = dataOf(
      await api.graphql<Json>(UPDATE, {
        input: {
          id: gid("Team", f.teams.ungdom.id),
          version: 1,
          parentId: null,
          purpose: "Unge under 30",
          serviceIds: [gid("Service", f.services.dagpenger.id)],
        },
      }),
    ).updateTeam;
    expect(result.team).toMatchObject({ name: "Ungdomsteamet", parent: null, purpose: "Unge under 30", version: 2, services: [{ code: "DAGP" }] });
  });

  it("refuses a cycle: a team under its own descendant", async () => {
    // Oppfølging > Sykefravær (created above). Moving Oppfølging under Sykefravær is a cycle.
    const child = await api.db.team.findFirstOrThrow({ where: { name: "Sykefravær" } });
    const result = dataOf(
      await api.graphql<Json>(UPDATE, {
        input: { id: gid("Team", f.teams.oppfolging.id), version: 1, parentId: gid("Team", child.id) },
      }),
    ).updateTeam;
    expect(result).toMatchObject({
      __typename: "ValidationError",
      fieldErrors: [{ path: "parentId", message: "Et team kan ikke ligge under seg selv eller et av sine underteam." }],
    });
    const self = dataOf(
      await api.graphql<Json>(UPDATE, {
        input: { id: gid("Team", f.teams.oppfolging.id), version: 1, parentId: gid("Team", f.teams.oppfolging.id) },
      }),
    ).updateTeam;
    expect(self).toMatchObject({ __typename: "ValidationError", fieldErrors: [{ path: "parentId" }] });
  });

  it("moves a team under another team in the same office", async () => {
    const result = dataOf(
      await api.graphql<Json>(UPDATE, {
        input: { id: gid("Team", f.teams.mottak.id), version: 1, parentId: gid("Team", f.teams.oppfolging.id) },
      }),
    ).updateTeam;
    expect(result.team).toMatchObject({ name: "Mottak", parent: { name: "Oppfølging" }, version: 2 });
  });

  it("gives ConflictError on a stale version", async () => {
    const result = dataOf(
      await api.graphql<Json>(UPDATE, { input: { id: gid("Team", f.teams.mottak.id), version: 1, name: "Mottak 2" } }),
    ).updateTeam;
    expect(result).toMatchObject({ __typename: "ConflictError", currentVersion: 2, changedFields: ["parentId"] });
  });

  it("gives NotFoundError for an unknown team", async () => {
    const result = dataOf(await api.graphql<Json>(UPDATE, { input: { id: gid("Team", "nope"), version: 1, name: "X" } })).updateTeam;
    expect(result).toMatchObject({ __typename: "NotFoundError", code: "NOT_FOUND" });
  });
});
