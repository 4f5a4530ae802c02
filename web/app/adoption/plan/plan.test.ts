import { afterEach, describe, expect, it } from "vitest";
import { setLocale } from "../../i18n";
import { mayEditPlan, mayReadPlan } from "./access";
import { historyEntries } from "./history";
import { monthsCovering, nextMonthStart, shorten, timelineDomain, timelineLayout, timelineRows, type PlanWaveInput } from "./timeline";

afterEach(() => setLocale("nb", { remember: false }));

const plan = (id: string, name: string, overridden = false) => ({
  practice: { id, name },
  plannedStart: overridden ? "2026-03-01" : "2026-01-01",
  targetDate: overridden ? "2026-12-01" : "2026-09-01",
  overridden,
});

const waves: PlanWaveInput[] = [
  {
    id: "w1",
    name: "Bølge 1 – pilot",
    isPilot: true,
    plannedStart: "2025-01-01",
    targetDate: "2025-12-31",
    rollouts: [
      {
        id: "r1",
        plannedStart: "2025-01-01",
        targetDate: "2025-12-31",
        office: { id: "o1", name: "Nav Lillestrøm" },
        practicePlans: [plan("p1", "Daglige tavlemøter"), plan("p2", "Myndiggjorte team", true)],
      },
    ],
  },
  { id: "w2", name: "Bølge 2", isPilot: false, plannedStart: "2026-01-01", targetDate: "2026-09-01", rollouts: [] },
];

describe("rollout timeline", () => {
  it("lists each wave, then its offices, and an opened office's practices", () => {
    expect(timelineRows(waves, new Set()).map((row) => `${row.kind}:${row.label}`)).toEqual([
      "wave:Bølge 1 – pilot",
      "office:Nav Lillestrøm",
      "wave:Bølge 2",
    ]);
    const open = timelineRows(waves, new Set(["r1"]));
    expect(open.map((row) => row.kind)).toEqual(["wave", "office", "practice", "practice", "wave"]);
    expect(open[1]).toMatchObject({ expanded: true, overriddenCount: 1, waveName: "Bølge 1 – pilot" });
    expect(open[3]).toMatchObject({ label: "Myndiggjorte team", overridden: true, start: "2026-03-01" });
  });

  it("covers whole months from the first start to the last end, today included", () => {
    const rows = timelineRows(waves, new Set(["r1"]));
    expect(timelineDomain(rows, "2026-11-23")).toEqual({ from: "2025-01-01", to: "2027-01-01" });
    expect(timelineDomain(rows.slice(0, 2), "2026-11-23")).toEqual({ from: "2025-01-01", to: "2026-12-01" });
    expect(nextMonthStart("2025-12-31")).toBe("2026-01-01");
    expect(monthsCovering("2025-11-15", "2026-02-01")).toEqual(["2025-11-01", "2025-12-01", "2026-01-01", "2026-02-01"]);
  });

  it("places dates left to right and labels fewer months on a long plan", () => {
    const rows = timelineRows(waves, new Set());
    const layout = timelineLayout(rows, "2026-11-23");
    expect(layout.x("2025-01-01")).toBe(layout.plotLeft);
    expect(layout.x("2026-12-01")).toBe(layout.plotRight);
    expect(layout.x("2025-06-01")).toBeLessThan(layout.x("2025-07-01"));
    expect(layout.months).toHaveLength(23);
    // 23 months: a label per quarter (January, April, July, October).
    expect(layout.labelledMonths.every((month) => ["01", "04", "07", "10"].includes(month.slice(5, 7)))).toBe(true);
    expect(layout.height).toBe(layout.axisHeight + rows.length * 26 + 8);
    expect(shorten("Brukerintervjuer i kartlegging av nå-situasjonen", 20)).toBe("Brukerintervjuer i…");
    expect(shorten("Kort", 20)).toBe("Kort");
  });
});

describe("office history", () => {
  it("tells when the office joined and every move with its reason, oldest first", () => {
    const entries = historyEntries([
      { id: "b", joinedAt: "2026-03-01T09:00:00.000Z", leftAt: null, leftReason: null, wave: { name: "Bølge 2" } },
      {
        id: "a",
        joinedAt: "2026-01-10T09:00:00.000Z",
        leftAt: "2026-03-01T09:00:00.000Z",
        leftReason: "Klar tidligere enn planlagt",
        wave: { name: "Bølge 3" },
      },
    ]);
    expect(entries.map((entry) => entry.text)).toEqual([
      "Lagt til i Bølge 3 10. januar 2026",
      "Bølge 3 → Bølge 2, 1. mars 2026: Klar tidligere enn planlagt",
    ]);
  });

  it("says when an office left the plan without a new wave", () => {
    const entries = historyEntries([
      { id: "a", joinedAt: "2026-01-10T09:00:00.000Z", leftAt: "2026-02-01T09:00:00.000Z", leftReason: "", wave: { name: "Bølge 3" } },
    ]);
    expect(entries.map((entry) => entry.text)).toEqual(["Lagt til i Bølge 3 10. januar 2026", "Tatt ut av Bølge 3 1. februar 2026"]);
  });
});

describe("who may use the plan", () => {
  it("lets the directorate edit, viewers read, and no one else in", () => {
    expect(mayEditPlan(["planner"])).toBe(true);
    expect(mayEditPlan(["admin"])).toBe(true);
    expect(mayEditPlan(["viewer"])).toBe(false);
    expect(mayReadPlan(["viewer"])).toBe(true);
    expect(mayReadPlan(["office-leader"])).toBe(false);
    expect(mayReadPlan(["hr"])).toBe(false);
  });
});
