import { decodeGlobalID } from "@pothos/plugin-relay";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatDate, todayInNorway } from "../lib/dates";
import { createFixtures, date, gid, type Fixtures } from "../../test/fixtures";
import { createTestApi, dataOf, errorCode, type Json, type TestApi } from "../../test/harness";

let api: TestApi;
let f: Fixtures;
let mergerId: string;
let pastMergerId: string;

beforeAll(async () => {
  api = await createTestApi();
  f = await createFixtures(api.db);
  // A second "Mottak", so the copied names clash across offices.
  await api.db.team.create({ data: { officeId: f.offices.drammen.id, name: "Mottak", services: { connect: [{ id: f.services.sosialhjelp.id }] } } });
  const merger = await api.db.merger.create({
    data: {
      name: "Nav Nedre Romerike",
      targetOfficeId: f.offices.planned.id,
      effectiveDate: date("2030-01-01"),
      sourceOffices: { connect: [{ id: f.offices.lillestrom.id }, { id: f.offices.drammen.id }] },
    },
  });
  mergerId = gid("Merger", merger.id);
  const past = await api.db.merger.create({
    data: {
      name: "Tidligere",
      targetOfficeId: f.offices.planned.id,
      effectiveDate: date("2021-01-01"),
      status: "IN_PROGRESS",
      sourceOffices: { connect: [{ id: f.offices.lillestrom.id }] },
    },
  });
  pastMergerId = gid("Merger", past.id);
});
afterAll(() => api?.close());

const CREATE = /* GraphQL */ `
  mutation($input: CreateScenarioInput!) {
    createScenario(input: $input) {
      __typename
      ... on CreateScenarioPayload { scenario { ...Design } }
      ... on Error { message code }
      ... on ValidationError { fieldErrors { path message } }
      ... on NotFoundError { entityType entityId }
    }
  }
  fragment Design on Scenario {
    id name status base version asOfDate effectiveDate createdByName
    merger { name } offices { name } baseScenario { name } templateOffice { name }
    teams { id name action purpose office { name } sourceTeam { name } parent { name } services { code } }
    positions(includeClosed: true, first: 10) {
      totalCount
      edges { node { id fte action isVacant team { name } role { code } person { name } sourceAssignment { id } reportsTo { person { name } role { code } } } }
    }
  }
`;

async function create(input: Record<string, unknown>, as: Parameters<TestApi["graphql"]>[2] = { as: "planner" }) {
  return dataOf(await api.graphql<Json>(CREATE, { input }, as)).createScenario;
}

const positionsOf = (scenario: Json) => scenario.positions.edges.map((edge: Json) => edge.node);

describe("createScenario from the as-is", () => {
  let scenario: Json;

  it("copies the merger's source offices: teams, services, current assignments and managers", async () => {
    const result = await create({ name: "Alternativ A", mergerId, base: "AS_IS" });
    expect(result.__typename).toBe("CreateScenarioPayload");
    scenario = result.scenario;
    expect(scenario).toMatchObject({
      name: "Alternativ A",
      status: "DRAFT",
      base: "AS_IS",
      version: 1,
      asOfDate: formatDate(todayInNorway()),
      effectiveDate: "2030-01-01",
      createdByName: "Pia Planlegger",
      merger: { name: "Nav Nedre Romerike" },
      offices: [{ name: "Nav Drammen" }, { name: "Nav Lillestrøm" }],
    });
    const teams = Object.fromEntries(scenario.teams.map((team: Json) => [team.name, team]));
    expect(Object.keys(teams).sort()).toEqual(["Mottak (Drammen)", "Mottak (Lillestrøm)", "Oppfølging", "Sosialtjenesten", "Ungdomsteamet"]);
    expect(teams["Ungdomsteamet"]).toMatchObject({
      action: "UNCHANGED",
      parent: { name: "Oppfølging" },
      office: { name: "Nav Lillestrøm" },
      sourceTeam: { name: "Ungdomsteamet" },
      services: [{ code: "ARBOPP" }],
    });
    expect(teams["Oppfølging"].services.map((s: Json) => s.code).sort()).toEqual(["ARBOPP", "DAGP"]);
    expect(teams["Mottak (Drammen)"]).toMatchObject({ sourceTeam: { name: "Mottak" }, office: { name: "Nav Drammen" } });

    const positions = positionsOf(scenario);
    expect(scenario.positions.totalCount).toBe(3);
    const byPerson = Object.fromEntries(positions.map((p: Json) => [p.person.name, p]));
    expect(byPerson["Kari Testesen"]).toMatchObject({ fte: 1, action: "UNCHANGED", team: { name: "Oppfølging" }, role: { code: "LEDER" }, reportsTo: null });
    expect(byPerson["Ola Prøvesen"]).toMatchObject({
      fte: 0.6,
      team: { name: "Ungdomsteamet" },
      role: { code: "VEIL" },
      isVacant: false,
      sourceAssignment: { id: gid("Assignment", f.assignments.olaCurrent.id) },
      reportsTo: { person: { name: "Kari Testesen" }, role: { code: "LEDER" } },
    });
    expect(byPerson["Nora Eksempel"]).toMatchObject({ fte: 0.5, team: { name: "Sosialtjenesten" } });
    const event = await api.db.auditEvent.findFirstOrThrow({ where: { action: "createScenario" } });
    expect(event).toMatchObject({ entityType: "Scenario", actorName: "Pia Planlegger" });
    expect(event.after).toMatchObject({ teams: 5, positions: 3, offices: ["0230", "0602"] });
  });

  it("reads back through scenario(id), scenarios(filter), Merger.scenarios and positions(teamId)", async () => {
    const read = dataOf(
      await api.graphql<Json>(
        `query($id: ID!, $merger: ID!, $team: ID!) {
          scenario(id: $id) { name viewerCanEdit viewerCanApprove undoableChanges positions(teamId: $team) { totalCount edges { node { person { name } } } } }
          byMerger: scenarios(filter: { mergerId: $merger }) { totalCount edges { node { name } } }
          byText: scenarios(filter: { text: "alternativ" }) { totalCount }
          inReview: scenarios(filter: { status: [IN_REVIEW] }) { totalCount }
          merger(id: $merger) { scenarios { name status } }
        }`,
        { id: scenario.id, merger: mergerId, team: scenario.teams.find((t: Json) => t.name === "Ungdomsteamet").id },
        { as: "viewer" },
      ),
    );
    expect(read.scenario).toMatchObject({
      name: "Alternativ A",
      viewerCanEdit: false,
      viewerCanApprove: false,
      undoableChanges: 0,
      positions: { totalCount: 1, edges: [{ node: { person: { name: "Ola Prøvesen" } } }] },
    });
    expect(read.byMerger).toEqual({ totalCount: 1, edges: [{ node: { name: "Alternativ A" } }] });
    expect(read.byText.totalCount).toBe(1);
    expect(read.inReview.totalCount).toBe(0);
    expect(read.merger.scenarios).toEqual([{ name: "Alternativ A", status: "DRAFT" }]);
    const asPlanner = dataOf(await api.graphql<Json>(`query($id: ID!) { scenario(id: $id) { viewerCanEdit } }`, { id: scenario.id }, { as: "planner" }));
    expect(asPlanner.scenario.viewerCanEdit).toBe(true);
  });

  it("takes the day before a past merger date as the as-is, with the assignments running then", async () => {
    const result = await create({ name: "Historisk", mergerId: pastMergerId, base: "AS_IS" });
    expect(result.scenario).toMatchObject({ asOfDate: "2020-12-31", effectiveDate: "2021-01-01" });
    const positions = positionsOf(result.scenario);
    // Ola's ended assignment ran that day; his current one had not started.
    expect(positions.map((p: Json) => `${p.person.name} ${p.team.name} ${p.role.code}`).sort()).toEqual([
      "Kari Testesen Oppfølging LEDER",
      "Ola Prøvesen Mottak SAKSB",
    ]);
  });

  it("takes explicit offices without a merger, with explicit dates", async () => {
    const result = await create({
      name: "Bare Drammen",
      officeIds: [gid("Office", f.offices.drammen.id)],
      base: "AS_IS",
      asOfDate: "2023-06-01",
      effectiveDate: "2024-01-01",
    });
    expect(result.scenario).toMatchObject({ merger: null, offices: [{ name: "Nav Drammen" }], asOfDate: "2023-06-01" });
    expect(result.scenario.teams.map((t: Json) => t.name).sort()).toEqual(["Mottak", "Sosialtjenesten"]);
    expect(positionsOf(result.scenario).map((p: Json) => p.person.name)).toEqual(["Nora Eksempel"]);
  });

  it("validates the input", async () => {
    const count = await api.db.scenario.count();
    expect(await create({ name: "X", base: "AS_IS" })).toMatchObject({
      __typename: "ValidationError",
      fieldErrors: [{ path: "officeIds", message: "Velg en sammenslåing eller minst ett kontor." }],
    });
    expect(await create({ name: "X", base: "SCENARIO" })).toMatchObject({ fieldErrors: [{ path: "baseScenarioId" }] });
    expect(await create({ name: " ", mergerId, base: "AS_IS" })).toMatchObject({ fieldErrors: [{ path: "name" }] });
    expect(await create({ name: "X", mergerId, base: "AS_IS", asOfDate: "2030-01-01", effectiveDate: "2030-01-01" })).toMatchObject({
      fieldErrors: [{ path: "effectiveDate" }],
    });
    expect(await create({ name: "X", officeIds: [gid("Office", "nope")], base: "AS_IS" })).toMatchObject({
      __typename: "NotFoundError",
      entityType: "Office",
    });
    expect(await create({ name: "X", mergerId: gid("Office", f.offices.drammen.id), base: "AS_IS" })).toMatchObject({
      fieldErrors: [{ path: "mergerId" }],
    });
    const cancelled = await api.db.merger.create({
      data: { name: "Avbrutt", targetOfficeId: f.offices.planned.id, effectiveDate: date("2031-01-01"), status: "CANCELLED" },
    });
    expect(await create({ name: "X", mergerId: gid("Merger", cancelled.id), base: "AS_IS" })).toMatchObject({
      __typename: "ValidationError",
      fieldErrors: [{ path: "mergerId" }],
    });
    expect(await api.db.scenario.count()).toBe(count);
  });

  it("is refused to viewer, HR, office leader and anonymous callers", async () => {
    for (const as of ["viewer", "hr", "officeLeader", null] as const) {
      const response = await api.graphql<Json>(CREATE, { input: { name: "X", mergerId, base: "AS_IS" } }, { as });
      expect(response.data?.createScenario ?? null).toBeNull();
      expect(errorCode(response)).toBe(as === null ? "UNAUTHENTICATED" : "FORBIDDEN");
    }
  });
});

describe("createScenario from a scenario and from a template", () => {
  it("copies another scenario deeply, with new ids, keeping actions and sources", async () => {
    const base = (await create({ name: "Grunnlag", mergerId, base: "AS_IS" })).scenario;
    // An edited element: its action must survive the copy.
    const mottak = await api.db.scenarioTeam.findFirstOrThrow({ where: { name: "Mottak (Drammen)", scenarioId: fromGid(base.id) } });
    await api.db.scenarioTeam.update({ where: { id: mottak.id }, data: { action: "CHANGED", wave: 2 } });
    const copy = (await create({ name: "Kopi", base: "SCENARIO", baseScenarioId: base.id, effectiveDate: "2030-02-01" })).scenario;
    expect(copy).toMatchObject({
      base: "SCENARIO",
      baseScenario: { name: "Grunnlag" },
      merger: { name: "Nav Nedre Romerike" },
      asOfDate: base.asOfDate,
      effectiveDate: "2030-02-01",
      offices: base.offices,
    });
    const shape = (scenario: Json) => ({
      teams: scenario.teams.map((t: Json) => ({ ...t, id: undefined })),
      positions: positionsOf(scenario).map((p: Json) => ({ ...p, id: undefined })),
    });
    const changed = { ...base, teams: base.teams.map((t: Json) => (t.name === "Mottak (Drammen)" ? { ...t, action: "CHANGED" } : t)) };
    expect(shape(copy)).toEqual(shape(changed));
    expect(copy.teams.map((t: Json) => t.id)).not.toEqual(base.teams.map((t: Json) => t.id));
    const copiedWave = await api.db.scenarioTeam.findFirstOrThrow({ where: { name: "Mottak (Drammen)", scenarioId: fromGid(copy.id) } });
    expect(copiedWave.wave).toBe(2);

    expect(await create({ name: "X", base: "SCENARIO", baseScenarioId: base.id, asOfDate: "2020-01-01" })).toMatchObject({
      fieldErrors: [{ path: "asOfDate" }],
    });
    expect(await create({ name: "X", base: "SCENARIO", baseScenarioId: gid("Scenario", "nope") })).toMatchObject({
      __typename: "NotFoundError",
      entityType: "Scenario",
    });
  });

  it("closes the as-is and adds the spearhead office's design as new teams with vacant positions", async () => {
    const result = await create({ name: "Lillestrøm-modellen", mergerId, base: "TEMPLATE", officeIds: [gid("Office", f.offices.drammen.id)] });
    const scenario = result.scenario;
    expect(scenario).toMatchObject({ base: "TEMPLATE", templateOffice: { name: "Nav Lillestrøm" }, offices: [{ name: "Nav Drammen" }] });
    const teams = scenario.teams.map((t: Json) => `${t.name}:${t.action}:${t.office.name}:${t.parent?.name ?? "-"}`);
    expect(teams).toEqual([
      "Mottak:CLOSED:Nav Drammen:-",
      "Sosialtjenesten:CLOSED:Nav Drammen:-",
      "Mottak:NEW:Nav Vestlandet planlagt:-",
      "Oppfølging:NEW:Nav Vestlandet planlagt:-",
      "Ungdomsteamet:NEW:Nav Vestlandet planlagt:Oppfølging",
    ]);
    const newOppfolging = scenario.teams.find((t: Json) => t.name === "Oppfølging" && t.action === "NEW");
    expect(newOppfolging).toMatchObject({ purpose: "Arbeidsrettet oppfølging", sourceTeam: null });
    const positions = positionsOf(scenario);
    expect(positions.map((p: Json) => `${p.team.name}:${p.role.code}:${p.fte}:${p.action}:${p.person?.name ?? "ledig"}`)).toEqual([
      "Sosialtjenesten:SAKSB:0.5:CLOSED:Nora Eksempel",
      "Oppfølging:LEDER:1:NEW:ledig",
      "Ungdomsteamet:VEIL:0.6:NEW:ledig",
    ]);
    expect(positions[2].reportsTo).toMatchObject({ role: { code: "LEDER" }, person: null });
    expect(positions[2].isVacant).toBe(true);
  });
});

function fromGid(globalId: string): string {
  return decodeGlobalID(globalId).id;
}
