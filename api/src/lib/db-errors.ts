// Database constraint violations as typed errors. The resolvers check the rules first, but
// the database has the last word (concurrent writes, rules only it knows): its refusals
// must reach the user as a ValidationError or ConflictError, never as a 500.
import { ConflictError, NotFoundError, SamlaError, ValidationError } from "./errors";

/** Field and Norwegian message for each named constraint in the migrations. */
const CONSTRAINTS: Record<string, { path: string; message: string }> = {
  Office_code_key: { path: "code", message: "Kontornummeret er allerede i bruk." },
  Office_code_format: { path: "code", message: "Kontornummeret må være fire siffer." },
  Office_valid_dates: { path: "validTo", message: "Gyldig til kan ikke være før gyldig fra." },
  Office_spearhead_is_pilot: { path: "isSpearhead", message: "Et spydspisskontor må også være pilotkontor." },
  Team_officeId_name_key: { path: "name", message: "Kontoret har allerede et team med dette navnet." },
  Team_not_own_parent: { path: "parentId", message: "Et team kan ikke være sitt eget overordnede team." },
  Role_code_key: { path: "code", message: "Rollekoden er allerede i bruk." },
  Service_code_key: { path: "code", message: "Tjenestekoden er allerede i bruk." },
  Service_deadline_positive: { path: "deadlineDays", message: "Fristen må være minst én dag." },
  Person_email_key: { path: "email", message: "E-postadressen er allerede i bruk." },
  Assignment_fte_range: { path: "fte", message: "Stillingsandelen må være over 0 og høyst 1." },
  Assignment_end_after_start: { path: "endDate", message: "Sluttdato kan ikke være før startdato." },
  Assignment_not_reporting_to_self: { path: "reportsToId", message: "En person kan ikke rapportere til seg selv." },
  Practice_code_key: { path: "code", message: "Praksiskoden er allerede i bruk." },
  Kpi_code_key: { path: "code", message: "KPI-koden er allerede i bruk." },
};

interface PostgresFailure {
  sqlState: string;
  message: string;
}

/**
 * The PostgreSQL error inside whatever Prisma threw. PGlite's adapter throws a
 * DriverAdapterError with `cause.code`; the pg adapter wraps known ones in a
 * PrismaClientKnownRequestError with `meta.driverAdapterError.cause.originalCode`.
 */
function postgresFailure(error: unknown): PostgresFailure | null {
  const e = error as {
    cause?: { code?: unknown; originalCode?: unknown; message?: unknown; originalMessage?: unknown };
    meta?: { driverAdapterError?: { cause?: { originalCode?: unknown; originalMessage?: unknown } } };
  } | null;
  const cause = e?.meta?.driverAdapterError?.cause ?? e?.cause;
  if (!cause) return null;
  const c = cause as { code?: unknown; originalCode?: unknown; message?: unknown; originalMessage?: unknown };
  const sqlState = c.originalCode ?? c.code;
  const message = c.originalMessage ?? c.message;
  return typeof sqlState === "string" && /^[0-9A-Z]{5}$/.test(sqlState)
    ? { sqlState, message: typeof message === "string" ? message : "" }
    : null;
}

/**
 * True when PostgreSQL cancelled the statement (SQLSTATE 57014: the pool's statement_timeout,
 * issue 13). Looks through GraphQL's wrapping (`originalError`) to the driver's error.
 */
export function isStatementTimeout(error: unknown): boolean {
  for (let current = error; current; current = (current as { originalError?: unknown }).originalError) {
    if (postgresFailure(current)?.sqlState === "57014") return true;
  }
  return false;
}

/** The name of the constraint a database refusal names, e.g. "Scenario_one_approved_per_merger"; null otherwise. */
export function violatedConstraint(error: unknown): string | null {
  const failure = postgresFailure(error);
  return failure ? (/constraint "([^"]+)"/.exec(failure.message)?.[1] ?? null) : null;
}

/** A typed error for a database refusal, or null when the error is not one we expect. */
export function translateDbError(error: unknown): SamlaError | null {
  if (error instanceof SamlaError) return error;
  const prismaCode = (error as { code?: unknown } | null)?.code;
  if (prismaCode === "P2025") return new NotFoundError("Record", "?", "Fant ikke det som skulle endres.");

  const failure = postgresFailure(error);
  if (!failure) return null;
  const constraint = /constraint "([^"]+)"/.exec(failure.message)?.[1];
  const known = constraint ? CONSTRAINTS[constraint] : undefined;
  switch (failure.sqlState) {
    case "23505": // unique_violation
    case "23514": // check_violation
    case "23502": // not_null_violation
    case "22001": // string_data_right_truncation
    case "22003": // numeric_value_out_of_range
      return known
        ? ValidationError.field(known.path, known.message)
        : new ValidationError(`Endringen bryter en regel i databasen${constraint ? ` (${constraint})` : ""}.`);
    case "23503": // foreign_key_violation
      return new ConflictError("Endringen viser til noe som ikke finnes lenger, eller noe annet viser fortsatt hit.");
    case "40001": // serialization_failure
    case "40P01": // deadlock_detected
    case "55P03": // lock_not_available
      return new ConflictError("Noen andre endret de samme dataene samtidig. Prøv igjen.");
    default:
      return null;
  }
}
