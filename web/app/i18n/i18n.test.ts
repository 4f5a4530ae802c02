import { describe, expect, it } from "vitest";
import { formatDate, formatPercent, roleName, t } from ".";

describe("i18n", () => {
  it("fills placeholders and leaves unknown ones as they are", () => {
    expect(t("offices.count", { shown: 25, total: 250 })).toBe("Viser 25 av 250 kontorer");
    expect(t("app.signedInAs", {})).toBe("Innlogget som {name}");
  });

  it("names Samla's roles in Norwegian and shows unknown roles unchanged", () => {
    expect(["planner", "office-leader", "hr", "viewer", "admin"].map(roleName)).toEqual([
      "Planlegger",
      "Kontorleder",
      "HR",
      "Leser",
      "Administrator",
    ]);
    expect(roleName("offline_access")).toBe("offline_access");
  });

  it("formats FTE as a whole percentage", () => {
    expect(formatPercent(0.5).replace(/\s/g, " ")).toBe("50 %");
    expect(formatPercent(1).replace(/\s/g, " ")).toBe("100 %");
  });

  it("formats dates in Norwegian without shifting the day", () => {
    expect(formatDate("2020-01-01")).toBe("1. januar 2020");
    expect(formatDate("2020-01-01T00:00:00.000Z")).toBe("1. januar 2020");
  });
});
