// Benchmark: the adoption dashboard over national data on PostgreSQL, through GraphQL over
// HTTP (yoga's fetch), as the /innforing page asks for it.
//   npm run bench:adoption
// Uses the database "samla_bench" on the PostgreSQL server of DATABASE_URL (default: the
// local socket), dropped and made again on each run: migrations, then synthetic national
// data written in SQL: 250 offices, 12 practices, 4 KPIs, 3 waves (a few offices moved
// between waves, some per-practice plan dates), 36 months of monthly reports per office
// with their stages (≈9,000 reports, ≈108,000 AdoptionStatus rows) and KPI values. Then
// times the full adoptionDashboard query (median, p95, max; SQL statements and this
// process's CPU per request) and each part's SQL on its own, and prints PASS or FAIL for
// p95 ≤ 300 ms; a FAIL exits non-zero. Run it while nothing else loads the machine (it
// prints how busy the cores were). BENCH_PG_OPTIONS replaces the PostgreSQL options of the
// API's connections (see bench-lib.ts), e.g. "-c jit=on" to see what JIT costs here.
import pg from "pg";
import { parseDate } from "../src/lib/dates";
import {
  loadCurrentAdoption,
  loadMonthlyAdoption,
  loadPracticeIds,
  loadReportCounts,
  type DashboardScope,
} from "../src/adoption/dashboard-queries";
import { checkTarget, countStatements, freshBenchDatabase, graphqlAs, timed, watchMachine, type Json } from "./bench-lib";

const OFFICES = 250;
const MONTHS = 36;
/** The day the dashboard describes: the last of the 36 reported months is its month. */
const AS_OF = "2026-11-15";
const FIRST_MONTH = "2023-12-01";
const RUNS = 30;
const GOAL_MS = 300;



/**
 * The national data set, in SQL (generate_series; "random" numbers from hashes, so each run
 * writes the same rows). Office i is in wave 1 (pilots, i ≤ 25), 2 (i ≤ 125) or 3; its pace
 * (0.6-1.4 of the plan) decides its stages, so some offices are ahead and some behind plan.
 */
const DATA_SQL = [
  `INSERT INTO "Practice" ("id", "code", "theme", "sortOrder", "currentVersion", "updatedAt")
   SELECT 'p' || j, 'P' || lpad(j::text, 2, '0'),
          (enum_range(NULL::"PracticeTheme"))[1 + (j - 1) / 2], (j - 1) % 2, 1, now()
   FROM generate_series(1, 12) AS j`,
  `INSERT INTO "PracticeVersion" ("id", "practiceId", "number", "name", "description", "levels", "createdBy")
   SELECT 'pv' || j, 'p' || j, 1, 'Praksis ' || j, 'Benkpraksis ' || j,
          ARRAY['Ikke i gang', 'Forberedes', 'Prøves ut', 'Tatt i bruk', 'Forankret'], 'benk'
   FROM generate_series(1, 12) AS j`,
  `INSERT INTO "Kpi" ("id", "code", "name", "unit", "direction", "sortOrder", "updatedAt")
   VALUES ('k1', 'SBT', 'Saksbehandlingstid', 'dager', 'LOWER_IS_BETTER', 1, now()),
          ('k2', 'FRIST', 'Andel innen frist', '%', 'HIGHER_IS_BETTER', 2, now()),
          ('k3', 'TILFREDS', 'Brukertilfredshet', '1-5', 'HIGHER_IS_BETTER', 3, now()),
          ('k4', 'RESTANSE', 'Restanser', 'saker', 'LOWER_IS_BETTER', 4, now())`,
  `INSERT INTO "Office" ("id", "code", "name", "isPilot", "validFrom", "updatedAt")
   SELECT 'o' || i, (7000 + i)::text, 'Nav Benk ' || lpad(i::text, 3, '0'), i <= 25, '2020-01-01', now()
   FROM generate_series(1, ${OFFICES}) AS i`,
  `INSERT INTO "RolloutWave" ("id", "name", "ordinal", "isPilot", "plannedStart", "targetDate", "updatedAt")
   VALUES ('w1', 'Pilotbølgen', 1, true, '2023-12-01', '2025-06-01', now()),
          ('w2', 'Bølge 2', 2, false, '2024-12-01', '2026-06-01', now()),
          ('w3', 'Bølge 3', 3, false, '2025-12-01', '2027-06-01', now())`,
  // Every tenth office of wave 3 was first planned in wave 2 and moved: the history stays.
  `INSERT INTO "OfficeRollout" ("id", "officeId", "waveId", "plannedStart", "targetDate", "joinedAt", "leftAt", "leftReason", "updatedAt")
   SELECT 'old' || i, 'o' || i, 'w2', '2024-12-01', '2026-06-01', '2024-06-01', '2024-11-01', 'Flyttet i benken', now()
   FROM generate_series(126, ${OFFICES}, 10) AS i`,
  `INSERT INTO "OfficeRollout" ("id", "officeId", "waveId", "plannedStart", "targetDate", "joinedAt", "updatedAt")
   SELECT 'r' || i, 'o' || i, w."id", w."plannedStart", w."targetDate", '2024-11-01', now()
   FROM generate_series(1, ${OFFICES}) AS i
   JOIN "RolloutWave" w ON w."id" = CASE WHEN i <= 25 THEN 'w1' WHEN i <= 125 THEN 'w2' ELSE 'w3' END`,
  // Some offices take their last two practices later.
  `INSERT INTO "OfficeRolloutPractice" ("id", "officeRolloutId", "practiceId", "plannedStart", "targetDate")
   SELECT 'rp' || r."officeId" || '-' || j, r."id", 'p' || j, r."plannedStart" + 90, r."targetDate" + 180
   FROM "OfficeRollout" r CROSS JOIN generate_series(11, 12) AS j
   WHERE r."leftAt" IS NULL AND abs(hashtext(r."officeId")) % 5 = 0`,
  // One report per office per month; the last month partly submitted, partly draft.
  `INSERT INTO "ProgressReport" ("id", "officeId", "period", "status", "learning", "obstacles", "helpNeeded",
     "createdBySubject", "createdByName", "submittedAt", "submittedBySubject", "submittedByName",
     "acknowledgedAt", "acknowledgedBySubject", "acknowledgedByName", "updatedAt")
   SELECT 'rep-' || i || '-' || m, 'o' || i, period,
          s.status::"ProgressReportStatus",
          'Vi lærte noe i måned ' || m, CASE WHEN abs(hashtext('pace' || i)) % 80 < 40 THEN 'Mangler kapasitet i måned ' || m ELSE '' END,
          CASE WHEN abs(hashtext('pace' || i)) % 80 < 20 THEN 'Trenger veiledning' ELSE '' END,
          'sub-leader-' || i, 'Leder ' || i,
          CASE WHEN s.status <> 'DRAFT' THEN period + interval '1 month' + interval '5 days' END,
          CASE WHEN s.status <> 'DRAFT' THEN 'sub-leader-' || i END, CASE WHEN s.status <> 'DRAFT' THEN 'Leder ' || i END,
          CASE WHEN s.status = 'ACKNOWLEDGED' THEN period + interval '1 month' + interval '8 days' END,
          CASE WHEN s.status = 'ACKNOWLEDGED' THEN 'sub-planner' END, CASE WHEN s.status = 'ACKNOWLEDGED' THEN 'Pia Planlegger' END,
          now()
   FROM generate_series(1, ${OFFICES}) AS i
   CROSS JOIN generate_series(0, ${MONTHS - 1}) AS m
   CROSS JOIN LATERAL (SELECT ('${FIRST_MONTH}'::date + make_interval(months => m))::date AS period) p
   CROSS JOIN LATERAL (SELECT CASE
       WHEN m < ${MONTHS - 2} THEN 'ACKNOWLEDGED'
       WHEN m = ${MONTHS - 2} THEN CASE WHEN i % 3 = 0 THEN 'SUBMITTED' ELSE 'ACKNOWLEDGED' END
       ELSE CASE WHEN i % 3 = 0 THEN 'DRAFT' WHEN i % 3 = 1 THEN 'SUBMITTED' ELSE 'ACKNOWLEDGED' END END AS status) s`,
  // Stages: elapsed share of the plan × the office's pace, each practice a little later than the one before.
  `CREATE TEMP TABLE bench_stages AS
   SELECT pr."id" AS "reportId", pr."officeId", 'p' || j AS "practiceId", pr."period",
          (enum_range(NULL::"AdoptionStage"))[1 + CASE
            WHEN x <= 0 THEN 0 WHEN x < 0.5 THEN 1 WHEN x < 1 THEN 2 WHEN x < 1.4 THEN 3 ELSE 4 END] AS "stage"
   FROM "ProgressReport" pr
   JOIN "OfficeRollout" r ON r."officeId" = pr."officeId" AND r."leftAt" IS NULL
   CROSS JOIN generate_series(1, 12) AS j
   CROSS JOIN LATERAL (SELECT
     ((pr."period" - r."plannedStart") - 30 * ((j - 1) % 4))::float8 / (r."targetDate" - r."plannedStart")
       * (0.6 + (abs(hashtext('pace' || pr."officeId")) % 80) / 100.0) AS x) e
   WHERE pr."status" <> 'DRAFT'`,
  `INSERT INTO "ProgressReportStage" ("id", "reportId", "practiceId", "stage", "note")
   SELECT "reportId" || '-' || "practiceId", "reportId", "practiceId", "stage", '' FROM bench_stages`,
  `INSERT INTO "AdoptionStatus" ("id", "officeId", "practiceId", "period", "stage", "reportId")
   SELECT 's-' || "reportId" || '-' || "practiceId", "officeId", "practiceId", "period", "stage", "reportId" FROM bench_stages`,
  `INSERT INTO "KpiMeasurement" ("id", "officeId", "kpiId", "period", "value", "authorSubject", "authorName", "updatedAt")
   SELECT 'm-' || pr."id" || '-' || k, pr."officeId", 'k' || k, pr."period",
          round((20 + k * 5 + (abs(hashtext(pr."id" || k)) % 100) / 20.0)::numeric, 3), 'sub-leader', 'Leder', now()
   FROM "ProgressReport" pr CROSS JOIN generate_series(1, 4) AS k
   WHERE pr."status" <> 'DRAFT'`,
  // As autovacuum leaves the tables (statistics and visibility map): otherwise it runs during
  // the timing and the plans change under it.
  `VACUUM ANALYZE`,
];


/** Every field the /innforing page shows. */
const DASHBOARD = /* GraphQL */ `
  query($filter: AdoptionDashboardFilter) {
    adoptionDashboard(filter: $filter) {
      asOf from
      practices { id code name theme }
      summary {
        officeCount startedOfficeCount reportsSubmittedThisPeriod reportsAwaitingReview overdueReportCount
        adoptedShare behindPlanOfficeCount
      }
      matrix {
        office { id name code }
        wave { id name ordinal }
        cells { practiceId stage since expectedStage behindPlan }
      }
      timeline { period counts { stage count } }
      practiceTimeline { practice { id name } points { period adoptedShare averageStage } }
      waves {
        wave { id name ordinal isPilot plannedStart targetDate }
        officeCount plannedProgress actualProgress behindPlanOfficeCount
        series { period planned actual }
      }
      behindPlan {
        office { id name }
        wave { id name }
        practices { practice { id name } stage expectedStage targetDate }
        reason helpNeeded reportPeriod reportId
      }
      spread { practice { id name } counts { stage count } adoptedShare officeCount }
    }
  }
`;



async function main() {
  const started = performance.now();
  const { db, url } = await freshBenchDatabase();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const migrated = performance.now();
  for (const sql of DATA_SQL) await client.query(sql);
  const counts = (
    await client.query<{ reports: number; statuses: number; measurements: number; rollouts: number }>(
      `SELECT (SELECT count(*) FROM "ProgressReport")::int AS "reports", (SELECT count(*) FROM "AdoptionStatus")::int AS "statuses",
              (SELECT count(*) FROM "KpiMeasurement")::int AS "measurements", (SELECT count(*) FROM "OfficeRollout")::int AS "rollouts"`,
    )
  ).rows[0]!;
  await client.end();
  const seeded = performance.now();
  console.log(`Migrering: ${((migrated - started) / 1000).toFixed(1)} s, nasjonale data: ${((seeded - migrated) / 1000).toFixed(1)} s`);
  console.log(
    `  ${OFFICES} kontorer, 12 praksiser, 3 bølger, ${counts.rollouts} plasseringer i bølger, ${counts.reports} rapporter, ` +
      `${counts.statuses} AdoptionStatus-rader, ${counts.measurements} KPI-verdier`,
  );

  const graphql = await graphqlAs(db, "planner");
  const request = () => graphql(DASHBOARD, { filter: { asOf: AS_OF } });

  const machine = watchMachine();
  const whole = await timed(RUNS, request);
  const machineUse = machine.stop();
  const statements = await countStatements(request);
  const dashboard = whole.last.adoptionDashboard;
  const cells = dashboard.matrix.reduce((sum: number, row: Json) => sum + row.cells.length, 0);
  console.log("");
  console.log(
    `Dashbordet per ${AS_OF}: ${dashboard.matrix.length} kontorer × ${dashboard.practices.length} praksiser (${cells} celler), ` +
      `${dashboard.timeline.length} måneder, ${dashboard.behindPlan.length} kontorer etter plan, ` +
      `andel tatt i bruk ${(dashboard.summary.adoptedShare * 100).toFixed(1)} %, ${dashboard.summary.overdueReportCount} forsinkede rapporter`,
  );
  console.log(
    `  Bølger: ${dashboard.waves
      .map((w: Json) => `${w.wave.name} ${w.officeCount} kontorer, plan ${(w.plannedProgress * 100).toFixed(0)} %, faktisk ${(w.actualProgress * 100).toFixed(0)} %`)
      .join("; ")}`,
  );

  // Each query on its own (the GraphQL request runs them side by side; the parts share them).
  const scope: DashboardScope = { waveId: null, asOf: parseDate(AS_OF)!, from: parseDate("2024-12-01")! };
  const parts: [string, () => Promise<unknown>][] = [
    ["praksiser", () => loadPracticeIds(db)],
    ["rapporttall (summary)", () => loadReportCounts(db, scope)],
    ["per dato (matrix, behindPlan, spread, summary, waves)", () => loadCurrentAdoption(db, scope)],
    ["per måned (timeline, practiceTimeline, waves.series)", () => loadMonthlyAdoption(db, scope)],
  ];
  console.log("");
  console.log(`SQL per spørring, ${RUNS} kjøringer hver (median / p95):`);
  for (const [name, work] of parts) {
    const part = await timed(RUNS, work);
    console.log(`  ${name.padEnd(56)} ${part.median.toFixed(1).padStart(6)} ms  ${part.p95.toFixed(1).padStart(6)} ms`);
  }

  console.log("");
  console.log(`adoptionDashboard (alle felt) over GraphQL/HTTP på PostgreSQL, ${RUNS} kjøringer (etter oppvarming):`);
  console.log(`  median ${whole.median.toFixed(1)} ms   p95 ${whole.p95.toFixed(1)} ms   maks ${whole.max.toFixed(1)} ms`);
  console.log(`  ${statements} SQL-setninger per forespørsel; CPU i Node ${whole.cpu.toFixed(1)} ms per forespørsel (server og klient)`);
  console.log(`  Maskinen under målingen: ${machineUse}`);
  console.log("");
  checkTarget("bench:adoption adoptionDashboard p95", whole.p95, GOAL_MS);
  await db.$disconnect();
}

await main();
