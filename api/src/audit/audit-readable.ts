// The audit log for people (issue 14): an event's snapshots hold raw ids and codes
// (personId, roleId, service codes, office codes); HR needs names. Each event's changes are
// computed here, and every id on a page of events is resolved to a name in one SQL
// statement (a DataLoader per request collects the page's ids, one UNION query answers them).
import { Prisma } from "@samla/schema";
import DataLoader from "dataloader";
import type { SamlaContext } from "../context";

/** What an id or code in a snapshot names. */
export type RefKind =
  | "Person"
  | "Role"
  | "Team"
  | "Office"
  | "OfficeCode"
  | "ServiceCode"
  | "Municipality"
  | "RolloutWave"
  | "Practice"
  | "Kpi"
  | "Assignment"
  | "Merger"
  | "Scenario"
  | "ScenarioTeam"
  | "ScenarioPosition"
  | "SsoUser"
  | "OfficeRollout"
  | "ProgressReport";

/** Snapshot fields (see the *Snapshot functions of the modules) whose values are references. */
const FIELD_REFS: Record<string, RefKind> = {
  personId: "Person",
  reportsToId: "Person",
  roleId: "Role",
  teamId: "Team",
  parentId: "Team",
  officeId: "Office",
  waveId: "RolloutWave",
  practiceId: "Practice",
  kpiId: "Kpi",
  replaces: "Assignment",
  replacedBy: "Assignment",
  services: "ServiceCode",
  sourceOffices: "OfficeCode",
  targetOffice: "OfficeCode",
  municipalities: "Municipality",
  ssoSubject: "SsoUser",
  teams: "ScenarioTeam",
  positions: "ScenarioPosition",
};

/** Entity types whose own row has a readable name (the entity id is resolved like a reference). */
const ENTITY_REFS: Record<string, RefKind> = {
  Person: "Person",
  Role: "Role",
  Team: "Team",
  Office: "Office",
  RolloutWave: "RolloutWave",
  Practice: "Practice",
  Kpi: "Kpi",
  Assignment: "Assignment",
  Merger: "Merger",
  Scenario: "Scenario",
  ScenarioTeam: "ScenarioTeam",
  OfficeRollout: "OfficeRollout",
  ProgressReport: "ProgressReport",
  SsoUser: "SsoUser",
};

/** Fields that say nothing to a reader of the log (bookkeeping of optimistic locking). */
const HIDDEN_FIELDS = new Set(["version", "updatedAt", "createdAt"]);

export type AuditValueKind = "TEXT" | "NAME" | "DATE" | "INSTANT" | "BOOLEAN" | "NUMBER" | "CODE" | "LIST";

export interface AuditChange {
  field: string;
  kind: AuditValueKind;
  before: string | null;
  after: string | null;
  beforeRaw: unknown;
  afterRaw: unknown;
}

type Names = (kind: RefKind, id: string) => Promise<string | null>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
/** Enum values (ACTIVE, STATE, PILOTING): the web translates them. */
const ENUM_VALUE = /^[A-Z][A-Z0-9_]*$/;

function kindOf(field: string, value: unknown): AuditValueKind {
  if (FIELD_REFS[field]) return Array.isArray(value) ? "LIST" : "NAME";
  if (typeof value === "boolean") return "BOOLEAN";
  if (typeof value === "number") return "NUMBER";
  if (Array.isArray(value)) return "LIST";
  if (typeof value === "string") {
    if (ISO_DATE.test(value)) return "DATE";
    if (ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value))) return "INSTANT";
    if (ENUM_VALUE.test(value)) return "CODE";
    // fte "0.50", KPI values: numbers kept exact as text in the snapshot.
    if (/^-?\d+(\.\d+)?$/.test(value) && (field === "fte" || field === "value")) return "NUMBER";
  }
  return "TEXT";
}

/** One snapshot value as words: references become names, nested rows "name: value". */
async function render(field: string, value: unknown, names: Names): Promise<string | null> {
  if (value === null || value === undefined) return null;
  const ref = FIELD_REFS[field];
  if (Array.isArray(value)) {
    const parts = await Promise.all(value.map((item) => render(field, item, names)));
    return parts.filter((part) => part !== null).join(", ");
  }
  if (ref && (typeof value === "string" || typeof value === "number")) return (await names(ref, String(value))) ?? String(value);
  if (typeof value === "object") {
    // A row inside a snapshot (a report's stage, a KPI value, a practice plan): its parts, names first.
    const entries = Object.entries(value as Record<string, unknown>);
    const parts = await Promise.all(entries.map(([key, inner]) => render(key, inner, names)));
    return parts.filter((part) => part !== null && part !== "").join(": ");
  }
  if (typeof value === "string" && ISO_DATE.test(value)) return value;
  return String(value);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The fields whose values differ between before and after, in the order they first appear,
 * with references resolved to names. A created entity has no before, a deleted one no after.
 */
export async function readableChanges(before: unknown, after: unknown, names: Names): Promise<AuditChange[]> {
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter(
    (field) => !HIDDEN_FIELDS.has(field) && JSON.stringify(b[field] ?? null) !== JSON.stringify(a[field] ?? null),
  );
  return Promise.all(
    fields.map(async (field) => ({
      field,
      kind: kindOf(field, a[field] ?? b[field]),
      before: await render(field, b[field], names),
      after: await render(field, a[field], names),
      beforeRaw: b[field] ?? null,
      afterRaw: a[field] ?? null,
    })),
  );
}

export function entityRefKind(entityType: string): RefKind | null {
  return ENTITY_REFS[entityType] ?? null;
}

// ---- one statement per page ---------------------------------------------------------------

/** The SELECT that names the rows of one kind: (kind, key, name). */
function namesOf(kind: RefKind, keys: string[]): Prisma.Sql {
  const k = Prisma.sql`${kind}::text`;
  switch (kind) {
    case "Person":
      return Prisma.sql`SELECT ${k}, "id", "name" FROM "Person" WHERE "id" = ANY(${keys}::text[])`;
    case "Role":
      return Prisma.sql`SELECT ${k}, "id", "name" FROM "Role" WHERE "id" = ANY(${keys}::text[])`;
    case "Team":
      return Prisma.sql`SELECT ${k}, t."id", t."name" || ' (' || o."name" || ')' FROM "Team" t JOIN "Office" o ON o."id" = t."officeId" WHERE t."id" = ANY(${keys}::text[])`;
    case "Office":
      return Prisma.sql`SELECT ${k}, "id", "name" FROM "Office" WHERE "id" = ANY(${keys}::text[])`;
    case "OfficeCode":
      return Prisma.sql`SELECT ${k}, "code", "name" || ' (' || "code" || ')' FROM "Office" WHERE "code" = ANY(${keys}::text[])`;
    case "ServiceCode":
      return Prisma.sql`SELECT ${k}, "code", "name" FROM "Service" WHERE "code" = ANY(${keys}::text[])`;
    case "Municipality":
      return Prisma.sql`SELECT ${k}, "number", "name" || ' (' || "number" || ')' FROM "Municipality" WHERE "number" = ANY(${keys}::text[])`;
    case "RolloutWave":
      return Prisma.sql`SELECT ${k}, "id", "name" FROM "RolloutWave" WHERE "id" = ANY(${keys}::text[])`;
    case "Practice":
      // The practice's name is that of its newest version.
      return Prisma.sql`SELECT ${k}, p."id", (SELECT v."name" FROM "PracticeVersion" v WHERE v."practiceId" = p."id" ORDER BY v."number" DESC LIMIT 1)
        FROM "Practice" p WHERE p."id" = ANY(${keys}::text[])`;
    case "Kpi":
      return Prisma.sql`SELECT ${k}, "id", "name" FROM "Kpi" WHERE "id" = ANY(${keys}::text[])`;
    case "Assignment":
      return Prisma.sql`SELECT ${k}, a."id", p."name" || ' – ' || r."name" || ', ' || t."name"
        FROM "Assignment" a JOIN "Person" p ON p."id" = a."personId" JOIN "Role" r ON r."id" = a."roleId" JOIN "Team" t ON t."id" = a."teamId"
        WHERE a."id" = ANY(${keys}::text[])`;
    case "Merger":
      return Prisma.sql`SELECT ${k}, "id", "name" FROM "Merger" WHERE "id" = ANY(${keys}::text[])`;
    case "Scenario":
      return Prisma.sql`SELECT ${k}, "id", "name" FROM "Scenario" WHERE "id" = ANY(${keys}::text[])`;
    case "ScenarioTeam":
      return Prisma.sql`SELECT ${k}, "id", "name" FROM "ScenarioTeam" WHERE "id" = ANY(${keys}::text[])`;
    case "ScenarioPosition":
      return Prisma.sql`SELECT ${k}, s."id", r."name" || ' (' || COALESCE(p."name", 'ledig') || ')'
        FROM "ScenarioPosition" s JOIN "Role" r ON r."id" = s."roleId" LEFT JOIN "Person" p ON p."id" = s."personId"
        WHERE s."id" = ANY(${keys}::text[])`;
    case "SsoUser":
      return Prisma.sql`SELECT ${k}, "subject", "name" || ' (' || "username" || ')' FROM "SsoUser" WHERE "subject" = ANY(${keys}::text[])`;
    case "OfficeRollout":
      return Prisma.sql`SELECT ${k}, r."id", o."name" FROM "OfficeRollout" r JOIN "Office" o ON o."id" = r."officeId" WHERE r."id" = ANY(${keys}::text[])`;
    case "ProgressReport":
      return Prisma.sql`SELECT ${k}, r."id", o."name" || ' ' || to_char(r."period", 'YYYY-MM')
        FROM "ProgressReport" r JOIN "Office" o ON o."id" = r."officeId" WHERE r."id" = ANY(${keys}::text[])`;
  }
}

const SEPARATOR = "\u0000";

/** Names for "kind\0key" keys, all in one statement. */
async function loadNames(context: SamlaContext, keys: readonly string[]): Promise<(string | null)[]> {
  const byKind = new Map<RefKind, string[]>();
  for (const key of keys) {
    const [kind, id] = key.split(SEPARATOR) as [RefKind, string];
    byKind.set(kind, [...(byKind.get(kind) ?? []), id]);
  }
  const arms = [...byKind].map(([kind, ids]) => namesOf(kind, ids));
  const rows = await context.db.$queryRaw<{ kind: string; key: string; name: string | null }[]>`
    SELECT * FROM (${Prisma.join(arms, " UNION ALL ")}) AS names("kind", "key", "name")`;
  const found = new Map(rows.map((row) => [`${row.kind}${SEPARATOR}${row.key}`, row.name]));
  return keys.map((key) => found.get(key) ?? null);
}

const loaders = new WeakMap<SamlaContext, DataLoader<string, string | null>>();

/** Resolves ids to names for this request; ids asked for in the same tick share one statement. */
export function auditNames(context: SamlaContext): Names {
  let loader = loaders.get(context);
  if (!loader) {
    // A page's rows resolve over several ticks: wait for all of them before reading.
    loader = new DataLoader((keys) => loadNames(context, keys), { batchScheduleFn: (read) => setImmediate(read) });
    loaders.set(context, loader);
  }
  const names = loader;
  return (kind, id) => names.load(`${kind}${SEPARATOR}${id}`);
}
