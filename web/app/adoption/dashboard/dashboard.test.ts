import { describe, expect, it } from "vitest";
import { contrastRatio } from "../../methods/compare/scales";
import { countsByStage, spreadSegments, stageAreaChart, waveChart } from "./charts";
import { addEvent, eventText, LIVE_LIST_LENGTH, type ReportEvent } from "./live";
import { isAdopted, shareColours, shareSteps, stageColours, stageIndex, STAGES } from "./stages";
import { dashboardFilter, parseDashboardState, withDashboardState } from "./url-state";

const event = (overrides: Partial<ReportEvent> = {}): ReportEvent => ({
  kind: "SUBMITTED",
  reportId: "UHJvZ3Jlc3NSZXBvcnQ6MQ==",
  officeId: "T2ZmaWNlOjE=",
  officeName: "Nav Lillestrøm",
  period: "2026-11-01",
  actorName: "Lina Leder",
  at: "2026-11-23T10:15:00.000Z",
  ...overrides,
});

describe("live report events", () => {
  it("says in Norwegian what happened to which office's report for which month", () => {
    expect(eventText(event())).toBe("Nav Lillestrøm sendte statusrapporten for november 2026");
    expect(eventText(event({ kind: "ACKNOWLEDGED", period: "2026-10-01" }))).toBe("Nav Lillestrøm fikk rapporten for oktober 2026 kvittert");
    expect(eventText(event({ kind: "CHANGES_REQUESTED" }))).toBe("Nav Lillestrøm ble bedt om endringer i rapporten for november 2026");
  });

  it("puts the newest event first, keeps an event heard twice once and keeps the list short", () => {
    const first = event();
    const second = event({ kind: "ACKNOWLEDGED", at: "2026-11-23T11:00:00.000Z" });
    expect(addEvent(addEvent([], first), second)).toEqual([second, first]);
    expect(addEvent([second, first], first)).toEqual([second, first]);
    let list: ReportEvent[] = [];
    for (let index = 0; index < LIVE_LIST_LENGTH + 5; index += 1) list = addEvent(list, event({ at: `2026-11-23T10:${String(index).padStart(2, "0")}:00.000Z` }));
    expect(list).toHaveLength(LIVE_LIST_LENGTH);
    expect(list[0]!.at).toBe("2026-11-23T10:24:00.000Z");
  });
});

describe("stages", () => {
  it("orders the stages and counts adopted from ADOPTED on", () => {
    expect(STAGES.map(stageIndex)).toEqual([0, 1, 2, 3, 4]);
    expect(STAGES.filter(isAdopted)).toEqual(["ADOPTED", "EMBEDDED"]);
  });

  it("prints every stage and share step with text of at least 4.5:1 contrast", () => {
    for (const stage of STAGES) {
      const { background, text } = stageColours(stage);
      expect(contrastRatio(background, text), stage).toBeGreaterThanOrEqual(4.5);
    }
    for (const step of shareSteps()) expect(contrastRatio(step.background, step.text), String(step.upTo)).toBeGreaterThanOrEqual(4.5);
  });

  it("tells neighbouring stages apart by lightness, not only by hue", () => {
    for (let index = 1; index < STAGES.length; index += 1) {
      const ratio = contrastRatio(stageColours(STAGES[index - 1]!).background, stageColours(STAGES[index]!).background);
      expect(ratio, `${STAGES[index - 1]} / ${STAGES[index]}`).toBeGreaterThan(1.2);
    }
  });

  it("colours a share by its step, nothing adopted white", () => {
    expect(shareColours(0).background).toBe("#ffffff");
    expect(shareColours(0.1)).toEqual(shareColours(0.2));
    expect(shareColours(1)).toEqual(shareColours(1.5));
    expect(shareColours(0.21)).not.toEqual(shareColours(0.2));
  });
});

describe("dashboard URL state", () => {
  it("reads the wave and month and ignores a malformed month", () => {
    expect(parseDashboardState(new URLSearchParams("bolge=V2F2ZTox&maned=2026-10"))).toEqual({ waveId: "V2F2ZTox", month: "2026-10" });
    expect(parseDashboardState(new URLSearchParams("maned=2026-13"))).toEqual({ waveId: null, month: null });
  });

  it("changes only its own parameters (the impact analysis keeps its choice)", () => {
    const params = new URLSearchParams("praksis=abc&kpi=def&maned=2026-09");
    expect(withDashboardState(params, { waveId: "w1", month: null }).toString()).toBe("praksis=abc&kpi=def&bolge=w1");
  });

  it("asks for a past month as of its last day and for the running month as of today", () => {
    expect(dashboardFilter({ waveId: null, month: "2026-10" }, "2026-11-23")).toEqual({ asOf: "2026-10-31" });
    expect(dashboardFilter({ waveId: "w1", month: "2026-11" }, "2026-11-23")).toEqual({ waveId: "w1" });
    expect(dashboardFilter({ waveId: null, month: null }, "2026-11-23")).toEqual({});
  });
});

describe("charts", () => {
  const timeline = [
    { period: "2026-09-01", counts: [{ stage: "NOT_STARTED" as const, count: 6 }, { stage: "ADOPTED" as const, count: 2 }] },
    { period: "2026-10-01", counts: [{ stage: "NOT_STARTED" as const, count: 4 }, { stage: "PILOTING" as const, count: 2 }, { stage: "ADOPTED" as const, count: 2 }] },
  ];

  it("fills stages the API left out with zero", () => {
    expect(countsByStage(timeline[0]!.counts)).toEqual({ NOT_STARTED: 6, PREPARING: 0, PILOTING: 0, ADOPTED: 2, EMBEDDED: 0 });
  });

  it("stacks the stage bands from not started at the bottom to the total on top", () => {
    const chart = stageAreaChart(timeline);
    expect(chart.areas.map((band) => band.stage)).toEqual([...STAGES]);
    expect(chart.areas.every((band) => band.path.startsWith("M"))).toBe(true);
    // The y scale reaches the month's total (8 pairs) and the axis starts at 0.
    expect(chart.y(0)).toBe(chart.frame.bottom);
    expect(chart.y(8)).toBeGreaterThanOrEqual(chart.frame.top);
    expect(chart.x("2026-09-01")).toBe(chart.frame.left);
    expect(chart.x("2026-10-01")).toBe(chart.frame.right);
  });

  it("draws a wave's planned and actual progress on a 0-100 % scale", () => {
    const chart = waveChart([
      { period: "2026-09-30", planned: 0.5, actual: 0.25 },
      { period: "2026-10-31", planned: 1, actual: 0.5 },
    ]);
    expect(chart.planned).toBe(`M${chart.frame.left},${chart.y(0.5)}L${chart.frame.right},${chart.frame.top}`);
    expect(chart.y(0)).toBe(chart.frame.bottom);
  });

  it("splits a practice's bar into the stages present, in stage order", () => {
    expect(spreadSegments([{ stage: "ADOPTED", count: 1 }, { stage: "NOT_STARTED", count: 3 }])).toEqual([
      { stage: "NOT_STARTED", count: 3, start: 0, width: 0.75 },
      { stage: "ADOPTED", count: 1, start: 0.75, width: 0.25 },
    ]);
    expect(spreadSegments([])).toEqual([]);
  });
});
