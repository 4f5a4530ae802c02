// Numbers, months and KPI values as the comparison shows them, in the chosen language.
import { getLocale } from "../../i18n";

const INTL_LOCALE = { nb: "nb-NO", en: "en-GB" } as const;

/** A number with at most `digits` decimals (11,5 / 11.5). */
export function formatDecimal(value: number, digits = 1): string {
  return new Intl.NumberFormat(INTL_LOCALE[getLocale()], { maximumFractionDigits: digits }).format(value);
}

/** A signed difference: "+7" / "−1,5" / "0". */
export function formatSigned(value: number, digits = 1): string {
  return new Intl.NumberFormat(INTL_LOCALE[getLocale()], { maximumFractionDigits: digits, signDisplay: "exceptZero" }).format(value);
}

/** A share 0-1 as a whole percentage: "42 %". */
export function formatShare(fraction: number): string {
  return new Intl.NumberFormat(INTL_LOCALE[getLocale()], { style: "percent", maximumFractionDigits: 0 }).format(fraction);
}

/** "nov. 2026" / "Nov 2026" for a yyyy-mm or yyyy-mm-dd date. */
export function formatMonth(isoDate: string, style: "short" | "long" = "short"): string {
  const [year, month] = isoDate.split("-").map(Number);
  if (!year || !month) return isoDate;
  return new Intl.DateTimeFormat(INTL_LOCALE[getLocale()], { month: style, year: "numeric", timeZone: "UTC" }).format(
    new Date(Date.UTC(year, month - 1, 1)),
  );
}

/**
 * A KPI value with its unit: "12,5 dager", "87 %", "3,9" (a 1-5 score needs no unit
 * after the number). Units are the catalogue's own words.
 */
export function formatKpiValue(value: number, unit: string): string {
  const number = formatDecimal(value);
  const trimmed = unit.trim();
  if (trimmed === "" || /^\d+\s*[-–]\s*\d+$/.test(trimmed)) return number;
  // A non-breaking space keeps "87 %" together when the line wraps.
  return `${number}\u00a0${trimmed}`;
}
