import { describe, expect, it } from "vitest";
import { filterGraph, toElements, type GraphNode, type OrgGraphData } from "../../graph/model";
import { actionRows, matchesFilter, type ScenarioDesign } from "./ActionsTable";
import { formatDifference, formatValue } from "./format";
import { outcomeOf, sortChecks, thresholdText, type HealthCheck } from "./HealthChecksView";
import { toValues, validateThresholds } from "./thresholds";
import { compareUrl, printUrl } from "./urls";

describe("formatDifference", () => {
  it("signs differences with plus and a real minus, and rounds away noise", () => {
    expect(formatDifference(3, 0)).toBe("+3");
    expect(formatDifference(-1.5, 2)).toBe("−1,5");
    expect(formatDifference(0.0000001)).toBe("0");
    expect(formatDifference(-0.004, 2)).toBe("0");
  });

  it("formats values as numbers when they are numeric", () => {
    expect(formatValue(12)).toBe("12");
    expect(formatValue("1.25")).toBe("1,25");
    expect(formatValue(null)).toBe("");
    expect(formatValue("Marked")).toBe("Marked");
  });
});

const check = (code: HealthCheck["code"], passed: boolean, severity: HealthCheck["severity"]): HealthCheck => ({
  code,
  passed,
  severity,
  message: "",
  threshold: null,
  elements: [],
});

describe("health checks", () => {
  it("puts failing errors first, then warnings, then passed, keeping the API's order within", () => {
    const sorted = sortChecks([
      check("SPAN_TOO_WIDE", true, "WARNING"),
      check("SPAN_TOO_NARROW", false, "WARNING"),
      check("TEAM_TOO_SMALL", false, "WARNING"),
      check("SERVICE_WITHOUT_TEAM", false, "ERROR"),
      check("LEADER_MISSING", true, "ERROR"),
    ]);
    expect(sorted.map((c) => c.code)).toEqual([
      "SERVICE_WITHOUT_TEAM",
      "SPAN_TOO_NARROW",
      "TEAM_TOO_SMALL",
      "SPAN_TOO_WIDE",
      "LEADER_MISSING",
    ]);
    expect(outcomeOf(sorted[0]!)).toBe("error");
    expect(outcomeOf(sorted[4]!)).toBe("ok");
  });

  it("reads the threshold in the check's own terms, FTE as a percentage", () => {
    expect(thresholdText({ code: "TEAM_TOO_SMALL", threshold: 3 })).toBe("Terskel: minst 3 personer per team");
    expect(thresholdText({ code: "FTE_OVER_LIMIT", threshold: 1 })?.replace(/\s/g, " ")).toBe(
      "Terskel: høyst 100 % stilling per person",
    );
    expect(thresholdText({ code: "LEADER_MISSING", threshold: null })).toBeNull();
  });
});

describe("thresholds form", () => {
  const settings = {
    maxSpan: 12,
    minSpan: 2,
    maxLayers: 5,
    minTeamSize: 3,
    maxFte: 1,
    version: 4,
  };

  it("shows the FTE limit as a percentage and sends it as a fraction", () => {
    const values = toValues(settings);
    expect(values.maxFte).toBe("100");
    expect(validateThresholds({ ...values, maxFte: "120" }).input).toEqual({
      maxSpan: 12,
      minSpan: 2,
      maxLayers: 5,
      minTeamSize: 3,
      maxFte: 1.2,
    });
  });

  it("names the field of each mistake", () => {
    const { errors, input } = validateThresholds({ ...toValues(settings), maxSpan: "tolv", minTeamSize: "0", maxFte: "0" });
    expect(input).toBeNull();
    expect(Object.keys(errors).sort()).toEqual(["terskel-fte", "terskel-maks-spenn"]);
    const crossed = validateThresholds({ ...toValues(settings), minSpan: "13" });
    expect(crossed.errors).toEqual({ "terskel-min-spenn": expect.stringContaining("Minste kontrollspenn") });
  });
});

describe("actions", () => {
  const position = (id: string, action: "NEW" | "CHANGED" | "CLOSED" | "UNCHANGED", person: string | null) => ({
    id,
    action,
    effectiveDate: null,
    wave: action === "NEW" ? 2 : null,
    fte: 1,
    isVacant: person === null,
    role: { id: "r", name: "Veileder" },
    person: person ? { id: person, name: person } : null,
    reportsTo: null,
  });
  const design = {
    teams: [
      {
        id: "t1",
        name: "Marked",
        purpose: null,
        action: "CHANGED" as const,
        effectiveDate: null,
        wave: null,
        office: { id: "o", name: "Nav Lillestrøm" },
        parent: null,
        sourceTeam: { id: "s", name: "Marked (Skedsmo)" },
        services: [],
        positions: [position("p1", "UNCHANGED", "Kari"), position("p2", "NEW", null), position("p3", "CLOSED", "Ola")],
      },
    ],
  } satisfies Pick<ScenarioDesign, "teams">;

  it("lists teams and their positions with their actions, and filters by action", () => {
    const rows = actionRows(design);
    expect(rows.map((row) => [row.kind, row.name, row.action])).toEqual([
      ["TEAM", "Marked", "CHANGED"],
      ["POSITION", "Veileder – Kari", "UNCHANGED"],
      ["POSITION", "Veileder – Ledig", "NEW"],
      ["POSITION", "Veileder – Ola", "CLOSED"],
    ]);
    expect(rows[0]!.detail).toBe("het Marked (Skedsmo)");
    expect(rows.filter((row) => matchesFilter(row, "CHANGES")).map((row) => row.id)).toEqual(["t1", "p2", "p3"]);
    expect(rows.filter((row) => matchesFilter(row, "CLOSED")).map((row) => row.id)).toEqual(["p3"]);
    expect(rows.filter((row) => matchesFilter(row, "ALL"))).toHaveLength(4);
  });
});

describe("the change graph", () => {
  const base = {
    parent: null, officeId: null, code: null, status: null, isPilot: null, isSpearhead: null, employer: null,
    roleName: null, roleCategory: null, fte: null, provider: null, collapsed: null, teamCount: null, personCount: null,
  } satisfies Omit<GraphNode, "id" | "type" | "label">;
  const graph = {
    asOf: "2020-01-01",
    nodes: [
      { ...base, id: "o", type: "OFFICE", label: "Nav Lillestrøm", change: "NEW" },
      { ...base, id: "t", type: "TEAM", label: "Marked", parent: "o", change: "MOVED" },
      { ...base, id: "p1", type: "PERSON", label: "Kari", parent: "t", employer: "STATE", change: "CLOSED" },
      { ...base, id: "p2", type: "PERSON", label: "Ola", parent: "t", employer: "STATE", change: "UNCHANGED" },
    ],
    edges: [],
  } satisfies OrgGraphData & { nodes: { change: string }[] };

  it("gives changed nodes a class and a mark in the label, and leaves unchanged ones alone", () => {
    const elements = toElements(filterGraph(graph, { employer: null, roleCategory: null, serviceId: null, teamId: null, collapsedIds: [] }), () => "");
    const byId = new Map(elements.map((element) => [element.data.id, element]));
    expect(byId.get("t")?.classes).toContain("change-moved");
    expect(byId.get("t")?.data.label).toBe("→ Marked");
    expect(byId.get("p1")?.classes).toContain("change-closed");
    expect(byId.get("p1")?.data.label).toBe("× Kari");
    expect(byId.get("p2")?.classes).not.toEqual(expect.arrayContaining([expect.stringMatching(/^change-/)]));
    expect(byId.get("p2")?.data.label).toBe("Ola");
  });
});

describe("links", () => {
  it("builds shareable compare and print links", () => {
    expect(compareUrl("U2NlbmFyaW86MQ==")).toBe("/scenarier/U2NlbmFyaW86MQ%3D%3D/sammenlign");
    expect(compareUrl("a", "b/c")).toBe("/scenarier/a/sammenlign?med=b%2Fc");
    expect(printUrl("a")).toBe("/scenarier/a/utskrift");
  });
});
