// scenarioGraph through GraphQL: the to-be of the hand-made scenario (analysis-test-scenario.ts)
// with its change marks against the as-is and against a second, hand-made scenario.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { date, gid } from "../../test/fixtures";
import { createTestApi, dataOf, type Json, type TestApi } from "../../test/harness";
import { createAnalysisScenario, type AnalysisScenario } from "./analysis-test-scenario";

let api: TestApi;
let s: AnalysisScenario;
let otherId: string;

beforeAll(async () => {
  api = await createTestApi();
  s = await createAnalysisScenario(api.db);
  // Alternative B for the same merger: Oppfølging at the top level with MARKED, Sosialtjenesten
  // keeping MARKED, a top-level Kvalifisering; Anne, Per (under Anne), Una (no manager) and
  // one vacant Veileder in Oppfølging.
  const other = await api.db.scenario.create({
    data: {
      name: "Alternativ B",
      mergerId: s.merger.id,
      base: "AS_IS",
      asOfDate: date("2029-12-31"),
      effectiveDate: date("2030-01-01"),
      createdBySubject: "sub-planner",
      createdByName: "Pia Planlegger",
      offices: { connect: [{ id: s.offices.aust.id }, { id: s.offices.vest.id }] },
    },
  });
  otherId = other.id;
  const team = (name: string, sourceTeamId: string | null, serviceIds: string[], position: number) =>
    api.db.scenarioTeam.create({
      data: {
        scenarioId: other.id,
        name,
        sourceTeamId,
        officeId: s.offices.aust.id,
        action: sourceTeamId ? "CHANGED" : "NEW",
        position,
        services: { connect: serviceIds.map((id) => ({ id })) },
      },
    });
  const ledelse = await team("Ledelse", s.asIsTeams.ledelse.id, [], 0);
  const oppfolging = await team("Oppfølging", s.asIsTeams.oppfolging.id, [s.services.arbopp.id, s.services.marked.id], 1);
  const sosialVest = await team("Sosialtjenesten", s.asIsTeams.sosialVest.id, [s.services.oksos.id, s.services.marked.id], 2);
  await team("Kvalifisering", null, [s.services.kvp.id], 3);
  const base = { scenarioId: other.id, action: "UNCHANGED" as const };
  const anne = await api.db.scenarioPosition.create({
    data: { ...base, teamId: ledelse.id, roleId: s.roles.leder.id, fte: "1.00", personId: s.people.anne.id },
  });
  await api.db.scenarioPosition.create({
    data: { ...base, teamId: oppfolging.id, roleId: s.roles.veil.id, fte: "1.00", personId: s.people.per.id, reportsToId: anne.id },
  });
  await api.db.scenarioPosition.create({ data: { ...base, teamId: oppfolging.id, roleId: s.roles.veil.id, fte: "1.00" } });
  await api.db.scenarioPosition.create({
    data: { ...base, teamId: sosialVest.id, roleId: s.roles.saksb.id, fte: "1.00", personId: s.people.una.id },
  });
});
afterAll(() => api?.close());

const GRAPH = /* GraphQL */ `
  query($id: ID!, $compareTo: ID) {
    scenarioGraph(id: $id, compareTo: $compareTo) {
      asOf
      nodes { id type label parent officeId employer roleName fte change teamCount personCount }
      edges { source target type }
    }
  }
`;

type Node = { id: string; type: string; label: string; parent: string | null; officeId: string | null; change: string; [key: string]: unknown };

async function graph(compareTo?: string) {
  const response = await api.graphql<Json>(GRAPH, { id: gid("Scenario", s.scenario.id), compareTo }, { as: "viewer" });
  return dataOf(response).scenarioGraph as { asOf: string; nodes: Node[]; edges: Json[] };
}

const changes = (nodes: Node[], type: string) =>
  Object.fromEntries(nodes.filter((node) => node.type === type).map((node) => [node.label, node.change]));

describe("scenarioGraph against the as-is", () => {
  let result: Awaited<ReturnType<typeof graph>>;
  beforeAll(async () => {
    result = await graph();
  });

  it("marks offices: the merger's target is new, the sources close and merge into it", () => {
    expect(result.asOf).toBe("2030-01-01");
    expect(changes(result.nodes, "OFFICE")).toEqual({ "Nav Aust": "CLOSED", "Nav Midt": "NEW", "Nav Vest": "CLOSED" });
    const midt = result.nodes.find((node) => node.label === "Nav Midt")!;
    // Five teams (the closed one too); eight people (not Ola, not the vacancies).
    expect(midt).toMatchObject({ teamCount: 5, personCount: 8 });
    const mergesInto = result.edges.filter((edge) => edge.type === "MERGES_INTO");
    expect(mergesInto).toEqual(
      expect.arrayContaining([
        { source: gid("Office", s.offices.aust.id), target: midt.id, type: "MERGES_INTO" },
        { source: gid("Office", s.offices.vest.id), target: midt.id, type: "MERGES_INTO" },
      ]),
    );
    expect(mergesInto).toHaveLength(2);
  });

  it("marks teams: unchanged, changed services, closed, new; nested in the target office", () => {
    expect(changes(result.nodes, "TEAM")).toEqual({
      Ledelse: "UNCHANGED",
      Oppfølging: "CHANGED",
      Sosial: "CLOSED",
      Sosialtjenesten: "CHANGED",
      Kvalifisering: "NEW",
    });
    const node = (key: keyof AnalysisScenario["teams"]) => result.nodes.find((n) => n.id === gid("ScenarioTeam", s.teams[key].id))!;
    const midt = gid("Office", s.offices.midt.id);
    expect(node("ledelse")).toMatchObject({ parent: midt, officeId: midt });
    expect(node("oppfolging")).toMatchObject({ parent: node("ledelse").id, officeId: midt });
    expect(node("kvalifisering")).toMatchObject({ parent: node("sosialVest").id, officeId: midt });
  });

  it("marks people: moved, changed role, manager or FTE, closed, and vacancies as new", () => {
    expect(changes(result.nodes, "PERSON")).toEqual({
      "Anne Aas": "UNCHANGED",
      "Bjørn Berg": "UNCHANGED",
      "Kari Krog": "UNCHANGED",
      "Per Pedersen": "UNCHANGED",
      "Lise Lund": "CHANGED",
      "Siri Sand": "CHANGED",
      // 0.6 + 0.4 before, 0.6 + 0.5 after
      "Tor Tangen": "CHANGED",
      "Una Utne": "MOVED",
      "Ola Ore": "CLOSED",
      "Ledig stilling: Veileder": "NEW",
      "Ledig stilling: Saksbehandler": "NEW",
    });
    const person = (name: string) => result.nodes.find((n) => n.label === name)!;
    expect(person("Una Utne")).toMatchObject({
      id: gid("Person", s.people.una.id),
      parent: gid("ScenarioTeam", s.teams.sosialVest.id),
      employer: "MUNICIPAL",
      roleName: "Saksbehandler",
      fte: 1,
    });
    expect(person("Tor Tangen")).toMatchObject({ parent: gid("ScenarioTeam", s.teams.oppfolging.id), fte: 1.1 });
    expect(person("Ola Ore")).toMatchObject({ parent: gid("ScenarioTeam", s.teams.sosialVest.id), fte: 0 });
    expect(person("Ledig stilling: Saksbehandler")).toMatchObject({
      id: gid("ScenarioPosition", s.positions.vacantSaksbehandler!.id),
      parent: gid("ScenarioTeam", s.teams.kvalifisering.id),
      employer: null,
      fte: 0.5,
    });
  });

  it("marks services: the uncovered one closed, the new one new; edges for delivery and reporting", () => {
    expect(changes(result.nodes, "SERVICE")).toEqual({
      "Arbeidsrettet oppfølging": "UNCHANGED",
      Kvalifiseringsprogrammet: "NEW",
      Markedsarbeid: "CLOSED",
      "Økonomisk sosialhjelp": "UNCHANGED",
    });
    const delivers = result.edges.filter((edge) => edge.type === "DELIVERS");
    expect(delivers).toHaveLength(3);
    expect(delivers.some((edge) => edge.target === gid("Service", s.services.marked.id))).toBe(false);
    const reports = result.edges.filter((edge) => edge.type === "REPORTS_TO");
    const anne = gid("Person", s.people.anne.id);
    const bjorn = gid("Person", s.people.bjorn.id);
    const tor = gid("Person", s.people.tor.id);
    // Per, Siri, Tor, Lise and a vacancy under Anne; Kari, Una, Tor and a vacancy under Bjørn.
    expect(reports.filter((edge) => edge.target === anne)).toHaveLength(5);
    expect(reports.filter((edge) => edge.target === bjorn)).toHaveLength(4);
    expect(reports).toEqual(expect.arrayContaining([{ source: tor, target: anne, type: "REPORTS_TO" }, { source: tor, target: bjorn, type: "REPORTS_TO" }]));
    expect(reports).toHaveLength(9);
  });
});

describe("scenarioGraph against another scenario", () => {
  it("marks what differs from that scenario's to-be", async () => {
    const result = await graph(gid("Scenario", otherId));
    expect(changes(result.nodes, "OFFICE")).toEqual({ "Nav Aust": "CLOSED", "Nav Midt": "UNCHANGED", "Nav Vest": "CLOSED" });
    expect(changes(result.nodes, "TEAM")).toEqual({
      Ledelse: "UNCHANGED",
      // Under Ledelse here, at the top level in B.
      Oppfølging: "MOVED",
      Sosial: "CLOSED",
      // Without MARKED here.
      Sosialtjenesten: "CHANGED",
      // Matched by name; under Sosialtjenesten here, at the top level in B.
      Kvalifisering: "MOVED",
    });
    expect(changes(result.nodes, "PERSON")).toMatchObject({
      "Anne Aas": "UNCHANGED",
      "Per Pedersen": "UNCHANGED",
      // A manager here, none in B.
      "Una Utne": "CHANGED",
      "Siri Sand": "NEW",
      "Ola Ore": "CLOSED",
      // B has a vacant Veileder in Oppfølging too; not a vacant Saksbehandler in Kvalifisering.
      "Ledig stilling: Veileder": "UNCHANGED",
      "Ledig stilling: Saksbehandler": "NEW",
    });
    expect(changes(result.nodes, "SERVICE")).toEqual({
      "Arbeidsrettet oppfølging": "UNCHANGED",
      Kvalifiseringsprogrammet: "UNCHANGED",
      Markedsarbeid: "CLOSED",
      "Økonomisk sosialhjelp": "UNCHANGED",
    });
  });

  it("is null for an unknown scenario and an error for an unknown one to compare with", async () => {
    const missing = await api.graphql<Json>(GRAPH, { id: gid("Scenario", "nope") }, { as: "viewer" });
    expect(dataOf(missing).scenarioGraph).toBeNull();
    const badCompare = await api.graphql<Json>(GRAPH, { id: gid("Scenario", s.scenario.id), compareTo: gid("Scenario", "nope") }, { as: "viewer" });
    expect(badCompare.errors?.[0]?.message).toBe("Fant ikke scenarioet det skal sammenlignes med.");
  });
});
