// Calendar dates. The database stores `@db.Date` columns, which Prisma reads and writes
// as JavaScript Dates at UTC midnight; these helpers keep to that convention.
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `yyyy-mm-dd` to a Date at UTC midnight; null for anything else (including 2026-02-30). */
export function parseDate(value: string): Date | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
    ? date
    : null;
}

/**
 * The years any date or instant in Samla may have. Outside them a value is a typing error
 * (0202 for 2020) or an attack: year 0 and +275760 passed JavaScript's Date and failed in
 * the database as internal errors (issue 13, finding 4).
 */
export const EARLIEST_YEAR = 1900;
export const LATEST_YEAR = 2200;

export function isInSaneYears(date: Date): boolean {
  const year = date.getUTCFullYear();
  return year >= EARLIEST_YEAR && year <= LATEST_YEAR;
}

/** A Date at UTC midnight (as Prisma returns `@db.Date`) to `yyyy-mm-dd`. */
export function formatDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

// One formatter for the process: building an Intl.DateTimeFormat costs ~350 µs, and
// isCurrent asks for today once per assignment (hundreds per office page). en-CA formats
// as yyyy-mm-dd.
const NORWAY_DAY = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Oslo",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});
const MINUTE_MS = 60_000;
// Norway's offsets are whole hours, so its date is the same for every instant of one UTC
// minute: remember the last minute's answer.
let lastMinute = Number.NaN;
let lastDay = new Date(0);

/** Today's date in Norway, where Nav works, as a Date at UTC midnight. */
export function todayInNorway(now: Date = new Date()): Date {
  const minute = Math.floor(now.getTime() / MINUTE_MS);
  if (minute !== lastMinute) {
    lastDay = parseDate(NORWAY_DAY.format(now))!;
    lastMinute = minute;
  }
  // A copy: callers may treat the Date as their own.
  return new Date(lastDay.getTime());
}

/** Whole days on a UTC-midnight date (UTC has no daylight saving, so days are 24 h). */
export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

/** Norwegian date for messages: 31.01.2026 */
export function formatDateNorwegian(date: Date): string {
  const [year, month, day] = formatDate(date).split("-");
  return `${day}.${month}.${year}`;
}

const NORWEGIAN_MONTH = new Intl.DateTimeFormat("nb-NO", { month: "long", year: "numeric", timeZone: "UTC" });

/** Norwegian month for messages: "november 2026". */
export function formatMonthNorwegian(date: Date): string {
  return NORWEGIAN_MONTH.format(date);
}

/**
 * The first day of the date's month (UTC midnight), or of the month `monthsLater` months
 * after it (before it when negative): KPI periods are months.
 */
export function firstOfMonth(date: Date, monthsLater = 0): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + monthsLater, 1));
}
