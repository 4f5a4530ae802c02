// Health checks of a scenario's to-be design, with the admin's thresholds. Pure, over the
// analysis model. Every check is returned, passed or not, and names what it flags.
//
// Rules (to-be design only; vacancies are part of the design):
// - Spans and chains use the to-be reporting structure (ScenarioPosition.reportsTo). A
//   manager is a person, or a vacant position, with direct reports; a vacancy reporting to
//   someone counts as a report.
// - SPAN_TOO_NARROW flags managers with at least one report and fewer than minSpan.
// - CHAIN_TOO_DEEP flags the bottom of each chain longer than maxLayers (the top is layer 1).
// - TEAM_TOO_SMALL: an open team's size is the people and vacant positions in it and in its
//   open sub-teams, so a department that holds only its leader is judged with its teams.
// - LEADER_MISSING: an open team where someone holds a position, and no one holds an open
//   LEADER-category position in the team or in a team above it. In the seed every team
//   has its own leader, so the as-is does not fire; it fires when a leader's position is
//   closed or left vacant, or a team is made without one. Teams of vacancies only (a
//   template design before people are placed) are not flagged: there is no one to lead yet.
// - FTE_OVER_LIMIT: a person's open positions add up to more than maxFte.
// - SERVICE_WITHOUT_TEAM: a service an as-is team delivered that no open to-be team delivers.
import type { HealthCheckSettings } from "@samla/schema";
import { toGlobalId } from "../lib/ids";
import type { ServiceCoverage } from "./analysis-impact";
import {
  fromHundredths,
  groupBy,
  hundredths,
  norwegianOrder,
  openSubtree,
  teamAndAncestors,
  type AnalysisModel,
  type Unit,
} from "./analysis-model";

export const HEALTH_CHECK_CODES = [
  "SPAN_TOO_WIDE",
  "SPAN_TOO_NARROW",
  "CHAIN_TOO_DEEP",
  "TEAM_TOO_SMALL",
  "FTE_OVER_LIMIT",
  "LEADER_MISSING",
  "SERVICE_WITHOUT_TEAM",
] as const;
export type HealthCheckCode = (typeof HEALTH_CHECK_CODES)[number];
export type HealthCheckSeverity = "ERROR" | "WARNING";
export type HealthCheckElementKind = "TEAM" | "POSITION" | "PERSON" | "SERVICE";

export interface HealthCheckElement {
  kind: HealthCheckElementKind;
  /** Global id: ScenarioTeam, ScenarioPosition, Person or Service. */
  id: string;
  label: string;
  /** What was measured: span, layers, size, FTE or headcount; null where nothing is. */
  value: number | null;
  note: string | null;
}

export interface HealthCheck {
  code: HealthCheckCode;
  severity: HealthCheckSeverity;
  passed: boolean;
  message: string;
  threshold: number | null;
  elements: HealthCheckElement[];
}

const SEVERITY: Record<HealthCheckCode, HealthCheckSeverity> = {
  SPAN_TOO_WIDE: "WARNING",
  SPAN_TOO_NARROW: "WARNING",
  CHAIN_TOO_DEEP: "WARNING",
  TEAM_TOO_SMALL: "WARNING",
  // No one can work more than full time, and a service nobody delivers fails its users.
  FTE_OVER_LIMIT: "ERROR",
  LEADER_MISSING: "WARNING",
  SERVICE_WITHOUT_TEAM: "ERROR",
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const percent = (fte: number) => `${Math.round(fte * 100)} %`;

function check(
  code: HealthCheckCode,
  threshold: number | null,
  elements: HealthCheckElement[],
  messages: { passed: string; failed: string },
): HealthCheck {
  const passed = elements.length === 0;
  return {
    code,
    severity: SEVERITY[code],
    passed,
    message: passed ? messages.passed : messages.failed,
    threshold,
    elements: elements.sort(
      (a, b) => (b.value ?? 0) - (a.value ?? 0) || norwegianOrder(a.label, b.label),
    ),
  };
}

export function computeHealthChecks(
  model: AnalysisModel,
  settings: Pick<HealthCheckSettings, "maxSpan" | "minSpan" | "maxLayers" | "minTeamSize"> & { maxFte: { toString(): string } },
  coverage: ServiceCoverage[],
): HealthCheck[] {
  const { data } = model;
  const maxFte = hundredths(settings.maxFte);

  const positionLabel = (positionId: string) => {
    const position = data.design.positions.get(positionId);
    if (!position) return positionId;
    const role = data.roles.get(position.roleId)?.name ?? "";
    const team = model.teamById.get(position.teamId)?.name ?? "";
    return `${role}, ${team}`;
  };
  const unitElement = (unit: Unit, value: number): HealthCheckElement => {
    const id = unit.slice(2);
    if (unit.startsWith("V:")) {
      return { kind: "POSITION", id: toGlobalId("ScenarioPosition", id), label: `Ledig stilling: ${positionLabel(id)}`, value, note: null };
    }
    const main = model.toBeByPerson.get(id)?.[0];
    const name = data.people.get(id)?.name ?? id;
    return {
      kind: "PERSON",
      id: toGlobalId("Person", id),
      label: main ? `${name} (${positionLabel(main.id)})` : name,
      value,
      note: null,
    };
  };

  const spans = [...model.after.reportsOf].map(([unit, reports]) => [unit, reports.size] as const);
  const wide = spans.filter(([, span]) => span > settings.maxSpan).map(([unit, span]) => unitElement(unit, span));
  const narrow = spans.filter(([, span]) => span < settings.minSpan).map(([unit, span]) => unitElement(unit, span));

  const deep = [...model.after.depthOf]
    .filter(([unit, depth]) => depth > settings.maxLayers && !model.after.reportsOf.has(unit))
    .map(([unit, depth]) => unitElement(unit, depth));

  const openTeams = model.teams.filter((team) => model.openTeamIds.has(team.id));
  const positionsByTeam = groupBy(model.openPositions, (position) => position.teamId);
  const teamElement = (teamId: string, value: number | null, note: string | null = null): HealthCheckElement => ({
    kind: "TEAM",
    id: toGlobalId("ScenarioTeam", teamId),
    label: model.teamById.get(teamId)?.name ?? teamId,
    value,
    note,
  });

  const small = openTeams.flatMap((team) => {
    const units = new Set(
      openSubtree(model, team.id).flatMap((id) => (positionsByTeam.get(id) ?? []).map((position) => model.unitOf(position))),
    );
    return units.size < settings.minTeamSize ? [teamElement(team.id, units.size)] : [];
  });

  const overLimit = [...model.toBeByPerson].flatMap(([personId, positions]) => {
    const total = positions.reduce((sum, position) => sum + hundredths(position.fte), 0);
    if (total <= maxFte) return [];
    return [
      {
        kind: "PERSON" as const,
        id: toGlobalId("Person", personId),
        label: data.people.get(personId)?.name ?? personId,
        value: fromHundredths(total),
        note: `${positions.length} stillinger`,
      },
    ];
  });

  const isLeaderRole = (roleId: string) => data.roles.get(roleId)?.category === "LEADER";
  const hasFilledLeader = (teamId: string) =>
    (positionsByTeam.get(teamId) ?? []).some((position) => position.personId && isLeaderRole(position.roleId));
  const leaderless = openTeams.flatMap((team) => {
    const positions = positionsByTeam.get(team.id) ?? [];
    const people = new Set(positions.flatMap((position) => (position.personId ? [position.personId] : [])));
    if (people.size === 0) return [];
    if (teamAndAncestors(model, team.id).some((t) => model.openTeamIds.has(t.id) && hasFilledLeader(t.id))) return [];
    const vacantLeader = positions.some((position) => !position.personId && isLeaderRole(position.roleId));
    return [teamElement(team.id, people.size, vacantLeader ? "Lederstillingen er ledig." : null)];
  });

  const uncovered = coverage
    .filter((row) => row.deliveredBefore && !row.covered)
    .map(
      (row): HealthCheckElement => ({
        kind: "SERVICE",
        id: toGlobalId("Service", row.serviceId),
        label: data.services.get(row.serviceId)?.name ?? row.serviceId,
        value: null,
        note: null,
      }),
    );

  const deepest = deep.reduce((max, element) => Math.max(max, element.value ?? 0), 0);
  return [
    check("SPAN_TOO_WIDE", settings.maxSpan, wide, {
      passed: `Ingen ledere har flere enn ${settings.maxSpan} direkte underordnede.`,
      failed: `${plural(wide.length, "leder har", "ledere har")} flere enn ${settings.maxSpan} direkte underordnede.`,
    }),
    check("SPAN_TOO_NARROW", settings.minSpan, narrow, {
      passed: `Ingen ledere har færre enn ${settings.minSpan} direkte underordnede.`,
      failed: `${plural(narrow.length, "leder har", "ledere har")} færre enn ${settings.minSpan} direkte underordnede.`,
    }),
    check("CHAIN_TOO_DEEP", settings.maxLayers, deep, {
      passed: `Ingen rapporteringslinjer har mer enn ${settings.maxLayers} nivåer.`,
      failed: `${plural(deep.length, "rapporteringslinje har", "rapporteringslinjer har")} mer enn ${settings.maxLayers} nivåer (den lengste har ${deepest}).`,
    }),
    check("TEAM_TOO_SMALL", settings.minTeamSize, small, {
      passed: `Alle team har minst ${settings.minTeamSize} personer eller ledige stillinger (underteam medregnet).`,
      failed: `${plural(small.length, "team har", "team har")} færre enn ${settings.minTeamSize} personer eller ledige stillinger (underteam medregnet).`,
    }),
    check("FTE_OVER_LIMIT", fromHundredths(maxFte), overLimit, {
      passed: `Ingen har samlet stillingsandel over ${percent(fromHundredths(maxFte))}.`,
      failed: `${plural(overLimit.length, "person har", "personer har")} samlet stillingsandel over ${percent(fromHundredths(maxFte))}.`,
    }),
    check("LEADER_MISSING", null, leaderless, {
      passed: "Alle team med ansatte har en leder i teamet eller i et team over det.",
      failed: `${plural(leaderless.length, "team mangler", "team mangler")} leder: ingen har en lederstilling i teamet eller i et team over det.`,
    }),
    check("SERVICE_WITHOUT_TEAM", null, uncovered, {
      passed: "Alle tjenester kontorene leverer i dag, leveres av et team etter endringen.",
      failed: `${plural(uncovered.length, "tjeneste leveres", "tjenester leveres")} ikke av noe team etter endringen.`,
    }),
  ];
}
