// importAssignments: every row checked with assignRole's rules; any bad row means nothing
// is written; a clean file is written in one transaction, with one AuditEvent per row.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixtures, type Fixtures } from "../../test/fixtures";
import { createTestApi, dataOf, type Json, type TestApi } from "../../test/harness";

let api: TestApi;
let f: Fixtures;
const PEOPLE = 1000;

beforeAll(async () => {
  api = await createTestApi();
  f = await createFixtures(api.db);
  await api.db.person.createMany({
    data: Array.from({ length: PEOPLE }, (_, i) => ({ name: `Import Person ${i}`, email: `p${i}@import.test`, employer: "STATE" as const })),
  });
});
afterAll(() => api?.close());

const IMPORT = /* GraphQL */ `
  mutation($input: ImportAssignmentsInput!) {
    importAssignments(input: $input) {
      fileName dryRun rowCount imported
      errors { row column message }
      rows { row email personName roleCode officeCode teamName fte startDate endDate reportsToEmail }
    }
  }
`;

const HEADER = ["e-post", "rolle", "kontor", "team", "stillingsprosent", "fra", "til", "rapporterer_til"];
type Row = string[];

const toCsv = (rows: Row[], header: string[] = HEADER, separator = ",") =>
  Buffer.from([header, ...rows].map((r) => r.join(separator)).join("\n") + "\n", "utf8").toString("base64");

async function toXlsx(rows: Row[]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Tilsettinger");
  sheet.addRow(HEADER);
  for (const row of rows) {
    // Dates as real date cells and the share as a number, as Excel users write them.
    sheet.addRow([row[0], row[1], row[2], row[3], Number(row[4]), new Date(`${row[5]}T00:00:00Z`), row[6] || null, row[7] || null]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString("base64");
}

/** One row per generated person: role, office 0230 (Nav Lillestrøm), team, share and start. */
function rowsFor(team: string, percent: string, start: string, role = "VEIL"): Row[] {
  return Array.from({ length: PEOPLE }, (_, i) => [`p${i}@import.test`, role, "0230", team, percent, start, "", ""]);
}

async function runImport(fileName: string, contentBase64: string, dryRun: boolean) {
  return dataOf(await api.graphql<Json>(IMPORT, { input: { fileName, contentBase64, dryRun } }, { as: "hr" })).importAssignments;
}

async function counts() {
  const [assignments, events] = await Promise.all([api.db.assignment.count(), api.db.auditEvent.count()]);
  return { assignments, events };
}

describe("importAssignments of 1,000 rows", () => {
  it("reports exactly the three bad rows, with row numbers and messages, and writes nothing", async () => {
    const rows = rowsFor("Mottak", "50", "2025-01-01");
    rows[100]![1] = "FINNESIKKE"; // unknown role → spreadsheet row 102
    rows[500] = ["p499@import.test", "SAKSB", "0230", "Mottak", "60", "2025-01-01", "", ""]; // 0.5 + 0.6 with row 501 → row 502
    rows[900]![6] = "2024-12-31"; // ends before it starts → row 902
    const before = await counts();
    const result = await runImport("tre-feil.csv", toCsv(rows), false);
    expect(result).toMatchObject({ rowCount: 1000, imported: 0, dryRun: false });
    expect(result.errors).toEqual([
      { row: 102, column: "rolle", message: "Ukjent rollekode FINNESIKKE." },
      {
        row: 502,
        column: "stillingsprosent",
        message: "Personen har allerede 0,50 årsverk 01.01.2025; med 0,60 til blir det mer enn 1,0.",
      },
      { row: 902, column: "til", message: "Til-dato kan ikke være før fra-dato." },
    ]);
    expect(await counts()).toEqual(before);
  });

  it("checks a clean file in a dry run without writing, with a preview of every row", async () => {
    const before = await counts();
    const result = await runImport("ren.csv", toCsv(rowsFor("Mottak", "50", "2025-01-01")), true);
    expect(result).toMatchObject({ rowCount: 1000, imported: 0, dryRun: true, errors: [] });
    expect(result.rows).toHaveLength(1000);
    expect(result.rows[0]).toEqual({
      row: 2,
      email: "p0@import.test",
      personName: "Import Person 0",
      roleCode: "VEIL",
      officeCode: "0230",
      teamName: "Mottak",
      fte: 0.5,
      startDate: "2025-01-01",
      endDate: null,
      reportsToEmail: null,
    });
    expect(await counts()).toEqual(before);
  });

  it("imports a clean CSV file: every row, one AuditEvent each, in one request id", async () => {
    const before = await counts();
    const result = await runImport("ren.csv", toCsv(rowsFor("Mottak", "50", "2025-01-01")), false);
    expect(result).toMatchObject({ rowCount: 1000, imported: 1000, errors: [] });
    expect(await counts()).toEqual({ assignments: before.assignments + 1000, events: before.events + 1000 });
    const imported = await api.db.assignment.findMany({ where: { person: { email: { endsWith: "@import.test" } } } });
    expect(imported).toHaveLength(1000);
    expect(new Set(imported.map((a) => `${a.teamId} ${a.fte.toFixed(2)} ${a.startDate.toISOString().slice(0, 10)}`))).toEqual(
      new Set([`${f.teams.mottak.id} 0.50 2025-01-01`]),
    );
    const events = await api.db.auditEvent.findMany({ where: { action: "importAssignments" }, select: { requestId: true, after: true } });
    expect(events).toHaveLength(1000);
    expect(new Set(events.map((e) => e.requestId)).size).toBe(1);
    expect(events.map((e) => (e.after as { row: number }).row).sort((a, b) => a - b)).toEqual(Array.from({ length: 1000 }, (_, i) => i + 2));
  });

  it("refuses the same file again: every row overlaps what is now in Samla", async () => {
    const result = await runImport("ren.csv", toCsv(rowsFor("Mottak", "50", "2025-01-01")), true);
    expect(result.errors).toHaveLength(1000);
    expect(result.errors[0]).toMatchObject({ row: 2, column: "fra", message: expect.stringMatching(/overlappende periode \(i Samla/) });
  });

  it("imports a clean XLSX file of 1,000 rows", async () => {
    const before = await counts();
    const result = await runImport("ren.xlsx", await toXlsx(rowsFor("Oppfølging", "40", "2026-01-01")), false);
    expect(result).toMatchObject({ rowCount: 1000, imported: 1000, errors: [] });
    expect(await counts()).toEqual({ assignments: before.assignments + 1000, events: before.events + 1000 });
    expect(await api.db.assignment.count({ where: { teamId: f.teams.oppfolging.id, person: { email: { endsWith: "@import.test" } } } })).toBe(1000);
  });

  it("leaves nothing when the database refuses a row mid-way through the write", async () => {
    // A rule only the database knows: a trigger that refuses one row's share (7 %). The import's
    // checks pass; the INSERT fails after the rows before it were inserted.
    await api.db.$executeRawUnsafe(`
      CREATE FUNCTION refuse_fte_007() RETURNS trigger LANGUAGE plpgsql AS $body$
      BEGIN
        IF NEW."fte" = 0.07 THEN RAISE EXCEPTION 'refused by test trigger' USING ERRCODE = 'check_violation'; END IF;
        RETURN NEW;
      END $body$`);
    await api.db.$executeRawUnsafe(`CREATE TRIGGER refuse_fte_007 BEFORE INSERT ON "Assignment" FOR EACH ROW EXECUTE FUNCTION refuse_fte_007()`);
    try {
      const rows = rowsFor("Ungdomsteamet", "3", "2027-01-01");
      rows[700]![4] = "7";
      const before = await counts();
      const result = await runImport("feiler-i-databasen.csv", toCsv(rows), false);
      expect(result.imported).toBe(0);
      expect(result.errors).toEqual([{ row: null, column: null, message: expect.stringMatching(/^Databasen avviste importen, og ingenting ble lagret/) }]);
      expect(await counts()).toEqual(before);
      expect(await api.db.assignment.count({ where: { teamId: f.teams.ungdom.id, person: { email: { endsWith: "@import.test" } } } })).toBe(0);
    } finally {
      await api.db.$executeRawUnsafe(`DROP TRIGGER refuse_fte_007 ON "Assignment"`);
      await api.db.$executeRawUnsafe(`DROP FUNCTION refuse_fte_007()`);
    }
  });
});

describe("importAssignments: each rule", () => {
  it("names the row and column of every problem, including clashes between rows of the file", async () => {
    const rows: Row[] = [
      ["ingen@nav.test", "VEIL", "0230", "Mottak", "50", "2030-01-01", "", ""], // 2: unknown person
      ["kari@nav.test", "VEIL", "9999", "Mottak", "50", "2030-01-01", "", ""], // 3: unknown office
      ["kari@nav.test", "VEIL", "0230", "Finnes ikke", "50", "2030-01-01", "", ""], // 4: unknown team
      ["nora@nav.test", "VEIL", "0231", "Gamle Skedsmo", "20", "2030-01-01", "", ""], // 5: merged office
      ["nora@nav.test", "VEIL", "0230", "Mottak", "120", "2030-01-01", "", ""], // 6: bad share
      ["nora@nav.test", "VEIL", "0230", "Mottak", "20", "31.02.2030", "", ""], // 7: no such date
      ["nora@nav.test", "VEIL", "0230", "Mottak", "20", "2030-01-01", "", "nora@nav.test"], // 8: reports to self
      ["ola@nav.test", "SAKSB", "0230", "Mottak", "20", "2030-01-01", "2030-12-31", "kari@nav.test"], // 9: fine
      ["ola@nav.test", "saksb", "0230", "mottak", "10", "2030-06-01", "", ""], // 10: overlaps row 9
      ["ola@nav.test", "LEDER", "0602", "Sosialtjenesten", "30", "2030-01-01", "", ""], // 11: 0.6 + 0.2 + 0.3 > 1
    ];
    const before = await counts();
    const result = await runImport("regler.csv", toCsv(rows, HEADER, ";"), false);
    expect(result.rowCount).toBe(10);
    expect(result.errors.map((e: Json) => [e.row, e.column])).toEqual([
      [2, "e-post"],
      [3, "kontor"],
      [4, "team"],
      [5, "kontor"],
      [6, "stillingsprosent"],
      [7, "fra"],
      [8, "rapporterer_til"],
      [10, "fra"],
      [11, "stillingsprosent"],
    ]);
    expect(result.errors[7].message).toMatch(/overlappende periode \(i rad 9/);
    expect(result.errors[8].message).toBe("Personen har allerede 0,80 årsverk 01.01.2030; med 0,30 til blir det mer enn 1,0.");
    expect(await counts()).toEqual(before);
  });

  it("refuses rows outside the office's lifetime (Nav Lillestrøm exists from 2020), naming the column", async () => {
    await api.db.person.create({ data: { name: "Live Løp", email: "livslop@import.test", employer: "STATE" } });
    const rows: Row[] = [
      ["livslop@import.test", "SAKSB", "0230", "Mottak", "10", "1985-01-01", "", ""], // 2: before the office
      ["livslop@import.test", "SAKSB", "0230", "Mottak", "10", "2020-01-01", "2020-01-31", ""], // 3: fine, first day
    ];
    const before = await counts();
    const result = await runImport("livslop.csv", toCsv(rows), false);
    expect(result.errors).toEqual([
      { row: 2, column: "fra", message: "Nav Lillestrøm finnes fra 01.01.2020; tilsettingen kan ikke starte før det." },
    ]);
    expect(await counts()).toEqual(before);
  });

  it("accepts fte instead of stillingsprosent, and refuses files it cannot use", async () => {
    const fteHeader = ["e-post", "rolle", "kontor", "team", "fte", "fra"];
    const ok = await runImport("fte.csv", toCsv([["nora@nav.test", "VEIL", "0230", "Mottak", "0,25", "2031-01-01"]], fteHeader, ";"), true);
    expect(ok).toMatchObject({ errors: [], rows: [{ fte: 0.25 }] });
    const missing = await runImport("mangler.csv", toCsv([["nora@nav.test"]], ["e-post"]), true);
    expect(missing.errors.map((e: Json) => e.column)).toEqual(["rolle", "kontor", "team", "fra", "stillingsprosent"]);
    expect((await runImport("feil.pdf", "AAAA", true)).errors).toEqual([{ row: null, column: null, message: "Bruk en CSV-fil (.csv) eller en Excel-fil (.xlsx)." }]);
    expect((await runImport("ødelagt.xlsx", Buffer.from("ikke en zip").toString("base64"), true)).errors[0].message).toMatch(/Klarte ikke å lese/);
  });
});

// Issue 14, item 8: HR's files have dates as the forms write them (dd.mm.åååå), as Norwegian
// Excel saves them in CSV, or as real date cells in XLSX; ISO dates still work.
describe("importAssignments reads dates as HR writes them", () => {
  /** People of this test's own, so it passes alone and in any order with the 1,000-row tests. */
  async function people(prefix: string, count: number): Promise<string[]> {
    const emails = Array.from({ length: count }, (_, i) => `${prefix}-${i}@dato.test`);
    await api.db.person.createMany({ data: emails.map((email) => ({ name: email, email, employer: "STATE" as const })) });
    return emails;
  }

  async function startsAndEnds(emails: string[]) {
    const assignments = await api.db.assignment.findMany({
      where: { person: { email: { in: emails } } },
      select: { person: { select: { email: true } }, startDate: true, endDate: true },
    });
    return Object.fromEntries(
      assignments.map((a) => [a.person.email, [a.startDate.toISOString().slice(0, 10), a.endDate?.toISOString().slice(0, 10) ?? null]]),
    );
  }

  it("accepts dd.mm.åååå and d.m.åååå next to åååå-mm-dd in a semicolon CSV, and names a date that does not exist", async () => {
    const emails = await people("csv", 4);
    const rows: Row[] = [
      [emails[0]!, "VEIL", "0230", "Mottak", "50", "01.02.2027", "31.12.2027", ""],
      [emails[1]!, "VEIL", "0230", "Mottak", "50", "1.3.2027", "", ""],
      [emails[2]!, "VEIL", "0230", "Mottak", "50", "2027-04-01", "", ""],
      [emails[3]!, "VEIL", "0230", "Mottak", "50", "31.02.2027", "1.13.2027", ""],
    ];
    const before = await counts();
    const refused = await runImport("norsk.csv", toCsv(rows, HEADER, ";"), false);
    expect(refused.errors).toEqual([
      { row: 5, column: "fra", message: "Ugyldig dato «31.02.2027»: bruk dd.mm.åååå (eller åååå-mm-dd)." },
      { row: 5, column: "til", message: "Ugyldig dato «1.13.2027»: bruk dd.mm.åååå (eller åååå-mm-dd)." },
    ]);
    expect(await counts()).toEqual(before);

    rows[3]![5] = "28.02.2027";
    rows[3]![6] = "";
    const result = await runImport("norsk.csv", toCsv(rows, HEADER, ";"), false);
    expect(result).toMatchObject({ rowCount: 4, imported: 4, errors: [] });
    expect(await startsAndEnds(emails)).toEqual({
      [emails[0]!]: ["2027-02-01", "2027-12-31"],
      [emails[1]!]: ["2027-03-01", null],
      [emails[2]!]: ["2027-04-01", null],
      [emails[3]!]: ["2027-02-28", null],
    });
  });

  it("reads an XLSX date cell in Norwegian format, an Excel date serial and dd.mm.åååå text as the same day", async () => {
    const emails = await people("xlsx", 3);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Tilsettinger");
    sheet.addRow(HEADER);
    // A real date cell, shown as Norwegian Excel shows it.
    const dated = sheet.addRow([emails[0], "VEIL", "0230", "Mottak", 60, new Date(Date.UTC(2027, 1, 1)), null, null]);
    dated.getCell(6).numFmt = "dd.mm.yyyy";
    // The same day typed as a number (a date cell whose format was lost): Excel's serial 46419.
    sheet.addRow([emails[1], "VEIL", "0230", "Mottak", 60, 46419, null, null]);
    // And as text.
    sheet.addRow([emails[2], "VEIL", "0230", "Mottak", 60, "01.02.2027", null, null]);
    const content = Buffer.from(await workbook.xlsx.writeBuffer()).toString("base64");

    const result = await runImport("datoer.xlsx", content, false);
    expect(result).toMatchObject({ rowCount: 3, imported: 3, errors: [] });
    expect(await startsAndEnds(emails)).toEqual(Object.fromEntries(emails.map((email) => [email, ["2027-02-01", null]])));
  });
});
