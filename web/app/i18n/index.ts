// A small dictionary lookup with two languages: bokmål (the default) and English. The
// chosen language is a UI preference, so it is remembered in localStorage; `<html lang>`
// follows it so screen readers pronounce the texts right.
import { useSyncExternalStore } from "react";
import { en } from "./en";
import { nb, type MessageKey } from "./nb";

export type { MessageKey };
export const LOCALES = ["nb", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "nb";

// `en` is typed Record<MessageKey, string>, so TypeScript reports a missing key.
const dictionaries: Record<Locale, Record<MessageKey, string>> = { nb, en };

/** BCP 47 tags for Intl formatting. */
const INTL_LOCALE: Record<Locale, string> = { nb: "nb-NO", en: "en-GB" };

export const LOCALE_STORAGE_KEY = "samla.locale";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

function readStoredLocale(): Locale {
  try {
    const stored = globalThis.localStorage?.getItem(LOCALE_STORAGE_KEY);
    return isLocale(stored) ? stored : DEFAULT_LOCALE;
  } catch {
    // Storage can be blocked (privacy settings); the default language still works.
    return DEFAULT_LOCALE;
  }
}

let currentLocale: Locale = readStoredLocale();
const listeners = new Set<() => void>();

function applyDocumentLanguage(locale: Locale): void {
  if (typeof document !== "undefined") document.documentElement.lang = locale;
}

applyDocumentLanguage(currentLocale);

export function getLocale(): Locale {
  return currentLocale;
}

/** Switches the language, remembers it and tells subscribers (the app re-renders). */
export function setLocale(locale: Locale, { remember = true }: { remember?: boolean } = {}): void {
  if (remember) {
    try {
      globalThis.localStorage?.setItem(LOCALE_STORAGE_KEY, locale);
    } catch {
      // Not remembered, but the switch still applies to this page.
    }
  }
  if (locale === currentLocale) return;
  currentLocale = locale;
  applyDocumentLanguage(locale);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The current language; the component re-renders when it changes. */
export function useLocale(): Locale {
  return useSyncExternalStore(subscribe, getLocale, () => DEFAULT_LOCALE);
}

/** Looks up a text in the current language and fills `{placeholders}` from `values`. */
export function t(key: MessageKey, values?: Record<string, string | number>): string {
  return translate(currentLocale, key, values);
}

/**
 * Looks up a text in a given language. For what renders while the pre-rendered page
 * hydrates: it must match the build's bokmål HTML, so it uses useLocale()'s value.
 */
export function translate(locale: Locale, key: MessageKey, values?: Record<string, string | number>): string {
  const text = dictionaries[locale][key];
  if (!values) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/** Keys that have a `.one` and an `.other` form: the base a plural lookup takes. */
export type PluralKey = {
  [K in MessageKey]: K extends `${infer Base}.other` ? (`${Base}.one` extends MessageKey ? Base : never) : never;
}[MessageKey];

/**
 * A text whose wording depends on a number ("1 dag" / "2 dager"), chosen by the language's
 * plural rules (Intl.PluralRules) from `${base}.one` and `${base}.other`. `{count}` is filled
 * with the number unless `values` gives it; `rules` must match how the number is shown
 * (e.g. `{ maximumFractionDigits: 1 }` when 1.04 is shown as "1").
 */
export function tPlural(
  base: PluralKey,
  count: number,
  values?: Record<string, string | number>,
  rules?: Intl.PluralRulesOptions,
): string {
  const category = new Intl.PluralRules(INTL_LOCALE[currentLocale], rules).select(count);
  const key: MessageKey = category === "one" ? `${base}.one` : `${base}.other`;
  return translate(currentLocale, key, { count, ...values });
}

const ROLE_KEYS = {
  planner: "role.planner",
  "office-leader": "role.office-leader",
  hr: "role.hr",
  viewer: "role.viewer",
  admin: "role.admin",
} as const satisfies Record<string, MessageKey>;

/** The name of a Samla realm role in the current language; unknown roles are shown as they are. */
export function roleName(role: string): string {
  return role in ROLE_KEYS ? t(ROLE_KEYS[role as keyof typeof ROLE_KEYS]) : role;
}

/** Formats a number between 0 and 1 (e.g. an FTE of 0.5) as "50 %". */
export function formatPercent(fraction: number): string {
  return new Intl.NumberFormat(INTL_LOCALE[currentLocale], { style: "percent", maximumFractionDigits: 0 }).format(
    fraction,
  );
}

/** Formats a count with the language's digit grouping (12 345 / 12,345). */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat(INTL_LOCALE[currentLocale]).format(value);
}

/** The time of day in Norway of an instant (ISO string or Date), in the current language: 14:05. */
export function formatTime(instant: string | Date): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[currentLocale], { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Oslo" }).format(
    new Date(instant),
  );
}

/** Formats an ISO date (YYYY-MM-DD or a full timestamp) as a long date: 1. januar 2020. */
export function formatDate(isoDate: string): string {
  const day = isoDate.slice(0, 10);
  const [year, month, date] = day.split("-").map(Number);
  if (!year || !month || !date) return isoDate;
  // Built in UTC and formatted in UTC so a date never shifts by the browser's time zone.
  return new Intl.DateTimeFormat(INTL_LOCALE[currentLocale], { dateStyle: "long", timeZone: "UTC" }).format(
    new Date(Date.UTC(year, month - 1, date)),
  );
}

/** Compares names alphabetically in the current language (æ, ø, å last in Norwegian). */
export function compareNames(a: string, b: string): number {
  return a.localeCompare(b, INTL_LOCALE[currentLocale]);
}
