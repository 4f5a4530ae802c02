// Per request, once: which parts of a comparison the request selects (so the one statement
// of comparison-queries.ts computes exactly those), the parts once computed, and the rows of
// the catalogue types the parts point to (Office, Practice, Kpi, Service, ProcessFlow), each
// loaded once per Pothos selection however many fields and rows refer to them.
import { decodeGlobalID } from "../lib/ids";
import type { Db } from "@samla/schema";
import {
  getArgumentValues,
  isAbstractType,
  isObjectType,
  Kind,
  type FieldNode,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from "graphql";
import type { SamlaContext } from "../context";
import {
  COMPARISON_PARTS,
  loadComparisonParts,
  type CaseFlowComparison,
  type ComparisonData,
  type ComparisonPart,
  type ComparisonWanted,
} from "./comparison-queries";
import { rowsServe, type RowModel } from "./comparison-rows";
import type { ComparisonScope } from "./comparison-scope";

// ---- What the request selects ---------------------------------------------------------------

const PART_NAMES: ReadonlySet<string> = new Set(COMPARISON_PARTS);

/** The rows each field points to (read along with the parts, see comparison-rows.ts). */
const ROWS_OF_FIELD: Record<string, RowModel[]> = {
  offices: ["Office"],
  maturity: ["Practice"],
  kpis: ["Kpi"],
  summary: ["Practice", "Office", "Kpi"],
  caseFlowServices: ["Service"],
};

/** The MethodComparison fields selected under the field being resolved (fragments followed). */
function selectedFields(info: GraphQLResolveInfo, typeName: string): FieldNode[] {
  const type = info.schema.getType(typeName);
  if (!isObjectType(type)) return [];
  const applies = (condition: string | undefined) => {
    if (!condition || condition === typeName) return true;
    const conditionType = info.schema.getType(condition);
    return conditionType !== undefined && isAbstractType(conditionType) && info.schema.isSubType(conditionType, type);
  };
  const fields: FieldNode[] = [];
  const visited = new Set<string>();
  const walk = (selectionSet: SelectionSetNode | undefined) => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) fields.push(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (applies(selection.typeCondition?.name.value)) walk(selection.selectionSet);
      } else if (!visited.has(selection.name.value)) {
        visited.add(selection.name.value);
        const fragment = info.fragments[selection.name.value];
        if (fragment && applies(fragment.typeCondition.name.value)) walk(fragment.selectionSet);
      }
    }
  };
  for (const node of info.fieldNodes) walk(node.selectionSet);
  return fields;
}

/** The database id in a Service global id; undefined when malformed (the field itself reports it). */
function serviceDatabaseId(globalId: unknown): string | null | undefined {
  if (globalId === null || globalId === undefined) return null;
  try {
    const decoded = decodeGlobalID(String(globalId));
    return decoded.typename === "Service" ? decoded.id : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The parts the `methodComparison` field being resolved selects (directives aside: a part
 * under @skip is computed, not sent). `caseFlows` is folded in when every selection of it
 * asks for the same service; otherwise each is loaded by itself when resolved.
 */
export function wantedFromInfo(info: GraphQLResolveInfo): ComparisonWanted {
  const parts = new Set<ComparisonPart>();
  const rows = new Set<RowModel>();
  const services = new Set<string | null | undefined>();
  const fieldDefinition = (() => {
    const type = info.schema.getType("MethodComparison");
    return isObjectType(type) ? type.getFields().caseFlows : undefined;
  })();
  for (const field of selectedFields(info, "MethodComparison")) {
    const name = field.name.value;
    if (PART_NAMES.has(name)) parts.add(name as ComparisonPart);
    for (const model of ROWS_OF_FIELD[name] ?? []) rows.add(model);
    if (name === "caseFlows" && fieldDefinition) {
      try {
        services.add(serviceDatabaseId(getArgumentValues(fieldDefinition, field, info.variableValues).serviceId));
      } catch {
        services.add(undefined);
      }
    }
  }
  const [service] = services;
  if (services.size !== 1 || service === undefined) return { parts, rows };
  rows.add("Service").add("ProcessFlow");
  return { parts, rows, caseFlows: { serviceId: service } };
}

// ---- The parts, once per scope -------------------------------------------------------------

interface ScopeState {
  data: ComparisonData;
  /** The service `data.caseFlows` is for (null: the default); undefined when not computed. */
  caseFlowsServiceId: string | null | undefined;
  /** Parts and case flows loaded after the first statement (not foreseen in the selection). */
  later: Map<string, Promise<ComparisonData>>;
}

const stateByScope = new WeakMap<ComparisonScope, ScopeState>();

/** Keeps what the scope's first statement computed, for the fields below it. */
export function rememberComparison(scope: ComparisonScope, data: ComparisonData, wanted: ComparisonWanted): void {
  stateByScope.set(scope, { data, caseFlowsServiceId: wanted.caseFlows?.serviceId, later: new Map() });
}

function stateOf(scope: ComparisonScope): ScopeState {
  let state = stateByScope.get(scope);
  if (!state) {
    state = { data: { officeIds: scope.officeIds }, caseFlowsServiceId: undefined, later: new Map() };
    stateByScope.set(scope, state);
  }
  return state;
}

function loadLater(db: Db, scope: ComparisonScope, key: string, wanted: ComparisonWanted): Promise<ComparisonData> {
  const state = stateOf(scope);
  let loading = state.later.get(key);
  if (!loading) {
    loading = loadComparisonParts(db, scope, wanted);
    state.later.set(key, loading);
  }
  return loading;
}

/** One part of the comparison: computed with the scope when selected, else now (once). */
export async function comparisonPart<P extends ComparisonPart>(
  db: Db,
  scope: ComparisonScope,
  part: P,
): Promise<NonNullable<ComparisonData[P extends "caseFlowServices" ? "caseFlowServiceIds" : P]>> {
  const key = part === "caseFlowServices" ? "caseFlowServiceIds" : part;
  type Value = NonNullable<ComparisonData[P extends "caseFlowServices" ? "caseFlowServiceIds" : P]>;
  const known = stateOf(scope).data[key as keyof ComparisonData];
  if (known !== undefined) return known as Value;
  const data = await loadLater(db, scope, `part:${part}`, { parts: new Set([part]) });
  return data[key as keyof ComparisonData] as Value;
}

/** The case flows of a service (a database id; null: the most widely recorded), null when there is none. */
export async function caseFlowsOf(db: Db, scope: ComparisonScope, serviceId: string | null): Promise<CaseFlowComparison | null> {
  const state = stateOf(scope);
  if (state.data.caseFlows !== undefined && state.caseFlowsServiceId === serviceId) return state.data.caseFlows;
  const data = await loadLater(db, scope, `caseFlows:${serviceId ?? ""}`, { parts: new Set(), caseFlows: { serviceId } });
  return data.caseFlows ?? null;
}

// ---- Rows by id, once per request and selection ----------------------------------------------

/**
 * Rows of one model loaded with one Pothos query, by id. Ids asked for in the same tick are
 * loaded together (one findMany); an id asked for again, by another field or row, is not
 * loaded again. Rows loaded with another query (another selection) are kept apart, so each
 * field gets exactly what its selection needs.
 */
class RowsById<T extends { id: string }> {
  private readonly rows = new Map<string, Promise<T | undefined>>();
  private pending: string[] = [];
  private batch: Promise<Map<string, T>> | null = null;

  constructor(
    private readonly load: (ids: string[]) => Promise<T[]>,
    /** Rows the comparison's statement read along, when they serve this query. */
    private readonly read: ReadonlyMap<string, T> | null,
  ) {}

  /** The row, at once when it was read along. */
  get(id: string): T | undefined | Promise<T | undefined> {
    const read = this.read?.get(id);
    if (read) return read;
    let row = this.rows.get(id);
    if (!row) {
      row = this.nextBatch().then((rows) => rows.get(id));
      this.pending.push(id);
      this.rows.set(id, row);
    }
    return row;
  }

  /** The rows that exist, in the order of `ids`; at once when all were read along. */
  getMany(ids: readonly string[]): T[] | Promise<T[]> {
    const rows = ids.map((id) => this.get(id));
    const present = (all: (T | undefined)[]) => all.filter((row) => row !== undefined);
    if (rows.some((row) => row instanceof Promise)) return Promise.all(rows).then(present);
    return present(rows as (T | undefined)[]);
  }

  /** The batch being gathered: it runs once the resolvers of this tick have asked (as DataLoader does). */
  private nextBatch(): Promise<Map<string, T>> {
    if (!this.batch) {
      this.batch = new Promise<void>((resolve) => {
        void Promise.resolve().then(() => process.nextTick(resolve));
      }).then(async () => {
        const ids = this.pending;
        this.pending = [];
        this.batch = null;
        return new Map((await this.load(ids)).map((row) => [row.id, row]));
      });
    }
    return this.batch;
  }
}

interface RequestRows {
  /** Loaders by model and query. */
  loaders: Map<string, RowsById<{ id: string }>>;
  /** Rows the comparison's statements read along, by model and id. */
  read: Map<RowModel, Map<string, { id: string }>>;
}

const rowsByRequest = new WeakMap<SamlaContext, RequestRows>();

function requestRows(context: SamlaContext): RequestRows {
  let rows = rowsByRequest.get(context);
  if (!rows) {
    rows = { loaders: new Map(), read: new Map() };
    rowsByRequest.set(context, rows);
  }
  return rows;
}

/** Keeps the rows a comparison's statement read along, for the fields of this request. */
export function rememberRows(context: SamlaContext, rows: ReadonlyMap<RowModel, { id: string }[]> | undefined): void {
  if (!rows) return;
  const { read } = requestRows(context);
  for (const [model, list] of rows) {
    let byId = read.get(model);
    if (!byId) {
      byId = new Map();
      read.set(model, byId);
    }
    for (const row of list) byId.set(row.id, row);
  }
}

/**
 * The request's rows of `model` for `query` (the Pothos query of the field asking): those
 * read along when they serve the query, the others loaded by `load` (once).
 */
export function rowsOf<T extends { id: string }>(
  context: SamlaContext,
  model: RowModel,
  query: Record<string, unknown>,
  load: (ids: string[]) => Promise<T[]>,
): RowsById<T> {
  const { loaders, read } = requestRows(context);
  const key = `${model} ${JSON.stringify(query)}`;
  let rows = loaders.get(key);
  if (!rows) {
    if (!read.has(model)) read.set(model, new Map());
    rows = new RowsById<{ id: string }>(load, rowsServe(model, query) ? read.get(model)! : null);
    loaders.set(key, rows);
  }
  return rows as RowsById<T>;
}
