// Loading the comparison. Opening a heatmap cell or choosing another service changes the
// URL (the view state is shareable), which runs the route's loader again; the parts that
// did not change are then answered from the last request instead of asking the API again.
import { expectTypename, request, type ResultOf } from "../../graphql";
import {
  MethodCaseFlowsQuery,
  MethodComparisonQuery,
  MethodMaturityHistoryQuery,
} from "./documents";
import { comparisonKey, type ComparisonVariables, type OpenCell } from "./url-state";

type ComparisonResult = ResultOf<typeof MethodComparisonQuery>["methodComparison"];
export type Comparison = Extract<ComparisonResult, { __typename: "MethodComparison" }>;
export type ComparedOffice = Comparison["offices"][number];
export type ComparedPractice = Comparison["maturity"]["practices"][number];
export type MaturityCellData = Comparison["maturity"]["cells"][number];
export type KpiSeriesData = Comparison["kpis"][number];
export type SummaryRow = Comparison["summary"][number];

type CaseFlowsResult = ResultOf<typeof MethodCaseFlowsQuery>;
export type CaseFlowsData = {
  stageNames: Map<string, string>;
  comparison: NonNullable<Extract<CaseFlowsResult["methodComparison"], { __typename: "MethodComparison" }>["caseFlows"]>;
} | null;
export type CaseFlowComparisonData = NonNullable<CaseFlowsData>["comparison"];

type HistoryResult = ResultOf<typeof MethodMaturityHistoryQuery>["methodComparison"];
export type MaturityHistory = Extract<HistoryResult, { __typename: "MethodComparison" }>["maturityHistory"];

/** The last promise per part, while the screen is open. */
class LastRequest<T> {
  private key: string | null = null;
  private promise: Promise<T> | null = null;

  get(key: string, load: () => Promise<T>): Promise<T> {
    if (this.key === key && this.promise) return this.promise;
    const promise = load();
    this.key = key;
    this.promise = promise;
    // A failed request is not reused: the next visit asks again.
    promise.catch(() => {
      if (this.promise === promise) this.clear();
    });
    return promise;
  }

  clear(): void {
    this.key = null;
    this.promise = null;
  }
}

const comparisonRequests = new LastRequest<Comparison>();
const caseFlowRequests = new LastRequest<CaseFlowsData>();

/** Forget the cached answers (the screen was left: data may have changed meanwhile). */
export function forgetComparisonRequests(): void {
  comparisonRequests.clear();
  caseFlowRequests.clear();
}

// No abort signal on the shared requests: a later navigation on the same screen (opening
// a cell) must not cancel a request whose answer it is about to reuse.
export function loadComparison(variables: ComparisonVariables): Promise<Comparison> {
  return comparisonRequests.get(comparisonKey(variables), async () => {
    const data = await request(MethodComparisonQuery, variables);
    return expectTypename(data.methodComparison, "MethodComparison");
  });
}

export function loadCaseFlows(variables: ComparisonVariables, serviceId: string | null): Promise<CaseFlowsData> {
  return caseFlowRequests.get(`${comparisonKey(variables)}|${serviceId ?? ""}`, async () => {
    const data = await request(MethodCaseFlowsQuery, { ...variables, serviceId });
    const comparison = expectTypename(data.methodComparison, "MethodComparison").caseFlows;
    if (!comparison) return null;
    return { stageNames: new Map(data.caseFlowStages.map((stage) => [stage.key, stage.name])), comparison };
  });
}

export async function loadMaturityHistory(variables: ComparisonVariables, cell: OpenCell, signal?: AbortSignal): Promise<MaturityHistory> {
  const data = await request(MethodMaturityHistoryQuery, { ...variables, ...cell }, { signal });
  return expectTypename(data.methodComparison, "MethodComparison").maturityHistory;
}
