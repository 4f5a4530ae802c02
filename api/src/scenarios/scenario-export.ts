// scenarioExport: a scenario's design, change log, impact and health checks as a file for
// people who review or archive it outside Samla. Any Samla role may read it, as the scenario.
import { builder } from "../builder";
import { writeCsv, writeXlsxSheets } from "../lib/spreadsheets";
import { ExportFileRef, ExportFormatEnum } from "../audit/audit-events";
import { scenarioAnalysis } from "./analysis-context";
import { scenarioSheets } from "./export-sheets";
import { ScenarioRef } from "./scenarios";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A file name from the scenario's name: lower case, ASCII, words joined by dashes. */
export function exportFileName(name: string, extension: string): string {
  const slug = name
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/ø/g, "o")
    .replace(/å/g, "a")
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
  return `scenario-${slug || "uten-navn"}.${extension}`;
}

builder.queryField("scenarioExport", (t) =>
  t.field({
    type: ExportFileRef,
    nullable: true,
    description:
      "The scenario as a file; null when there is no such scenario. XLSX has the sheets Design (teams and " +
      "positions with their actions), Endringer (the change log), Effekt (impact) and Helsesjekk (health " +
      "checks); CSV holds the Design sheet only.",
    args: {
      id: t.arg.globalID({ required: true, for: ScenarioRef }),
      format: t.arg({ type: ExportFormatEnum, required: false, defaultValue: "XLSX" }),
    },
    resolve: async (_parent, args, context) => {
      const scenarioId = args.id.id;
      const [scenario, analysis] = await Promise.all([
        context.db.scenario.findUnique({ where: { id: scenarioId }, select: { name: true } }),
        scenarioAnalysis(context, scenarioId),
      ]);
      if (!scenario || !analysis) return null;
      const changes = await context.db.scenarioChange.findMany({
        where: { scenarioId },
        orderBy: { version: "asc" },
        select: { version: true, createdAt: true, actorName: true, summary: true, kind: true, undoneAt: true },
      });
      const sheets = scenarioSheets(analysis, changes);
      if (args.format === "CSV") {
        const rows = sheets.design.rows.map((row) => row.map((cell) => (cell instanceof Date ? cell.toISOString() : cell)));
        return {
          fileName: exportFileName(scenario.name, "csv"),
          contentType: "text/csv; charset=utf-8",
          content: writeCsv(sheets.design.header, rows),
        };
      }
      return {
        fileName: exportFileName(scenario.name, "xlsx"),
        contentType: XLSX_TYPE,
        content: await writeXlsxSheets([sheets.design, sheets.changes, sheets.impact, sheets.health]),
      };
    },
  }),
);
