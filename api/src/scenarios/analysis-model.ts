// The as-is and the to-be of a scenario as one model that impact, health checks and graph
// read: who holds what before and after, each person's main team, and both reporting
// structures. Pure: built from plain rows (analysis-data.ts), so it is cheap to test.
import type { AsIsAssignment, AsIsTeam } from "./core-as-is";
import type { AnalysisData } from "./analysis-data";
import type { PositionImage, TeamImage } from "./scenario-store";

/** FTE as whole hundredths, so sums are exact ("0.60" → 60). */
export function hundredths(fte: string | { toString(): string }): number {
  return Math.round(Number(fte.toString()) * 100);
}

export const fromHundredths = (value: number): number => value / 100;

export { norwegianOrder } from "../lib/collation";

/** Plain code-unit order, for ids. */
export const idOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A node of a reporting structure: a person, or (to-be only) a vacant position, which is
 * part of the design and can manage or report like a person.
 */
export type Unit = `P:${string}` | `V:${string}`;

export const personUnit = (personId: string): Unit => `P:${personId}`;

/** Groups rows by a key, keeping their order. */
export function groupBy<T>(rows: Iterable<T>, key: (row: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    if (k === null) continue;
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

export interface ReportingStructure {
  /** Every person (and to-be vacancy) in it. */
  units: Set<Unit>;
  /** Direct managers of each unit, inside the structure. */
  managersOf: Map<Unit, Set<Unit>>;
  /** Direct reports of each manager. */
  reportsOf: Map<Unit, Set<Unit>>;
  /** Layers from the top down to the unit (the top is layer 1). */
  depthOf: Map<Unit, number>;
}

export interface SpanSummary {
  managers: number;
  averageSpan: number;
  maxSpan: number;
  minSpan: number;
  layers: number;
}

export interface AnalysisModel {
  data: AnalysisData;
  asIsTeams: ReadonlyMap<string, AsIsTeam>;
  /** Each as-is person's assignments, the main one (largest FTE) first. */
  asIsByPerson: ReadonlyMap<string, AsIsAssignment[]>;
  /** Every to-be team, closed ones included, in creation order. */
  teams: TeamImage[];
  teamById: ReadonlyMap<string, TeamImage>;
  /** Teams not closed. */
  openTeamIds: ReadonlySet<string>;
  /** Open child teams of each team. */
  openChildrenOf: ReadonlyMap<string, string[]>;
  /** Positions not closed, in teams not closed. */
  openPositions: PositionImage[];
  openPositionById: ReadonlyMap<string, PositionImage>;
  /** Each to-be person's open positions, the main one first. */
  toBeByPerson: ReadonlyMap<string, PositionImage[]>;
  vacancies: PositionImage[];
  /** The to-be team continuing each as-is team (the first made, if several claim it). */
  teamForSource: ReadonlyMap<string, TeamImage>;
  before: ReportingStructure;
  after: ReportingStructure;
  /** The office a to-be team belongs to: a merger's target, else its own office. */
  toBeOfficeOf(team: TeamImage): string;
  /** The reporting unit holding a to-be position. */
  unitOf(position: PositionImage): Unit;
  /** The person managing a to-be position: the holder of its reportsTo position, if open and filled. */
  managerAfter(position: PositionImage): string | null;
}

/** Longest chain above each unit, counting the unit; a cycle (not expected) is cut where it closes. */
function depths(units: Set<Unit>, managersOf: Map<Unit, Set<Unit>>): Map<Unit, number> {
  const depth = new Map<Unit, number>();
  const visiting = new Set<Unit>();
  const visit = (unit: Unit): number => {
    const known = depth.get(unit);
    if (known !== undefined) return known;
    if (visiting.has(unit)) return 0;
    visiting.add(unit);
    let above = 0;
    for (const manager of managersOf.get(unit) ?? []) above = Math.max(above, visit(manager));
    visiting.delete(unit);
    depth.set(unit, above + 1);
    return above + 1;
  };
  for (const unit of units) visit(unit);
  return depth;
}

function reportingStructure(units: Set<Unit>, links: Iterable<[report: Unit, manager: Unit]>): ReportingStructure {
  const managersOf = new Map<Unit, Set<Unit>>();
  const reportsOf = new Map<Unit, Set<Unit>>();
  for (const [report, manager] of links) {
    // Managers outside the offices (or a position reporting to its own holder) are not part of it.
    if (report === manager || !units.has(report) || !units.has(manager)) continue;
    managersOf.set(report, (managersOf.get(report) ?? new Set()).add(manager));
    reportsOf.set(manager, (reportsOf.get(manager) ?? new Set()).add(report));
  }
  return { units, managersOf, reportsOf, depthOf: depths(units, managersOf) };
}

export function spanSummary(structure: ReportingStructure): SpanSummary {
  const spans = [...structure.reportsOf.values()].map((reports) => reports.size);
  const total = spans.reduce((sum, span) => sum + span, 0);
  return {
    managers: spans.length,
    averageSpan: spans.length ? Math.round((total / spans.length) * 100) / 100 : 0,
    maxSpan: spans.length ? Math.max(...spans) : 0,
    minSpan: spans.length ? Math.min(...spans) : 0,
    layers: structure.depthOf.size ? Math.max(...structure.depthOf.values()) : 0,
  };
}

export function buildAnalysisModel(data: AnalysisData): AnalysisModel {
  const { asIs, design, scenario } = data;
  const asIsTeams = new Map(asIs.teams.map((team) => [team.id, team]));

  const asIsByPerson = groupBy(asIs.assignments, (assignment) => assignment.personId);
  for (const list of asIsByPerson.values()) {
    if (list.length > 1) list.sort((a, b) => hundredths(b.fte) - hundredths(a.fte) || idOrder(a.id, b.id));
  }

  const teams = [...design.teams.values()].sort((a, b) => a.position - b.position || idOrder(a.id, b.id));
  const teamById = new Map(teams.map((team) => [team.id, team]));
  const openTeamIds = new Set(teams.filter((team) => team.action !== "CLOSED").map((team) => team.id));
  const openChildrenOf = new Map(
    [...groupBy(teams, (team) => (openTeamIds.has(team.id) ? team.parentId : null))].map(([parentId, children]) => [
      parentId,
      children.map((child) => child.id),
    ]),
  );
  const positions = [...design.positions.values()].sort((a, b) => idOrder(a.id, b.id));
  const openPositions = positions.filter((p) => p.action !== "CLOSED" && openTeamIds.has(p.teamId));
  const openPositionById = new Map(openPositions.map((position) => [position.id, position]));

  const toBeByPerson = groupBy(openPositions, (position) => position.personId);
  for (const [personId, list] of toBeByPerson) {
    if (list.length === 1) continue;
    // On equal FTE, the position continuing the as-is main assignment is the main one, so a
    // tie does not show up as a change.
    const asIsMain = asIsByPerson.get(personId)?.[0]?.id;
    list.sort(
      (a, b) =>
        hundredths(b.fte) - hundredths(a.fte) ||
        Number(b.sourceAssignmentId === asIsMain) - Number(a.sourceAssignmentId === asIsMain) ||
        idOrder(a.id, b.id),
    );
  }

  const teamForSource = new Map<string, TeamImage>();
  for (const team of teams) {
    if (team.sourceTeamId && !teamForSource.has(team.sourceTeamId)) teamForSource.set(team.sourceTeamId, team);
  }

  const unitOf = (position: PositionImage): Unit => (position.personId ? `P:${position.personId}` : `V:${position.id}`);
  const managerPosition = (position: PositionImage) =>
    position.reportsToId ? openPositionById.get(position.reportsToId) : undefined;

  const before = reportingStructure(
    new Set(asIs.assignments.map((a) => personUnit(a.personId))),
    asIs.assignments.flatMap((a) =>
      a.reportsToPersonId ? [[personUnit(a.personId), personUnit(a.reportsToPersonId)] as [Unit, Unit]] : [],
    ),
  );
  const after = reportingStructure(
    new Set(openPositions.map(unitOf)),
    openPositions.flatMap((position) => {
      const manager = managerPosition(position);
      return manager ? [[unitOf(position), unitOf(manager)] as [Unit, Unit]] : [];
    }),
  );

  return {
    data,
    asIsTeams,
    asIsByPerson,
    teams,
    teamById,
    openTeamIds,
    openChildrenOf,
    openPositions,
    openPositionById,
    toBeByPerson,
    vacancies: openPositions.filter((position) => !position.personId),
    teamForSource,
    before,
    after,
    toBeOfficeOf: (team) => scenario.targetOfficeId ?? team.officeId,
    unitOf,
    managerAfter: (position) => managerPosition(position)?.personId ?? null,
  };
}

const models = new WeakMap<AnalysisData, AnalysisModel>();

/** One model per loaded data set. */
export function analysisModel(data: AnalysisData): AnalysisModel {
  let model = models.get(data);
  if (!model) {
    model = buildAnalysisModel(data);
    models.set(data, model);
  }
  return model;
}

/** The open to-be teams in `teamId`'s subtree, itself included (cycles cut). */
export function openSubtree(model: AnalysisModel, teamId: string): string[] {
  const seen = new Set<string>();
  const stack = [teamId];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(model.openChildrenOf.get(id) ?? []));
  }
  return [...seen];
}

/** `teamId` and its ancestors, nearest first (cycles cut). */
export function teamAndAncestors(model: AnalysisModel, teamId: string): TeamImage[] {
  const chain: TeamImage[] = [];
  const seen = new Set<string>();
  for (let team = model.teamById.get(teamId); team && !seen.has(team.id); ) {
    seen.add(team.id);
    chain.push(team);
    team = team.parentId ? model.teamById.get(team.parentId) : undefined;
  }
  return chain;
}
