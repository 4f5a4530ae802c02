// What the other screens use from the scenario analysis: the editor's panels and links.
export { ImpactPanel, type ScenarioPanelProps } from "./ImpactPanel";
export { HealthChecksPanel } from "./HealthChecksPanel";
export { compareUrl, printUrl, HEALTH_SETTINGS_URL } from "./urls";
