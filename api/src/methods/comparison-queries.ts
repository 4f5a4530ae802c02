// The aggregates of a method comparison: one SQL statement with bound parameters that finds
// the compared offices (the given ones that exist, or the active pilots) and computes every
// part the request asks for, each as one JSON value in the shape the screen draws. The
// database does the arithmetic ("latest on or before a date", sums, averages, spreads,
// leaders) and the grouping; the code here only turns date strings into Dates.
import { Prisma, type Db, type InsightKind } from "@samla/schema";
import { firstOfMonth, formatDate, todayInNorway } from "../lib/dates";
import { officeStatusSql } from "../org/office-status";
import { MAX_COMPARED_OFFICES, type ComparisonRequest, type ComparisonScope } from "./comparison-scope";
import { hydrateRows, rowJson, type RowModel } from "./comparison-rows";
import { CASE_FLOW_STAGES } from "./method-types";

/** The common stages of a case flow in order (the list recording checks against); other stages follow by position. */
export const CASE_FLOW_STAGE_ORDER = CASE_FLOW_STAGES.map((stage) => stage.key);

/** The parts of a comparison that are computed in the database. */
export const COMPARISON_PARTS = ["maturity", "kpis", "caseFlowServices", "insightThemes", "cultureGaps", "summary"] as const;
export type ComparisonPart = (typeof COMPARISON_PARTS)[number];

export interface ComparisonWanted {
  parts: ReadonlySet<ComparisonPart>;
  /** The case flows of one service (a database id), or of the most widely recorded one (null). */
  caseFlows?: { serviceId: string | null };
  /**
   * The rows the parts point to, read along (comparison-rows.ts): the compared offices, the
   * practices in force, every KPI, the services of `caseFlowServices` and `caseFlows`, and the
   * flows compared.
   */
  rows?: ReadonlySet<RowModel>;
}

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
  /** The practices in force during (part of) the period, in catalogue order. */
  practiceIds: string[];
  /** Every office × practice, office by office, practices in catalogue order. */
  cells: MaturityCell[];
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

// ---- Case flows ------------------------------------------------------------------------

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
  /** Every KPI in catalogue order (empty without a leader). */
  kpis: LeaderKpi[];
}

// ---- The statement -----------------------------------------------------------------------

export interface ComparisonData {
  /** The given offices that exist (in the given order), or the active pilots (spearhead first). */
  officeIds: string[];
  maturity?: MaturityMatrix;
  kpis?: KpiSeries[];
  /** Services with a recorded flow in a compared office, the most widely recorded first. */
  caseFlowServiceIds?: string[];
  insightThemes?: InsightThemeMatrix;
  cultureGaps?: CultureGapMatrix;
  summary?: PracticeLeader[];
  /** The flows of the service asked for; null when it does not exist (or, by default, when no flow is recorded). */
  caseFlows?: CaseFlowComparison | null;
  /** Rows as Prisma's findMany returns them (every column), by model. */
  rows?: Map<RowModel, { id: string }[]>;
}

const day = (date: Date) => formatDate(date);

/** A `yyyy-mm-dd` from the database as a Date at UTC midnight (as Prisma returns `@db.Date`). */
function asDate(text: string): Date {
  return new Date(Date.UTC(Number(text.slice(0, 4)), Number(text.slice(5, 7)) - 1, Number(text.slice(8, 10))));
}
const asDateOrNull = (text: string | null) => (text === null ? null : asDate(text));

/** The compared offices with their position (1, 2, …). */
function comparedOffices(request: ComparisonRequest): Prisma.Sql {
  if (request.officeIds) {
    return Prisma.sql`compared AS MATERIALIZED (
      SELECT o."id", g."position"
      FROM unnest(${request.officeIds}::text[]) WITH ORDINALITY AS g("id", "position")
      JOIN "Office" o ON o."id" = g."id"
    )`;
  }
  return Prisma.sql`compared AS MATERIALIZED (
    SELECT o."id", row_number() OVER (ORDER BY o."isSpearhead" DESC, o."name", o."id") AS "position"
    FROM "Office" o
    WHERE o."isPilot" AND ${officeStatusSql("o", todayInNorway())} = 'ACTIVE'
    ORDER BY o."isSpearhead" DESC, o."name", o."id"
    LIMIT ${MAX_COMPARED_OFFICES}
  )`;
}

interface TableContext {
  request: ComparisonRequest;
  wanted: ComparisonWanted;
  from: string;
  to: string;
  /** The first day of from's month: KPI periods are months. */
  monthStart: string;
}

/**
 * The CTEs the parts read, in order, with the CTEs each reads. A statement carries only those
 * its parts need (PostgreSQL would skip the others at run time, but still plan them), and
 * each is computed once however many parts share it.
 */
const TABLES: { name: string; reads: string[]; sql: (t: TableContext) => Prisma.Sql }[] = [
  { name: "compared", reads: [], sql: (t) => comparedOffices(t.request) },
  {
    // Practices in force during (part of) the period.
    name: "practices",
    reads: [],
    sql: (t) => Prisma.sql`practices AS (
      SELECT p."id", p."theme", p."sortOrder", p."code"
      FROM "Practice" p
      WHERE p."retiredAt" IS NULL OR p."retiredAt" >= ${t.from}::date
    )`,
  },
  {
    name: "assessments",
    reads: ["compared"],
    sql: (t) => Prisma.sql`assessments AS (
      SELECT m."officeId", m."practiceId", m."level", m."assessedOn", m."createdAt", m."id"
      FROM "MaturityAssessment" m
      WHERE m."officeId" IN (SELECT c."id" FROM compared c) AND m."assessedOn" <= ${t.to}::date
    )`,
  },
  {
    // Per office and practice: the latest level on or before to, and on or before from.
    name: "maturity_now",
    reads: ["assessments"],
    sql: (t) => Prisma.sql`maturity_now AS (
      SELECT a."officeId", a."practiceId", count(*)::int AS "assessmentCount",
             (array_agg(a."level" ORDER BY a."assessedOn" DESC, a."createdAt" DESC, a."id" DESC))[1] AS "level",
             max(a."assessedOn") AS "assessedOn",
             (array_agg(a."level" ORDER BY a."assessedOn" DESC, a."createdAt" DESC, a."id" DESC)
                FILTER (WHERE a."assessedOn" <= ${t.from}::date))[1] AS "previousLevel",
             max(a."assessedOn") FILTER (WHERE a."assessedOn" <= ${t.from}::date) AS "previousAssessedOn"
      FROM assessments a
      GROUP BY a."officeId", a."practiceId"
    )`,
  },
  {
    // When each office first stood at (or above) its current level.
    name: "reached",
    reads: ["maturity_now", "assessments"],
    sql: () => Prisma.sql`reached AS (
      SELECT n."officeId", n."practiceId", n."level", min(a."assessedOn") AS "reachedOn"
      FROM maturity_now n
      JOIN assessments a ON a."officeId" = n."officeId" AND a."practiceId" = n."practiceId" AND a."level" >= n."level"
      WHERE n."level" > 0
      GROUP BY n."officeId", n."practiceId", n."level"
    )`,
  },
  {
    // Per practice, the office furthest along; ties to the first to get there, then by name.
    name: "leaders",
    reads: ["reached"],
    sql: () => Prisma.sql`leaders AS (
      SELECT DISTINCT ON (r."practiceId") r."practiceId", r."officeId", r."level", r."reachedOn"
      FROM reached r
      JOIN "Office" o ON o."id" = r."officeId"
      ORDER BY r."practiceId", r."level" DESC, r."reachedOn", o."name", o."id"
    )`,
  },
  {
    // Per KPI and office: the months of the period (a period from mid-month includes its month).
    name: "kpi_series",
    reads: ["compared"],
    sql: (t) => Prisma.sql`kpi_series AS (
      SELECT mm."kpiId", mm."officeId",
             json_agg(json_build_object('period', mm."period", 'value', mm."value"::float8) ORDER BY mm."period") AS "points",
             avg(mm."value")::float8 AS "average",
             max(mm."period") AS "latestPeriod",
             (array_agg(mm."value" ORDER BY mm."period" DESC))[1]::float8 AS "latestValue"
      FROM "KpiMeasurement" mm
      WHERE mm."officeId" IN (SELECT c."id" FROM compared c)
        AND mm."period" >= ${t.monthStart}::date AND mm."period" <= ${t.to}::date
      GROUP BY mm."kpiId", mm."officeId"
    )`,
  },
  {
    // Per KPI, a line per compared office (empty where the office has no value).
    name: "kpi_lines",
    reads: ["kpi_series", "compared"],
    sql: () => Prisma.sql`kpi_lines AS (
      SELECT k."id",
             json_agg(json_build_object('officeId', c."id", 'points', COALESCE(s."points", '[]'::json), 'average', s."average")
                      ORDER BY c."position") AS "series"
      FROM "Kpi" k
      CROSS JOIN compared c
      LEFT JOIN kpi_series s ON s."kpiId" = k."id" AND s."officeId" = c."id"
      GROUP BY k."id"
    )`,
  },
  {
    // Per leading office, its latest value of every KPI in catalogue order.
    name: "leader_kpis",
    reads: ["leaders", "kpi_series"],
    sql: () => Prisma.sql`leader_kpis AS (
      SELECT o."officeId",
             json_agg(json_build_object('kpiId', k."id", 'value', s."latestValue", 'period', s."latestPeriod")
                      ORDER BY k."sortOrder", k."code", k."id") AS "kpis"
      FROM (SELECT DISTINCT l."officeId" FROM leaders l) o
      CROSS JOIN "Kpi" k
      LEFT JOIN kpi_series s ON s."kpiId" = k."id" AND s."officeId" = o."officeId"
      GROUP BY o."officeId"
    )`,
  },
  {
    name: "insights",
    reads: ["compared"],
    sql: (t) => Prisma.sql`insights AS (
      SELECT i."officeId", i."theme", i."kind", i."text",
             count(*) OVER (PARTITION BY i."officeId", i."theme") AS "count",
             count(*) OVER (PARTITION BY i."officeId") AS "officeTotal",
             count(*) OVER (PARTITION BY i."theme") AS "themeTotal",
             row_number() OVER (
               PARTITION BY i."officeId", i."theme"
               ORDER BY (i."kind" = 'QUOTE') DESC, i."interviewedOn" DESC, i."createdAt" DESC, i."id" DESC) AS "rank"
      FROM "UserInsight" i
      WHERE i."officeId" IN (SELECT c."id" FROM compared c)
        AND i."interviewedOn" BETWEEN ${t.from}::date AND ${t.to}::date
    )`,
  },
  { name: "insight_themes", reads: ["insights"], sql: () => Prisma.sql`insight_themes AS (SELECT DISTINCT i."theme", i."themeTotal" FROM insights i)` },
  {
    name: "insight_totals",
    reads: ["insights"],
    sql: () => Prisma.sql`insight_totals AS (SELECT DISTINCT i."officeId", i."officeTotal" FROM insights i)`,
  },
  {
    name: "culture",
    reads: ["compared"],
    sql: (t) => Prisma.sql`culture AS (
      SELECT DISTINCT ON (a."officeId", a."dimension") a."officeId", a."dimension", a."currentScore", a."targetScore", a."assessedOn"
      FROM "CultureAssessment" a
      WHERE a."officeId" IN (SELECT c."id" FROM compared c) AND a."assessedOn" <= ${t.to}::date
      ORDER BY a."officeId", a."dimension", a."assessedOn" DESC, a."createdAt" DESC, a."id" DESC
    )`,
  },
  { name: "culture_dimensions", reads: ["culture"], sql: () => Prisma.sql`culture_dimensions AS (SELECT DISTINCT l."dimension" FROM culture l)` },
  {
    name: "flow_services",
    reads: ["compared"],
    sql: (t) => Prisma.sql`flow_services AS (
      SELECT f."serviceId", s."name", count(DISTINCT f."officeId") AS "offices"
      FROM "ProcessFlow" f
      JOIN "Service" s ON s."id" = f."serviceId"
      WHERE f."officeId" IN (SELECT c."id" FROM compared c) AND f."recordedOn" <= ${t.to}::date
      GROUP BY f."serviceId", s."name"
    )`,
  },
  {
    // The service whose case flows are compared: the one asked for, else the most widely recorded.
    name: "flow_service",
    reads: ["flow_services"],
    sql: (t) =>
      t.wanted.caseFlows?.serviceId != null
        ? Prisma.sql`flow_service AS (SELECT s."id" FROM "Service" s WHERE s."id" = ${t.wanted.caseFlows.serviceId})`
        : Prisma.sql`flow_service AS (
            SELECT fs."serviceId" AS "id" FROM flow_services fs ORDER BY fs."offices" DESC, fs."name", fs."serviceId" LIMIT 1)`,
  },
  {
    // Each office's flow of the service in force on to.
    name: "flow_latest",
    reads: ["flow_service", "compared"],
    sql: (t) => Prisma.sql`flow_latest AS (
      SELECT DISTINCT ON (f."officeId") f."id", f."officeId", f."recordedOn"
      FROM "ProcessFlow" f
      WHERE f."serviceId" = (SELECT fsv."id" FROM flow_service fsv)
        AND f."officeId" IN (SELECT c."id" FROM compared c)
        AND f."recordedOn" <= ${t.to}::date
      ORDER BY f."officeId", f."recordedOn" DESC, f."createdAt" DESC, f."id" DESC
    )`,
  },
  {
    name: "flow_steps",
    reads: ["flow_latest"],
    sql: () => Prisma.sql`flow_steps AS (
      SELECT l."officeId", s."id" AS "stepId", s."order", s."stageKey", s."name", s."responsibleRoleId",
             s."durationDays", s."waitingDays", s."durationDays" + s."waitingDays" AS "leadTime", s."handOffs",
             count(*) OVER (PARTITION BY l."officeId") AS "stepCount"
      FROM flow_latest l
      JOIN "ProcessStep" s ON s."flowId" = l."id"
    )`,
  },
  {
    name: "flow_totals",
    reads: ["flow_latest", "flow_steps"],
    sql: () => Prisma.sql`flow_totals AS (
      SELECT l."officeId", l."id" AS "flowId", l."recordedOn",
             COALESCE(sum(s."leadTime"), 0) AS "leadTime", COALESCE(sum(s."durationDays"), 0) AS "working",
             COALESCE(sum(s."waitingDays"), 0) AS "waiting",
             COALESCE(sum(s."handOffs"), 0) AS "handOffs", count(s."stepId") AS "stepCount"
      FROM flow_latest l
      LEFT JOIN flow_steps s ON s."officeId" = l."officeId"
      GROUP BY l."officeId", l."id", l."recordedOn"
    )`,
  },
  {
    name: "flow_ranked",
    reads: ["flow_totals", "compared"],
    sql: () => Prisma.sql`flow_ranked AS (
      SELECT fl.*, c."position",
             fl."leadTime" - min(fl."leadTime") OVER () AS "leadTimeDifference",
             max(fl."leadTime") OVER () - min(fl."leadTime") OVER () AS "leadTimeSpread",
             row_number() OVER (ORDER BY fl."leadTime", c."position") = 1 AS "isFastestFlow"
      FROM flow_totals fl
      JOIN compared c ON c."id" = fl."officeId"
    )`,
  },
  {
    name: "flow_office_stages",
    reads: ["flow_steps"],
    sql: () => Prisma.sql`flow_office_stages AS (
      SELECT s."officeId", s."stageKey", sum(s."leadTime") AS "leadTime", sum(s."waitingDays") AS "waiting",
             sum(s."handOffs") AS "handOffs", avg(s."order"::numeric / s."stepCount") AS "relativePosition"
      FROM flow_steps s
      GROUP BY s."officeId", s."stageKey"
    )`,
  },
  {
    name: "flow_stages",
    reads: ["flow_office_stages", "flow_ranked", "compared"],
    sql: () => Prisma.sql`flow_stages AS (
      SELECT os."stageKey", count(*) AS "officeCount",
             min(os."leadTime") AS "minLeadTime", max(os."leadTime") AS "maxLeadTime",
             (array_agg(os."officeId" ORDER BY os."leadTime", c."position"))[1] AS "fastestOfficeId",
             (array_agg(os."officeId" ORDER BY os."leadTime" DESC, c."position"))[1] AS "slowestOfficeId",
             ARRAY(
               SELECT rf."officeId" FROM flow_ranked rf
               WHERE NOT EXISTS (
                 SELECT 1 FROM flow_office_stages other WHERE other."officeId" = rf."officeId" AND other."stageKey" = os."stageKey")
               ORDER BY rf."position") AS "officeIdsWithout",
             -- Known stages in their natural order, then others where they sit in the flows.
             row_number() OVER (
               ORDER BY array_position(${CASE_FLOW_STAGE_ORDER}::text[], os."stageKey") NULLS LAST,
                        avg(os."relativePosition"), os."stageKey") AS "stageRank"
      FROM flow_office_stages os
      JOIN compared c ON c."id" = os."officeId"
      GROUP BY os."stageKey"
    )`,
  },
];

/** The CTEs each part and each kind of row reads (the others they read follow from TABLES). */
const PART_TABLES: Record<ComparisonPart | "caseFlows", string[]> = {
  maturity: ["practices", "maturity_now"],
  kpis: ["kpi_lines"],
  caseFlowServices: ["flow_services"],
  insightThemes: ["insight_themes", "insight_totals"],
  cultureGaps: ["culture_dimensions"],
  summary: ["practices", "leaders", "leader_kpis"],
  caseFlows: ["flow_service", "flow_ranked", "flow_stages", "flow_office_stages", "flow_steps"],
};
const ROW_TABLES: Record<RowModel, string[]> = {
  Office: [],
  Practice: ["practices"],
  Kpi: [],
  Service: [],
  ProcessFlow: ["flow_latest"],
};

/** `WITH …` for the parts and rows in `wanted`: the tables they read, and the tables those read. */
function commonTables(request: ComparisonRequest, wanted: ComparisonWanted): Prisma.Sql {
  const needed = new Set<string>(["compared"]);
  const need = (name: string) => {
    if (needed.has(name)) return;
    needed.add(name);
    for (const read of TABLES.find((table) => table.name === name)!.reads) need(read);
  };
  for (const part of wanted.parts) PART_TABLES[part].forEach(need);
  if (wanted.caseFlows) PART_TABLES.caseFlows.forEach(need);
  for (const model of wanted.rows ?? []) ROW_TABLES[model].forEach(need);
  if (wanted.rows?.has("Service")) {
    if (wanted.parts.has("caseFlowServices")) need("flow_services");
    if (wanted.caseFlows) need("flow_service");
  }
  const context: TableContext = {
    request,
    wanted,
    from: day(request.from),
    to: day(request.to),
    monthStart: day(firstOfMonth(request.from)),
  };
  const tables = TABLES.filter((table) => needed.has(table.name)).map((table) => table.sql(context));
  return Prisma.join(tables, ",\n");
}

/** Each part as one JSON value (an expression over the CTEs above). */
const PART_SQL: Record<ComparisonPart | "caseFlows", Prisma.Sql> = {
  maturity: Prisma.sql`json_build_object(
    'practiceIds', COALESCE((SELECT json_agg(p."id" ORDER BY p."theme", p."sortOrder", p."code") FROM practices p), '[]'),
    'cells', COALESCE((
      SELECT json_agg(json_build_object(
               'officeId', c."id", 'practiceId', p."id", 'level', n."level", 'assessedOn', n."assessedOn",
               'previousLevel', n."previousLevel", 'previousAssessedOn', n."previousAssessedOn",
               'assessmentCount', COALESCE(n."assessmentCount", 0))
             ORDER BY c."position", p."theme", p."sortOrder", p."code")
      FROM compared c
      CROSS JOIN practices p
      LEFT JOIN maturity_now n ON n."officeId" = c."id" AND n."practiceId" = p."id"), '[]'))`,
  kpis: Prisma.sql`COALESCE((
    SELECT json_agg(json_build_object('kpiId', k."id", 'target', k."target"::float8, 'series', COALESCE(l."series", '[]'))
                    ORDER BY k."sortOrder", k."code", k."id")
    FROM "Kpi" k
    LEFT JOIN kpi_lines l ON l."id" = k."id"), '[]')`,
  caseFlowServices: Prisma.sql`COALESCE((
    SELECT json_agg(fs."serviceId" ORDER BY fs."offices" DESC, fs."name", fs."serviceId") FROM flow_services fs), '[]')`,
  insightThemes: Prisma.sql`json_build_object(
    'themes', COALESCE((SELECT json_agg(t."theme" ORDER BY t."themeTotal" DESC, t."theme") FROM insight_themes t), '[]'),
    'cells', COALESCE((
      SELECT json_agg(json_build_object(
               'officeId', c."id", 'theme', t."theme", 'count', COALESCE(i."count", 0),
               'share', COALESCE(i."count", 0)::float8 / ot."officeTotal",
               'example', i."text", 'exampleKind', i."kind")
             ORDER BY t."themeTotal" DESC, t."theme", c."position")
      FROM insight_themes t
      CROSS JOIN compared c
      LEFT JOIN insight_totals ot ON ot."officeId" = c."id"
      LEFT JOIN insights i ON i."officeId" = c."id" AND i."theme" = t."theme" AND i."rank" = 1), '[]'))`,
  cultureGaps: Prisma.sql`json_build_object(
    'dimensions', COALESCE((SELECT json_agg(d."dimension" ORDER BY d."dimension") FROM culture_dimensions d), '[]'),
    'cells', COALESCE((
      SELECT json_agg(json_build_object(
               'officeId', c."id", 'dimension', d."dimension",
               'current', l."currentScore"::float8, 'target', l."targetScore"::float8,
               'gap', (l."targetScore" - l."currentScore")::float8, 'assessedOn', l."assessedOn")
             ORDER BY d."dimension", c."position")
      FROM culture_dimensions d
      CROSS JOIN compared c
      LEFT JOIN culture l ON l."officeId" = c."id" AND l."dimension" = d."dimension"), '[]'))`,
  summary: Prisma.sql`COALESCE((
    SELECT json_agg(json_build_object(
             'practiceId', p."id", 'leadingOfficeId', l."officeId", 'level', l."level", 'reachedOn', l."reachedOn",
             'kpis', COALESCE(lk."kpis", '[]'))
           ORDER BY p."theme", p."sortOrder", p."code")
    FROM practices p
    LEFT JOIN leaders l ON l."practiceId" = p."id"
    LEFT JOIN leader_kpis lk ON lk."officeId" = l."officeId"), '[]')`,
  caseFlows: Prisma.sql`(
    SELECT json_build_object('serviceId', fsv."id", 'rows', COALESCE((
      SELECT json_agg(r ORDER BY r."position", r."order")
      FROM (
        SELECT rf."position", rf."officeId", rf."flowId", rf."recordedOn",
               rf."leadTime"::float8 AS "totalLeadTime", rf."working"::float8 AS "totalWorking",
               rf."waiting"::float8 AS "totalWaiting",
               CASE WHEN rf."leadTime" > 0 THEN (rf."waiting" / rf."leadTime")::float8 END AS "waitingShare",
               rf."handOffs"::int AS "totalHandOffs", rf."stepCount"::int AS "stepCount",
               rf."leadTimeDifference"::float8 AS "leadTimeDifference", rf."leadTimeSpread"::float8 AS "leadTimeSpread",
               rf."isFastestFlow",
               s."stepId", s."order", s."stageKey", s."name", s."responsibleRoleId", ro."name" AS "responsibleRoleName",
               s."durationDays"::float8 AS "durationDays", s."waitingDays"::float8 AS "waitingDays",
               s."leadTime"::float8 AS "leadTime", s."handOffs",
               os."leadTime"::float8 AS "stageLeadTime", os."waiting"::float8 AS "stageWaiting",
               os."handOffs"::int AS "stageHandOffs",
               st."stageRank"::int AS "stageRank", st."officeCount"::int AS "stageOfficeCount",
               st."minLeadTime"::float8 AS "stageMinLeadTime", st."maxLeadTime"::float8 AS "stageMaxLeadTime",
               (st."maxLeadTime" - st."minLeadTime")::float8 AS "stageSpread", st."officeIdsWithout" AS "stageOfficeIdsWithout",
               st."fastestOfficeId" AS "stageFastestOfficeId", st."slowestOfficeId" AS "stageSlowestOfficeId"
        FROM flow_ranked rf
        LEFT JOIN flow_steps s ON s."officeId" = rf."officeId"
        LEFT JOIN flow_office_stages os ON os."officeId" = s."officeId" AND os."stageKey" = s."stageKey"
        LEFT JOIN flow_stages st ON st."stageKey" = s."stageKey"
        LEFT JOIN "Role" ro ON ro."id" = s."responsibleRoleId") r), '[]'))
    FROM flow_service fsv)`,
};

interface RawComparison {
  officeIds: string[];
  maturity?: {
    practiceIds: string[];
    cells: (Omit<MaturityCell, "assessedOn" | "previousAssessedOn"> & { assessedOn: string | null; previousAssessedOn: string | null })[];
  };
  kpis?: { kpiId: string; target: number | null; series: { officeId: string; points: { period: string; value: number }[]; average: number | null }[] }[];
  caseFlowServices?: string[];
  insightThemes?: InsightThemeMatrix;
  cultureGaps?: { dimensions: string[]; cells: (Omit<CultureGapCell, "assessedOn"> & { assessedOn: string | null })[] };
  summary?: { practiceId: string; leadingOfficeId: string | null; level: number | null; reachedOn: string | null; kpis: { kpiId: string; value: number | null; period: string | null }[] }[];
  caseFlows?: { serviceId: string; rows: CaseFlowRow[] } | null;
  rows?: Partial<Record<RowModel, Record<string, unknown>[] | null>>;
}

/** The rows of `model` the parts in `wanted` point to, as one JSON array (null when none). */
function rowsSql(model: RowModel, wanted: ComparisonWanted): Prisma.Sql {
  switch (model) {
    case "Office":
      return Prisma.sql`(SELECT json_agg(${rowJson("Office", "o")}) FROM compared c JOIN "Office" o ON o."id" = c."id")`;
    case "Practice":
      return Prisma.sql`(SELECT json_agg(${rowJson("Practice", "p")}) FROM "Practice" p WHERE p."id" IN (SELECT x."id" FROM practices x))`;
    case "Kpi":
      return Prisma.sql`(SELECT json_agg(${rowJson("Kpi", "k")}) FROM "Kpi" k)`;
    case "Service": {
      const ids = [
        ...(wanted.parts.has("caseFlowServices") ? [Prisma.sql`SELECT fs."serviceId" FROM flow_services fs`] : []),
        ...(wanted.caseFlows ? [Prisma.sql`SELECT fsv."id" FROM flow_service fsv`] : []),
      ];
      if (ids.length === 0) return Prisma.sql`NULL::json`;
      return Prisma.sql`(SELECT json_agg(${rowJson("Service", "s")}) FROM "Service" s WHERE s."id" IN (${Prisma.join(ids, " UNION ")}))`;
    }
    case "ProcessFlow":
      return wanted.caseFlows
        ? Prisma.sql`(SELECT json_agg(${rowJson("ProcessFlow", "f")}) FROM "ProcessFlow" f WHERE f."id" IN (SELECT l."id" FROM flow_latest l))`
        : Prisma.sql`NULL::json`;
  }
}

/**
 * One statement: the compared offices and every part in `wanted`. For given office ids,
 * `officeIds` holds those that exist (the caller decides what a missing one means); by
 * default, the active pilots.
 */
export async function loadComparison(db: Db, request: ComparisonRequest, wanted: ComparisonWanted): Promise<ComparisonData> {
  const columns: Prisma.Sql[] = [Prisma.sql`'officeIds', COALESCE((SELECT json_agg(c."id" ORDER BY c."position") FROM compared c), '[]')`];
  for (const part of COMPARISON_PARTS) {
    if (wanted.parts.has(part)) columns.push(Prisma.sql`${Prisma.raw(`'${part}'`)}, ${PART_SQL[part]}`);
  }
  if (wanted.caseFlows) columns.push(Prisma.sql`'caseFlows', ${PART_SQL.caseFlows}`);
  if (wanted.rows?.size) {
    const models = [...wanted.rows].map((model) => Prisma.sql`${Prisma.raw(`'${model}'`)}, ${rowsSql(model, wanted)}`);
    columns.push(Prisma.sql`'rows', json_build_object(${Prisma.join(models, ", ")})`);
  }
  const [row] = await db.$queryRaw<{ comparison: RawComparison }[]>`
    WITH ${commonTables(request, wanted)}
    SELECT json_build_object(${Prisma.join(columns, ", ")}) AS "comparison"`;
  const raw = row!.comparison;

  const data: ComparisonData = { officeIds: raw.officeIds };
  if (raw.maturity) {
    data.maturity = {
      practiceIds: raw.maturity.practiceIds,
      cells: raw.maturity.cells.map((cell) => ({
        ...cell,
        assessedOn: asDateOrNull(cell.assessedOn),
        previousAssessedOn: asDateOrNull(cell.previousAssessedOn),
      })),
    };
  }
  if (raw.kpis) {
    data.kpis = raw.kpis.map((kpi) => ({
      kpiId: kpi.kpiId,
      target: kpi.target,
      series: kpi.series.map((series) => {
        const points = series.points.map((point) => ({ period: asDate(point.period), value: point.value }));
        return { officeId: series.officeId, points, latest: points.at(-1) ?? null, average: series.average };
      }),
    }));
  }
  if (raw.caseFlowServices) data.caseFlowServiceIds = raw.caseFlowServices;
  if (raw.insightThemes) data.insightThemes = raw.insightThemes;
  if (raw.cultureGaps) {
    data.cultureGaps = {
      dimensions: raw.cultureGaps.dimensions,
      cells: raw.cultureGaps.cells.map((cell) => ({ ...cell, assessedOn: asDateOrNull(cell.assessedOn) })),
    };
  }
  if (raw.summary) {
    data.summary = raw.summary.map((leader) => ({
      practiceId: leader.practiceId,
      leadingOfficeId: leader.leadingOfficeId,
      level: leader.level,
      reachedOn: asDateOrNull(leader.reachedOn),
      kpis: leader.kpis.map((kpi) => ({ kpiId: kpi.kpiId, value: kpi.value, period: asDateOrNull(kpi.period) })),
    }));
  }
  if (wanted.caseFlows) {
    data.caseFlows = raw.caseFlows ? caseFlowComparison(raw.caseFlows.serviceId, raw.officeIds, raw.caseFlows.rows) : null;
  }
  if (raw.rows) {
    data.rows = new Map();
    for (const model of wanted.rows ?? []) data.rows.set(model, hydrateRows(model, raw.rows[model] ?? []));
  }
  return data;
}

/** The parts of an already resolved scope (its offices exist). */
export function loadComparisonParts(db: Db, scope: ComparisonScope, wanted: ComparisonWanted): Promise<ComparisonData> {
  return loadComparison(db, { officeIds: scope.officeIds, from: scope.from, to: scope.to }, wanted);
}

// ---- Case flows from their rows ------------------------------------------------------------

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

/** Rows (office by office in compared order, steps in flow order) grouped into the comparison. */
function caseFlowComparison(serviceId: string, officeIds: readonly string[], rows: CaseFlowRow[]): CaseFlowComparison {
  // Stages and per-stage differences, each once, in their common order.
  const stageRows = new Map<string, CaseFlowRow>();
  const rowsByOffice = new Map<string, CaseFlowRow[]>();
  for (const row of rows) {
    if (row.stageKey !== null && !stageRows.has(row.stageKey)) stageRows.set(row.stageKey, row);
    const own = rowsByOffice.get(row.officeId);
    if (own) own.push(row);
    else rowsByOffice.set(row.officeId, [row]);
  }
  const stages = [...stageRows.values()].sort((a, b) => a.stageRank! - b.stageRank!).map((row) => row.stageKey!);

  const offices: CaseFlowOffice[] = officeIds.map((officeId) => {
    const own = rowsByOffice.get(officeId) ?? [];
    const first = own[0];
    const steps: CaseFlowStep[] = [];
    const stageOf = new Map<string, { row: CaseFlowRow; steps: CaseFlowStep[] }>();
    for (const row of own) {
      if (row.stepId === null) continue;
      const step: CaseFlowStep = {
        stepId: row.stepId,
        order: row.order!,
        stageKey: row.stageKey!,
        name: row.name!,
        responsibleRoleId: row.responsibleRoleId,
        responsibleRoleName: row.responsibleRoleName,
        durationDays: row.durationDays!,
        waitingDays: row.waitingDays!,
        leadTimeDays: row.leadTime!,
        handOffs: row.handOffs!,
      };
      steps.push(step);
      const stage = stageOf.get(step.stageKey);
      if (stage) stage.steps.push(step);
      else stageOf.set(step.stageKey, { row, steps: [step] });
    }
    return {
      officeId,
      flowId: first?.flowId ?? null,
      recordedOn: first ? asDate(first.recordedOn) : null,
      steps,
      stages: stages.map((stageKey) => {
        const stage = stageOf.get(stageKey);
        return {
          stageKey,
          steps: stage?.steps ?? [],
          leadTimeDays: stage?.row.stageLeadTime ?? null,
          waitingDays: stage?.row.stageWaiting ?? null,
          handOffs: stage?.row.stageHandOffs ?? null,
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
