// Pure helpers of the scenario editor and the merger pages: what a team or position is
// called in a list, which teams a team may move under, and how a mutation result reads.
import type { SamlaRole } from "../../auth/roles";
import { t } from "../../i18n";

/** Who may propose mergers and edit or review scenarios (the API refuses everyone else). */
export const SCENARIO_EDITOR_ROLES: readonly SamlaRole[] = ["planner", "admin"];

export function mayEditScenarios(roles: readonly string[]): boolean {
  return roles.some((role) => (SCENARIO_EDITOR_ROLES as readonly string[]).includes(role));
}

export const CHANGE_ACTIONS = ["NEW", "CHANGED", "CLOSED", "UNCHANGED"] as const;
export type ChangeActionValue = (typeof CHANGE_ACTIONS)[number];

export const SCENARIO_STATUSES = ["DRAFT", "IN_REVIEW", "APPROVED", "ARCHIVED"] as const;
export type ScenarioStatusValue = (typeof SCENARIO_STATUSES)[number];

export const SCENARIO_BASES = ["AS_IS", "SCENARIO", "TEMPLATE"] as const;
export type ScenarioBaseValue = (typeof SCENARIO_BASES)[number];

/** The spearhead office whose design is the default template (DOMAIN.md). */
export const DEFAULT_TEMPLATE_OFFICE_CODE = "3030";

// --- teams and positions --------------------------------------------------------------

export interface TeamLike {
  id: string;
  name: string;
  action: string;
  parent?: { id: string } | null;
}

export interface PositionLike {
  id: string;
  action: string;
  role: { name: string };
  person?: { id: string; name: string } | null;
}

export const isOpen = (element: { action: string }): boolean => element.action !== "CLOSED";

/** Each team's name with its parents in front ("Avdeling › Team"), for choices in lists. */
export function teamPaths(teams: readonly TeamLike[]): Map<string, string> {
  const byId = new Map(teams.map((team) => [team.id, team]));
  const paths = new Map<string, string>();
  for (const team of teams) {
    const names: string[] = [];
    const seen = new Set<string>();
    let current: TeamLike | undefined = team;
    // `seen` guards against a cycle in bad data.
    while (current && !seen.has(current.id)) {
      seen.add(current.id);
      names.unshift(current.name);
      current = current.parent ? byId.get(current.parent.id) : undefined;
    }
    paths.set(team.id, names.join(" › "));
  }
  return paths;
}

/** The team and every team below it (a team cannot move under one of these). */
export function teamAndDescendants(teams: readonly TeamLike[], teamId: string): Set<string> {
  const found = new Set<string>([teamId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const team of teams) {
      if (team.parent && found.has(team.parent.id) && !found.has(team.id)) {
        found.add(team.id);
        grew = true;
      }
    }
  }
  return found;
}

/** Open teams sorted by their path, as `{ id, label }` choices. */
export function teamChoices(teams: readonly TeamLike[], exclude: ReadonlySet<string> = new Set()) {
  const paths = teamPaths(teams);
  return teams
    .filter((team) => isOpen(team) && !exclude.has(team.id))
    .map((team) => ({ id: team.id, label: paths.get(team.id) ?? team.name }))
    .sort((a, b) => a.label.localeCompare(b.label, "nb"));
}

/** "Veileder: Kari Nordmann" or "Veileder: Ledig". */
export function positionLabel(position: PositionLike, vacantText: string): string {
  return `${position.role.name}: ${position.person?.name ?? vacantText}`;
}

/**
 * What "Sett inn personen" reports: the person by name (not the picker's label with
 * "(uten stilling)" in it), and the position they leave, if any, which is now vacant.
 */
export function fillDoneMessage(fill: {
  personName: string;
  role: string;
  team: string;
  previous: { role: string; team: string } | null;
}): string {
  const done = t("scenarioEditor.fill.done", { person: fill.personName, role: fill.role, team: fill.team });
  return fill.previous ? `${done} ${t("scenarioEditor.fill.doneLeftVacant", fill.previous)}` : done;
}

// --- mutation results -----------------------------------------------------------------

/** A typed error result as the MutationError fragment selects it. */
export interface MutationErrorResult {
  __typename: string;
  code?: string;
  message?: string;
  fieldErrors?: Array<{ path: string; message: string }>;
}

export type EditOutcome = { ok: true } | { ok: false; error: MutationErrorResult };

/** A mutation result union: its payload (`…Payload`) means success, anything else is a typed error. */
export function outcomeOf(result: { __typename?: string }): EditOutcome {
  if (result.__typename?.endsWith("Payload")) return { ok: true };
  return { ok: false, error: { ...(result as Partial<MutationErrorResult>), __typename: result.__typename ?? "Error" } };
}

export const isConflict = (error: MutationErrorResult): boolean => error.__typename === "ConflictError";

// --- mergers --------------------------------------------------------------------------

export const MERGER_STATUS_STEPS = {
  PROPOSED: ["APPROVED", "CANCELLED"],
  APPROVED: ["IN_PROGRESS", "CANCELLED"],
  IN_PROGRESS: ["COMPLETED", "CANCELLED"],
  COMPLETED: [],
  CANCELLED: [],
} as const satisfies Record<string, readonly string[]>;

export type MergerStatusValue = keyof typeof MERGER_STATUS_STEPS;

/** Where a merger may go next (mirrors the API's lifecycle; the API decides). */
export function nextMergerStatuses(status: MergerStatusValue): readonly MergerStatusValue[] {
  return MERGER_STATUS_STEPS[status];
}

// --- form values ----------------------------------------------------------------------

/** A wave as typed: "" (none), a whole number 1-99, or null when it is not one. */
export function parseWave(text: string): number | null | "" {
  const trimmed = text.trim();
  if (trimmed === "") return "";
  if (!/^\d{1,2}$/.test(trimmed)) return null;
  const wave = Number(trimmed);
  return wave >= 1 ? wave : null;
}
