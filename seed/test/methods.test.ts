// The working-methods rows (issue 6) without a database: sizes, determinism, realistic
// ranges and the differences between the pilots the comparison screen is meant to show.
import { describe, expect, it } from "vitest";
import {
  CULTURE_DIMENSIONS,
  INSIGHT_THEMES,
  KPI_CODES,
  METHOD_SEED_AUTHOR,
  PILOT_OFFICE_CODES,
  PRACTICE_CODES,
  STAGE_KEYS,
  generateSeed,
  ids,
  type SeedRows,
} from "../src/index";
import { ROLES } from "../src/data/roles";

const pilot = generateSeed({ scale: "pilot" });
const today = new Date("2026-11-01T00:00:00Z");
const iso = (date: Date | string) => new Date(date).toISOString().slice(0, 10);
const office = (code: string) => ids.office(code);
const LILLESTROM = "3030";
const DRAMMEN = "3005";

const METHOD_KEYS = [
  "practices",
  "practiceVersions",
  "kpis",
  "maturityAssessments",
  "processFlows",
  "processSteps",
  "kpiMeasurements",
  "userInsights",
  "cultureAssessments",
] as const satisfies readonly (keyof SeedRows)[];

function methodRows(rows: SeedRows) {
  return Object.fromEntries(METHOD_KEYS.map((key) => [key, rows[key]]));
}

/** The office's latest flow on or before `on`, with its steps. */
function flowOn(rows: SeedRows, officeCode: string, on: Date) {
  const flow = rows.processFlows
    .filter((f) => f.officeId === office(officeCode) && new Date(f.recordedOn) <= on)
    .sort((a, b) => new Date(a.recordedOn).getTime() - new Date(b.recordedOn).getTime())
    .at(-1);
  const steps = rows.processSteps.filter((s) => s.flowId === flow?.id);
  return { flow, steps, leadTime: steps.reduce((sum, s) => sum + Number(s.durationDays) + Number(s.waitingDays), 0) };
}

function kpiSeries(rows: SeedRows, officeCode: string, kpiCode: string): number[] {
  return rows.kpiMeasurements
    .filter((m) => m.officeId === office(officeCode) && m.kpiId === ids.kpi(kpiCode))
    .sort((a, b) => new Date(a.period).getTime() - new Date(b.period).getTime())
    .map((m) => Number(m.value));
}

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;

function latestLevels(rows: SeedRows, practiceCode: string): Map<string, number> {
  const latest = new Map<string, { on: number; level: number }>();
  for (const a of rows.maturityAssessments.filter((x) => x.practiceId === ids.practice(practiceCode))) {
    const on = new Date(a.assessedOn).getTime();
    if ((latest.get(a.officeId)?.on ?? -Infinity) < on) latest.set(a.officeId, { on, level: a.level });
  }
  return new Map([...latest].map(([officeId, { level }]) => [officeId, level]));
}

describe("working-methods seed", () => {
  it("has a catalogue of 12 practices, two per theme, and the six KPIs with targets", () => {
    expect(pilot.practices.map((p) => p.code)).toEqual(PRACTICE_CODES);
    expect(PRACTICE_CODES).toHaveLength(12);
    const perTheme = new Map<string, number>();
    for (const p of pilot.practices) perTheme.set(p.theme, (perTheme.get(p.theme) ?? 0) + 1);
    expect(Object.fromEntries(perTheme)).toEqual({
      USER_INSIGHT: 2,
      CASE_FLOW: 2,
      CULTURE: 2,
      LEADERSHIP: 2,
      EMPLOYEE_EMPOWERMENT: 2,
      DIGITAL_TOOLS: 2,
    });
    expect(pilot.kpis.map((k) => [k.code, k.unit, k.direction])).toEqual([
      ["SAKSBEHANDLINGSTID", "dager", "LOWER_IS_BETTER"],
      ["ANDEL_INNEN_FRIST", "%", "HIGHER_IS_BETTER"],
      ["RESTANSER", "saker", "LOWER_IS_BETTER"],
      ["BRUKERTILFREDSHET", "%", "HIGHER_IS_BETTER"],
      ["MEDARBEIDERENGASJEMENT", "1-5", "HIGHER_IS_BETTER"],
      ["SYKEFRAVAER", "%", "LOWER_IS_BETTER"],
    ]);
    expect(pilot.kpis.map((k) => k.code)).toEqual(KPI_CODES);
    expect(pilot.kpis.every((k) => typeof k.target === "number" && k.target > 0)).toBe(true);
  });

  it("versions practices: five level texts per version, and the current version is the last", () => {
    for (const p of pilot.practices) {
      const versions = pilot.practiceVersions.filter((v) => v.practiceId === p.id);
      expect(versions.map((v) => v.number), p.code).toEqual(Array.from({ length: versions.length }, (_, i) => i + 1));
      expect(p.currentVersion, p.code).toBe(versions.length);
      for (const v of versions) {
        expect(v.levels, v.id).toHaveLength(5);
        expect(v.createdBy).toBe(METHOD_SEED_AUTHOR.name);
      }
    }
    const versioned = pilot.practices.filter((p) => p.currentVersion === 2).map((p) => p.code);
    expect(versioned).toEqual(["BRUKERINTERVJU", "DIGITAL_SOKNAD"]);
  });

  it("has the expected number of records for the five pilots", () => {
    expect(pilot.maturityAssessments).toHaveLength(5 * 12 * 8);
    expect(pilot.kpiMeasurements).toHaveLength(5 * 6 * 24);
    expect(pilot.processFlows).toHaveLength(5 * 2);
    expect(pilot.userInsights.length).toBeGreaterThanOrEqual(40);
    expect(pilot.cultureAssessments).toHaveLength((3 + 3 + 2 + 2 + 2) * CULTURE_DIMENSIONS.length);
    const offices = new Set(METHOD_KEYS.flatMap((key) => (pilot[key] as { officeId?: string }[]).map((r) => r.officeId)).filter(Boolean));
    expect([...offices].sort()).toEqual(PILOT_OFFICE_CODES.map(office).sort());
  });

  it("is deterministic and the same at national scale", () => {
    expect(methodRows(generateSeed({ scale: "pilot" }))).toEqual(methodRows(pilot));
    expect(methodRows(generateSeed({ scale: "national" }))).toEqual(methodRows(pilot));
  });

  it("moves every date with today", () => {
    const later = generateSeed({ scale: "pilot", today: "2027-06-15" });
    expect(later.kpiMeasurements).toHaveLength(pilot.kpiMeasurements.length);
    expect(later.maturityAssessments).toHaveLength(pilot.maturityAssessments.length);
    const periods = later.kpiMeasurements.map((m) => iso(m.period)).sort();
    expect([periods[0], periods.at(-1)]).toEqual(["2025-06-01", "2027-05-01"]);
    const assessed = later.maturityAssessments.map((a) => iso(a.assessedOn)).sort();
    expect(assessed.at(-1)! < "2027-04-01").toBe(true);
    expect(assessed[0]! >= "2025-04-01").toBe(true);
  });

  it("records nothing before an office existed", () => {
    const early = generateSeed({ scale: "pilot", today: "2021-03-01" });
    const dates = [
      ...early.kpiMeasurements.map((m) => m.period),
      ...early.maturityAssessments.map((a) => a.assessedOn),
      ...early.processFlows.map((f) => f.recordedOn),
      ...early.userInsights.map((i) => i.interviewedOn),
      ...early.cultureAssessments.map((c) => c.assessedOn),
    ].map(iso);
    expect(dates.length).toBeGreaterThan(0);
    expect(dates.every((d) => d >= "2020-01-01")).toBe(true);
    expect(early.kpiMeasurements.map((m) => iso(m.period)).sort()[0]).toBe("2020-01-01");
    // Insights keep pointing at steps that exist.
    const steps = new Set(early.processSteps.map((s) => s.id));
    expect(early.userInsights.every((i) => i.processStepId == null || steps.has(i.processStepId))).toBe(true);
  });

  it("writes every record as the seed's system author", () => {
    for (const key of ["maturityAssessments", "processFlows", "kpiMeasurements", "userInsights", "cultureAssessments"] as const) {
      for (const row of pilot[key]) expect(row, key).toMatchObject({ authorSubject: "seed", authorName: "Samla (demodata)" });
    }
  });
});

describe("maturity assessments", () => {
  it("has levels 0-4, one assessment per quarter for eight quarters, before today", () => {
    expect(pilot.maturityAssessments.every((a) => Number.isInteger(a.level) && a.level >= 0 && a.level <= 4)).toBe(true);
    for (const code of PILOT_OFFICE_CODES) {
      for (const practice of PRACTICE_CODES) {
        const rows = pilot.maturityAssessments.filter((a) => a.officeId === office(code) && a.practiceId === ids.practice(practice));
        const quarters = rows.map((a) => {
          const d = new Date(a.assessedOn);
          return `${d.getUTCFullYear()}Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
        });
        expect(quarters, `${code} ${practice}`).toEqual([
          "2024Q4",
          "2025Q1",
          "2025Q2",
          "2025Q3",
          "2025Q4",
          "2026Q1",
          "2026Q2",
          "2026Q3",
        ]);
        expect(rows.every((a) => a.evidence.length > 20)).toBe(true);
      }
    }
  });

  it("points each assessment at the practice version in force when it was made", () => {
    const versions = new Map(pilot.practiceVersions.map((v) => [v.id, v]));
    for (const a of pilot.maturityAssessments) {
      const version = versions.get(a.practiceVersionId);
      expect(version?.practiceId).toBe(a.practiceId);
      const inForce = pilot.practiceVersions
        .filter((v) => v.practiceId === a.practiceId && new Date(v.createdAt!) <= new Date(a.assessedOn))
        .sort((x, y) => x.number - y.number)
        .at(-1);
      expect(a.practiceVersionId, a.id).toBe(inForce?.id);
    }
    // Both versions of the versioned practices are in use.
    const used = new Set(pilot.maturityAssessments.map((a) => a.practiceVersionId));
    for (const id of ["BRUKERINTERVJU", "DIGITAL_SOKNAD"].flatMap((p) => [1, 2].map((n) => ids.practiceVersion(p, n)))) {
      expect(used.has(id), id).toBe(true);
    }
  });

  it("mostly rises, explains every setback, and differs between the pilots", () => {
    const byOfficePractice = new Map<string, typeof pilot.maturityAssessments>();
    for (const a of pilot.maturityAssessments) {
      const key = `${a.officeId} ${a.practiceId}`;
      byOfficePractice.set(key, [...(byOfficePractice.get(key) ?? []), a]);
    }
    let setbacks = 0;
    for (const rows of byOfficePractice.values()) {
      expect(rows.at(-1)!.level).toBeGreaterThanOrEqual(rows[0]!.level);
      rows.slice(1).forEach((a, i) => {
        if (a.level < rows[i]!.level) {
          setbacks++;
          expect(a.evidence).toMatch(/^Ned fra nivå \d: /);
        }
      });
    }
    expect(setbacks).toBeGreaterThan(0);
    for (const practice of PRACTICE_CODES) expect(new Set(latestLevels(pilot, practice).values()).size, practice).toBeGreaterThan(1);
  });

  it("has Lillestrøm furthest on user insight and Drammen on case flow", () => {
    for (const practice of ["BRUKERINTERVJU", "BRUKERSTEMME"]) {
      const levels = latestLevels(pilot, practice);
      expect(levels.get(office(LILLESTROM)), practice).toBe(Math.max(...levels.values()));
      expect(levels.get(office(LILLESTROM)), practice).toBe(4);
    }
    for (const practice of ["VERDISTROM", "ENHETLIGE_RUTINER"]) {
      const levels = latestLevels(pilot, practice);
      expect(levels.get(office(DRAMMEN)), practice).toBe(4);
      expect([...levels.values()].filter((l) => l === 4), practice).toHaveLength(1);
    }
  });
});

describe("KPI measurements", () => {
  it("has 24 consecutive months per pilot and KPI, each on the first of the month, ending last month", () => {
    const expected = Array.from({ length: 24 }, (_, i) => iso(new Date(Date.UTC(2024, 10 + i, 1))));
    expect([expected[0], expected.at(-1)]).toEqual(["2024-11-01", "2026-10-01"]);
    for (const code of PILOT_OFFICE_CODES) {
      for (const kpi of KPI_CODES) {
        const periods = pilot.kpiMeasurements.filter((m) => m.officeId === office(code) && m.kpiId === ids.kpi(kpi)).map((m) => iso(m.period));
        expect(periods, `${code} ${kpi}`).toEqual(expected);
      }
    }
  });

  it("keeps values in realistic ranges", () => {
    const ranges: Record<string, [number, number]> = {
      SAKSBEHANDLINGSTID: [5, 25],
      ANDEL_INNEN_FRIST: [45, 100],
      RESTANSER: [0, 150],
      BRUKERTILFREDSHET: [55, 95],
      MEDARBEIDERENGASJEMENT: [3, 4.6],
      SYKEFRAVAER: [3, 12],
    };
    for (const m of pilot.kpiMeasurements) {
      const [min, max] = ranges[String(m.kpiId).replace("seed-kpi-", "")]!;
      const value = Number(m.value);
      expect(value, m.id).toBeGreaterThanOrEqual(min);
      expect(value, m.id).toBeLessThanOrEqual(max);
    }
    expect(pilot.kpiMeasurements.filter((m) => m.kpiId === ids.kpi("RESTANSER")).every((m) => Number.isInteger(m.value))).toBe(true);
  });

  it("shows Drammen improving after its Lean work, ending with the shortest processing time", () => {
    const drammen = kpiSeries(pilot, DRAMMEN, "SAKSBEHANDLINGSTID");
    expect(mean(drammen.slice(-3))).toBeLessThan(mean(drammen.slice(0, 3)) * 0.6);
    const lastQuarter = PILOT_OFFICE_CODES.map((code) => [code, mean(kpiSeries(pilot, code, "SAKSBEHANDLINGSTID").slice(-3))] as const);
    expect(lastQuarter.sort((a, b) => a[1] - b[1])[0]?.[0]).toBe(DRAMMEN);
    const deadline = kpiSeries(pilot, DRAMMEN, "ANDEL_INNEN_FRIST");
    expect(mean(deadline.slice(-3)) - mean(deadline.slice(0, 3))).toBeGreaterThan(20);
  });

  it("has Lillestrøm ahead on user satisfaction and the months vary (noise and seasons)", () => {
    const lastHalfYear = PILOT_OFFICE_CODES.map((code) => [code, mean(kpiSeries(pilot, code, "BRUKERTILFREDSHET").slice(-6))] as const);
    expect(lastHalfYear.sort((a, b) => b[1] - a[1])[0]?.[0]).toBe(LILLESTROM);
    for (const code of PILOT_OFFICE_CODES) {
      for (const kpi of KPI_CODES) {
        const series = kpiSeries(pilot, code, kpi);
        const ups = series.slice(1).filter((v, i) => v > series[i]!).length;
        const downs = series.slice(1).filter((v, i) => v < series[i]!).length;
        expect(ups, `${code} ${kpi}`).toBeGreaterThan(2);
        expect(downs, `${code} ${kpi}`).toBeGreaterThan(2);
      }
    }
  });
});

describe("case flows", () => {
  const roleIds = new Set(ROLES.map((r) => ids.role(r.code)));

  it("has two flows of financial social assistance per pilot, steps numbered 1… through all six stages in order", () => {
    for (const code of PILOT_OFFICE_CODES) {
      const flows = pilot.processFlows.filter((f) => f.officeId === office(code));
      expect(flows.map((f) => f.serviceId)).toEqual([ids.service("OKSOS"), ids.service("OKSOS")]);
      for (const flow of flows) {
        expect(new Date(flow.recordedOn) <= today).toBe(true);
        const steps = pilot.processSteps.filter((s) => s.flowId === flow.id);
        expect(steps.map((s) => s.order)).toEqual(steps.map((_, i) => i + 1));
        const stageIndexes = steps.map((s) => STAGE_KEYS.indexOf(s.stageKey as (typeof STAGE_KEYS)[number]));
        expect(stageIndexes.every((i, n) => i >= 0 && (n === 0 || i >= stageIndexes[n - 1]!)), flow.id).toBe(true);
        expect(new Set(stageIndexes).size, flow.id).toBe(STAGE_KEYS.length);
        for (const s of steps) {
          expect(roleIds.has(s.responsibleRoleId ?? ""), s.id).toBe(true);
          expect(Number(s.durationDays)).toBeGreaterThan(0);
          expect(Number(s.waitingDays)).toBeGreaterThanOrEqual(0);
          expect(s.handOffs).toBeGreaterThanOrEqual(0);
        }
      }
    }
  });

  it("gives Drammen the shortest flow today, clearly shorter than Lillestrøm's, and shorter than its own first mapping", () => {
    const lead = new Map(PILOT_OFFICE_CODES.map((code) => [code, flowOn(pilot, code, today).leadTime]));
    expect(lead.get(DRAMMEN)).toBe(11.5);
    expect(lead.get(LILLESTROM)).toBe(18.5);
    expect(Math.min(...lead.values())).toBe(lead.get(DRAMMEN));
    const first = pilot.processFlows.find((f) => f.id === ids.processFlow(DRAMMEN, "OKSOS", 1))!;
    expect(flowOn(pilot, DRAMMEN, new Date(first.recordedOn)).leadTime).toBeGreaterThan(25);
    const handOffs = (code: string) => flowOn(pilot, code, today).steps.reduce((sum, s) => sum + s.handOffs, 0);
    expect(handOffs(DRAMMEN)).toBeLessThan(handOffs(LILLESTROM));
  });
});

describe("user insights and culture", () => {
  it("ties insights to a step of the office's flow in the same stage, with known themes and dates", () => {
    const steps = new Map(pilot.processSteps.map((s) => [s.id, s]));
    const flows = new Map(pilot.processFlows.map((f) => [f.id, f]));
    for (const insight of pilot.userInsights) {
      expect(INSIGHT_THEMES).toContain(insight.theme);
      expect(new Date(insight.interviewedOn) <= today).toBe(true);
      expect(insight.text.length).toBeGreaterThan(20);
      if (!insight.processStepId) continue;
      const step = steps.get(insight.processStepId);
      expect(flows.get(step?.flowId ?? "")?.officeId).toBe(insight.officeId);
      expect(insight.serviceId).toBe(ids.service("OKSOS"));
    }
    const linked = pilot.userInsights.filter((i) => i.processStepId).length;
    expect(linked / pilot.userInsights.length).toBeGreaterThan(0.8);
    expect(new Set(pilot.userInsights.map((i) => i.kind))).toEqual(new Set(["QUOTE", "SUMMARY"]));
    // The spearhead interviews the most.
    const perOffice = PILOT_OFFICE_CODES.map((code) => pilot.userInsights.filter((i) => i.officeId === office(code)).length);
    expect(Math.max(...perOffice)).toBe(perOffice[PILOT_OFFICE_CODES.indexOf(LILLESTROM)]);
  });

  it("scores culture 1-5 on known dimensions, with the target above the current score", () => {
    for (const c of pilot.cultureAssessments) {
      expect(CULTURE_DIMENSIONS).toContain(c.dimension);
      expect(Number(c.currentScore)).toBeGreaterThanOrEqual(1);
      expect(Number(c.targetScore)).toBeLessThanOrEqual(5);
      expect(Number(c.targetScore)).toBeGreaterThan(Number(c.currentScore));
    }
  });
});
