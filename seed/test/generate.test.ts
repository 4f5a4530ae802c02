// Generation without a database: determinism, scale sizes and the static facts.
import { describe, expect, it } from "vitest";
import { DEMO_LEADER, DEMO_LEADER_2, GENERATED_MARK, generateSeed, type SeedRows } from "../src/index";
import { loadDemoUsers } from "../keycloak/demo-users";
import { MUNICIPALITIES } from "../src/data/municipalities";
import { MERGERS } from "../src/data/mergers";
import { OFFICES } from "../src/data/offices";

const pilot = generateSeed({ scale: "pilot" });
const national = generateSeed({ scale: "national" });

describe("generateSeed", () => {
  it("is deterministic: the same options give the same rows", () => {
    expect(generateSeed({ scale: "pilot" })).toEqual(pilot);
    expect(generateSeed({ scale: "pilot", today: "2026-11-01" })).toEqual(pilot);
  });

  it("depends on today only through dates", () => {
    const later = generateSeed({ scale: "pilot", today: "2027-06-01" });
    expect(later.persons.length).toBe(pilot.persons.length);
    expect(later.assignments).not.toEqual(pilot.assignments);
  });

  it("refuses a today before the reform's offices existed", () => {
    expect(() => generateSeed({ scale: "pilot", today: "2019-06-01" })).toThrow(RangeError);
    expect(() => generateSeed({ scale: "pilot", today: "not a date" })).toThrow(RangeError);
  });

  it("contains the pilot rows unchanged at national scale", () => {
    for (const key of Object.keys(pilot) as (keyof SeedRows)[]) {
      const nationalRows = national[key] as object[];
      expect(nationalRows.slice(0, pilot[key].length), key).toEqual(pilot[key]);
    }
  });

  it("generates about 250 offices, 2,000 teams and 20,000 people at national scale", () => {
    expect(national.offices.length).toBeGreaterThanOrEqual(240);
    expect(national.offices.length).toBeLessThanOrEqual(260);
    expect(national.teams.length).toBeGreaterThanOrEqual(1800);
    expect(national.teams.length).toBeLessThanOrEqual(2200);
    expect(national.persons.length).toBeGreaterThanOrEqual(18_000);
    expect(national.persons.length).toBeLessThanOrEqual(23_000);
    expect(national.assignments.length).toBeGreaterThan(national.persons.length);
  });

  it("marks generated offices and municipalities, with unique four-digit codes", () => {
    const codes = national.offices.map((o) => o.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.every((c) => /^\d{4}$/.test(c))).toBe(true);
    const generated = national.offices.slice(pilot.offices.length);
    expect(generated.length).toBe(200);
    expect(generated.every((o) => o.name.startsWith("Nav ") && o.name.endsWith(GENERATED_MARK))).toBe(true);
    const generatedMunicipalities = national.municipalities.slice(pilot.municipalities.length);
    expect(generatedMunicipalities.every((m) => m.name.endsWith(GENERATED_MARK))).toBe(true);
    const names = national.municipalities.map((m) => m.name);
    // Old and new Drammen, Asker, Kristiansand, Moss and Sandefjord share names; generated ones are unique.
    expect(new Set(names).size).toBe(names.length - 5);
  });

  it("gives every person a unique email and unique ids everywhere", () => {
    const emails = national.persons.map((p) => p.email);
    expect(new Set(emails).size).toBe(emails.length);
    for (const key of ["persons", "assignments", "teams", "offices", "municipalities"] as const) {
      const ids = (national[key] as { id?: string }[]).map((r) => r.id);
      expect(new Set(ids).size, key).toBe(ids.length);
    }
  });

  it("uses mostly full-time assignments and only valid FTEs", () => {
    const ftes = national.assignments.map((a) => Number(a.fte));
    expect(ftes.every((f) => f > 0 && f <= 1)).toBe(true);
    expect(ftes.filter((f) => f === 1).length / ftes.length).toBeGreaterThan(0.7);
  });
});

describe("demo users", () => {
  it("links the realm's office leader to the Nav-leder of Nav Lillestrøm, with the realm's name and email", () => {
    const leader = loadDemoUsers().find((u) => u.username === "leader");
    expect(leader).toMatchObject({ id: DEMO_LEADER.ssoSubject, name: DEMO_LEADER.name, email: DEMO_LEADER.email });
    expect(leader?.roles).toContain("office-leader");
    const person = pilot.persons.find((p) => p.ssoSubject === leader?.id);
    expect(person).toMatchObject({ name: leader?.name, email: leader?.email });
    const current = pilot.assignments.filter((a) => a.personId === person?.id && a.endDate === null);
    expect(current.map((a) => [a.roleId, a.teamId])).toEqual([["seed-role-NAV_LEDER", "seed-team-3030-ledelse"]]);
  });

  it("creates no other SSO-linked people than the two demo leaders", () => {
    expect(national.persons.filter((p) => p.ssoSubject).map((p) => p.ssoSubject)).toEqual([DEMO_LEADER.ssoSubject, DEMO_LEADER_2.ssoSubject]);
  });
});

describe("static facts", () => {
  const byNumber = new Map(MUNICIPALITIES.map((m) => [m.number, m]));

  it("has unique four-digit municipality numbers and real ones for the reform", () => {
    expect(byNumber.size).toBe(MUNICIPALITIES.length);
    expect(MUNICIPALITIES.every((m) => /^\d{4}$/.test(m.number))).toBe(true);
    const named = (n: string) => byNumber.get(n)?.name;
    expect([named("0231"), named("0227"), named("0226"), named("3030")]).toEqual(["Skedsmo", "Fet", "Sørum", "Lillestrøm"]);
    expect([named("3024"), named("3443")]).toEqual(["Bærum", "Vestre Toten"]);
  });

  it("merges every source municipality into its merger's target municipality", () => {
    const officeByCode = new Map(OFFICES.map((o) => [o.code, o]));
    for (const merger of MERGERS.filter((m) => m.status === "COMPLETED")) {
      const target = officeByCode.get(merger.targetOfficeCode)?.municipalities[0];
      for (const code of merger.sourceOfficeCodes) {
        const municipality = byNumber.get(officeByCode.get(code)?.municipalities[0] ?? "");
        expect(municipality, code).toBeDefined();
        // Stavanger and Trondheim kept their numbers: the old municipality is the new one.
        if (municipality?.number !== target) expect(municipality?.mergedInto, code).toBe(target);
      }
    }
  });
});
