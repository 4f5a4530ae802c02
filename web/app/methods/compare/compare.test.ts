import { afterEach, describe, expect, it } from "vitest";
import { setLocale } from "../../i18n";
import { formatDecimal, formatKpiValue, formatMonth, formatShare, formatSigned } from "./format";
import {
  contrastRatio,
  kpiChartScales,
  levelChange,
  markerPath,
  maturityColours,
  MATURITY_LEVELS,
  officeColours,
  seriesPath,
  valueDomain,
} from "./scales";
import {
  addMonths,
  compareSearch,
  compareStateToParams,
  comparisonKey,
  comparisonVariables,
  monthEnd,
  monthsBetween,
  parseCompareState,
  selectionProblems,
  type CompareState,
} from "./url-state";

const drammen = "T2ZmaWNlOnNlZWQtb2ZmaWNlLTMwMDU=";
const lillestrom = "T2ZmaWNlOnNlZWQtb2ZmaWNlLTMwMzA=";
const practice = "UHJhY3RpY2U6c2VlZC1wcmFjdGljZS1WRVJESVNUUk9N";

describe("comparison state in the URL", () => {
  it("reads offices in order without repeats, months, service and the open cell", () => {
    const params = new URLSearchParams();
    params.append("kontor", drammen);
    params.append("kontor", lillestrom);
    params.append("kontor", drammen);
    params.set("fra", "2025-12");
    params.set("til", "2026-11");
    params.set("tjeneste", "U2VydmljZTpPS1NPUw==");
    params.set("celle", `${lillestrom}.${practice}`);
    expect(parseCompareState(params)).toEqual({
      officeIds: [drammen, lillestrom],
      fromMonth: "2025-12",
      toMonth: "2026-11",
      serviceId: "U2VydmljZTpPS1NPUw==",
      cell: { officeId: lillestrom, practiceId: practice },
    });
  });

  it("falls back to the defaults for what is missing or malformed", () => {
    expect(parseCompareState(new URLSearchParams("fra=2025-13&til=26-11&tjeneste=%20&celle=only-one&kontor="))).toEqual({
      officeIds: [],
      fromMonth: null,
      toMonth: null,
      serviceId: null,
      cell: null,
    });
    expect(parseCompareState(new URLSearchParams("celle=a.b.c")).cell).toBeNull();
  });

  it("round-trips through the URL, base64 ids and all, and leaves out what is not set", () => {
    const state: CompareState = {
      officeIds: [lillestrom, drammen],
      fromMonth: "2024-11",
      toMonth: "2025-10",
      serviceId: "U2VydmljZTpzZWVkLXNlcnZpY2UtT0tTT1M+Lw==",
      cell: { officeId: drammen, practiceId: practice },
    };
    expect(parseCompareState(new URLSearchParams(compareSearch(state)))).toEqual(state);
    expect(compareStateToParams({ officeIds: [], fromMonth: null, toMonth: null, serviceId: null, cell: null }).toString()).toBe("");
  });

  it("asks the API for whole months, ending today while the last month runs", () => {
    const state = parseCompareState(new URLSearchParams(`kontor=${drammen}&kontor=${lillestrom}&fra=2025-12&til=2026-11`));
    expect(comparisonVariables(state, "2026-11-23")).toEqual({ officeIds: [drammen, lillestrom], from: "2025-12-01", to: "2026-11-23" });
    expect(comparisonVariables(state, "2027-01-05").to).toBe("2026-11-30");
    expect(comparisonVariables(parseCompareState(new URLSearchParams("")), "2026-11-23")).toEqual({ officeIds: null, from: null, to: null });
  });

  it("keys the main query on offices and period only", () => {
    const base = parseCompareState(new URLSearchParams(`kontor=${drammen}&kontor=${lillestrom}`));
    const withCell = { ...base, serviceId: "x", cell: { officeId: drammen, practiceId: practice } };
    expect(comparisonKey(comparisonVariables(withCell, "2026-11-23"))).toBe(comparisonKey(comparisonVariables(base, "2026-11-23")));
    expect(comparisonKey(comparisonVariables({ ...base, fromMonth: "2026-01" }, "2026-11-23"))).not.toBe(
      comparisonKey(comparisonVariables(base, "2026-11-23")),
    );
  });

  it("knows month ends and month arithmetic across years and leap years", () => {
    expect(monthEnd("2024-02")).toBe("2024-02-29");
    expect(monthEnd("2026-02")).toBe("2026-02-28");
    expect(monthEnd("2026-12")).toBe("2026-12-31");
    expect(addMonths("2026-01", -1)).toBe("2025-12");
    expect(addMonths("2025-11", 14)).toBe("2027-01");
    expect(monthsBetween("2025-11", "2026-02")).toEqual(["2026-02", "2026-01", "2025-12", "2025-11"]);
  });

  it("names what makes a selection impossible to compare", () => {
    expect(selectionProblems({ officeIds: [drammen], fromMonth: "2026-05", toMonth: "2026-01" })).toEqual(["tooFewOffices", "fromAfterTo"]);
    expect(selectionProblems({ officeIds: ["a", "b", "c", "d", "e", "f", "g"], fromMonth: null, toMonth: null })).toEqual(["tooManyOffices"]);
    expect(selectionProblems({ officeIds: [drammen, lillestrom], fromMonth: "2026-01", toMonth: "2026-01" })).toEqual([]);
  });
});

describe("heatmap and office colours", () => {
  it("keeps every level's text readable on its colour (4.5:1) and the levels in order", () => {
    const colours = [null, ...MATURITY_LEVELS].map(maturityColours);
    for (const { background, text } of colours) expect(contrastRatio(background, text)).toBeGreaterThanOrEqual(4.5);
    // Darker with each level: the scale reads as "further along".
    const backgrounds = MATURITY_LEVELS.map((level) => contrastRatio(maturityColours(level).background, "#ffffff"));
    expect([...backgrounds].sort((a, b) => a - b)).toEqual(backgrounds);
    expect(maturityColours(7)).toEqual(maturityColours(4));
  });

  it("gives each of six offices a colour visible on white (3:1) and its own marker", () => {
    for (const colour of officeColours()) expect(contrastRatio(colour, "#ffffff")).toBeGreaterThanOrEqual(3);
    const markers = [0, 1, 2, 3, 4, 5].map((index) => markerPath(index));
    expect(new Set(markers).size).toBe(6);
    expect(new Set(officeColours()).size).toBe(6);
  });

  it("computes contrast as WCAG defines it", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
  });

  it("tells the change since the period began", () => {
    expect(levelChange(3, 1)).toBe(2);
    expect(levelChange(1, 2)).toBe(-1);
    expect(levelChange(2, null)).toBeNull();
    expect(levelChange(null, 2)).toBeNull();
  });
});

describe("KPI chart scales", () => {
  const months = ["2026-01-01", "2026-02-01", "2026-03-01", "2026-04-01"];

  it("includes the target in the value domain and pads it, not below zero for positive values", () => {
    expect(valueDomain([10, 20], 30)).toEqual([8, 32]);
    expect(valueDomain([0.5, 1], null)).toEqual([0.45, 1.05]);
    expect(valueDomain([2, 4], null)[0]).toBeCloseTo(1.8);
    expect(valueDomain([1, 3], 0)).toEqual([0, 3.3]);
    expect(valueDomain([], null)).toEqual([0, 1]);
    expect(valueDomain([5, 5], null)).toEqual([4, 6]);
  });

  it("places months left to right and higher values higher, with round ticks", () => {
    const scales = kpiChartScales(months, [12, 18, 15], 14);
    expect(scales.x("2026-01-01")).toBeLessThan(scales.x("2026-04-01"));
    expect(scales.x("2026-01-01")).toBeGreaterThanOrEqual(scales.inner.left);
    expect(scales.x("2026-04-01")).toBeLessThanOrEqual(scales.inner.right);
    expect(scales.y(18)).toBeLessThan(scales.y(12));
    expect(scales.yTicks.every((tick) => Number.isInteger(tick))).toBe(true);
    expect(scales.xTicks).toContain("2026-04-01");
  });

  it("labels at most about six months and always the newest", () => {
    const year = Array.from({ length: 24 }, (_, index) => `${2025 + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}-01`);
    const ticks = kpiChartScales(year, [1], null).xTicks;
    expect(ticks.length).toBeLessThanOrEqual(6);
    expect(ticks.at(-1)).toBe("2026-12-01");
  });

  it("breaks an office's line where a month has no value", () => {
    const scales = kpiChartScales(months, [1, 2, 4], null);
    const path = seriesPath(months, [
      { period: "2026-01-01", value: 1 },
      { period: "2026-02-01", value: 2 },
      { period: "2026-04-01", value: 4 },
      { period: "2027-01-01", value: 9 },
    ], scales);
    // Two segments: M…L… for January-February, then a lone M for April.
    expect(path.match(/M/g)).toHaveLength(2);
    expect(path.match(/L/g)).toHaveLength(1);
    expect(seriesPath(months, [], scales)).toBe("");
  });
});

describe("comparison formats", () => {
  afterEach(() => setLocale("nb", { remember: false }));

  it("writes numbers, shares, months and KPI values the Norwegian way", () => {
    expect(formatDecimal(11.5)).toBe("11,5");
    expect(formatDecimal(7)).toBe("7");
    expect(formatSigned(7)).toBe("+7");
    expect(formatSigned(-1.25)).toBe("−1,3");
    expect(formatShare(0.423).replace(/\s/g, " ")).toBe("42 %");
    expect(formatMonth("2026-11-01")).toBe("nov. 2026");
    expect(formatMonth("2026-11", "long")).toBe("november 2026");
    expect(formatKpiValue(12.54, "dager")).toBe("12,5\u00a0dager");
    expect(formatKpiValue(87, "%")).toBe("87\u00a0%");
    expect(formatKpiValue(3.9, "1-5")).toBe("3,9");
  });

  it("follows the chosen language", () => {
    setLocale("en", { remember: false });
    expect(formatDecimal(11.5)).toBe("11.5");
    expect(formatMonth("2026-11-01")).toBe("Nov 2026");
  });
});
