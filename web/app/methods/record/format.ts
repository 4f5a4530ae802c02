// Numbers and months on the recording screens. People type decimals with a comma (12,5)
// and the API wants numbers; KPI periods are months, sent as their first day (yyyy-mm-01).
// Showing numbers and months is the comparison's format.ts (formatDecimal, formatMonth).
import { getLocale } from "../../i18n";

/**
 * A number typed by a person: "12,5", "12.5", "1 234" (space or no-break space as digit
 * grouping) or "-3". Null when it is not a number (or empty).
 */
export function parseDecimal(text: string): number | null {
  const compact = text.trim().replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  if (!/^[-−]?\d+(\.\d+)?$/.test(compact)) return null;
  return Number(compact.replace("−", "-"));
}

/** How many decimals a typed number has ("12,50" has two). */
export function decimalPlaces(text: string): number {
  const match = /[.,](\d+)$/.exec(text.trim());
  return match ? match[1]!.length : 0;
}

const INTL_LOCALE = { nb: "nb-NO", en: "en-GB" } as const;

/** A number as a person would type it back into a field: a comma in bokmål, no grouping. */
export function decimalForInput(value: number): string {
  const text = String(Number(value.toFixed(3)));
  return getLocale() === "nb" ? text.replace(".", ",") : text;
}

/** The first day of the month `isoDate` falls in. */
export function monthOf(isoDate: string): string {
  return `${isoDate.slice(0, 7)}-01`;
}

/** yyyy-mm-01 from a year and a month (1-12). */
export function periodOf(year: number, month: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-01`;
}

/** The last month of `year` (yyyy-12-01). */
export function lastMonthOf(year: number): string {
  return periodOf(year, 12);
}

/** A month's name in the current language ("januar" / "January"); month is 1-12. */
export function monthName(month: number): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[getLocale()], { month: "long", timeZone: "UTC" }).format(
    new Date(Date.UTC(2000, month - 1, 1)),
  );
}

/** The years from `fromIso`'s year to `toIso`'s, newest first. */
export function yearsBetween(fromIso: string, toIso: string): number[] {
  const first = Number(fromIso.slice(0, 4));
  const last = Number(toIso.slice(0, 4));
  const years: number[] = [];
  for (let year = last; year >= first; year--) years.push(year);
  return years;
}
