// The impact estimate of a practice on a KPI: difference-in-differences around each office's
// adoption month, against offices that had not adopted in the same months. One SQL query for
// the per-office figures and the estimate, one for the event-time chart; both bound.
//
// Definition (the contract's, binding):
//   a_i = first month with an AdoptionStatus row of stage >= ADOPTED for the practice.
//   B = [a_i - W, a_i - 1], A = [a_i, a_i + W - 1] (months); values are KpiMeasurement rows.
//   Controls for i: other offices adopting after a_i + W - 1 or never, with >= 1 value in B and A.
//   i is treated when it has >= 1 value in B and in A and >= 1 control.
//   DiD_i = (mean_A(i) - mean_B(i)) - mean over controls c of (mean_A(c) - mean_B(c)).
//   estimate = mean DiD_i, SE = stddev_samp / sqrt(n), 95 % interval = estimate ± t(0.975, n-1) · SE.
import { Prisma, type Db } from "@samla/schema";
import { parseDate } from "../lib/dates";

export interface ImpactOffice {
  officeId: string;
  adoptedPeriod: Date;
  beforeMean: number;
  afterMean: number;
  controlBeforeMean: number;
  controlAfterMean: number;
  controlOfficeCount: number;
  difference: number;
}

export interface ImpactEstimate {
  offices: ImpactOffice[];
  /** Mean of the offices' differences; null without any treated office. */
  estimate: number | null;
  /** Sample standard deviation of the differences (null when fewer than 2). */
  standardDeviation: number | null;
  treatedOfficeCount: number;
  /** Distinct offices used as a control for at least one treated office. */
  controlOfficeCount: number;
}

export interface EventTimePoint {
  relativeMonth: number;
  treatedMean: number | null;
  controlMean: number | null;
  treatedCount: number;
  controlCount: number;
}

/** Months since year 0 of a date column: differences of it count calendar months. */
function monthNumber(column: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(extract(year FROM ${column}) * 12 + extract(month FROM ${column}))::int`;
}

/**
 * The CTEs both queries share: `adoption` (a_i per office), `kpi_values`, `treated_windows`
 * (offices with values on both sides of their own adoption month), `pairs` (each such
 * office with each qualifying control and the control's window means) and `treated`
 * (the offices with at least one control: the ones the estimate is over).
 */
function impactCtes(practiceId: string, kpiId: string, windowMonths: number): Prisma.Sql {
  const window = Prisma.sql`make_interval(months => ${windowMonths}::int)`;
  return Prisma.sql`adoption AS (
      SELECT s."officeId", min(s."period") AS "adoptedPeriod"
      FROM "AdoptionStatus" s
      WHERE s."practiceId" = ${practiceId} AND s."stage" >= 'ADOPTED'::"AdoptionStage"
      GROUP BY s."officeId"
    ),
    kpi_values AS (
      SELECT m."officeId", m."period", m."value"::float8 AS "value"
      FROM "KpiMeasurement" m
      WHERE m."kpiId" = ${kpiId}
    ),
    treated_windows AS (
      SELECT a."officeId", a."adoptedPeriod",
             (a."adoptedPeriod" - ${window})::date AS "windowStart",
             (a."adoptedPeriod" + ${window})::date AS "windowEnd",
             avg(v."value") FILTER (WHERE v."period" < a."adoptedPeriod") AS "beforeMean",
             avg(v."value") FILTER (WHERE v."period" >= a."adoptedPeriod") AS "afterMean"
      FROM adoption a
      JOIN kpi_values v ON v."officeId" = a."officeId"
        AND v."period" >= a."adoptedPeriod" - ${window} AND v."period" < a."adoptedPeriod" + ${window}
      GROUP BY a."officeId", a."adoptedPeriod"
      HAVING count(*) FILTER (WHERE v."period" < a."adoptedPeriod") > 0
         AND count(*) FILTER (WHERE v."period" >= a."adoptedPeriod") > 0
    ),
    pairs AS (
      SELECT t."officeId" AS "treatedId", v."officeId" AS "controlId",
             avg(v."value") FILTER (WHERE v."period" < t."adoptedPeriod") AS "beforeMean",
             avg(v."value") FILTER (WHERE v."period" >= t."adoptedPeriod") AS "afterMean"
      FROM treated_windows t
      JOIN kpi_values v ON v."officeId" <> t."officeId"
        AND v."period" >= t."windowStart" AND v."period" < t."windowEnd"
      LEFT JOIN adoption ca ON ca."officeId" = v."officeId"
      -- Not yet adopted by the end of i's after window (or never).
      WHERE ca."adoptedPeriod" IS NULL OR ca."adoptedPeriod" >= t."windowEnd"
      GROUP BY t."officeId", v."officeId"
      HAVING count(*) FILTER (WHERE v."period" < t."adoptedPeriod") > 0
         AND count(*) FILTER (WHERE v."period" >= t."adoptedPeriod") > 0
    ),
    treated AS (
      SELECT t."officeId", t."adoptedPeriod", t."windowStart", t."windowEnd", t."beforeMean", t."afterMean",
             avg(p."beforeMean") AS "controlBeforeMean", avg(p."afterMean") AS "controlAfterMean",
             count(*) AS "controlOfficeCount",
             (t."afterMean" - t."beforeMean") - avg(p."afterMean" - p."beforeMean") AS "difference"
      FROM treated_windows t
      JOIN pairs p ON p."treatedId" = t."officeId"
      GROUP BY t."officeId", t."adoptedPeriod", t."windowStart", t."windowEnd", t."beforeMean", t."afterMean"
    )`;
}

export async function loadImpactEstimate(db: Db, practiceId: string, kpiId: string, windowMonths: number): Promise<ImpactEstimate> {
  const rows = await db.$queryRaw<
    {
      officeId: string | null;
      adoptedPeriod: string | null;
      beforeMean: number | null;
      afterMean: number | null;
      controlBeforeMean: number | null;
      controlAfterMean: number | null;
      controlOfficeCount: number | null;
      difference: number | null;
      estimate: number | null;
      standardDeviation: number | null;
      treatedOfficeCount: number;
      distinctControls: number;
    }[]
  >`
    WITH ${impactCtes(practiceId, kpiId, windowMonths)},
    overall AS (
      SELECT avg("difference") AS "estimate", stddev_samp("difference") AS "standardDeviation", count(*) AS "treatedOfficeCount",
             (SELECT count(DISTINCT p."controlId") FROM pairs p WHERE p."treatedId" IN (SELECT "officeId" FROM treated)) AS "distinctControls"
      FROM treated
    )
    SELECT t."officeId", t."adoptedPeriod"::text AS "adoptedPeriod",
           t."beforeMean"::float8 AS "beforeMean", t."afterMean"::float8 AS "afterMean",
           t."controlBeforeMean"::float8 AS "controlBeforeMean", t."controlAfterMean"::float8 AS "controlAfterMean",
           t."controlOfficeCount"::int AS "controlOfficeCount", t."difference"::float8 AS "difference",
           o."estimate"::float8 AS "estimate", o."standardDeviation"::float8 AS "standardDeviation",
           o."treatedOfficeCount"::int AS "treatedOfficeCount", o."distinctControls"::int AS "distinctControls"
    FROM overall o
    LEFT JOIN treated t ON true
    LEFT JOIN "Office" office ON office."id" = t."officeId"
    ORDER BY t."adoptedPeriod", office."name", t."officeId"`;
  const first = rows[0]!;
  return {
    offices: rows
      .filter((row) => row.officeId !== null)
      .map((row) => ({
        officeId: row.officeId!,
        adoptedPeriod: parseDate(row.adoptedPeriod!)!,
        beforeMean: row.beforeMean!,
        afterMean: row.afterMean!,
        controlBeforeMean: row.controlBeforeMean!,
        controlAfterMean: row.controlAfterMean!,
        controlOfficeCount: row.controlOfficeCount!,
        difference: row.difference!,
      })),
    estimate: first.estimate,
    standardDeviation: first.standardDeviation,
    treatedOfficeCount: first.treatedOfficeCount,
    controlOfficeCount: first.distinctControls,
  };
}

/**
 * Month by month around adoption (relative month k = -W … W-1): the treated offices' mean
 * value at a_i + k, and the controls' mean, averaged first over each treated office's
 * controls and then over the treated offices (the weighting the estimate uses).
 */
export async function loadEventTime(db: Db, practiceId: string, kpiId: string, windowMonths: number): Promise<EventTimePoint[]> {
  const rows = await db.$queryRaw<EventTimePoint[]>`
    WITH ${impactCtes(practiceId, kpiId, windowMonths)},
    relative AS (SELECT generate_series(-${windowMonths}::int, ${windowMonths}::int - 1) AS "relativeMonth"),
    -- Months from the office's adoption month to the value's month.
    treated_values AS (
      SELECT ${monthNumber(Prisma.sql`v."period"`)} - ${monthNumber(Prisma.sql`t."adoptedPeriod"`)} AS "relativeMonth",
             avg(v."value") AS "mean", count(*) AS "count"
      FROM treated t
      JOIN kpi_values v ON v."officeId" = t."officeId" AND v."period" >= t."windowStart" AND v."period" < t."windowEnd"
      GROUP BY 1
    ),
    control_values AS (
      SELECT ${monthNumber(Prisma.sql`v."period"`)} - ${monthNumber(Prisma.sql`t."adoptedPeriod"`)} AS "relativeMonth",
             p."treatedId", p."controlId", v."value"
      FROM treated t
      JOIN pairs p ON p."treatedId" = t."officeId"
      JOIN kpi_values v ON v."officeId" = p."controlId" AND v."period" >= t."windowStart" AND v."period" < t."windowEnd"
    ),
    control_by_treated AS (
      SELECT "relativeMonth", "treatedId", avg("value") AS "mean" FROM control_values GROUP BY 1, 2
    ),
    control_means AS (
      SELECT c."relativeMonth", avg(c."mean") AS "mean",
             (SELECT count(DISTINCT cv."controlId") FROM control_values cv WHERE cv."relativeMonth" = c."relativeMonth") AS "count"
      FROM control_by_treated c
      GROUP BY c."relativeMonth"
    )
    SELECT r."relativeMonth"::int AS "relativeMonth",
           tv."mean"::float8 AS "treatedMean", cm."mean"::float8 AS "controlMean",
           COALESCE(tv."count", 0)::int AS "treatedCount", COALESCE(cm."count", 0)::int AS "controlCount"
    FROM relative r
    LEFT JOIN treated_values tv ON tv."relativeMonth" = r."relativeMonth"
    LEFT JOIN control_means cm ON cm."relativeMonth" = r."relativeMonth"
    ORDER BY r."relativeMonth"`;
  return rows;
}

/** Two-sided 95 % critical values of Student's t for 1-30 degrees of freedom (index = df). */
const T_975 = [
  Number.NaN, 12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12,
  2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/** t(0.975, df); the normal 1.96 above 30 degrees of freedom. */
export function tCritical975(degreesOfFreedom: number): number {
  if (degreesOfFreedom < 1) throw new Error(`No t value for ${degreesOfFreedom} degrees of freedom`);
  return degreesOfFreedom <= 30 ? T_975[degreesOfFreedom]! : 1.96;
}
