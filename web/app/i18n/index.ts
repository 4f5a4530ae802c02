// A small dictionary lookup. Bokmål is the default; English will be added as `en` with
// the same keys (TypeScript then checks that no key is missing).
import { nb, type MessageKey } from "./nb";

export type { MessageKey };
export type Locale = "nb";

const dictionaries: Record<Locale, Record<MessageKey, string>> = { nb };

let currentLocale: Locale = "nb";

export function setLocale(locale: Locale): void {
  currentLocale = locale;
}

/** Looks up a text and fills `{placeholders}` from `values`. */
export function t(key: MessageKey, values?: Record<string, string | number>): string {
  const text = dictionaries[currentLocale][key];
  if (!values) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

const ROLE_KEYS = {
  planner: "role.planner",
  "office-leader": "role.office-leader",
  hr: "role.hr",
  viewer: "role.viewer",
  admin: "role.admin",
} as const satisfies Record<string, MessageKey>;

/** The Norwegian name of a Samla realm role; unknown roles are shown as they are. */
export function roleName(role: string): string {
  return role in ROLE_KEYS ? t(ROLE_KEYS[role as keyof typeof ROLE_KEYS]) : role;
}

/** Formats a number between 0 and 1 (e.g. an FTE of 0.5) as "50 %". */
export function formatPercent(fraction: number): string {
  return new Intl.NumberFormat("nb-NO", { style: "percent", maximumFractionDigits: 0 }).format(
    fraction,
  );
}

/** Formats an ISO date (YYYY-MM-DD or a full timestamp) as a Norwegian date: 1. januar 2020. */
export function formatDate(isoDate: string): string {
  const day = isoDate.slice(0, 10);
  const [year, month, date] = day.split("-").map(Number);
  if (!year || !month || !date) return isoDate;
  // Built in UTC and formatted in UTC so a date never shifts by the browser's time zone.
  return new Intl.DateTimeFormat("nb-NO", { dateStyle: "long", timeZone: "UTC" }).format(
    new Date(Date.UTC(year, month - 1, date)),
  );
}
