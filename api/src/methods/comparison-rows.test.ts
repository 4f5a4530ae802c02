// The rows the comparison's statement reads along (comparison-rows.ts) must be exactly what
// Prisma returns, or a field on Office, Practice, Kpi, Service or ProcessFlow would answer
// differently depending on the path its row took.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { date, gid } from "../../test/fixtures";
import { createTestApi, dataOf, type Json, type TestApi } from "../../test/harness";
import { COMPARISON_PARTS, loadComparison } from "./comparison-queries";
import { ROW_MODELS, rowsServe, type RowModel } from "./comparison-rows";
import { createComparisonData, iso, type ComparisonData } from "./comparison-test-data";
import { currentVersionSelect } from "./method-types";

let api: TestApi;
let data: ComparisonData;

beforeAll(async () => {
  api = await createTestApi();
  data = await createComparisonData(api.db);
});
afterAll(() => api?.close());

const PERIOD = { from: date("2024-03-01"), to: date("2025-12-20") };
const officeIds = () => [data.offices.drammen.id, data.offices.lillestrom.id, data.offices.asker.id];
const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

describe("rows read along with the comparison", () => {
  it("are column for column (Decimal, Date, null, enum, list) what Prisma's findMany returns", async () => {
    const result = await loadComparison(
      api.db,
      { officeIds: officeIds(), ...PERIOD },
      { parts: new Set(COMPARISON_PARTS), rows: new Set(ROW_MODELS), caseFlows: { serviceId: null } },
    );
    const rows = (model: RowModel) => result.rows!.get(model)!;
    const ids = (model: RowModel) => ({ id: { in: rows(model).map((row) => row.id) } });

    expect(rows("Office")).toHaveLength(3);
    expect(byId(rows("Office"))).toStrictEqual(byId(await api.db.office.findMany({ where: ids("Office") })));
    // Every practice in force during the period, each with its version in force.
    expect(rows("Practice").map((row) => row.id).sort()).toEqual(result.maturity!.practiceIds.slice().sort());
    expect(byId(rows("Practice"))).toStrictEqual(
      byId(await api.db.practice.findMany({ where: ids("Practice"), include: { versions: currentVersionSelect.versions } })),
    );
    // Every KPI (one without a target among them).
    expect(byId(rows("Kpi"))).toStrictEqual(byId(await api.db.kpi.findMany()));
    expect(rows("Service").map((row) => row.id).sort()).toEqual(result.caseFlowServiceIds!.slice().sort());
    expect(byId(rows("Service"))).toStrictEqual(byId(await api.db.service.findMany({ where: ids("Service") })));
    expect(rows("ProcessFlow").length).toBeGreaterThan(0);
    expect(byId(rows("ProcessFlow"))).toStrictEqual(byId(await api.db.processFlow.findMany({ where: ids("ProcessFlow") })));
  });

  it("serve a selection of columns only; a relation is loaded by Prisma", () => {
    expect(rowsServe("Office", {})).toBe(true);
    expect(rowsServe("Office", { include: {} })).toBe(true);
    expect(rowsServe("Office", { include: { municipalities: true } })).toBe(false);
    expect(rowsServe("Service", { select: { id: true, code: true, name: true } })).toBe(true);
    expect(rowsServe("Service", { select: { id: true, teams: { select: { id: true } } } })).toBe(false);
    expect(rowsServe("Service", { select: { id: true, nope: true } })).toBe(false);
    expect(rowsServe("Practice", { include: { versions: currentVersionSelect.versions } })).toBe(true);
    expect(rowsServe("Practice", { include: { versions: true } })).toBe(false);
    expect(rowsServe("Practice", { include: { versions: { ...currentVersionSelect.versions, take: 2 } } })).toBe(false);
    expect(rowsServe("Kpi", { where: { id: "x" } })).toBe(false);
  });

  it("a field whose selection needs a relation gets it, next to one served from the rows", async () => {
    const query = /* GraphQL */ `
      query($officeIds: [ID!], $from: Date, $to: Date) {
        methodComparison(officeIds: $officeIds, from: $from, to: $to) {
          ... on MethodComparison {
            offices { id name municipalities { name } }
            summary { leadingOffice { id name } }
            caseFlows { service { name } offices { flow { id recordedOn steps { order } } } }
          }
        }
      }
    `;
    const result = dataOf(
      await api.graphql<Json>(
        query,
        { officeIds: officeIds().map((id) => gid("Office", id)), from: iso(PERIOD.from), to: iso(PERIOD.to) },
        { as: "planner" },
      ),
    ).methodComparison;
    const offices = await api.db.office.findMany({ where: { id: { in: officeIds() } }, include: { municipalities: { orderBy: { name: "asc" } } } });
    expect(result.offices).toEqual(
      officeIds().map((id) => {
        const office = offices.find((o) => o.id === id)!;
        return { id: gid("Office", id), name: office.name, municipalities: office.municipalities.map((m) => ({ name: m.name })) };
      }),
    );
    expect(result.offices.some((o: Json) => o.municipalities.length > 0)).toBe(true);
    expect(result.summary.some((s: Json) => s.leadingOffice !== null)).toBe(true);
    for (const entry of result.summary) {
      if (entry.leadingOffice) expect(result.offices.map((o: Json) => o.name)).toContain(entry.leadingOffice.name);
    }
    const flows = result.caseFlows.offices.filter((o: Json) => o.flow !== null);
    expect(flows.length).toBeGreaterThan(0);
    for (const office of flows) {
      expect(office.flow.steps.map((s: Json) => s.order)).toEqual(office.flow.steps.map((_: Json, i: number) => i + 1));
    }
  });
});
