// Completing a merger puts its approved scenario into effect: designed, reviewed and
// completed through the API, as planners do it.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createFixtures, date, gid, type Fixtures } from "../../test/fixtures";
import { createTestApi, dataOf, type Json, type TestApi, type TestUser } from "../../test/harness";

let api: TestApi;
let f: Fixtures;
let mergerId: string;
let berit: { id: string };
let frida: { id: string };
let existingUngdom: { id: string };

const planner2: TestUser = { sub: "sub-planner2", username: "planlegger2", name: "Per Planlegger", roles: ["planner"] };

beforeAll(async () => {
  // Today is fixed before the merger's effective date (2030-01-01): completing schedules it.
  vi.setSystemTime(new Date("2026-11-15T11:00:00Z"));
  api = await createTestApi();
  f = await createFixtures(api.db);
  const { db } = api;
  // Berit works half in Bærum (not merging) and half in Drammen (merging).
  const baerumTeam = await db.team.create({ data: { officeId: f.offices.baerum.id, name: "Bærum mottak" } });
  berit = await db.person.create({ data: { name: "Berit Deltid", email: "berit@nav.test", employer: "MUNICIPAL" } });
  for (const teamId of [baerumTeam.id, f.teams.drammen.id]) {
    await db.assignment.create({
      data: { personId: berit.id, roleId: f.roles.saksbehandler.id, teamId, fte: "0.50", startDate: date("2023-01-01") },
    });
  }
  // Frida starts in Lillestrøm after the merger's date: her assignment can never run there.
  frida = await db.person.create({ data: { name: "Frida Framtid", email: "frida@nav.test", employer: "STATE" } });
  await db.assignment.create({
    data: { personId: frida.id, roleId: f.roles.veileder.id, teamId: f.teams.mottak.id, fte: "0.40", startDate: date("2030-03-01") },
  });
  // Nora's Drammen assignment was meant to run past the merger.
  await db.assignment.update({ where: { id: f.assignments.noraDrammen.id }, data: { endDate: date("2031-06-30") } });
  // The planned office already has a team of a name the design uses.
  existingUngdom = await db.team.create({ data: { officeId: f.offices.planned.id, name: "Ungdomsteamet", purpose: "Planlagt" } });

  const merger = await db.merger.create({
    data: {
      name: "Nav Romerike og Drammen",
      targetOfficeId: f.offices.planned.id,
      effectiveDate: date("2030-01-01"),
      status: "IN_PROGRESS",
      sourceOffices: { connect: [{ id: f.offices.lillestrom.id }, { id: f.offices.drammen.id }] },
    },
  });
  mergerId = gid("Merger", merger.id);
});
afterAll(async () => {
  vi.useRealTimers();
  await api?.close();
});

async function mutate(mutation: string, input: Record<string, unknown>, as: TestUser | "planner" | "admin", fields: string) {
  const type = `${mutation.charAt(0).toUpperCase()}${mutation.slice(1)}`;
  const result = dataOf(
    await api.graphql<Json>(
      `mutation($input: ${type}Input!) { ${mutation}(input: $input) {
        __typename ... on ${type}Payload { ${fields} } ... on Error { message code } ... on ValidationError { fieldErrors { path message } }
      } }`,
      { input },
      { as },
    ),
  )[mutation];
  return result;
}

/** A draft being edited through the API: its id, version, and its teams and positions by name. */
interface Draft {
  id: string;
  version: number;
  team(name: string): string;
  positionOf(personId: string): string;
  edit(mutation: string, input: Record<string, unknown>, returns?: "team" | "position"): Promise<string | null>;
}

const DESIGN = /* GraphQL */ `
  query($id: ID!) {
    scenario(id: $id) {
      teams { id name }
      positions(includeClosed: true, first: 100) { edges { node { id person { id } } } }
    }
  }
`;

/** A new AS_IS scenario of the merger, edited by `design`, then submitted and approved by another planner. */
async function approvedScenario(name: string, design: (draft: Draft) => Promise<void>): Promise<{ id: string; version: number }> {
  const created = await mutate("createScenario", { name, mergerId, base: "AS_IS" }, "planner", "scenario { id version }");
  expect(created.__typename, created.message).toBe("CreateScenarioPayload");
  const read = dataOf(await api.graphql<Json>(DESIGN, { id: created.scenario.id }, { as: "planner" })).scenario;
  const draft: Draft = {
    id: created.scenario.id,
    version: created.scenario.version,
    team: (teamName) => read.teams.find((t: Json) => t.name === teamName).id,
    positionOf: (personId) => read.positions.edges.find((e: Json) => e.node.person?.id === gid("Person", personId)).node.id,
    async edit(mutation, input, returns) {
      const result = await mutate(mutation, { scenarioId: this.id, version: this.version, ...input }, "planner", `scenario { version } ${returns ? `${returns} { id }` : ""}`);
      expect(result.__typename, result.message).toMatch(/Payload$/);
      this.version = result.scenario.version;
      return returns ? result[returns].id : null;
    },
  };
  await design(draft);
  const submitted = await mutate("submitScenario", { id: draft.id, version: draft.version }, "planner", "scenario { version }");
  expect(submitted.__typename, submitted.message).toBe("SubmitScenarioPayload");
  const approved = await mutate("approveScenario", { id: draft.id, version: submitted.scenario.version }, planner2, "scenario { status version }");
  expect(approved.scenario.status).toBe("APPROVED");
  return { id: draft.id, version: approved.scenario.version };
}

async function complete() {
  const merger = await api.db.merger.findFirstOrThrow({ where: { name: "Nav Romerike og Drammen" } });
  return mutate(
    "updateMerger",
    { id: mergerId, version: merger.version, status: "COMPLETED" },
    "planner",
    "merger { status targetOffice { status } sourceOffices { name status validTo } }",
  );
}

const ids = <T extends { id: string }>(rows: T[]) => rows.map((r) => r.id).sort();

async function snapshotCounts() {
  const [teams, assignments, scenarioTeams, scenarioPositions] = await Promise.all([
    api.db.team.findMany({ select: { id: true } }),
    api.db.assignment.findMany({ select: { id: true } }),
    api.db.scenarioTeam.count(),
    api.db.scenarioPosition.count(),
  ]);
  return { teams: ids(teams), assignments: ids(assignments), scenarioTeams, scenarioPositions };
}

describe("completing a merger with its approved scenario", () => {
  it("refuses, changing nothing, when the design would put a person above 1.0 FTE", async () => {
    const before = await snapshotCounts();
    const scenario = await approvedScenario("For mye for Berit", async (draft) => {
      // Berit's Drammen half becomes 0.6, on top of her 0.5 in Bærum.
      await draft.edit("updateScenarioPosition", { positionId: draft.positionOf(berit.id), fte: 0.6 });
    });
    const result = await complete();
    expect(result).toMatchObject({ __typename: "ValidationError", fieldErrors: [{ path: "status" }] });
    expect(result.message).toMatch(/^Sammenslåingen kan ikke fullføres: Berit Deltid kan ikke få stillingen fra 01\.01\.2030\. /);
    expect(result.message).toMatch(/mer enn 1,0/);

    const merger = await api.db.merger.findFirstOrThrow({ where: { name: "Nav Romerike og Drammen" }, include: { targetOffice: true } });
    expect(merger).toMatchObject({ status: "IN_PROGRESS", targetOffice: { status: "PLANNED" } });
    expect((await api.db.assignment.findUniqueOrThrow({ where: { id: f.assignments.kariLeader.id } })).endDate).toBeNull();
    expect((await api.db.scenario.findFirstOrThrow({ where: { name: "For mye for Berit" } })).appliedAt).toBeNull();
    expect({ ...(await snapshotCounts()), scenarioTeams: before.scenarioTeams, scenarioPositions: before.scenarioPositions }).toEqual(before);

    const archived = await mutate("archiveScenario", { id: scenario.id, version: scenario.version }, "planner", "scenario { status }");
    expect(archived.scenario.status).toBe("ARCHIVED");
  });

  it("builds the target office from the design, ends the old assignments and starts the new ones", async () => {
    const scenario = await approvedScenario("Ny organisering", async (draft) => {
      // Mottak closes; Sosialtjenesten takes over sosialhjelp.
      await draft.edit("closeScenarioTeam", { teamId: draft.team("Mottak") });
      await draft.edit("setScenarioTeamServices", {
        teamId: draft.team("Sosialtjenesten"),
        serviceIds: [gid("Service", f.services.sosialhjelp.id)],
      });
      // A new team under Oppfølging with a vacant leader, and Nora moved into it under that leader.
      const marked = await draft.edit("addScenarioTeam", { name: "Marked", parentId: draft.team("Oppfølging") }, "team");
      const vacantLeader = await draft.edit(
        "addScenarioPosition",
        { teamId: marked, roleId: gid("Role", f.roles.leder.id), fte: 1, reportsToId: draft.positionOf(f.people.kari.id) },
        "position",
      );
      await draft.edit("updateScenarioPosition", { positionId: draft.positionOf(f.people.nora.id), teamId: marked, reportsToId: vacantLeader });
      // Berit's Drammen position closes: she keeps only her Bærum half.
      await draft.edit("closeScenarioPosition", { positionId: draft.positionOf(berit.id) });
    });
    const before = await snapshotCounts();

    const result = await complete();
    expect(result).toMatchObject({
      __typename: "UpdateMergerPayload",
      merger: {
        status: "COMPLETED",
        // Completed ahead of the effective date: today's world stands until then (docs/decisions/008).
        targetOffice: { status: "PLANNED" },
        sourceOffices: [
          { name: "Nav Drammen", status: "ACTIVE", validTo: "2029-12-31" },
          { name: "Nav Lillestrøm", status: "ACTIVE", validTo: "2029-12-31" },
        ],
      },
    });

    // Teams: the open design teams, the hierarchy kept, the existing namesake taken over.
    const targetTeams = await api.db.team.findMany({
      where: { officeId: f.offices.planned.id },
      include: { parent: true, services: { orderBy: { code: "asc" } } },
      orderBy: { name: "asc" },
    });
    expect(targetTeams.map((t) => [t.name, t.parent?.name ?? null, t.services.map((s) => s.code)])).toEqual([
      ["Marked", "Oppfølging", []],
      ["Oppfølging", null, ["ARBOPP", "DAGP"]],
      ["Sosialtjenesten", null, ["OKSOS"]],
      ["Ungdomsteamet", "Oppfølging", ["ARBOPP"]],
    ]);
    expect(targetTeams.find((t) => t.name === "Ungdomsteamet")).toMatchObject({ id: existingUngdom.id, purpose: null, version: 2 });

    // Old assignments end the day before (Frida's, which starts later, on its own start date).
    const ended = await api.db.assignment.findMany({
      where: { team: { officeId: { in: [f.offices.lillestrom.id, f.offices.drammen.id] } } },
      include: { person: true, team: true },
      orderBy: [{ person: { name: "asc" } }, { startDate: "asc" }],
    });
    expect(ended.map((a) => `${a.person.name} ${a.team.name} ${a.startDate.toISOString().slice(0, 10)}–${a.endDate?.toISOString().slice(0, 10)}`)).toEqual([
      "Berit Deltid Sosialtjenesten 2023-01-01–2029-12-31",
      "Frida Framtid Mottak 2030-03-01–2030-03-01",
      "Kari Testesen Oppfølging 2020-01-01–2029-12-31",
      "Nora Eksempel Sosialtjenesten 2022-01-01–2029-12-31",
      "Ola Prøvesen Mottak 2019-01-01–2020-12-31",
      "Ola Prøvesen Ungdomsteamet 2021-03-01–2029-12-31",
    ]);
    // Already ended before the merger: untouched.
    expect(await api.db.assignment.findUniqueOrThrow({ where: { id: f.assignments.olaEnded.id } })).toMatchObject({ version: 1 });

    // New assignments from the effective date: role, FTE, team and manager from the design.
    const started = await api.db.assignment.findMany({
      where: { team: { officeId: f.offices.planned.id } },
      include: { person: true, role: true, team: true, reportsTo: true },
      orderBy: { person: { name: "asc" } },
    });
    expect(started.map((a) => [a.person.name, a.role.code, a.team.name, a.fte.toFixed(2), a.startDate.toISOString().slice(0, 10), a.endDate, a.reportsTo?.name ?? null])).toEqual([
      ["Kari Testesen", "LEDER", "Oppfølging", "1.00", "2030-01-01", null, null],
      // Nora's manager position is vacant: she reports to the next person up the chain.
      ["Nora Eksempel", "SAKSB", "Marked", "0.50", "2030-01-01", null, "Kari Testesen"],
      ["Ola Prøvesen", "VEIL", "Ungdomsteamet", "0.60", "2030-01-01", null, "Kari Testesen"],
    ]);
    // Berit keeps her Bærum half and nothing more.
    const beritNow = await api.db.assignment.findMany({ where: { personId: berit.id, endDate: null }, include: { team: true } });
    expect(beritNow.map((a) => `${a.team.name} ${a.fte.toFixed(2)}`)).toEqual(["Bærum mottak 0.50"]);

    // Nothing deleted: every team and assignment from before is still there, plus the new ones.
    const after = await snapshotCounts();
    expect(after.teams).toEqual(expect.arrayContaining(before.teams));
    expect(after.teams).toHaveLength(before.teams.length + 3);
    expect(after.assignments).toEqual(expect.arrayContaining(before.assignments));
    expect(after.assignments).toHaveLength(before.assignments.length + 3);
    expect([after.scenarioTeams, after.scenarioPositions]).toEqual([before.scenarioTeams, before.scenarioPositions]);

    // The scenario is marked as applied and can no longer be archived.
    const applied = dataOf(
      await api.graphql<Json>(`query($id: ID!) { scenario(id: $id) { status appliedAt version } }`, { id: scenario.id }, { as: "viewer" }),
    ).scenario;
    expect(applied).toMatchObject({ status: "APPROVED", version: scenario.version + 1 });
    expect(applied.appliedAt).not.toBeNull();
    const archive = await mutate("archiveScenario", { id: scenario.id, version: applied.version }, "admin", "scenario { status }");
    expect(archive).toMatchObject({ __typename: "InvalidStatusTransitionError", code: "INVALID_STATUS_TRANSITION" });
    expect(archive.message).toBe("Scenarioet er tatt i bruk i en fullført sammenslåing og kan ikke arkiveres.");
  });

  it("audits everything the completion created or changed, in the same request", async () => {
    const merger = await api.db.merger.findFirstOrThrow({ where: { name: "Nav Romerike og Drammen" } });
    const completion = await api.db.auditEvent.findFirstOrThrow({ where: { entityType: "Merger", entityId: merger.id, action: "updateMerger" } });
    const events = await api.db.auditEvent.findMany({ where: { requestId: completion.requestId } });
    expect(events.every((e) => e.action === "updateMerger" && e.actorName === "Pia Planlegger")).toBe(true);
    const count = (type: string, has?: "before") =>
      events.filter((e) => e.entityType === type && (has ? e.before !== null : true)).length;
    expect({
      merger: count("Merger"),
      offices: count("Office"),
      teams: count("Team"),
      teamsTakenOver: count("Team", "before"),
      assignments: count("Assignment"),
      assignmentsEnded: count("Assignment", "before"),
      scenario: count("Scenario"),
    }).toEqual({ merger: 1, offices: 3, teams: 4, teamsTakenOver: 1, assignments: 5 + 3, assignmentsEnded: 5, scenario: 1 });
    const frida = events.find((e) => e.entityType === "Assignment" && (e.before as Json)?.startDate === "2030-03-01");
    expect(frida).toMatchObject({ before: { endDate: null }, after: { endDate: "2030-03-01" } });
  });

  it("shows the target office ACTIVE in the org graph, with its teams and people", async () => {
    const office = gid("Office", f.offices.planned.id);
    const graph = dataOf(
      await api.graphql<Json>(
        `query($scope: OrgGraphScope!, $asOf: Date) { orgGraph(scope: $scope, asOf: $asOf) { nodes { id type label parent status } edges { source target type } } }`,
        { scope: { officeIds: [office] }, asOf: "2030-01-01" },
        { as: "viewer" },
      ),
    ).orgGraph;
    const label = new Map(graph.nodes.map((n: Json) => [n.id, n.label]));
    const of = (type: string) => graph.nodes.filter((n: Json) => n.type === type).map((n: Json) => `${n.label} ⊂ ${label.get(n.parent) ?? "-"}`).sort();
    expect(graph.nodes.find((n: Json) => n.id === office)).toMatchObject({ type: "OFFICE", status: "ACTIVE" });
    expect(of("TEAM")).toEqual([
      "Marked ⊂ Oppfølging",
      "Oppfølging ⊂ Nav Vestlandet planlagt",
      "Sosialtjenesten ⊂ Nav Vestlandet planlagt",
      "Ungdomsteamet ⊂ Oppfølging",
    ]);
    expect(of("PERSON")).toEqual(["Kari Testesen ⊂ Oppfølging", "Nora Eksempel ⊂ Marked", "Ola Prøvesen ⊂ Ungdomsteamet"]);
    const reports = graph.edges.filter((e: Json) => e.type === "REPORTS_TO").map((e: Json) => `${label.get(e.source)} → ${label.get(e.target)}`);
    expect(reports.sort()).toEqual(["Nora Eksempel → Kari Testesen", "Ola Prøvesen → Kari Testesen"]);

    // The day before, the office had no one yet.
    const dayBefore = dataOf(
      await api.graphql<Json>(`query($scope: OrgGraphScope!, $asOf: Date) { orgGraph(scope: $scope, asOf: $asOf) { nodes { type } } }`, {
        scope: { officeIds: [office] },
        asOf: "2029-12-31",
      }, { as: "viewer" }),
    ).orgGraph;
    expect(dayBefore.nodes.filter((n: Json) => n.type === "PERSON")).toHaveLength(0);
  });
});
