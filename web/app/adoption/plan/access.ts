// Who may see and change the rollout plan (the API enforces the same): the directorate
// (planner, admin) edits, viewers read, other roles have no use for it.

export function mayEditPlan(roles: readonly string[]): boolean {
  return roles.includes("planner") || roles.includes("admin");
}

export function mayReadPlan(roles: readonly string[]): boolean {
  return mayEditPlan(roles) || roles.includes("viewer");
}

/** Which edit dialog is open; it names its wave or office rollout by id. */
export type PlanDialog =
  | { kind: "createWave" }
  | { kind: "updateWave"; waveId: string }
  | { kind: "addOffices"; waveId: string }
  | { kind: "moveOffice"; rolloutId: string }
  | { kind: "editDates"; rolloutId: string };
