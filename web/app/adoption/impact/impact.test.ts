import { describe, expect, it } from "vitest";
import { diamondPath, domainWithZero, eventTimeLayout, eventTimePath, forestLayout } from "./charts";
import { parseImpactChoice, resolveImpactChoice, writeImpactChoice } from "./url-state";

describe("impact choice in the URL", () => {
  it("reads codes and a window of 3-12 months, else the defaults", () => {
    expect(parseImpactChoice(new URLSearchParams("praksis=TAVLEMOTE&kpi=RESTANSER&vindu=9"))).toEqual({
      practiceCode: "TAVLEMOTE",
      kpiCode: "RESTANSER",
      windowMonths: 9,
    });
    expect(parseImpactChoice(new URLSearchParams("vindu=13"))).toEqual({ practiceCode: null, kpiCode: null, windowMonths: 6 });
    expect(parseImpactChoice(new URLSearchParams("vindu=2")).windowMonths).toBe(6);
    expect(parseImpactChoice(new URLSearchParams("vindu=abc")).windowMonths).toBe(6);
  });

  it("keeps the page's other parameters and leaves the default window out", () => {
    const next = writeImpactChoice(new URLSearchParams("bolge=1&vindu=9"), { practiceCode: "VERDISTROM", kpiCode: "SAKSBEHANDLINGSTID", windowMonths: 6 });
    expect(next.toString()).toBe("bolge=1&praksis=VERDISTROM&kpi=SAKSBEHANDLINGSTID");
  });

  it("falls back to value stream mapping (else the first practice) and saksbehandlingstid", () => {
    const practices = [
      { id: "p1", code: "BRUKERINTERVJU" },
      { id: "p2", code: "TAVLEMOTE" },
      { id: "p3", code: "VERDISTROM" },
    ];
    const kpis = [
      { id: "k1", code: "ANDEL_INNEN_FRIST" },
      { id: "k2", code: "SAKSBEHANDLINGSTID" },
    ];
    expect(resolveImpactChoice({ practiceCode: "GONE", kpiCode: null, windowMonths: 6 }, practices, kpis)).toEqual({
      practice: practices[2],
      kpi: kpis[1],
    });
    expect(resolveImpactChoice({ practiceCode: null, kpiCode: "GONE", windowMonths: 6 }, practices.slice(0, 2), kpis.slice(0, 1))).toEqual({
      practice: practices[0],
      kpi: kpis[0],
    });
    expect(resolveImpactChoice({ practiceCode: "TAVLEMOTE", kpiCode: "ANDEL_INNEN_FRIST", windowMonths: 6 }, practices, kpis)).toEqual({
      practice: practices[1],
      kpi: kpis[0],
    });
    expect(resolveImpactChoice({ practiceCode: null, kpiCode: null, windowMonths: 6 }, [], [kpis[0]!])).toEqual({ practice: null, kpi: kpis[0] });
  });
});

describe("impact charts", () => {
  it("always shows zero on the difference axis", () => {
    expect(domainWithZero([-3, -1])[1]).toBe(0);
    expect(domainWithZero([2, 5])[0]).toBe(0);
    const [low, high] = domainWithZero([-2, 4]);
    expect(low).toBeLessThan(-2);
    expect(high).toBeGreaterThan(4);
    expect(domainWithZero([])).toEqual([0, 0]);
  });

  it("puts offices in rows by difference, the estimate below them, zero inside the plot", () => {
    const layout = forestLayout(
      [
        { id: "a", name: "Nav A", difference: 1 },
        { id: "b", name: "Nav B", difference: -3 },
        { id: "c", name: "Nav C", difference: -1 },
      ],
      { value: -1, low: -4.2, high: 2.2 },
    );
    expect(layout.rows.map((row) => row.name)).toEqual(["Nav B", "Nav C", "Nav A"]);
    expect(layout.estimateY).toBeGreaterThan(layout.rows[2]!.y);
    expect(layout.x(0)).toBeGreaterThan(layout.inner.left);
    expect(layout.x(-4.2)).toBeGreaterThanOrEqual(layout.inner.left);
    expect(layout.x(2.2)).toBeLessThanOrEqual(layout.inner.right);
    expect(diamondPath(10, 20, 5, 6)).toBe("M5,20L10,14L15,20L10,26Z");
  });

  it("spans the event-time axis over the window and breaks lines at missing months", () => {
    const points = [
      { relativeMonth: -2, treatedMean: 10, controlMean: 11 },
      { relativeMonth: -1, treatedMean: null, controlMean: 11 },
      { relativeMonth: 0, treatedMean: 8, controlMean: 10.5 },
      { relativeMonth: 1, treatedMean: 7, controlMean: null },
    ];
    const layout = eventTimeLayout(points, 2);
    expect(layout.x(-2)).toBe(layout.inner.left);
    expect(layout.x(1)).toBe(layout.inner.right);
    expect(layout.xTicks).toEqual([-2, -1, 0, 1]);
    // Two pieces: month -2 alone, then months 0 and 1.
    expect(eventTimePath(points, "treatedMean", layout).match(/M/g)).toHaveLength(2);
    expect(eventTimePath(points, "controlMean", layout).match(/M/g)).toHaveLength(1);
    expect(eventTimeLayout(points, 12).xTicks).toEqual([-12, -10, -8, -6, -4, -2, 0, 2, 4, 6, 8, 10]);
  });
});
