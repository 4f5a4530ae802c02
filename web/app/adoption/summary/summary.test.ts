import { describe, expect, it } from "vitest";
import { asOfFor, stageChanges, summaryMonth } from "./data";

describe("monthly summary", () => {
  it("describes last month unless another month that has begun is asked for", () => {
    expect(summaryMonth(null, "2026-11-23")).toBe("2026-10");
    expect(summaryMonth("2026-11", "2026-11-23")).toBe("2026-11");
    expect(summaryMonth("2026-12", "2026-11-23")).toBe("2026-10");
    expect(summaryMonth("2026-1", "2026-11-23")).toBe("2026-10");
    expect(summaryMonth("2026-01", "2026-01-05")).toBe("2026-01");
    expect(summaryMonth(null, "2026-01-05")).toBe("2025-12");
  });

  it("takes a past month's figures on its last day and the running month's today", () => {
    expect(asOfFor("2026-10", "2026-11-23")).toBe("2026-10-31");
    expect(asOfFor("2026-11", "2026-11-23")).toBe("2026-11-23");
  });

  it("lists the stages that changed since last month, a newly joined office from not started", () => {
    const practices = [
      { id: "p1", name: "Daglige tavlemøter" },
      { id: "p2", name: "Digital søknad" },
    ];
    const current = {
      practices,
      matrix: [
        { office: { id: "o2", name: "Nav Bærum" }, wave: { id: "w", name: "Pilot", ordinal: 1 }, cells: [{ practiceId: "p1", stage: "PILOTING" as const }, { practiceId: "p2", stage: "PREPARING" as const }] },
        { office: { id: "o1", name: "Nav Asker" }, wave: { id: "w", name: "Pilot", ordinal: 1 }, cells: [{ practiceId: "p2", stage: "ADOPTED" as const }, { practiceId: "p1", stage: "NOT_STARTED" as const }] },
      ],
    };
    const previous = [{ office: { id: "o1" }, cells: [{ practiceId: "p1", stage: "PREPARING" as const }, { practiceId: "p2", stage: "ADOPTED" as const }] }];
    expect(stageChanges(current, previous).map((c) => [c.officeName, c.practiceName, c.from, c.to])).toEqual([
      ["Nav Asker", "Daglige tavlemøter", "PREPARING", "NOT_STARTED"],
      ["Nav Bærum", "Daglige tavlemøter", "NOT_STARTED", "PILOTING"],
      ["Nav Bærum", "Digital søknad", "NOT_STARTED", "PREPARING"],
    ]);
  });
});
