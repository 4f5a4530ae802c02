import { describe, expect, it } from "vitest";
import { decimalForInput, decimalPlaces, monthName, monthOf, parseDecimal, periodOf, yearsBetween } from "./format";

describe("parseDecimal", () => {
  it("reads numbers as people type them in Norwegian and English", () => {
    expect(parseDecimal("12,5")).toBe(12.5);
    expect(parseDecimal(" 12.5 ")).toBe(12.5);
    expect(parseDecimal("1 234")).toBe(1234);
    expect(parseDecimal("1\u00a0234,75")).toBe(1234.75);
    expect(parseDecimal("-3")).toBe(-3);
    expect(parseDecimal("0")).toBe(0);
  });

  it("refuses what is not a number", () => {
    for (const text of ["", " ", "abc", "12,5,1", "1e3", "12,", ",5", "--1"]) expect(parseDecimal(text), text).toBeNull();
  });
});

describe("decimals", () => {
  it("counts the decimals as typed, trailing zeros included", () => {
    expect(decimalPlaces("12")).toBe(0);
    expect(decimalPlaces("12,50")).toBe(2);
    expect(decimalPlaces("0.125")).toBe(3);
  });

  it("writes a number back the way the field takes it (comma in bokmål, no float noise)", () => {
    expect(decimalForInput(12.5)).toBe("12,5");
    expect(decimalForInput(0.1 + 0.2)).toBe("0,3");
    expect(decimalForInput(40)).toBe("40");
  });
});

describe("months", () => {
  it("turns dates and year/month into periods (the first of the month)", () => {
    expect(monthOf("2026-11-23")).toBe("2026-11-01");
    expect(periodOf(2023, 5)).toBe("2023-05-01");
  });

  it("names a month in Norwegian", () => {
    expect([1, 5, 12].map(monthName)).toEqual(["januar", "mai", "desember"]);
  });

  it("lists the years of a span, newest first", () => {
    expect(yearsBetween("2020-01-01", "2022-11-01")).toEqual([2022, 2021, 2020]);
    expect(yearsBetween("2026-03-01", "2026-11-01")).toEqual([2026]);
  });
});
