import { describe, expect, it } from "vitest";
import { hasActiveFilter, officeSearchToParams, parseOfficeSearch, toOfficeFilterInput } from "./filter";
import { buildTeamTree } from "./team-tree";

describe("office search in the URL", () => {
  it("reads text, status and pilot flag, and ignores an unknown status", () => {
    expect(parseOfficeSearch(new URLSearchParams("q=%20lille%20&status=PLANNED&pilot=1"))).toEqual({
      q: "lille",
      status: "PLANNED",
      pilotOnly: true,
    });
    expect(parseOfficeSearch(new URLSearchParams("status=OPEN"))).toEqual({ q: "", status: null, pilotOnly: false });
  });

  it("round-trips through URL params and leaves out what is not set", () => {
    const search = { q: "Asker", status: "ACTIVE" as const, pilotOnly: true };
    expect(parseOfficeSearch(officeSearchToParams(search))).toEqual(search);
    expect(officeSearchToParams({ q: "", status: null, pilotOnly: false }).toString()).toBe("");
  });

  it("maps to the API's OfficeFilter, sending only the fields in use", () => {
    expect(toOfficeFilterInput({ q: "3205", status: null, pilotOnly: true })).toEqual({ text: "3205", isPilot: true });
    expect(toOfficeFilterInput({ q: "", status: "MERGED", pilotOnly: false })).toEqual({ status: ["MERGED"] });
    expect(hasActiveFilter({ q: "", status: null, pilotOnly: false })).toBe(false);
  });
});

describe("buildTeamTree", () => {
  it("nests teams under their parents and sorts siblings by name", () => {
    const tree = buildTeamTree([
      { id: "b", name: "Oppfølging", parent: null },
      { id: "a2", name: "Ungdom", parent: { id: "b" } },
      { id: "a1", name: "Arbeid", parent: { id: "b" } },
      { id: "c", name: "Mottak", parent: null },
    ]);
    expect(tree.map((node) => node.team.name)).toEqual(["Mottak", "Oppfølging"]);
    expect(tree[1]?.children.map((node) => node.team.name)).toEqual(["Arbeid", "Ungdom"]);
  });

  it("keeps a team whose parent is missing, and survives a cycle in bad data", () => {
    const orphan = buildTeamTree([{ id: "x", name: "X", parent: { id: "elsewhere" } }]);
    expect(orphan.map((node) => node.team.id)).toEqual(["x"]);

    const cycle = buildTeamTree([
      { id: "a", name: "A", parent: { id: "b" } },
      { id: "b", name: "B", parent: { id: "a" } },
    ]);
    const count = (nodes: typeof cycle): number => nodes.reduce((sum, node) => sum + 1 + count(node.children), 0);
    expect(count(cycle)).toBe(2);
    expect(cycle).toHaveLength(1);
  });
});
