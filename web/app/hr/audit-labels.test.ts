import { describe, expect, it } from "vitest";
import { actionLabel, entityTypeLabel, fieldLabel, formatAuditValue, translateCodes } from "./audit-labels";

describe("audit log words", () => {
  it("labels actions, types and fields in bokmål and English, and keeps unknown ones as stored", () => {
    expect(actionLabel("assignRole", "nb")).toBe("Tildelte rolle");
    expect(actionLabel("assignRole", "en")).toBe("Assigned a role");
    expect(entityTypeLabel("Assignment", "nb")).toBe("Tilsetting");
    expect(fieldLabel("fte", "nb")).toBe("Stillingsandel");
    expect(fieldLabel("reportsToId", "en")).toBe("Reports to");
    expect(actionLabel("someNewMutation", "nb")).toBe("someNewMutation");
  });

  it("formats values by kind: dates dd.mm.åååå, yes/no, numbers and enum values in words", () => {
    expect(formatAuditValue("DATE", "2027-02-01", "nb")).toBe("01.02.2027");
    expect(formatAuditValue("DATE", "2027-02-01", "en")).toBe("01/02/2027");
    expect(formatAuditValue("BOOLEAN", "true", "nb")).toBe("Ja");
    expect(formatAuditValue("BOOLEAN", "false", "en")).toBe("No");
    expect(formatAuditValue("NUMBER", "0.80", "nb")).toBe("0,8");
    expect(formatAuditValue("CODE", "MERGED", "nb")).toBe("Slått sammen");
    expect(formatAuditValue("NAME", "Kari Nordmann", "en")).toBe("Kari Nordmann");
    expect(formatAuditValue("TEXT", null, "nb")).toBeNull();
  });

  it("translates enum values inside a list, and leaves other capitals alone", () => {
    expect(translateCodes("Brukerinnsikt: PILOTING, Saksflyt: ADOPTED: ok", "nb")).toBe("Brukerinnsikt: Prøves ut, Saksflyt: Tatt i bruk: ok");
    expect(translateCodes("NAV IT og OKSOS", "nb")).toBe("NAV IT og OKSOS");
  });
});
