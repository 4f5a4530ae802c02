import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixtures, gid, type Fixtures } from "../../test/fixtures";
import { createTestApi, dataOf, errorCode, type Json, type TestApi } from "../../test/harness";

let api: TestApi;
let f: Fixtures;

beforeAll(async () => {
  api = await createTestApi();
  f = await createFixtures(api.db);
});
afterAll(() => api?.close());

const UPDATE_OFFICE = `mutation($input: UpdateOfficeInput!) { updateOffice(input: $input) { __typename } }`;
const EVENTS = /* GraphQL */ `
  query($filter: AuditEventFilter) {
    auditEvents(filter: $filter, first: 10) {
      totalCount
      edges { node { action entityType entityId actorSubject actorName before after requestId createdAt } }
    }
  }
`;

describe("auditEvents", () => {
  it("shows an entity's history, newest first, to admins", async () => {
    const id = gid("Office", f.offices.drammen.id);
    await api.graphql(UPDATE_OFFICE, { input: { id, version: 1, name: "Nav Drammen 2" } }, { as: "planner", headers: { "x-request-id": "r-1" } });
    await api.graphql(UPDATE_OFFICE, { input: { id, version: 2, name: "Nav Drammen 3" } }, { as: "admin", headers: { "x-request-id": "r-2" } });
    // A failed change leaves no trace.
    await api.graphql(UPDATE_OFFICE, { input: { id, version: 1, name: "Nav Drammen gammel" } }, { as: "admin" });

    const events = dataOf(await api.graphql<Json>(EVENTS, { filter: { entityId: id } }, { as: "admin" })).auditEvents;
    expect(events.totalCount).toBe(2);
    expect(events.edges.map((e: Json) => e.node)).toMatchObject([
      { action: "updateOffice", entityType: "Office", entityId: id, actorSubject: "sub-admin", requestId: "r-2", after: { name: "Nav Drammen 3", version: 3 } },
      { action: "updateOffice", actorName: "Pia Planlegger", requestId: "r-1", before: { name: "Nav Drammen", version: 1 }, after: { name: "Nav Drammen 2" } },
    ]);
  });

  it("filters by actor and action", async () => {
    const byPlanner = dataOf(await api.graphql<Json>(EVENTS, { filter: { actorSubject: "sub-planner" } }, { as: "admin" })).auditEvents;
    expect(byPlanner.totalCount).toBe(1);
    const none = dataOf(await api.graphql<Json>(EVENTS, { filter: { action: "createOffice" } }, { as: "admin" })).auditEvents;
    expect(none.totalCount).toBe(0);
    const badId = dataOf(await api.graphql<Json>(EVENTS, { filter: { entityId: "not-a-global-id" } }, { as: "admin" })).auditEvents;
    expect(badId.totalCount).toBe(0);
  });

  it("is for hr and admin only, also through node(id)", async () => {
    const response = await api.graphql(EVENTS, {}, { as: "planner" });
    expect(errorCode(response)).toBe("FORBIDDEN");
    expect(response.errors?.[0]?.extensions?.requiredRoles).toEqual(["hr", "admin"]);

    const event = await api.db.auditEvent.findFirstOrThrow();
    const query = `query($id: ID!) { node(id: $id) { ... on AuditEvent { action before after } } }`;
    const asPlanner = await api.graphql<Json>(query, { id: gid("AuditEvent", event.id) }, { as: "planner" });
    expect(errorCode(asPlanner)).toBe("FORBIDDEN");
    expect(JSON.stringify(asPlanner.data)).not.toMatch(/updateOffice/);
    const asAdmin = dataOf(await api.graphql<Json>(query, { id: gid("AuditEvent", event.id) }, { as: "admin" }));
    expect(asAdmin.node.action).toBe("updateOffice");
    const asHr = dataOf(await api.graphql<Json>(query, { id: gid("AuditEvent", event.id) }, { as: "hr" }));
    expect(asHr.node.action).toBe("updateOffice");
  });
});

describe("auditEvents: more filters and the export", () => {
  it("filters by entity type and time window", async () => {
    const all = await api.db.auditEvent.findMany({ orderBy: { createdAt: "asc" } });
    expect(all.length).toBeGreaterThanOrEqual(2);
    const byType = dataOf(await api.graphql<Json>(EVENTS, { filter: { entityType: "Office" } }, { as: "hr" })).auditEvents;
    expect(byType.totalCount).toBe(all.filter((e) => e.entityType === "Office").length);
    expect(dataOf(await api.graphql<Json>(EVENTS, { filter: { entityType: "Team" } }, { as: "hr" })).auditEvents.totalCount).toBe(0);
    const first = all[0]!;
    const window = { from: first.createdAt.toISOString(), to: new Date(first.createdAt.getTime() + 1).toISOString() };
    const inWindow = dataOf(await api.graphql<Json>(EVENTS, { filter: window }, { as: "hr" })).auditEvents;
    expect(inWindow.totalCount).toBe(all.filter((e) => e.createdAt.getTime() === first.createdAt.getTime()).length);
    const future = { from: new Date(Date.now() + 60_000).toISOString() };
    expect(dataOf(await api.graphql<Json>(EVENTS, { filter: future }, { as: "hr" })).auditEvents.totalCount).toBe(0);
  });

  const EXPORT = /* GraphQL */ `
    query($filter: AuditEventFilter, $format: ExportFormat!) { auditEventsExport(filter: $filter, format: $format) { fileName contentType contentBase64 } }
  `;

  it("exports the filtered log as CSV, one line per event with before and after", async () => {
    const file = dataOf(await api.graphql<Json>(EXPORT, { filter: { action: "updateOffice" }, format: "CSV" }, { as: "hr" })).auditEventsExport;
    expect(file.fileName).toMatch(/^revisjonslogg-.*\.csv$/);
    expect(file.contentType).toBe("text/csv; charset=utf-8");
    const text = Buffer.from(file.contentBase64, "base64").toString("utf8").replace(/^\uFEFF/, "");
    const Papa = (await import("papaparse")).default;
    const rows = Papa.parse<string[]>(text.trim()).data;
    expect(rows[0]).toEqual(["tidspunkt", "utført_av", "utført_av_id", "handling", "type", "id", "før", "etter", "forespørsel"]);
    expect(rows).toHaveLength(1 + 2);
    expect(rows[1]).toMatchObject({ 1: "Ada Admin", 3: "updateOffice", 4: "Office", 8: "r-2" });
    expect(JSON.parse(rows[1]![7]!)).toMatchObject({ name: "Nav Drammen 3" });
  });

  it("exports as XLSX that Excel can open", async () => {
    const file = dataOf(await api.graphql<Json>(EXPORT, { format: "XLSX" }, { as: "admin" })).auditEventsExport;
    expect(file.fileName).toMatch(/\.xlsx$/);
    const ExcelJS = (await import("exceljs")).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.contentBase64, "base64") as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(4).value).toBe("handling");
    expect(sheet.rowCount).toBe(1 + (await api.db.auditEvent.count()));
  });
});
