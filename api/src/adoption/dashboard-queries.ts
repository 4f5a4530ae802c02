// The aggregates of the adoption dashboard, each part one SQL query with bound parameters.
// The database applies the contract's rules (a status row holds until a later month's row,
// the expected stage from the plan dates, behind plan, progress) and does the counting; the
// code here only turns rows into the shapes the screen draws.
//
// Month-by-month parts expand each office × practice status row into the months it holds
// (LEAD() gives the next row's month, generate_series the months in between), so the cost
// grows with the rows in the period, not with offices × practices × months lookups.
import { AdoptionStage, Prisma, type Db } from "@samla/schema";
import { firstOfMonth, formatDate, parseDate } from "../lib/dates";
import { norwegianOrder } from "../lib/collation";
import { reportDueDate, reportingStartMonthSql } from "./adoption-types";

/** Stage order: the index is what the rules compare (NOT_STARTED 0 … EMBEDDED 4). */
export const STAGE_ORDER: AdoptionStage[] = [
  AdoptionStage.NOT_STARTED,
  AdoptionStage.PREPARING,
  AdoptionStage.PILOTING,
  AdoptionStage.ADOPTED,
  AdoptionStage.EMBEDDED,
];
/** ADOPTED: "adopted" means this index or above, and progress counts at most up to it. */
export const ADOPTED_INDEX = 3;

export const stageAt = (index: number): AdoptionStage => STAGE_ORDER[index]!;

export interface DashboardScope {
  /** Only the offices currently in this wave (database id); null: every wave. */
  waveId: string | null;
  asOf: Date;
  /** The first month of the series (a first of month), on or before asOf's month. */
  from: Date;
}

const day = (date: Date) => formatDate(date);
const asDate = (text: string) => parseDate(text)!;
const asOfMonth = (scope: DashboardScope) => firstOfMonth(scope.asOf);

/** The months of the series: from … asOf's month (first days). */
export function monthsOf(scope: DashboardScope): Date[] {
  const months: Date[] = [];
  for (let month = scope.from; month <= scope.asOf; month = firstOfMonth(month, 1)) months.push(month);
  return months;
}

/** The index (0-4) of an AdoptionStage value in SQL (a CASE: enum_range() per row reads the catalogue each time). */
function stageIndex(column: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(CASE ${column} WHEN 'NOT_STARTED' THEN 0 WHEN 'PREPARING' THEN 1 WHEN 'PILOTING' THEN 2
    WHEN 'ADOPTED' THEN 3 ELSE 4 END)`;
}

/** The expected stage index (0-3) on `dayExpr` for plan dates in columns "plannedStart"/"targetDate" of `alias`. */
function expectedIndex(dayExpr: Prisma.Sql, alias: string): Prisma.Sql {
  const start = Prisma.raw(`${alias}."plannedStart"`);
  const target = Prisma.raw(`${alias}."targetDate"`);
  // date - date is whole days; both sides non-negative here, so integer division is floor.
  return Prisma.sql`(CASE WHEN ${dayExpr} < ${start} THEN 0 WHEN ${dayExpr} >= ${target} THEN 3
    ELSE 1 + (2 * (${dayExpr} - ${start})) / (${target} - ${start}) END)`;
}

/**
 * The CTEs every part starts from: the offices with a current rollout (in the wave), the
 * practices in use in catalogue order, and each office × practice with its plan dates
 * (the practice's override, else the office's rollout dates).
 */
function planCtes(scope: DashboardScope): Prisma.Sql {
  const inWave = scope.waveId ? Prisma.sql`AND r."waveId" = ${scope.waveId}` : Prisma.empty;
  return Prisma.sql`scope_offices AS (
      SELECT r."id" AS "rolloutId", r."officeId", r."waveId", r."plannedStart", r."targetDate"
      FROM "OfficeRollout" r
      WHERE r."leftAt" IS NULL ${inWave}
    ),
    scope_practices AS (
      SELECT p."id", row_number() OVER (ORDER BY p."theme", p."sortOrder", p."code", p."id") AS "position"
      FROM "Practice" p
      WHERE p."retiredAt" IS NULL
    ),
    plans AS (
      SELECT so."officeId", so."waveId", sp."id" AS "practiceId", sp."position",
             COALESCE(rp."plannedStart", so."plannedStart") AS "plannedStart",
             COALESCE(rp."targetDate", so."targetDate") AS "targetDate"
      FROM scope_offices so
      CROSS JOIN scope_practices sp
      LEFT JOIN "OfficeRolloutPractice" rp ON rp."officeRolloutId" = so."rolloutId" AND rp."practiceId" = sp."id"
    )`;
}


// ---- Shapes ----------------------------------------------------------------------------

export interface StageCount {
  stage: AdoptionStage;
  count: number;
}

export interface DashboardCell {
  practiceId: string;
  stage: AdoptionStage;
  /** First month of the current run of the stage; null without any status row. */
  since: Date | null;
  expectedStage: AdoptionStage;
  behindPlan: boolean;
}

export interface DashboardMatrixRow {
  officeId: string;
  waveId: string;
  cells: DashboardCell[];
}

export interface BehindPlanPractice {
  practiceId: string;
  stage: AdoptionStage;
  expectedStage: AdoptionStage;
  targetDate: Date;
}

export interface BehindPlanOffice {
  officeId: string;
  waveId: string;
  practices: BehindPlanPractice[];
  reason: string | null;
  helpNeeded: string | null;
  reportPeriod: Date | null;
  reportId: string | null;
}

export interface PracticeSpread {
  practiceId: string;
  counts: StageCount[];
  adoptedShare: number;
  officeCount: number;
}

export interface WaveHeadline {
  waveId: string;
  officeCount: number;
  plannedProgress: number;
  actualProgress: number;
  behindPlanOfficeCount: number;
}

/** Everything the dashboard says about asOf itself. */
export interface CurrentAdoption {
  matrix: DashboardMatrixRow[];
  behindPlan: BehindPlanOffice[];
  spread: PracticeSpread[];
  waves: WaveHeadline[];
  adoptedShare: number;
  behindPlanOfficeCount: number;
}

export interface TimelinePoint {
  period: Date;
  /** All five stages in order. */
  counts: StageCount[];
}

export interface PracticePoint {
  period: Date;
  adoptedShare: number;
  averageStage: number;
}

export interface PracticeSeries {
  practiceId: string;
  points: PracticePoint[];
}

export interface WaveProgressPoint {
  period: Date;
  planned: number;
  actual: number;
}

/** Everything the dashboard says month by month. */
export interface MonthlyAdoption {
  timeline: TimelinePoint[];
  practices: PracticeSeries[];
  /** Per wave (the filtered one only), by ordinal. */
  waves: { waveId: string; series: WaveProgressPoint[] }[];
}

export interface ReportCounts {
  officeCount: number;
  startedOfficeCount: number;
  reportsSubmittedThisPeriod: number;
  reportsAwaitingReview: number;
  overdueReportCount: number;
}

const countsOf = (stageCounts: number[]): StageCount[] => stageCounts.map((count, index) => ({ stage: stageAt(index), count }));

// ---- On asOf ---------------------------------------------------------------------------

/** One office's row on asOf: its cells as arrays in practice order (`practiceIds`). */
interface OfficeJson {
  officeId: string;
  officeName: string;
  waveId: string;
  waveOrdinal: number;
  /** Rank by name, then id, in the database's collation: the order among names Norwegian order calls equal. */
  nameRank: number;
  stages: number[];
  expected: number[];
  since: (string | null)[];
  behindCount: number;
  /** Target dates, only for an office behind plan. */
  targets: string[] | null;
  reason: string | null;
  helpNeeded: string | null;
  reportPeriod: string | null;
  reportId: string | null;
}

/**
 * Stage, expected stage and run start of every office × practice on asOf, with the parts
 * built on them (matrix, behind plan with the reasons, spread, wave progress, shares), in
 * one query: the stages are looked up once (one index lookup per pair) for all parts. The
 * cells come back as one row per office with arrays in practice order, not one JSON object
 * per cell: the database builds and Node parses a sixth of the text.
 */
export async function loadCurrentAdoption(db: Db, scope: DashboardScope): Promise<CurrentAdoption> {
  const asOf = Prisma.sql`${day(scope.asOf)}::date`;
  const waveFilter = scope.waveId ? Prisma.sql`WHERE w."id" = ${scope.waveId}` : Prisma.empty;
  const [row] = await db.$queryRaw<
    {
      practiceIds: string[];
      offices: OfficeJson[];
      spread: { practiceId: string; counts: number[]; adoptedShare: number; officeCount: number }[];
      waves: WaveHeadline[];
      adoptedShare: number;
      behindPlanOfficeCount: number;
    }[]
  >`
    WITH ${planCtes(scope)},
    current AS MATERIALIZED (
      SELECT pl."officeId", pl."waveId", pl."practiceId", pl."position", pl."targetDate",
             COALESCE(latest."stageIndex", 0) AS "stageIndex", run."since",
             ${expectedIndex(asOf, "pl")} AS "expectedIndex"
      FROM plans pl
      LEFT JOIN LATERAL (
        SELECT s."stage", s."period", ${stageIndex(Prisma.sql`s."stage"`)} AS "stageIndex"
        FROM "AdoptionStatus" s
        WHERE s."officeId" = pl."officeId" AND s."practiceId" = pl."practiceId" AND s."period" <= ${asOf}
        ORDER BY s."period" DESC
        LIMIT 1
      ) latest ON true
      -- The current run began after the latest earlier row with another stage.
      LEFT JOIN LATERAL (
        SELECT min(s."period") AS "since"
        FROM "AdoptionStatus" s
        WHERE s."officeId" = pl."officeId" AND s."practiceId" = pl."practiceId" AND s."period" <= latest."period"
          AND s."period" > COALESCE((
            SELECT max(d."period") FROM "AdoptionStatus" d
            WHERE d."officeId" = pl."officeId" AND d."practiceId" = pl."practiceId"
              AND d."period" < latest."period" AND d."stage" <> latest."stage"), '-infinity'::date)
      ) run ON latest."period" IS NOT NULL
    ),
    office_rows AS MATERIALIZED (
      SELECT c."officeId", c."waveId",
             array_agg(c."stageIndex" ORDER BY c."position") AS "stages",
             array_agg(c."expectedIndex" ORDER BY c."position") AS "expected",
             array_agg(c."since" ORDER BY c."position") AS "since",
             array_agg(c."targetDate" ORDER BY c."position") AS "targets",
             count(*) FILTER (WHERE c."stageIndex" < c."expectedIndex")::int AS "behindCount"
      FROM current c
      GROUP BY c."officeId", c."waveId"
    ),
    offices AS (
      SELECT so."officeId", o."name", w."ordinal", row_number() OVER (ORDER BY o."name", so."officeId") AS "nameRank"
      FROM scope_offices so
      JOIN "Office" o ON o."id" = so."officeId"
      JOIN "RolloutWave" w ON w."id" = so."waveId"
    ),
    practice_spread AS (
      SELECT sp."id", sp."position",
             json_build_array(
               count(c."officeId") FILTER (WHERE c."stageIndex" = 0), count(c."officeId") FILTER (WHERE c."stageIndex" = 1),
               count(c."officeId") FILTER (WHERE c."stageIndex" = 2), count(c."officeId") FILTER (WHERE c."stageIndex" = 3),
               count(c."officeId") FILTER (WHERE c."stageIndex" = 4)) AS "counts",
             COALESCE(avg((c."stageIndex" >= ${ADOPTED_INDEX})::int), 0)::float8 AS "adoptedShare",
             count(c."officeId") AS "officeCount"
      FROM scope_practices sp
      LEFT JOIN current c ON c."practiceId" = sp."id"
      GROUP BY sp."id", sp."position"
    ),
    wave_progress AS (
      SELECT w."id", w."ordinal", COALESCE(o."officeCount", 0) AS "officeCount",
             COALESCE(b."planned", 0)::float8 AS "plannedProgress", COALESCE(b."actual", 0)::float8 AS "actualProgress",
             COALESCE(o."behind", 0) AS "behindPlanOfficeCount"
      FROM "RolloutWave" w
      LEFT JOIN (
        SELECT "waveId", avg(LEAST("expectedIndex", ${ADOPTED_INDEX}))::float8 / ${ADOPTED_INDEX} AS "planned",
               avg(LEAST("stageIndex", ${ADOPTED_INDEX}))::float8 / ${ADOPTED_INDEX} AS "actual"
        FROM current GROUP BY "waveId"
      ) b ON b."waveId" = w."id"
      LEFT JOIN (
        SELECT "waveId", count(*) AS "officeCount", count(*) FILTER (WHERE "behindCount" > 0) AS "behind"
        FROM office_rows GROUP BY "waveId"
      ) o ON o."waveId" = w."id"
      ${waveFilter}
    )
    SELECT
      (SELECT COALESCE(json_agg("id" ORDER BY "position"), '[]') FROM scope_practices) AS "practiceIds",
      -- What each office behind plan said last: its latest submitted report for a month up to asOf.
      (SELECT COALESCE(json_agg(json_build_object(
          'officeId', r."officeId", 'officeName', o."name", 'waveId', r."waveId", 'waveOrdinal', o."ordinal",
          'nameRank', o."nameRank", 'stages', r."stages", 'expected', r."expected", 'since', r."since",
          'behindCount', r."behindCount", 'targets', CASE WHEN r."behindCount" > 0 THEN r."targets" END,
          'reason', NULLIF(btrim(lr."obstacles"), ''), 'helpNeeded', NULLIF(btrim(lr."helpNeeded"), ''),
          'reportPeriod', lr."period", 'reportId', lr."id")
        ORDER BY o."nameRank"), '[]')
       FROM office_rows r
       JOIN offices o ON o."officeId" = r."officeId"
       LEFT JOIN LATERAL (
         SELECT pr."id", pr."period", pr."obstacles", pr."helpNeeded"
         FROM "ProgressReport" pr
         WHERE pr."officeId" = r."officeId" AND pr."status" IN ('SUBMITTED', 'ACKNOWLEDGED') AND pr."period" <= ${asOf}
         ORDER BY pr."period" DESC
         LIMIT 1
       ) lr ON r."behindCount" > 0) AS "offices",
      (SELECT COALESCE(json_agg(json_build_object(
          'practiceId', "id", 'counts', "counts", 'adoptedShare', "adoptedShare", 'officeCount', "officeCount")
        ORDER BY "position"), '[]') FROM practice_spread) AS "spread",
      (SELECT COALESCE(json_agg(json_build_object(
          'waveId', "id", 'officeCount', "officeCount", 'plannedProgress', "plannedProgress",
          'actualProgress', "actualProgress", 'behindPlanOfficeCount', "behindPlanOfficeCount")
        ORDER BY "ordinal"), '[]') FROM wave_progress) AS "waves",
      (SELECT COALESCE(avg(("stageIndex" >= ${ADOPTED_INDEX})::int), 0)::float8 FROM current) AS "adoptedShare",
      (SELECT count(*)::int FROM office_rows WHERE "behindCount" > 0) AS "behindPlanOfficeCount"`;
  const { practiceIds, offices, spread, waves, adoptedShare, behindPlanOfficeCount } = row!;

  // The database's order by name is not Norwegian (Æ, Ø, Å last): sort here, and keep its
  // order (nameRank) among names Norwegian order calls equal.
  const byName = (a: OfficeJson, b: OfficeJson) => norwegianOrder(a.officeName, b.officeName) || a.nameRank - b.nameRank;
  const matrix = [...offices].sort((a, b) => a.waveOrdinal - b.waveOrdinal || byName(a, b));
  const behindOffices = offices.filter((office) => office.behindCount > 0).sort((a, b) => b.behindCount - a.behindCount || byName(a, b));
  const dates = new DateCache();
  return {
    matrix: matrix.map((office) => ({
      officeId: office.officeId,
      waveId: office.waveId,
      cells: practiceIds.map((practiceId, i) => ({
        practiceId,
        stage: stageAt(office.stages[i]!),
        since: dates.orNull(office.since[i]!),
        expectedStage: stageAt(office.expected[i]!),
        behindPlan: office.stages[i]! < office.expected[i]!,
      })),
    })),
    behindPlan: behindOffices.map((office) => ({
      officeId: office.officeId,
      waveId: office.waveId,
      reason: office.reason,
      helpNeeded: office.helpNeeded,
      reportPeriod: dates.orNull(office.reportPeriod),
      reportId: office.reportId,
      practices: practiceIds.flatMap((practiceId, i) =>
        office.stages[i]! < office.expected[i]!
          ? [
              {
                practiceId,
                stage: stageAt(office.stages[i]!),
                expectedStage: stageAt(office.expected[i]!),
                targetDate: dates.of(office.targets![i]!),
              },
            ]
          : [],
      ),
    })),
    spread: spread.map((practice) => ({ ...practice, counts: countsOf(practice.counts) })),
    waves,
    adoptedShare,
    behindPlanOfficeCount,
  };
}

/** Dates from yyyy-mm-dd, each text parsed once (a result names the same few months thousands of times). */
class DateCache {
  private readonly byText = new Map<string, Date>();

  of(text: string): Date {
    let date = this.byText.get(text);
    if (!date) this.byText.set(text, (date = asDate(text)));
    return date;
  }

  orNull(text: string | null): Date | null {
    return text === null ? null : this.of(text);
  }
}

// ---- Month by month --------------------------------------------------------------------

/**
 * The stage of every office × practice in every month from `from` to asOf's month, and the
 * parts built on it (stage counts, per-practice shares, per-wave progress against plan), in
 * one query. Each pair's rows are read in index order from the last row on or before
 * `from` (the stage carried into the series) and only the rows where the stage changes are
 * kept (LAG() gives the row before). A change adds one to its stage from its month on and
 * takes one from the stage before, so the counts of a month are the sums of the changes up
 * to it: the work grows with the changes, not with pairs × months.
 */
export async function loadMonthlyAdoption(db: Db, scope: DashboardScope): Promise<MonthlyAdoption> {
  const from = Prisma.sql`${day(scope.from)}::date`;
  const last = Prisma.sql`${day(asOfMonth(scope))}::date`;
  const waveFilter = scope.waveId ? Prisma.sql`WHERE w."id" = ${scope.waveId}` : Prisma.empty;
  const index = stageIndex(Prisma.sql`s."stage"`);
  const [row] = await db.$queryRaw<
    {
      timeline: { period: string; counts: number[] }[];
      practices: { practiceId: string; period: string; adoptedShare: number; averageStage: number }[];
      waves: { waveId: string; period: string; planned: number; actual: number }[];
    }[]
  >`
    WITH ${planCtes(scope)},
    months AS (
      SELECT m AS "month", (m + interval '1 month' - interval '1 day')::date AS "monthEnd"
      FROM unnest(${monthsOf(scope).map(day)}::date[]) AS m
    ),
    -- Per pair: the row carried into the series (its month counts as "from") and each later
    -- row whose stage differs from the row before it.
    changes AS MATERIALIZED (
      SELECT pl."waveId", pl."practiceId", GREATEST(c."period", ${from}) AS "month", c."stageIndex", c."previousIndex"
      FROM plans pl
      CROSS JOIN LATERAL (
        SELECT r."period", r."stageIndex", r."previousIndex"
        FROM (
          SELECT s."period", ${index} AS "stageIndex", lag(${index}) OVER (ORDER BY s."period") AS "previousIndex"
          FROM "AdoptionStatus" s
          WHERE s."officeId" = pl."officeId" AND s."practiceId" = pl."practiceId" AND s."period" <= ${last}
            AND s."period" >= COALESCE((
              SELECT max(c."period") FROM "AdoptionStatus" c
              WHERE c."officeId" = pl."officeId" AND c."practiceId" = pl."practiceId" AND c."period" <= ${from}), ${from})
        ) r
        WHERE r."previousIndex" IS DISTINCT FROM r."stageIndex"
      ) c
    ),
    -- +1 to the new stage and -1 to the one before, per wave, practice, month and stage.
    deltas AS MATERIALIZED (
      SELECT e."waveId", e."practiceId", e."month", e."stageIndex", sum(e."delta") AS "delta"
      FROM (
        SELECT "waveId", "practiceId", "month", "stageIndex", 1 AS "delta" FROM changes
        UNION ALL
        SELECT "waveId", "practiceId", "month", "previousIndex", -1 FROM changes WHERE "previousIndex" IS NOT NULL
      ) e
      GROUP BY e."waveId", e."practiceId", e."month", e."stageIndex"
    ),
    totals AS (
      SELECT (SELECT count(*) FROM plans) AS "pairs", NULLIF((SELECT count(*) FROM scope_offices), 0)::float8 AS "offices"
    ),
    -- Running sums: each month adds up the changes of the months up to it.
    stage_counts AS (
      SELECT m."month",
             COALESCE(sum(d."s1"), 0)::bigint AS "s1", COALESCE(sum(d."s2"), 0)::bigint AS "s2",
             COALESCE(sum(d."s3"), 0)::bigint AS "s3", COALESCE(sum(d."s4"), 0)::bigint AS "s4"
      FROM months m
      JOIN (
        SELECT "month", sum("delta") FILTER (WHERE "stageIndex" = 1) AS "s1", sum("delta") FILTER (WHERE "stageIndex" = 2) AS "s2",
               sum("delta") FILTER (WHERE "stageIndex" = 3) AS "s3", sum("delta") FILTER (WHERE "stageIndex" = 4) AS "s4"
        FROM deltas GROUP BY "month"
      ) d ON d."month" <= m."month"
      GROUP BY m."month"
    ),
    practice_sums AS (
      SELECT d."practiceId", m."month", sum(d."adopted")::bigint AS "adopted", sum(d."stageSum")::bigint AS "stageSum"
      FROM months m
      JOIN (
        SELECT "practiceId", "month", COALESCE(sum("delta") FILTER (WHERE "stageIndex" >= ${ADOPTED_INDEX}), 0) AS "adopted",
               sum("delta" * "stageIndex") AS "stageSum"
        FROM deltas GROUP BY "practiceId", "month"
      ) d ON d."month" <= m."month"
      GROUP BY d."practiceId", m."month"
    ),
    wave_actual AS (
      SELECT d."waveId", m."month", sum(d."sum")::bigint AS "sum"
      FROM months m
      JOIN (
        SELECT "waveId", "month", sum("delta" * LEAST("stageIndex", ${ADOPTED_INDEX})) AS "sum"
        FROM deltas GROUP BY "waveId", "month"
      ) d ON d."month" <= m."month"
      GROUP BY d."waveId", m."month"
    ),
    -- Pairs with the same wave and plan dates expect the same stage: count them once.
    wave_planned AS (
      SELECT pl."waveId", m."month", sum(pl."pairs") AS "pairs",
             sum(pl."pairs" * LEAST(${expectedIndex(Prisma.sql`m."monthEnd"`, "pl")}, ${ADOPTED_INDEX})) AS "sum"
      FROM (
        SELECT "waveId", "plannedStart", "targetDate", count(*) AS "pairs" FROM plans GROUP BY "waveId", "plannedStart", "targetDate"
      ) pl
      CROSS JOIN months m
      GROUP BY pl."waveId", m."month"
    )
    SELECT
      -- Pairs without a row on or before the month are NOT_STARTED, as are rows saying so.
      (SELECT json_agg(json_build_object('period', m."month", 'counts', json_build_array(
          t."pairs" - COALESCE(sc."s1" + sc."s2" + sc."s3" + sc."s4", 0),
          COALESCE(sc."s1", 0), COALESCE(sc."s2", 0), COALESCE(sc."s3", 0), COALESCE(sc."s4", 0))) ORDER BY m."month")
       FROM months m CROSS JOIN totals t LEFT JOIN stage_counts sc ON sc."month" = m."month") AS "timeline",
      (SELECT COALESCE(json_agg(json_build_object('practiceId', sp."id", 'period', m."month",
          'adoptedShare', COALESCE(COALESCE(ps."adopted", 0) / t."offices", 0),
          'averageStage', COALESCE(COALESCE(ps."stageSum", 0) / t."offices", 0)) ORDER BY sp."position", m."month"), '[]')
       FROM scope_practices sp CROSS JOIN months m CROSS JOIN totals t
       LEFT JOIN practice_sums ps ON ps."practiceId" = sp."id" AND ps."month" = m."month") AS "practices",
      (SELECT COALESCE(json_agg(json_build_object('waveId', w."id", 'period', m."month",
          'planned', COALESCE(wp."sum"::float8 / (${ADOPTED_INDEX} * wp."pairs"), 0),
          'actual', COALESCE(COALESCE(wa."sum", 0)::float8 / (${ADOPTED_INDEX} * wp."pairs"), 0)) ORDER BY w."ordinal", m."month"), '[]')
       FROM "RolloutWave" w CROSS JOIN months m
       LEFT JOIN wave_planned wp ON wp."waveId" = w."id" AND wp."month" = m."month"
       LEFT JOIN wave_actual wa ON wa."waveId" = w."id" AND wa."month" = m."month"
       ${waveFilter}) AS "waves"`;

  const dates = new DateCache();
  const practices: PracticeSeries[] = [];
  for (const point of row!.practices) {
    if (practices.at(-1)?.practiceId !== point.practiceId) practices.push({ practiceId: point.practiceId, points: [] });
    practices.at(-1)!.points.push({ period: dates.of(point.period), adoptedShare: point.adoptedShare, averageStage: point.averageStage });
  }
  const waves: MonthlyAdoption["waves"] = [];
  for (const point of row!.waves) {
    if (waves.at(-1)?.waveId !== point.waveId) waves.push({ waveId: point.waveId, series: [] });
    waves.at(-1)!.series.push({ period: dates.of(point.period), planned: point.planned, actual: point.actual });
  }
  return {
    timeline: row!.timeline.map((point) => ({ period: dates.of(point.period), counts: countsOf(point.counts) })),
    practices,
    waves,
  };
}

// ---- Reports ---------------------------------------------------------------------------

/**
 * Offices and reports on asOf. A month's report is expected from the office's reporting start
 * (reportingStartMonth: the month of its rollout start unless the planner chose a later one); it is overdue once its due date (the 10th of the next month) is before
 * asOf and no report for it is SUBMITTED or ACKNOWLEDGED.
 */
export async function loadReportCounts(db: Db, scope: DashboardScope): Promise<ReportCounts> {
  const asOf = Prisma.sql`${day(scope.asOf)}::date`;
  const lastOverdueMonth = reportDueDate(firstOfMonth(scope.asOf, -1)) < scope.asOf ? firstOfMonth(scope.asOf, -1) : firstOfMonth(scope.asOf, -2);
  const inWave = scope.waveId ? Prisma.sql`AND r."waveId" = ${scope.waveId}` : Prisma.empty;
  const [row] = await db.$queryRaw<ReportCounts[]>`
    WITH scope_offices AS (
      SELECT r."officeId", r."plannedStart", ${reportingStartMonthSql("r")}::date AS "startMonth"
      FROM "OfficeRollout" r
      WHERE r."leftAt" IS NULL ${inWave}
    ),
    done AS (
      SELECT pr."period", so."startMonth"
      FROM "ProgressReport" pr
      JOIN scope_offices so ON so."officeId" = pr."officeId"
      WHERE pr."status" IN ('SUBMITTED', 'ACKNOWLEDGED')
    )
    SELECT
      (SELECT count(*) FROM scope_offices)::int AS "officeCount",
      (SELECT count(*) FROM scope_offices WHERE "plannedStart" <= ${asOf})::int AS "startedOfficeCount",
      (SELECT count(*) FROM done WHERE "period" = ${day(asOfMonth(scope))}::date)::int AS "reportsSubmittedThisPeriod",
      (SELECT count(*) FROM "ProgressReport" pr JOIN scope_offices so ON so."officeId" = pr."officeId"
        WHERE pr."status" = 'SUBMITTED')::int AS "reportsAwaitingReview",
      -- Expected months past their due date, less those with a done report (one report per office and month).
      ((SELECT COALESCE(sum(GREATEST(0,
           (extract(year FROM age(${day(lastOverdueMonth)}::date, "startMonth")) * 12
            + extract(month FROM age(${day(lastOverdueMonth)}::date, "startMonth")))::int + 1)), 0)
        FROM scope_offices WHERE "startMonth" <= ${day(lastOverdueMonth)}::date)
       - (SELECT count(*) FROM done WHERE "period" >= "startMonth" AND "period" <= ${day(lastOverdueMonth)}::date))::int
        AS "overdueReportCount"`;
  return row!;
}

/** The practices in use, in catalogue order: the matrix's columns. */
export async function loadPracticeIds(db: Db): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT p."id" FROM "Practice" p WHERE p."retiredAt" IS NULL ORDER BY p."theme", p."sortOrder", p."code", p."id"`;
  return rows.map((row) => row.id);
}

/**
 * The dashboard's queries for one request: each runs once, when the first part that needs
 * it is resolved (the matrix, behind plan, spread and summary share one; the series another).
 */
export class AdoptionDashboardData {
  private current: Promise<CurrentAdoption> | undefined;
  private monthly: Promise<MonthlyAdoption> | undefined;
  private reports: Promise<ReportCounts> | undefined;

  constructor(
    private readonly db: Db,
    readonly scope: DashboardScope,
  ) {}

  currentAdoption(): Promise<CurrentAdoption> {
    return (this.current ??= loadCurrentAdoption(this.db, this.scope));
  }

  monthlyAdoption(): Promise<MonthlyAdoption> {
    return (this.monthly ??= loadMonthlyAdoption(this.db, this.scope));
  }

  reportCounts(): Promise<ReportCounts> {
    return (this.reports ??= loadReportCounts(this.db, this.scope));
  }

  async summary(): Promise<ReportCounts & Pick<CurrentAdoption, "adoptedShare" | "behindPlanOfficeCount">> {
    const [reports, current] = await Promise.all([this.reportCounts(), this.currentAdoption()]);
    return { ...reports, adoptedShare: current.adoptedShare, behindPlanOfficeCount: current.behindPlanOfficeCount };
  }

  /** Each wave's progress on asOf with its series. */
  async waves(): Promise<WaveProgress[]> {
    const [current, monthly] = await Promise.all([this.currentAdoption(), this.monthlyAdoption()]);
    const series = new Map(monthly.waves.map((wave) => [wave.waveId, wave.series]));
    return current.waves.map((wave) => ({ ...wave, series: series.get(wave.waveId) ?? [] }));
  }
}

export interface WaveProgress extends WaveHeadline {
  series: WaveProgressPoint[];
}

export type DashboardSummary = Awaited<ReturnType<AdoptionDashboardData["summary"]>>;
