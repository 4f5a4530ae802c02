import { describe, expect, it } from "vitest";
import { userFromClaims } from "./user";

describe("userFromClaims", () => {
  it("reads name, username and Samla's realm roles from Keycloak's claims", () => {
    const user = userFromClaims({
      sub: "f3b1",
      preferred_username: "planner",
      name: "Pia Planlegger",
      email: "pia@example.no",
      realm_access: { roles: ["default-roles-samla", "planner", "offline_access", "viewer"] },
    });
    expect(user).toEqual({
      subject: "f3b1",
      username: "planner",
      name: "Pia Planlegger",
      email: "pia@example.no",
      roles: ["planner", "viewer"],
    });
  });

  it("falls back to given/family name, then to the username", () => {
    expect(userFromClaims({ sub: "1", preferred_username: "hr", given_name: "Hanne", family_name: "R" }).name).toBe(
      "Hanne R",
    );
    expect(userFromClaims({ sub: "1", preferred_username: "hr" }).name).toBe("hr");
  });

  it("has no roles when the token carries none", () => {
    expect(userFromClaims({ sub: "1", realm_access: { roles: "planner" } }).roles).toEqual([]);
    expect(userFromClaims(undefined).roles).toEqual([]);
  });
});
