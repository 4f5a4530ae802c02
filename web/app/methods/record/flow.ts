// A case flow's totals as the recording screen shows them, and the step rows its editor
// works on (text as typed, so "2,5" survives until it is checked).
import { decimalForInput, decimalPlaces, parseDecimal } from "./format";

export interface FlowStepFigures {
  durationDays: number;
  waitingDays: number;
  handOffs: number;
}

export interface FlowTotals {
  /** Working time plus waiting time over all steps, in days. */
  leadTimeDays: number;
  waitingDays: number;
  /** Waiting time as a share of the lead time (0-1); 0 for an empty flow. */
  waitingShare: number;
  handOffs: number;
}

export function flowTotals(steps: readonly FlowStepFigures[]): FlowTotals {
  const working = steps.reduce((sum, step) => sum + step.durationDays, 0);
  const waitingDays = steps.reduce((sum, step) => sum + step.waitingDays, 0);
  const leadTimeDays = working + waitingDays;
  return {
    leadTimeDays,
    waitingDays,
    waitingShare: leadTimeDays > 0 ? waitingDays / leadTimeDays : 0,
    handOffs: steps.reduce((sum, step) => sum + step.handOffs, 0),
  };
}

/** One step in the editor. `key` keeps React's rows stable while steps are added and removed. */
export interface StepDraft {
  key: number;
  stageKey: string;
  name: string;
  responsibleRoleId: string;
  durationDays: string;
  waitingDays: string;
  handOffs: string;
}

let nextKey = 1;

export function emptyStep(stageKey: string): StepDraft {
  return { key: nextKey++, stageKey, name: "", responsibleRoleId: "", durationDays: "", waitingDays: "", handOffs: "0" };
}

/** The steps of a recorded flow as editor rows, to start a new recording from the current one. */
export function draftsFrom(
  steps: ReadonlyArray<FlowStepFigures & { stageKey: string; name: string; responsibleRole?: { id: string } | null }>,
): StepDraft[] {
  return steps.map((step) => ({
    key: nextKey++,
    stageKey: step.stageKey,
    name: step.name,
    responsibleRoleId: step.responsibleRole?.id ?? "",
    durationDays: decimalForInput(step.durationDays),
    waitingDays: decimalForInput(step.waitingDays),
    handOffs: String(step.handOffs),
  }));
}

export type StepField = "name" | "durationDays" | "waitingDays" | "handOffs";

export interface CheckedStep {
  stageKey: string;
  name: string;
  responsibleRoleId: string | null;
  durationDays: number;
  waitingDays: number;
  handOffs: number;
}

/**
 * Checks the rows as the API would (names given, days ≥ 0 with at most two decimals,
 * hand-offs a whole number ≥ 0). Errors are keyed by step index and field; message keys
 * are returned so the caller words them.
 */
export function checkSteps(drafts: readonly StepDraft[]): {
  steps: CheckedStep[];
  errors: Array<{ index: number; field: StepField; problem: "required" | "number" | "negative" | "decimals" | "whole" }>;
} {
  const steps: CheckedStep[] = [];
  const errors: ReturnType<typeof checkSteps>["errors"] = [];
  drafts.forEach((draft, index) => {
    const name = draft.name.trim();
    if (!name) errors.push({ index, field: "name", problem: "required" });
    const days = (field: "durationDays" | "waitingDays"): number => {
      const text = draft[field].trim();
      if (!text) {
        errors.push({ index, field, problem: "required" });
        return 0;
      }
      const value = parseDecimal(text);
      if (value === null) errors.push({ index, field, problem: "number" });
      else if (value < 0) errors.push({ index, field, problem: "negative" });
      else if (decimalPlaces(text) > 2) errors.push({ index, field, problem: "decimals" });
      return value ?? 0;
    };
    const durationDays = days("durationDays");
    const waitingDays = days("waitingDays");
    const handOffsText = draft.handOffs.trim();
    const handOffs = parseDecimal(handOffsText || "0");
    if (handOffs === null || !Number.isInteger(handOffs)) errors.push({ index, field: "handOffs", problem: "whole" });
    else if (handOffs < 0) errors.push({ index, field: "handOffs", problem: "negative" });
    steps.push({
      stageKey: draft.stageKey,
      name,
      responsibleRoleId: draft.responsibleRoleId || null,
      durationDays,
      waitingDays,
      handOffs: handOffs ?? 0,
    });
  });
  return { steps, errors };
}
