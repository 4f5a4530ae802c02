import { describe, expect, it } from "vitest";
import { blankNode as base } from "../test-support/graph-nodes";
import { filterGraph, type GraphNode, type OrgGraphData } from "../model";
import { allParents, ancestorsOf, flattenTree, tableKey, tablePieces, treeKey, withKeptIndex } from "./rows";


const data: OrgGraphData = {
  asOf: "2026-01-01",
  nodes: [
    { ...base, id: "o1", type: "OFFICE", label: "Nav A" },
    { ...base, id: "t1", type: "TEAM", label: "Mottak", parent: "o1", officeId: "o1" },
    { ...base, id: "t2", type: "TEAM", label: "Ungdom", parent: "t1", officeId: "o1" },
    { ...base, id: "p1", type: "PERSON", label: "Kari", parent: "t1", officeId: "o1" },
    { ...base, id: "p2", type: "PERSON", label: "Ola", parent: "t2", officeId: "o1" },
    { ...base, id: "o2", type: "OFFICE", label: "Nav B" },
    { ...base, id: "t3", type: "TEAM", label: "Tomt", parent: "o2", officeId: "o2" },
    { ...base, id: "s1", type: "SERVICE", label: "Sosialhjelp" },
  ],
  edges: [{ id: "e1", source: "t2", target: "s1", type: "DELIVERS" }],
};
const graph = filterGraph(data, { employer: null, roleCategory: null, serviceId: null, teamId: null, collapsedIds: [] });
const ids = (rows: { node: { id: string } }[]) => rows.map((r) => r.node.id);

describe("flattenTree", () => {
  it("lists top-level items, then an open item's children, with level, set size and position", () => {
    expect(ids(flattenTree(graph, new Set()))).toEqual(["o1", "o2", "s1"]);
    const rows = flattenTree(graph, new Set(["o1", "t1"]));
    expect(ids(rows)).toEqual(["o1", "t1", "t2", "p1", "o2", "s1"]);
    expect(rows.map((r) => [r.level, r.posInSet, r.setSize])).toEqual([
      [1, 1, 3],
      [2, 1, 1],
      [3, 1, 2],
      [3, 2, 2],
      [1, 2, 3],
      [1, 3, 3],
    ]);
    expect(rows.find((r) => r.node.id === "t2")).toMatchObject({ hasChildren: true, expanded: false });
    expect(rows.find((r) => r.node.id === "p1")).toMatchObject({ hasChildren: false, expanded: false });
  });

  it("opens everything with allParents, and finds a node's ancestors", () => {
    expect(ids(flattenTree(graph, allParents(graph)))).toEqual(["o1", "t1", "t2", "p2", "p1", "o2", "t3", "s1"]);
    expect(ancestorsOf(graph, "p2")).toEqual(["t2", "t1", "o1"]);
    expect(ancestorsOf(graph, "o1")).toEqual([]);
  });

  it("walks a tree 2,000 levels deep without recursion", () => {
    const nodes: GraphNode[] = [{ ...base, id: "o", type: "OFFICE", label: "Nav" }];
    for (let i = 0; i < 1_999; i++) nodes.push({ ...base, id: `t${i}`, type: "TEAM", label: `T${i}`, parent: i === 0 ? "o" : `t${i - 1}` });
    const deep = filterGraph({ asOf: "2026-01-01", nodes, edges: [] }, { employer: null, roleCategory: null, serviceId: null, teamId: null, collapsedIds: [] });
    const rows = flattenTree(deep, allParents(deep));
    expect(rows).toHaveLength(2_000);
    expect(rows.at(-1)!.level).toBe(2_000);
  });
});

describe("treeKey", () => {
  const open = new Set(["o1"]);
  const rows = flattenTree(graph, open); // o1, t1, o2, s1
  const press = (key: string, id: string, page = 2) => treeKey(key, rows, rows.findIndex((r) => r.node.id === id), open, graph, page);

  it("moves with the arrows, Page Up/Down, Home and End", () => {
    expect(press("ArrowDown", "o1")).toEqual({ focusId: "t1" });
    expect(press("ArrowDown", "s1")).toEqual({});
    expect(press("ArrowUp", "t1")).toEqual({ focusId: "o1" });
    expect(press("PageDown", "o1")).toEqual({ focusId: "o2" });
    expect(press("PageDown", "o2", 10)).toEqual({ focusId: "s1" });
    expect(press("PageUp", "o2", 10)).toEqual({ focusId: "o1" });
    expect(press("Home", "o2")).toEqual({ focusId: "o1" });
    expect(press("End", "o1")).toEqual({ focusId: "s1" });
  });

  it("opens, enters, closes and leaves with Right and Left; * opens the siblings; Enter selects", () => {
    expect(press("ArrowRight", "t1")).toEqual({ open: new Set(["o1", "t1"]) });
    expect(press("ArrowRight", "o1")).toEqual({ focusId: "t1" });
    expect(press("ArrowRight", "s1")).toEqual({});
    expect(press("ArrowLeft", "o1")).toEqual({ open: new Set() });
    expect(press("ArrowLeft", "t1")).toEqual({ focusId: "o1" });
    expect(press("ArrowLeft", "o2")).toEqual({});
    expect(press("*", "o2")).toEqual({ open: new Set(["o1", "o2"]) });
    expect(press("Enter", "t1")).toEqual({ selectId: "t1" });
    expect(press(" ", "t1")).toEqual({ selectId: "t1" });
    expect(press("a", "t1")).toBeNull();
  });
});

describe("tableKey", () => {
  it("moves between rows and stays inside the table", () => {
    expect(tableKey("ArrowDown", 0, 5, 2)).toBe(1);
    expect(tableKey("ArrowDown", 4, 5, 2)).toBe(4);
    expect(tableKey("ArrowUp", 0, 5, 2)).toBe(0);
    expect(tableKey("PageDown", 2, 5, 2)).toBe(4);
    expect(tableKey("PageDown", 4, 5, 2)).toBe(4);
    expect(tableKey("PageUp", 1, 5, 2)).toBe(0);
    expect(tableKey("Home", 3, 5, 2)).toBe(0);
    expect(tableKey("End", 0, 20_000, 2)).toBe(19_999);
    expect(tableKey("Tab", 0, 5, 2)).toBeNull();
    expect(tableKey("End", 0, 0, 2)).toBeNull();
  });
});

describe("virtualised rows", () => {
  it("keeps the focused row rendered wherever it is", () => {
    expect(withKeptIndex([3, 4, 5], 4, 100)).toEqual([3, 4, 5]);
    expect(withKeptIndex([3, 4, 5], 99, 100)).toEqual([3, 4, 5, 99]);
    expect(withKeptIndex([3, 4, 5], 0, 100)).toEqual([0, 3, 4, 5]);
    expect(withKeptIndex([3, 4, 5], null, 100)).toEqual([3, 4, 5]);
    expect(withKeptIndex([3, 4, 5], 100, 100)).toEqual([3, 4, 5]);
  });

  it("fills the space before, between and after rendered rows with gaps", () => {
    const rows = [
      { index: 0, start: 40, end: 80 },
      { index: 10, start: 440, end: 480 },
      { index: 11, start: 480, end: 520 },
    ];
    expect(tablePieces(rows, 40, 1000)).toEqual([
      { kind: "row", index: 0 },
      { kind: "gap", key: "gap-before-10", height: 360 },
      { kind: "row", index: 10 },
      { kind: "row", index: 11 },
      { kind: "gap", key: "gap-end", height: 480 },
    ]);
    expect(tablePieces([{ index: 5, start: 240, end: 280 }], 40, 280)).toEqual([
      { kind: "gap", key: "gap-before-5", height: 200 },
      { kind: "row", index: 5 },
    ]);
  });
});
