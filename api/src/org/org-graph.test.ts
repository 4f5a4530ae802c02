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

const GRAPH = /* GraphQL */ `
  query($scope: OrgGraphScope!, $asOf: Date) {
    orgGraph(scope: $scope, asOf: $asOf) {
      asOf
      nodes { id type label parent officeId code status isPilot isSpearhead employer roleName roleCategory fte provider collapsed teamCount personCount }
      edges { id source target type }
    }
  }
`;

async function graph(scope: Record<string, unknown>, asOf = "2024-06-01") {
  return dataOf(await api.graphql<Json>(GRAPH, { scope, asOf }, { as: "viewer" })).orgGraph;
}

describe("orgGraph", () => {
  it("gives an office's compound tree: office ⊃ teams ⊃ nested teams ⊃ people, and services", async () => {
    const g = await graph({ officeIds: [gid("Office", f.offices.lillestrom.id)] });
    const office = gid("Office", f.offices.lillestrom.id);
    const byLabel = new Map(g.nodes.map((n: Json) => [n.label, n]));
    expect(g.asOf).toBe("2024-06-01");
    expect(byLabel.get("Nav Lillestrøm")).toMatchObject({ id: office, type: "OFFICE", parent: null, code: "0230", status: "ACTIVE", isPilot: true, isSpearhead: true });
    expect(byLabel.get("Oppfølging")).toMatchObject({ type: "TEAM", parent: office, officeId: office });
    expect(byLabel.get("Ungdomsteamet")).toMatchObject({ type: "TEAM", parent: gid("Team", f.teams.oppfolging.id) });
    expect(byLabel.get("Mottak")).toMatchObject({ type: "TEAM", parent: office });
    expect(byLabel.get("Kari Testesen")).toMatchObject({
      id: gid("Person", f.people.kari.id),
      type: "PERSON",
      parent: gid("Team", f.teams.oppfolging.id),
      officeId: office,
      employer: "STATE",
      roleName: "Nav-leder",
      roleCategory: "LEADER",
      fte: 1,
    });
    // Ola's 2019-2020 assignment has ended by 2024: only the current one counts.
    expect(byLabel.get("Ola Prøvesen")).toMatchObject({ parent: gid("Team", f.teams.ungdom.id), fte: 0.6, roleName: "Veileder" });
    expect(byLabel.get("Økonomisk sosialhjelp")).toMatchObject({ type: "SERVICE", parent: null, code: "OKSOS", provider: "MUNICIPAL" });
    expect(g.nodes.filter((n: Json) => n.type === "SERVICE")).toHaveLength(3);
    expect(byLabel.has("Nora Eksempel")).toBe(false);

    const label = new Map(g.nodes.map((n: Json) => [n.id, n.label]));
    const edges = g.edges.map((e: Json) => `${e.type} ${label.get(e.source)} → ${label.get(e.target)}`);
    expect(edges.sort()).toEqual([
      "DELIVERS Mottak → Økonomisk sosialhjelp",
      "DELIVERS Oppfølging → Arbeidsrettet oppfølging",
      "DELIVERS Oppfølging → Veiledning om dagpenger",
      "DELIVERS Ungdomsteamet → Arbeidsrettet oppfølging",
      "REPORTS_TO Ola Prøvesen → Kari Testesen",
    ]);
    // Every parent is a node in the graph (cytoscape needs that), and edge ids are unique.
    const ids = new Set(g.nodes.map((n: Json) => n.id));
    for (const node of g.nodes) if (node.parent) expect(ids.has(node.parent)).toBe(true);
    expect(new Set(g.edges.map((e: Json) => e.id)).size).toBe(g.edges.length);
  });

  it("shows people as of a date: history by dates", async () => {
    const g = await graph({ officeIds: [gid("Office", f.offices.lillestrom.id)] }, "2020-06-01");
    const ola = g.nodes.find((n: Json) => n.label === "Ola Prøvesen");
    expect(ola).toMatchObject({ parent: gid("Team", f.teams.mottak.id), roleName: "Saksbehandler", fte: 0.4 });
  });

  it("gives a merger's offices with MERGES_INTO edges", async () => {
    const merger = await api.db.merger.create({
      data: {
        name: "Nav Østlandet",
        targetOfficeId: f.offices.planned.id,
        effectiveDate: new Date("2030-01-01"),
        sourceOffices: { connect: [{ id: f.offices.lillestrom.id }, { id: f.offices.drammen.id }] },
      },
    });
    const g = await graph({ mergerId: gid("Merger", merger.id) });
    const offices = g.nodes.filter((n: Json) => n.type === "OFFICE").map((n: Json) => n.label);
    expect(offices.sort()).toEqual(["Nav Drammen", "Nav Lillestrøm", "Nav Vestlandet planlagt"]);
    const merges = g.edges.filter((e: Json) => e.type === "MERGES_INTO");
    expect(merges.map((e: Json) => e.source).sort()).toEqual(
      [gid("Office", f.offices.lillestrom.id), gid("Office", f.offices.drammen.id)].sort(),
    );
    expect(merges.every((e: Json) => e.target === gid("Office", f.offices.planned.id))).toBe(true);
    expect(g.nodes.find((n: Json) => n.label === "Nora Eksempel")).toMatchObject({ officeId: gid("Office", f.offices.drammen.id) });
  });

  it("gives every office collapsed to one node with counts in the national view", async () => {
    const full = await graph({ officeIds: [gid("Office", f.offices.lillestrom.id)] });
    const lillestrom = gid("Office", f.offices.lillestrom.id);
    const fullOffice = full.nodes.find((n: Json) => n.id === lillestrom);
    // Counts match the expanded graph, and a listed office is not collapsed by default.
    expect(fullOffice).toMatchObject({
      collapsed: false,
      teamCount: full.nodes.filter((n: Json) => n.type === "TEAM").length,
      personCount: full.nodes.filter((n: Json) => n.type === "PERSON").length,
    });
    expect(fullOffice.personCount).toBeGreaterThan(0);

    const national = await graph({ all: true });
    const officeCount = await api.db.office.count();
    expect(national.nodes).toHaveLength(officeCount);
    expect(national.nodes.every((n: Json) => n.type === "OFFICE" && n.collapsed === true)).toBe(true);
    expect(national.nodes.find((n: Json) => n.id === lillestrom)).toMatchObject({
      teamCount: fullOffice.teamCount,
      personCount: fullOffice.personCount,
    });
    const ids = new Set(national.nodes.map((n: Json) => n.id));
    for (const edge of national.edges) {
      expect(edge.type).toBe("MERGES_INTO");
      expect(ids.has(edge.source) && ids.has(edge.target)).toBe(true);
    }
  });

  it("expands the offices asked for in a collapsed view", async () => {
    const lillestrom = gid("Office", f.offices.lillestrom.id);
    const g = await graph({ all: true, expandedOfficeIds: [lillestrom] });
    const offices = g.nodes.filter((n: Json) => n.type === "OFFICE");
    expect(offices.filter((n: Json) => !n.collapsed).map((n: Json) => n.id)).toEqual([lillestrom]);
    const inner = g.nodes.filter((n: Json) => n.type === "TEAM" || n.type === "PERSON");
    expect(inner.length).toBeGreaterThan(0);
    expect(inner.every((n: Json) => n.officeId === lillestrom)).toBe(true);
    expect(g.nodes.find((n: Json) => n.label === "Kari Testesen")).toMatchObject({ type: "PERSON" });
    // Nora works in Nav Drammen, which stays collapsed.
    expect(g.nodes.some((n: Json) => n.label === "Nora Eksempel")).toBe(false);

    // collapsed: true works for a list of offices too.
    const listed = await graph({ officeIds: [lillestrom, gid("Office", f.offices.drammen.id)], collapsed: true });
    expect(listed.nodes.map((n: Json) => n.type)).toEqual(["OFFICE", "OFFICE"]);
  });

  it("refuses an empty scope and ids of the wrong type", async () => {
    const empty = await api.graphql(GRAPH, { scope: {} }, { as: "viewer" });
    expect(errorCode(empty)).toBe("BAD_USER_INPUT");
    expect(empty.errors?.[0]?.message).toBe("Velg minst ett kontor eller en sammenslåing.");
    const wrong = await api.graphql(GRAPH, { scope: { officeIds: [gid("Team", f.teams.mottak.id)] } }, { as: "viewer" });
    expect(errorCode(wrong)).toBe("BAD_USER_INPUT");
  });

  it("needs a Samla role", async () => {
    const response = await api.graphql(GRAPH, { scope: { officeIds: [gid("Office", f.offices.lillestrom.id)] } }, { as: null });
    expect(errorCode(response)).toBe("UNAUTHENTICATED");
  });
});
