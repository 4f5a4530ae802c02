// English texts of the scenario analysis screens (issue 5); spread into en.ts.
import type { scenarioAnalysisNb } from "./scenario-analysis.nb";

export const scenarioAnalysisEn: Record<keyof typeof scenarioAnalysisNb, string> = {
};
