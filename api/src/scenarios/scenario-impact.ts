// Scenario.impact: headcount and FTE before and after, by office, team, role category and
// employer; who changes team, role or manager; spans and layers; service coverage;
// vacancies and people left without a position. Computed in analysis-impact.ts.
import type { Person, Role, Service } from "@samla/schema";
import { builder } from "../builder";
import { RoleRef } from "../catalog/roles";
import { ServiceRef } from "../catalog/services";
import { TeamRef } from "../org/teams";
import { PersonRef } from "../people/persons";
import { existingScenarioAnalysis, scenarioTeamRow, type ScenarioAnalysis } from "./analysis-context";
import type {
  ImpactRow,
  ImpactTotals,
  PersonChange,
  ServiceCoverage,
  ScenarioImpact,
} from "./analysis-impact";
import type { SpanSummary } from "./analysis-model";
import { ChangeActionEnum, ScenarioTeamRef } from "./scenarios";

/** A computed value with the analysis it came from, so nested fields can resolve rows. */
interface Within<T> {
  value: T;
  analysis: ScenarioAnalysis;
}

const within = <T>(analysis: ScenarioAnalysis, value: T): Within<T> => ({ value, analysis });

function known<T>(map: ReadonlyMap<string, T>, id: string | null): T | null {
  return id === null ? null : (map.get(id) ?? null);
}

const ImpactTotalsRef = builder.objectRef<ImpactTotals>("ImpactTotals").implement({
  description:
    "Before: assignments running on the scenario's asOfDate. After: open positions in open teams. " +
    "People are counted once however many positions they hold; vacancies add positions and vacant FTE, not people.",
  fields: (t) => ({
    headcount: t.exposeInt("headcount", { description: "Distinct people." }),
    fte: t.exposeFloat("fte", { description: "FTE held by people (vacancies not included)." }),
    positions: t.exposeInt("positions", { description: "Assignments (before) or open positions, vacancies included (after)." }),
    vacancies: t.exposeInt("vacancies", { description: "Open positions without a person (always 0 before)." }),
    vacantFte: t.exposeFloat("vacantFte", { description: "FTE of the vacancies." }),
  }),
});

const ImpactRowRef = builder.objectRef<ImpactRow>("ImpactRow").implement({
  description: "One line of a breakdown, before and after.",
  fields: (t) => ({
    key: t.exposeString("key", {
      description:
        "Office: the office's global id. Team: the to-be team's global id (ScenarioTeam), or the as-is team's (Team) " +
        "when the design does not continue it. Role category and employer: the enum value.",
    }),
    label: t.exposeString("label"),
    before: t.field({ type: ImpactTotalsRef, resolve: (row) => row.before }),
    after: t.field({ type: ImpactTotalsRef, resolve: (row) => row.after }),
    action: t.field({
      type: ChangeActionEnum,
      nullable: true,
      description: "Team rows: what the to-be team does. Null on other rows.",
      resolve: (row) => row.action,
    }),
  }),
});

const PersonChangeRef = builder.objectRef<Within<PersonChange>>("PersonChange").implement({
  description:
    "A person whose main team, main role or manager differs between the as-is and the to-be. The main team and role " +
    "are those of the largest FTE; the manager is the person holding the reportsTo position (null when it is vacant).",
  fields: (t) => ({
    person: t.field({
      type: PersonRef,
      resolve: ({ value, analysis }) => analysis.data.people.get(value.personId) as Person,
    }),
    teamChanged: t.boolean({ description: "Another team, or no position after.", resolve: ({ value }) => value.teamChanged }),
    roleChanged: t.boolean({ resolve: ({ value }) => value.roleChanged }),
    managerChanged: t.boolean({ resolve: ({ value }) => value.managerChanged }),
    beforeTeam: t.field({
      type: TeamRef,
      nullable: true,
      resolve: async ({ value, analysis }) => known(await analysis.asIsTeamRows(), value.beforeTeamId),
    }),
    afterTeam: t.field({
      type: ScenarioTeamRef,
      nullable: true,
      resolve: ({ value, analysis }) => {
        const team = known(analysis.model.teamById, value.afterTeamId);
        return team ? scenarioTeamRow(analysis.data.scenario.id, team) : null;
      },
    }),
    beforeRole: t.field({
      type: RoleRef,
      nullable: true,
      resolve: ({ value, analysis }) => known<Role>(analysis.data.roles, value.beforeRoleId),
    }),
    afterRole: t.field({
      type: RoleRef,
      nullable: true,
      resolve: ({ value, analysis }) => known<Role>(analysis.data.roles, value.afterRoleId),
    }),
    beforeManager: t.field({
      type: PersonRef,
      nullable: true,
      resolve: ({ value, analysis }) => known<Person>(analysis.data.people, value.beforeManagerId),
    }),
    afterManager: t.field({
      type: PersonRef,
      nullable: true,
      resolve: ({ value, analysis }) => known<Person>(analysis.data.people, value.afterManagerId),
    }),
  }),
});

const SpanOfControlRef = builder.objectRef<SpanSummary>("SpanOfControl").implement({
  description:
    "Direct reports per manager and the longest reporting chain. Before: people and their as-is managers. After: the " +
    "to-be positions' reportsTo, where a vacant position counts as a manager or a report like a person.",
  fields: (t) => ({
    managers: t.exposeInt("managers", { description: "People (or vacant positions) with at least one direct report." }),
    averageSpan: t.exposeFloat("averageSpan", { description: "Direct reports per manager, two decimals; 0 without managers." }),
    maxSpan: t.exposeInt("maxSpan"),
    minSpan: t.exposeInt("minSpan"),
    layers: t.exposeInt("layers", { description: "Levels in the longest reporting chain (the top is level 1)." }),
  }),
});

const ServiceCoverageRef = builder.objectRef<Within<ServiceCoverage>>("ServiceCoverage").implement({
  description:
    "A service delivered by an as-is team of the scenario's offices, or by an open to-be team. One delivered before " +
    "must be delivered after: `covered: false` is an error (health check SERVICE_WITHOUT_TEAM).",
  fields: (t) => ({
    service: t.field({
      type: ServiceRef,
      resolve: ({ value, analysis }) => analysis.data.services.get(value.serviceId) as Service,
    }),
    deliveredBefore: t.boolean({ resolve: ({ value }) => value.deliveredBefore }),
    covered: t.boolean({ description: "Some open to-be team delivers it.", resolve: ({ value }) => value.covered }),
    teams: t.field({
      type: [ScenarioTeamRef],
      description: "The open to-be teams that deliver it.",
      resolve: ({ value, analysis }) =>
        value.teamIds.map((id) => scenarioTeamRow(analysis.data.scenario.id, analysis.model.teamById.get(id)!)),
    }),
    beforeTeams: t.field({
      type: [TeamRef],
      description: "The as-is teams that delivered it.",
      resolve: async ({ value, analysis }) => {
        const rows = await analysis.asIsTeamRows();
        return value.beforeTeamIds.flatMap((id) => rows.get(id) ?? []);
      },
    }),
  }),
});

const ScenarioImpactRef = builder.objectRef<Within<ScenarioImpact>>("ScenarioImpact").implement({
  description:
    "What the to-be design does to the as-is on the scenario's asOfDate. Teams belong to the merger's target office " +
    "in a merger scenario, else to their own office.",
  fields: (t) => ({
    asOfDate: t.field({ type: "Date", resolve: ({ analysis }) => analysis.data.scenario.asOfDate }),
    before: t.field({ type: ImpactTotalsRef, resolve: ({ value }) => value.before }),
    after: t.field({ type: ImpactTotalsRef, resolve: ({ value }) => value.after }),
    byOffice: t.field({
      type: [ImpactRowRef],
      description: "As-is offices before; to-be offices after (the target office of a merger). By name.",
      resolve: ({ value }) => value.byOffice,
    }),
    byTeam: t.field({
      type: [ImpactRowRef],
      description: "Every to-be team (closed ones included) in creation order, before being its as-is team.",
      resolve: ({ value }) => value.byTeam,
    }),
    byRoleCategory: t.field({ type: [ImpactRowRef], resolve: ({ value }) => value.byRoleCategory }),
    byEmployer: t.field({
      type: [ImpactRowRef],
      description: "State and municipal employees; vacancies have no employer and are not in these rows.",
      resolve: ({ value }) => value.byEmployer,
    }),
    peopleChanges: t.field({
      type: [PersonChangeRef],
      description: "By name.",
      resolve: ({ value, analysis }) => value.peopleChanges.map((change) => within(analysis, change)),
    }),
    peopleChangedCount: t.int({ resolve: ({ value }) => value.peopleChanges.length }),
    spanBefore: t.field({ type: SpanOfControlRef, resolve: ({ value }) => value.spanBefore }),
    spanAfter: t.field({ type: SpanOfControlRef, resolve: ({ value }) => value.spanAfter }),
    serviceCoverage: t.field({
      type: [ServiceCoverageRef],
      description: "By service name.",
      resolve: ({ value, analysis }) => value.serviceCoverage.map((row) => within(analysis, row)),
    }),
    uncoveredServiceCount: t.int({
      description: "Services delivered before that no open to-be team delivers.",
      resolve: ({ value }) => value.serviceCoverage.filter((row) => row.deliveredBefore && !row.covered).length,
    }),
    // prismaField: one query that selects what the client asks of the positions and people
    // (their relations included), rather than a fallback query per row.
    vacancies: t.prismaField({
      type: ["ScenarioPosition"],
      description: "Open positions without a person, team by team.",
      resolve: async (query, { value }, _args, context) => {
        const order = new Map(value.vacancies.map((position, index) => [position.id, index]));
        const rows = await context.db.scenarioPosition.findMany({ ...query, where: { id: { in: [...order.keys()] } } });
        return rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
      },
    }),
    vacancyCount: t.int({ resolve: ({ value }) => value.vacancies.length }),
    peopleWithoutPosition: t.prismaField({
      type: ["Person"],
      description: "People in the as-is without an open to-be position, by name.",
      resolve: async (query, { value }, _args, context) => {
        const order = new Map(value.peopleWithoutPosition.map((id, index) => [id, index]));
        const rows = await context.db.person.findMany({ ...query, where: { id: { in: [...order.keys()] } } });
        return rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
      },
    }),
    peopleWithoutPositionCount: t.int({ resolve: ({ value }) => value.peopleWithoutPosition.length }),
  }),
});

builder.prismaObjectField("Scenario", "impact", (t) =>
  t.field({
    type: ScenarioImpactRef,
    description: "The impact analysis: the to-be design against the as-is on asOfDate.",
    select: { id: true },
    resolve: async (scenario, _args, context) => {
      const analysis = await existingScenarioAnalysis(context, scenario.id);
      return within(analysis, analysis.impact());
    },
  }),
);
