// Unit test of the one formula-escaping rule every export uses (OWASP CSV injection).
import { describe, expect, it } from "vitest";
import { escapeFormula, readCsv, writeCsv } from "./spreadsheets";

describe("escapeFormula", () => {
  it("prefixes text that starts with = + - @, a tab or a carriage return, also over several lines", () => {
    for (const text of ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "=1\n+2"]) {
      expect(escapeFormula(text), JSON.stringify(text)).toBe(`'${text}`);
    }
  });

  it("leaves other text, numbers (negative too), dates and empty cells as they are", () => {
    for (const cell of ["Nav Lillestrøm", "a=1", " =1", "", -0.6, 0, 12, null]) expect(escapeFormula(cell)).toBe(cell);
    const day = new Date("2026-01-01T00:00:00Z");
    expect(escapeFormula(day)).toBe(day);
  });
});

describe("writeCsv", () => {
  it("writes escaped cells quoted and numbers bare, and reads back as the escaped text", () => {
    const csv = writeCsv(["Navn", "Endring"], [["=2+5\n+3", -1], ["Vanlig", 0.5]]);
    const text = csv.toString("utf8");
    expect(text).toContain(`"'=2+5\n+3",-1`);
    expect(text).toContain("Vanlig,0.5");
    expect(readCsv(csv).map((row) => row.cells)).toEqual([
      ["Navn", "Endring"],
      ["'=2+5\n+3", "-1"],
      ["Vanlig", "0.5"],
    ]);
  });
});
