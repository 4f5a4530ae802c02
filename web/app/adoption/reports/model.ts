// The progress report's form as plain data: what the leader typed (KPI values as text,
// as people type them), what goes to saveProgressReport, which fields changed since the
// last save, and how a conflict keeps those changes on top of the latest version.
import { t } from "../../i18n";
import { formatMonth } from "../../methods/compare/format";
import { parseDecimal } from "../../methods/record/format";

export const ADOPTION_STAGES = ["NOT_STARTED", "PREPARING", "PILOTING", "ADOPTED", "EMBEDDED"] as const;
export type AdoptionStageValue = (typeof ADOPTION_STAGES)[number];

export const REPORT_STATUSES = ["DRAFT", "SUBMITTED", "CHANGES_REQUESTED", "ACKNOWLEDGED"] as const;
export type ReportStatusValue = (typeof REPORT_STATUSES)[number];

export const isAdoptionStage = (value: unknown): value is AdoptionStageValue =>
  typeof value === "string" && (ADOPTION_STAGES as readonly string[]).includes(value);
export const isReportStatus = (value: unknown): value is ReportStatusValue =>
  typeof value === "string" && (REPORT_STATUSES as readonly string[]).includes(value);

export const stageName = (stage: AdoptionStageValue): string => t(`reports.stage.${stage}`);
export const statusName = (status: ReportStatusValue): string => t(`reports.status.${status}`);

/** A report's month as people say it: "november 2026". */
export const reportMonth = (period: string): string => formatMonth(period, "long");

/** The first day of the month before `period` (yyyy-mm-01). */
export function previousMonth(period: string): string {
  const [year, month] = period.split("-").map(Number);
  const date = new Date(Date.UTC(year!, month! - 2, 1));
  return date.toISOString().slice(0, 10);
}

/** Whole days from `fromIso` to `toIso` (yyyy-mm-dd), negative when `toIso` is earlier. */
export function daysBetween(fromIso: string, toIso: string): number {
  const utc = (iso: string) => {
    const [year, month, day] = iso.slice(0, 10).split("-").map(Number);
    return Date.UTC(year!, month! - 1, day!);
  };
  return Math.round((utc(toIso) - utc(fromIso)) / 86_400_000);
}

/** Submitted or acknowledged: the month's report is done (CHANGES_REQUESTED is not). */
export const isDone = (status: ReportStatusValue): boolean => status === "SUBMITTED" || status === "ACKNOWLEDGED";

/** What the leader has typed: stage and note per practice id, KPI value texts per KPI id, the three texts. */
export interface ReportDraft {
  stages: Record<string, { stage: AdoptionStageValue | ""; note: string }>;
  kpiTexts: Record<string, string>;
  learning: string;
  obstacles: string;
  helpNeeded: string;
}

/** The fields a change can touch, as keys of the set of unsaved changes. */
export type DraftField =
  | `stage:${string}`
  | `note:${string}`
  | `kpi:${string}`
  | "learning"
  | "obstacles"
  | "helpNeeded";

export interface ReportContent {
  stages: ReadonlyArray<{ practice: { id: string }; stage: AdoptionStageValue; note: string }>;
  kpiValues: ReadonlyArray<{ kpi: { id: string }; value: number }>;
  learning: string;
  obstacles: string;
  helpNeeded: string;
}

/** The form's starting point: the report as saved, KPI values written as a person would type them. */
export function draftFromReport(
  report: ReportContent,
  practiceIds: readonly string[],
  formatValue: (value: number) => string,
): ReportDraft {
  const stages: ReportDraft["stages"] = {};
  for (const id of practiceIds) stages[id] = { stage: "", note: "" };
  for (const entry of report.stages) stages[entry.practice.id] = { stage: entry.stage, note: entry.note };
  return {
    stages,
    kpiTexts: Object.fromEntries(report.kpiValues.map((entry) => [entry.kpi.id, formatValue(entry.value)])),
    learning: report.learning,
    obstacles: report.obstacles,
    helpNeeded: report.helpNeeded,
  };
}

/** The draft with one field changed. */
export function changeDraft(draft: ReportDraft, field: DraftField, value: string): ReportDraft {
  const [kind, id = ""] = field.split(/:(.*)/s) as [string, string?];
  switch (kind) {
    case "stage": {
      const current = draft.stages[id] ?? { stage: "", note: "" };
      return { ...draft, stages: { ...draft.stages, [id]: { ...current, stage: isAdoptionStage(value) ? value : "" } } };
    }
    case "note": {
      const current = draft.stages[id] ?? { stage: "", note: "" };
      return { ...draft, stages: { ...draft.stages, [id]: { ...current, note: value } } };
    }
    case "kpi":
      return { ...draft, kpiTexts: { ...draft.kpiTexts, [id]: value } };
    case "learning":
    case "obstacles":
    case "helpNeeded":
      return { ...draft, [kind]: value };
    default:
      return draft;
  }
}

/** One field's value in a draft (for carrying it over after a conflict). */
function fieldValue(draft: ReportDraft, field: DraftField): string {
  const [kind, id = ""] = field.split(/:(.*)/s) as [string, string?];
  switch (kind) {
    case "stage":
      return draft.stages[id]?.stage ?? "";
    case "note":
      return draft.stages[id]?.note ?? "";
    case "kpi":
      return draft.kpiTexts[id] ?? "";
    case "learning":
    case "obstacles":
    case "helpNeeded":
      return draft[kind];
    default:
      return "";
  }
}

/**
 * After a conflict: the latest saved version, with the fields this user changed since
 * their last successful save put back on top. Nothing they typed is lost, and what the
 * other change touched elsewhere is kept.
 */
export function mergeUnsaved(latest: ReportDraft, mine: ReportDraft, unsaved: ReadonlySet<DraftField>): ReportDraft {
  let merged = latest;
  for (const field of unsaved) merged = changeDraft(merged, field, fieldValue(mine, field));
  return merged;
}

export interface SaveValues {
  stages: Array<{ practiceId: string; stage: AdoptionStageValue; note: string }>;
  kpiValues: Array<{ kpiId: string; value: number }>;
  learning: string;
  obstacles: string;
  helpNeeded: string;
}

/**
 * What saveProgressReport gets from the draft (in the given practice and KPI order), and
 * the KPI ids whose text is not a number. Those are left out of the save (the field shows
 * its error and keeps the text) so the rest of the report is still saved.
 */
export function saveValues(
  draft: ReportDraft,
  practiceIds: readonly string[],
  kpiIds: readonly string[],
): { values: SaveValues; invalidKpiIds: string[] } {
  const invalidKpiIds: string[] = [];
  const kpiValues: SaveValues["kpiValues"] = [];
  for (const kpiId of kpiIds) {
    const text = draft.kpiTexts[kpiId]?.trim() ?? "";
    if (!text) continue;
    const value = parseDecimal(text);
    if (value === null) invalidKpiIds.push(kpiId);
    else kpiValues.push({ kpiId, value });
  }
  const stages: SaveValues["stages"] = [];
  for (const practiceId of practiceIds) {
    const entry = draft.stages[practiceId];
    if (entry && entry.stage) stages.push({ practiceId, stage: entry.stage, note: entry.note.trim() });
  }
  return {
    values: { stages, kpiValues, learning: draft.learning, obstacles: draft.obstacles, helpNeeded: draft.helpNeeded },
    invalidKpiIds,
  };
}

/** Practices without a stage: submitting needs one for each. */
export function practicesWithoutStage(draft: ReportDraft, practiceIds: readonly string[]): string[] {
  return practiceIds.filter((id) => !draft.stages[id]?.stage);
}

/** One submission's snapshot, read defensively: the API keeps it as JSON. */
export interface SubmissionContent {
  /** `practiceRef`/`kpiRef`: the code the snapshot names the practice or KPI by (or its id). */
  stages: Array<{ practiceRef: string | null; practiceName: string | null; stage: AdoptionStageValue | null; note: string }>;
  kpiValues: Array<{ kpiRef: string | null; kpiName: string | null; unit: string | null; value: number | null }>;
  learning: string;
  obstacles: string;
  helpNeeded: string;
}

const text = (value: unknown): string => (typeof value === "string" ? value : "");
const textOrNull = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);
const record = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** A field nested as `{ practice: { code, name } }` or flat as `practiceCode`/`practiceName`. */
function nested(entry: Record<string, unknown>, object: string, field: "code" | "id" | "name" | "unit"): string | null {
  const inner = record(entry[object]);
  const flatKey = `${object}${field[0]!.toUpperCase()}${field.slice(1)}`;
  return textOrNull(inner[field]) ?? textOrNull(entry[flatKey]);
}

export function parseSubmissionContent(content: unknown): SubmissionContent {
  const root = record(content);
  return {
    stages: list(root.stages).map((raw) => {
      const entry = record(raw);
      return {
        practiceRef: nested(entry, "practice", "code") ?? nested(entry, "practice", "id"),
        practiceName: nested(entry, "practice", "name"),
        stage: isAdoptionStage(entry.stage) ? entry.stage : null,
        note: text(entry.note),
      };
    }),
    kpiValues: list(root.kpiValues).map((raw) => {
      const entry = record(raw);
      const value = typeof entry.value === "number" ? entry.value : typeof entry.value === "string" ? Number(entry.value) : NaN;
      return {
        kpiRef: nested(entry, "kpi", "code") ?? nested(entry, "kpi", "id"),
        kpiName: nested(entry, "kpi", "name"),
        unit: nested(entry, "kpi", "unit"),
        value: Number.isFinite(value) ? value : null,
      };
    }),
    learning: text(root.learning),
    obstacles: text(root.obstacles),
    helpNeeded: text(root.helpNeeded),
  };
}
