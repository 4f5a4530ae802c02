// The API's typed mutation errors as form errors, by field id.
import { t } from "../i18n";

/** Errors by field id; `general` is shown in the summary only. */
export type FormErrors = Record<string, string>;

/** A mutation's typed error result, as the HR documents select it. */
export interface MutationError {
  __typename: string;
  code?: string;
  message?: string;
  fieldErrors?: Array<{ path: string; message: string }>;
}

/**
 * Puts the API's typed errors next to the field they are about: a ValidationError's
 * field paths map through `fieldForPath`; an FTE-limit error belongs to the FTE field and
 * an overlap to the start date (the period is what overlaps). Anything else is general.
 */
export function errorsFromResult(result: MutationError, fieldForPath: Record<string, string>): FormErrors {
  const errors: FormErrors = {};
  const message = result.message ?? t("error.api.generic");
  if (result.__typename === "ValidationError" && result.fieldErrors && result.fieldErrors.length > 0) {
    for (const fieldError of result.fieldErrors) {
      const field = fieldForPath[fieldError.path] ?? fieldForPath[fieldError.path.split(".")[0] ?? ""];
      if (field) errors[field] ??= fieldError.message;
      else errors.general ??= fieldError.message;
    }
    return errors;
  }
  if (result.__typename === "FteLimitError" && fieldForPath.fte) return { [fieldForPath.fte]: message };
  if (result.__typename === "AssignmentOverlapError" && fieldForPath.startDate) {
    return { [fieldForPath.startDate]: message };
  }
  return { general: message };
}
