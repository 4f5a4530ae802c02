import { describe, expect, it } from "vitest";
import { errorsFromResult } from "./form-errors";

const FIELDS = { fte: "assign-fte", startDate: "assign-start", endDate: "assign-end", teamId: "assign-team" };

describe("errorsFromResult", () => {
  it("puts a ValidationError's field errors next to their fields", () => {
    expect(
      errorsFromResult(
        {
          __typename: "ValidationError",
          message: "Ugyldig",
          fieldErrors: [
            { path: "endDate", message: "Sluttdato kan ikke være før startdato." },
            { path: "teamId", message: "Nav Drammen er slått sammen; ingen nye tilsettinger der." },
          ],
        },
        FIELDS,
      ),
    ).toEqual({
      "assign-end": "Sluttdato kan ikke være før startdato.",
      "assign-team": "Nav Drammen er slått sammen; ingen nye tilsettinger der.",
    });
  });

  it("puts an FTE-limit error at the FTE field and an overlap at the start date", () => {
    expect(errorsFromResult({ __typename: "FteLimitError", message: "Over 1,0" }, FIELDS)).toEqual({ "assign-fte": "Over 1,0" });
    expect(errorsFromResult({ __typename: "AssignmentOverlapError", message: "Overlapp" }, FIELDS)).toEqual({
      "assign-start": "Overlapp",
    });
  });

  it("shows other errors, and field errors for unknown fields, in the summary only", () => {
    expect(errorsFromResult({ __typename: "NotFoundError", message: "Fant ikke rolle" }, FIELDS)).toEqual({
      general: "Fant ikke rolle",
    });
    expect(
      errorsFromResult({ __typename: "ValidationError", message: "x", fieldErrors: [{ path: "roleId", message: "Ukjent" }] }, FIELDS),
    ).toEqual({ general: "Ukjent" });
  });
});
