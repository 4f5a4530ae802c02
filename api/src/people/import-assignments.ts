// importAssignments (hr, admin): many assignRole calls from one CSV or XLSX file, checked
// with the same rules and written all together or not at all. Lookups are batched (one
// query per kind of thing), so a file of thousands of rows costs a handful of queries.
import { Prisma, type Assignment } from "@samla/schema";
import { scopes } from "../auth/policy";
import { builder } from "../builder";
import { withAudit, type AuditEntry, type Tx } from "../lib/audit";
import { isValid, parse as parseWithFormat } from "date-fns";
import { formatDateNorwegian, isInSaneYears, parseDate } from "../lib/dates";
import { formatFromFileName, readTable, type SheetRow } from "../lib/spreadsheets";
import { assignmentSnapshot, closedToNewAssignments, outsideOfficeLifetime } from "./assignment-mutations";

const HR = scopes("person.assign");
/** Rows in one file: enough for a large office, small enough for one transaction. */
export const MAX_IMPORT_ROWS = 10_000;
const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** Rows per INSERT: 8 columns each stays far below PostgreSQL's 65,535 parameters. */
const INSERT_BATCH = 2_000;
const MAX_FTE_HUNDREDTHS = 100;

/** The columns, by their Norwegian header; aliases a person might type are accepted too. */
const COLUMNS = {
  email: ["e-post", "epost", "e_post", "email"],
  role: ["rolle", "rollekode"],
  office: ["kontor", "kontornummer"],
  team: ["team"],
  percent: ["stillingsprosent"],
  fte: ["fte", "stillingsandel"],
  start: ["fra", "fra_dato", "startdato"],
  end: ["til", "til_dato", "sluttdato"],
  reportsTo: ["rapporterer_til", "rapporterer til", "leder"],
} as const;
type Column = keyof typeof COLUMNS;

export interface ImportRowError {
  /** Spreadsheet row number (header = 1); null for a problem with the whole file. */
  row: number | null;
  /** The column's header as written in the file; null for the whole row or file. */
  column: string | null;
  message: string;
}

export interface ImportPreviewRow {
  row: number;
  email: string;
  personName: string | null;
  roleCode: string;
  officeCode: string;
  teamName: string;
  fte: number | null;
  startDate: string;
  endDate: string | null;
  reportsToEmail: string | null;
}

export interface ImportOutcome {
  fileName: string;
  dryRun: boolean;
  rowCount: number;
  imported: number;
  errors: ImportRowError[];
  rows: ImportPreviewRow[];
  assignmentIds: string[];
}

interface ParsedRow {
  row: number;
  raw: Record<Column, string>;
}

interface CheckedRow {
  row: number;
  personId: string;
  roleId: string;
  teamId: string;
  fteHundredths: number;
  startDate: Date;
  endDate: Date | null;
  reportsToId: string | null;
}

const normaliseHeader = (header: string) => header.trim().toLowerCase().replace(/\s+/g, " ");

function parseRows(table: SheetRow[], errors: ImportRowError[]): { rows: ParsedRow[]; headers: Record<Column, string> } | null {
  const [headerRow, ...dataRows] = table;
  if (!headerRow) {
    errors.push({ row: null, column: null, message: "Filen er tom." });
    return null;
  }
  const found = headerRow.cells.map(normaliseHeader);
  const index = {} as Record<Column, number>;
  const headers = {} as Record<Column, string>;
  for (const column of Object.keys(COLUMNS) as Column[]) {
    const at = found.findIndex((header) => (COLUMNS[column] as readonly string[]).includes(header));
    index[column] = at;
    headers[column] = at >= 0 ? headerRow.cells[at]! : COLUMNS[column][0];
  }
  const missing = (["email", "role", "office", "team", "start"] as Column[]).filter((column) => index[column] < 0);
  if (index.percent < 0 && index.fte < 0) missing.push("percent");
  for (const column of missing) {
    errors.push({
      row: headerRow.row,
      column: COLUMNS[column][0],
      message:
        column === "percent"
          ? "Filen mangler kolonnen «stillingsprosent» (eller «fte»)."
          : `Filen mangler kolonnen «${COLUMNS[column][0]}».`,
    });
  }
  if (missing.length) return null;
  if (dataRows.length > MAX_IMPORT_ROWS) {
    errors.push({ row: null, column: null, message: `Filen har ${dataRows.length} rader; høyst ${MAX_IMPORT_ROWS} kan importeres om gangen.` });
    return null;
  }
  const rows = dataRows.map((data) => {
    const raw = {} as Record<Column, string>;
    for (const column of Object.keys(COLUMNS) as Column[]) raw[column] = index[column] >= 0 ? (data.cells[index[column]] ?? "").trim() : "";
    return { row: data.row, raw };
  });
  return { rows, headers };
}

/** "80", "80 %", "62,5" → hundredths of an FTE; null when not a valid share. */
function hundredthsFromPercent(text: string): number | null {
  const value = Number(text.replace(/\s*%$/, "").replace(",", "."));
  if (!Number.isFinite(value) || value <= 0 || value > 100 || Math.abs(value - Math.round(value)) > 1e-9) return null;
  return Math.round(value);
}

/** "0.8", "0,80", "1" → hundredths; null when not 0.01-1.00 with at most two decimals. */
function hundredthsFromFte(text: string): number | null {
  const value = Number(text.replace(",", "."));
  if (!Number.isFinite(value) || value <= 0 || value > 1) return null;
  const hundredths = value * 100;
  return Math.abs(hundredths - Math.round(hundredths)) < 1e-9 ? Math.round(hundredths) : null;
}

const fteText = (hundredths: number) => (hundredths / 100).toFixed(2);

const NORWEGIAN_DATE = /^\d{1,2}\.\d{1,2}\.\d{4}$/;
/** An Excel date serial in its 1900 date system (day 1 = 1900-01-01); a time of day may follow. */
const EXCEL_SERIAL = /^\d{1,6}(\.\d+)?$/;
/** Day 0 of Excel's serials counted past its 1900 leap-year bug: 1899-12-30, right for serials from 61 (1900-03-01) on. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * A date cell as HR's files have it, as a Date at UTC midnight; null when it is no date.
 * The forms use dd.mm.åååå, Norwegian Excel saves CSV so, and some files keep ISO dates;
 * date cells in XLSX arrive as ISO text (readXlsx), a date typed as a plain number as its
 * Excel serial (46419 = 01.02.2027).
 */
export function parseImportDate(text: string): Date | null {
  let date: Date | null = null;
  if (NORWEGIAN_DATE.test(text)) {
    // date-fns refuses 31.02 and 2.13; it reads in local time, so take the calendar date from it.
    const local = parseWithFormat(text, "d.M.yyyy", new Date(2000, 0, 1));
    date = isValid(local) ? new Date(Date.UTC(local.getFullYear(), local.getMonth(), local.getDate())) : null;
  } else if (EXCEL_SERIAL.test(text)) {
    const serial = Math.floor(Number(text));
    date = serial >= 61 ? new Date(EXCEL_EPOCH_MS + serial * 86_400_000) : null;
  } else {
    date = parseDate(text);
  }
  return date && isInSaneYears(date) ? date : null;
}

const invalidDateMessage = (text: string) => `Ugyldig dato «${text}»: bruk dd.mm.åååå (eller åååå-mm-dd).`;

/** Reads every row, checks it like assignRole would, and collects every problem. */
async function checkRows(
  db: Tx,
  parsed: ParsedRow[],
  headers: Record<Column, string>,
  errors: ImportRowError[],
  preview: ImportPreviewRow[],
  lockPeople: boolean,
): Promise<CheckedRow[]> {
  const lower = (s: string) => s.toLowerCase();
  const emails = [...new Set(parsed.flatMap((r) => [r.raw.email, r.raw.reportsTo]).filter(Boolean).map(lower))];
  const roleCodes = [...new Set(parsed.map((r) => r.raw.role.toUpperCase()).filter(Boolean))];
  const officeCodes = [...new Set(parsed.map((r) => r.raw.office).filter(Boolean))];

  const [people, roles, teams] = await Promise.all([
    emails.length
      ? db.person.findMany({ where: { email: { in: emails, mode: "insensitive" } }, select: { id: true, email: true, name: true } })
      : [],
    roleCodes.length ? db.role.findMany({ where: { code: { in: roleCodes, mode: "insensitive" } }, select: { id: true, code: true } }) : [],
    officeCodes.length
      ? db.team.findMany({
          where: { office: { code: { in: officeCodes } } },
          select: { id: true, name: true, office: { select: { code: true, name: true, status: true, validFrom: true, validTo: true } } },
        })
      : [],
  ]);
  const personByEmail = new Map(people.map((p) => [lower(p.email), p]));
  const roleByCode = new Map(roles.map((r) => [r.code.toUpperCase(), r]));
  const officeByCode = new Map(teams.map((t) => [t.office.code, t.office]));
  const teamByKey = new Map(teams.map((t) => [`${t.office.code}\u0000${lower(t.name)}`, t]));
  const officeCodesKnown = new Set(
    officeCodes.length ? (await db.office.findMany({ where: { code: { in: officeCodes } }, select: { code: true } })).map((o) => o.code) : [],
  );

  const personIds = [...new Set(parsed.map((r) => personByEmail.get(lower(r.raw.email))?.id).filter((id): id is string => !!id))];
  if (lockPeople && personIds.length) {
    // The same lock assignRole takes, in a fixed order so two imports cannot deadlock.
    await db.$queryRaw`SELECT "id" FROM "Person" WHERE "id" = ANY(${personIds}::text[]) ORDER BY "id" FOR UPDATE`;
  }
  const minStart = parsed.map((r) => parseImportDate(r.raw.start)).filter((d): d is Date => !!d).sort((a, b) => a.getTime() - b.getTime())[0];
  const existing = personIds.length
    ? await db.assignment.findMany({
        where: {
          personId: { in: personIds },
          ...(minStart && { OR: [{ endDate: null }, { endDate: { gte: minStart } }] }),
        },
        select: { id: true, personId: true, roleId: true, teamId: true, fte: true, startDate: true, endDate: true },
      })
    : [];
  interface Period {
    roleId: string;
    teamId: string;
    hundredths: number;
    start: Date;
    end: Date | null;
    /** Spreadsheet row, or null for an assignment already in Samla. */
    row: number | null;
  }
  const periodsByPerson = new Map<string, Period[]>();
  for (const a of existing) {
    const list = periodsByPerson.get(a.personId) ?? [];
    list.push({ roleId: a.roleId, teamId: a.teamId, hundredths: Math.round(a.fte.toNumber() * 100), start: a.startDate, end: a.endDate, row: null });
    periodsByPerson.set(a.personId, list);
  }
  const overlaps = (a: { start: Date; end: Date | null }, b: { start: Date; end: Date | null }) =>
    (a.end === null || b.start <= a.end) && (b.end === null || a.start <= b.end);
  const runsOn = (p: { start: Date; end: Date | null }, day: Date) => p.start <= day && (p.end === null || p.end >= day);

  const checked: CheckedRow[] = [];
  for (const { row, raw } of parsed) {
    const rowErrors: ImportRowError[] = [];
    const fail = (column: Column, message: string) => rowErrors.push({ row, column: headers[column], message });

    const person = raw.email ? personByEmail.get(lower(raw.email)) : undefined;
    if (!raw.email) fail("email", "E-post må fylles ut.");
    else if (!person) fail("email", `Fant ingen person med e-post ${raw.email}.`);

    const role = raw.role ? roleByCode.get(raw.role.toUpperCase()) : undefined;
    if (!raw.role) fail("role", "Rolle må fylles ut.");
    else if (!role) fail("role", `Ukjent rollekode ${raw.role}.`);

    let team: (typeof teams)[number] | undefined;
    if (!raw.office) fail("office", "Kontor må fylles ut.");
    else if (!officeCodesKnown.has(raw.office)) fail("office", `Ukjent kontornummer ${raw.office}.`);
    else {
      const office = officeByCode.get(raw.office);
      if (!raw.team) fail("team", "Team må fylles ut.");
      else {
        team = teamByKey.get(`${raw.office}\u0000${lower(raw.team)}`);
        if (!team) fail("team", `${office?.name ?? `Kontor ${raw.office}`} har ikke noe team som heter «${raw.team}».`);
        else {
          const closed = closedToNewAssignments(team.office);
          if (closed) {
            fail("office", closed);
            team = undefined;
          }
        }
      }
    }

    let hundredths: number | null = null;
    if (raw.percent) {
      hundredths = hundredthsFromPercent(raw.percent);
      if (hundredths === null) fail("percent", `Ugyldig stillingsprosent «${raw.percent}»: bruk et helt tall fra 1 til 100.`);
    } else if (raw.fte) {
      hundredths = hundredthsFromFte(raw.fte);
      if (hundredths === null) fail("fte", `Ugyldig stillingsandel «${raw.fte}»: bruk 0,01–1,00 med høyst to desimaler.`);
    } else fail("percent", "Stillingsprosent må fylles ut.");

    const start = raw.start ? parseImportDate(raw.start) : null;
    if (!raw.start) fail("start", "Fra-dato må fylles ut.");
    else if (!start) fail("start", invalidDateMessage(raw.start));
    const end = raw.end ? parseImportDate(raw.end) : null;
    if (raw.end && !end) fail("end", invalidDateMessage(raw.end));
    if (start && end && end < start) fail("end", "Til-dato kan ikke være før fra-dato.");
    const outside = team && start ? outsideOfficeLifetime(team.office, start, end) : null;
    if (outside) fail(outside.field, outside.message);

    const reportsTo = raw.reportsTo ? personByEmail.get(lower(raw.reportsTo)) : undefined;
    if (raw.reportsTo && !reportsTo) fail("reportsTo", `Fant ingen person med e-post ${raw.reportsTo}.`);
    if (person && reportsTo && person.id === reportsTo.id) fail("reportsTo", "En person kan ikke rapportere til seg selv.");

    preview.push({
      row,
      email: raw.email,
      personName: person?.name ?? null,
      roleCode: raw.role,
      officeCode: raw.office,
      teamName: raw.team,
      fte: hundredths === null ? null : hundredths / 100,
      startDate: raw.start,
      endDate: raw.end || null,
      reportsToEmail: raw.reportsTo || null,
    });

    if (rowErrors.length === 0 && person && role && team && hundredths !== null && start) {
      // The rules that depend on other assignments, in file order, as if assignRole were
      // called for each row in turn: Samla's assignments plus the file's earlier good rows.
      const period = { roleId: role.id, teamId: team.id, hundredths, start, end, row };
      const periods = periodsByPerson.get(person.id) ?? [];
      const clash = periods.find((p) => p.roleId === role.id && p.teamId === team!.id && overlaps(p, period));
      if (clash) {
        const where = clash.row === null ? "i Samla" : `i rad ${clash.row}`;
        fail("start", `Personen har allerede rollen ${raw.role} i ${team.name} i en overlappende periode (${where}, fra ${formatDateNorwegian(clash.start)}).`);
      } else {
        const days = [start, ...periods.map((p) => p.start).filter((d) => d > start && (end === null || d <= end))];
        for (const day of days.sort((a, b) => a.getTime() - b.getTime())) {
          const other = periods.filter((p) => runsOn(p, day)).reduce((sum, p) => sum + p.hundredths, 0);
          if (other + hundredths > MAX_FTE_HUNDREDTHS) {
            fail(
              raw.percent ? "percent" : "fte",
              `Personen har allerede ${fteText(other).replace(".", ",")} årsverk ${formatDateNorwegian(day)}; med ` +
                `${fteText(hundredths).replace(".", ",")} til blir det mer enn 1,0.`,
            );
            break;
          }
        }
      }
      if (rowErrors.length === 0) {
        periods.push(period);
        periodsByPerson.set(person.id, periods);
        checked.push({
          row,
          personId: person.id,
          roleId: role.id,
          teamId: team.id,
          fteHundredths: hundredths,
          startDate: start,
          endDate: end,
          reportsToId: reportsTo?.id ?? null,
        });
      }
    }
    errors.push(...rowErrors);
  }
  return checked;
}

/** Thrown inside the transaction to roll it back when rows fail the checks there. */
class RowsRejected extends Error {}

export async function importAssignmentsFile(
  context: Parameters<typeof withAudit>[0],
  input: { fileName: string; contentBase64: string; dryRun: boolean },
): Promise<ImportOutcome> {
  const outcome: ImportOutcome = { fileName: input.fileName, dryRun: input.dryRun, rowCount: 0, imported: 0, errors: [], rows: [], assignmentIds: [] };
  const format = formatFromFileName(input.fileName);
  if (!format) {
    outcome.errors.push({ row: null, column: null, message: "Bruk en CSV-fil (.csv) eller en Excel-fil (.xlsx)." });
    return outcome;
  }
  const content = Buffer.from(input.contentBase64, "base64");
  if (content.length > MAX_FILE_BYTES) {
    outcome.errors.push({ row: null, column: null, message: "Filen er større enn 10 MB." });
    return outcome;
  }
  let table: SheetRow[];
  try {
    table = await readTable(format, content);
  } catch {
    outcome.errors.push({ row: null, column: null, message: `Klarte ikke å lese filen som ${format === "CSV" ? "CSV" : "Excel (.xlsx)"}.` });
    return outcome;
  }
  const parsed = parseRows(table, outcome.errors);
  if (!parsed) return outcome;
  outcome.rowCount = parsed.rows.length;
  if (parsed.rows.length === 0) {
    outcome.errors.push({ row: null, column: null, message: "Filen har ingen rader under overskriftene." });
    return outcome;
  }

  if (input.dryRun) {
    await checkRows(context.db, parsed.rows, parsed.headers, outcome.errors, outcome.rows, false);
    return outcome;
  }
  try {
    const created = await withAudit(context, async (tx) => {
      const errors: ImportRowError[] = [];
      const checked = await checkRows(tx, parsed.rows, parsed.headers, errors, outcome.rows, true);
      if (errors.length) {
        outcome.errors.push(...errors);
        throw new RowsRejected();
      }
      const assignments: Assignment[] = [];
      for (let i = 0; i < checked.length; i += INSERT_BATCH) {
        const batch = checked.slice(i, i + INSERT_BATCH);
        assignments.push(
          ...(await tx.assignment.createManyAndReturn({
            data: batch.map((r) => ({
              personId: r.personId,
              roleId: r.roleId,
              teamId: r.teamId,
              fte: new Prisma.Decimal(fteText(r.fteHundredths)),
              startDate: r.startDate,
              endDate: r.endDate,
              reportsToId: r.reportsToId,
            })),
          })),
        );
      }
      // createManyAndReturn keeps the input order; one audit event per imported row.
      const audit: AuditEntry[] = assignments.map((assignment, i) => ({
        action: "importAssignments",
        entityType: "Assignment",
        entityId: assignment.id,
        after: { ...assignmentSnapshot(assignment), importFile: input.fileName, row: checked[i]!.row },
      }));
      return { result: assignments, audit };
    });
    outcome.imported = created.length;
    outcome.assignmentIds = created.map((a) => a.id);
  } catch (error) {
    if (error instanceof RowsRejected) return outcome;
    const message = error instanceof Error && "code" in error ? error.message : null;
    if (!message) throw error;
    outcome.errors.push({ row: null, column: null, message: `Databasen avviste importen, og ingenting ble lagret: ${message}` });
  }
  return outcome;
}

const ImportRowErrorRef = builder.objectRef<ImportRowError>("ImportRowError").implement({
  description: "One problem in an import file.",
  fields: (t) => ({
    row: t.exposeInt("row", { nullable: true, description: "Spreadsheet row number (the header is row 1); null for the whole file." }),
    column: t.exposeString("column", { nullable: true, description: "The column's header as written in the file." }),
    message: t.exposeString("message", { description: "Norwegian, for the user." }),
  }),
});

const ImportPreviewRowRef = builder.objectRef<ImportPreviewRow>("ImportAssignmentRow").implement({
  description: "One row of an import file as read, for the preview.",
  fields: (t) => ({
    row: t.exposeInt("row"),
    email: t.exposeString("email"),
    personName: t.exposeString("personName", { nullable: true, description: "The person the e-mail address belongs to." }),
    roleCode: t.exposeString("roleCode"),
    officeCode: t.exposeString("officeCode"),
    teamName: t.exposeString("teamName"),
    fte: t.exposeFloat("fte", { nullable: true }),
    startDate: t.exposeString("startDate", { description: "As written in the file." }),
    endDate: t.exposeString("endDate", { nullable: true }),
    reportsToEmail: t.exposeString("reportsToEmail", { nullable: true }),
  }),
});

const ImportAssignmentsResultRef = builder.objectRef<ImportOutcome>("ImportAssignmentsResult").implement({
  description:
    "What an import found and did. With any error nothing is written; `imported` is then 0. " +
    "A dry run checks everything and writes nothing.",
  fields: (t) => ({
    fileName: t.exposeString("fileName"),
    dryRun: t.exposeBoolean("dryRun"),
    rowCount: t.exposeInt("rowCount", { description: "Data rows in the file (not counting the header or empty rows)." }),
    imported: t.exposeInt("imported", { description: "Assignments written (0 for a dry run or when any row is refused)." }),
    errors: t.field({ type: [ImportRowErrorRef], resolve: (outcome) => outcome.errors }),
    rows: t.field({ type: [ImportPreviewRowRef], description: "Every data row as read, for a preview.", resolve: (outcome) => outcome.rows }),
    assignments: t.prismaField({
      type: ["Assignment"],
      description: "The assignments written, in file order.",
      resolve: async (query, outcome, _args, context) => {
        if (outcome.assignmentIds.length === 0) return [];
        const found = await context.db.assignment.findMany({ ...query, where: { id: { in: outcome.assignmentIds } } });
        const order = new Map(outcome.assignmentIds.map((id, i) => [id, i]));
        return found.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
      },
    }),
  }),
});

const ImportAssignmentsInput = builder.inputType("ImportAssignmentsInput", {
  fields: (t) => ({
    fileName: t.string({ required: true, description: "Ends in .csv or .xlsx; decides how the file is read." }),
    contentBase64: t.string({ required: true, description: "The file, base64-encoded (at most 10 MB)." }),
    dryRun: t.boolean({ required: true, description: "true: check and preview only, write nothing." }),
  }),
});

builder.mutationField("importAssignments", (t) =>
  t.field({
    type: ImportAssignmentsResultRef,
    description:
      "HR or admin. Imports assignments from CSV or XLSX with the columns e-post, rolle (role code), kontor " +
      "(office code), team (team name), stillingsprosent (1-100) or fte (0.01-1.00), fra (dd.mm.yyyy, yyyy-mm-dd or an " +
      "Excel date cell or date serial), " +
      "til (optional) and rapporterer_til (optional e-mail). Every row is checked with assignRole's rules " +
      "(also against the file's earlier rows); if any row fails, nothing is written. Otherwise all rows are " +
      `written in one transaction with one AuditEvent (importAssignments) per row. At most ${MAX_IMPORT_ROWS} rows.`,
    authScopes: HR,
    args: { input: t.arg({ type: ImportAssignmentsInput, required: true }) },
    resolve: (_parent, args, context) => importAssignmentsFile(context, args.input),
  }),
);

