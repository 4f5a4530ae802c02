// Issue 14, item 3: HR reads the audit log as names and words, not ids, and finds a
// person's changes by name.
import { decodeGlobalID } from "@pothos/plugin-relay";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createFixtures, gid, type Fixtures } from "../../test/fixtures";
import { createTestApi, dataOf, type Json, type TestApi } from "../../test/harness";
import { readableChanges } from "./audit-readable";

let api: TestApi;
let f: Fixtures;

beforeAll(async () => {
  api = await createTestApi();
  f = await createFixtures(api.db);
});
afterAll(() => api?.close());

const ASSIGN = `mutation($input: AssignRoleInput!) { assignRole(input: $input) { __typename ... on AssignRolePayload { assignment { id } } } }`;
const UPDATE_TEAM = `mutation($input: UpdateTeamInput!) { updateTeam(input: $input) { __typename ... on Error { message } } }`;
const EVENTS = /* GraphQL */ `
  query($filter: AuditEventFilter, $first: Int) {
    auditEvents(filter: $filter, first: $first) {
      totalCount
      edges { node { action entityType entityName actorName changes { field kind before after beforeRaw afterRaw } } }
    }
  }
`;

async function newPerson(name: string) {
  return api.db.person.create({ data: { name, email: `${name.replace(/\W/g, "").toLowerCase()}@nav.test`, employer: "STATE" } });
}

async function assign(personId: string, startDate = "2024-01-01") {
  const input = {
    personId: gid("Person", personId),
    roleId: gid("Role", f.roles.veileder.id),
    teamId: gid("Team", f.teams.mottak.id),
    fte: 0.8,
    startDate,
    reportsToId: gid("Person", f.people.kari.id),
  };
  const result = dataOf(await api.graphql<Json>(ASSIGN, { input }, { as: "hr" })).assignRole;
  expect(result.__typename).toBe("AssignRolePayload");
  return result.assignment.id as string;
}

describe("readable audit events", () => {
  it("names the people, role and team of an assignment instead of their ids, and hides bookkeeping", async () => {
    const siri = await newPerson("Siri Suksess");
    await assign(siri.id);
    const events = dataOf(await api.graphql<Json>(EVENTS, { filter: { person: "Siri Suksess" } }, { as: "hr" })).auditEvents;
    expect(events.totalCount).toBe(1);
    const event = events.edges[0].node;
    expect(event).toMatchObject({ action: "assignRole", entityType: "Assignment", entityName: "Siri Suksess – Veileder, Mottak", actorName: "Hans HR" });
    const byField = Object.fromEntries(event.changes.map((change: Json) => [change.field, change]));
    expect(byField.personId).toEqual({ field: "personId", kind: "NAME", before: null, after: "Siri Suksess", beforeRaw: null, afterRaw: siri.id });
    expect(byField.roleId).toMatchObject({ kind: "NAME", after: "Veileder", afterRaw: f.roles.veileder.id });
    expect(byField.teamId).toMatchObject({ kind: "NAME", after: "Mottak (Nav Lillestrøm)" });
    expect(byField.reportsToId).toMatchObject({ kind: "NAME", after: "Kari Testesen" });
    expect(byField.fte).toMatchObject({ kind: "NUMBER", after: "0.80" });
    expect(byField.startDate).toMatchObject({ kind: "DATE", after: "2024-01-01" });
    expect(byField.version).toBeUndefined();
    // Nothing a reader sees is a cuid.
    expect(JSON.stringify(event.changes.map((c: Json) => [c.before, c.after]))).not.toMatch(/c[a-z0-9]{20,}/);
  });

  it("shows before → after of a team's parent and services as names", async () => {
    const team = await api.db.team.create({ data: { officeId: f.offices.lillestrom.id, name: "Lesbar", services: { connect: [{ id: f.services.sosialhjelp.id }] } } });
    const response = await api.graphql<Json>(
      UPDATE_TEAM,
      {
        input: {
          id: gid("Team", team.id),
          version: 1,
          parentId: gid("Team", f.teams.oppfolging.id),
          serviceIds: [gid("Service", f.services.sosialhjelp.id), gid("Service", f.services.oppfolging.id)],
        },
      },
      { as: "admin" },
    );
    expect(dataOf(response).updateTeam.__typename).toBe("UpdateTeamPayload");
    const events = dataOf(await api.graphql<Json>(EVENTS, { filter: { entityId: gid("Team", team.id) } }, { as: "hr" })).auditEvents;
    const event = events.edges[0].node;
    expect(event.entityName).toBe("Lesbar (Nav Lillestrøm)");
    expect(event.changes).toEqual([
      { field: "parentId", kind: "NAME", before: null, after: "Oppfølging (Nav Lillestrøm)", beforeRaw: null, afterRaw: f.teams.oppfolging.id },
      {
        field: "services",
        kind: "LIST",
        before: "Økonomisk sosialhjelp",
        after: "Arbeidsrettet oppfølging, Økonomisk sosialhjelp",
        beforeRaw: ["OKSOS"],
        afterRaw: ["ARBOPP", "OKSOS"],
      },
    ]);
  });

  it("finds a person's changes by part of their name, as the subject or as the one who made them", async () => {
    const tor = await newPerson("Tor Sporbar");
    const assignment = decodeGlobalID(await assign(tor.id, "2023-01-01")).id;
    const asSubject = dataOf(await api.graphql<Json>(EVENTS, { filter: { person: "sporbar" } }, { as: "hr" })).auditEvents;
    expect(asSubject.edges.map((e: Json) => e.node.entityName)).toEqual(["Tor Sporbar – Veileder, Mottak"]);
    expect(asSubject.totalCount).toBe(await api.db.auditEvent.count({ where: { entityType: "Assignment", entityId: assignment } }));

    // As the actor: every event HR made, and none of the admin's.
    const byHans = dataOf(await api.graphql<Json>(EVENTS, { filter: { person: "hans h" }, first: 50 }, { as: "admin" })).auditEvents;
    expect(byHans.totalCount).toBe(await api.db.auditEvent.count({ where: { actorName: "Hans HR" } }));
    expect(byHans.edges.every((e: Json) => e.node.actorName === "Hans HR")).toBe(true);

    const nobody = dataOf(await api.graphql<Json>(EVENTS, { filter: { person: "Ingen Slik Person" } }, { as: "hr" })).auditEvents;
    expect(nobody.totalCount).toBe(0);
    // Wildcards are literal: "%" is not "anyone".
    expect(dataOf(await api.graphql<Json>(EVENTS, { filter: { person: "%" } }, { as: "hr" })).auditEvents.totalCount).toBe(0);
  });

  it("resolves the names of a whole page in one SQL statement, not one per row", async () => {
    for (const name of ["Per Side", "Pål Side", "Espen Side", "Ane Side", "Liv Side", "Ivar Side"]) await assign((await newPerson(name)).id);
    // Counts the raw statements; each still runs on the real database.
    const original = api.db.$queryRaw.bind(api.db);
    const raw = vi.spyOn(api.db, "$queryRaw").mockImplementation(((...args: Parameters<typeof original>) => original(...args)) as typeof original);
    try {
      const page = dataOf(await api.graphql<Json>(EVENTS, { filter: { person: " Side" }, first: 6 }, { as: "hr" })).auditEvents;
      expect(page.edges).toHaveLength(6);
      expect(page.edges.every((e: Json) => e.node.changes.find((c: Json) => c.field === "roleId").after === "Veileder")).toBe(true);
      expect(raw).toHaveBeenCalledTimes(1);
    } finally {
      raw.mockRestore();
    }
  });
});

describe("readableChanges", () => {
  // A unit test of one function: the names come from a stand-in lookup.
  const names = async (kind: string, id: string) => (id === "gone" ? null : `${kind}:${id}`);

  it("renders nested rows, lists, booleans and unknown references, and leaves unchanged fields out", async () => {
    const before = { status: "ACTIVE", isPilot: false, stages: [{ practiceId: "p1", stage: "PILOTING", note: null }], version: 1, name: "Samme" };
    const after = { status: "MERGED", isPilot: true, stages: [{ practiceId: "p1", stage: "ADOPTED", note: "ok" }], version: 2, name: "Samme", personId: "gone" };
    expect(await readableChanges(before, after, names)).toEqual([
      { field: "status", kind: "CODE", before: "ACTIVE", after: "MERGED", beforeRaw: "ACTIVE", afterRaw: "MERGED" },
      { field: "isPilot", kind: "BOOLEAN", before: "false", after: "true", beforeRaw: false, afterRaw: true },
      {
        field: "stages",
        kind: "LIST",
        before: "Practice:p1: PILOTING",
        after: "Practice:p1: ADOPTED: ok",
        beforeRaw: before.stages,
        afterRaw: after.stages,
      },
      // A reference to a row that is gone keeps its raw id rather than nothing.
      { field: "personId", kind: "NAME", before: null, after: "gone", beforeRaw: null, afterRaw: "gone" },
    ]);
  });
});
