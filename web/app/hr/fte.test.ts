import { describe, expect, it } from "vitest";
import { addFte, parseFtePercent } from "./fte";

describe("parseFtePercent", () => {
  it("reads whole percentages with or without a percent sign", () => {
    expect(parseFtePercent("80")).toBe(0.8);
    expect(parseFtePercent(" 20 % ")).toBe(0.2);
    expect(parseFtePercent("100")).toBe(1);
    expect(parseFtePercent("1")).toBe(0.01);
  });
  it("refuses what the API would refuse or what is not a whole percentage", () => {
    for (const text of ["0", "101", "", "abc", "50,5", "-10"]) expect(parseFtePercent(text)).toBeNull();
  });
});

describe("addFte", () => {
  it("adds exactly to two decimals", () => {
    expect(addFte(0.8, 0.2)).toBe(1);
    expect(addFte(0.1, 0.2)).toBe(0.3);
  });
});
