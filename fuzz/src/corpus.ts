// The generated corpus: for every query and mutation field of the checked-in SDL
// (schema/schema.graphql), requests whose arguments are plausible (real ids of the seeded
// rows, valid dates and numbers) except for one place that gets a hostile value for its
// type, sent as every role and anonymously. A fixed seed makes the corpus the same on every
// run of the same data set.
import { readFileSync } from "node:fs";
import path from "node:path";
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from "graphql";
import { ROOT } from "./child";
import { CALLERS, type Caller } from "./tokens";

// ---- deterministic randomness ------------------------------------------------------------

/** mulberry32: small, fast and good enough to pick values reproducibly. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

// ---- hostile values per type ------------------------------------------------------------

export interface Hostile {
  label: string;
  value: unknown;
  /** Leave the argument or field out (a required one then is missing). */
  omit?: boolean;
}

export function globalId(typename: string, id: string): string {
  return Buffer.from(`${typename}:${id}`).toString("base64");
}

const HOSTILE_STRINGS: Hostile[] = [
  { label: "empty", value: "" },
  { label: "blank", value: "   " },
  { label: "long-2k", value: "z".repeat(2_000) },
  { label: "long-20k", value: "ø".repeat(20_000) },
  { label: "nul", value: "a\u0000b" },
  { label: "lone-high-surrogate", value: "a\ud800b" },
  { label: "lone-low-surrogate", value: "\udfffz" },
  { label: "percent", value: "%" },
  { label: "underscore-percent", value: "_%" },
  { label: "trailing-backslash", value: "abc\\" },
  { label: "backslashes", value: "\\\\%\\_" },
  { label: "sql-quote", value: `'; DROP TABLE "Office"; --` },
  { label: "unicode", value: "Ærlig øl på Åndalsnes 🙂 \u202e\u200b ﷽" },
  { label: "formula", value: '=HYPERLINK("http://evil.example","klikk")' },
  { label: "html", value: "<script>alert(1)</script>" },
  { label: "nan-text", value: "NaN" },
  { label: "control-chars", value: "\u0001\u0007\u001b[31m\r\n\t" },
  { label: "number-not-string", value: 12345 },
];

const HOSTILE_INTS: Hostile[] = [
  { label: "negative", value: -1 },
  { label: "zero", value: 0 },
  { label: "int-max", value: 2147483647 },
  { label: "int-min", value: -2147483648 },
  { label: "over-int32", value: 2147483648 },
  { label: "fraction", value: 3.5 },
  { label: "nan-string", value: "NaN" },
  { label: "infinity-string", value: "Infinity" },
  { label: "numeric-string", value: "5" },
];

const HOSTILE_FLOATS: Hostile[] = [
  { label: "negative", value: -1 },
  { label: "zero", value: 0 },
  { label: "huge", value: 1.7976931348623157e308 },
  { label: "tiny", value: 5e-324 },
  { label: "many-decimals", value: 0.123456789 },
  { label: "nan-string", value: "NaN" },
  { label: "infinity-string", value: "Infinity" },
  { label: "negative-huge", value: -1e300 },
];

const HOSTILE_DATES: Hostile[] = [
  { label: "year-0", value: "0000-01-01" },
  { label: "year-275760", value: "+275760-09-13" },
  { label: "year-275760-plain", value: "275760-09-13" },
  { label: "year-9999", value: "9999-12-31" },
  { label: "year-1985", value: "1985-06-01" },
  { label: "year-1", value: "0001-01-01" },
  { label: "feb-30", value: "2026-02-30" },
  { label: "month-13", value: "2026-13-01" },
  { label: "datetime-as-date", value: "2026-11-01T00:00:00Z" },
  { label: "nul", value: "2026-11-01\u0000" },
  { label: "empty", value: "" },
];

const HOSTILE_DATETIMES: Hostile[] = [
  { label: "year-0", value: "0000-01-01T00:00:00.000Z" },
  { label: "year-275760", value: "+275760-09-13T00:00:00.000Z" },
  { label: "year-minus-1", value: "-000001-01-01T00:00:00.000Z" },
  { label: "year-9999", value: "9999-12-31T23:59:59.999Z" },
  { label: "hour-25", value: "2026-11-01T25:00:00Z" },
  { label: "date-only", value: "2026-11-01" },
  { label: "epoch-number", value: 1_700_000_000_000 },
  { label: "nul", value: "2026-11-01T00:00:00Z\u0000" },
];

const HOSTILE_BOOLEANS: Hostile[] = [
  { label: "string-true", value: "true" },
  { label: "number-1", value: 1 },
];

const HOSTILE_JSON: Hostile[] = [
  { label: "deep-object", value: JSON.parse(`${"[".repeat(200)}${"]".repeat(200)}`) },
  { label: "nul-string", value: "a\u0000b" },
  { label: "big-object", value: Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`k${i}`, i])) },
];

/** Malformed ids and well-formed ids of missing rows or the wrong type. */
function hostileIds(expected: string, ids: SampleIds, random: Random): Hostile[] {
  const otherTypes = Object.keys(ids).filter((type) => type !== expected && (ids[type]?.length ?? 0) > 0);
  const foreign = otherTypes.length > 0 ? pick(random, otherTypes) : "Office";
  return [
    { label: "empty", value: "" },
    { label: "not-base64", value: "!!!" },
    { label: "raw-db-id", value: ids[expected]?.[0] ?? "cm0000000000000000000000" },
    { label: "unknown-row", value: globalId(expected, "cm0000000000000000000000") },
    { label: "unknown-type", value: globalId("Nope", "1") },
    { label: "foreign-type", value: globalId(foreign, ids[foreign]?.[0] ?? "x") },
    { label: "no-colon", value: Buffer.from("Office").toString("base64") },
    { label: "nul", value: globalId(expected, "a\u0000b") },
    { label: "nul-raw", value: "a\u0000b" },
    { label: "lone-surrogate", value: "a\ud800" },
    { label: "surrogate-inside", value: globalId(expected, "x\udc00") },
    { label: "percent", value: globalId(expected, "%") },
    { label: "long", value: globalId(expected, "x".repeat(5000)) },
    { label: "number-not-string", value: 42 },
  ];
}

// ---- plausible values ---------------------------------------------------------------------

/** Up to five database ids per table (named as its GraphQL type), from the seeded database. */
export type SampleIds = Record<string, string[]>;

interface Context {
  schema: GraphQLSchema;
  ids: SampleIds;
  random: Random;
  /** Node type names, longest first (to find "ScenarioTeam" before "Team" in a name). */
  nodeTypes: string[];
  /** The operation field and input type names around a value: where a bare `id` gets its type. */
  scope: string[];
}

/** The Node type an ID argument or input field most likely points at. */
function idType(name: string, context: Context): string {
  const base = name.replace(/Ids?$/, "").toLowerCase();
  if (base && base !== "id") {
    const match = context.nodeTypes.find((type) => base.endsWith(type.toLowerCase()));
    if (match) return match;
    if (base === "reportsto") return "Person";
    if (base === "parent") return context.nodeTypes.find((type) => context.scope.some((scope) => scope.includes(type))) ?? "Team";
  }
  for (const scope of [...context.scope].reverse()) {
    const match = context.nodeTypes.find((type) => scope.toLowerCase().includes(type.toLowerCase()));
    if (match) return match;
  }
  return "Office";
}

function plausibleId(name: string, context: Context): string {
  const type = idType(name, context);
  const candidates = context.ids[type] ?? [];
  return candidates.length > 0 ? globalId(type, pick(context.random, candidates)) : globalId(type, "cm0000000000000000000000");
}

function plausibleScalar(typeName: string, name: string, context: Context): unknown {
  const lower = name.toLowerCase();
  switch (typeName) {
    case "ID":
      return plausibleId(name, context);
    case "String":
      if (lower.includes("email")) return "fuzz@nav.test";
      if (lower === "code") return `FZ${Math.floor(context.random() * 900 + 100)}`;
      if (lower === "after" || lower === "before") return undefined;
      return "Fuzz tekst";
    case "Int":
      if (lower === "first" || lower === "last") return 5;
      if (lower.includes("level") || lower.includes("stage")) return 2;
      return 1;
    case "Float":
      if (lower.includes("fte")) return 0.5;
      if (lower.includes("score")) return 3;
      return 1;
    case "Boolean":
      return false;
    case "Date":
      return lower.includes("end") || lower === "to" ? "2027-06-30" : "2026-10-01";
    case "DateTime":
      return "2026-10-01T10:00:00.000Z";
    case "JSON":
      return {};
    default:
      return "Fuzz tekst";
  }
}

/** A value that passes the schema's own checks: required fields and about half the optional ones. */
function plausible(type: GraphQLInputType, name: string, context: Context, depth = 0): unknown {
  if (isNonNullType(type)) return plausible(type.ofType, name, context, depth);
  if (isListType(type)) {
    const element = plausible(type.ofType, name.replace(/s$/, ""), context, depth + 1);
    return element === undefined ? [] : [element];
  }
  if (isEnumType(type)) return type.getValues()[0]?.value;
  if (isInputObjectType(type)) {
    const result: Record<string, unknown> = {};
    const inner = { ...context, scope: [...context.scope, type.name] };
    for (const field of Object.values(type.getFields())) {
      if (!isNonNullType(field.type) && (depth > 1 || context.random() < 0.5)) continue;
      const value = plausible(field.type, field.name, inner, depth + 1);
      if (value !== undefined) result[field.name] = value;
    }
    return result;
  }
  return plausibleScalar(getNamedType(type).name, name, context);
}

// ---- where a hostile value can go -----------------------------------------------------------

interface Slot {
  /** Argument name, then input field names and 0 for a list's first element. */
  path: (string | number)[];
  type: GraphQLInputType;
  name: string;
  scope: string[];
}

function slots(type: GraphQLInputType, pathSoFar: (string | number)[], name: string, scope: string[], depth: number, out: Slot[]): void {
  out.push({ path: pathSoFar, type, name, scope });
  const inner = isNonNullType(type) ? type.ofType : type;
  if (depth > 3) return;
  if (isListType(inner)) slots(inner.ofType, [...pathSoFar, 0], name.replace(/s$/, ""), scope, depth + 1, out);
  else if (isInputObjectType(inner)) {
    for (const field of Object.values(inner.getFields())) {
      slots(field.type, [...pathSoFar, field.name], field.name, [...scope, inner.name], depth + 1, out);
    }
  }
}

function hostileFor(slot: Slot, context: Context): Hostile[] {
  const required = isNonNullType(slot.type);
  const inner = isNonNullType(slot.type) ? slot.type.ofType : slot.type;
  const structural: Hostile[] = [{ label: "null", value: null }];
  if (required) structural.push({ label: "missing", value: undefined, omit: true });
  if (isListType(inner)) {
    const element = plausible(inner.ofType, slot.name, { ...context, scope: slot.scope }, 1);
    return [
      ...structural,
      { label: "empty-list", value: [] },
      { label: "list-of-null", value: [null] },
      { label: "big-list-1000", value: Array.from({ length: 1000 }, () => element) },
      { label: "not-a-list", value: "x" },
    ];
  }
  if (isInputObjectType(inner)) {
    return [...structural, { label: "empty-object", value: {} }, { label: "unknown-field", value: { fuzzUnknown: 1 } }, { label: "string-not-object", value: "x" }];
  }
  if (isEnumType(inner)) {
    const first = inner.getValues()[0]?.value as string | undefined;
    return [...structural, { label: "unknown-enum", value: "NOT_A_VALUE" }, { label: "lowercase-enum", value: (first ?? "x").toLowerCase() }, { label: "empty", value: "" }];
  }
  switch (getNamedType(inner).name) {
    case "ID":
      return [...structural, ...hostileIds(idType(slot.name, { ...context, scope: slot.scope }), context.ids, context.random)];
    case "Int":
      return [...structural, ...HOSTILE_INTS];
    case "Float":
      return [...structural, ...HOSTILE_FLOATS];
    case "Boolean":
      return [...structural, ...HOSTILE_BOOLEANS];
    case "Date":
      return [...structural, ...HOSTILE_DATES];
    case "DateTime":
      return [...structural, ...HOSTILE_DATETIMES];
    case "JSON":
      return [...structural, ...HOSTILE_JSON];
    default:
      return [...structural, ...HOSTILE_STRINGS];
  }
}

function setAt(target: Record<string, unknown>, path: (string | number)[], hostile: Hostile): void {
  let node: Record<string | number, unknown> = target;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i]!;
    const nextKey = path[i + 1]!;
    let child = node[key];
    if (child === null || typeof child !== "object") {
      child = typeof nextKey === "number" ? [] : {};
      node[key] = child;
    }
    node = child as Record<string | number, unknown>;
  }
  const last = path[path.length - 1]!;
  if (hostile.omit) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else {
    node[last] = hostile.value;
  }
}

// ---- selections -----------------------------------------------------------------------------

const MAX_DEPTH = 3;

function hasRequiredArgs(field: GraphQLField<unknown, unknown>): boolean {
  return field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);
}

/** Scalars of the type and, a few levels deep, of its objects: enough to run their resolvers. */
function selection(type: GraphQLOutputType | GraphQLNamedType, depth: number, schema: GraphQLSchema): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return "";
  if (isUnionType(named) || isInterfaceType(named)) {
    const members = isUnionType(named) ? named.getTypes() : schema.getPossibleTypes(named);
    const parts = members.slice(0, 8).map((member) => {
      const inner = objectSelection(member, depth + 1, schema);
      return inner ? `... on ${member.name} { ${inner} }` : "";
    });
    return `__typename ${parts.join(" ")}`.trim();
  }
  return objectSelection(named as GraphQLObjectType, depth, schema);
}

function objectSelection(type: GraphQLObjectType, depth: number, schema: GraphQLSchema): string {
  const fields = Object.values(type.getFields()).filter((field) => !hasRequiredArgs(field));
  const leaves = fields.filter((field) => isLeafType(getNamedType(field.type))).slice(0, 10);
  const parts = ["__typename", ...leaves.map((field) => field.name)];
  if (depth < MAX_DEPTH) {
    const objects = fields.filter((field) => !isLeafType(getNamedType(field.type))).slice(0, 4);
    for (const field of objects) {
      const inner = selection(field.type, depth + 1, schema);
      if (inner) parts.push(`${field.name} { ${inner} }`);
    }
  }
  return parts.join(" ");
}

// ---- the corpus -------------------------------------------------------------------------------

export interface FuzzCase {
  operation: "query" | "mutation";
  field: string;
  caller: Caller;
  /** "input.name · nul", for the report. */
  signature: string;
  query: string;
  variables: Record<string, unknown>;
  /** Mutation result types that are refusals (implement Error). */
  errorTypes: Set<string>;
}

export function loadSchema(): GraphQLSchema {
  return buildSchema(readFileSync(path.join(ROOT, "schema", "schema.graphql"), "utf8"));
}

function errorTypesOf(field: GraphQLField<unknown, unknown>, schema: GraphQLSchema): Set<string> {
  const named = getNamedType(field.type);
  const errorInterface = schema.getType("Error");
  const members = isUnionType(named) ? named.getTypes() : [];
  return new Set(
    members.filter((member) => errorInterface && member.getInterfaces().some((iface) => iface.name === errorInterface.name)).map((member) => member.name),
  );
}

function document(operation: "query" | "mutation", field: GraphQLField<unknown, unknown>, schema: GraphQLSchema): string {
  const definitions = field.args.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(", ");
  const args = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(", ");
  const inner = selection(field.type, 1, schema);
  return `${operation} Fuzz${definitions ? `(${definitions})` : ""} { ${field.name}${args ? `(${args})` : ""}${inner ? ` { ${inner} }` : ""} }`;
}

/**
 * `total` requests over every query and mutation (subscriptions are left out): fields without
 * arguments once per caller, the rest share what is left. Ordered round by round across the
 * fields, so a run cut short by time still covers every field.
 */
export function buildCorpus(schema: GraphQLSchema, ids: SampleIds, total: number, seed: number): FuzzCase[] {
  const random = createRandom(seed);
  const nodeTypes = Object.values(schema.getTypeMap())
    .filter((type): type is GraphQLObjectType => isObjectType(type) && type.getInterfaces().some((iface) => iface.name === "Node"))
    .map((type) => type.name)
    .sort((a, b) => b.length - a.length);
  const operations: { operation: "query" | "mutation"; field: GraphQLField<unknown, unknown> }[] = [];
  for (const operation of ["query", "mutation"] as const) {
    const root = operation === "query" ? schema.getQueryType() : schema.getMutationType();
    for (const field of Object.values(root?.getFields() ?? {}).sort((a, b) => a.name.localeCompare(b.name))) operations.push({ operation, field });
  }
  const withoutArgs = operations.filter(({ field }) => field.args.length === 0);
  const withArgs = operations.filter(({ field }) => field.args.length > 0);
  const perField = Math.max(CALLERS.length, Math.ceil((total - withoutArgs.length * CALLERS.length) / Math.max(1, withArgs.length)));

  const perOperation: FuzzCase[][] = [];
  for (const { operation, field } of operations) {
    const cases: FuzzCase[] = [];
    const query = document(operation, field, schema);
    const errorTypes = errorTypesOf(field, schema);
    const count = field.args.length === 0 ? CALLERS.length : perField;
    const context: Context = { schema, ids, random, nodeTypes, scope: [field.name] };
    const fieldSlots: Slot[] = [];
    for (const arg of field.args) slots(arg.type, [arg.name], arg.name, [field.name], 0, fieldSlots);
    for (let i = 0; i < count; i++) {
      const caller = CALLERS[i % CALLERS.length]!;
      const variables: Record<string, unknown> = {};
      for (const arg of field.args) {
        if (!isNonNullType(arg.type) && random() < 0.5) continue;
        const value = plausible(arg.type, arg.name, context);
        if (value !== undefined) variables[arg.name] = value;
      }
      let signature = field.name;
      if (fieldSlots.length > 0) {
        const slot = pick(random, fieldSlots);
        const hostile = pick(random, hostileFor(slot, context));
        setAt(variables, slot.path, hostile);
        signature = `${field.name} · ${slot.path.join(".")} · ${hostile.label}`;
      }
      cases.push({ operation, field: field.name, caller, signature, query, variables, errorTypes });
    }
    perOperation.push(cases);
  }
  const ordered: FuzzCase[] = [];
  const rounds = Math.max(...perOperation.map((cases) => cases.length));
  for (let round = 0; round < rounds; round++) {
    for (const cases of perOperation) if (cases[round]) ordered.push(cases[round]!);
  }
  return ordered.slice(0, Math.max(total, withoutArgs.length * CALLERS.length));
}
