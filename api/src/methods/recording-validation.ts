// Zod pieces shared by the catalogue and recording mutations: exact decimals for the
// Decimal columns, dates that are not in the future, months.
import { z } from "zod";
import { formatDateNorwegian, todayInNorway } from "../lib/dates";

const decimalSeparator = (text: string) => text.replace(".", ",");

/**
 * A number between min and max with at most `places` decimals, as exact decimal text
 * (so 0.1 is stored as 0.1, not as the float nearest to it).
 */
export function zDecimal(min: number, max: number, places: number) {
  return (
    z
      .number()
      .min(min, `Må være minst ${decimalSeparator(String(min))}.`)
      .max(max, `Kan ikke være mer enn ${decimalSeparator(String(max))}.`)
      // Clients send decimal text as JSON numbers, so a value with more places differs from its rounding.
      .refine(
        (value) => Number(value.toFixed(places)) === value,
        places === 0 ? "Bruk et heltall." : `Bruk høyst ${places} desimal${places === 1 ? "" : "er"}.`,
      )
      .transform((value) => value.toFixed(places))
  );
}

/** A date no later than today in Norway: what has been observed cannot lie ahead. */
export const zNotFutureDate = z.date().superRefine((date, ctx) => {
  const today = todayInNorway();
  if (date.getTime() > today.getTime()) {
    ctx.addIssue({ code: "custom", message: `Datoen kan ikke være etter i dag (${formatDateNorwegian(today)}).` });
  }
});

/** The first day of a month (KPI periods). */
export const zMonth = z
  .date()
  .refine((date) => date.getUTCDate() === 1, "Perioden må være den første dagen i en måned.")
  .refine((date) => {
    const today = todayInNorway();
    return date.getTime() <= Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1);
  }, "Perioden kan ikke være en måned fram i tid.");

/** Catalogue codes (practices, KPIs): stored in upper case. */
export const zCatalogueCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9_-]{1,39}$/, "Koden må være 2–40 tegn: bokstavene A–Z, sifre, - eller _.");
