// Rows of the types the comparison's parts point to (Office, Practice, Kpi, Service,
// ProcessFlow), read in the comparison's own statement as JSON and turned into exactly what
// Prisma's findMany returns for a selection of columns only: every scalar column (from the
// data model, so a new column is read too), Decimal as Prisma.Decimal, DateTime as Date. A
// field whose Pothos selection asks for more (a relation) is not served from these rows but
// loaded by Prisma (comparison-data.ts).
import { Prisma } from "@samla/schema";
import { getDatamodel } from "../../../schema/src/generated/pothos-types";
import { currentVersionSelect } from "./method-types";

export const ROW_MODELS = ["Office", "Practice", "Kpi", "Service", "ProcessFlow"] as const;
export type RowModel = (typeof ROW_MODELS)[number];

interface Column {
  name: string;
  /** The column's value in the JSON the statement builds. */
  sql: (alias: string) => Prisma.Sql;
  /** From the JSON value to Prisma's; null when they are the same. */
  convert: ((value: unknown) => unknown) | null;
}

/** A timestamp without time zone as Prisma reads it (UTC), a date as UTC midnight. */
function asDateTime(value: unknown): Date {
  const text = value as string;
  return new Date(text.length === 10 || /(Z|[+-]\d\d(:?\d\d)?)$/.test(text) ? text : `${text}Z`);
}

function columnsOf(model: RowModel): Column[] {
  const fields = getDatamodel().datamodel.models[model]!.fields;
  return fields
    .filter((field) => field.kind === "scalar" || field.kind === "enum")
    .map((field) => {
      const column = (alias: string) => Prisma.raw(`${alias}."${field.name}"`);
      const each = (convert: (value: unknown) => unknown) =>
        field.isList ? (value: unknown) => (value === null ? null : (value as unknown[]).map(convert)) : (value: unknown) => (value === null ? null : convert(value));
      if (field.kind === "enum" || ["String", "Int", "Float", "Boolean", "Json"].includes(field.type)) {
        return { name: field.name, sql: column, convert: null };
      }
      if (field.type === "DateTime") return { name: field.name, sql: column, convert: each(asDateTime) };
      if (field.type === "Decimal") {
        // As text: a JSON number would pass through a double.
        return { name: field.name, sql: (alias: string) => Prisma.sql`${column(alias)}::text`, convert: each((value) => new Prisma.Decimal(value as string)) };
      }
      throw new Error(`comparison-rows: ${model}.${field.name} has type ${field.type}, which it cannot read as JSON`);
    });
}

interface ModelColumns {
  all: Column[];
  converted: Column[];
  names: ReadonlySet<string>;
}

const MODEL_COLUMNS = new Map<RowModel, ModelColumns>(
  ROW_MODELS.map((model) => {
    const all = columnsOf(model);
    return [model, { all, converted: all.filter((column) => column.convert), names: new Set(all.map((column) => column.name)) }];
  }),
);
const columns = (model: RowModel) => MODEL_COLUMNS.get(model)!;

/** A Practice's version in force, as Practice.name, description and levels select it. */
const VERSION_COLUMNS = Object.keys(currentVersionSelect.versions.select);

const rowJsonCache = new Map<string, Prisma.Sql>();

/** The JSON of one row of `model` (table alias `alias`): every scalar column; a Practice also its version in force. */
export function rowJson(model: RowModel, alias: string): Prisma.Sql {
  const key = `${model} ${alias}`;
  let sql = rowJsonCache.get(key);
  if (!sql) {
    sql = buildRowJson(model, alias);
    rowJsonCache.set(key, sql);
  }
  return sql;
}

function buildRowJson(model: RowModel, alias: string): Prisma.Sql {
  const pairs = columns(model).all.map((column) => Prisma.sql`${Prisma.raw(`'${column.name}'`)}, ${column.sql(alias)}`);
  if (model === "Practice") {
    const version = Prisma.join(VERSION_COLUMNS.map((name) => Prisma.raw(`'${name}', v."${name}"`)), ", ");
    pairs.push(Prisma.sql`'versions', COALESCE((
      SELECT json_agg(json_build_object(${version}))
      FROM (SELECT * FROM "PracticeVersion" v WHERE v."practiceId" = ${Prisma.raw(alias)}."id" ORDER BY v."number" DESC LIMIT 1) v), '[]')`);
  }
  return Prisma.sql`json_build_object(${Prisma.join(pairs, ", ")})`;
}

/** The rows as Prisma returns them (converted in place: the JSON is the statement's own). */
export function hydrateRows(model: RowModel, rows: Record<string, unknown>[]): { id: string }[] {
  const { converted } = columns(model);
  for (const row of rows) {
    for (const column of converted) row[column.name] = column.convert!(row[column.name]);
  }
  return rows as { id: string }[];
}

/** JSON with keys sorted, to compare queries however their keys were merged. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(",")}}`;
}
const PRACTICE_VERSION_INCLUDE = canonical({ versions: currentVersionSelect.versions });

/**
 * Whether rows from `rowJson` give a field with this Pothos query all it needs: columns
 * only (include mode with nothing included, or a select of columns), or for a Practice the
 * version in force as its name, description and levels select it.
 */
export function rowsServe(model: RowModel, query: Record<string, unknown>): boolean {
  const { select, include, ...rest } = query;
  if (Object.keys(rest).length > 0 || (select !== undefined && include !== undefined)) return false;
  if (select !== undefined) {
    return Object.entries(select as Record<string, unknown>).every(([name, value]) => value === true && columns(model).names.has(name));
  }
  if (include === undefined || Object.keys(include as object).length === 0) return true;
  return model === "Practice" && canonical(include) === PRACTICE_VERSION_INCLUDE;
}
