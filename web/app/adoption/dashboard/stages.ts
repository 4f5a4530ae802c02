// The five adoption stages: their order (binding, see the contract), their names and the
// colours the dashboard draws them in. Pure, so the contrast choices are unit-tested.
import { t, type MessageKey } from "../../i18n";

export const STAGES = ["NOT_STARTED", "PREPARING", "PILOTING", "ADOPTED", "EMBEDDED"] as const;
export type Stage = (typeof STAGES)[number];

export function stageIndex(stage: Stage): number {
  return STAGES.indexOf(stage);
}

/** "Adopted" means ADOPTED or further. */
export function isAdopted(stage: Stage): boolean {
  return stageIndex(stage) >= stageIndex("ADOPTED");
}

const STAGE_KEYS: Record<Stage, MessageKey> = {
  NOT_STARTED: "adoption.dashboard.stage.NOT_STARTED",
  PREPARING: "adoption.dashboard.stage.PREPARING",
  PILOTING: "adoption.dashboard.stage.PILOTING",
  ADOPTED: "adoption.dashboard.stage.ADOPTED",
  EMBEDDED: "adoption.dashboard.stage.EMBEDDED",
};

export function stageName(stage: Stage): string {
  return t(STAGE_KEYS[stage]);
}

/**
 * One colour per stage, lightest for "not started": amber while preparing (a different
 * hue, so it stands apart from the blues even in grey print), then darker blues up to
 * "embedded". Each has a text colour with at least 4.5:1 contrast; cells always print the
 * stage name (or its short form) too, so colour is never the only carrier.
 */
const STAGE_COLOURS: Record<Stage, { background: string; text: string }> = {
  NOT_STARTED: { background: "#eceef1", text: "#202733" },
  PREPARING: { background: "#f7cf7c", text: "#3d2600" },
  PILOTING: { background: "#9cc3ec", text: "#0b2a4a" },
  ADOPTED: { background: "#2f6fb8", text: "#ffffff" },
  EMBEDDED: { background: "#0b3a6e", text: "#ffffff" },
};

export function stageColours(stage: Stage): { background: string; text: string } {
  return STAGE_COLOURS[stage];
}

/** The colour of a share 0-1 in the practice timeline heatmap (light to dark blue), with its text colour. */
const SHARE_STEPS: ReadonlyArray<{ upTo: number; background: string; text: string }> = [
  { upTo: 0, background: "#ffffff", text: "#202733" },
  { upTo: 0.2, background: "#e3eefa", text: "#202733" },
  { upTo: 0.4, background: "#b8d4f1", text: "#0b2a4a" },
  { upTo: 0.6, background: "#7aaee3", text: "#0b2a4a" },
  { upTo: 0.8, background: "#2f6fb8", text: "#ffffff" },
  { upTo: 1, background: "#0b3a6e", text: "#ffffff" },
];

export function shareColours(share: number): { background: string; text: string } {
  const clamped = Math.min(Math.max(share, 0), 1);
  return SHARE_STEPS.find((step) => clamped <= step.upTo + 1e-9) ?? SHARE_STEPS[SHARE_STEPS.length - 1]!;
}

/** The share steps, for the legend. */
export function shareSteps(): ReadonlyArray<{ upTo: number; background: string; text: string }> {
  return SHARE_STEPS;
}
