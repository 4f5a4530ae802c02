// Loading the dashboard, and the types of its parts (from the GraphQL documents).
import { request, type ResultOf } from "../../graphql";
import { AdoptionDashboardQuery, AdoptionWavesQuery } from "./documents";
import type { DashboardFilter } from "./url-state";

export type Dashboard = ResultOf<typeof AdoptionDashboardQuery>["adoptionDashboard"];
export type DashboardPractice = Dashboard["practices"][number];
export type DashboardSummary = Dashboard["summary"];
export type MatrixRow = Dashboard["matrix"][number];
export type MatrixCell = MatrixRow["cells"][number];
export type TimelinePoint = Dashboard["timeline"][number];
export type PracticeSeries = Dashboard["practiceTimeline"][number];
export type WaveProgress = Dashboard["waves"][number];
export type BehindPlanOffice = Dashboard["behindPlan"][number];
export type PracticeSpread = Dashboard["spread"][number];
export type RolloutWaveOption = ResultOf<typeof AdoptionWavesQuery>["rolloutWaves"][number];

export async function loadDashboard(filter: DashboardFilter, signal: AbortSignal): Promise<Dashboard> {
  const data = await request(AdoptionDashboardQuery, { filter }, { signal });
  return data.adoptionDashboard;
}

export async function loadWaves(signal: AbortSignal): Promise<RolloutWaveOption[]> {
  const data = await request(AdoptionWavesQuery, {}, { signal });
  return data.rolloutWaves;
}

/** The practices' names by id (the matrix, timeline and spread refer to practices by id). */
export function practiceNames(dashboard: Pick<Dashboard, "practices">): Map<string, string> {
  return new Map(dashboard.practices.map((practice) => [practice.id, practice.name]));
}
