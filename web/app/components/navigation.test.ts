import { describe, expect, it } from "vitest";
import { NAV_ITEMS, navItemsFor, type NavItem } from "./navigation";

describe("navItemsFor", () => {
  const items: NavItem[] = [
    { to: "/", labelKey: "nav.overview", roles: ["viewer", "planner", "hr", "admin"] },
    { to: "/sammenslaainger", labelKey: "nav.mergers", roles: ["planner", "admin"] },
    { to: "/kontorer", labelKey: "nav.offices", roles: ["admin"] },
  ];

  it("keeps the items one of the user's roles may use, in order", () => {
    expect(navItemsFor(["viewer"], items).map((item) => item.to)).toEqual(["/"]);
    expect(navItemsFor(["planner"], items).map((item) => item.to)).toEqual(["/", "/sammenslaainger"]);
    expect(navItemsFor(["hr", "admin"], items).map((item) => item.to)).toEqual(["/", "/sammenslaainger", "/kontorer"]);
  });

  it("shows nothing to a user without a Samla role", () => {
    expect(navItemsFor([], items)).toEqual([]);
    expect(navItemsFor(["offline_access"], items)).toEqual([]);
  });

  it("gives every Samla role the screens that only read", () => {
    for (const role of ["viewer", "planner", "office-leader", "hr", "admin"]) {
      expect(navItemsFor([role]).map((item) => item.to)).toEqual(
        expect.arrayContaining(["/", "/organisasjon", "/kontorer", "/sammenslaainger"]),
      );
    }
    expect(NAV_ITEMS.every((item) => item.roles.length > 0)).toBe(true);
  });
});
