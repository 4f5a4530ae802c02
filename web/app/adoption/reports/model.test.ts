import { describe, expect, it } from "vitest";
import {
  changeDraft,
  daysBetween,
  draftFromReport,
  mergeUnsaved,
  parseSubmissionContent,
  practicesWithoutStage,
  previousMonth,
  reportMonth,
  saveValues,
  type DraftField,
} from "./model";

const report = {
  stages: [
    { practice: { id: "p1" }, stage: "PILOTING" as const, note: "Tavle i to team" },
    { practice: { id: "p2" }, stage: "NOT_STARTED" as const, note: "" },
  ],
  kpiValues: [{ kpi: { id: "k1" }, value: 12.5 }],
  learning: "",
  obstacles: "Lite tid",
  helpNeeded: "",
};
const asTyped = (value: number) => String(value).replace(".", ",");

describe("the progress report form", () => {
  it("starts from the saved report, with a practice that has no stage yet left empty", () => {
    const draft = draftFromReport(report, ["p1", "p2", "p3"], asTyped);
    expect(draft.stages.p1).toEqual({ stage: "PILOTING", note: "Tavle i to team" });
    expect(draft.stages.p3).toEqual({ stage: "", note: "" });
    expect(draft.kpiTexts).toEqual({ k1: "12,5" });
    expect(practicesWithoutStage(draft, ["p1", "p2", "p3"])).toEqual(["p3"]);
  });

  it("saves typed decimals as numbers, leaves out what is not a number and practices without a stage", () => {
    let draft = draftFromReport(report, ["p1", "p2", "p3"], asTyped);
    draft = changeDraft(draft, "kpi:k1", "13,75");
    draft = changeDraft(draft, "kpi:k2", "12,x");
    draft = changeDraft(draft, "note:p2", "  Starter i januar  ");
    const { values, invalidKpiIds } = saveValues(draft, ["p1", "p2", "p3"], ["k1", "k2"]);
    expect(values.kpiValues).toEqual([{ kpiId: "k1", value: 13.75 }]);
    expect(invalidKpiIds).toEqual(["k2"]);
    expect(values.stages).toEqual([
      { practiceId: "p1", stage: "PILOTING", note: "Tavle i to team" },
      { practiceId: "p2", stage: "NOT_STARTED", note: "Starter i januar" },
    ]);
    expect(values.obstacles).toBe("Lite tid");
  });

  it("after a conflict keeps the other change and puts this user's unsaved fields on top", () => {
    const mine = changeDraft(changeDraft(draftFromReport(report, ["p1", "p2"], asTyped), "learning", "Mitt"), "stage:p2", "PREPARING");
    const latest = draftFromReport({ ...report, obstacles: "Endret av en annen", learning: "Annen" }, ["p1", "p2"], asTyped);
    const unsaved = new Set<DraftField>(["learning", "stage:p2"]);
    const merged = mergeUnsaved(latest, mine, unsaved);
    expect(merged.learning).toBe("Mitt");
    expect(merged.stages.p2?.stage).toBe("PREPARING");
    expect(merged.obstacles).toBe("Endret av en annen");
  });
});

describe("report months and dates", () => {
  it("names the month and steps back over a year end", () => {
    expect(reportMonth("2026-11-01")).toBe("november 2026");
    expect(previousMonth("2026-01-01")).toBe("2025-12-01");
    expect(daysBetween("2026-12-10", "2026-12-23")).toBe(13);
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2);
  });
});

describe("a submission's snapshot", () => {
  it("reads practices and KPIs by code, and tolerates missing or odd fields", () => {
    const content = parseSubmissionContent({
      stages: [{ practiceCode: "P1", practiceName: "Tavlemøter", stage: "ADOPTED", note: "ok" }, { stage: "BOGUS" }],
      kpiValues: [{ kpiCode: "K1", kpiName: "Saksbehandlingstid", value: 11 }, { kpiCode: "K2", value: "x" }],
      learning: "Lært",
    });
    expect(content.stages).toEqual([
      { practiceRef: "P1", practiceName: "Tavlemøter", stage: "ADOPTED", note: "ok" },
      { practiceRef: null, practiceName: null, stage: null, note: "" },
    ]);
    expect(content.kpiValues[0]).toEqual({ kpiRef: "K1", kpiName: "Saksbehandlingstid", unit: null, value: 11 });
    expect(content.kpiValues[1]?.value).toBeNull();
    expect(content.learning).toBe("Lært");
    expect(content.obstacles).toBe("");
    expect(parseSubmissionContent(null).stages).toEqual([]);
  });
});
