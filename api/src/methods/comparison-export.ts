// methodComparisonExport: the comparison as an XLSX workbook, one sheet per part of the
// screen, from the same statement the screen uses (so the file and the screen agree).
import type { Kpi, Office, Practice, PracticeTheme, Service } from "@samla/schema";
import { z } from "zod";
import { builder } from "../builder";
import { ExportFileRef, ExportFormatEnum } from "../audit/audit-events";
import { formatDate } from "../lib/dates";
import { NotFoundError, ValidationError } from "../lib/errors";
import { parseInput, zGlobalId } from "../lib/validation";
import { writeXlsxSheets, type SheetCell, type SheetData } from "../lib/spreadsheets";
import { COMPARISON_PARTS, loadComparison, type ComparisonData } from "./comparison-queries";
import type { RowModel } from "./comparison-rows";
import { COMPARISON_ARG_DESCRIPTIONS, comparedScope, monthsOf, parseComparisonArgs, type ComparisonScope } from "./comparison-scope";

const THEME_NAMES: Record<PracticeTheme, string> = {
  USER_INSIGHT: "Brukerinnsikt",
  CASE_FLOW: "Saksflyt",
  CULTURE: "Kultur",
  LEADERSHIP: "Ledelse",
  EMPLOYEE_EMPOWERMENT: "Medarbeiderskap",
  DIGITAL_TOOLS: "Digitale verktøy",
};

/** yyyy-mm: how a KPI month is headed in the sheet. */
const monthText = (date: Date) => formatDate(date).slice(0, 7);

/** Names for the ids the parts hold, from the rows the statement read along. */
function labelsOf(data: ComparisonData) {
  const rows = <T>(model: RowModel) => (data.rows?.get(model) ?? []) as unknown as (T & { id: string })[];
  const byId = <T extends { id: string }>(list: T[]) => new Map(list.map((row) => [row.id, row]));
  return {
    office: byId(rows<Office>("Office")),
    practice: byId(
      rows<Practice & { versions: { name: string }[] }>("Practice").map((p) => ({ ...p, name: p.versions[0]?.name ?? p.code })),
    ),
    kpi: byId(rows<Kpi>("Kpi")),
    service: byId(rows<Service>("Service")),
  };
}

/** The rows the sheets name: offices, practices, KPIs and the case flows' service. */
const WORKBOOK_ROWS: ReadonlySet<RowModel> = new Set(["Office", "Practice", "Kpi", "Service"]);

/** The sheets from a comparison read with every part, the case flows and WORKBOOK_ROWS. */
function comparisonWorkbook(scope: ComparisonScope, data: ComparisonData): SheetData[] {
  const labels = labelsOf(data);
  const { maturity, kpis, insightThemes: insights, cultureGaps: culture, summary } = data as Required<ComparisonData>;
  const flows = data.caseFlows ?? null;
  const officeName = (id: string) => labels.office.get(id)!.name;
  const service = flows ? labels.service.get(flows.serviceId)! : null;
  const months = monthsOf(scope);

  const maturitySheet: SheetData = {
    name: "Modenhet",
    header: ["Kontor", "Kontornummer", "Tema", "Praksiskode", "Praksis", "Nivå", "Vurdert", "Nivå ved periodestart", "Antall vurderinger"],
    rows: maturity.cells.map((cell) => {
      const office = labels.office.get(cell.officeId)!;
      const practice = labels.practice.get(cell.practiceId)!;
      return [
        office.name,
        office.code,
        THEME_NAMES[practice.theme],
        practice.code,
        practice.name,
        cell.level,
        cell.assessedOn ? formatDate(cell.assessedOn) : null,
        cell.previousLevel,
        cell.assessmentCount,
      ];
    }),
  };

  const kpiSheet: SheetData = {
    name: "KPI",
    header: ["KPI", "Enhet", "Mål", "Kontor", "Siste verdi", "Siste måned", "Snitt i perioden", ...months.map(monthText)],
    rows: kpis.flatMap((kpi) => {
      const label = labels.kpi.get(kpi.kpiId)!;
      return kpi.series.map((series) => {
        const byMonth = new Map(series.points.map((point) => [monthText(point.period), point.value]));
        return [
          label.name,
          label.unit,
          kpi.target,
          officeName(series.officeId),
          series.latest?.value ?? null,
          series.latest ? monthText(series.latest.period) : null,
          series.average,
          ...months.map((month) => byMonth.get(monthText(month)) ?? null),
        ];
      });
    }),
  };

  const flowRows: SheetCell[][] = [];
  for (const office of flows?.offices ?? []) {
    const name = officeName(office.officeId);
    const recordedOn = office.recordedOn ? formatDate(office.recordedOn) : null;
    if (!office.flowId) {
      flowRows.push([service!.name, name, null, null, null, "Ingen registrert saksflyt", null, null, null, null, null, null]);
      continue;
    }
    for (const step of office.steps) {
      flowRows.push([
        service!.name,
        name,
        recordedOn,
        step.order,
        step.stageKey,
        step.name,
        step.responsibleRoleName,
        step.durationDays,
        step.waitingDays,
        step.leadTimeDays,
        step.handOffs,
        null,
      ]);
    }
    flowRows.push([
      service!.name,
      name,
      recordedOn,
      null,
      null,
      "Sum",
      null,
      office.workingDays,
      office.waitingDays,
      office.totalLeadTimeDays,
      office.handOffs,
      office.waitingShare,
    ]);
  }
  const flowSheet: SheetData = {
    name: "Saksflyt",
    header: [
      "Tjeneste",
      "Kontor",
      "Registrert",
      "Steg",
      "Fase",
      "Navn",
      "Ansvarlig rolle",
      "Arbeidstid (dager)",
      "Ventetid (dager)",
      "Ledetid (dager)",
      "Overleveringer",
      "Venteandel",
    ],
    rows: flowRows,
  };

  const insightSheet: SheetData = {
    name: "Innsikt",
    header: ["Kontor", "Tema", "Antall", "Andel av kontorets innsikt", "Eksempel"],
    rows: insights.cells
      .filter((cell) => cell.count > 0)
      .map((cell) => [officeName(cell.officeId), cell.theme, cell.count, cell.share, cell.example]),
  };

  const cultureSheet: SheetData = {
    name: "Kultur",
    header: ["Kontor", "Dimensjon", "Nå", "Mål", "Gap (mål − nå)", "Vurdert"],
    rows: culture.cells
      .filter((cell) => cell.assessedOn !== null)
      .map((cell) => [officeName(cell.officeId), cell.dimension, cell.current, cell.target, cell.gap, formatDate(cell.assessedOn!)]),
  };

  const kpiIds = kpis.map((kpi) => kpi.kpiId);
  const summarySheet: SheetData = {
    name: "Oppsummering",
    header: [
      "Tema",
      "Praksis",
      "Lær av",
      "Nivå",
      "Nådd",
      ...kpiIds.map((id) => `${labels.kpi.get(id)!.name} (${labels.kpi.get(id)!.unit})`),
    ],
    rows: summary.map((leader) => {
      const practice = labels.practice.get(leader.practiceId)!;
      const values = new Map(leader.kpis.map((kpi) => [kpi.kpiId, kpi.value]));
      return [
        THEME_NAMES[practice.theme],
        practice.name,
        leader.leadingOfficeId ? officeName(leader.leadingOfficeId) : null,
        leader.level,
        leader.reachedOn ? formatDate(leader.reachedOn) : null,
        ...kpiIds.map((id) => values.get(id) ?? null),
      ];
    }),
  };

  return [maturitySheet, kpiSheet, flowSheet, insightSheet, cultureSheet, summarySheet];
}

/** The database id of the Saksflyt sheet's service; ValidationError for a malformed id. */
function serviceDatabaseId(globalId: string): string {
  return parseInput(z.object({ serviceId: zGlobalId("Service") }), { serviceId: globalId }).serviceId;
}

builder.queryField("methodComparisonExport", (t) =>
  t.field({
    type: ExportFileRef,
    description:
      "Any Samla role. The comparison as an XLSX workbook with the sheets Modenhet, KPI, Saksflyt, Innsikt, " +
      "Kultur and Oppsummering (same arguments and defaults as methodComparison).",
    errors: { types: [ValidationError, NotFoundError], directResult: true, union: { name: "MethodComparisonExportResult" } },
    args: {
      officeIds: t.arg.idList({ required: false, description: COMPARISON_ARG_DESCRIPTIONS.officeIds }),
      from: t.arg({ type: "Date", required: false, description: COMPARISON_ARG_DESCRIPTIONS.from }),
      to: t.arg({ type: "Date", required: false, description: COMPARISON_ARG_DESCRIPTIONS.to }),
      serviceId: t.arg.id({
        required: false,
        description: "The service whose case flows the Saksflyt sheet holds; default as methodComparison.caseFlows.",
      }),
      format: t.arg({ type: ExportFormatEnum, required: false, defaultValue: "XLSX", description: "XLSX only: the workbook has several sheets." }),
    },
    resolve: async (_parent, args, context) => {
      if (args.format === "CSV") {
        throw ValidationError.field("format", "Sammenligningen har flere ark og kan bare eksporteres som XLSX.");
      }
      const request = parseComparisonArgs(args);
      // The offices are checked before the service, as the screen does; a malformed service
      // id is reported after them.
      let serviceId: string | null = null;
      let malformedService: unknown = null;
      try {
        serviceId = args.serviceId ? serviceDatabaseId(args.serviceId) : null;
      } catch (error) {
        malformedService = error;
      }
      const data = await loadComparison(context.db, request, {
        parts: new Set(COMPARISON_PARTS),
        caseFlows: malformedService ? undefined : { serviceId },
        rows: WORKBOOK_ROWS,
      });
      const scope = comparedScope(request, data.officeIds);
      if (malformedService) throw malformedService;
      // The service was given and does not exist (by default, no flow is simply an empty sheet).
      if (args.serviceId && !data.caseFlows) throw new NotFoundError("Service", args.serviceId);
      return {
        fileName: `metodesammenligning-${formatDate(scope.from)}-${formatDate(scope.to)}.xlsx`,
        contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        content: await writeXlsxSheets(comparisonWorkbook(scope, data)),
      };
    },
  }),
);
