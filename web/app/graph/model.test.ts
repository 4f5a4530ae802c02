import { describe, expect, it } from "vitest";
import { blankNode as base } from "./test-support/graph-nodes";
import { filterGraph, readViewState, toElements, writeViewState, type OrgGraphData } from "./model";


const graph: OrgGraphData = {
  asOf: "2026-01-01",
  nodes: [
    { ...base, id: "o1", type: "OFFICE", label: "Nav A", code: "0001", isPilot: true, isSpearhead: true, collapsed: false, teamCount: 2, personCount: 3 },
    { ...base, id: "t1", type: "TEAM", label: "Mottak", parent: "o1", officeId: "o1" },
    { ...base, id: "t2", type: "TEAM", label: "Ungdom", parent: "t1", officeId: "o1" },
    { ...base, id: "t3", type: "TEAM", label: "Tomt", parent: "o1", officeId: "o1" },
    { ...base, id: "p1", type: "PERSON", label: "Kari", parent: "t1", officeId: "o1", employer: "STATE", roleName: "Nav-leder", roleCategory: "LEADER", fte: 1 },
    { ...base, id: "p2", type: "PERSON", label: "Ola", parent: "t2", officeId: "o1", employer: "MUNICIPAL", roleName: "Veileder", roleCategory: "ADVISER", fte: 1.2 },
    { ...base, id: "p3", type: "PERSON", label: "Siri", parent: "t1", officeId: "o1", employer: "MUNICIPAL", roleName: "Saksbehandler", roleCategory: "CASEWORKER", fte: 0.5 },
    { ...base, id: "s1", type: "SERVICE", label: "Sosialhjelp", provider: "MUNICIPAL" },
    { ...base, id: "o2", type: "OFFICE", label: "Nav B", collapsed: true, teamCount: 4, personCount: 40 },
  ],
  edges: [
    { id: "e1", source: "p2", target: "p1", type: "REPORTS_TO" },
    { id: "e2", source: "t2", target: "s1", type: "DELIVERS" },
    { id: "e3", source: "o2", target: "o1", type: "MERGES_INTO" },
  ],
};
const none = { employer: null, roleCategory: null, serviceId: null, teamId: null, collapsedIds: [] };
const ids = (g: ReturnType<typeof filterGraph>) => g.nodes.map((n) => n.id).sort();

describe("filterGraph", () => {
  it("keeps everything without filters and marks over-allocation, vacancy and counts", () => {
    const g = filterGraph(graph, none);
    expect(ids(g)).toEqual(["o1", "o2", "p1", "p2", "p3", "s1", "t1", "t2", "t3"]);
    expect(g.byId.get("p2")?.overAllocated).toBe(true);
    expect(g.byId.get("p1")?.overAllocated).toBe(false);
    expect(g.byId.get("t3")?.vacant).toBe(true);
    expect(g.byId.get("o1")).toMatchObject({ peopleBelow: 3, teamsBelow: 3, isCollapsed: false });
    expect(g.byId.get("o2")).toMatchObject({ peopleBelow: 40, teamsBelow: 4, isCollapsed: true });
    expect(g.edges).toHaveLength(3);
  });

  it("filters people by employer and drops teams without matches", () => {
    const g = filterGraph(graph, { ...none, employer: "MUNICIPAL" });
    expect(ids(g)).toEqual(["o1", "o2", "p2", "p3", "s1", "t1", "t2"]);
    expect(g.edges.map((e) => e.id).sort()).toEqual(["e2", "e3"]);
  });

  it("filters by team (with sub-teams), by service and by role category", () => {
    expect(ids(filterGraph(graph, { ...none, teamId: "t2" }))).toEqual(["o1", "o2", "p2", "s1", "t1", "t2"]);
    expect(ids(filterGraph(graph, { ...none, serviceId: "s1" }))).toEqual(["o1", "o2", "p2", "s1", "t1", "t2"]);
    expect(ids(filterGraph(graph, { ...none, roleCategory: "LEADER" }))).toEqual(["o1", "o2", "p1", "t1"]);
  });

  it("hides what a collapsed team holds and shows counts in its label", () => {
    const g = filterGraph(graph, { ...none, collapsedIds: ["t1"] });
    expect(ids(g)).toEqual(["o1", "o2", "t1", "t3"]);
    const label = toElements(g, (teams, people) => `${teams}/${people}`).find((e) => e.data.id === "t1")?.data.label;
    expect(label).toBe("Mottak\n1/3");
  });

  it("gives people, employers and pilots classes that the style shows", () => {
    const elements = toElements(filterGraph(graph, none), () => "");
    expect(elements.find((e) => e.data.id === "p2")?.classes).toEqual(["person", "municipal", "role-adviser", "over-allocated"]);
    expect(elements.find((e) => e.data.id === "o1")?.classes).toEqual(["office", "pilot", "spearhead"]);
    expect(elements.find((e) => e.data.id === "o1")?.data.label).toBe("★ Nav A (0001)");
  });
});

describe("view state in the URL", () => {
  it("round-trips every field", () => {
    const state = readViewState(
      new URLSearchParams("kontor=a&kontor=b&arbeidsgiver=MUNICIPAL&rolle=LEADER&tjeneste=s&team=t&oppsett=dagre&visning=tabell&valgt=p&lukket=t1"),
    );
    expect(state).toMatchObject({ officeIds: ["a", "b"], employer: "MUNICIPAL", layout: "dagre", view: "tabell", selectedId: "p", collapsedIds: ["t1"] });
    expect(readViewState(writeViewState(state))).toEqual(state);
  });

  it("ignores unknown values", () => {
    expect(readViewState(new URLSearchParams("arbeidsgiver=x&oppsett=y&visning=z"))).toMatchObject({ employer: null, layout: "fcose", view: "graf" });
  });
});
