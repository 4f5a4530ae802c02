// Scenario.impact through GraphQL, on the hand-made scenario of analysis-test-scenario.ts;
// every expected figure is worked out by hand from the rows there.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gid } from "../../test/fixtures";
import { createTestApi, dataOf, type Json, type TestApi } from "../../test/harness";
import { createAnalysisScenario, type AnalysisScenario } from "./analysis-test-scenario";

let api: TestApi;
let s: AnalysisScenario;

beforeAll(async () => {
  api = await createTestApi();
  s = await createAnalysisScenario(api.db);
});
afterAll(() => api?.close());

const IMPACT = /* GraphQL */ `
  query($id: ID!) {
    scenario(id: $id) {
      impact {
        asOfDate
        before { ...Totals }
        after { ...Totals }
        byOffice { ...Row }
        byTeam { ...Row action }
        byRoleCategory { ...Row }
        byEmployer { ...Row }
        peopleChangedCount
        peopleChanges {
          person { name }
          teamChanged roleChanged managerChanged
          beforeTeam { name } afterTeam { name }
          beforeRole { code } afterRole { code }
          beforeManager { name } afterManager { name }
        }
        spanBefore { ...Span }
        spanAfter { ...Span }
        serviceCoverage { service { code } deliveredBefore covered teams { name } beforeTeams { name } }
        uncoveredServiceCount
        vacancies { id fte isVacant team { name } role { code } reportsTo { person { name } } }
        vacancyCount
        peopleWithoutPosition { name }
        peopleWithoutPositionCount
      }
    }
  }
  fragment Totals on ImpactTotals { headcount fte positions vacancies vacantFte }
  fragment Row on ImpactRow { key label before { ...Totals } after { ...Totals } }
  fragment Span on SpanOfControl { managers averageSpan maxSpan minSpan layers }
`;

const totals = (headcount: number, fte: number, positions: number, vacancies = 0, vacantFte = 0) => ({
  headcount,
  fte,
  positions,
  vacancies,
  vacantFte,
});
const none = totals(0, 0, 0);

async function impact(as: "viewer" | "planner" = "viewer"): Promise<Json> {
  return dataOf(await api.graphql<Json>(IMPACT, { id: gid("Scenario", s.scenario.id) }, { as })).scenario.impact;
}

describe("Scenario.impact", () => {
  let result: Json;
  beforeAll(async () => {
    result = await impact();
  });

  it("totals: people once, FTE exact, vacancies as positions but not people; only assignments running on asOfDate", () => {
    expect(result.asOfDate).toBe("2029-12-31");
    // Before: 9 people (Eva ended, Finn not started), 10 assignments, 8.3 FTE.
    expect(result.before).toEqual(totals(9, 8.3, 10));
    // After: 8 people (Ola's position closed), 11 open positions of which 2 vacant (1.0 + 0.5).
    expect(result.after).toEqual(totals(8, 7.4, 11, 2, 1.5));
  });

  it("by office: the sources before, the merger's target after", () => {
    expect(result.byOffice).toEqual([
      { key: gid("Office", s.offices.aust.id), label: "Nav Aust", before: totals(5, 4.8, 6), after: none },
      { key: gid("Office", s.offices.midt.id), label: "Nav Midt", before: none, after: totals(8, 7.4, 11, 2, 1.5) },
      { key: gid("Office", s.offices.vest.id), label: "Nav Vest", before: totals(4, 3.5, 4), after: none },
    ]);
  });

  it("by team: every to-be team in order, before being its as-is team", () => {
    const team = (key: keyof AnalysisScenario["teams"]) => gid("ScenarioTeam", s.teams[key].id);
    expect(result.byTeam).toEqual([
      { key: team("ledelse"), label: "Ledelse", action: "UNCHANGED", before: totals(1, 1, 1), after: totals(1, 1, 1) },
      { key: team("oppfolging"), label: "Oppfølging", action: "CHANGED", before: totals(3, 2.4, 3), after: totals(3, 2.4, 4, 1, 1) },
      { key: team("sosial"), label: "Sosial", action: "CLOSED", before: totals(2, 1.4, 2), after: none },
      { key: team("sosialVest"), label: "Sosialtjenesten", action: "CHANGED", before: totals(4, 3.5, 4), after: totals(4, 3.5, 4) },
      { key: team("kvalifisering"), label: "Kvalifisering", action: "NEW", before: none, after: totals(1, 0.5, 2, 1, 0.5) },
    ]);
  });

  it("by role category and by employer (vacancies have no employer)", () => {
    expect(result.byRoleCategory).toEqual([
      { key: "LEADER", label: "Ledere", before: totals(2, 2, 2), after: totals(2, 2, 2) },
      { key: "ADVISER", label: "Veiledere", before: totals(4, 3.4, 4), after: totals(2, 1.6, 3, 1, 1) },
      { key: "CASEWORKER", label: "Saksbehandlere", before: totals(3, 2.4, 3), after: totals(4, 3.3, 5, 1, 0.5) },
      { key: "SPECIALIST", label: "Spesialister", before: none, after: none },
      { key: "SUPPORT", label: "Støttefunksjoner", before: totals(1, 0.5, 1), after: totals(1, 0.5, 1) },
    ]);
    expect(result.byEmployer).toEqual([
      { key: "STATE", label: "Statlig ansatte", before: totals(5, 4.5, 6), after: totals(4, 3.6, 5) },
      { key: "MUNICIPAL", label: "Kommunalt ansatte", before: totals(4, 3.8, 4), after: totals(4, 3.8, 4) },
    ]);
  });

  it("people whose main team, role or manager changes, by name", () => {
    expect(result.peopleChangedCount).toBe(4);
    expect(result.peopleChanges).toEqual([
      {
        person: { name: "Lise Lund" },
        teamChanged: false,
        roleChanged: false,
        managerChanged: true,
        beforeTeam: { name: "Sosialtjenesten" },
        afterTeam: { name: "Sosialtjenesten" },
        beforeRole: { code: "MERK" },
        afterRole: { code: "MERK" },
        beforeManager: { name: "Bjørn Berg" },
        afterManager: { name: "Anne Aas" },
      },
      {
        person: { name: "Ola Ore" },
        teamChanged: true,
        roleChanged: true,
        managerChanged: true,
        beforeTeam: { name: "Sosialtjenesten" },
        afterTeam: null,
        beforeRole: { code: "VEIL" },
        afterRole: null,
        beforeManager: { name: "Bjørn Berg" },
        afterManager: null,
      },
      {
        person: { name: "Siri Sand" },
        teamChanged: false,
        roleChanged: true,
        managerChanged: false,
        beforeTeam: { name: "Oppfølging" },
        afterTeam: { name: "Oppfølging" },
        beforeRole: { code: "VEIL" },
        afterRole: { code: "SAKSB" },
        beforeManager: { name: "Anne Aas" },
        afterManager: { name: "Anne Aas" },
      },
      {
        person: { name: "Una Utne" },
        teamChanged: true,
        roleChanged: false,
        managerChanged: true,
        beforeTeam: { name: "Sosial" },
        afterTeam: { name: "Sosialtjenesten" },
        beforeRole: { code: "SAKSB" },
        afterRole: { code: "SAKSB" },
        beforeManager: { name: "Anne Aas" },
        afterManager: { name: "Bjørn Berg" },
      },
    ]);
  });

  it("spans of control and layers, before and after (vacancies count as reports)", () => {
    // Before: Anne has Per, Siri, Tor, Una; Bjørn has Kari, Lise, Ola.
    expect(result.spanBefore).toEqual({ managers: 2, averageSpan: 3.5, maxSpan: 4, minSpan: 3, layers: 2 });
    // After: Anne has Per, Siri, Tor, a vacancy and Lise; Bjørn has Kari, Una, a vacancy and Tor.
    expect(result.spanAfter).toEqual({ managers: 2, averageSpan: 4.5, maxSpan: 5, minSpan: 4, layers: 2 });
  });

  it("service coverage: a service delivered before and by no open team after is uncovered", () => {
    expect(result.uncoveredServiceCount).toBe(1);
    expect(result.serviceCoverage).toEqual([
      { service: { code: "ARBOPP" }, deliveredBefore: true, covered: true, teams: [{ name: "Oppfølging" }], beforeTeams: [{ name: "Oppfølging" }] },
      { service: { code: "KVP" }, deliveredBefore: false, covered: true, teams: [{ name: "Kvalifisering" }], beforeTeams: [] },
      {
        service: { code: "MARKED" },
        deliveredBefore: true,
        covered: false,
        teams: [],
        beforeTeams: expect.arrayContaining([{ name: "Oppfølging" }, { name: "Sosialtjenesten" }]),
      },
      {
        service: { code: "OKSOS" },
        deliveredBefore: true,
        covered: true,
        // The closed team Sosial no longer counts.
        teams: [{ name: "Sosialtjenesten" }],
        beforeTeams: expect.arrayContaining([{ name: "Sosial" }, { name: "Sosialtjenesten" }]),
      },
    ]);
  });

  it("vacancies and people left without a position", () => {
    expect(result.vacancyCount).toBe(2);
    expect(result.vacancies).toEqual([
      {
        id: gid("ScenarioPosition", s.positions.vacantVeileder!.id),
        fte: 1,
        isVacant: true,
        team: { name: "Oppfølging" },
        role: { code: "VEIL" },
        reportsTo: { person: { name: "Anne Aas" } },
      },
      {
        id: gid("ScenarioPosition", s.positions.vacantSaksbehandler!.id),
        fte: 0.5,
        isVacant: true,
        team: { name: "Kvalifisering" },
        role: { code: "SAKSB" },
        reportsTo: { person: { name: "Bjørn Berg" } },
      },
    ]);
    expect(result.peopleWithoutPositionCount).toBe(1);
    expect(result.peopleWithoutPosition).toEqual([{ name: "Ola Ore" }]);
  });

  it("follows the design: moving the last vacancy's person in and reopening a team changes the figures", async () => {
    // Ola takes the vacant Saksbehandler position in Kvalifisering; the Sosial team reopens
    // with Una's old (vacant) position.
    await api.db.scenarioPosition.update({ where: { id: s.positions.vacantSaksbehandler!.id }, data: { personId: s.people.ola.id } });
    await api.db.scenarioPosition.update({ where: { id: s.positions.ola!.id }, data: { personId: null } });
    await api.db.scenarioTeam.update({ where: { id: s.teams.sosial.id }, data: { action: "UNCHANGED" } });
    await api.db.scenarioPosition.update({ where: { id: s.positions.unaOld!.id }, data: { action: "UNCHANGED" } });
    try {
      const changed = await impact("planner");
      // People: Ola back (9). Positions: + Una's old 1.0 vacancy (12), vacancies still 2 (1.0 VEIL, 1.0 SAKSB).
      // FTE: 7.4 + Ola 0.5 = 7.9; Tor's 0.4 stays closed.
      expect(changed.after).toEqual(totals(9, 7.9, 12, 2, 2));
      expect(changed.peopleWithoutPosition).toEqual([]);
      expect(changed.uncoveredServiceCount).toBe(1);
      expect(changed.serviceCoverage.find((row: Json) => row.service.code === "OKSOS").teams).toEqual([
        { name: "Sosial" },
        { name: "Sosialtjenesten" },
      ]);
    } finally {
      await api.db.scenarioPosition.update({ where: { id: s.positions.vacantSaksbehandler!.id }, data: { personId: null } });
      await api.db.scenarioPosition.update({ where: { id: s.positions.ola!.id }, data: { personId: s.people.ola.id } });
      await api.db.scenarioTeam.update({ where: { id: s.teams.sosial.id }, data: { action: "CLOSED" } });
      await api.db.scenarioPosition.update({ where: { id: s.positions.unaOld!.id }, data: { action: "CLOSED" } });
    }
  });

  it("is readable by any Samla role, not without a token", async () => {
    const anonymous = await api.graphql<Json>(IMPACT, { id: gid("Scenario", s.scenario.id) }, { as: null });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});

describe("Scenario.impact of a scenario made and edited through the API", () => {
  const CREATE = /* GraphQL */ `
    mutation($input: CreateScenarioInput!) {
      createScenario(input: $input) { __typename ... on CreateScenarioPayload { scenario { id version } } ... on Error { message } }
    }
  `;
  const CLOSE = /* GraphQL */ `
    mutation($input: CloseScenarioPositionInput!) {
      closeScenarioPosition(input: $input) { __typename ... on CloseScenarioPositionPayload { scenario { version } } ... on Error { message } }
    }
  `;
  const SUMMARY = /* GraphQL */ `
    query($id: ID!) {
      scenario(id: $id) {
        positions(first: 50) { edges { node { id person { name } } } }
        impact {
          before { headcount fte positions } after { headcount fte positions }
          peopleChanges { person { name } teamChanged roleChanged managerChanged afterManager { name } }
          spanBefore { managers maxSpan layers } spanAfter { managers maxSpan layers }
          uncoveredServiceCount peopleWithoutPosition { name }
        }
        healthChecks { code passed elements { label } }
      }
    }
  `;

  it("has no impact as copied from the as-is, and follows a closed position", async () => {
    const created = dataOf(
      await api.graphql<Json>(
        CREATE,
        { input: { name: "Kopi av dagens", mergerId: gid("Merger", s.merger.id), base: "AS_IS", asOfDate: "2029-12-31" } },
        { as: "planner" },
      ),
    ).createScenario;
    expect(created.__typename).toBe("CreateScenarioPayload");
    const summary = async () => dataOf(await api.graphql<Json>(SUMMARY, { id: created.scenario.id }, { as: "planner" })).scenario;

    const copy = await summary();
    expect(copy.impact.before).toEqual({ headcount: 9, fte: 8.3, positions: 10 });
    expect(copy.impact.after).toEqual(copy.impact.before);
    expect(copy.impact.peopleChanges).toEqual([]);
    expect(copy.impact.spanAfter).toEqual(copy.impact.spanBefore);
    expect(copy.impact.uncoveredServiceCount).toBe(0);
    const leaderMissing = (scenario: Json) =>
      scenario.healthChecks.find((check: Json) => check.code === "LEADER_MISSING").elements.map((e: Json) => e.label);
    // Sosial (Nav Aust) is led by Anne from Ledelse, a team beside it, not above it.
    expect(leaderMissing(copy)).toEqual(["Sosial"]);

    const anne = copy.positions.edges.find((edge: Json) => edge.node.person?.name === "Anne Aas").node;
    const closed = dataOf(
      await api.graphql<Json>(
        CLOSE,
        { input: { scenarioId: created.scenario.id, version: created.scenario.version, positionId: anne.id } },
        { as: "planner" },
      ),
    ).closeScenarioPosition;
    expect(closed.__typename).toBe("CloseScenarioPositionPayload");

    const edited = await summary();
    expect(edited.impact.after).toEqual({ headcount: 8, fte: 7.3, positions: 9 });
    expect(edited.impact.peopleWithoutPosition).toEqual([{ name: "Anne Aas" }]);
    // Her reports lose their manager (she had none to pass them on to).
    expect(edited.impact.peopleChanges).toEqual([
      { person: { name: "Anne Aas" }, teamChanged: true, roleChanged: true, managerChanged: false, afterManager: null },
      { person: { name: "Per Pedersen" }, teamChanged: false, roleChanged: false, managerChanged: true, afterManager: null },
      { person: { name: "Siri Sand" }, teamChanged: false, roleChanged: false, managerChanged: true, afterManager: null },
      { person: { name: "Tor Tangen" }, teamChanged: false, roleChanged: false, managerChanged: true, afterManager: null },
      { person: { name: "Una Utne" }, teamChanged: false, roleChanged: false, managerChanged: true, afterManager: null },
    ]);
    expect(edited.impact.spanAfter).toEqual({ managers: 1, maxSpan: 3, layers: 2 });
    expect(leaderMissing(edited)).toEqual(["Oppfølging", "Sosial"]);
  });
});
