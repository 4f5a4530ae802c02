import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { date, gid } from "../../test/fixtures";
import { createTestApi, dataOf, errorCode, type Json, type TestApi } from "../../test/harness";
import {
  createComparisonData,
  expectedCell,
  expectedCultureCell,
  expectedFlow,
  expectedInsightCell,
  expectedKpi,
  expectedLeader,
  expectedPractices,
  iso,
  type ComparisonData,
  type Period,
} from "./comparison-test-data";

let api: TestApi;
let data: ComparisonData;

beforeAll(async () => {
  api = await createTestApi();
  data = await createComparisonData(api.db);
});
afterAll(() => api?.close());

const EXPORT = /* GraphQL */ `
  query($officeIds: [ID!], $from: Date, $to: Date, $serviceId: ID, $format: ExportFormat) {
    methodComparisonExport(officeIds: $officeIds, from: $from, to: $to, serviceId: $serviceId, format: $format) {
      __typename
      ... on ExportFile { fileName contentType contentBase64 }
      ... on Error { message code }
      ... on ValidationError { fieldErrors { path message } }
      ... on NotFoundError { entityType entityId }
    }
  }
`;

const PERIOD: Period = { from: date("2025-03-15"), to: date("2025-12-20") };
const officeIds = () => [data.offices.drammen.id, data.offices.lillestrom.id, data.offices.asker.id];
const officeName = (id: string) => Object.values(data.offices).find((o) => o.id === id)!.name;
const THEMES: Record<string, string> = { USER_INSIGHT: "Brukerinnsikt", CASE_FLOW: "Saksflyt", LEADERSHIP: "Ledelse", DIGITAL_TOOLS: "Digitale verktøy" };

type Cell = string | number | null;

async function exportWorkbook(variables: Record<string, unknown>) {
  return dataOf(await api.graphql<Json>(EXPORT, variables, { as: "viewer" })).methodComparisonExport;
}

/** Every sheet as rows of plain values (empty cells as null), header first. */
async function readWorkbook(base64: string): Promise<Map<string, Cell[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(base64, "base64") as unknown as ExcelJS.Buffer);
  const sheets = new Map<string, Cell[][]>();
  for (const sheet of workbook.worksheets) {
    const rows: Cell[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => {
      const values = (row.values as ExcelJS.CellValue[]).slice(1);
      const width = sheet.getRow(1).cellCount;
      rows.push(Array.from({ length: width }, (_, i) => (values[i] ?? null) as Cell));
    });
    sheets.set(sheet.name, rows);
  }
  return sheets;
}

describe("methodComparisonExport", () => {
  it("writes the six sheets with the comparison's rows", async () => {
    const file = await exportWorkbook({
      officeIds: officeIds().map((id) => gid("Office", id)),
      from: iso(PERIOD.from),
      to: iso(PERIOD.to),
      serviceId: gid("Service", data.f.services.sosialhjelp.id),
    });
    expect(file).toMatchObject({
      __typename: "ExportFile",
      fileName: "metodesammenligning-2025-03-15-2025-12-20.xlsx",
      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    });
    const sheets = await readWorkbook(file.contentBase64);
    expect([...sheets.keys()]).toEqual(["Modenhet", "KPI", "Saksflyt", "Innsikt", "Kultur", "Oppsummering"]);

    const practices = expectedPractices(data, PERIOD);
    expect(sheets.get("Modenhet")).toEqual([
      ["Kontor", "Kontornummer", "Tema", "Praksiskode", "Praksis", "Nivå", "Vurdert", "Nivå ved periodestart", "Antall vurderinger"],
      ...officeIds().flatMap((officeId) =>
        practices.map((practice) => {
          const cell = expectedCell(data, officeId, practice.id, PERIOD);
          const office = Object.values(data.offices).find((o) => o.id === officeId)!;
          return [office.name, office.code, THEMES[practice.theme]!, practice.code, practice.name, cell.level, cell.assessedOn, cell.previousLevel, cell.assessmentCount];
        }),
      ),
    ]);

    const months = ["03", "04", "05", "06", "07", "08", "09", "10", "11", "12"].map((m) => `2025-${m}`);
    const kpis = Object.values(data.kpis).sort((a, b) => a.sortOrder - b.sortOrder);
    const kpiSheet = sheets.get("KPI")!;
    expect(kpiSheet[0]).toEqual(["KPI", "Enhet", "Mål", "Kontor", "Siste verdi", "Siste måned", "Snitt i perioden", ...months]);
    const kpiRows = kpis.flatMap((kpi) =>
      officeIds().map((officeId) => {
        const expected = expectedKpi(data, kpi.id, officeId, PERIOD);
        const byMonth = new Map(expected.points.map((p) => [p.period.slice(0, 7), p.value]));
        return {
          fixed: [kpi.name, kpi.unit, kpi.target, officeName(officeId), expected.latest?.value ?? null, expected.latest?.period.slice(0, 7) ?? null],
          average: expected.average,
          months: months.map((month) => byMonth.get(month) ?? null),
        };
      }),
    );
    expect(kpiSheet).toHaveLength(kpiRows.length + 1);
    kpiRows.forEach((want, index) => {
      const row = kpiSheet[index + 1]!;
      expect(row.slice(0, 6)).toEqual(want.fixed);
      if (want.average === null) expect(row[6]).toBeNull();
      else expect(row[6]).toBeCloseTo(want.average, 9);
      expect(row.slice(7)).toEqual(want.months);
    });

    const flowSheet = sheets.get("Saksflyt")!;
    expect(flowSheet[0]).toEqual([
      "Tjeneste", "Kontor", "Registrert", "Steg", "Fase", "Navn", "Ansvarlig rolle",
      "Arbeidstid (dager)", "Ventetid (dager)", "Ledetid (dager)", "Overleveringer", "Venteandel",
    ]);
    const flowRows = officeIds().flatMap((officeId) => {
      const flow = expectedFlow(data, officeId, data.f.services.sosialhjelp.id, PERIOD.to)!;
      const base = ["Økonomisk sosialhjelp", officeName(officeId), flow.recordedOn];
      return [
        ...flow.steps.map((s) => [...base, s.order, s.stageKey, s.name, s.roleName, s.durationDays, s.waitingDays, s.durationDays + s.waitingDays, s.handOffs, null]),
        [...base, null, null, "Sum", null, flow.workingDays, flow.waitingDays, flow.totalLeadTimeDays, flow.handOffs, flow.waitingShare],
      ];
    });
    expect(flowSheet).toHaveLength(flowRows.length + 1);
    flowRows.forEach((want, index) => {
      const row = flowSheet[index + 1]!;
      want.forEach((value, column) => {
        if (typeof value === "number") expect(row[column]).toBeCloseTo(value, 9);
        else expect(row[column]).toBe(value);
      });
    });

    const themes = ["Informasjon", "Ventetid", "Respekt"];
    expect(sheets.get("Innsikt")).toEqual([
      ["Kontor", "Tema", "Antall", "Andel av kontorets innsikt", "Eksempel"],
      ...themes.flatMap((theme) =>
        officeIds().flatMap((officeId) => {
          const cell = expectedInsightCell(data, officeId, theme, PERIOD);
          return cell.count > 0 ? [[officeName(officeId), theme, cell.count, cell.share, cell.example]] : [];
        }),
      ),
    ]);

    const dimensions = ["Brukerorientering", "Psykologisk trygghet", "Samarbeid på tvers"];
    const culture = sheets.get("Kultur")!;
    expect(culture[0]).toEqual(["Kontor", "Dimensjon", "Nå", "Mål", "Gap (mål − nå)", "Vurdert"]);
    expect(culture.slice(1).map((row) => row.slice(0, 5))).toEqual(
      dimensions.flatMap((dimension) =>
        officeIds().flatMap((officeId) => {
          const cell = expectedCultureCell(data, officeId, dimension, PERIOD.to);
          return cell.current === null ? [] : [[officeName(officeId), dimension, cell.current, cell.target, cell.gap]];
        }),
      ),
    );

    const summary = sheets.get("Oppsummering")!;
    expect(summary[0]).toEqual(["Tema", "Praksis", "Lær av", "Nivå", "Nådd", ...kpis.map((k) => `${k.name} (${k.unit})`)]);
    expect(summary.slice(1)).toEqual(
      practices.map((practice) => {
        const leader = expectedLeader(data, practice.id, officeIds(), PERIOD);
        return [
          THEMES[practice.theme]!,
          practice.name,
          leader ? officeName(leader.officeId) : null,
          leader?.level ?? null,
          leader?.reachedOn ?? null,
          ...kpis.map((kpi) => (leader ? (expectedKpi(data, kpi.id, leader.officeId, PERIOD).latest?.value ?? null) : null)),
        ];
      }),
    );
  });

  it("defaults like the comparison: the pilots, the last 12 months, the most recorded service", async () => {
    const file = await exportWorkbook({});
    expect(file.__typename).toBe("ExportFile");
    const sheets = await readWorkbook(file.contentBase64);
    expect(sheets.get("KPI")![0]).toHaveLength(7 + 12);
    const flowOffices = new Set(sheets.get("Saksflyt")!.slice(1).map((row) => row[1]));
    expect([...flowOffices]).toEqual(["Nav Lillestrøm", "Nav Asker", "Nav Drammen"]);
    expect(sheets.get("Saksflyt")![1]![0]).toBe("Økonomisk sosialhjelp");
  });

  it("refuses what the comparison refuses, an unknown service and CSV, with typed errors", async () => {
    const two = [gid("Office", data.offices.drammen.id), gid("Office", data.offices.lillestrom.id)];
    expect(await exportWorkbook({ officeIds: two.slice(0, 1) })).toMatchObject({ __typename: "ValidationError", fieldErrors: [{ path: "officeIds" }] });
    expect(await exportWorkbook({ officeIds: two, from: "2025-02-01", to: "2025-01-01" })).toMatchObject({
      __typename: "ValidationError",
      fieldErrors: [{ path: "from" }],
    });
    expect(await exportWorkbook({ officeIds: two, serviceId: gid("Service", "nope") })).toMatchObject({
      __typename: "NotFoundError",
      entityType: "Service",
    });
    expect(await exportWorkbook({ officeIds: two, serviceId: gid("Office", data.offices.drammen.id) })).toMatchObject({
      __typename: "ValidationError",
      fieldErrors: [{ path: "serviceId" }],
    });
    expect(await exportWorkbook({ officeIds: two, format: "CSV" })).toMatchObject({ __typename: "ValidationError", fieldErrors: [{ path: "format" }] });
    expect(errorCode(await api.graphql<Json>(EXPORT, {}, { as: "noRole" }))).toBe("FORBIDDEN");
  });

  it("says so in Saksflyt for an office without a flow on `to`", async () => {
    const file = await exportWorkbook({
      officeIds: officeIds().map((id) => gid("Office", id)),
      from: "2024-03-01",
      to: "2025-02-15",
    });
    const rows = (await readWorkbook(file.contentBase64)).get("Saksflyt")!;
    expect(rows.filter((row) => row[1] === "Nav Asker")).toEqual([
      ["Økonomisk sosialhjelp", "Nav Asker", null, null, null, "Ingen registrert saksflyt", null, null, null, null, null, null],
    ]);
    // Lillestrøm's flow then was the 2024 one: two steps and the sum.
    expect(rows.filter((row) => row[1] === "Nav Lillestrøm").map((row) => [row[2], row[5], row[9]])).toEqual([
      ["2024-05-01", "Mottak", 18],
      ["2024-05-01", "Vedtak", 18],
      ["2024-05-01", "Sum", 36],
    ]);
  });

  it("has an empty Saksflyt sheet when no compared office has a flow", async () => {
    const file = await exportWorkbook({ officeIds: [gid("Office", data.f.offices.baerum.id), gid("Office", data.f.offices.skedsmo.id)] });
    const sheets = await readWorkbook(file.contentBase64);
    expect(sheets.get("Saksflyt")).toHaveLength(1);
    expect(sheets.get("Modenhet")!.slice(1).every((row) => row[5] === null)).toBe(true);
  });
});
