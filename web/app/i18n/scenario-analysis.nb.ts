// Bokmål texts of the scenario analysis screens (issue 5); spread into nb.ts.
export const scenarioAnalysisNb = {
} as const;
