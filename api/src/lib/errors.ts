// Expected failures. Mutations list the ones they can raise; the errors plugin turns them
// into typed GraphQL results (see error-types.ts). Messages are Norwegian: the UI shows them.

export interface FieldError {
  /** Dotted path inside the mutation's input, e.g. "code" or "sourceOfficeIds.1". */
  path: string;
  message: string;
}

export abstract class SamlaError extends Error {
  abstract readonly code: string;
}

export class ValidationError extends SamlaError {
  override name = "ValidationError";
  readonly code = "VALIDATION_FAILED";
  constructor(
    message: string,
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(message);
  }

  static field(path: string, message: string): ValidationError {
    return new ValidationError(message, [{ path, message }]);
  }
}

export class NotFoundError extends SamlaError {
  override name = "NotFoundError";
  readonly code = "NOT_FOUND";
  constructor(
    /** GraphQL type name, e.g. "Office" */
    readonly entityType: string,
    /** The id as the client sent it (a global id). */
    readonly entityId: string,
    message = `Fant ikke ${ENTITY_NAMES[entityType] ?? entityType} med id ${entityId}.`,
  ) {
    super(message);
  }
}

export class ConflictError extends SamlaError {
  override name = "ConflictError";
  readonly code = "CONFLICT";
  constructor(
    message: string,
    /** The version now stored, when the conflict is a stale `version`. */
    readonly currentVersion: number | null = null,
    /** Fields changed by others since the version the client had. */
    readonly changedFields: string[] = [],
  ) {
    super(message);
  }
}

export class AssignmentOverlapError extends SamlaError {
  override name = "AssignmentOverlapError";
  readonly code = "ASSIGNMENT_OVERLAP";
  constructor(
    message: string,
    /** Database id of the assignment the new one overlaps. */
    readonly overlappingAssignmentId: string,
  ) {
    super(message);
  }
}

export class FteLimitError extends SamlaError {
  override name = "FteLimitError";
  readonly code = "FTE_LIMIT_EXCEEDED";
  constructor(
    message: string,
    /** First day on which the limit would be exceeded. */
    readonly date: Date,
    /** The person's FTE that day before the change, exact decimal as text. */
    readonly existingFte: string,
    readonly requestedFte: string,
    readonly limit: string,
  ) {
    super(message);
  }
}

export class InvalidStatusTransitionError extends SamlaError {
  override name = "InvalidStatusTransitionError";
  readonly code = "INVALID_STATUS_TRANSITION";
  constructor(
    message: string,
    readonly from: string,
    readonly to: string,
    readonly allowed: string[],
  ) {
    super(message);
  }
}

/**
 * A rule about who may do something in a given case refuses it, though the caller's role
 * may use the mutation: e.g. approving a scenario one submitted oneself.
 */
export class NotAllowedError extends SamlaError {
  override name = "NotAllowedError";
  readonly code = "NOT_ALLOWED";
  constructor(
    message: string,
    /** Short machine-readable name of the rule, e.g. "SELF_APPROVAL". */
    readonly rule: string,
  ) {
    super(message);
  }
}

/** Norwegian nouns for messages, by GraphQL type name. */
export const ENTITY_NAMES: Record<string, string> = {
  Office: "kontor",
  Team: "team",
  Role: "rolle",
  Service: "tjeneste",
  Person: "person",
  Assignment: "tilsetting",
  Merger: "sammenslåing",
  Municipality: "kommune",
  SsoUser: "SSO-bruker",
  Scenario: "scenario",
  ScenarioTeam: "team i scenarioet",
  ScenarioPosition: "stilling i scenarioet",
  Practice: "praksis",
  PracticeVersion: "praksisversjon",
  Kpi: "KPI",
  MaturityAssessment: "modenhetsvurdering",
  ProcessFlow: "saksflyt",
  ProcessStep: "prosesssteg",
  KpiMeasurement: "KPI-måling",
  UserInsight: "brukerinnsikt",
  CultureAssessment: "kulturvurdering",
  RolloutWave: "innføringsbølge",
  OfficeRollout: "kontorets plass i innføringen",
  ProgressReport: "statusrapport",
};
