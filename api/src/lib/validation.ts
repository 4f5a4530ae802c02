// Input validation with zod: failures become one ValidationError with a message per field.
import { decodeGlobalID } from "./ids";
import { z } from "zod";
import { ENTITY_NAMES, ValidationError } from "./errors";

// Norwegian messages for zod's built-in checks (the UI shows them).
z.config(z.locales.no());

export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fieldErrors = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join("."),
    message: issue.message,
  }));
  throw new ValidationError(
    fieldErrors.length === 1 ? fieldErrors[0]!.message : "Noen felt er ikke fylt ut riktig.",
    fieldErrors,
  );
}

/** A global id of `typename`, decoded to the database id. */
export function zGlobalId(typename: string) {
  return z.string().transform((value, ctx) => {
    try {
      const decoded = decodeGlobalID(value);
      if (decoded.typename === typename) return decoded.id;
    } catch {
      // reported below
    }
    ctx.addIssue({ code: "custom", message: `Ugyldig id for ${ENTITY_NAMES[typename] ?? typename}.` });
    return z.NEVER;
  });
}

/** Required text: trimmed, not empty, at most `max` characters. */
export function zText(max: number) {
  return z
    .string()
    .trim()
    .min(1, "Må fylles ut.")
    .max(max, `Kan ikke være lengre enn ${max} tegn.`);
}

/** Optional text: trimmed; empty becomes null. */
export function zOptionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max, `Kan ikke være lengre enn ${max} tegn.`)
    .nullish()
    .transform((value) => (value ? value : value === undefined ? undefined : null));
}

/** Full-time equivalent 0.01-1.00 with at most two decimals, as exact decimal text. */
export const zFte = z
  .number()
  .gt(0, "Stillingsandelen må være større enn 0.")
  .lte(1, "Stillingsandelen kan ikke være mer enn 1,0.")
  .refine((fte) => Math.abs(fte * 100 - Math.round(fte * 100)) < 1e-9, "Bruk høyst to desimaler.")
  .transform((fte) => (Math.round(fte * 100) / 100).toFixed(2));

export const zOfficeCode = z.string().trim().regex(/^\d{4}$/, "Kontornummeret må være fire siffer.");
