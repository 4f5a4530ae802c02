// The impact estimate in plain words: "Kontorene som tok i bruk daglige tavlemøter fikk i
// snitt 2,3 dager kortere saksbehandlingstid enn kontorer som …". Pure (given the language),
// so the wording of every sign, unit and interval is unit-tested.
import { t, tPlural } from "../../i18n";
import { formatDecimal } from "../../methods/compare/format";

export type KpiDirection = "HIGHER_IS_BETTER" | "LOWER_IS_BETTER";

export interface ImpactKpi {
  name: string;
  unit: string;
  direction: KpiDirection;
}

/** Whether a change is good, bad or too small to show (rounds to 0 at one decimal). */
export type ChangeVerdict = "better" | "worse" | "same";

/** Decimals the texts show; a change that rounds to zero there is "the same". */
const DIGITS = 1;

function roundsToZero(value: number): boolean {
  return Math.abs(value) < 0.5 * 10 ** -DIGITS;
}

export function changeVerdict(change: number, direction: KpiDirection): ChangeVerdict {
  if (roundsToZero(change)) return "same";
  const up = change > 0;
  return up === (direction === "HIGHER_IS_BETTER") ? "better" : "worse";
}

/** "Daglige tavlemøter" → "daglige tavlemøter"; an acronym ("NAV-…", "KPI") keeps its capitals. */
export function lowerFirst(name: string): string {
  const [first = "", second = ""] = name;
  if (second && second === second.toUpperCase() && second !== second.toLowerCase()) return name;
  return first.toLowerCase() + name.slice(1);
}

type UnitKind = "days" | "percent" | "scale" | "other";

function unitKind(unit: string): UnitKind {
  const trimmed = unit.trim().toLowerCase();
  if (trimmed === "dager" || trimmed === "dag" || trimmed === "days") return "days";
  if (trimmed === "%") return "percent";
  if (trimmed === "" || /^\d+\s*[-–]\s*\d+$/.test(trimmed)) return "scale";
  return "other";
}

/**
 * The size of a difference in the KPI's unit, without sign: "2,3 dager", "4 prosentpoeng"
 * (a difference of two shares is in percentage points), "0,3 poeng" (a 1-5 score), "12 saker".
 */
export function formatAmount(difference: number, unit: string): string {
  const number = formatDecimal(Math.abs(difference), DIGITS);
  // Non-breaking spaces keep the number and its unit on one line.
  switch (unitKind(unit)) {
    case "days":
      // "1 dag" but "1,5 dager": the plural rule sees the number as it is shown.
      return `${number}\u00a0${tPlural("adoption.impact.unit.days", Math.abs(difference), undefined, { maximumFractionDigits: DIGITS })}`;
    case "percent":
      return `${number}\u00a0${t("adoption.impact.unit.percentPoints")}`;
    case "scale":
      return `${number}\u00a0${t("adoption.impact.unit.points")}`;
    case "other":
      return `${number}\u00a0${unit.trim()}`;
  }
}

/** "kortere"/"lengre" for durations, "lavere"/"høyere" for everything else. */
function comparative(difference: number, unit: string): string {
  const days = unitKind(unit) === "days";
  if (difference < 0) return t(days ? "adoption.impact.shorter" : "adoption.impact.lower");
  return t(days ? "adoption.impact.longer" : "adoption.impact.higher");
}

/** "2,3 dager kortere saksbehandlingstid" / "samme saksbehandlingstid". */
export function changePhrase(difference: number, kpi: ImpactKpi): string {
  const kpiName = lowerFirst(kpi.name);
  if (roundsToZero(difference)) return t("adoption.impact.sameAs", { kpi: kpiName });
  return `${formatAmount(difference, kpi.unit)} ${comparative(difference, kpi.unit)} ${kpiName}`;
}

/** A bound of the interval without the KPI's name: "1,1 dager kortere" / "0". */
function boundPhrase(value: number, unit: string): string {
  if (roundsToZero(value)) return formatDecimal(0, DIGITS);
  return `${formatAmount(value, unit)} ${comparative(value, unit)}`;
}

/**
 * The 95 % interval in the sentence's own terms: "1,1 til 3,5 dager kortere" when both
 * ends point the same way, "fra 3,5 dager kortere til 0,9 dager lengre" when it spans zero.
 */
export function intervalPhrase(low: number, high: number, unit: string): string {
  const sameSide = (low > 0 && high > 0) || (low < 0 && high < 0);
  if (sameSide && !roundsToZero(low) && !roundsToZero(high)) {
    const [near, far] = Math.abs(low) <= Math.abs(high) ? [low, high] : [high, low];
    const numbers = t("adoption.impact.range", {
      from: formatDecimal(Math.abs(near), DIGITS),
      to: formatAmount(far, unit),
    });
    return `${numbers} ${comparative(far, unit)}`;
  }
  return t("adoption.impact.rangeAcross", { from: boundPhrase(low, unit), to: boundPhrase(high, unit) });
}

/** Whether the interval contains zero (the data cannot tell the effect from chance). */
export function intervalSpansZero(low: number, high: number): boolean {
  return low <= 0 && high >= 0;
}

/**
 * Whether the interval, as the texts show it, includes "no change": it spans zero or one
 * end rounds to 0 ("fra 0 til 2 dager lengre" is not a clear improvement either).
 */
export function intervalIncludesNoChange(low: number, high: number): boolean {
  return intervalSpansZero(low, high) || roundsToZero(low) || roundsToZero(high);
}

export interface ImpactFigures {
  practiceName: string;
  kpi: ImpactKpi;
  estimate: number | null;
  confidenceLow: number | null;
  confidenceHigh: number | null;
}

/** The whole estimate sentence, or null when there is no estimate. */
export function impactSentence(impact: ImpactFigures): string | null {
  if (impact.estimate === null) return null;
  const sentence = t("adoption.impact.sentence", {
    practice: lowerFirst(impact.practiceName),
    change: changePhrase(impact.estimate, impact.kpi),
  });
  const interval =
    impact.confidenceLow !== null && impact.confidenceHigh !== null
      ? t("adoption.impact.interval", { interval: intervalPhrase(impact.confidenceLow, impact.confidenceHigh, impact.kpi.unit) })
      : t("adoption.impact.noInterval");
  return `${sentence} (${interval}).`;
}

/**
 * What the estimate means for the KPI's good direction, in one sentence. An improvement
 * or deterioration is only called one when the 95 % interval excludes no change; otherwise
 * the sentence says it is not clear, and why.
 */
export function verdictSentence(impact: ImpactFigures): string | null {
  if (impact.estimate === null) return null;
  const verdict = changeVerdict(impact.estimate, impact.kpi.direction);
  if (verdict === "same") return t("adoption.impact.verdict.same");
  const direction = t(impact.kpi.direction === "LOWER_IS_BETTER" ? "adoption.impact.lowerIsBetter" : "adoption.impact.higherIsBetter");
  const { confidenceLow: low, confidenceHigh: high } = impact;
  const reason =
    low === null || high === null
      ? t("adoption.impact.noInterval")
      : intervalIncludesNoChange(low, high)
        ? t("adoption.impact.verdict.includesNoChange")
        : null;
  if (reason === null) return t(verdict === "better" ? "adoption.impact.verdict.better" : "adoption.impact.verdict.worse", { direction });
  return t(verdict === "better" ? "adoption.impact.verdict.unclearBetter" : "adoption.impact.verdict.unclearWorse", { direction, reason });
}

/** "Tallet bygger på 4 kontorer som tok i bruk praksisen, sammenlignet med 9 kontorer som ikke hadde gjort det ennå." */
export function countsSentence(treated: number, controls: number): string {
  return t("adoption.impact.counts", {
    treated: t(treated === 1 ? "adoption.impact.offices.one" : "adoption.impact.offices.other", { count: treated }),
    controls: t(controls === 1 ? "adoption.impact.offices.one" : "adoption.impact.offices.other", { count: controls }),
  });
}

/** A month relative to adoption: "Måned 0 (tatt i bruk)", "3 mnd. før", "2 mnd. etter". */
export function relativeMonthLabel(month: number): string {
  if (month === 0) return t("adoption.impact.month.adoption");
  if (month < 0) return t("adoption.impact.month.before", { count: -month });
  return t("adoption.impact.month.after", { count: month });
}
