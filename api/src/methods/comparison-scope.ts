// What a method comparison covers: which offices (2-6, the pilots by default) and which
// period (the last 12 months to today by default). Shared by the query and the export.
import { decodeGlobalID } from "../lib/ids";
import { GraphQLError } from "graphql";
import { z } from "zod";
import { firstOfMonth, formatDate, todayInNorway } from "../lib/dates";
import { ENTITY_NAMES, NotFoundError, ValidationError } from "../lib/errors";
import { toGlobalId } from "../lib/ids";
import { parseInput, zGlobalId } from "../lib/validation";

export const MIN_COMPARED_OFFICES = 2;
export const MAX_COMPARED_OFFICES = 6;
/** The default period: this month and the eleven before it. */
const DEFAULT_MONTHS = 12;

export interface ComparisonScope {
  /** Database ids, in the order the comparison shows them. */
  officeIds: string[];
  from: Date;
  to: Date;
}

export const COMPARISON_ARG_DESCRIPTIONS = {
  officeIds: `${MIN_COMPARED_OFFICES}-${MAX_COMPARED_OFFICES} offices; default: the active pilot offices (spearhead first).`,
  from: "Default: the first day of the month eleven months before `to`.",
  to: "Default: today.",
} as const;

export interface ComparisonScopeArgs {
  officeIds?: readonly string[] | null;
  from?: Date | null;
  to?: Date | null;
}

const scopeSchema = z.object({
  officeIds: z
    .array(zGlobalId("Office"))
    .min(MIN_COMPARED_OFFICES, `Velg minst ${MIN_COMPARED_OFFICES} kontorer.`)
    .max(MAX_COMPARED_OFFICES, `Velg høyst ${MAX_COMPARED_OFFICES} kontorer.`)
    .refine((ids) => new Set(ids).size === ids.length, "Et kontor er valgt flere ganger.")
    .nullish(),
  from: z.date().nullish(),
  to: z.date().nullish(),
});

/** What the arguments ask for, validated: the offices (null: the pilots) and the period. */
export interface ComparisonRequest {
  /** Database ids in the order given; null for the default, the active pilot offices. */
  officeIds: string[] | null;
  from: Date;
  to: Date;
}

/**
 * The arguments checked and defaulted, before anything is read. ValidationError for a wrong
 * number of offices, a malformed or repeated id, or from after to.
 */
export function parseComparisonArgs(args: ComparisonScopeArgs, today = todayInNorway()): ComparisonRequest {
  const input = parseInput(scopeSchema, { ...args, officeIds: args.officeIds ? [...args.officeIds] : args.officeIds });
  const to = input.to ?? today;
  const from = input.from ?? firstOfMonth(to, 1 - DEFAULT_MONTHS);
  if (from > to) {
    throw ValidationError.field("from", `Perioden må starte før den slutter (fra ${formatDate(from)} til ${formatDate(to)}).`);
  }
  return { officeIds: input.officeIds ?? null, from, to };
}

/**
 * The scope once the database has said which offices exist (`found`: the given ones that
 * exist, or the active pilots, spearhead first). NotFoundError for a given id that does not
 * exist; ValidationError when there are fewer than two pilots.
 */
export function comparedScope(request: ComparisonRequest, found: readonly string[]): ComparisonScope {
  if (request.officeIds) {
    const existing = new Set(found);
    const missing = request.officeIds.find((id) => !existing.has(id));
    if (missing) throw new NotFoundError("Office", toGlobalId("Office", missing));
    return { officeIds: request.officeIds, from: request.from, to: request.to };
  }
  if (found.length < MIN_COMPARED_OFFICES) {
    throw ValidationError.field("officeIds", `Det finnes færre enn ${MIN_COMPARED_OFFICES} pilotkontorer: velg kontorene som skal sammenlignes.`);
  }
  return { officeIds: [...found], from: request.from, to: request.to };
}

/** The months (first days) the period touches, for the axes of the KPI charts. */
export function monthsOf(scope: Pick<ComparisonScope, "from" | "to">): Date[] {
  const months: Date[] = [];
  for (let month = firstOfMonth(scope.from); month <= scope.to; month = firstOfMonth(month, 1)) months.push(month);
  return months;
}

/**
 * The database id in a global id of `typename`, for the arguments of the comparison's
 * parts (a clear GraphQL error: the parts have no typed errors of their own).
 */
export function idArg(globalId: string, typename: string): string {
  try {
    const decoded = decodeGlobalID(globalId);
    if (decoded.typename === typename) return decoded.id;
  } catch {
    // reported below
  }
  throw new GraphQLError(`«${globalId}» er ikke en gyldig id for ${ENTITY_NAMES[typename] ?? typename}.`, {
    extensions: { code: "BAD_USER_INPUT" },
  });
}
