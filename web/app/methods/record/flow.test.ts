import { describe, expect, it } from "vitest";
import { checkSteps, draftsFrom, emptyStep, flowTotals } from "./flow";

describe("flowTotals", () => {
  it("sums working and waiting time into the lead time, with the waiting share and hand-offs", () => {
    const totals = flowTotals([
      { durationDays: 1, waitingDays: 2, handOffs: 1 },
      { durationDays: 0.5, waitingDays: 4.5, handOffs: 2 },
    ]);
    expect(totals).toEqual({ leadTimeDays: 8, waitingDays: 6.5, waitingShare: 6.5 / 8, handOffs: 3 });
  });

  it("gives an empty flow no waiting share instead of dividing by zero", () => {
    expect(flowTotals([])).toEqual({ leadTimeDays: 0, waitingDays: 0, waitingShare: 0, handOffs: 0 });
  });
});

describe("step drafts", () => {
  it("starts a new recording from the current flow, with numbers as the fields show them", () => {
    const [draft] = draftsFrom([
      { stageKey: "MOTTAK", name: "Mottak", durationDays: 0.5, waitingDays: 2, handOffs: 1, responsibleRole: { id: "R1" } },
    ]);
    expect(draft).toMatchObject({
      stageKey: "MOTTAK",
      name: "Mottak",
      responsibleRoleId: "R1",
      durationDays: "0,5",
      waitingDays: "2",
      handOffs: "1",
    });
  });

  it("checks each row as the API would and reports the field of each problem", () => {
    const ok = { ...emptyStep("MOTTAK"), name: " Mottak ", durationDays: "0,5", waitingDays: "2", handOffs: "1" };
    const bad = { ...emptyStep("VEDTAK"), name: "", durationDays: "x", waitingDays: "1,255", handOffs: "1,5" };
    const { steps, errors } = checkSteps([ok, bad]);
    expect(steps[0]).toEqual({
      stageKey: "MOTTAK",
      name: "Mottak",
      responsibleRoleId: null,
      durationDays: 0.5,
      waitingDays: 2,
      handOffs: 1,
    });
    expect(errors).toEqual([
      { index: 1, field: "name", problem: "required" },
      { index: 1, field: "durationDays", problem: "number" },
      { index: 1, field: "waitingDays", problem: "decimals" },
      { index: 1, field: "handOffs", problem: "whole" },
    ]);
  });

  it("refuses negative days and hand-offs", () => {
    const row = { ...emptyStep("MOTTAK"), name: "Mottak", durationDays: "-1", waitingDays: "0", handOffs: "-2" };
    expect(checkSteps([row]).errors).toEqual([
      { index: 0, field: "durationDays", problem: "negative" },
      { index: 0, field: "handOffs", problem: "negative" },
    ]);
  });
});
