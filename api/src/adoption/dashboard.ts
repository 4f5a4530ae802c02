// adoptionDashboard: adoption of the methodology across the offices in the rollout: stage
// per office × practice now and month by month, progress per wave against plan, offices
// behind plan with their reasons, and the spread of each practice. Each part is its own
// field with its own SQL query (dashboard-queries.ts), so the screen pays for what it asks.
import type { Db } from "@samla/schema";
import { GraphQLError } from "graphql";
import { z } from "zod";
import { allows } from "../auth/policy";
import { builder } from "../builder";
import type { SamlaContext } from "../context";
import { loadRow } from "../lib/row-loader";
import { firstOfMonth, formatDate, todayInNorway } from "../lib/dates";
import { NotFoundError, SamlaError, ValidationError } from "../lib/errors";
import { toGlobalId } from "../lib/ids";
import { parseInput, zGlobalId } from "../lib/validation";
import { ADOPTION_READERS, AdoptionStageEnum } from "./adoption-types";
import {
  AdoptionDashboardData,
  type BehindPlanOffice,
  type BehindPlanPractice,
  type DashboardCell,
  type DashboardMatrixRow,
  type DashboardScope,
  type DashboardSummary,
  type PracticePoint,
  type PracticeSeries,
  type PracticeSpread,
  type StageCount,
  type TimelinePoint,
  type WaveProgress,
  type WaveProgressPoint,
} from "./dashboard-queries";

/** The default series: asOf's month and the 23 before it (two years). */
const DEFAULT_MONTHS = 24;
/** The longest series one request may ask for (five years of months). */
const MAX_MONTHS = 60;

export const AdoptionDashboardFilter = builder.inputType("AdoptionDashboardFilter", {
  fields: (t) => ({
    waveId: t.id({ required: false, description: "Only the offices currently in this wave." }),
    asOf: t.field({ type: "Date", required: false, description: "The day the dashboard describes. Default: today." }),
    from: t.field({
      type: "Date",
      required: false,
      description: "The first month of the series (its month is used). Default: the month 23 months before asOf's month.",
    }),
  }),
});

export type AdoptionDashboardFilterInput = typeof AdoptionDashboardFilter.$inferInput;

const filterSchema = z.object({
  waveId: zGlobalId("RolloutWave").nullish(),
  asOf: z.date().nullish(),
  from: z.date().nullish(),
});

/**
 * The dashboard's scope from its filter. ValidationError for a malformed wave id, from after
 * asOf or a series longer than MAX_MONTHS; NotFoundError for an unknown wave.
 */
export async function resolveDashboardScope(
  db: Db,
  filter: AdoptionDashboardFilterInput | null | undefined,
  today = todayInNorway(),
): Promise<DashboardScope> {
  const input = parseInput(filterSchema, filter ?? {});
  const asOf = input.asOf ?? today;
  const from = firstOfMonth(input.from ?? firstOfMonth(asOf, 1 - DEFAULT_MONTHS));
  if (from > asOf) {
    throw ValidationError.field("from", `Perioden må starte før ${formatDate(asOf)}.`);
  }
  if (from < firstOfMonth(asOf, 1 - MAX_MONTHS)) {
    throw ValidationError.field("from", `Perioden kan være høyst ${MAX_MONTHS} måneder.`);
  }
  if (input.waveId) {
    const wave = await db.rolloutWave.findUnique({ where: { id: input.waveId }, select: { id: true } });
    if (!wave) throw new NotFoundError("RolloutWave", filter!.waveId!);
  }
  return { waveId: input.waveId ?? null, asOf, from };
}

/** The query has no error union (its type is non-null): expected failures become coded GraphQL errors. */
async function asGraphQLErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof SamlaError) throw new GraphQLError(error.message, { extensions: { code: error.code } });
    throw error;
  }
}

/** Global ids of practices, made once each: the matrix names the same dozen practices in thousands of cells. */
const practiceGlobalIds = new Map<string, string>();
function practiceGlobalId(id: string): string {
  let globalId = practiceGlobalIds.get(id);
  if (!globalId) practiceGlobalIds.set(id, (globalId = toGlobalId("Practice", id)));
  return globalId;
}

const AdoptionStageCountRef = builder.objectRef<StageCount>("AdoptionStageCount").implement({
  fields: (t) => ({
    stage: t.field({ type: AdoptionStageEnum, resolve: (row) => row.stage }),
    count: t.exposeInt("count"),
  }),
});

const AdoptionSummaryRef = builder.objectRef<DashboardSummary>("AdoptionSummary").implement({
  description: "Headline figures on asOf.",
  fields: (t) => ({
    officeCount: t.exposeInt("officeCount", { description: "Offices with a current rollout (in the wave, when filtered)." }),
    startedOfficeCount: t.exposeInt("startedOfficeCount", { description: "Of them, those whose rollout started on or before asOf." }),
    reportsSubmittedThisPeriod: t.exposeInt("reportsSubmittedThisPeriod", {
      description: "Reports for asOf's month that are SUBMITTED or ACKNOWLEDGED.",
    }),
    reportsAwaitingReview: t.exposeInt("reportsAwaitingReview", { description: "SUBMITTED reports (any month) waiting for the directorate." }),
    overdueReportCount: t.exposeInt("overdueReportCount", {
      description: "Expected reports not done by their due date (the 10th of the next month), counted on asOf.",
    }),
    adoptedShare: t.exposeFloat("adoptedShare", { description: "Share (0-1) of office × practice at ADOPTED or above." }),
    behindPlanOfficeCount: t.exposeInt("behindPlanOfficeCount"),
  }),
});

const AdoptionCellRef = builder.objectRef<DashboardCell>("AdoptionCell").implement({
  description: "One office × practice on asOf.",
  fields: (t) => ({
    practiceId: t.id({ resolve: (cell) => practiceGlobalId(cell.practiceId) }),
    stage: t.field({ type: AdoptionStageEnum, description: "NOT_STARTED without any status row.", resolve: (cell) => cell.stage }),
    since: t.expose("since", {
      type: "Date",
      nullable: true,
      description: "First month of the current run of this stage; null without any status row.",
    }),
    expectedStage: t.field({ type: AdoptionStageEnum, description: "What the plan dates expect on asOf.", resolve: (cell) => cell.expectedStage }),
    behindPlan: t.exposeBoolean("behindPlan", { description: "stage is before expectedStage." }),
  }),
});

const AdoptionMatrixRowRef = builder.objectRef<DashboardMatrixRow>("AdoptionMatrixRow").implement({
  fields: (t) => ({
    office: t.prismaField({
      type: "Office",
      resolve: (query, row, _args, context) => loadRow(context, "office", query, row.officeId),
    }),
    wave: t.prismaField({
      type: "RolloutWave",
      resolve: (query, row, _args, context) => loadRow(context, "rolloutWave", query, row.waveId),
    }),
    cells: t.field({ type: [AdoptionCellRef], description: "In practice order (`practices`).", resolve: (row) => row.cells }),
  }),
});

const AdoptionTimelinePointRef = builder.objectRef<TimelinePoint>("AdoptionTimelinePoint").implement({
  description: "Office × practice pairs per stage in one month.",
  fields: (t) => ({
    period: t.expose("period", { type: "Date", description: "The first day of the month." }),
    counts: t.field({ type: [AdoptionStageCountRef], description: "All five stages, in order.", resolve: (point) => point.counts }),
  }),
});

const PracticeAdoptionPointRef = builder.objectRef<PracticePoint>("PracticeAdoptionPoint").implement({
  fields: (t) => ({
    period: t.expose("period", { type: "Date", description: "The first day of the month." }),
    adoptedShare: t.exposeFloat("adoptedShare", { description: "Share (0-1) of the offices at ADOPTED or above." }),
    averageStage: t.exposeFloat("averageStage", { description: "Mean stage index (NOT_STARTED 0 … EMBEDDED 4)." }),
  }),
});

const PracticeAdoptionSeriesRef = builder.objectRef<PracticeSeries>("PracticeAdoptionSeries").implement({
  fields: (t) => ({
    practice: t.prismaField({
      type: "Practice",
      resolve: (query, row, _args, context) => loadRow(context, "practice", query, row.practiceId),
    }),
    points: t.field({ type: [PracticeAdoptionPointRef], description: "Month by month, from … asOf.", resolve: (row) => row.points }),
  }),
});

const WaveProgressPointRef = builder.objectRef<WaveProgressPoint>("WaveProgressPoint").implement({
  fields: (t) => ({
    period: t.expose("period", { type: "Date", description: "The first day of the month." }),
    planned: t.exposeFloat("planned", { description: "Progress (0-1) the plan expects on the month's last day." }),
    actual: t.exposeFloat("actual", { description: "Progress (0-1) by the stages reported for the month." }),
  }),
});

const WaveProgressRef = builder.objectRef<WaveProgress>("WaveProgress").implement({
  description: "Progress = mean over office × practice of min(stage index, 3) / 3; planned uses the expected stages.",
  fields: (t) => ({
    wave: t.prismaField({
      type: "RolloutWave",
      resolve: (query, row, _args, context) => loadRow(context, "rolloutWave", query, row.waveId),
    }),
    officeCount: t.exposeInt("officeCount"),
    plannedProgress: t.exposeFloat("plannedProgress", { description: "On asOf." }),
    actualProgress: t.exposeFloat("actualProgress", { description: "On asOf." }),
    behindPlanOfficeCount: t.exposeInt("behindPlanOfficeCount"),
    series: t.field({ type: [WaveProgressPointRef], description: "Month by month, from … asOf.", resolve: (row) => row.series }),
  }),
});

const BehindPlanPracticeRef = builder.objectRef<BehindPlanPractice>("BehindPlanPractice").implement({
  fields: (t) => ({
    practice: t.prismaField({
      type: "Practice",
      resolve: (query, row, _args, context) => loadRow(context, "practice", query, row.practiceId),
    }),
    stage: t.field({ type: AdoptionStageEnum, resolve: (row) => row.stage }),
    expectedStage: t.field({ type: AdoptionStageEnum, resolve: (row) => row.expectedStage }),
    targetDate: t.expose("targetDate", { type: "Date", description: "When the practice should be ADOPTED." }),
  }),
});

/**
 * What the office's report says, for those who may read that report (as progressReport(id)
 * decides): an office leader sees that another office is behind plan, not what its leader wrote.
 */
async function fromReport<T>(context: SamlaContext, row: BehindPlanOffice, value: T | null): Promise<T | null> {
  return value !== null && (await allows(context, "report.read", row.officeId)) ? value : null;
}

const BehindPlanOfficeRef = builder.objectRef<BehindPlanOffice>("BehindPlanOffice").implement({
  fields: (t) => ({
    office: t.prismaField({
      type: "Office",
      resolve: (query, row, _args, context) => loadRow(context, "office", query, row.officeId),
    }),
    wave: t.prismaField({
      type: "RolloutWave",
      resolve: (query, row, _args, context) => loadRow(context, "rolloutWave", query, row.waveId),
    }),
    practices: t.field({ type: [BehindPlanPracticeRef], description: "The practices behind plan, in practice order.", resolve: (row) => row.practices }),
    viewerCanReadReport: t.boolean({
      description:
        "Whether the caller may read this office's reports (report.read): planners, admins, viewers, and the leader " +
        "of this office. When false, reason, helpNeeded, reportPeriod and reportId are null (docs/decisions/007).",
      resolve: (row, _args, context) => allows(context, "report.read", row.officeId),
    }),
    reason: t.string({
      nullable: true,
      description:
        "Obstacles in the office's latest submitted or acknowledged report (for a month up to asOf); null if none or " +
        "empty, or when the caller may not read the office's reports.",
      resolve: (row, _args, context) => fromReport(context, row, row.reason),
    }),
    helpNeeded: t.string({
      nullable: true,
      description: "From the same report; null as reason.",
      resolve: (row, _args, context) => fromReport(context, row, row.helpNeeded),
    }),
    reportPeriod: t.field({
      type: "Date",
      nullable: true,
      description: "The month of that report; null as reason.",
      resolve: (row, _args, context) => fromReport(context, row, row.reportPeriod),
    }),
    reportId: t.id({
      nullable: true,
      description: "Global id of that report (ProgressReport); null as reason.",
      resolve: async (row, _args, context) => {
        const id = await fromReport(context, row, row.reportId);
        return id ? toGlobalId("ProgressReport", id) : null;
      },
    }),
  }),
});

const PracticeSpreadRef = builder.objectRef<PracticeSpread>("PracticeSpread").implement({
  description: "How far one practice has spread across the offices on asOf.",
  fields: (t) => ({
    practice: t.prismaField({
      type: "Practice",
      resolve: (query, row, _args, context) => loadRow(context, "practice", query, row.practiceId),
    }),
    counts: t.field({
      type: [AdoptionStageCountRef],
      description: "Offices per stage, all five in order (offices without a status row are NOT_STARTED).",
      resolve: (row) => row.counts,
    }),
    adoptedShare: t.exposeFloat("adoptedShare", { description: "Share (0-1) of the offices at ADOPTED or above." }),
    officeCount: t.exposeInt("officeCount"),
  }),
});

export const AdoptionDashboardRef = builder.objectRef<AdoptionDashboardData>("AdoptionDashboard").implement({
  description:
    "Adoption across the offices with a current rollout (in the wave, when filtered) and the practices in use. " +
    "Each part is computed in the database when asked for.",
  fields: (t) => ({
    asOf: t.field({ type: "Date", resolve: (data) => data.scope.asOf }),
    from: t.field({ type: "Date", description: "The first month of the series (a first of month).", resolve: (data) => data.scope.from }),
    practices: t.prismaField({
      type: ["Practice"],
      description: "The practices in use, in catalogue order: the matrix's columns.",
      // The order of loadPracticeIds, in the same statement.
      resolve: (query, _data, _args, context) =>
        context.db.practice.findMany({
          ...query,
          where: { retiredAt: null },
          orderBy: [{ theme: "asc" }, { sortOrder: "asc" }, { code: "asc" }, { id: "asc" }],
        }),
    }),
    summary: t.field({ type: AdoptionSummaryRef, resolve: (data) => data.summary() }),
    matrix: t.field({
      type: [AdoptionMatrixRowRef],
      description: "One row per office, by wave order then office name; cells in practice order.",
      resolve: async (data) => (await data.currentAdoption()).matrix,
    }),
    timeline: t.field({
      type: [AdoptionTimelinePointRef],
      description: "Office × practice pairs per stage, month by month from `from` to asOf's month.",
      resolve: async (data) => (await data.monthlyAdoption()).timeline,
    }),
    practiceTimeline: t.field({
      type: [PracticeAdoptionSeriesRef],
      description: "Per practice (catalogue order), month by month.",
      resolve: async (data) => (await data.monthlyAdoption()).practices,
    }),
    waves: t.field({
      type: [WaveProgressRef],
      description: "Every wave (only the filtered one) by ordinal: progress against plan.",
      resolve: (data) => data.waves(),
    }),
    behindPlan: t.field({
      type: [BehindPlanOfficeRef],
      description: "Offices with a practice behind plan on asOf: most practices behind first, then office name.",
      resolve: async (data) => (await data.currentAdoption()).behindPlan,
    }),
    spread: t.field({
      type: [PracticeSpreadRef],
      description: "Per practice (catalogue order), offices per stage on asOf.",
      resolve: async (data) => (await data.currentAdoption()).spread,
    }),
  }),
});

builder.queryField("adoptionDashboard", (t) =>
  t.field({
    type: AdoptionDashboardRef,
    description:
      "Planner, admin, viewer, office leader. Adoption across the rollout on asOf (default today), series from `from`. " +
      "A malformed filter fails with code VALIDATION_FAILED, an unknown wave with NOT_FOUND.",
    authScopes: ADOPTION_READERS,
    args: { filter: t.arg({ type: AdoptionDashboardFilter, required: false }) },
    resolve: (_parent, args, context) =>
      asGraphQLErrors(async () => new AdoptionDashboardData(context.db, await resolveDashboardScope(context.db, args.filter))),
  }),
);
