// The analysis of one scenario within one request: loaded once, modelled once, and shared by
// Scenario.impact, Scenario.healthChecks, scenarioExport and scenarioGraph, however many of them
// a query asks for. Also turns the plain rows back into the Prisma rows GraphQL types expect.
import type { ScenarioTeam, Team } from "@samla/schema";
import type { SamlaContext } from "../context";
import { parseDate } from "../lib/dates";
import { loadAnalysisData, type AnalysisData } from "./analysis-data";
import { computeHealthChecks, type HealthCheck } from "./analysis-health";
import { computeImpact, type ScenarioImpact } from "./analysis-impact";
import { analysisModel, type AnalysisModel } from "./analysis-model";
import type { TeamImage } from "./scenario-store";

export interface ScenarioAnalysis {
  data: AnalysisData;
  model: AnalysisModel;
  impact(): ScenarioImpact;
  healthChecks(): HealthCheck[];
  /** The as-is teams as Prisma rows (one query, made only when a client asks for them). */
  asIsTeamRows(): Promise<ReadonlyMap<string, Team>>;
}

const perRequest = new WeakMap<SamlaContext, Map<string, Promise<ScenarioAnalysis | null>>>();

function lazy<T>(compute: () => T): () => T {
  let value: { v: T } | null = null;
  return () => (value ??= { v: compute() }).v;
}

/** The analysis of `scenarioId` (a database id), or null when there is no such scenario. */
export function scenarioAnalysis(context: SamlaContext, scenarioId: string): Promise<ScenarioAnalysis | null> {
  let cache = perRequest.get(context);
  if (!cache) {
    cache = new Map();
    perRequest.set(context, cache);
  }
  let analysis = cache.get(scenarioId);
  if (!analysis) {
    analysis = loadAnalysisData(context.db, scenarioId).then((data) => {
      if (!data) return null;
      const model = analysisModel(data);
      const impact = lazy(() => computeImpact(model));
      return {
        data,
        model,
        impact,
        healthChecks: lazy(() => computeHealthChecks(model, data.settings, impact().serviceCoverage)),
        asIsTeamRows: lazy(async () => {
          const rows = await context.db.team.findMany({ where: { officeId: { in: data.scenario.officeIds } } });
          return new Map(rows.map((row) => [row.id, row]));
        }),
      };
    });
    cache.set(scenarioId, analysis);
  }
  return analysis;
}

/** As scenarioAnalysis, for a scenario known to exist (a field of it is being resolved). */
export async function existingScenarioAnalysis(context: SamlaContext, scenarioId: string): Promise<ScenarioAnalysis> {
  const analysis = await scenarioAnalysis(context, scenarioId);
  if (!analysis) throw new Error(`scenario ${scenarioId} vanished during the request`);
  return analysis;
}

const dateOrNull = (value: string | null) => (value ? parseDate(value) : null);

/** A design team image as the Prisma row the ScenarioTeam type resolves. */
export function scenarioTeamRow(scenarioId: string, team: TeamImage): ScenarioTeam {
  return {
    id: team.id,
    scenarioId,
    sourceTeamId: team.sourceTeamId,
    officeId: team.officeId,
    parentId: team.parentId,
    name: team.name,
    purpose: team.purpose,
    action: team.action,
    effectiveDate: dateOrNull(team.effectiveDate),
    wave: team.wave,
    position: team.position,
  };
}
