// The review lifecycle's rules, shared by the review mutations and the merger completion:
// which status may follow which, what a stale version names, and what a design must
// satisfy before it goes to review.
import type { Scenario, ScenarioStatus } from "@samla/schema";
import type { Tx } from "../lib/audit";
import { ConflictError, ValidationError, type FieldError } from "../lib/errors";

/** Each status and where it may go next. An applied scenario goes nowhere (checked separately). */
export const SCENARIO_TRANSITIONS: Record<ScenarioStatus, ScenarioStatus[]> = {
  DRAFT: ["IN_REVIEW", "ARCHIVED"],
  IN_REVIEW: ["APPROVED", "DRAFT", "ARCHIVED"],
  APPROVED: ["ARCHIVED"],
  ARCHIVED: [],
};

/** Norwegian status names, as the UI shows them. */
export const SCENARIO_STATUS_NAMES: Record<ScenarioStatus, string> = {
  DRAFT: "utkast",
  IN_REVIEW: "til godkjenning",
  APPROVED: "godkjent",
  ARCHIVED: "arkivert",
};

/** What moving to a status is called, for messages: "kan ikke <verb>". */
export const SCENARIO_TRANSITION_VERBS: Record<ScenarioStatus, string> = {
  DRAFT: "sendes tilbake til utkast",
  IN_REVIEW: "sendes til godkjenning",
  APPROVED: "godkjennes",
  ARCHIVED: "arkiveres",
};

/** The audit snapshot of a scenario's review state. */
export function scenarioReviewSnapshot(scenario: Scenario) {
  return {
    name: scenario.name,
    status: scenario.status,
    submittedByName: scenario.submittedByName,
    approvedByName: scenario.approvedByName,
    appliedAt: scenario.appliedAt?.toISOString() ?? null,
    version: scenario.version,
  };
}

/** Review actions' audit names and how a stale-version message tells of them. */
const REVIEW_ACTION_SUMMARIES: Record<string, string> = {
  submitScenario: "sendt til godkjenning",
  approveScenario: "godkjent",
  returnScenario: "sendt tilbake til utkast",
  archiveScenario: "arkivert",
  updateMerger: "tatt i bruk da sammenslåingen ble fullført",
};

/**
 * The ConflictError for a stale `version`: names what happened since the client's version,
 * from the scenario's edits (ScenarioChange summaries) and its review steps (audit log).
 */
export async function scenarioVersionConflict(
  tx: Tx,
  scenario: Pick<Scenario, "id" | "name" | "version">,
  expectedVersion: number,
): Promise<ConflictError> {
  const [changes, events] = await Promise.all([
    tx.scenarioChange.findMany({
      where: { scenarioId: scenario.id, version: { gt: expectedVersion } },
      orderBy: { version: "asc" },
      select: { version: true, summary: true },
    }),
    tx.auditEvent.findMany({
      where: { entityType: "Scenario", entityId: scenario.id, action: { in: Object.keys(REVIEW_ACTION_SUMMARIES) } },
      orderBy: { createdAt: "asc" },
      select: { action: true, actorName: true, after: true },
    }),
  ]);
  const happened = [
    ...changes.map((change) => ({ version: change.version, summary: change.summary })),
    ...events.flatMap((event) => {
      const version = (event.after as { version?: unknown } | null)?.version;
      return typeof version === "number" && version > expectedVersion
        ? [{ version, summary: `Scenarioet ble ${REVIEW_ACTION_SUMMARIES[event.action]} av ${event.actorName}` }]
        : [];
    }),
  ].sort((a, b) => a.version - b.version);
  const summaries = happened.map((h) => h.summary);
  return new ConflictError(
    `Scenarioet «${scenario.name}» er endret siden du hentet det (du har versjon ${expectedVersion}, ` +
      `gjeldende er versjon ${scenario.version})${summaries.length ? `: ${summaries.join("; ")}` : ""}. ` +
      "Hent siste versjon og prøv igjen.",
    scenario.version,
    summaries,
  );
}

/** Lower-case, single-spaced: "Marked " and "marked" are the same team name to a reader. */
function nameKey(name: string): string {
  return name.trim().replace(/\s+/g, " ").toLocaleLowerCase("nb");
}

/**
 * Why a design cannot go to review: open to-be teams with the same name (they would clash
 * in the target office), and services the as-is offices deliver that no open to-be team
 * delivers. Empty when it may.
 */
export async function designProblems(tx: Tx, scenarioId: string): Promise<FieldError[]> {
  const [teams, asIsServices] = await Promise.all([
    tx.scenarioTeam.findMany({
      where: { scenarioId, action: { not: "CLOSED" } },
      orderBy: [{ position: "asc" }, { id: "asc" }],
      select: { name: true, services: { select: { id: true } } },
    }),
    tx.service.findMany({
      where: { teams: { some: { office: { scenarios: { some: { id: scenarioId } } } } } },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
  ]);
  const problems: FieldError[] = [];
  const byName = new Map<string, string[]>();
  for (const team of teams) byName.set(nameKey(team.name), [...(byName.get(nameKey(team.name)) ?? []), team.name]);
  for (const names of byName.values()) {
    if (names.length > 1) {
      problems.push({ path: "teams", message: `${names.length} team har navnet «${names[0]!.trim()}»; gi dem ulike navn.` });
    }
  }
  const covered = new Set(teams.flatMap((team) => team.services.map((service) => service.id)));
  const uncovered = asIsServices.filter((service) => !covered.has(service.id));
  if (uncovered.length) {
    problems.push({
      path: "services",
      message: `Ingen team leverer ${uncovered.map((s) => s.name).join(", ")}, som kontorene leverer i dag.`,
    });
  }
  return problems;
}

/** ValidationError listing the design's problems, if any. */
export async function checkDesignReady(tx: Tx, scenarioId: string): Promise<void> {
  const problems = await designProblems(tx, scenarioId);
  if (problems.length) {
    throw new ValidationError(
      `Scenarioet kan ikke sendes til godkjenning: ${problems.map((p) => p.message).join(" ")}`,
      problems,
    );
  }
}
