// Bokmål texts of the scenario editor screens (issue 5); spread into nb.ts.
export const scenarioEditorNb = {
} as const;
