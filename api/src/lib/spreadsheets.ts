// Reading and writing the table files HR works with: CSV (papaparse) and XLSX (exceljs).
// Both come out as rows of strings with the spreadsheet's own row numbers (header = 1).
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { formatDate } from "./dates";

export interface SheetRow {
  /** The row number a spreadsheet program shows: the header is row 1. */
  row: number;
  cells: string[];
}

export type TableFormat = "CSV" | "XLSX";

export function formatFromFileName(fileName: string): TableFormat | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith(".csv") || lower.endsWith(".txt")) return "CSV";
  if (lower.endsWith(".xlsx")) return "XLSX";
  return null;
}

/** CSV with `,` or `;` (Norwegian Excel's choice) as detected by papaparse; a UTF-8 BOM is dropped. */
export function readCsv(content: Buffer): SheetRow[] {
  const text = content.toString("utf8").replace(/^\uFEFF/, "");
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false, delimitersToGuess: [",", ";", "\t"] });
  return parsed.data
    .map((cells, index) => ({ row: index + 1, cells: cells.map((cell) => String(cell ?? "").trim()) }))
    .filter((row) => row.cells.some((cell) => cell !== ""));
}

/** The text a person sees in a cell: dates as yyyy-mm-dd, links and formulas by their text. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return formatDate(value);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((part) => part.text).join("").trim();
    if ("text" in value && typeof value.text === "string") return value.text.trim();
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
    if ("error" in value) return "";
  }
  return String(value).trim();
}

/** The first worksheet of an XLSX file. */
export async function readXlsx(content: Buffer): Promise<SheetRow[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as ExcelJS.CellValue[]; // 1-based: index 0 is empty
    const cells = Array.from({ length: Math.max(0, values.length - 1) }, (_, i) => cellText(values[i + 1]));
    if (cells.some((cell) => cell !== "")) rows.push({ row: rowNumber, cells });
  });
  return rows;
}

export async function readTable(format: TableFormat, content: Buffer): Promise<SheetRow[]> {
  return format === "CSV" ? readCsv(content) : readXlsx(content);
}

// Formula injection (OWASP "CSV Injection"): a text cell that starts with = + - @, a tab or a
// carriage return is read as a formula by Excel and LibreOffice, e.g. a team named
// =HYPERLINK(...). Such text cells get a leading single quote, so they show as text.
// Numbers stay numbers: -0.6 is a value, not a formula. papaparse's own escapeFormulae
// misses text with a line break after the first character, hence this one pattern.
const FORMULA_START = /^[=+\-@\t\r]/;

/** The cell as a spreadsheet should store it: formula-like text escaped, anything else as it is. */
export function escapeFormula<Cell>(cell: Cell): Cell | string {
  return typeof cell === "string" && FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** CSV with a header row, UTF-8 with BOM so Excel opens Norwegian letters right. */
export function writeCsv(header: string[], rows: (string | number | null)[][]): Buffer {
  const data = rows.map((row) => row.map((cell) => escapeFormula(cell ?? "")));
  // Escaped cells are quoted, as OWASP advises, so the quote cannot be lost on a re-split.
  const quotes = (value: unknown) => typeof value === "string" && value.startsWith("'") && FORMULA_START.test(value.slice(1));
  const csv = Papa.unparse({ fields: header.map(escapeFormula), data }, { quotes });
  return Buffer.from(`\uFEFF${csv}\r\n`, "utf8");
}

export type SheetCell = string | number | Date | null;

export interface SheetData {
  name: string;
  header: string[];
  rows: SheetCell[][];
}

/** A workbook of one sheet per entry, each with a bold, frozen header row. */
export async function writeXlsxSheets(sheets: SheetData[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const { name, header, rows } of sheets) {
    const sheet = workbook.addWorksheet(name);
    sheet.addRow(header.map(escapeFormula)).font = { bold: true };
    for (const row of rows) sheet.addRow(row.map(escapeFormula));
    sheet.views = [{ state: "frozen", ySplit: 1 }];
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function writeXlsx(sheetName: string, header: string[], rows: SheetCell[][]): Promise<Buffer> {
  return writeXlsxSheets([{ name: sheetName, header, rows }]);
}
