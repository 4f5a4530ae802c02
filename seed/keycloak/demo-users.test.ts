import { describe, expect, it } from "vitest";
import { loadDemoUsers } from "./demo-users";

describe("loadDemoUsers", () => {
  it("reads the demo users with their fixed ids from the realm export", () => {
    const users = loadDemoUsers();
    expect(users.map((user) => [user.username, user.id, user.roles])).toEqual([
      ["planner", "5a1f0c2e-0001-4000-8000-000000000001", ["planner"]],
      ["planner2", "5a1f0c2e-0006-4000-8000-000000000006", ["planner"]],
      ["leader", "5a1f0c2e-0002-4000-8000-000000000002", ["office-leader"]],
      ["leader2", "5a1f0c2e-0007-4000-8000-000000000007", ["office-leader"]],
      ["hr", "5a1f0c2e-0003-4000-8000-000000000003", ["hr"]],
      ["viewer", "5a1f0c2e-0004-4000-8000-000000000004", ["viewer"]],
      ["admin", "5a1f0c2e-0005-4000-8000-000000000005", ["admin"]],
    ]);
    expect(users.find((user) => user.username === "hr")).toEqual({
      id: "5a1f0c2e-0003-4000-8000-000000000003",
      username: "hr",
      name: "Hanne HR",
      email: "hr@samla.example",
      password: "samla-hr",
      roles: ["hr"],
    });
  });
});
