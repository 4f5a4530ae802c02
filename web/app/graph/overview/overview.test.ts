import { describe, expect, it } from "vitest";
import { blankNode as blank } from "../test-support/graph-nodes";
import { filterGraph, type GraphNode, type OrgGraphData } from "../model";
import { EXPAND_SHARE, FOLD_SHARE, LabelGrid, levelOfDetail, PERSON_DOT_MIN_PX, PERSON_LABEL_MIN_PX, semanticZoomChanges } from "./level-of-detail";
import { mergeOfficeContents, splitOfficeContents } from "./national-data";
import { officeRadius, packGraph, PERSON_RADIUS, type Circle } from "./pack-layout";
import { shortOfficeName } from "./draw";
import { buildScene, nodeAt } from "./scene";

const none = { employer: null, roleCategory: null, serviceId: null, teamId: null, collapsedIds: [] };

/** `offices` offices of `teams` teams with `people` people each; offices in `folded` come without contents. */
function organisation(offices: number, teams: number, people: number, folded: ReadonlySet<number> = new Set()): OrgGraphData {
  const nodes: GraphNode[] = [];
  const edges: OrgGraphData["edges"] = [];
  for (let o = 0; o < offices; o++) {
    const office = `o${o}`;
    nodes.push({ ...blank, id: office, type: "OFFICE", label: `Nav ${o}`, collapsed: folded.has(o), teamCount: teams, personCount: teams * people });
    if (folded.has(o)) continue;
    for (let t = 0; t < teams; t++) {
      const team = `${office}t${t}`;
      nodes.push({ ...blank, id: team, type: "TEAM", label: `Team ${t}`, parent: office, officeId: office });
      for (let p = 0; p < people; p++) {
        const id = `${team}p${p}`;
        nodes.push({ ...blank, id, type: "PERSON", label: `Person ${id}`, parent: team, officeId: office, employer: p % 3 ? "STATE" : "MUNICIPAL", roleCategory: p === 0 ? "LEADER" : "ADVISER", fte: 1 });
        if (p > 0) edges.push({ id: `r${id}`, source: id, target: `${team}p0`, type: "REPORTS_TO" });
      }
      edges.push({ id: `d${team}`, source: team, target: "s1", type: "DELIVERS" });
    }
  }
  nodes.push({ ...blank, id: "s1", type: "SERVICE", label: "Sosialhjelp", provider: "MUNICIPAL" });
  return { asOf: "2026-01-01", nodes, edges };
}

const overlaps = (a: Circle, b: Circle) => Math.hypot(a.x - b.x, a.y - b.y) < a.r + b.r - 1e-6;
const contains = (outer: Circle, inner: Circle) => Math.hypot(outer.x - inner.x, outer.y - inner.y) + inner.r <= outer.r + 1e-6;

describe("pack layout", () => {
  it("keeps offices apart, teams inside their office and people inside their team, without overlaps", () => {
    const graph = filterGraph(organisation(12, 4, 9), none);
    const { circles } = packGraph(graph);
    const offices = graph.nodes.filter((n) => n.type === "OFFICE").map((n) => circles.get(n.id)!);
    for (let i = 0; i < offices.length; i++) for (let j = i + 1; j < offices.length; j++) expect(overlaps(offices[i]!, offices[j]!)).toBe(false);
    for (const node of graph.nodes) {
      if (!node.parent) continue;
      expect(contains(circles.get(node.parent)!, circles.get(node.id)!), `${node.id} in ${node.parent}`).toBe(true);
    }
    // Siblings inside one team do not overlap either.
    const team = graph.children.get("o0t0")!.map((n) => circles.get(n.id)!);
    for (let i = 0; i < team.length; i++) for (let j = i + 1; j < team.length; j++) expect(overlaps(team[i]!, team[j]!)).toBe(false);
  });

  it("opening one office moves no other office and lays out only that office's inside", () => {
    const folded = new Set([0, 1, 2, 3, 4, 5]);
    const before = packGraph(filterGraph(organisation(6, 3, 5, folded), none));
    folded.delete(2);
    const after = packGraph(filterGraph(organisation(6, 3, 5, folded), none));
    for (let o = 0; o < 6; o++) expect(after.circles.get(`o${o}`)).toEqual(before.circles.get(`o${o}`));
    expect(after.laidOutOffices).toBe(1);
    expect(after.circles.get("o2t0p0")).toBeDefined();
    // The same view again comes from the cache: nothing is laid out.
    expect(packGraph(filterGraph(organisation(6, 3, 5, folded), none)).laidOutOffices).toBe(0);
  });

  it("packs offices that merge next to each other", () => {
    const data = organisation(40, 1, 3, new Set(Array.from({ length: 40 }, (_, i) => i)));
    data.edges.push({ id: "m1", source: "o3", target: "o27", type: "MERGES_INTO" }, { id: "m2", source: "o31", target: "o27", type: "MERGES_INTO" });
    const { circles } = packGraph(filterGraph(data, none));
    const gap = (a: string, b: string) => {
      const [p, q] = [circles.get(a)!, circles.get(b)!];
      return Math.hypot(p.x - q.x, p.y - q.y) - p.r - q.r;
    };
    // Within one office's width of each other, while most offices are further apart.
    const width = 2 * circles.get("o27")!.r;
    expect(gap("o3", "o27")).toBeLessThan(width);
    expect(gap("o31", "o27")).toBeLessThan(width);
    const far = Array.from({ length: 40 }, (_, i) => `o${i}`).filter((id) => gap(id, "o27") > width);
    expect(far.length).toBeGreaterThan(20);
  });

  it("sizes an office by its head count whether it is open or not", () => {
    expect(officeRadius(400)).toBeGreaterThan(officeRadius(100));
    const open = packGraph(filterGraph(organisation(1, 4, 25), none)).circles.get("o0")!;
    const closed = packGraph(filterGraph(organisation(1, 4, 25, new Set([0])), none)).circles.get("o0")!;
    expect(open.r).toBe(closed.r);
  });
});

describe("level of detail", () => {
  it("draws people as dots once they are big enough, names when readable, team badges otherwise", () => {
    const atPx = (px: number) => levelOfDetail(px / PERSON_RADIUS, PERSON_RADIUS);
    expect(atPx(PERSON_DOT_MIN_PX / 2)).toEqual({ peopleAsDots: false, personLabels: false, teamBadges: true });
    expect(atPx(PERSON_DOT_MIN_PX * 1.001)).toEqual({ peopleAsDots: true, personLabels: false, teamBadges: false });
    expect(atPx(PERSON_LABEL_MIN_PX * 1.001)).toEqual({ peopleAsDots: true, personLabels: true, teamBadges: false });
  });

  it("opens an office the user looks at, folds it when they zoom out, and never overrides their choice", () => {
    const viewport = 1000;
    const office = (id: string, share: number, expanded: boolean, explicit: boolean | null = null, visible = true) => ({
      id,
      radiusPx: (share * viewport) / 2,
      visible,
      expanded,
      explicit,
    });
    const changes = semanticZoomChanges(
      [
        office("big", EXPAND_SHARE + 0.01, false),
        office("between", (EXPAND_SHARE + FOLD_SHARE) / 2, true),
        office("small", FOLD_SHARE - 0.01, true),
        office("offscreen", 0.9, true, null, false),
        office("userFolded", 0.9, false, false),
        office("userOpened", 0.01, true, true),
      ],
      viewport,
    );
    expect(changes).toEqual({ expand: ["big"], fold: ["small", "offscreen"] });
  });

  it("leaves out a label that would cover another", () => {
    const grid = new LabelGrid(100, 16);
    expect(shortOfficeName("★ Nav Lillestrøm (0230)")).toBe("★ Lillestrøm");
    expect(grid.claim(10, 10, 80, 14)).toBe(true);
    expect(grid.claim(50, 12, 80, 14)).toBe(false);
    expect(grid.claim(10, 60, 80, 14)).toBe(true);
  });
});

describe("scene", () => {
  const texts = { count: (teams: number, people: number) => `${teams} team, ${people} personer`, teamBadge: (people: number, fte: number) => `${people} personer · ${fte} årsverk` };

  it("finds the innermost node under a point, and gives teams their head count and FTE", () => {
    const graph = filterGraph(organisation(3, 2, 4), none);
    const layout = packGraph(graph);
    const scene = buildScene(graph, layout, texts, PERSON_RADIUS);
    const person = layout.circles.get("o1t1p2")!;
    expect(nodeAt(scene, person.x, person.y)?.id).toBe("o1t1p2");
    const office = layout.circles.get("o2")!;
    // Just inside the office's edge: no team there.
    expect(nodeAt(scene, office.x, office.y - office.r + 1)?.id).toBe("o2");
    expect(nodeAt(scene, office.x + office.r * 5, office.y)).toBeNull();
    expect(scene.byId.get("o0t0")!.badge).toBe("4 personer · 4 årsverk");
  });
});

describe("national data", () => {
  it("puts the contents of fetched offices into the folded national graph, once each", () => {
    const base = organisation(3, 2, 2, new Set([0, 1, 2]));
    const answer = organisation(3, 2, 2, new Set([0]));
    const contents = splitOfficeContents(answer, ["o1", "o2"]);
    expect(contents.get("o1")!.nodes.filter((n) => n.type === "PERSON")).toHaveLength(4);
    const merged = mergeOfficeContents(base, contents, new Set(["o1"]));
    const ids = merged.nodes.map((n) => n.id);
    expect(ids.filter((id) => id.startsWith("o1t"))).toHaveLength(2 + 4);
    expect(ids.some((id) => id.startsWith("o2t"))).toBe(false);
    expect(ids.filter((id) => id === "s1")).toHaveLength(1);
    expect(merged.nodes.find((n) => n.id === "o1")!.collapsed).toBe(false);
    expect(merged.nodes.find((n) => n.id === "o2")!.collapsed).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
