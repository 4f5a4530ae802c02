// Calendar dates for the HR forms. The API speaks yyyy-mm-dd (no time zone) and "today"
// means today in Norway, so the helpers work on plain dates, never on local midnights.

/** Today in Norway as yyyy-mm-dd. */
export function todayInNorway(now: Date = new Date()): string {
  // sv-SE formats dates as yyyy-mm-dd.
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Oslo" }).format(now);
}

/** yyyy-mm-dd plus `days` (negative goes back). */
export function addDays(isoDate: string, days: number): string {
  const [year, month, day] = isoDate.split("-").map(Number);
  const date = new Date(Date.UTC(year!, month! - 1, day! + days));
  return date.toISOString().slice(0, 10);
}

/** A Date from Aksel's date picker (local midnight) as yyyy-mm-dd. */
export function isoFromPicked(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** yyyy-mm-dd as the local-midnight Date Aksel's date picker expects. */
export function pickedFromIso(isoDate: string): Date {
  const [year, month, day] = isoDate.split("-").map(Number);
  return new Date(year!, month! - 1, day!);
}

/** yyyy-mm-dd as dd.mm.yyyy (how the date fields show a date). */
export function norwegianDate(isoDate: string): string {
  const [year, month, day] = isoDate.split("-");
  return `${day}.${month}.${year}`;
}
