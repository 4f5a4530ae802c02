// Exports for the directorate: the adoption dashboard (from the same queries the screen
// uses, so the file and the screen agree) and the progress reports, as XLSX workbooks.
import type { Db } from "@samla/schema";
import { officesWhere, scopes } from "../auth/policy";
import { builder } from "../builder";
import { ExportFileRef } from "../audit/audit-events";
import { formatDate } from "../lib/dates";
import { NotFoundError, ValidationError } from "../lib/errors";
import { writeXlsxSheets, type SheetData } from "../lib/spreadsheets";
import { ADOPTION_READERS, PRACTICE_ORDER, ProgressReportFilter, REPORT_STATUS_NAMES, STAGE_NAMES, progressReportWhere } from "./adoption-types";
import { AdoptionDashboardFilter, resolveDashboardScope } from "./dashboard";
import { AdoptionDashboardData, loadPracticeIds, STAGE_ORDER, type DashboardScope } from "./dashboard-queries";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** The most reports one file holds (three years of monthly reports from 250 offices is 9,000). */
const MAX_EXPORTED_REPORTS = 20_000;

/** yyyy-mm: how a month is headed in the sheets. */
const monthText = (date: Date) => formatDate(date).slice(0, 7);

async function practiceNames(db: Db): Promise<Map<string, { code: string; name: string }>> {
  const practices = await db.practice.findMany({
    select: { id: true, code: true, versions: { orderBy: { number: "desc" }, take: 1, select: { name: true } } },
  });
  return new Map(practices.map((p) => [p.id, { code: p.code, name: p.versions[0]?.name ?? p.code }]));
}

/**
 * The dashboard as sheets. `readsReportsOf` says whose report texts (obstacles, help needed)
 * the caller may see: the same rule as the screen's behind-plan list (docs/decisions/007).
 */
export async function dashboardWorkbook(
  db: Db,
  scope: DashboardScope,
  readsReportsOf: (officeId: string) => boolean,
): Promise<SheetData[]> {
  const data = new AdoptionDashboardData(db, scope);
  const [practiceIds, practices, current, monthly, waves] = await Promise.all([
    loadPracticeIds(db),
    practiceNames(db),
    data.currentAdoption(),
    data.monthlyAdoption(),
    data.waves(),
  ]);
  const { matrix, behindPlan: behind, spread } = current;
  const { timeline } = monthly;
  const officeIds = [...new Set([...matrix.map((row) => row.officeId), ...behind.map((row) => row.officeId)])];
  const [offices, waveRows] = await Promise.all([
    db.office.findMany({ where: { id: { in: officeIds } }, select: { id: true, code: true, name: true } }),
    db.rolloutWave.findMany({ select: { id: true, name: true } }),
  ]);
  const office = new Map(offices.map((o) => [o.id, o]));
  const waveName = new Map(waveRows.map((w) => [w.id, w.name]));
  const practiceName = (id: string) => practices.get(id)!.name;

  const status: SheetData = {
    name: "Status",
    header: ["Kontor", "Kontornummer", "Bølge", "Praksiskode", "Praksis", "Status", "Siden", "Forventet status", "Etter plan"],
    rows: matrix.flatMap((row) =>
      row.cells.map((cell) => [
        office.get(row.officeId)!.name,
        office.get(row.officeId)!.code,
        waveName.get(row.waveId)!,
        practices.get(cell.practiceId)!.code,
        practiceName(cell.practiceId),
        STAGE_NAMES[cell.stage],
        cell.since ? monthText(cell.since) : null,
        STAGE_NAMES[cell.expectedStage],
        cell.behindPlan ? "Ja" : "Nei",
      ]),
    ),
  };

  const overTime: SheetData = {
    name: "Over tid",
    header: ["Måned", ...STAGE_ORDER.map((stage) => STAGE_NAMES[stage])],
    rows: timeline.map((point) => [monthText(point.period), ...point.counts.map((count) => count.count)]),
  };

  const waveSheet: SheetData = {
    name: "Bølger",
    header: ["Bølge", "Måned", "Kontorer", "Planlagt fremdrift", "Faktisk fremdrift", "Kontorer etter plan"],
    rows: waves.flatMap((wave) => [
      [waveName.get(wave.waveId)!, `Per ${formatDate(scope.asOf)}`, wave.officeCount, wave.plannedProgress, wave.actualProgress, wave.behindPlanOfficeCount],
      ...wave.series.map((point) => [waveName.get(wave.waveId)!, monthText(point.period), null, point.planned, point.actual, null]),
    ]),
  };

  const behindSheet: SheetData = {
    name: "Etter plan",
    header: ["Kontor", "Bølge", "Praksis", "Status", "Forventet status", "Måldato", "Hindringer", "Trenger hjelp til", "Rapport for"],
    rows: behind.flatMap((row) =>
      row.practices.map((practice) => [
        office.get(row.officeId)!.name,
        waveName.get(row.waveId)!,
        practiceName(practice.practiceId),
        STAGE_NAMES[practice.stage],
        STAGE_NAMES[practice.expectedStage],
        formatDate(practice.targetDate),
        readsReportsOf(row.officeId) ? row.reason : null,
        readsReportsOf(row.officeId) ? row.helpNeeded : null,
        readsReportsOf(row.officeId) && row.reportPeriod ? monthText(row.reportPeriod) : null,
      ]),
    ),
  };

  const spreadSheet: SheetData = {
    name: "Spredning",
    header: ["Praksis", "Kontorer", ...STAGE_ORDER.map((stage) => STAGE_NAMES[stage]), "Andel tatt i bruk"],
    rows: practiceIds.flatMap((id) => {
      const row = spread.find((s) => s.practiceId === id);
      return row ? [[practiceName(id), row.officeCount, ...row.counts.map((count) => count.count), row.adoptedShare]] : [];
    }),
  };

  return [status, overTime, waveSheet, behindSheet, spreadSheet];
}

builder.queryField("adoptionDashboardExport", (t) =>
  t.field({
    type: ExportFileRef,
    description:
      "Planner, admin, viewer, office leader. The adoption dashboard as an XLSX workbook with the sheets Status, " +
      "Over tid, Bølger, Etter plan and Spredning (same filter and defaults as adoptionDashboard).",
    authScopes: ADOPTION_READERS,
    errors: { types: [ValidationError, NotFoundError], directResult: true, union: { name: "AdoptionDashboardExportResult" } },
    args: { filter: t.arg({ type: AdoptionDashboardFilter, required: false }) },
    resolve: async (_parent, args, context) => {
      const scope = await resolveDashboardScope(context.db, args.filter);
      const readable = await officesWhere(context, "report.read");
      const readsReportsOf = (officeId: string) => readable === "all" || readable.has(officeId);
      return {
        fileName: `innforing-${formatDate(scope.asOf)}.xlsx`,
        contentType: XLSX,
        content: await writeXlsxSheets(await dashboardWorkbook(context.db, scope, readsReportsOf)),
      };
    },
  }),
);

// ---- Progress reports ------------------------------------------------------------------

builder.queryField("progressReportsExport", (t) =>
  t.field({
    type: ExportFileRef,
    description:
      "Planner, admin, viewer. The filtered progress reports as an XLSX workbook: Rapporter (one row per report), " +
      `Praksiser (the stages), KPI and Kommentarer; newest period first, at most ${MAX_EXPORTED_REPORTS} reports.`,
    authScopes: scopes("report.readAll"),
    errors: { types: [ValidationError, NotFoundError], directResult: true, union: { name: "ProgressReportsExportResult" } },
    args: { filter: t.arg({ type: ProgressReportFilter, required: false }) },
    resolve: async (_parent, args, context) => {
      const where = await progressReportWhere(context, args.filter);
      const reports = await context.db.progressReport.findMany({
        where,
        orderBy: [{ period: "desc" }, { office: { name: "asc" } }, { id: "asc" }],
        take: MAX_EXPORTED_REPORTS,
        include: {
          office: { select: { name: true, code: true } },
          stages: {
            include: { practice: { select: { code: true, versions: { orderBy: { number: "desc" }, take: 1, select: { name: true } } } } },
            orderBy: PRACTICE_ORDER.map((order) => ({ practice: order })),
          },
          kpiValues: { include: { kpi: { select: { code: true, name: true, unit: true, sortOrder: true } } } },
          comments: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
        },
      });
      const head = (report: (typeof reports)[number]) => [report.office.name, report.office.code, monthText(report.period)];

      const sheets: SheetData[] = [
        {
          name: "Rapporter",
          header: [
            "Kontor",
            "Kontornummer",
            "Måned",
            "Status",
            "Hva vi har lært",
            "Hindringer",
            "Trenger hjelp til",
            "Opprettet av",
            "Sendt inn",
            "Sendt inn av",
            "Kvittert",
            "Kvittert av",
          ],
          rows: reports.map((report) => [
            ...head(report),
            REPORT_STATUS_NAMES[report.status],
            report.learning,
            report.obstacles,
            report.helpNeeded,
            report.createdByName,
            report.submittedAt?.toISOString() ?? null,
            report.submittedByName,
            report.acknowledgedAt?.toISOString() ?? null,
            report.acknowledgedByName,
          ]),
        },
        {
          name: "Praksiser",
          header: ["Kontor", "Kontornummer", "Måned", "Praksiskode", "Praksis", "Status", "Merknad"],
          rows: reports.flatMap((report) =>
            report.stages.map((stage) => [
              ...head(report),
              stage.practice.code,
              stage.practice.versions[0]?.name ?? stage.practice.code,
              STAGE_NAMES[stage.stage],
              stage.note,
            ]),
          ),
        },
        {
          name: "KPI",
          header: ["Kontor", "Kontornummer", "Måned", "KPI-kode", "KPI", "Enhet", "Verdi"],
          rows: reports.flatMap((report) =>
            [...report.kpiValues]
              .sort((a, b) => a.kpi.sortOrder - b.kpi.sortOrder || a.kpi.code.localeCompare(b.kpi.code))
              .map((value) => [...head(report), value.kpi.code, value.kpi.name, value.kpi.unit, value.value.toNumber()]),
          ),
        },
        {
          name: "Kommentarer",
          header: ["Kontor", "Kontornummer", "Måned", "Type", "Kommentar", "Skrevet av", "Tidspunkt"],
          rows: reports.flatMap((report) =>
            report.comments.map((comment) => [
              ...head(report),
              comment.kind === "ACKNOWLEDGED" ? "Kvittert" : "Bedt om endringer",
              comment.body,
              comment.authorName,
              comment.createdAt.toISOString(),
            ]),
          ),
        },
      ];
      return { fileName: `statusrapporter-${formatDate(new Date())}.xlsx`, contentType: XLSX, content: await writeXlsxSheets(sheets) };
    },
  }),
);
