import { describe, expect, it } from "vitest";
import { LABEL_MIN_PX, labelScale, zoomToFit } from "./GraphCanvas";
import { estimatedLabelWidth } from "./layout-core";

describe("graph readability (issue 14)", () => {
  it("enlarges office and team names when zoomed out, up to a limit, never shrinks them", () => {
    expect(labelScale(14, 1, 4)).toBe(1);
    expect(labelScale(14, 0.25, 4) * 14 * 0.25).toBeCloseTo(LABEL_MIN_PX);
    expect(labelScale(11, 0.05, 5)).toBe(5);
  });

  it("zooms to fit an element with padding", () => {
    expect(zoomToFit({ w: 1000, h: 200 }, { width: 580, height: 600 }, 40)).toBeCloseTo(0.5);
    expect(zoomToFit({ w: 100, h: 1040 }, { width: 800, height: 600 }, 40)).toBeCloseTo(0.5);
  });

  it("estimates a person's label width from its longest line, wrapped at 140 px", () => {
    expect(estimatedLabelWidth("Kari Nordmann\nVeileder")).toBeGreaterThan(13 * 5);
    expect(estimatedLabelWidth("Ei svært lang rolle som ikke får plass på én linje")).toBe(140);
    expect(estimatedLabelWidth("")).toBe(0);
  });
});
