import { afterEach, describe, expect, it, vi } from "vitest";
import { LOCALE_STORAGE_KEY, formatDate, formatNumber, formatPercent, getLocale, isLocale, roleName, setLocale, t, tPlural } from ".";

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

  it("chooses singular or plural by the language's plural rules: 1 dag, 2 dager (issue 14)", () => {
    expect(tPlural("office.services.deadlineDays", 1)).toBe("1 dag");
    expect(tPlural("office.services.deadlineDays", 0)).toBe("0 dager");
    expect(tPlural("office.services.deadlineDays", 21)).toBe("21 dager");
    setLocale("en", { remember: false });
    expect(tPlural("office.services.deadlineDays", 1)).toBe("1 day");
    expect(tPlural("office.services.deadlineDays", 2)).toBe("2 days");
    setLocale("nb", { remember: false });
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

describe("language switch", () => {
  afterEach(() => {
    setLocale("nb", { remember: false });
    vi.unstubAllGlobals();
  });

  it("has an English text for every key, none empty, and all placeholders kept", async () => {
    const { nb } = await import("./nb");
    const { en } = await import("./en");
    expect(Object.keys(en).sort()).toEqual(Object.keys(nb).sort());
    for (const [key, text] of Object.entries(nb)) {
      const english = en[key as keyof typeof en];
      expect(english.trim(), key).not.toBe("");
      const placeholders = (value: string) => (value.match(/\{\w+\}/g) ?? []).sort();
      expect(placeholders(english), key).toEqual(placeholders(text));
    }
  });

  it("switches texts and formats, tells and remembers the choice", () => {
    const stored = new Map<string, string>();
    vi.stubGlobal("localStorage", {
      getItem: (key: string) => stored.get(key) ?? null,
      setItem: (key: string, value: string) => stored.set(key, value),
    });
    expect(getLocale()).toBe("nb");
    setLocale("en");
    expect(getLocale()).toBe("en");
    expect(stored.get(LOCALE_STORAGE_KEY)).toBe("en");
    expect(t("nav.offices")).toBe("Offices");
    expect(roleName("viewer")).toBe("Reader");
    expect(formatDate("2020-01-01")).toBe("1 January 2020");
    expect(formatNumber(21600)).toBe("21,600");
    setLocale("nb");
    expect(stored.get(LOCALE_STORAGE_KEY)).toBe("nb");
    expect(t("nav.offices")).toBe("Kontorer");
  });

  it("only accepts the two languages", () => {
    expect(["nb", "en", "nn", "", null].map(isLocale)).toEqual([true, true, false, false, false]);
  });
});
