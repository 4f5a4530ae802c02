// The health check thresholds as the admin form shows them: whole numbers, and the
// FTE limit as a percentage (the API keeps it as a fraction).
import type { ResultOf } from "../../graphql";
import { t } from "../../i18n";
import type { FormErrors } from "../../hr/form-errors";
import type { HealthCheckSettingsQuery } from "./documents";

export type Settings = ResultOf<typeof HealthCheckSettingsQuery>["healthCheckSettings"];

/** The form's fields, their API input names and how their values read and write. */
export const THRESHOLD_FIELDS = [
  { name: "maxSpan", id: "terskel-maks-spenn", labelKey: "analysis.settings.maxSpan", checkCode: "SPAN_TOO_WIDE" },
  { name: "minSpan", id: "terskel-min-spenn", labelKey: "analysis.settings.minSpan", checkCode: "SPAN_TOO_NARROW" },
  { name: "maxLayers", id: "terskel-niva", labelKey: "analysis.settings.maxLayers", checkCode: "CHAIN_TOO_DEEP" },
  { name: "minTeamSize", id: "terskel-team", labelKey: "analysis.settings.minTeamSize", checkCode: "TEAM_TOO_SMALL" },
  { name: "maxFte", id: "terskel-fte", labelKey: "analysis.settings.maxFte", checkCode: "FTE_OVER_LIMIT" },
] as const;

export type FieldName = (typeof THRESHOLD_FIELDS)[number]["name"];
export type Values = Record<FieldName, string>;

/** maxFte is a fraction in the API (1.00) and a percentage in the form (100). */
export function toValues(settings: Settings): Values {
  return {
    maxSpan: String(settings.maxSpan),
    minSpan: String(settings.minSpan),
    maxLayers: String(settings.maxLayers),
    minTeamSize: String(settings.minTeamSize),
    maxFte: String(Math.round(Number(settings.maxFte) * 100)),
  };
}

function wholeNumber(text: string): number | null {
  const cleaned = text.replace("%", "").trim();
  return /^\d{1,4}$/.test(cleaned) ? Number(cleaned) : null;
}

/** Checks the form the way the API will, so most mistakes show before a round trip. */
export function validateThresholds(values: Values): { errors: FormErrors; input: Record<FieldName, number> | null } {
  const errors: FormErrors = {};
  const numbers = {} as Record<FieldName, number>;
  for (const field of THRESHOLD_FIELDS) {
    const value = wholeNumber(values[field.name]);
    // The API's lower limits: a minimum may be 0 (no minimum), a maximum at least 1.
    const min = field.name === "minSpan" || field.name === "minTeamSize" ? 0 : 1;
    if (value === null || value < min) errors[field.id] = t("analysis.settings.wholeNumber", { min });
    else numbers[field.name] = value;
  }
  if (numbers.maxFte !== undefined && (numbers.maxFte < 1 || numbers.maxFte > 200)) {
    errors[THRESHOLD_FIELDS[4].id] = t("analysis.settings.fteRange");
  }
  if (numbers.minSpan !== undefined && numbers.maxSpan !== undefined && numbers.minSpan > numbers.maxSpan) {
    errors[THRESHOLD_FIELDS[1].id] = t("analysis.settings.minAboveMax");
  }
  if (Object.keys(errors).length > 0) return { errors, input: null };
  return { errors, input: { ...numbers, maxFte: numbers.maxFte / 100 } };
}

