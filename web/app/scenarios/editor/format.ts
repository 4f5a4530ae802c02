// Date and time of an instant (an edit, a comment, a review step) in Norway's time zone.
import { getLocale } from "../../i18n";

export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(getLocale() === "nb" ? "nb-NO" : "en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Europe/Oslo",
  }).format(new Date(iso));
}
