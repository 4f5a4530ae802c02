// A scenario's to-be as an org graph (office ⊃ team ⊃ person, services, DELIVERS and
// REPORTS_TO edges), each node marked with how it differs from a baseline: the as-is, or
// another scenario's to-be. Pure, over analysis models.
//
// Matching across the two sides: a to-be team is the as-is team it continues
// (sourceTeamId), else a team of the same name; people are themselves; vacancies are
// matched by count per team and role; services by being delivered at all.
import type { Employer, RoleCategory } from "@samla/schema";
import { todayInNorway } from "../lib/dates";
import { toGlobalId } from "../lib/ids";
import { officeStatusOn } from "../org/office-status";
import { emptyNode, type GraphChange, type OrgGraph, type OrgGraphEdge, type OrgGraphNode } from "../org/org-graph";
import { groupBy, hundredths, idOrder, norwegianOrder, type AnalysisModel } from "./analysis-model";
import type { PositionImage, TeamImage } from "./scenario-store";

interface BaselineTeam {
  name: string;
  purpose: string | null;
  parentKey: string | null;
  officeId: string;
  services: string;
}

interface BaselinePerson {
  teamKey: string;
  roleId: string;
  managerId: string | null;
  fte: number;
}

/** What the scenario is compared with, keyed so that both sides match. */
interface Baseline {
  teams: Map<string, BaselineTeam>;
  people: Map<string, BaselinePerson>;
  /** Vacancies per `${teamKey}|${roleId}`. */
  vacancies: Map<string, number>;
  services: Set<string>;
  offices: Set<string>;
}

const asIsTeamKey = (teamId: string) => `T:${teamId}`;

function teamKeyOf(team: TeamImage): string {
  return team.sourceTeamId ? asIsTeamKey(team.sourceTeamId) : `N:${team.name.trim().toLocaleLowerCase("nb")}`;
}

/** The as-is, with offices as the scenario sees them (a merger's sources are its target). */
function asIsBaseline(model: AnalysisModel): Baseline {
  const { asIs, scenario } = model.data;
  const office = (id: string) => (scenario.targetOfficeId && scenario.officeIds.includes(id) ? scenario.targetOfficeId : id);
  const teams = new Map<string, BaselineTeam>();
  const services = new Set<string>();
  for (const team of asIs.teams) {
    teams.set(asIsTeamKey(team.id), {
      name: team.name,
      purpose: team.purpose,
      parentKey: team.parentId ? asIsTeamKey(team.parentId) : null,
      officeId: office(team.officeId),
      services: team.serviceIds.join(","),
    });
    for (const id of team.serviceIds) services.add(id);
  }
  const people = new Map<string, BaselinePerson>();
  for (const [personId, assignments] of model.asIsByPerson) {
    const main = assignments[0]!;
    people.set(personId, {
      teamKey: asIsTeamKey(main.teamId),
      roleId: main.roleId,
      managerId: main.reportsToPersonId,
      fte: assignments.reduce((sum, a) => sum + hundredths(a.fte), 0),
    });
  }
  // The target office itself is new against the as-is, though teams moving into it are not "moved".
  return { teams, people, vacancies: new Map(), services, offices: new Set(scenario.officeIds) };
}

/** A scenario's open to-be. */
function toBeBaseline(model: AnalysisModel): Baseline {
  const teams = new Map<string, BaselineTeam>();
  const services = new Set<string>();
  const offices = new Set<string>();
  for (const team of model.teams) {
    if (!model.openTeamIds.has(team.id)) continue;
    const parent = team.parentId ? model.teamById.get(team.parentId) : undefined;
    teams.set(teamKeyOf(team), {
      name: team.name,
      purpose: team.purpose,
      parentKey: parent ? teamKeyOf(parent) : null,
      officeId: model.toBeOfficeOf(team),
      services: team.serviceIds.join(","),
    });
    for (const id of team.serviceIds) services.add(id);
    offices.add(model.toBeOfficeOf(team));
  }
  const people = new Map<string, BaselinePerson>();
  for (const [personId, positions] of model.toBeByPerson) {
    const main = positions[0]!;
    people.set(personId, {
      teamKey: teamKeyOf(model.teamById.get(main.teamId)!),
      roleId: main.roleId,
      managerId: model.managerAfter(main),
      fte: positions.reduce((sum, p) => sum + hundredths(p.fte), 0),
    });
  }
  const vacancies = new Map<string, number>();
  for (const position of model.vacancies) {
    const key = `${teamKeyOf(model.teamById.get(position.teamId)!)}|${position.roleId}`;
    vacancies.set(key, (vacancies.get(key) ?? 0) + 1);
  }
  return { teams, people, vacancies, services, offices };
}

function teamChange(model: AnalysisModel, team: TeamImage, baseline: Baseline): GraphChange {
  if (!model.openTeamIds.has(team.id)) return "CLOSED";
  const before = baseline.teams.get(teamKeyOf(team));
  if (!before) return "NEW";
  const parent = team.parentId ? model.teamById.get(team.parentId) : undefined;
  const parentKey = parent ? teamKeyOf(parent) : null;
  if (parentKey !== before.parentKey || (parentKey === null && model.toBeOfficeOf(team) !== before.officeId)) return "MOVED";
  const changed =
    team.name !== before.name || (team.purpose ?? null) !== (before.purpose ?? null) || team.serviceIds.join(",") !== before.services;
  return changed ? "CHANGED" : "UNCHANGED";
}

/**
 * The to-be of `model` as graph nodes and edges, with changes against the as-is or, given
 * `compareTo`, against that scenario's to-be.
 */
export function scenarioGraph(model: AnalysisModel, compareTo: AnalysisModel | null): OrgGraph {
  const { data } = model;
  const baseline = compareTo ? toBeBaseline(compareTo) : asIsBaseline(model);
  const edges = new Map<string, OrgGraphEdge>();
  const addEdge = (type: OrgGraphEdge["type"], source: string, target: string) => {
    const id = `${type}:${source}:${target}`;
    edges.set(id, { id, type, source, target });
  };
  const officeGid = (id: string) => toGlobalId("Office", id);
  const teamGid = (id: string) => toGlobalId("ScenarioTeam", id);

  // Teams: all of them, closed ones too, inside their to-be office.
  const teamNodes: OrgGraphNode[] = model.teams.map((team) => ({
    ...emptyNode(teamGid(team.id), "TEAM", team.name),
    parent: team.parentId && model.teamById.has(team.parentId) ? teamGid(team.parentId) : officeGid(model.toBeOfficeOf(team)),
    officeId: officeGid(model.toBeOfficeOf(team)),
    change: teamChange(model, team, baseline),
  }));
  for (const team of model.teams) {
    if (!model.openTeamIds.has(team.id)) continue;
    for (const serviceId of team.serviceIds) addEdge("DELIVERS", teamGid(team.id), toGlobalId("Service", serviceId));
  }

  // People with open positions, then vacancies (employer null), then as-is people left without a position.
  const unitNode = (position: PositionImage) =>
    position.personId ? toGlobalId("Person", position.personId) : toGlobalId("ScenarioPosition", position.id);
  const personNodes: OrgGraphNode[] = [];
  const roleOf = (roleId: string) => data.roles.get(roleId);
  const personNode = (
    id: string,
    label: string,
    team: TeamImage | undefined,
    roleId: string | null,
    employer: Employer | null,
    fte: number,
    change: GraphChange,
    fallbackOfficeId: string | null = null,
  ): OrgGraphNode => {
    const role = roleId ? roleOf(roleId) : undefined;
    const officeId = team ? officeGid(model.toBeOfficeOf(team)) : fallbackOfficeId && officeGid(fallbackOfficeId);
    return {
      ...emptyNode(id, "PERSON", label),
      parent: team ? teamGid(team.id) : officeId,
      officeId,
      employer,
      roleName: role?.name ?? null,
      roleCategory: (role?.category as RoleCategory | undefined) ?? null,
      fte: fte / 100,
      change,
    };
  };

  for (const [personId, positions] of model.toBeByPerson) {
    const main = positions[0]!;
    const person = data.people.get(personId);
    const team = model.teamById.get(main.teamId);
    const fte = positions.reduce((sum, p) => sum + hundredths(p.fte), 0);
    const before = baseline.people.get(personId);
    let change: GraphChange = "UNCHANGED";
    if (!before) change = "NEW";
    else if (team && teamKeyOf(team) !== before.teamKey) change = "MOVED";
    else if (main.roleId !== before.roleId || model.managerAfter(main) !== before.managerId || fte !== before.fte) {
      change = "CHANGED";
    }
    personNodes.push(personNode(toGlobalId("Person", personId), person?.name ?? personId, team, main.roleId, person?.employer ?? null, fte, change));
  }

  const vacanciesLeft = new Map(baseline.vacancies);
  for (const position of model.vacancies) {
    const team = model.teamById.get(position.teamId)!;
    const key = `${teamKeyOf(team)}|${position.roleId}`;
    const left = vacanciesLeft.get(key) ?? 0;
    vacanciesLeft.set(key, left - 1);
    const role = roleOf(position.roleId);
    personNodes.push(
      personNode(
        toGlobalId("ScenarioPosition", position.id),
        `Ledig stilling${role ? `: ${role.name}` : ""}`,
        team,
        position.roleId,
        null,
        hundredths(position.fte),
        left > 0 ? "UNCHANGED" : "NEW",
      ),
    );
  }

  const allPositionsOf = groupBy(data.design.positions.values(), (position) => position.personId);
  for (const [personId, assignments] of model.asIsByPerson) {
    if (model.toBeByPerson.has(personId)) continue;
    // Shown where they were: their closed position's team, else the team continuing their as-is team.
    const closed = (allPositionsOf.get(personId) ?? []).sort(
      (a, b) => hundredths(b.fte) - hundredths(a.fte) || idOrder(a.id, b.id),
    )[0];
    const main = assignments[0]!;
    const team = closed ? model.teamById.get(closed.teamId) : model.teamForSource.get(main.teamId);
    const person = data.people.get(personId);
    const asIsOffice = model.asIsTeams.get(main.teamId)?.officeId ?? null;
    personNodes.push(
      personNode(
        toGlobalId("Person", personId),
        person?.name ?? personId,
        team,
        closed?.roleId ?? main.roleId,
        person?.employer ?? null,
        0,
        "CLOSED",
        asIsOffice,
      ),
    );
  }

  for (const position of model.openPositions) {
    const manager = position.reportsToId ? model.openPositionById.get(position.reportsToId) : undefined;
    if (manager && unitNode(manager) !== unitNode(position)) addEdge("REPORTS_TO", unitNode(position), unitNode(manager));
  }

  // Offices: the to-be offices, and the as-is offices (a merger's sources, merging into the target).
  const toBeOffices = new Set(model.teams.filter((t) => model.openTeamIds.has(t.id)).map((t) => model.toBeOfficeOf(t)));
  const officeIds = new Set([...data.scenario.officeIds, ...model.teams.map((t) => model.toBeOfficeOf(t))]);
  if (data.scenario.targetOfficeId) officeIds.add(data.scenario.targetOfficeId);
  const officeNodes: OrgGraphNode[] = [];
  const today = todayInNorway();
  for (const id of officeIds) {
    const office = data.offices.get(id);
    const gid = officeGid(id);
    const isTarget = id === data.scenario.targetOfficeId;
    const open = toBeOffices.has(id) || isTarget;
    officeNodes.push({
      ...emptyNode(gid, "OFFICE", office?.name ?? id),
      code: office?.code ?? null,
      status: office ? officeStatusOn(office, today) : null,
      isPilot: office?.isPilot ?? null,
      isSpearhead: office?.isSpearhead ?? null,
      collapsed: false,
      teamCount: teamNodes.filter((node) => node.officeId === gid).length,
      personCount: personNodes.filter((node) => node.officeId === gid && node.employer !== null && node.change !== "CLOSED").length,
      change: !open ? "CLOSED" : baseline.offices.has(id) ? "UNCHANGED" : "NEW",
    });
    if (data.scenario.targetOfficeId && !isTarget && data.scenario.officeIds.includes(id)) {
      addEdge("MERGES_INTO", gid, officeGid(data.scenario.targetOfficeId));
    }
  }

  // Services delivered on either side; those only the baseline delivered are CLOSED.
  const delivered = new Set(model.teams.filter((t) => model.openTeamIds.has(t.id)).flatMap((t) => t.serviceIds));
  const serviceNodes = [...new Set([...delivered, ...baseline.services])].flatMap((id) => {
    const service = data.services.get(id) ?? compareTo?.data.services.get(id);
    if (!service) return [];
    const change: GraphChange = !delivered.has(id) ? "CLOSED" : baseline.services.has(id) ? "UNCHANGED" : "NEW";
    return [{ ...emptyNode(toGlobalId("Service", id), "SERVICE", service.name), code: service.code, provider: service.provider, change }];
  });

  const byLabel = (a: OrgGraphNode, b: OrgGraphNode) => norwegianOrder(a.label, b.label);
  return {
    asOf: data.scenario.effectiveDate,
    nodes: [...officeNodes.sort(byLabel), ...teamNodes, ...personNodes.sort(byLabel), ...serviceNodes.sort(byLabel)],
    edges: [...edges.values()],
  };
}
