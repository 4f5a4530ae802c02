// English texts of the scenario editor screens (issue 5); spread into en.ts.
import type { scenarioEditorNb } from "./scenario-editor.nb";

export const scenarioEditorEn: Record<keyof typeof scenarioEditorNb, string> = {
};
