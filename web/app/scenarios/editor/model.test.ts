import { describe, expect, it } from "vitest";
import {
  fillDoneMessage,
  mayEditScenarios,
  nextMergerStatuses,
  outcomeOf,
  parseWave,
  positionLabel,
  teamAndDescendants,
  teamChoices,
  teamPaths,
  type TeamLike,
} from "./model";

const teams: TeamLike[] = [
  { id: "dept", name: "Avdeling for oppfølging", action: "UNCHANGED" },
  { id: "aap", name: "Team AAP", action: "UNCHANGED", parent: { id: "dept" } },
  { id: "young", name: "Ungdomsteam", action: "NEW", parent: { id: "aap" } },
  { id: "market", name: "Markedsteam", action: "CHANGED" },
  { id: "closed", name: "Team sosiale tjenester", action: "CLOSED" },
];

describe("team choices", () => {
  it("names each team with its parents in front", () => {
    const paths = teamPaths(teams);
    expect(paths.get("young")).toBe("Avdeling for oppfølging › Team AAP › Ungdomsteam");
    expect(paths.get("market")).toBe("Markedsteam");
  });

  it("survives a cycle in bad data", () => {
    const cyclic: TeamLike[] = [
      { id: "a", name: "A", action: "NEW", parent: { id: "b" } },
      { id: "b", name: "B", action: "NEW", parent: { id: "a" } },
    ];
    expect(teamPaths(cyclic).get("a")).toBe("B › A");
  });

  it("knows the teams below a team, so it cannot move under one of them", () => {
    expect([...teamAndDescendants(teams, "dept")].sort()).toEqual(["aap", "dept", "young"]);
    expect([...teamAndDescendants(teams, "market")]).toEqual(["market"]);
  });

  it("offers open teams only, sorted by path, leaving out the excluded ones", () => {
    expect(teamChoices(teams, teamAndDescendants(teams, "aap")).map((choice) => choice.id)).toEqual(["dept", "market"]);
    expect(teamChoices(teams).map((choice) => choice.label)).not.toContain("Team sosiale tjenester");
  });
});

describe("mutation results", () => {
  it("treats a payload as success and anything else as the typed error", () => {
    expect(outcomeOf({ __typename: "MoveScenarioTeamPayload" })).toEqual({ ok: true });
    const conflict = { __typename: "ConflictError", message: "Scenarioet er endret", code: "CONFLICT" };
    expect(outcomeOf(conflict)).toEqual({ ok: false, error: conflict });
  });
});

describe("form values and rules", () => {
  it("reads a wave as empty, a whole number 1-99, or invalid", () => {
    expect(parseWave("")).toBe("");
    expect(parseWave(" 2 ")).toBe(2);
    expect(parseWave("0")).toBeNull();
    expect(parseWave("1,5")).toBeNull();
    expect(parseWave("100")).toBeNull();
  });

  it("labels a vacant position", () => {
    expect(positionLabel({ id: "p", action: "NEW", role: { name: "Veileder" }, person: null }, "Ledig")).toBe("Veileder: Ledig");
  });

  it("lets planners and admins edit, no one else", () => {
    expect(mayEditScenarios(["planner"])).toBe(true);
    expect(mayEditScenarios(["viewer", "admin"])).toBe(true);
    expect(mayEditScenarios(["viewer", "hr", "office-leader"])).toBe(false);
  });

  it("mirrors the merger lifecycle", () => {
    expect(nextMergerStatuses("PROPOSED")).toEqual(["APPROVED", "CANCELLED"]);
    expect(nextMergerStatuses("IN_PROGRESS")).toEqual(["COMPLETED", "CANCELLED"]);
    expect(nextMergerStatuses("COMPLETED")).toEqual([]);
  });
});

describe("placing a person in a position", () => {
  it("names the person without the picker's \"(uten stilling)\" and says which position is left vacant (issue 14)", () => {
    expect(fillDoneMessage({ personName: "Kari Nordmann", role: "Veileder", team: "Team AAP", previous: null })).toBe(
      "Kari Nordmann har fått stillingen Veileder i Team AAP.",
    );
    expect(
      fillDoneMessage({
        personName: "Kari Nordmann",
        role: "Veileder",
        team: "Team AAP",
        previous: { role: "Rådgiver", team: "Markedsteam" },
      }),
    ).toBe("Kari Nordmann har fått stillingen Veileder i Team AAP. Stillingen Rådgiver i Markedsteam står nå ledig.");
  });
});
