// methodComparison: the pilot offices side by side (maturity heatmap, KPI small multiples,
// case flows, insight themes, culture gaps, who to learn from). Every part is its own field,
// so the screen pays only for what it shows; the parts a request selects are computed
// together with the scope in one SQL statement (comparison-queries.ts), which also reads the
// offices, practices, KPIs, services and flows they point to (comparison-rows.ts), so each
// is loaded once per request whichever fields and rows point to it (comparison-data.ts).
import type { SamlaContext } from "../context";
import { GraphQLError } from "graphql";
import { builder } from "../builder";
import { NotFoundError, ValidationError } from "../lib/errors";
import { toGlobalId } from "../lib/ids";
import { InsightKindEnum } from "./method-types";
import { caseFlowsOf, comparisonPart, rememberComparison, rememberRows, rowsOf, wantedFromInfo } from "./comparison-data";
import {
  loadComparison,
  type CaseFlowComparison,
  type CaseFlowOffice,
  type CaseFlowOfficeStage,
  type CaseFlowStageDifference,
  type CaseFlowStep,
  type CultureGapCell,
  type CultureGapMatrix,
  type InsightThemeCell,
  type InsightThemeMatrix,
  type KpiOfficeSeries,
  type KpiPoint,
  type KpiSeries,
  type LeaderKpi,
  type MaturityCell,
  type MaturityMatrix,
  type PracticeLeader,
} from "./comparison-queries";
import {
  COMPARISON_ARG_DESCRIPTIONS,
  comparedScope,
  idArg,
  monthsOf,
  parseComparisonArgs,
  type ComparisonScope,
} from "./comparison-scope";
import "./comparison-export";

// The rows the parts point to, once per request: those the comparison's statement read
// along when the field's selection asks for columns only, else one findMany per type and
// selection for the whole request (comparison-data.ts). getMany keeps the order of the ids.
type OfficeQuery = Parameters<SamlaContext["db"]["office"]["findMany"]>[0];
const officeRows = (context: SamlaContext, query: OfficeQuery) =>
  rowsOf(context, "Office", query ?? {}, (ids) => context.db.office.findMany({ ...query, where: { id: { in: ids } } }));
type PracticeQuery = Parameters<SamlaContext["db"]["practice"]["findMany"]>[0];
const practiceRows = (context: SamlaContext, query: PracticeQuery) =>
  rowsOf(context, "Practice", query ?? {}, (ids) => context.db.practice.findMany({ ...query, where: { id: { in: ids } } }));
type KpiQuery = Parameters<SamlaContext["db"]["kpi"]["findMany"]>[0];
const kpiRows = (context: SamlaContext, query: KpiQuery) =>
  rowsOf(context, "Kpi", query ?? {}, (ids) => context.db.kpi.findMany({ ...query, where: { id: { in: ids } } }));
type ServiceQuery = Parameters<SamlaContext["db"]["service"]["findMany"]>[0];
const serviceRows = (context: SamlaContext, query: ServiceQuery) =>
  rowsOf(context, "Service", query ?? {}, (ids) => context.db.service.findMany({ ...query, where: { id: { in: ids } } }));
type ProcessFlowQuery = Parameters<SamlaContext["db"]["processFlow"]["findMany"]>[0];
const processFlowRows = (context: SamlaContext, query: ProcessFlowQuery) =>
  rowsOf(context, "ProcessFlow", query ?? {}, (ids) => context.db.processFlow.findMany({ ...query, where: { id: { in: ids } } }));

/** `fn` of the value: at once when it is at hand (rows read along), else when it arrives. */
function then<T, U>(value: T | Promise<T>, fn: (value: T) => U): U | Promise<U> {
  return value instanceof Promise ? value.then(fn) : fn(value);
}

/** A row the comparison's own statement named: gone only if deleted meanwhile. */
function found<T>(row: T | undefined | Promise<T | undefined>, typename: string, id: string): T | Promise<T> {
  return then(row, (value) => {
    if (value === undefined) throw new Error(`${typename} ${id} disappeared while the comparison was read`);
    return value;
  });
}

/** A row that may not exist (null then). */
const orNull = <T>(row: T | undefined | Promise<T | undefined>) => then(row, (value) => value ?? null);

const officeIdField = () => ({
  description: "Global id of the office (one of `offices`).",
  resolve: (row: { officeId: string }) => toGlobalId("Office", row.officeId),
});

// ---- Maturity --------------------------------------------------------------------------

const MaturityCellRef = builder.objectRef<MaturityCell>("MaturityCell").implement({
  description: "One office × practice of the heatmap.",
  fields: (t) => ({
    officeId: t.id(officeIdField()),
    practiceId: t.id({ resolve: (cell) => toGlobalId("Practice", cell.practiceId) }),
    level: t.exposeInt("level", { nullable: true, description: "The latest level on or before `to`; null when never assessed." }),
    assessedOn: t.expose("assessedOn", { type: "Date", nullable: true }),
    previousLevel: t.exposeInt("previousLevel", {
      nullable: true,
      description: "The latest level on or before `from`: where the office stood when the period began.",
    }),
    previousAssessedOn: t.expose("previousAssessedOn", { type: "Date", nullable: true }),
    assessmentCount: t.exposeInt("assessmentCount", {
      description: "Assessments on or before `to`: the history `maturityHistory` lists.",
    }),
  }),
});

const MaturityMatrixRef = builder.objectRef<MaturityMatrix>("MaturityMatrix").implement({
  description: "The heatmap: compared offices × the practices in force during the period.",
  fields: (t) => ({
    practices: t.prismaField({
      type: ["Practice"],
      description: "In catalogue order (theme, then order within it): the columns.",
      resolve: (query, matrix, _args, context) => practiceRows(context, query).getMany(matrix.practiceIds),
    }),
    cells: t.field({
      type: [MaturityCellRef],
      description: "Every office × practice: office by office (in `offices` order), practices in column order.",
      resolve: (matrix) => matrix.cells,
    }),
  }),
});

// ---- KPIs ------------------------------------------------------------------------------

const KpiPointRef = builder.objectRef<KpiPoint>("KpiPoint").implement({
  fields: (t) => ({
    period: t.expose("period", { type: "Date", description: "The first day of the month." }),
    value: t.exposeFloat("value"),
  }),
});

const KpiOfficeSeriesRef = builder.objectRef<KpiOfficeSeries>("KpiOfficeSeries").implement({
  description: "One office's line in a KPI chart.",
  fields: (t) => ({
    officeId: t.id(officeIdField()),
    points: t.field({ type: [KpiPointRef], description: "Month by month within the period.", resolve: (s) => s.points }),
    latest: t.field({ type: KpiPointRef, nullable: true, description: "The last month with a value in the period.", resolve: (s) => s.latest }),
    average: t.exposeFloat("average", { nullable: true, description: "Mean of the monthly values in the period." }),
  }),
});

const KpiSeriesRef = builder.objectRef<KpiSeries>("KpiSeries").implement({
  description: "One KPI chart of the small multiples: a line per office and the target.",
  fields: (t) => ({
    kpi: t.prismaField({
      type: "Kpi",
      resolve: (query, series, _args, context) => found(kpiRows(context, query).get(series.kpiId), "Kpi", series.kpiId),
    }),
    target: t.exposeFloat("target", { nullable: true }),
    series: t.field({ type: [KpiOfficeSeriesRef], description: "One per compared office, in `offices` order.", resolve: (s) => s.series }),
  }),
});

// ---- Case flows ------------------------------------------------------------------------

const CaseFlowStepRef = builder.objectRef<CaseFlowStep>("CaseFlowStep").implement({
  description: "A step of a compared flow with the numbers the comparison uses (the ProcessStep is `stepId`).",
  fields: (t) => ({
    stepId: t.id({ resolve: (step) => toGlobalId("ProcessStep", step.stepId) }),
    order: t.exposeInt("order"),
    stageKey: t.exposeString("stageKey"),
    name: t.exposeString("name"),
    responsibleRoleId: t.id({
      nullable: true,
      resolve: (step) => (step.responsibleRoleId ? toGlobalId("Role", step.responsibleRoleId) : null),
    }),
    responsibleRoleName: t.exposeString("responsibleRoleName", { nullable: true }),
    durationDays: t.exposeFloat("durationDays"),
    waitingDays: t.exposeFloat("waitingDays"),
    leadTimeDays: t.exposeFloat("leadTimeDays", { description: "durationDays + waitingDays." }),
    handOffs: t.exposeInt("handOffs"),
  }),
});

const CaseFlowOfficeStageRef = builder.objectRef<CaseFlowOfficeStage>("CaseFlowOfficeStage").implement({
  description: "What one office's flow does in one common stage (no steps: the office skips it).",
  fields: (t) => ({
    stageKey: t.exposeString("stageKey"),
    steps: t.field({ type: [CaseFlowStepRef], resolve: (stage) => stage.steps }),
    leadTimeDays: t.exposeFloat("leadTimeDays", { nullable: true }),
    waitingDays: t.exposeFloat("waitingDays", { nullable: true }),
    handOffs: t.exposeInt("handOffs", { nullable: true }),
  }),
});

const CaseFlowOfficeRef = builder.objectRef<CaseFlowOffice>("CaseFlowOffice").implement({
  description: "One office's flow for the service: the latest recorded on or before `to`.",
  fields: (t) => ({
    officeId: t.id(officeIdField()),
    flow: t.prismaField({
      type: "ProcessFlow",
      nullable: true,
      description: "Null when the office has recorded no flow for the service by `to`.",
      resolve: (query, office, _args, context) => (office.flowId ? orNull(processFlowRows(context, query).get(office.flowId)) : null),
    }),
    recordedOn: t.expose("recordedOn", { type: "Date", nullable: true }),
    steps: t.field({ type: [CaseFlowStepRef], description: "In flow order.", resolve: (office) => office.steps }),
    stages: t.field({
      type: [CaseFlowOfficeStageRef],
      description: "Aligned with `CaseFlowComparison.stages` (one entry per stage, steps may be empty).",
      resolve: (office) => office.stages,
    }),
    totalLeadTimeDays: t.exposeFloat("totalLeadTimeDays", { nullable: true, description: "Sum of working and waiting time." }),
    workingDays: t.exposeFloat("workingDays", { nullable: true, description: "Sum of the steps' working time." }),
    waitingDays: t.exposeFloat("waitingDays", { nullable: true }),
    waitingShare: t.exposeFloat("waitingShare", { nullable: true, description: "Waiting time / lead time, 0-1." }),
    handOffs: t.exposeInt("handOffs", { nullable: true }),
    stepCount: t.exposeInt("stepCount"),
    leadTimeDifferenceDays: t.exposeFloat("leadTimeDifferenceDays", {
      nullable: true,
      description: "Days longer than the fastest compared flow (0 for the fastest).",
    }),
  }),
});

const CaseFlowStageDifferenceRef = builder.objectRef<CaseFlowStageDifference>("CaseFlowStageDifference").implement({
  description: "How the offices differ in one stage (among the offices whose flow has it).",
  fields: (t) => ({
    stageKey: t.exposeString("stageKey"),
    officeCount: t.exposeInt("officeCount"),
    minLeadTimeDays: t.exposeFloat("minLeadTimeDays"),
    maxLeadTimeDays: t.exposeFloat("maxLeadTimeDays"),
    spreadDays: t.exposeFloat("spreadDays", { description: "maxLeadTimeDays − minLeadTimeDays." }),
    fastestOfficeId: t.id({ resolve: (d) => toGlobalId("Office", d.fastestOfficeId) }),
    slowestOfficeId: t.id({ resolve: (d) => toGlobalId("Office", d.slowestOfficeId) }),
    officeIdsWithout: t.idList({
      description: "Offices whose flow has no step in the stage.",
      resolve: (d) => d.officeIdsWithout.map((id) => toGlobalId("Office", id)),
    }),
  }),
});

const CaseFlowComparisonRef = builder.objectRef<CaseFlowComparison>("CaseFlowComparison").implement({
  description: "The case flows of one service side by side, steps aligned by common stage.",
  fields: (t) => ({
    service: t.prismaField({
      type: "Service",
      resolve: (query, comparison, _args, context) =>
        found(serviceRows(context, query).get(comparison.serviceId), "Service", comparison.serviceId),
    }),
    stages: t.exposeStringList("stages", { description: "Stage keys in their common order: the rows the flows line up on." }),
    offices: t.field({ type: [CaseFlowOfficeRef], description: "One per compared office, in `offices` order.", resolve: (c) => c.offices }),
    differences: t.field({ type: [CaseFlowStageDifferenceRef], description: "One per stage, in `stages` order.", resolve: (c) => c.differences }),
    fastestOfficeId: t.id({
      nullable: true,
      description: "The office with the shortest total lead time (first in `offices` order on a tie).",
      resolve: (c) => (c.fastestOfficeId ? toGlobalId("Office", c.fastestOfficeId) : null),
    }),
    leadTimeSpreadDays: t.exposeFloat("leadTimeSpreadDays", { nullable: true, description: "Longest minus shortest total lead time." }),
  }),
});

// ---- Insights and culture --------------------------------------------------------------

const InsightThemeCellRef = builder.objectRef<InsightThemeCell>("InsightThemeCell").implement({
  description: "How often one office's users raised one theme in interviews within the period.",
  fields: (t) => ({
    officeId: t.id(officeIdField()),
    theme: t.exposeString("theme"),
    count: t.exposeInt("count"),
    share: t.exposeFloat("share", { nullable: true, description: "Of the office's insights in the period, 0-1." }),
    example: t.exposeString("example", { nullable: true, description: "The newest quote on the theme, else the newest summary." }),
    exampleKind: t.field({ type: InsightKindEnum, nullable: true, resolve: (cell) => cell.exampleKind }),
  }),
});

const InsightThemeMatrixRef = builder.objectRef<InsightThemeMatrix>("InsightThemeMatrix").implement({
  fields: (t) => ({
    themes: t.exposeStringList("themes", { description: "Most raised first." }),
    cells: t.field({
      type: [InsightThemeCellRef],
      description: "Every theme × office: theme by theme (in `themes` order), offices in `offices` order.",
      resolve: (matrix) => matrix.cells,
    }),
  }),
});

const CultureGapCellRef = builder.objectRef<CultureGapCell>("CultureGapCell").implement({
  description: "One office's latest culture assessment on one dimension, on or before `to`.",
  fields: (t) => ({
    officeId: t.id(officeIdField()),
    dimension: t.exposeString("dimension"),
    current: t.exposeFloat("current", { nullable: true }),
    target: t.exposeFloat("target", { nullable: true }),
    gap: t.exposeFloat("gap", { nullable: true, description: "target − current." }),
    assessedOn: t.expose("assessedOn", { type: "Date", nullable: true }),
  }),
});

const CultureGapMatrixRef = builder.objectRef<CultureGapMatrix>("CultureGapMatrix").implement({
  fields: (t) => ({
    dimensions: t.exposeStringList("dimensions", { description: "Alphabetical." }),
    cells: t.field({
      type: [CultureGapCellRef],
      description: "Every dimension × office: dimension by dimension, offices in `offices` order; null scores where none is assessed.",
      resolve: (matrix) => matrix.cells,
    }),
  }),
});

// ---- Summary ---------------------------------------------------------------------------

const LeaderKpiRef = builder.objectRef<LeaderKpi>("LeaderKpi").implement({
  fields: (t) => ({
    kpi: t.prismaField({
      type: "Kpi",
      resolve: (query, row, _args, context) => found(kpiRows(context, query).get(row.kpiId), "Kpi", row.kpiId),
    }),
    value: t.exposeFloat("value", { nullable: true, description: "The leading office's latest value in the period." }),
    period: t.expose("period", { type: "Date", nullable: true }),
  }),
});

const PracticeLeaderRef = builder.objectRef<PracticeLeader>("PracticeLeader").implement({
  description: "Per practice, the compared office that has come furthest: the one to learn from.",
  fields: (t) => ({
    practice: t.prismaField({
      type: "Practice",
      resolve: (query, row, _args, context) => found(practiceRows(context, query).get(row.practiceId), "Practice", row.practiceId),
    }),
    leadingOfficeId: t.id({
      nullable: true,
      description: "Highest level on `to` (above 0); on a tie, the office that reached it first. Null when none is above 0.",
      resolve: (row) => (row.leadingOfficeId ? toGlobalId("Office", row.leadingOfficeId) : null),
    }),
    leadingOffice: t.prismaField({
      type: "Office",
      nullable: true,
      resolve: (query, row, _args, context) => (row.leadingOfficeId ? orNull(officeRows(context, query).get(row.leadingOfficeId)) : null),
    }),
    level: t.exposeInt("level", { nullable: true }),
    reachedOn: t.expose("reachedOn", {
      type: "Date",
      nullable: true,
      description: "The first assessment at which the leader stood at (or above) its level.",
    }),
    kpis: t.field({
      type: [LeaderKpiRef],
      description: "The leading office's KPIs, in catalogue order (empty without a leader).",
      resolve: (row) => row.kpis,
    }),
  }),
});

// ---- The comparison --------------------------------------------------------------------

export const MethodComparisonRef = builder.objectRef<ComparisonScope>("MethodComparison").implement({
  description:
    "Working methods of 2-6 offices side by side over a period. Each part is computed in the database when asked for.",
  fields: (t) => ({
    offices: t.prismaField({
      type: ["Office"],
      description: "The compared offices, in the order every part lists them.",
      resolve: (query, scope, _args, context) => officeRows(context, query).getMany(scope.officeIds),
    }),
    from: t.expose("from", { type: "Date" }),
    to: t.expose("to", { type: "Date" }),
    months: t.field({
      type: ["Date"],
      description: "The months (first days) the period touches: the x axis of the KPI charts.",
      resolve: (scope) => monthsOf(scope),
    }),
    maturity: t.field({ type: MaturityMatrixRef, resolve: (scope, _args, context) => comparisonPart(context.db, scope, "maturity") }),
    maturityHistory: t.prismaField({
      type: ["MaturityAssessment"],
      description: "Drill-down of one heatmap cell: the office's assessments of the practice on or before `to`, newest first.",
      args: { officeId: t.arg.id({ required: true }), practiceId: t.arg.id({ required: true }) },
      resolve: (query, scope, args, context) =>
        context.db.maturityAssessment.findMany({
          ...query,
          where: {
            officeId: idArg(args.officeId, "Office"),
            practiceId: idArg(args.practiceId, "Practice"),
            assessedOn: { lte: scope.to },
          },
          orderBy: [{ assessedOn: "desc" }, { createdAt: "desc" }, { id: "desc" }],
        }),
    }),
    kpis: t.field({
      type: [KpiSeriesRef],
      description: "One series per KPI in catalogue order, values of the months in the period.",
      resolve: (scope, _args, context) => comparisonPart(context.db, scope, "kpis"),
    }),
    caseFlowServices: t.prismaField({
      type: ["Service"],
      description: "Services with a recorded flow in a compared office, the most widely recorded first.",
      resolve: async (query, scope, _args, context) =>
        serviceRows(context, query).getMany(await comparisonPart(context.db, scope, "caseFlowServices")),
    }),
    caseFlows: t.field({
      type: CaseFlowComparisonRef,
      nullable: true,
      description: "The flows of one service (default: the first of `caseFlowServices`); null when no flow is recorded.",
      args: { serviceId: t.arg.id({ required: false }) },
      resolve: async (scope, args, context) => {
        const serviceId = args.serviceId ? idArg(args.serviceId, "Service") : null;
        const flows = await caseFlowsOf(context.db, scope, serviceId);
        if (!flows && serviceId) throw new GraphQLError(`Fant ikke tjenesten ${args.serviceId}.`, { extensions: { code: "NOT_FOUND" } });
        return flows;
      },
    }),
    insightThemes: t.field({
      type: InsightThemeMatrixRef,
      description: "User-insight themes per office, from interviews within the period.",
      resolve: (scope, _args, context) => comparisonPart(context.db, scope, "insightThemes"),
    }),
    cultureGaps: t.field({
      type: CultureGapMatrixRef,
      description: "Culture gap (target − current) per dimension and office, latest assessment on or before `to`.",
      resolve: (scope, _args, context) => comparisonPart(context.db, scope, "cultureGaps"),
    }),
    summary: t.field({
      type: [PracticeLeaderRef],
      description: "Per practice (catalogue order), the office to learn from and its latest KPIs.",
      resolve: (scope, _args, context) => comparisonPart(context.db, scope, "summary"),
    }),
  }),
});

builder.queryField("methodComparison", (t) =>
  t.field({
    type: MethodComparisonRef,
    description: "Any Samla role. Working methods of 2-6 offices side by side; default the pilots over the last 12 months.",
    errors: { types: [ValidationError, NotFoundError], directResult: true, union: { name: "MethodComparisonResult" } },
    args: {
      officeIds: t.arg.idList({ required: false, description: COMPARISON_ARG_DESCRIPTIONS.officeIds }),
      from: t.arg({ type: "Date", required: false, description: COMPARISON_ARG_DESCRIPTIONS.from }),
      to: t.arg({ type: "Date", required: false, description: COMPARISON_ARG_DESCRIPTIONS.to }),
    },
    // The scope and every part the request selects, in one statement.
    resolve: async (_parent, args, context, info) => {
      const request = parseComparisonArgs(args);
      const wanted = wantedFromInfo(info);
      const data = await loadComparison(context.db, request, wanted);
      const scope = comparedScope(request, data.officeIds);
      rememberComparison(scope, data, wanted);
      rememberRows(context, data.rows);
      return scope;
    },
  }),
);
