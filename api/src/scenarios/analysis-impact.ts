// Impact of a scenario: the as-is on asOfDate against the to-be design. Pure, over the
// analysis model. "Before" counts the assignments running on asOfDate in the scenario's
// offices; "after" counts open positions in open teams, where vacancies add positions (and
// vacant FTE) but no people.
import type { Employer, RoleCategory } from "@samla/schema";
import { toGlobalId } from "../lib/ids";
import { fromHundredths, hundredths, norwegianOrder, spanSummary, type AnalysisModel, type SpanSummary } from "./analysis-model";
import type { PositionImage } from "./scenario-store";

export interface ImpactTotals {
  /** Distinct people. */
  headcount: number;
  /** FTE held by people. */
  fte: number;
  /** Assignments (before) or open positions, vacancies included (after). */
  positions: number;
  vacancies: number;
  vacantFte: number;
}

export interface ImpactRow {
  key: string;
  label: string;
  before: ImpactTotals;
  after: ImpactTotals;
  /** Team rows: what the to-be team does (null for an as-is team the design does not continue). */
  action: TeamImageAction | null;
}

type TeamImageAction = "NEW" | "CHANGED" | "CLOSED" | "UNCHANGED";

export interface PersonChange {
  personId: string;
  teamChanged: boolean;
  roleChanged: boolean;
  managerChanged: boolean;
  /** As-is team (database id) of the main assignment. */
  beforeTeamId: string | null;
  /** To-be team (database id) of the main open position. */
  afterTeamId: string | null;
  beforeRoleId: string | null;
  afterRoleId: string | null;
  beforeManagerId: string | null;
  afterManagerId: string | null;
}

export interface ServiceCoverage {
  serviceId: string;
  deliveredBefore: boolean;
  /** As-is teams (database ids) that delivered it. */
  beforeTeamIds: string[];
  /** Open to-be teams (database ids) that deliver it. */
  teamIds: string[];
  covered: boolean;
}

export interface ScenarioImpact {
  before: ImpactTotals;
  after: ImpactTotals;
  byOffice: ImpactRow[];
  byTeam: ImpactRow[];
  byRoleCategory: ImpactRow[];
  byEmployer: ImpactRow[];
  peopleChanges: PersonChange[];
  spanBefore: SpanSummary;
  spanAfter: SpanSummary;
  serviceCoverage: ServiceCoverage[];
  vacancies: PositionImage[];
  /** As-is people (database ids) without an open to-be position, by name. */
  peopleWithoutPosition: string[];
}

export const ROLE_CATEGORY_LABELS: Record<RoleCategory, string> = {
  LEADER: "Ledere",
  ADVISER: "Veiledere",
  CASEWORKER: "Saksbehandlere",
  SPECIALIST: "Spesialister",
  SUPPORT: "Støttefunksjoner",
};

export const EMPLOYER_LABELS: Record<Employer, string> = {
  STATE: "Statlig ansatte",
  MUNICIPAL: "Kommunalt ansatte",
};

/** Adds up people, FTE and positions; a person counts once however many positions they hold. */
class Tally {
  private readonly people = new Set<string>();
  private fte = 0;
  private positions = 0;
  private vacancies = 0;
  private vacantFte = 0;

  add(personId: string | null, fteHundredths: number): void {
    this.positions += 1;
    if (personId) {
      this.people.add(personId);
      this.fte += fteHundredths;
    } else {
      this.vacancies += 1;
      this.vacantFte += fteHundredths;
    }
  }

  totals(): ImpactTotals {
    return {
      headcount: this.people.size,
      fte: fromHundredths(this.fte),
      positions: this.positions,
      vacancies: this.vacancies,
      vacantFte: fromHundredths(this.vacantFte),
    };
  }
}

/** Before/after tallies by key, in the order keys were first seen. */
class Breakdown {
  private readonly rows = new Map<string, { before: Tally; after: Tally }>();

  private row(key: string) {
    let row = this.rows.get(key);
    if (!row) {
      row = { before: new Tally(), after: new Tally() };
      this.rows.set(key, row);
    }
    return row;
  }

  /** Makes sure the key has a row even if nothing is added to it. */
  touch(key: string): void {
    this.row(key);
  }

  before(key: string, personId: string | null, fte: number): void {
    this.row(key).before.add(personId, fte);
  }

  after(key: string, personId: string | null, fte: number): void {
    this.row(key).after.add(personId, fte);
  }

  list(label: (key: string) => string, action: (key: string) => TeamImageAction | null = () => null): ImpactRow[] {
    return [...this.rows].map(([key, row]) => ({
      key,
      label: label(key),
      before: row.before.totals(),
      after: row.after.totals(),
      action: action(key),
    }));
  }
}

const byLabel = (a: ImpactRow, b: ImpactRow) => norwegianOrder(a.label, b.label);

export function computeImpact(model: AnalysisModel): ScenarioImpact {
  const { data } = model;
  const { asIs } = data;
  const role = (id: string) => data.roles.get(id);
  const employer = (personId: string) => data.people.get(personId)?.employer ?? "STATE";
  const officeName = (id: string) => data.offices.get(id)?.name ?? id;
  const asIsTeamOffice = new Map(asIs.teams.map((team) => [team.id, team.officeId]));

  const total = { before: new Tally(), after: new Tally() };
  const byOffice = new Breakdown();
  const byTeam = new Breakdown();
  const byCategory = new Breakdown();
  const byEmployer = new Breakdown();

  // Rows for every as-is office and every to-be team, even when they end up empty.
  for (const office of asIs.offices) byOffice.touch(office.id);
  const teamKey = (asIsTeamId: string) => {
    const team = model.teamForSource.get(asIsTeamId);
    return team ? `S:${team.id}` : `T:${asIsTeamId}`;
  };
  for (const team of model.teams) byTeam.touch(`S:${team.id}`);
  for (const category of Object.keys(ROLE_CATEGORY_LABELS)) byCategory.touch(category);
  for (const kind of Object.keys(EMPLOYER_LABELS)) byEmployer.touch(kind);

  for (const a of asIs.assignments) {
    const fte = hundredths(a.fte);
    total.before.add(a.personId, fte);
    byOffice.before(asIsTeamOffice.get(a.teamId) ?? "", a.personId, fte);
    byTeam.before(teamKey(a.teamId), a.personId, fte);
    byCategory.before(a.roleCategory, a.personId, fte);
    byEmployer.before(a.employer, a.personId, fte);
  }
  for (const position of model.openPositions) {
    const fte = hundredths(position.fte);
    const team = model.teamById.get(position.teamId)!;
    total.after.add(position.personId, fte);
    byOffice.after(model.toBeOfficeOf(team), position.personId, fte);
    byTeam.after(`S:${team.id}`, position.personId, fte);
    const category = role(position.roleId)?.category;
    if (category) byCategory.after(category, position.personId, fte);
    // A vacancy has no employer yet: it counts in the totals and by office, team and role only.
    if (position.personId) byEmployer.after(employer(position.personId), position.personId, fte);
  }

  const teamLabel = (key: string) => {
    const id = key.slice(2);
    if (key.startsWith("S:")) return model.teamById.get(id)?.name ?? id;
    const team = model.asIsTeams.get(id);
    return team ? `${team.name} (${officeName(team.officeId)})` : id;
  };

  return {
    before: total.before.totals(),
    after: total.after.totals(),
    byOffice: byOffice
      .list(officeName)
      .map((row) => ({ ...row, key: toGlobalId("Office", row.key) }))
      .sort(byLabel),
    byTeam: byTeam
      .list(teamLabel, (key) => (key.startsWith("S:") ? (model.teamById.get(key.slice(2))?.action ?? null) : null))
      .map((row) => ({
        ...row,
        key: row.key.startsWith("S:") ? toGlobalId("ScenarioTeam", row.key.slice(2)) : toGlobalId("Team", row.key.slice(2)),
      })),
    byRoleCategory: byCategory.list((key) => ROLE_CATEGORY_LABELS[key as RoleCategory] ?? key),
    byEmployer: byEmployer.list((key) => EMPLOYER_LABELS[key as Employer] ?? key),
    peopleChanges: peopleChanges(model),
    spanBefore: spanSummary(model.before),
    spanAfter: spanSummary(model.after),
    serviceCoverage: serviceCoverage(model),
    vacancies: model.vacancies,
    peopleWithoutPosition: [...model.asIsByPerson.keys()]
      .filter((personId) => !model.toBeByPerson.has(personId))
      .sort((a, b) => norwegianOrder(data.people.get(a)?.name ?? a, data.people.get(b)?.name ?? b)),
  };
}

/**
 * People whose main team, main role or manager differs. The main team matches when the
 * to-be team continues the as-is team (sourceTeamId); the manager is a person on both sides.
 */
function peopleChanges(model: AnalysisModel): PersonChange[] {
  const people = new Set([...model.asIsByPerson.keys(), ...model.toBeByPerson.keys()]);
  const changes: PersonChange[] = [];
  for (const personId of people) {
    const before = model.asIsByPerson.get(personId)?.[0] ?? null;
    const after = model.toBeByPerson.get(personId)?.[0] ?? null;
    const afterTeam = after ? model.teamById.get(after.teamId) : undefined;
    const beforeManagerId = before?.reportsToPersonId ?? null;
    const afterManagerId = after ? model.managerAfter(after) : null;
    const change: PersonChange = {
      personId,
      teamChanged: !before || !afterTeam || afterTeam.sourceTeamId !== before.teamId,
      roleChanged: (before?.roleId ?? null) !== (after?.roleId ?? null),
      managerChanged: beforeManagerId !== afterManagerId,
      beforeTeamId: before?.teamId ?? null,
      afterTeamId: afterTeam?.id ?? null,
      beforeRoleId: before?.roleId ?? null,
      afterRoleId: after?.roleId ?? null,
      beforeManagerId,
      afterManagerId,
    };
    if (change.teamChanged || change.roleChanged || change.managerChanged) changes.push(change);
  }
  const name = (id: string) => model.data.people.get(id)?.name ?? id;
  return changes.sort((a, b) => norwegianOrder(name(a.personId), name(b.personId)));
}

/**
 * Every service an as-is team of the offices delivered, and every service an open to-be
 * team delivers. A service delivered before must be delivered after: uncovered is an error.
 */
function serviceCoverage(model: AnalysisModel): ServiceCoverage[] {
  const rows = new Map<string, ServiceCoverage>();
  const row = (serviceId: string) => {
    let entry = rows.get(serviceId);
    if (!entry) {
      entry = { serviceId, deliveredBefore: false, beforeTeamIds: [], teamIds: [], covered: false };
      rows.set(serviceId, entry);
    }
    return entry;
  };
  for (const team of model.data.asIs.teams) {
    for (const serviceId of team.serviceIds) {
      const entry = row(serviceId);
      entry.deliveredBefore = true;
      entry.beforeTeamIds.push(team.id);
    }
  }
  for (const team of model.teams) {
    if (!model.openTeamIds.has(team.id)) continue;
    for (const serviceId of team.serviceIds) row(serviceId).teamIds.push(team.id);
  }
  const name = (id: string) => model.data.services.get(id)?.name ?? id;
  return [...rows.values()]
    .map((entry) => ({ ...entry, covered: entry.teamIds.length > 0 }))
    .sort((a, b) => norwegianOrder(name(a.serviceId), name(b.serviceId)));
}
