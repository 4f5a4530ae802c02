// The comparison screen's whole view state lives in the URL, so a comparison can be
// bookmarked and shared as it is: ?kontor=<id>&kontor=<id>&fra=2025-12&til=2026-11
// &tjeneste=<id>&celle=<officeId>.<practiceId>. Left out means the API's default (the
// pilots, the last 12 months, the most widely recorded service, no open cell).

export const MIN_OFFICES = 2;
export const MAX_OFFICES = 6;

export interface OpenCell {
  officeId: string;
  practiceId: string;
}

export interface CompareState {
  /** Global ids in the order chosen; empty = the pilot offices. */
  officeIds: string[];
  /** yyyy-mm; null = the API's default period start. */
  fromMonth: string | null;
  /** yyyy-mm; null = up to today. */
  toMonth: string | null;
  /** The service whose case flows are compared; null = the API's default. */
  serviceId: string | null;
  /** The heatmap cell whose evidence and history are open. */
  cell: OpenCell | null;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
// Global ids are base64 ("Office:…"), which never contains a dot: it separates the two.
const CELL_SEPARATOR = ".";

export function isMonth(value: string | null | undefined): value is string {
  return typeof value === "string" && MONTH.test(value);
}

function nonEmpty(value: string | null): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

export function parseCompareState(params: URLSearchParams): CompareState {
  const officeIds = [...new Set(params.getAll("kontor").map((id) => id.trim()).filter(Boolean))];
  const fromMonth = params.get("fra");
  const toMonth = params.get("til");
  return {
    officeIds,
    fromMonth: isMonth(fromMonth) ? fromMonth : null,
    toMonth: isMonth(toMonth) ? toMonth : null,
    serviceId: nonEmpty(params.get("tjeneste")),
    cell: parseCell(params.get("celle")),
  };
}

function parseCell(value: string | null): OpenCell | null {
  if (!value) return null;
  const [officeId, practiceId, ...rest] = value.split(CELL_SEPARATOR);
  if (!officeId || !practiceId || rest.length > 0) return null;
  return { officeId, practiceId };
}

export function compareStateToParams(state: CompareState): URLSearchParams {
  const params = new URLSearchParams();
  for (const id of state.officeIds) params.append("kontor", id);
  if (state.fromMonth) params.set("fra", state.fromMonth);
  if (state.toMonth) params.set("til", state.toMonth);
  if (state.serviceId) params.set("tjeneste", state.serviceId);
  if (state.cell) params.set("celle", `${state.cell.officeId}${CELL_SEPARATOR}${state.cell.practiceId}`);
  return params;
}

/** "?…" for a link or navigate() to the state ("?" alone clears every choice). */
export function compareSearch(state: CompareState): string {
  return `?${compareStateToParams(state).toString()}`;
}

/** The first day of a yyyy-mm month. */
export function monthStart(month: string): string {
  return `${month}-01`;
}

/** The last day of a yyyy-mm month. */
export function monthEnd(month: string): string {
  const [year, monthNumber] = month.split("-").map(Number);
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year!, monthNumber!, 0)).toISOString().slice(0, 10);
}

/** yyyy-mm of a yyyy-mm-dd date. */
export function monthOf(isoDate: string): string {
  return isoDate.slice(0, 7);
}

/** yyyy-mm plus `months` (negative goes back). */
export function addMonths(month: string, months: number): string {
  const [year, monthNumber] = month.split("-").map(Number);
  return new Date(Date.UTC(year!, monthNumber! - 1 + months, 1)).toISOString().slice(0, 7);
}

/** Every month from `first` to `last`, both included, newest first (as a month picker lists them). */
export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  for (let month = last; month >= first; month = addMonths(month, -1)) months.push(month);
  return months;
}

export interface ComparisonVariables {
  officeIds: string[] | null;
  from: string | null;
  to: string | null;
}

/**
 * The methodComparison arguments for a state. The period ends on the last day of the
 * "to" month, or today while that month is still running (nothing later exists yet).
 */
export function comparisonVariables(state: CompareState, today: string): ComparisonVariables {
  const to = state.toMonth ? monthEnd(state.toMonth) : null;
  return {
    officeIds: state.officeIds.length > 0 ? state.officeIds : null,
    from: state.fromMonth ? monthStart(state.fromMonth) : null,
    to: to && to > today ? today : to,
  };
}

/** A stable key of what the comparison's main query depends on (not the service or the open cell). */
export function comparisonKey(variables: ComparisonVariables): string {
  return JSON.stringify([variables.officeIds ?? [], variables.from ?? "", variables.to ?? ""]);
}

/** Why a choice of offices and months cannot be compared, or null when it can. */
export type SelectionProblem = "tooFewOffices" | "tooManyOffices" | "fromAfterTo";

export function selectionProblems(selection: { officeIds: string[]; fromMonth: string | null; toMonth: string | null }): SelectionProblem[] {
  const problems: SelectionProblem[] = [];
  if (selection.officeIds.length < MIN_OFFICES) problems.push("tooFewOffices");
  if (selection.officeIds.length > MAX_OFFICES) problems.push("tooManyOffices");
  if (selection.fromMonth && selection.toMonth && selection.fromMonth > selection.toMonth) problems.push("fromAfterTo");
  return problems;
}
