// The aggregates of a method comparison, each part one SQL query with bound parameters.
// The database does the arithmetic ("latest on or before a date", sums, averages, spreads,
// leaders); the code here only groups the rows into the shapes the screen draws.
import { Prisma, type Db, type InsightKind } from "@samla/schema";
import { firstOfMonth, formatDate, parseDate } from "../lib/dates";
import type { ComparisonScope } from "./comparison-scope";
import { CASE_FLOW_STAGES } from "./method-types";

/** The common stages of a case flow in order (the list recording checks against); other stages follow by position. */
export const CASE_FLOW_STAGE_ORDER = CASE_FLOW_STAGES.map((stage) => stage.key);

/** The compared offices with their position, as the first CTE of every query. */
function comparedOffices(scope: ComparisonScope): Prisma.Sql {
  return Prisma.sql`compared AS (
    SELECT o."id", o."position"
    FROM unnest(${scope.officeIds}::text[]) WITH ORDINALITY AS o("id", "position")
  )`;
}

/** Practices in force during (part of) the period, in catalogue order. */
function comparedPractices(scope: ComparisonScope): Prisma.Sql {
  return Prisma.sql`practices AS (
    SELECT p."id", p."theme", p."sortOrder", p."code"
    FROM "Practice" p
    WHERE p."retiredAt" IS NULL OR p."retiredAt" >= ${day(scope.from)}::date
  )`;
}

const day = (date: Date) => formatDate(date);
const asDate = (text: string) => parseDate(text)!;
const asDateOrNull = (text: string | null) => (text === null ? null : asDate(text));

// ---- Maturity --------------------------------------------------------------------------

export interface MaturityCell {
  officeId: string;
  practiceId: string;
  /** The latest level on or before `to`; null when never assessed. */
  level: number | null;
  assessedOn: Date | null;
  /** The latest level on or before `from`: where the office stood when the period began. */
  previousLevel: number | null;
  previousAssessedOn: Date | null;
  /** Assessments on or before `to`: the history the drill-down lists. */
  assessmentCount: number;
}

export interface MaturityMatrix {
  practiceIds: string[];
  /** Every office × practice, office by office, practices in catalogue order. */
  cells: MaturityCell[];
}

export async function loadMaturity(db: Db, scope: ComparisonScope): Promise<MaturityMatrix> {
  const rows = await db.$queryRaw<
    (Omit<MaturityCell, "assessedOn" | "previousAssessedOn"> & { assessedOn: string | null; previousAssessedOn: string | null })[]
  >`
    WITH ${comparedOffices(scope)}, ${comparedPractices(scope)},
    ranked AS (
      SELECT m."officeId", m."practiceId", m."level", m."assessedOn",
             count(*) OVER (PARTITION BY m."officeId", m."practiceId") AS "assessmentCount",
             row_number() OVER (
               PARTITION BY m."officeId", m."practiceId"
               ORDER BY m."assessedOn" DESC, m."createdAt" DESC, m."id" DESC) AS "newest",
             -- Numbered separately on each side of from: number 1 on or before it is the previous level.
             row_number() OVER (
               PARTITION BY m."officeId", m."practiceId", m."assessedOn" <= ${day(scope.from)}::date
               ORDER BY m."assessedOn" DESC, m."createdAt" DESC, m."id" DESC) AS "newestOnItsSide"
      FROM "MaturityAssessment" m
      WHERE m."officeId" = ANY(${scope.officeIds}::text[]) AND m."assessedOn" <= ${day(scope.to)}::date
    )
    SELECT c."id" AS "officeId", p."id" AS "practiceId",
           cur."level", cur."assessedOn"::text AS "assessedOn",
           prev."level" AS "previousLevel", prev."assessedOn"::text AS "previousAssessedOn",
           COALESCE(cur."assessmentCount", 0)::int AS "assessmentCount"
    FROM compared c
    CROSS JOIN practices p
    LEFT JOIN ranked cur ON cur."officeId" = c."id" AND cur."practiceId" = p."id" AND cur."newest" = 1
    LEFT JOIN ranked prev ON prev."officeId" = c."id" AND prev."practiceId" = p."id"
      AND prev."assessedOn" <= ${day(scope.from)}::date AND prev."newestOnItsSide" = 1
    ORDER BY c."position", p."theme", p."sortOrder", p."code"`;
  const cells = rows.map((row) => ({
    ...row,
    assessedOn: asDateOrNull(row.assessedOn),
    previousAssessedOn: asDateOrNull(row.previousAssessedOn),
  }));
  const firstOffice = scope.officeIds[0];
  return { practiceIds: cells.filter((cell) => cell.officeId === firstOffice).map((cell) => cell.practiceId), cells };
}

// ---- KPIs ------------------------------------------------------------------------------

export interface KpiPoint {
  period: Date;
  value: number;
}

export interface KpiOfficeSeries {
  officeId: string;
  /** Month by month within the period. */
  points: KpiPoint[];
  latest: KpiPoint | null;
  average: number | null;
}

export interface KpiSeries {
  kpiId: string;
  target: number | null;
  /** One per compared office, in their order (empty points when the office has none). */
  series: KpiOfficeSeries[];
}

export async function loadKpiSeries(db: Db, scope: ComparisonScope): Promise<KpiSeries[]> {
  const rows = await db.$queryRaw<
    {
      kpiId: string;
      target: number | null;
      officeId: string | null;
      period: string | null;
      value: number | null;
      average: number | null;
      latestValue: number | null;
      latestPeriod: string | null;
    }[]
  >`
    WITH ${comparedOffices(scope)},
    points AS (
      SELECT mm."kpiId", mm."officeId", c."position", mm."period", mm."value",
             avg(mm."value") OVER office_kpi AS "average",
             first_value(mm."value") OVER (office_kpi ORDER BY mm."period" DESC) AS "latestValue",
             max(mm."period") OVER office_kpi AS "latestPeriod"
      FROM "KpiMeasurement" mm
      JOIN compared c ON c."id" = mm."officeId"
      WHERE mm."period" >= ${day(firstOfMonth(scope.from))}::date AND mm."period" <= ${day(scope.to)}::date
      WINDOW office_kpi AS (PARTITION BY mm."kpiId", mm."officeId")
    )
    SELECT k."id" AS "kpiId", k."target"::float8 AS "target",
           pt."officeId", pt."period"::text AS "period", pt."value"::float8 AS "value",
           pt."average"::float8 AS "average", pt."latestValue"::float8 AS "latestValue",
           pt."latestPeriod"::text AS "latestPeriod"
    FROM "Kpi" k
    LEFT JOIN points pt ON pt."kpiId" = k."id"
    ORDER BY k."sortOrder", k."code", k."id", pt."position", pt."period"`;

  const kpis = new Map<string, KpiSeries>();
  for (const row of rows) {
    let kpi = kpis.get(row.kpiId);
    if (!kpi) {
      kpi = {
        kpiId: row.kpiId,
        target: row.target,
        series: scope.officeIds.map((officeId) => ({ officeId, points: [], latest: null, average: null })),
      };
      kpis.set(row.kpiId, kpi);
    }
    if (row.officeId === null || row.period === null || row.value === null) continue;
    const series = kpi.series.find((s) => s.officeId === row.officeId)!;
    series.points.push({ period: asDate(row.period), value: row.value });
    series.average = row.average;
    series.latest = row.latestPeriod === null || row.latestValue === null ? null : { period: asDate(row.latestPeriod), value: row.latestValue };
  }
  return [...kpis.values()];
}

// ---- Case flows ------------------------------------------------------------------------

/** Services with a recorded flow in a compared office, the most widely recorded first. */
export async function loadCaseFlowServiceIds(db: Db, scope: ComparisonScope): Promise<string[]> {
  const rows = await db.$queryRaw<{ serviceId: string }[]>`
    SELECT f."serviceId"
    FROM "ProcessFlow" f
    JOIN "Service" s ON s."id" = f."serviceId"
    WHERE f."officeId" = ANY(${scope.officeIds}::text[]) AND f."recordedOn" <= ${day(scope.to)}::date
    GROUP BY f."serviceId", s."name"
    ORDER BY count(DISTINCT f."officeId") DESC, s."name", f."serviceId"`;
  return rows.map((row) => row.serviceId);
}

export interface CaseFlowStep {
  stepId: string;
  order: number;
  stageKey: string;
  name: string;
  responsibleRoleId: string | null;
  responsibleRoleName: string | null;
  durationDays: number;
  waitingDays: number;
  /** durationDays + waitingDays */
  leadTimeDays: number;
  handOffs: number;
}

export interface CaseFlowOfficeStage {
  stageKey: string;
  steps: CaseFlowStep[];
  /** Null when the office's flow has no step in the stage. */
  leadTimeDays: number | null;
  waitingDays: number | null;
  handOffs: number | null;
}

export interface CaseFlowOffice {
  officeId: string;
  /** The flow in force on `to` (latest recordedOn on or before it); null when none is recorded. */
  flowId: string | null;
  recordedOn: Date | null;
  steps: CaseFlowStep[];
  /** Aligned with CaseFlowComparison.stages. */
  stages: CaseFlowOfficeStage[];
  totalLeadTimeDays: number | null;
  workingDays: number | null;
  waitingDays: number | null;
  /** Waiting time as a share (0-1) of the lead time; null without lead time. */
  waitingShare: number | null;
  handOffs: number | null;
  stepCount: number;
  /** How much longer than the fastest compared flow. */
  leadTimeDifferenceDays: number | null;
}

export interface CaseFlowStageDifference {
  stageKey: string;
  /** Offices whose flow has the stage. */
  officeCount: number;
  minLeadTimeDays: number;
  maxLeadTimeDays: number;
  spreadDays: number;
  fastestOfficeId: string;
  slowestOfficeId: string;
  /** Offices with a flow that has no step in this stage. */
  officeIdsWithout: string[];
}

export interface CaseFlowComparison {
  serviceId: string;
  /** Stage keys in their common order: the rows the flows line up on. */
  stages: string[];
  offices: CaseFlowOffice[];
  differences: CaseFlowStageDifference[];
  fastestOfficeId: string | null;
  /** Longest minus shortest total lead time. */
  leadTimeSpreadDays: number | null;
}

interface CaseFlowRow {
  officeId: string;
  flowId: string;
  recordedOn: string;
  totalLeadTime: number;
  totalWorking: number;
  totalWaiting: number;
  waitingShare: number | null;
  totalHandOffs: number;
  stepCount: number;
  leadTimeDifference: number;
  leadTimeSpread: number;
  isFastestFlow: boolean;
  stepId: string | null;
  order: number | null;
  stageKey: string | null;
  name: string | null;
  responsibleRoleId: string | null;
  responsibleRoleName: string | null;
  durationDays: number | null;
  waitingDays: number | null;
  leadTime: number | null;
  handOffs: number | null;
  stageLeadTime: number | null;
  stageWaiting: number | null;
  stageHandOffs: number | null;
  stageRank: number | null;
  stageOfficeCount: number | null;
  stageMinLeadTime: number | null;
  stageMaxLeadTime: number | null;
  stageFastestOfficeId: string | null;
  stageSlowestOfficeId: string | null;
  stageSpread: number | null;
  stageOfficeIdsWithout: string[] | null;
}

export async function loadCaseFlows(db: Db, scope: ComparisonScope, serviceId: string): Promise<CaseFlowComparison> {
  const rows = await db.$queryRaw<CaseFlowRow[]>`
    WITH ${comparedOffices(scope)},
    latest AS (
      SELECT DISTINCT ON (f."officeId") f."id", f."officeId", f."recordedOn"
      FROM "ProcessFlow" f
      WHERE f."serviceId" = ${serviceId} AND f."officeId" = ANY(${scope.officeIds}::text[])
        AND f."recordedOn" <= ${day(scope.to)}::date
      ORDER BY f."officeId", f."recordedOn" DESC, f."createdAt" DESC, f."id" DESC
    ),
    steps AS (
      SELECT l."officeId", s."id" AS "stepId", s."order", s."stageKey", s."name", s."responsibleRoleId",
             s."durationDays", s."waitingDays", s."durationDays" + s."waitingDays" AS "leadTime", s."handOffs",
             count(*) OVER (PARTITION BY l."officeId") AS "stepCount"
      FROM latest l
      JOIN "ProcessStep" s ON s."flowId" = l."id"
    ),
    flows AS (
      SELECT l."officeId", l."id" AS "flowId", l."recordedOn",
             COALESCE(sum(s."leadTime"), 0) AS "leadTime", COALESCE(sum(s."durationDays"), 0) AS "working",
             COALESCE(sum(s."waitingDays"), 0) AS "waiting",
             COALESCE(sum(s."handOffs"), 0) AS "handOffs", count(s."stepId") AS "stepCount"
      FROM latest l
      LEFT JOIN steps s ON s."officeId" = l."officeId"
      GROUP BY l."officeId", l."id", l."recordedOn"
    ),
    ranked_flows AS (
      SELECT fl.*, c."position",
             fl."leadTime" - min(fl."leadTime") OVER () AS "leadTimeDifference",
             max(fl."leadTime") OVER () - min(fl."leadTime") OVER () AS "leadTimeSpread",
             row_number() OVER (ORDER BY fl."leadTime", c."position") = 1 AS "isFastestFlow"
      FROM flows fl
      JOIN compared c ON c."id" = fl."officeId"
    ),
    office_stages AS (
      SELECT s."officeId", s."stageKey", sum(s."leadTime") AS "leadTime", sum(s."waitingDays") AS "waiting",
             sum(s."handOffs") AS "handOffs", avg(s."order"::numeric / s."stepCount") AS "relativePosition"
      FROM steps s
      GROUP BY s."officeId", s."stageKey"
    ),
    stages AS (
      SELECT os."stageKey", count(*) AS "officeCount",
             min(os."leadTime") AS "minLeadTime", max(os."leadTime") AS "maxLeadTime",
             (array_agg(os."officeId" ORDER BY os."leadTime", c."position"))[1] AS "fastestOfficeId",
             (array_agg(os."officeId" ORDER BY os."leadTime" DESC, c."position"))[1] AS "slowestOfficeId",
             ARRAY(
               SELECT rf."officeId" FROM ranked_flows rf
               WHERE NOT EXISTS (
                 SELECT 1 FROM office_stages other WHERE other."officeId" = rf."officeId" AND other."stageKey" = os."stageKey")
               ORDER BY rf."position") AS "officeIdsWithout",
             -- Known stages in their natural order, then others where they sit in the flows.
             row_number() OVER (
               ORDER BY array_position(${CASE_FLOW_STAGE_ORDER}::text[], os."stageKey") NULLS LAST,
                        avg(os."relativePosition"), os."stageKey") AS "stageRank"
      FROM office_stages os
      JOIN compared c ON c."id" = os."officeId"
      GROUP BY os."stageKey"
    )
    SELECT rf."officeId", rf."flowId", rf."recordedOn"::text AS "recordedOn",
           rf."leadTime"::float8 AS "totalLeadTime", rf."working"::float8 AS "totalWorking",
           rf."waiting"::float8 AS "totalWaiting",
           CASE WHEN rf."leadTime" > 0 THEN (rf."waiting" / rf."leadTime")::float8 END AS "waitingShare",
           rf."handOffs"::int AS "totalHandOffs", rf."stepCount"::int AS "stepCount",
           rf."leadTimeDifference"::float8 AS "leadTimeDifference", rf."leadTimeSpread"::float8 AS "leadTimeSpread",
           rf."isFastestFlow",
           s."stepId", s."order", s."stageKey", s."name", s."responsibleRoleId", r."name" AS "responsibleRoleName",
           s."durationDays"::float8 AS "durationDays", s."waitingDays"::float8 AS "waitingDays",
           s."leadTime"::float8 AS "leadTime", s."handOffs",
           os."leadTime"::float8 AS "stageLeadTime", os."waiting"::float8 AS "stageWaiting",
           os."handOffs"::int AS "stageHandOffs",
           st."stageRank"::int AS "stageRank", st."officeCount"::int AS "stageOfficeCount",
           st."minLeadTime"::float8 AS "stageMinLeadTime", st."maxLeadTime"::float8 AS "stageMaxLeadTime",
           (st."maxLeadTime" - st."minLeadTime")::float8 AS "stageSpread", st."officeIdsWithout" AS "stageOfficeIdsWithout",
           st."fastestOfficeId" AS "stageFastestOfficeId", st."slowestOfficeId" AS "stageSlowestOfficeId"
    FROM ranked_flows rf
    LEFT JOIN steps s ON s."officeId" = rf."officeId"
    LEFT JOIN office_stages os ON os."officeId" = s."officeId" AND os."stageKey" = s."stageKey"
    LEFT JOIN stages st ON st."stageKey" = s."stageKey"
    LEFT JOIN "Role" r ON r."id" = s."responsibleRoleId"
    ORDER BY rf."position", s."order"`;

  // Stages and per-stage differences, each once, in their common order.
  const stageRows = new Map<string, CaseFlowRow>();
  for (const row of rows) if (row.stageKey !== null && !stageRows.has(row.stageKey)) stageRows.set(row.stageKey, row);
  const stages = [...stageRows.values()].sort((a, b) => a.stageRank! - b.stageRank!).map((row) => row.stageKey!);

  const offices: CaseFlowOffice[] = scope.officeIds.map((officeId) => {
    const own = rows.filter((row) => row.officeId === officeId);
    const first = own[0];
    const steps: CaseFlowStep[] = own
      .filter((row) => row.stepId !== null)
      .map((row) => ({
        stepId: row.stepId!,
        order: row.order!,
        stageKey: row.stageKey!,
        name: row.name!,
        responsibleRoleId: row.responsibleRoleId,
        responsibleRoleName: row.responsibleRoleName,
        durationDays: row.durationDays!,
        waitingDays: row.waitingDays!,
        leadTimeDays: row.leadTime!,
        handOffs: row.handOffs!,
      }));
    return {
      officeId,
      flowId: first?.flowId ?? null,
      recordedOn: first ? asDate(first.recordedOn) : null,
      steps,
      stages: stages.map((stageKey) => {
        const stageRow = own.find((row) => row.stageKey === stageKey);
        return {
          stageKey,
          steps: steps.filter((step) => step.stageKey === stageKey),
          leadTimeDays: stageRow?.stageLeadTime ?? null,
          waitingDays: stageRow?.stageWaiting ?? null,
          handOffs: stageRow?.stageHandOffs ?? null,
        };
      }),
      totalLeadTimeDays: first?.totalLeadTime ?? null,
      workingDays: first?.totalWorking ?? null,
      waitingDays: first?.totalWaiting ?? null,
      waitingShare: first?.waitingShare ?? null,
      handOffs: first?.totalHandOffs ?? null,
      stepCount: first?.stepCount ?? 0,
      leadTimeDifferenceDays: first?.leadTimeDifference ?? null,
    };
  });

  const differences = stages.map((stageKey) => {
    const row = stageRows.get(stageKey)!;
    return {
      stageKey,
      officeCount: row.stageOfficeCount!,
      minLeadTimeDays: row.stageMinLeadTime!,
      maxLeadTimeDays: row.stageMaxLeadTime!,
      spreadDays: row.stageSpread!,
      fastestOfficeId: row.stageFastestOfficeId!,
      slowestOfficeId: row.stageSlowestOfficeId!,
      officeIdsWithout: row.stageOfficeIdsWithout ?? [],
    };
  });

  return {
    serviceId,
    stages,
    offices,
    differences,
    fastestOfficeId: rows.find((row) => row.isFastestFlow)?.officeId ?? null,
    leadTimeSpreadDays: rows[0]?.leadTimeSpread ?? null,
  };
}

// ---- User insights and culture ---------------------------------------------------------

export interface InsightThemeCell {
  officeId: string;
  theme: string;
  /** Insights on the theme from interviews within the period. */
  count: number;
  /** Of the office's insights in the period (0-1); null when the office has none. */
  share: number | null;
  /** A quote if there is one, else a summary; the newest. */
  example: string | null;
  exampleKind: InsightKind | null;
}

export interface InsightThemeMatrix {
  /** Most mentioned first. */
  themes: string[];
  /** Every theme × office, theme by theme. */
  cells: InsightThemeCell[];
}

export async function loadInsightThemes(db: Db, scope: ComparisonScope): Promise<InsightThemeMatrix> {
  const cells = await db.$queryRaw<InsightThemeCell[]>`
    WITH ${comparedOffices(scope)},
    insights AS (
      SELECT i."officeId", i."theme", i."kind", i."text",
             count(*) OVER (PARTITION BY i."officeId", i."theme") AS "count",
             count(*) OVER (PARTITION BY i."officeId") AS "officeTotal",
             count(*) OVER (PARTITION BY i."theme") AS "themeTotal",
             row_number() OVER (
               PARTITION BY i."officeId", i."theme"
               ORDER BY (i."kind" = 'QUOTE') DESC, i."interviewedOn" DESC, i."createdAt" DESC, i."id" DESC) AS "rank"
      FROM "UserInsight" i
      WHERE i."officeId" = ANY(${scope.officeIds}::text[])
        AND i."interviewedOn" BETWEEN ${day(scope.from)}::date AND ${day(scope.to)}::date
    ),
    themes AS (SELECT DISTINCT "theme", "themeTotal" FROM insights),
    office_totals AS (SELECT DISTINCT "officeId", "officeTotal" FROM insights)
    SELECT c."id" AS "officeId", t."theme", COALESCE(i."count", 0)::int AS "count",
           (COALESCE(i."count", 0)::float8 / ot."officeTotal") AS "share",
           i."text" AS "example", i."kind"::text AS "exampleKind"
    FROM themes t
    CROSS JOIN compared c
    LEFT JOIN office_totals ot ON ot."officeId" = c."id"
    LEFT JOIN insights i ON i."officeId" = c."id" AND i."theme" = t."theme" AND i."rank" = 1
    ORDER BY t."themeTotal" DESC, t."theme", c."position"`;
  return { themes: [...new Set(cells.map((cell) => cell.theme))], cells };
}

export interface CultureGapCell {
  officeId: string;
  dimension: string;
  /** The latest assessment on or before `to`; all null when there is none. */
  current: number | null;
  target: number | null;
  /** target − current */
  gap: number | null;
  assessedOn: Date | null;
}

export interface CultureGapMatrix {
  dimensions: string[];
  /** Every dimension × office, dimension by dimension. */
  cells: CultureGapCell[];
}

export async function loadCultureGaps(db: Db, scope: ComparisonScope): Promise<CultureGapMatrix> {
  const rows = await db.$queryRaw<(Omit<CultureGapCell, "assessedOn"> & { assessedOn: string | null })[]>`
    WITH ${comparedOffices(scope)},
    latest AS (
      SELECT DISTINCT ON (a."officeId", a."dimension") a."officeId", a."dimension", a."currentScore", a."targetScore", a."assessedOn"
      FROM "CultureAssessment" a
      WHERE a."officeId" = ANY(${scope.officeIds}::text[]) AND a."assessedOn" <= ${day(scope.to)}::date
      ORDER BY a."officeId", a."dimension", a."assessedOn" DESC, a."createdAt" DESC, a."id" DESC
    ),
    dimensions AS (SELECT DISTINCT "dimension" FROM latest)
    SELECT c."id" AS "officeId", d."dimension",
           l."currentScore"::float8 AS "current", l."targetScore"::float8 AS "target",
           (l."targetScore" - l."currentScore")::float8 AS "gap", l."assessedOn"::text AS "assessedOn"
    FROM dimensions d
    CROSS JOIN compared c
    LEFT JOIN latest l ON l."officeId" = c."id" AND l."dimension" = d."dimension"
    ORDER BY d."dimension", c."position"`;
  const cells = rows.map((row) => ({ ...row, assessedOn: asDateOrNull(row.assessedOn) }));
  return { dimensions: [...new Set(cells.map((cell) => cell.dimension))], cells };
}

// ---- Summary: who to learn from ----------------------------------------------------------

export interface LeaderKpi {
  kpiId: string;
  /** The leading office's latest value within the period; null when it has none. */
  value: number | null;
  period: Date | null;
}

export interface PracticeLeader {
  practiceId: string;
  /** The compared office furthest along (level above 0); null when none is. */
  leadingOfficeId: string | null;
  level: number | null;
  /** When the leader first stood at (or above) that level: ties go to whoever got there first. */
  reachedOn: Date | null;
  kpis: LeaderKpi[];
}

export async function loadSummary(db: Db, scope: ComparisonScope): Promise<PracticeLeader[]> {
  const rows = await db.$queryRaw<
    { practiceId: string; leadingOfficeId: string | null; level: number | null; reachedOn: string | null; kpiId: string | null; value: number | null; period: string | null }[]
  >`
    WITH ${comparedOffices(scope)}, ${comparedPractices(scope)},
    assessed AS (
      SELECT m."officeId", m."practiceId", m."level", m."assessedOn", m."createdAt", m."id"
      FROM "MaturityAssessment" m
      WHERE m."officeId" = ANY(${scope.officeIds}::text[]) AND m."assessedOn" <= ${day(scope.to)}::date
    ),
    current AS (
      SELECT DISTINCT ON (a."officeId", a."practiceId") a."officeId", a."practiceId", a."level"
      FROM assessed a
      ORDER BY a."officeId", a."practiceId", a."assessedOn" DESC, a."createdAt" DESC, a."id" DESC
    ),
    reached AS (
      SELECT cur."officeId", cur."practiceId", cur."level", min(a."assessedOn") AS "reachedOn"
      FROM current cur
      JOIN assessed a ON a."officeId" = cur."officeId" AND a."practiceId" = cur."practiceId" AND a."level" >= cur."level"
      WHERE cur."level" > 0
      GROUP BY cur."officeId", cur."practiceId", cur."level"
    ),
    leaders AS (
      SELECT DISTINCT ON (r."practiceId") r."practiceId", r."officeId", r."level", r."reachedOn"
      FROM reached r
      JOIN "Office" o ON o."id" = r."officeId"
      ORDER BY r."practiceId", r."level" DESC, r."reachedOn", o."name", o."id"
    ),
    latest_kpis AS (
      SELECT DISTINCT ON (mm."officeId", mm."kpiId") mm."officeId", mm."kpiId", mm."period", mm."value"
      FROM "KpiMeasurement" mm
      WHERE mm."officeId" IN (SELECT "officeId" FROM leaders)
        AND mm."period" >= ${day(firstOfMonth(scope.from))}::date AND mm."period" <= ${day(scope.to)}::date
      ORDER BY mm."officeId", mm."kpiId", mm."period" DESC
    )
    SELECT p."id" AS "practiceId", l."officeId" AS "leadingOfficeId", l."level", l."reachedOn"::text AS "reachedOn",
           k."id" AS "kpiId", lk."value"::float8 AS "value", lk."period"::text AS "period"
    FROM practices p
    LEFT JOIN leaders l ON l."practiceId" = p."id"
    LEFT JOIN "Kpi" k ON l."officeId" IS NOT NULL
    LEFT JOIN latest_kpis lk ON lk."officeId" = l."officeId" AND lk."kpiId" = k."id"
    ORDER BY p."theme", p."sortOrder", p."code", k."sortOrder", k."code", k."id"`;

  const leaders = new Map<string, PracticeLeader>();
  for (const row of rows) {
    let leader = leaders.get(row.practiceId);
    if (!leader) {
      leader = {
        practiceId: row.practiceId,
        leadingOfficeId: row.leadingOfficeId,
        level: row.level,
        reachedOn: asDateOrNull(row.reachedOn),
        kpis: [],
      };
      leaders.set(row.practiceId, leader);
    }
    if (row.kpiId !== null) leader.kpis.push({ kpiId: row.kpiId, value: row.value, period: asDateOrNull(row.period) });
  }
  return [...leaders.values()];
}
