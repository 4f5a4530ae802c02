// Rollout and adoption as GraphQL types: waves, office rollouts with their plans, progress
// reports and their parts. Queries and mutations live in rollout-* and progress-report* files;
// the dashboard and impact analysis (other modules) reuse the refs and the report filter here.
import {
  AdoptionStage,
  ProgressReportCommentKind,
  ProgressReportStatus,
  Prisma,
  type Practice,
} from "@samla/schema";
import { allowsEverywhere, scopes } from "../auth/policy";
import { builder } from "../builder";
import type { SamlaContext } from "../context";
import { addDays, firstOfMonth } from "../lib/dates";
import { databaseId, ledOfficeIds, leadsOffice } from "../lib/leadership";
import { PracticeRef } from "../methods/method-types";
import { OfficeRef } from "../org/offices";

/** Who may read rollout plans, reports and dashboards (not HR). */
export const ADOPTION_READERS = scopes("adoption.read");
/** Who runs the rollout and reviews reports. */
export const DIRECTORATE = scopes("rollout.manage");

export const AdoptionStageEnum = builder.enumType(AdoptionStage, {
  name: "AdoptionStage",
  description: "How far an office has come with a practice, in order: NOT_STARTED < PREPARING < PILOTING < ADOPTED < EMBEDDED.",
});

export const ProgressReportStatusEnum = builder.enumType(ProgressReportStatus, {
  name: "ProgressReportStatus",
  description: "DRAFT → SUBMITTED → ACKNOWLEDGED, or SUBMITTED → CHANGES_REQUESTED → SUBMITTED again.",
});

export const ProgressReportCommentKindEnum = builder.enumType(ProgressReportCommentKind, {
  name: "ProgressReportCommentKind",
});

/** The stages in order; the index is the stage's rank (ADOPTED = 3). */
export const ADOPTION_STAGES: readonly AdoptionStage[] = ["NOT_STARTED", "PREPARING", "PILOTING", "ADOPTED", "EMBEDDED"];

export function stageIndex(stage: AdoptionStage): number {
  return ADOPTION_STAGES.indexOf(stage);
}

/** Norwegian names for messages. */
export const STAGE_NAMES: Record<AdoptionStage, string> = {
  NOT_STARTED: "ikke startet",
  PREPARING: "forberedes",
  PILOTING: "prøves ut",
  ADOPTED: "tatt i bruk",
  EMBEDDED: "forankret",
};

export const REPORT_STATUS_NAMES: Record<ProgressReportStatus, string> = {
  DRAFT: "utkast",
  SUBMITTED: "sendt inn",
  CHANGES_REQUESTED: "sendt tilbake for endringer",
  ACKNOWLEDGED: "kvittert ut",
};


/** A report for month P is due on the 10th of month P + 1. */
export function reportDueDate(period: Date): Date {
  return addDays(firstOfMonth(period, 1), 9);
}

/**
 * The first month an office's monthly reports are due: the month of its planned start, or
 * the later month the planner chose (reportingFrom) when the office joined a wave that had
 * already started, so the months before the move do not all turn overdue (issue 14).
 */
export function reportingStartMonth(rollout: { plannedStart: Date; reportingFrom: Date | null }): Date {
  const startMonth = firstOfMonth(rollout.plannedStart);
  return rollout.reportingFrom && rollout.reportingFrom > startMonth ? firstOfMonth(rollout.reportingFrom) : startMonth;
}

/** reportingStartMonth in SQL (a timestamp) for the OfficeRollout row `alias`; GREATEST skips a null reportingFrom. */
export function reportingStartMonthSql(alias: string): Prisma.Sql {
  return Prisma.raw(`GREATEST(date_trunc('month', ${alias}."plannedStart"::timestamp), date_trunc('month', ${alias}."reportingFrom"::timestamp))`);
}

/** Practices in use (not retired), in catalogue order; read once per request. */
const practicesByRequest = new WeakMap<SamlaContext, Promise<Practice[]>>();

export const PRACTICE_ORDER = [{ theme: "asc" }, { sortOrder: "asc" }, { code: "asc" }] satisfies Prisma.PracticeOrderByWithRelationInput[];

export function practicesInUse(context: SamlaContext): Promise<Practice[]> {
  let practices = practicesByRequest.get(context);
  if (!practices) {
    practices = context.db.practice.findMany({ where: { retiredAt: null }, orderBy: PRACTICE_ORDER });
    practicesByRequest.set(context, practices);
  }
  return practices;
}


/** Planner, admin and viewer read every report; an office leader only those of offices they lead today. */
export function readsAllReports(context: SamlaContext): boolean {
  return allowsEverywhere(context, "report.read");
}

/** Scopes that let the caller read reports of `officeId` (database id). */
export function reportReaderScopes(officeId: string) {
  return scopes("report.read", { officeId });
}

// ---------------------------------------------------------------------------------------
// Waves and office rollouts

export const RolloutWaveRef = builder.prismaNode("RolloutWave", {
  id: { field: "id" },
  description: "A group of offices that adopt the methodology together (innføringsbølge). Ordinal 1 is the pilot wave.",
  fields: (t) => ({
    name: t.exposeString("name"),
    ordinal: t.exposeInt("ordinal", { description: "1, 2, 3 …: the order the waves start in." }),
    isPilot: t.exposeBoolean("isPilot"),
    description: t.exposeString("description", { nullable: true }),
    plannedStart: t.expose("plannedStart", { type: "Date", description: "Default start for offices joining the wave." }),
    targetDate: t.expose("targetDate", { type: "Date", description: "Default date by which the practices should be adopted." }),
    version: t.exposeInt("version", { description: "Send it back with updateRolloutWave (optimistic locking)." }),
    officeCount: t.relationCount("rollouts", {
      description: "Offices in the wave now.",
      where: { leftAt: null },
    }),
    rollouts: t.relation("rollouts", {
      description: "The offices in the wave now (current rollouts), by office name.",
      query: { where: { leftAt: null }, orderBy: [{ office: { name: "asc" } }, { id: "asc" }] },
    }),
  }),
});

export interface PracticePlanShape {
  practice: Practice;
  plannedStart: Date;
  targetDate: Date;
  overridden: boolean;
}

export const PracticePlanRef = builder.objectRef<PracticePlanShape>("PracticePlan").implement({
  description: "The plan for one practice at an office: the office's own dates unless overridden for the practice.",
  fields: (t) => ({
    practice: t.field({ type: PracticeRef, resolve: (plan) => plan.practice }),
    plannedStart: t.expose("plannedStart", { type: "Date" }),
    targetDate: t.expose("targetDate", { type: "Date" }),
    overridden: t.exposeBoolean("overridden", { description: "True when the practice has its own dates." }),
  }),
});

export const OfficeRolloutRef = builder.prismaNode("OfficeRollout", {
  id: { field: "id" },
  description:
    "An office's place in a wave with its planned start and target date. Moving the office to another wave ends " +
    "this row (leftAt, leftReason) and starts a new one, so the history stays.",
  fields: (t) => ({
    office: t.relation("office"),
    wave: t.relation("wave"),
    plannedStart: t.expose("plannedStart", { type: "Date" }),
    targetDate: t.expose("targetDate", { type: "Date" }),
    reportingFrom: t.field({
      type: "Date",
      description: "First month (its first day) a monthly progress report is due: the planned start's month unless the planner chose a later one.",
      select: { plannedStart: true, reportingFrom: true },
      resolve: (rollout) => reportingStartMonth(rollout),
    }),
    joinedAt: t.expose("joinedAt", { type: "DateTime" }),
    leftAt: t.expose("leftAt", { type: "DateTime", nullable: true }),
    leftReason: t.exposeString("leftReason", { nullable: true }),
    isCurrent: t.boolean({ select: { leftAt: true }, resolve: (rollout) => rollout.leftAt === null }),
    version: t.exposeInt("version", {
      description: "Send it back with moveOfficeToWave/updateOfficeRollout (optimistic locking).",
    }),
    practicePlans: t.field({
      type: [PracticePlanRef],
      description: "Every practice in use, in catalogue order: its own dates when overridden, else the office's.",
      select: {
        plannedStart: true,
        targetDate: true,
        practicePlans: { select: { practiceId: true, plannedStart: true, targetDate: true } },
      },
      resolve: async (rollout, _args, context) => {
        const overrides = new Map(rollout.practicePlans.map((plan) => [plan.practiceId, plan]));
        return (await practicesInUse(context)).map((practice) => {
          const own = overrides.get(practice.id);
          return {
            practice,
            plannedStart: own?.plannedStart ?? rollout.plannedStart,
            targetDate: own?.targetDate ?? rollout.targetDate,
            overridden: own !== undefined,
          };
        });
      },
    }),
  }),
});

// Relations, so a list of offices (the plan page) reads every office's rollouts in one query.
builder.prismaObjectFields("Office", (t) => ({
  currentRollout: t.field({
    type: OfficeRolloutRef,
    nullable: true,
    description: "The office's place in the rollout now; null when it is in no wave.",
    select: (_args, _context, nestedSelection) => ({
      rollouts: nestedSelection({ where: { leftAt: null }, take: 1 }),
    }),
    resolve: (office) => office.rollouts[0] ?? null,
  }),
  rolloutHistory: t.relation("rollouts", {
    description: "Every wave the office has been in, oldest first (the current one last).",
    query: { orderBy: [{ joinedAt: "asc" }, { id: "asc" }] },
  }),
}));

builder.objectFields(OfficeRef, (t) => ({
  viewerCanReport: t.boolean({
    description: "Whether the caller may write this office's progress reports: an office leader who leads it today.",
    resolve: (office, _args, context) => leadsOffice(context, office.id),
  }),
}));

// ---------------------------------------------------------------------------------------
// Progress reports

export const ProgressReportStageRef = builder.prismaObject("ProgressReportStage", {
  description: "The adoption stage of one practice as the report says, with a note.",
  fields: (t) => ({
    practice: t.relation("practice"),
    stage: t.expose("stage", { type: AdoptionStageEnum }),
    note: t.exposeString("note"),
  }),
});

export const ProgressReportKpiValueRef = builder.prismaObject("ProgressReportKpiValue", {
  description: "A KPI value for the report's month.",
  fields: (t) => ({
    kpi: t.relation("kpi"),
    value: t.float({ select: { value: true }, resolve: (row) => row.value.toNumber() }),
  }),
});

/** Report parts are readable by whoever may read their report. */
async function reportPartScopes(reportId: string, context: SamlaContext) {
  if (readsAllReports(context)) return scopes("report.readAll");
  const report = await context.db.progressReport.findUnique({ where: { id: reportId }, select: { officeId: true } });
  return report ? reportReaderScopes(report.officeId) : scopes("report.readAll");
}

export const ProgressReportCommentRef = builder.prismaNode("ProgressReportComment", {
  id: { field: "id" },
  description: "The directorate's answer to a submitted report: acknowledged, or changes asked for.",
  authScopes: (comment, context) => reportPartScopes(comment.reportId, context),
  fields: (t) => ({
    kind: t.expose("kind", { type: ProgressReportCommentKindEnum }),
    body: t.exposeString("body"),
    authorName: t.exposeString("authorName"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

export const ProgressReportSubmissionRef = builder.prismaNode("ProgressReportSubmission", {
  id: { field: "id" },
  description: "A submission as it was sent; a report sent back for changes and sent again keeps both.",
  authScopes: (submission, context) => reportPartScopes(submission.reportId, context),
  fields: (t) => ({
    number: t.exposeInt("number", { description: "1, 2, … in the order sent." }),
    submittedAt: t.expose("submittedAt", { type: "DateTime" }),
    submittedByName: t.exposeString("submittedByName"),
    content: t.expose("content", {
      type: "JSON",
      description:
        "{ stages: [{ practiceCode, practiceName, stage, note }], kpiValues: [{ kpiCode, kpiName, value }], " +
        "learning, obstacles, helpNeeded }",
    }),
  }),
});

export const ProgressReportRef = builder.prismaNode("ProgressReport", {
  id: { field: "id" },
  description:
    "An office leader's report for one office and one month (statusrapport). Readable by planners, admins, " +
    "viewers and the leader of the office today.",
  // Also guards node(id): a report is only readable by those who may read its office's reports.
  authScopes: (report) => reportReaderScopes(report.officeId),
  fields: (t) => ({
    office: t.relation("office"),
    period: t.expose("period", { type: "Date", description: "The first day of the month reported on." }),
    dueDate: t.field({
      type: "Date",
      description: "The 10th of the month after the period.",
      select: { period: true },
      resolve: (report) => reportDueDate(report.period),
    }),
    status: t.expose("status", { type: ProgressReportStatusEnum }),
    version: t.exposeInt("version", { description: "Send it back with every report mutation (optimistic locking)." }),
    learning: t.exposeString("learning"),
    obstacles: t.exposeString("obstacles"),
    helpNeeded: t.exposeString("helpNeeded"),
    stages: t.relation("stages", {
      description: "In practice catalogue order.",
      query: {
        orderBy: [{ practice: { theme: "asc" } }, { practice: { sortOrder: "asc" } }, { practice: { code: "asc" } }],
      },
    }),
    kpiValues: t.relation("kpiValues", {
      description: "In KPI catalogue order.",
      query: { orderBy: [{ kpi: { sortOrder: "asc" } }, { kpi: { code: "asc" } }] },
    }),
    createdByName: t.exposeString("createdByName"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    submittedAt: t.expose("submittedAt", { type: "DateTime", nullable: true }),
    submittedByName: t.exposeString("submittedByName", { nullable: true }),
    acknowledgedAt: t.expose("acknowledgedAt", { type: "DateTime", nullable: true }),
    acknowledgedByName: t.exposeString("acknowledgedByName", { nullable: true }),
    comments: t.relation("comments", { description: "Oldest first.", query: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] } }),
    submissions: t.relation("submissions", { description: "Oldest first.", query: { orderBy: { number: "asc" } } }),
    viewerCanEdit: t.boolean({
      description: "The caller leads the office today and the report is DRAFT or CHANGES_REQUESTED.",
      select: { officeId: true, status: true },
      resolve: async (report, _args, context) =>
        (report.status === "DRAFT" || report.status === "CHANGES_REQUESTED") && (await leadsOffice(context, report.officeId)),
    }),
    viewerCanReview: t.boolean({
      description: "The caller is a planner or admin and the report is SUBMITTED.",
      select: { status: true },
      resolve: (report, _args, context) => report.status === "SUBMITTED" && allowsEverywhere(context, "rollout.manage"),
    }),
  }),
});

export const ProgressReportFilter = builder.inputType("ProgressReportFilter", {
  fields: (t) => ({
    officeId: t.id({ required: false }),
    statuses: t.field({ type: [ProgressReportStatusEnum], required: false, description: "Any of these statuses." }),
    periodFrom: t.field({ type: "Date", required: false, description: "Periods on or after this month." }),
    periodTo: t.field({ type: "Date", required: false, description: "Periods on or before this month." }),
    waveId: t.id({ required: false, description: "Offices in this wave now." }),
  }),
});

export type ProgressReportFilterInput = typeof ProgressReportFilter.$inferInput;

/** The database id inside a global id of `typename`; "" (matches nothing) when it is not one. */
function idFilter(globalId: string, typename: string): string {
  return databaseId(globalId, typename) ?? "";
}

/**
 * The reports `filter` asks for that the caller may read: everything for planners, admins and
 * viewers; an office leader only the offices they lead today. Periods match by month.
 */
export async function progressReportWhere(
  context: SamlaContext,
  filter: ProgressReportFilterInput | null | undefined,
): Promise<Prisma.ProgressReportWhereInput> {
  const and: Prisma.ProgressReportWhereInput[] = [];
  if (!readsAllReports(context)) and.push({ officeId: { in: [...(await ledOfficeIds(context))] } });
  if (filter?.officeId) and.push({ officeId: idFilter(filter.officeId, "Office") });
  if (filter?.statuses?.length) and.push({ status: { in: filter.statuses } });
  if (filter?.periodFrom) and.push({ period: { gte: firstOfMonth(filter.periodFrom) } });
  if (filter?.periodTo) and.push({ period: { lte: firstOfMonth(filter.periodTo) } });
  if (filter?.waveId) {
    and.push({ office: { rollouts: { some: { waveId: idFilter(filter.waveId, "RolloutWave"), leftAt: null } } } });
  }
  return { AND: and };
}
