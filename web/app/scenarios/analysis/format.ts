// Number formats of the analysis screens: figures, FTE sums and signed differences.
import { getLocale, t, type MessageKey } from "../../i18n";

const INTL_LOCALE = { nb: "nb-NO", en: "en-GB" } as const;

/** A figure with at most `digits` decimals in the current language (12,5 / 12.5). */
export function formatFigure(value: number, digits = 2): string {
  return new Intl.NumberFormat(INTL_LOCALE[getLocale()], { maximumFractionDigits: digits }).format(value);
}

/**
 * A difference with its sign: "+3", "−1,5" (a real minus sign, which screen readers read
 * as minus), "0". Rounded to `digits` first, so 0.0000001 is "0", not "+0".
 */
export function formatDifference(value: number, digits = 2): string {
  const factor = 10 ** digits;
  const rounded = Math.round(value * factor) / factor;
  if (rounded === 0) return "0";
  const magnitude = formatFigure(Math.abs(rounded), digits);
  return rounded > 0 ? `+${magnitude}` : `−${magnitude}`;
}

/** A threshold or element value as the API gives it (a number, a text or nothing). */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined || value === "") return "";
  if (typeof value === "number") return formatFigure(value);
  const numeric = typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
  return Number.isNaN(numeric) ? String(value) : formatFigure(numeric);
}

/** The texts of an action (NEW, CHANGED, CLOSED, UNCHANGED) and a graph change (adds MOVED). */
export type ActionCode = "NEW" | "CHANGED" | "CLOSED" | "UNCHANGED" | "MOVED";

const ACTION_KEYS = {
  NEW: "analysis.action.NEW",
  CHANGED: "analysis.action.CHANGED",
  CLOSED: "analysis.action.CLOSED",
  UNCHANGED: "analysis.action.UNCHANGED",
  MOVED: "analysis.action.MOVED",
} as const satisfies Record<ActionCode, MessageKey>;

export function actionName(action: ActionCode): string {
  return t(ACTION_KEYS[action]);
}

/** "1. januar 2020, bølge 2": when an element's action takes effect. */
export function effectiveText(
  element: { effectiveDate?: string | null; wave?: number | null },
  scenarioDate: string,
  formatDate: (iso: string) => string,
): string {
  const date = formatDate(element.effectiveDate ?? scenarioDate);
  return element.wave != null ? t("analysis.effective.withWave", { date, wave: element.wave }) : date;
}
