import { describe, expect, it } from "vitest";
import { diffSnapshots } from "./audit-diff";

describe("diffSnapshots", () => {
  it("lists only the fields that changed, with before and after", () => {
    expect(
      diffSnapshots(
        { fte: "1.00", endDate: null, teamId: "t1", version: 1 },
        { fte: "1.00", endDate: "2026-11-21", teamId: "t1", version: 2 },
      ),
    ).toEqual([
      { field: "endDate", before: null, after: "2026-11-21" },
      { field: "version", before: "1", after: "2" },
    ]);
  });

  it("shows every field of a created entity as new", () => {
    expect(diffSnapshots(null, { fte: "0.20", roleId: "r" })).toEqual([
      { field: "fte", before: null, after: "0.20" },
      { field: "roleId", before: null, after: "r" },
    ]);
  });

  it("compares nested values by content", () => {
    expect(diffSnapshots({ ids: ["a", "b"] }, { ids: ["a", "b"] })).toEqual([]);
    expect(diffSnapshots({ ids: ["a"] }, { ids: ["a", "b"] })).toEqual([{ field: "ids", before: '["a"]', after: '["a","b"]' }]);
  });
});
