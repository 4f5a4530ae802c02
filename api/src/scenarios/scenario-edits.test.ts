import { decodeGlobalID } from "@pothos/plugin-relay";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixtures, date, gid, type Fixtures } from "../../test/fixtures";
import { createTestApi, dataOf, errorCode, type Json, type RequestOptions, type TestApi } from "../../test/harness";

let api: TestApi;
let f: Fixtures;
let mergerId: string;

beforeAll(async () => {
  api = await createTestApi();
  f = await createFixtures(api.db);
  await api.db.team.create({ data: { officeId: f.offices.drammen.id, name: "Mottak", services: { connect: [{ id: f.services.sosialhjelp.id }] } } });
  const per = await api.db.person.create({ data: { name: "Per Mottaksen", email: "per@nav.test", employer: "MUNICIPAL" } });
  await api.db.assignment.create({
    data: { personId: per.id, roleId: f.roles.saksbehandler.id, teamId: f.teams.mottak.id, fte: "1.00", startDate: date("2022-01-01"), reportsToId: f.people.kari.id },
  });
  const merger = await api.db.merger.create({
    data: {
      name: "Nav Nedre Romerike",
      targetOfficeId: f.offices.planned.id,
      effectiveDate: date("2030-01-01"),
      sourceOffices: { connect: [{ id: f.offices.lillestrom.id }, { id: f.offices.drammen.id }] },
    },
  });
  mergerId = gid("Merger", merger.id);
});
afterAll(() => api?.close());

// ---- helpers ----------------------------------------------------------------------------------

const ELEMENT: Record<string, "team" | "position" | null> = {
  addScenarioTeam: "team",
  updateScenarioTeam: "team",
  moveScenarioTeam: "team",
  splitScenarioTeam: "team",
  mergeScenarioTeams: "team",
  closeScenarioTeam: "team",
  setScenarioTeamServices: "team",
  addScenarioPosition: "position",
  updateScenarioPosition: "position",
  closeScenarioPosition: "position",
  moveScenarioPerson: "position",
  undoScenarioChanges: null,
  updateScenario: null,
};

function documentFor(mutation: string): string {
  const type = mutation.charAt(0).toUpperCase() + mutation.slice(1);
  const element = ELEMENT[mutation];
  return `mutation($input: ${type}Input!) {
    ${mutation}(input: $input) {
      __typename
      ... on ${type}Payload { scenario { version undoableChanges } ${element ? `${element} { id action }` : ""} }
      ... on Error { message code }
      ... on ValidationError { fieldErrors { path message } }
      ... on ConflictError { currentVersion changedFields }
      ... on NotFoundError { entityType entityId }
    }
  }`;
}

interface Scenario {
  id: string;
  dbId: string;
  teams: Record<string, string>;
  /** Open positions by holder's name (the first one when someone holds several). */
  positions: Record<string, string>;
}

async function newScenario(name: string): Promise<Scenario> {
  const created = dataOf(
    await api.graphql<Json>(
      `mutation($input: CreateScenarioInput!) { createScenario(input: $input) { ... on CreateScenarioPayload { scenario { id } } } }`,
      { input: { name, mergerId, base: "AS_IS" } },
      { as: "planner" },
    ),
  ).createScenario.scenario;
  const scenario = { id: created.id, dbId: decodeGlobalID(created.id).id, teams: {}, positions: {} };
  await refresh(scenario);
  return scenario;
}

async function refresh(scenario: Scenario): Promise<void> {
  const design = await state(scenario);
  scenario.teams = Object.fromEntries(design.teams.filter((t: Json) => t.action !== "CLOSED").map((t: Json) => [t.name, t.id]));
  scenario.positions = {};
  for (const p of design.positions) if (p.person && p.action !== "CLOSED") scenario.positions[p.person.name] ??= p.id;
}

/** The whole design as a client reads it: what undo must restore exactly. */
async function state(scenario: Scenario): Promise<Json> {
  const data = dataOf(
    await api.graphql<Json>(
      `query($id: ID!) { scenario(id: $id) {
        teams { id name purpose action effectiveDate wave parent { id } office { id } sourceTeam { id } services { id } }
        positions(includeClosed: true, first: 30) { edges { node { id fte action effectiveDate wave team { id } role { id } person { id name } reportsTo { id } } } }
      } }`,
      { id: scenario.id },
    ),
  ).scenario;
  return { teams: data.teams, positions: data.positions.edges.map((e: Json) => e.node) };
}

async function version(scenario: Scenario): Promise<number> {
  return (await api.db.scenario.findUniqueOrThrow({ where: { id: scenario.dbId } })).version;
}

/** Runs an edit at the scenario's current version (unless the input names one). */
async function edit(scenario: Scenario, mutation: string, input: Record<string, unknown>, as: RequestOptions["as"] = "planner") {
  const key = mutation === "updateScenario" ? "id" : "scenarioId";
  const full = { [key]: scenario.id, version: await version(scenario), ...input };
  const result = dataOf(await api.graphql<Json>(documentFor(mutation), { input: full }, { as }))[mutation];
  await refresh(scenario);
  return result;
}

const team = (s: Scenario, name: string) => {
  const id = s.teams[name];
  if (!id) throw new Error(`no open team ${name}: ${Object.keys(s.teams).join(", ")}`);
  return id;
};
const position = (s: Scenario, person: string) => {
  const id = s.positions[person];
  if (!id) throw new Error(`no open position for ${person}`);
  return id;
};
const teamRow = async (s: Scenario, name: string) => (await state(s)).teams.find((t: Json) => t.name === name);
const positionRow = async (s: Scenario, id: string) => (await state(s)).positions.find((p: Json) => p.id === id);
const role = (key: keyof Fixtures["roles"]) => gid("Role", f.roles[key].id);
const service = (key: keyof Fixtures["services"]) => gid("Service", f.services[key].id);

// ---- teams ------------------------------------------------------------------------------------

describe("team edits", () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await newScenario("Team-endringer");
  });

  it("addScenarioTeam adds a NEW team in the merger's target office, recorded as a change", async () => {
    const result = await edit(s, "addScenarioTeam", {
      name: "Markedsteam",
      purpose: "Arbeidsgivere",
      parentId: team(s, "Oppfølging"),
      serviceIds: [service("oppfolging")],
      wave: 1,
    });
    expect(result).toMatchObject({ __typename: "AddScenarioTeamPayload", scenario: { version: 2, undoableChanges: 1 }, team: { action: "NEW" } });
    const added = await teamRow(s, "Markedsteam");
    expect(added).toMatchObject({
      purpose: "Arbeidsgivere",
      wave: 1,
      effectiveDate: null,
      parent: { id: team(s, "Oppfølging") },
      office: { id: gid("Office", f.offices.planned.id) },
      sourceTeam: null,
      services: [{ id: service("oppfolging") }],
    });
    const change = await api.db.scenarioChange.findFirstOrThrow({ where: { scenarioId: s.dbId } });
    expect(change).toMatchObject({ version: 2, kind: "addScenarioTeam", summary: "La til teamet «Markedsteam» under «Oppfølging»", actorName: "Pia Planlegger" });
    const audit = await api.db.auditEvent.findFirstOrThrow({ where: { action: "addScenarioTeam", entityId: s.dbId } });
    expect(audit).toMatchObject({ entityType: "Scenario", before: { version: 1 } });
    expect(audit.after).toMatchObject({ version: 2, summary: change.summary });
  });

  it("refuses a duplicate open team name, an unknown parent, another scenario's team and a bad wave", async () => {
    const before = await version(s);
    expect(await edit(s, "addScenarioTeam", { name: "markedsteam" })).toMatchObject({
      __typename: "ValidationError",
      fieldErrors: [{ path: "name", message: "Scenarioet har allerede et team som heter «Markedsteam»." }],
    });
    expect(await edit(s, "addScenarioTeam", { name: "X", parentId: gid("ScenarioTeam", "nope") })).toMatchObject({
      __typename: "NotFoundError",
      entityType: "ScenarioTeam",
    });
    const other = await newScenario("Et annet");
    expect(await edit(s, "addScenarioTeam", { name: "X", parentId: team(other, "Oppfølging") })).toMatchObject({
      __typename: "ValidationError",
      fieldErrors: [{ path: "parentId", message: "Teamet hører til et annet scenario." }],
    });
    expect(await edit(s, "addScenarioTeam", { name: "X", parentId: gid("Team", f.teams.mottak.id) })).toMatchObject({
      fieldErrors: [{ path: "parentId", message: "Ugyldig id for team i scenarioet." }],
    });
    expect(await edit(s, "addScenarioTeam", { name: "X", wave: 0 })).toMatchObject({ fieldErrors: [{ path: "wave" }] });
    expect(await edit(s, "addScenarioTeam", { name: "X", effectiveDate: "2020-01-01" })).toMatchObject({
      fieldErrors: [{ path: "effectiveDate" }],
    });
    expect(await edit(s, "addScenarioTeam", { name: "X", officeId: gid("Office", f.offices.baerum.id) })).toMatchObject({
      fieldErrors: [{ path: "officeId" }],
    });
    expect(await version(s)).toBe(before);
  });

  it("updateScenarioTeam renames (UNCHANGED → CHANGED), keeps NEW as NEW, and a wave alone keeps the action", async () => {
    const renamed = await edit(s, "updateScenarioTeam", { teamId: team(s, "Sosialtjenesten"), name: "Sosial og bolig" });
    expect(renamed).toMatchObject({ team: { action: "CHANGED" } });
    expect(await api.db.scenarioChange.findFirstOrThrow({ where: { scenarioId: s.dbId }, orderBy: { version: "desc" } })).toMatchObject({
      summary: "Ga teamet «Sosialtjenesten» nytt navn «Sosial og bolig»",
    });
    expect(await edit(s, "updateScenarioTeam", { teamId: team(s, "Markedsteam"), purpose: "Bedrifter" })).toMatchObject({ team: { action: "NEW" } });
    expect(await edit(s, "updateScenarioTeam", { teamId: team(s, "Mottak (Drammen)"), wave: 2, effectiveDate: "2030-03-01" })).toMatchObject({
      team: { action: "UNCHANGED" },
    });
    expect(await teamRow(s, "Mottak (Drammen)")).toMatchObject({ wave: 2, effectiveDate: "2030-03-01" });
    expect(await edit(s, "updateScenarioTeam", { teamId: team(s, "Markedsteam") })).toMatchObject({
      __typename: "ValidationError",
      message: "Ingen endringer å lagre.",
    });
    expect(await edit(s, "updateScenarioTeam", { teamId: team(s, "Markedsteam"), name: "Oppfølging" })).toMatchObject({
      fieldErrors: [{ path: "name" }],
    });
  });

  it("moveScenarioTeam moves a team and refuses cycles", async () => {
    expect(await edit(s, "moveScenarioTeam", { teamId: team(s, "Oppfølging"), parentId: team(s, "Ungdomsteamet") })).toMatchObject({
      __typename: "ValidationError",
      fieldErrors: [{ path: "parentId", message: "Et team kan ikke flyttes under seg selv eller et av sine underteam." }],
    });
    expect(await edit(s, "moveScenarioTeam", { teamId: team(s, "Oppfølging"), parentId: team(s, "Oppfølging") })).toMatchObject({
      fieldErrors: [{ path: "parentId" }],
    });
    const moved = await edit(s, "moveScenarioTeam", { teamId: team(s, "Ungdomsteamet"), parentId: team(s, "Mottak (Lillestrøm)") });
    expect(moved).toMatchObject({ team: { action: "CHANGED" } });
    expect((await teamRow(s, "Ungdomsteamet")).parent.id).toBe(team(s, "Mottak (Lillestrøm)"));
    await edit(s, "moveScenarioTeam", { teamId: team(s, "Ungdomsteamet") });
    expect((await teamRow(s, "Ungdomsteamet")).parent).toBeNull();
    expect(await api.db.scenarioChange.findFirstOrThrow({ where: { scenarioId: s.dbId }, orderBy: { version: "desc" } })).toMatchObject({
      summary: "Flyttet teamet «Ungdomsteamet» til øverste nivå",
    });
    expect(await edit(s, "moveScenarioTeam", { teamId: team(s, "Ungdomsteamet") })).toMatchObject({ fieldErrors: [{ path: "parentId" }] });
  });

  it("splitScenarioTeam moves chosen positions into a NEW team beside it, with the same services", async () => {
    const result = await edit(s, "splitScenarioTeam", {
      teamId: team(s, "Oppfølging"),
      newTeamName: "Ledelse",
      positionIds: [position(s, "Kari Testesen")],
    });
    expect(result).toMatchObject({ __typename: "SplitScenarioTeamPayload", team: { id: team(s, "Ledelse"), action: "NEW" } });
    const ledelse = await teamRow(s, "Ledelse");
    expect(ledelse.services.map((x: Json) => x.id).sort()).toEqual([service("oppfolging"), service("dagpenger")].sort());
    expect(ledelse.parent).toBeNull();
    expect(await teamRow(s, "Oppfølging")).toMatchObject({ action: "CHANGED" });
    expect(await positionRow(s, position(s, "Kari Testesen"))).toMatchObject({ action: "CHANGED", team: { id: team(s, "Ledelse") } });
    expect(
      await edit(s, "splitScenarioTeam", { teamId: team(s, "Oppfølging"), newTeamName: "Y", positionIds: [position(s, "Nora Eksempel")] }),
    ).toMatchObject({ fieldErrors: [{ path: "positionIds.0", message: "Stillingen hører ikke til teamet «Oppfølging»." }] });
    expect(await edit(s, "splitScenarioTeam", { teamId: team(s, "Oppfølging"), newTeamName: "Y", positionIds: [] })).toMatchObject({
      fieldErrors: [{ path: "positionIds" }],
    });
  });

  it("mergeScenarioTeams closes the others and moves their positions, children and services in", async () => {
    const drammenMottak = team(s, "Mottak (Drammen)");
    const result = await edit(s, "mergeScenarioTeams", {
      teamIds: [drammenMottak, team(s, "Sosial og bolig")],
      intoTeamId: team(s, "Mottak (Lillestrøm)"),
      wave: 3,
    });
    expect(result).toMatchObject({ __typename: "MergeScenarioTeamsPayload", team: { action: "CHANGED" } });
    const design = await state(s);
    const closed = design.teams.filter((t: Json) => t.action === "CLOSED").map((t: Json) => t.name).sort();
    expect(closed).toEqual(["Mottak (Drammen)", "Sosial og bolig"]);
    expect(design.teams.find((t: Json) => t.id === drammenMottak).wave).toBe(3);
    expect(await positionRow(s, position(s, "Nora Eksempel"))).toMatchObject({ action: "CHANGED", team: { id: team(s, "Mottak (Lillestrøm)") }, wave: 3 });
    expect((await teamRow(s, "Mottak (Lillestrøm)")).services).toEqual([{ id: service("sosialhjelp") }]);
    expect(await edit(s, "mergeScenarioTeams", { teamIds: [team(s, "Ledelse")], intoTeamId: team(s, "Ledelse") })).toMatchObject({
      fieldErrors: [{ path: "teamIds" }],
    });
    expect(await edit(s, "mergeScenarioTeams", { teamIds: [drammenMottak], intoTeamId: team(s, "Ledelse") })).toMatchObject({
      fieldErrors: [{ path: "teamIds.0", message: "Teamet «Mottak (Drammen)» er lagt ned i scenarioet og kan ikke endres." }],
    });
  });

  it("mergeScenarioTeams refuses to give one person two positions in the merged team", async () => {
    const t = await newScenario("Dobbel");
    await edit(t, "addScenarioPosition", { teamId: team(t, "Mottak (Lillestrøm)"), roleId: role("veileder"), fte: 0.2, personId: gid("Person", f.people.nora.id) });
    const before = await state(t);
    expect(await edit(t, "mergeScenarioTeams", { teamIds: [team(t, "Sosialtjenesten")], intoTeamId: team(t, "Mottak (Lillestrøm)") })).toMatchObject({
      __typename: "ValidationError",
      message: "Nora Eksempel ville hatt to stillinger i teamet «Mottak (Lillestrøm)». En person kan ha flere stillinger, men bare én i hvert team.",
    });
    expect(await state(t)).toEqual(before);
  });

  it("mergeScenarioTeams into a child of a merged team keeps the tree without cycles", async () => {
    const t = await newScenario("Foreldre");
    await edit(t, "mergeScenarioTeams", { teamIds: [team(t, "Oppfølging")], intoTeamId: team(t, "Ungdomsteamet") });
    const design = await state(t);
    expect(design.teams.find((x: Json) => x.name === "Ungdomsteamet")).toMatchObject({ parent: null, action: "CHANGED" });
    expect(design.positions.find((p: Json) => p.person?.name === "Kari Testesen").team.id).toBe(team(t, "Ungdomsteamet"));
  });

  it("setScenarioTeamServices replaces the team's services", async () => {
    const result = await edit(s, "setScenarioTeamServices", { teamId: team(s, "Ungdomsteamet"), serviceIds: [service("dagpenger"), service("sosialhjelp")] });
    expect(result).toMatchObject({ team: { action: "CHANGED" } });
    expect((await teamRow(s, "Ungdomsteamet")).services.map((x: Json) => x.id).sort()).toEqual([service("dagpenger"), service("sosialhjelp")].sort());
    expect(await api.db.scenarioChange.findFirstOrThrow({ where: { scenarioId: s.dbId }, orderBy: { version: "desc" } })).toMatchObject({
      summary: "Satte tjenestene til teamet «Ungdomsteamet»: Veiledning om dagpenger, Økonomisk sosialhjelp",
    });
    expect(await edit(s, "setScenarioTeamServices", { teamId: team(s, "Ungdomsteamet"), serviceIds: [gid("Service", "nope")] })).toMatchObject({
      __typename: "NotFoundError",
      entityType: "Service",
    });
    expect(await edit(s, "setScenarioTeamServices", { teamId: team(s, "Markedsteam"), serviceIds: [] })).toMatchObject({ team: { action: "NEW" } });
    expect((await teamRow(s, "Markedsteam")).services).toEqual([]);
  });

  it("closeScenarioTeam without a target closes its positions, moves children up and rolls reports up", async () => {
    const t = await newScenario("Nedleggelse");
    await edit(t, "addScenarioTeam", { name: "Underteam", parentId: team(t, "Ungdomsteamet") });
    const kari = position(t, "Kari Testesen");
    const result = await edit(t, "closeScenarioTeam", { teamId: team(t, "Oppfølging"), effectiveDate: "2030-06-01" });
    expect(result).toMatchObject({ __typename: "CloseScenarioTeamPayload", team: { action: "CLOSED" } });
    const design = await state(t);
    expect(design.teams.find((x: Json) => x.name === "Oppfølging")).toMatchObject({ action: "CLOSED", effectiveDate: "2030-06-01" });
    expect(design.teams.find((x: Json) => x.name === "Ungdomsteamet")).toMatchObject({ parent: null, action: "CHANGED" });
    expect(design.teams.find((x: Json) => x.name === "Underteam").parent.id).toBe(team(t, "Ungdomsteamet"));
    expect(design.positions.find((p: Json) => p.id === kari)).toMatchObject({ action: "CLOSED" });
    // Ola and Per reported to Kari, whose position closed: they now have no manager above.
    for (const name of ["Ola Prøvesen", "Per Mottaksen"]) {
      expect(design.positions.find((p: Json) => p.person?.name === name)).toMatchObject({ reportsTo: null, action: "CHANGED" });
    }
    expect(await edit(t, "updateScenarioTeam", { teamId: design.teams.find((x: Json) => x.name === "Oppfølging").id, name: "Z" })).toMatchObject({
      fieldErrors: [{ path: "teamId", message: "Teamet «Oppfølging» er lagt ned i scenarioet og kan ikke endres." }],
    });
    expect(await edit(t, "closeScenarioPosition", { positionId: kari })).toMatchObject({
      fieldErrors: [{ path: "positionId" }],
    });
  });

  it("closeScenarioTeam with a target moves its open positions there", async () => {
    const t = await newScenario("Nedleggelse med flytting");
    const result = await edit(t, "closeScenarioTeam", { teamId: team(t, "Sosialtjenesten"), movePositionsToTeamId: team(t, "Mottak (Drammen)") });
    expect(result).toMatchObject({ team: { action: "CLOSED" } });
    expect(await positionRow(t, position(t, "Nora Eksempel"))).toMatchObject({ action: "CHANGED", team: { id: team(t, "Mottak (Drammen)") } });
    expect(await api.db.scenarioChange.findFirstOrThrow({ where: { scenarioId: t.dbId } })).toMatchObject({
      summary: "La ned teamet «Sosialtjenesten»; 1 stilling flyttet til «Mottak (Drammen)»",
    });
  });
});

// ---- positions and people -----------------------------------------------------------------------

describe("position edits", () => {
  let s: Scenario;
  let vacancy: string;
  beforeAll(async () => {
    s = await newScenario("Stillinger");
  });

  it("addScenarioPosition adds a NEW vacant or held position and validates FTE, ids and duplicates", async () => {
    const result = await edit(s, "addScenarioPosition", {
      teamId: team(s, "Ungdomsteamet"),
      roleId: role("veileder"),
      fte: 0.8,
      reportsToId: position(s, "Kari Testesen"),
    });
    expect(result).toMatchObject({ __typename: "AddScenarioPositionPayload", position: { action: "NEW" } });
    vacancy = result.position.id;
    expect(await positionRow(s, vacancy)).toMatchObject({ fte: 0.8, person: null, reportsTo: { id: position(s, "Kari Testesen") } });
    expect(await api.db.scenarioChange.findFirstOrThrow({ where: { scenarioId: s.dbId } })).toMatchObject({
      summary: "La til stillingen Veileder (ledig) i «Ungdomsteamet», 0,80 årsverk",
    });
    const base = { teamId: team(s, "Ungdomsteamet"), roleId: role("veileder") };
    for (const fte of [0, 1.5, 0.333]) expect(await edit(s, "addScenarioPosition", { ...base, fte })).toMatchObject({ fieldErrors: [{ path: "fte" }] });
    expect(await edit(s, "addScenarioPosition", { ...base, fte: 0.5, roleId: gid("Role", "nope") })).toMatchObject({ __typename: "NotFoundError", entityType: "Role" });
    expect(await edit(s, "addScenarioPosition", { ...base, fte: 0.5, personId: gid("Person", "nope") })).toMatchObject({
      __typename: "NotFoundError",
      entityType: "Person",
    });
    expect(await edit(s, "addScenarioPosition", { ...base, fte: 0.2, personId: gid("Person", f.people.ola.id) })).toMatchObject({
      fieldErrors: [{ path: "personId", message: "Ola Prøvesen har allerede en stilling i teamet «Ungdomsteamet»." }],
    });
    // Another team is fine: people may hold several positions.
    const second = await edit(s, "addScenarioPosition", { teamId: team(s, "Mottak (Drammen)"), roleId: role("saksbehandler"), fte: 0.4, personId: gid("Person", f.people.ola.id) });
    expect(second.position.action).toBe("NEW");
  });

  it("updateScenarioPosition changes team, role, FTE and manager, and refuses reporting cycles", async () => {
    const ola = (await state(s)).positions.find((p: Json) => p.person?.name === "Ola Prøvesen" && p.team.id === team(s, "Ungdomsteamet")).id;
    const kari = position(s, "Kari Testesen");
    expect(await edit(s, "updateScenarioPosition", { positionId: kari, reportsToId: ola })).toMatchObject({
      fieldErrors: [{ path: "reportsToId", message: "En stilling kan ikke rapportere til seg selv eller til en som rapporterer til den." }],
    });
    expect(await edit(s, "updateScenarioPosition", { positionId: kari, reportsToId: kari })).toMatchObject({ fieldErrors: [{ path: "reportsToId" }] });
    const result = await edit(s, "updateScenarioPosition", { positionId: ola, fte: 0.75, roleId: role("saksbehandler"), teamId: team(s, "Oppfølging") });
    expect(result).toMatchObject({ position: { action: "CHANGED" } });
    const row = await positionRow(s, ola);
    expect(row).toMatchObject({ fte: 0.75, role: { id: role("saksbehandler") }, team: { id: team(s, "Oppfølging") } });
    expect(await api.db.scenarioChange.findFirstOrThrow({ where: { scenarioId: s.dbId }, orderBy: { version: "desc" } })).toMatchObject({
      summary: "Endret stillingen Veileder (Ola Prøvesen) i «Ungdomsteamet»: team til «Oppfølging», rolle til Saksbehandler, stillingsandel til 0,75",
    });
    await edit(s, "updateScenarioPosition", { positionId: ola, reportsToId: null });
    expect((await positionRow(s, ola)).reportsTo).toBeNull();
    // Ola holds a position in Mottak (Drammen) too: the first one may not move there.
    expect(await edit(s, "updateScenarioPosition", { positionId: ola, teamId: team(s, "Mottak (Drammen)") })).toMatchObject({ fieldErrors: [{ path: "teamId" }] });
  });

  it("moveScenarioPerson puts a person in a vacant position and leaves the old one vacant", async () => {
    const nora = position(s, "Nora Eksempel");
    expect(await edit(s, "moveScenarioPerson", { personId: gid("Person", f.people.nora.id), toPositionId: position(s, "Kari Testesen") })).toMatchObject({
      fieldErrors: [{ path: "toPositionId", message: "Stillingen er ikke ledig: Kari Testesen har den." }],
    });
    expect(await edit(s, "moveScenarioPerson", { personId: gid("Person", f.people.ola.id), toPositionId: vacancy })).toMatchObject({
      fieldErrors: [{ path: "fromPositionId", message: "Ola Prøvesen har 2 stillinger i scenarioet; velg hvilken som skal bli ledig." }],
    });
    const result = await edit(s, "moveScenarioPerson", { personId: gid("Person", f.people.nora.id), toPositionId: vacancy, wave: 2 });
    expect(result).toMatchObject({ __typename: "MoveScenarioPersonPayload", position: { id: vacancy, action: "NEW" } });
    expect(await positionRow(s, vacancy)).toMatchObject({ person: { name: "Nora Eksempel" }, wave: 2 });
    expect(await positionRow(s, nora)).toMatchObject({ person: null, action: "CHANGED", wave: 2 });
    expect(await api.db.scenarioChange.findFirstOrThrow({ where: { scenarioId: s.dbId }, orderBy: { version: "desc" } })).toMatchObject({
      summary: "Flyttet Nora Eksempel til stillingen Veileder i «Ungdomsteamet» fra Saksbehandler i «Sosialtjenesten»",
    });
    // A person without any position (Nora's old one is vacant now) can be placed too.
    const outsider = await api.db.person.create({ data: { name: "Uten Stilling", email: "uten@nav.test", employer: "STATE" } });
    const placed = await edit(s, "moveScenarioPerson", { personId: gid("Person", outsider.id), toPositionId: nora });
    expect(placed.position.action).toBe("CHANGED");
  });

  it("closeScenarioPosition closes it, reports roll up to its manager, and a closed position cannot be edited", async () => {
    const t = await newScenario("Lukk stilling");
    const per = position(t, "Per Mottaksen");
    await edit(t, "addScenarioPosition", { teamId: team(t, "Mottak (Lillestrøm)"), roleId: role("saksbehandler"), fte: 0.5, reportsToId: per });
    const added = (await state(t)).positions.find((p: Json) => p.action === "NEW").id;
    const result = await edit(t, "closeScenarioPosition", { positionId: per });
    expect(result).toMatchObject({ position: { id: per, action: "CLOSED" } });
    expect(await positionRow(t, added)).toMatchObject({ reportsTo: { id: position(t, "Kari Testesen") }, action: "NEW" });
    expect(await edit(t, "updateScenarioPosition", { positionId: per, fte: 0.5 })).toMatchObject({
      fieldErrors: [{ path: "positionId", message: "Stillingen Saksbehandler (Per Mottaksen) i «Mottak (Lillestrøm)» er lagt ned og kan ikke endres." }],
    });
    expect(await edit(t, "moveScenarioPerson", { personId: gid("Person", f.people.kari.id), toPositionId: per })).toMatchObject({
      fieldErrors: [{ path: "toPositionId" }],
    });
  });
});

// ---- locking, undo, status, permissions ------------------------------------------------------------

describe("optimistic locking", () => {
  it("refuses an edit at a stale version, naming the changes made since, and writes nothing", async () => {
    const s = await newScenario("Konflikt");
    await edit(s, "addScenarioTeam", { name: "Nytt A" });
    await edit(s, "closeScenarioPosition", { positionId: position(s, "Nora Eksempel") });
    const design = await state(s);
    const changes = await api.db.scenarioChange.count();
    const audits = await api.db.auditEvent.count();
    const stale = dataOf(
      await api.graphql<Json>(documentFor("addScenarioTeam"), { input: { scenarioId: s.id, version: 1, name: "Nytt B" } }, { as: "planner" }),
    ).addScenarioTeam;
    expect(stale).toMatchObject({
      __typename: "ConflictError",
      code: "CONFLICT",
      currentVersion: 3,
      changedFields: ["La til teamet «Nytt A»", "La ned stillingen Saksbehandler (Nora Eksempel) i «Sosialtjenesten»"],
    });
    expect(stale.message).toBe(
      "Scenarioet «Konflikt» er endret siden du hentet det (du har versjon 1, gjeldende er versjon 3): " +
        "La til teamet «Nytt A»; La ned stillingen Saksbehandler (Nora Eksempel) i «Sosialtjenesten». " +
        "Hent siste versjon og prøv igjen.",
    );
    expect(await version(s)).toBe(3);
    expect(await state(s)).toEqual(design);
    expect(await api.db.scenarioChange.count()).toBe(changes);
    expect(await api.db.auditEvent.count()).toBe(audits);
  });

  it("returns NotFoundError for an unknown scenario", async () => {
    const result = dataOf(
      await api.graphql<Json>(documentFor("addScenarioTeam"), { input: { scenarioId: gid("Scenario", "nope"), version: 1, name: "X" } }, { as: "planner" }),
    ).addScenarioTeam;
    expect(result).toMatchObject({ __typename: "NotFoundError", entityType: "Scenario" });
  });
});

describe("undoScenarioChanges", () => {
  it("undoing the last change restores exactly the state before it", async () => {
    const s = await newScenario("Angre én");
    await edit(s, "addScenarioTeam", { name: "Midlertidig" });
    const before = await state(s);
    await edit(s, "mergeScenarioTeams", { teamIds: [team(s, "Sosialtjenesten"), team(s, "Midlertidig")], intoTeamId: team(s, "Mottak (Drammen)"), wave: 4 });
    expect(await state(s)).not.toEqual(before);
    const result = await edit(s, "undoScenarioChanges", {});
    expect(result).toMatchObject({ __typename: "UndoScenarioChangesPayload", scenario: { version: 4, undoableChanges: 1 } });
    expect(await state(s)).toEqual(before);
    const read = dataOf(
      await api.graphql<Json>(`query($id: ID!) { scenario(id: $id) { changes(first: 10) { totalCount edges { node { version kind undone summary } } } } }`, { id: s.id }),
    ).scenario.changes;
    expect(read.totalCount).toBe(3);
    expect(read.edges.map((e: Json) => [e.node.version, e.node.kind, e.node.undone])).toEqual([
      [4, "undoScenarioChanges", false],
      [3, "mergeScenarioTeams", true],
      [2, "addScenarioTeam", false],
    ]);
    expect(read.edges[0].node.summary).toBe("Angret 1 endring: Slo sammen «Sosialtjenesten», «Midlertidig» inn i «Mottak (Drammen)»");
  });

  it("undoing the last 3 changes restores exactly the state before them, the scenario's own fields included", async () => {
    const s = await newScenario("Angre tre");
    await edit(s, "addScenarioTeam", { name: "Beholdes" });
    const before = await state(s);
    const fields = await api.db.scenario.findUniqueOrThrow({ where: { id: s.dbId } });
    await edit(s, "splitScenarioTeam", { teamId: team(s, "Oppfølging"), newTeamName: "Ny", positionIds: [position(s, "Kari Testesen")] });
    await edit(s, "updateScenario", { name: "Nytt navn", effectiveDate: "2030-02-01", description: "Ny beskrivelse" });
    await edit(s, "addScenarioPosition", { teamId: team(s, "Ny"), roleId: role("veileder"), fte: 1, reportsToId: position(s, "Kari Testesen") });
    expect(await edit(s, "undoScenarioChanges", { count: 5 })).toMatchObject({
      fieldErrors: [{ path: "count", message: "Det er bare 4 endringer å angre." }],
    });
    const result = await edit(s, "undoScenarioChanges", { count: 3 });
    expect(result).toMatchObject({ scenario: { version: 6, undoableChanges: 1 } });
    expect(await state(s)).toEqual(before);
    const after = await api.db.scenario.findUniqueOrThrow({ where: { id: s.dbId } });
    expect({ name: after.name, description: after.description, effectiveDate: after.effectiveDate }).toEqual({
      name: fields.name,
      description: fields.description,
      effectiveDate: fields.effectiveDate,
    });
    await edit(s, "undoScenarioChanges", { count: 1 });
    expect(Object.keys(s.teams)).not.toContain("Beholdes");
    expect(await edit(s, "undoScenarioChanges", {})).toMatchObject({ fieldErrors: [{ path: "count", message: "Det er ingen endringer å angre." }] });
  });
});

describe("undo with two planners", () => {
  // Issue 14: "Angre siste endring" silently undid another planner's rename.
  const planner2 = { sub: "sub-planner-2", username: "planlegger2", name: "Per Planlegger", roles: ["planner"] };
  const NEXT_UNDO = `query($id: ID!) { scenario(id: $id) { version nextUndoChange { kind summary actorName byViewer } } }`;

  it("tells whose the next undo is, refuses to undo another planner's edit unless confirmed, and writes nothing when refused", async () => {
    const s = await newScenario("To planleggere");
    await edit(s, "updateScenarioTeam", { teamId: team(s, "Oppfølging"), name: "Oppfølging A" }, "planner");
    const afterMine = await state(s);
    await edit(s, "updateScenarioTeam", { teamId: team(s, "Oppfølging A"), name: "Oppfølging B" }, planner2);

    const asPia = dataOf(await api.graphql<Json>(NEXT_UNDO, { id: s.id }, { as: "planner" })).scenario;
    expect(asPia.nextUndoChange).toEqual({
      kind: "updateScenarioTeam",
      summary: "Ga teamet «Oppfølging A» nytt navn «Oppfølging B»",
      actorName: "Per Planlegger",
      byViewer: false,
    });
    const asPer = dataOf(await api.graphql<Json>(NEXT_UNDO, { id: s.id }, { as: planner2 })).scenario;
    expect(asPer.nextUndoChange.byViewer).toBe(true);

    const designBefore = await state(s);
    const changes = await api.db.scenarioChange.count({ where: { scenarioId: s.dbId } });
    const audits = await api.db.auditEvent.count();
    const refused = await edit(s, "undoScenarioChanges", {}, "planner");
    expect(refused).toMatchObject({
      __typename: "ValidationError",
      fieldErrors: [
        {
          path: "confirmOthersChanges",
          message: "Endringen «Ga teamet «Oppfølging A» nytt navn «Oppfølging B»» ble gjort av Per Planlegger, ikke av deg. Bekreft at du vil angre den.",
        },
      ],
    });
    expect(await version(s)).toBe(3);
    expect(await state(s)).toEqual(designBefore);
    expect(await api.db.scenarioChange.count({ where: { scenarioId: s.dbId } })).toBe(changes);
    expect(await api.db.auditEvent.count()).toBe(audits);

    // Confirmed, it undoes Per's rename and the change log says whose it was.
    const confirmed = await edit(s, "undoScenarioChanges", { confirmOthersChanges: true }, "planner");
    expect(confirmed).toMatchObject({ __typename: "UndoScenarioChangesPayload", scenario: { version: 4, undoableChanges: 1 } });
    expect(await state(s)).toEqual(afterMine);
    expect(await api.db.scenarioChange.findFirstOrThrow({ where: { scenarioId: s.dbId, version: 4 } })).toMatchObject({
      summary: "Angret 1 endring: Ga teamet «Oppfølging A» nytt navn «Oppfølging B» (gjort av Per Planlegger)",
      actorName: "Pia Planlegger",
    });
  });

  it("undoes the caller's own latest edit without asking, and asks when several edits include another's", async () => {
    const s = await newScenario("Egne endringer");
    await edit(s, "addScenarioTeam", { name: "Fra Pia" }, "planner");
    await edit(s, "addScenarioTeam", { name: "Fra Per" }, planner2);
    await edit(s, "addScenarioTeam", { name: "Fra Pia igjen" }, "planner");

    const two = await edit(s, "undoScenarioChanges", { count: 2 }, "planner");
    expect(two).toMatchObject({ __typename: "ValidationError", fieldErrors: [{ path: "confirmOthersChanges" }] });
    expect(two.message).toBe("Endringen «La til teamet «Fra Per»» ble gjort av Per Planlegger, ikke av deg. Bekreft at du vil angre den.");
    expect(Object.keys(s.teams)).toContain("Fra Pia igjen");

    expect(await edit(s, "undoScenarioChanges", {}, "planner")).toMatchObject({ __typename: "UndoScenarioChangesPayload" });
    expect(Object.keys(s.teams)).not.toContain("Fra Pia igjen");
    expect(Object.keys(s.teams)).toContain("Fra Per");
    // Per undoes his own edit without confirming.
    expect(await edit(s, "undoScenarioChanges", {}, planner2)).toMatchObject({ __typename: "UndoScenarioChangesPayload" });
    expect(Object.keys(s.teams)).not.toContain("Fra Per");
  });
});

describe("updateScenario", () => {
  it("changes name, description and effective date, and refuses a date before the as-is", async () => {
    const s = await newScenario("Gammelt navn");
    const result = await edit(s, "updateScenario", { name: "Nytt", description: "Om scenarioet" });
    expect(result).toMatchObject({ __typename: "UpdateScenarioPayload", scenario: { version: 2 } });
    expect(await api.db.scenarioChange.findFirstOrThrow({ where: { scenarioId: s.dbId } })).toMatchObject({
      summary: "Endret scenarioets navn til «Nytt», beskrivelse",
    });
    expect(await edit(s, "updateScenario", { effectiveDate: "2001-01-01" })).toMatchObject({ fieldErrors: [{ path: "effectiveDate" }] });
    expect(await edit(s, "updateScenario", { name: "Nytt" })).toMatchObject({ message: "Ingen endringer å lagre." });
  });
});

describe("who may edit, and when", () => {
  it("refuses edits of a scenario in review, approved or archived", async () => {
    const s = await newScenario("Låst");
    for (const [status, words] of [
      ["IN_REVIEW", "er til godkjenning"],
      ["APPROVED", "er godkjent"],
      ["ARCHIVED", "er arkivert"],
    ] as const) {
      await api.db.scenario.update({ where: { id: s.dbId }, data: { status } });
      const result = await edit(s, "addScenarioTeam", { name: "X" });
      expect(result).toMatchObject({ __typename: "ConflictError", message: `Scenarioet Låst ${words} og kan ikke endres.` });
      const read = dataOf(await api.graphql<Json>(`query($id: ID!) { scenario(id: $id) { viewerCanEdit } }`, { id: s.id }, { as: "planner" }));
      expect(read.scenario.viewerCanEdit).toBe(false);
    }
    expect(await version(s)).toBe(1);
  });

  it("refuses viewer, HR, office leader and anonymous callers", async () => {
    const s = await newScenario("Tilgang");
    const inputs: Record<string, Record<string, unknown>> = {
      addScenarioTeam: { scenarioId: s.id, version: 1, name: "X" },
      undoScenarioChanges: { scenarioId: s.id, version: 1 },
      moveScenarioPerson: { scenarioId: s.id, version: 1, personId: gid("Person", f.people.ola.id), toPositionId: position(s, "Ola Prøvesen") },
    };
    for (const [mutation, input] of Object.entries(inputs)) {
      for (const as of ["viewer", "hr", "officeLeader", null] as const) {
        const response = await api.graphql<Json>(documentFor(mutation), { input }, { as });
        expect(errorCode(response)).toBe(as === null ? "UNAUTHENTICATED" : "FORBIDDEN");
      }
    }
    expect(await version(s)).toBe(1);
    // Admins may edit.
    expect(await edit(s, "addScenarioTeam", { name: "Av admin" }, "admin")).toMatchObject({ __typename: "AddScenarioTeamPayload" });
  });
});
