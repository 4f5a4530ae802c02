// The rollout rows (issue 7) without a database: the facts the e2e tests and the demo rely
// on, the rules shared with the API (contract "Rules shared by API and seed"), and an
// impact analysis that has something real to show.
import { describe, expect, it } from "vitest";
import {
  DEMO_LEADER_2,
  KEY_PRACTICE,
  NEUTRAL_PRACTICE,
  PILOT_OFFICE_CODES,
  PRACTICE_CODES,
  REPORTED_KPI_CODES,
  generateSeed,
  ids,
  type SeedRows,
} from "../src/index";
import { DEMO_REVIEWERS } from "../src/data/adoption";
import { loadDemoUsers } from "../keycloak/demo-users";

const pilot = generateSeed({ scale: "pilot" });
const TODAY = new Date("2026-11-01T00:00:00Z");
const iso = (date: Date | string) => new Date(date).toISOString().slice(0, 10);
const month = (date: Date | string) => iso(date).slice(0, 7);
const time = (date: Date | string | null | undefined) => (date == null ? NaN : new Date(date).getTime());
const code = (officeId: string) => officeId.replace("seed-office-", "");
const STAGES = ["NOT_STARTED", "PREPARING", "PILOTING", "ADOPTED", "EMBEDDED"];
const stageIndex = (stage: unknown) => STAGES.indexOf(String(stage));
const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;

const WAVE_2 = ["1190", "3002", "3004", "3020", "3024", "3029", "3804", "5090"];
const WAVE_3 = ["3033", "3403", "3407", "3442", "3443", "3811"];

function currentRollouts(rows: SeedRows) {
  return rows.officeRollouts.filter((r) => r.leftAt == null);
}

function reportsOf(rows: SeedRows, officeCode: string) {
  return rows.progressReports.filter((r) => r.officeId === ids.office(officeCode)).sort((a, b) => time(a.period) - time(b.period));
}

/** The office's stage of a practice on a month, carried forward from AdoptionStatus rows (contract rule). */
function stageOn(rows: SeedRows, officeCode: string, practiceCode: string, on: Date): number {
  const latest = rows.adoptionStatuses
    .filter((s) => s.officeId === ids.office(officeCode) && s.practiceId === ids.practice(practiceCode) && time(s.period) <= on.getTime())
    .sort((a, b) => time(a.period) - time(b.period))
    .at(-1);
  return latest ? stageIndex(latest.stage) : 0;
}

/** The contract's expected stage index on day `d`. */
function expectedStage(d: Date, plannedStart: Date, targetDate: Date): number {
  if (d < plannedStart) return 0;
  if (d >= targetDate) return 3;
  return 1 + Math.floor((2 * (d.getTime() - plannedStart.getTime())) / (targetDate.getTime() - plannedStart.getTime()));
}

function behindPlan(rows: SeedRows, on: Date): Map<string, string[]> {
  const behind = new Map<string, string[]>();
  for (const rollout of currentRollouts(rows)) {
    for (const practice of PRACTICE_CODES) {
      const override = rows.officeRolloutPractices.find((p) => p.officeRolloutId === rollout.id && p.practiceId === ids.practice(practice));
      const expected = expectedStage(on, new Date(override?.plannedStart ?? rollout.plannedStart), new Date(override?.targetDate ?? rollout.targetDate));
      if (stageOn(rows, code(rollout.officeId), practice, on) < expected) {
        behind.set(code(rollout.officeId), [...(behind.get(code(rollout.officeId)) ?? []), practice]);
      }
    }
  }
  return behind;
}

/** The contract's difference-in-differences estimate (H2's definition), over all offices' KPI values. */
function impact(rows: SeedRows, practiceCode: string, kpiCode: string, windowMonths: number) {
  const monthIndex = (date: Date | string) => new Date(date).getUTCFullYear() * 12 + new Date(date).getUTCMonth();
  const values = new Map<string, Map<number, number>>();
  for (const m of [...rows.kpiMeasurements, ...rows.comparisonKpiMeasurements]) {
    if (m.kpiId !== ids.kpi(kpiCode)) continue;
    const byMonth = values.get(m.officeId) ?? new Map<number, number>();
    byMonth.set(monthIndex(m.period), Number(m.value));
    values.set(m.officeId, byMonth);
  }
  const adopted = new Map<string, number>();
  for (const s of rows.adoptionStatuses) {
    if (s.practiceId !== ids.practice(practiceCode) || stageIndex(s.stage) < 3) continue;
    const at = monthIndex(s.period);
    if ((adopted.get(s.officeId) ?? Infinity) > at) adopted.set(s.officeId, at);
  }
  const window = (officeId: string, from: number, to: number) => {
    const found: number[] = [];
    for (let i = from; i <= to; i++) {
      const v = values.get(officeId)?.get(i);
      if (v !== undefined) found.push(v);
    }
    return found;
  };
  const change = (officeId: string, a: number) => {
    const before = window(officeId, a - windowMonths, a - 1);
    const after = window(officeId, a, a + windowMonths - 1);
    return before.length > 0 && after.length > 0 ? mean(after) - mean(before) : undefined;
  };
  const differences: number[] = [];
  for (const [officeId, a] of adopted) {
    const own = change(officeId, a);
    if (own === undefined) continue;
    const controls = [...values.keys()]
      .filter((c) => c !== officeId && (adopted.get(c) ?? Infinity) > a + windowMonths - 1)
      .map((c) => change(c, a))
      .filter((c): c is number => c !== undefined);
    if (controls.length > 0) differences.push(own - mean(controls));
  }
  return { estimate: mean(differences), treated: differences.length };
}

describe("rollout plan", () => {
  it("has the pilot wave first and two later waves, with their dates", () => {
    expect(
      pilot.rolloutWaves.map((w) => [w.ordinal, w.name, w.isPilot, iso(w.plannedStart), iso(w.targetDate)]).sort((a, b) => Number(a[0]) - Number(b[0])),
    ).toEqual([
      [1, "Bølge 1 – pilot", true, "2024-11-01", "2025-12-31"],
      [2, "Bølge 2", false, "2025-09-01", "2026-09-30"],
      [3, "Bølge 3", false, "2027-02-01", "2027-12-31"],
    ]);
  });

  it("puts the five pilots in wave 1, eight offices in wave 2 and six in wave 3, each office in one wave at most", () => {
    const members = (ordinal: number) =>
      currentRollouts(pilot)
        .filter((r) => r.waveId === ids.rolloutWave(ordinal))
        .map((r) => code(r.officeId))
        .sort();
    expect(members(1)).toEqual([...PILOT_OFFICE_CODES].sort());
    expect(members(2)).toEqual(WAVE_2);
    expect(members(3)).toEqual(WAVE_3);
    const offices = currentRollouts(pilot).map((r) => r.officeId);
    expect(new Set(offices).size).toBe(offices.length);
    const active = pilot.offices.filter((o) => o.status === "ACTIVE").map((o) => o.code);
    expect(active.filter((c) => !offices.includes(ids.office(c)))).toEqual(["1804"]);
  });

  it("keeps the history of Nav Fredrikstad, moved from wave 3 to wave 2", () => {
    const rows = pilot.officeRollouts.filter((r) => r.officeId === ids.office("3004")).sort((a, b) => time(a.joinedAt) - time(b.joinedAt));
    expect(rows.map((r) => [r.waveId, r.leftAt == null])).toEqual([
      [ids.rolloutWave(3), false],
      [ids.rolloutWave(2), true],
    ]);
    expect(rows[0]?.leftReason).toMatch(/starte tidligere/);
    expect(time(rows[1]?.joinedAt)).toBe(time(rows[0]?.leftAt));
    expect([iso(rows[1]!.plannedStart), iso(rows[1]!.targetDate)]).toEqual(["2025-10-01", "2026-09-30"]);
  });

  it("overrides a few practices' dates, for pilots only", () => {
    const pilotRollouts = new Set(currentRollouts(pilot).filter((r) => r.waveId === ids.rolloutWave(1)).map((r) => r.id));
    expect(pilot.officeRolloutPractices.length).toBeGreaterThanOrEqual(3);
    for (const p of pilot.officeRolloutPractices) {
      expect(pilotRollouts.has(p.officeRolloutId), p.id).toBe(true);
      expect(time(p.plannedStart)).toBeLessThan(time(p.targetDate));
    }
  });
});

describe("demo leaders", () => {
  it("links leader2 to the Nav-leder of Nav Drammen, so the org model makes them its leader", () => {
    const user = loadDemoUsers().find((u) => u.username === "leader2");
    expect(user).toMatchObject({ id: DEMO_LEADER_2.ssoSubject, name: "Leif Leder", email: "leader2@samla.example", password: "samla-leader2", roles: ["office-leader"] });
    const person = pilot.persons.find((p) => p.ssoSubject === DEMO_LEADER_2.ssoSubject);
    expect(person).toMatchObject({ name: "Leif Leder", email: "leader2@samla.example" });
    const current = pilot.assignments.filter((a) => a.personId === person?.id && a.endDate === null);
    expect(current.map((a) => [a.roleId, a.teamId])).toEqual([[ids.role("NAV_LEDER"), ids.team("3005", "ledelse")]]);
  });

  it("has the directorate's reviews made by the realm's planners, and each office's reports by its Nav-leder", () => {
    const planners = loadDemoUsers().filter((u) => u.roles.includes("planner"));
    for (const reviewer of DEMO_REVIEWERS) expect(planners.map((p) => [p.id, p.name])).toContainEqual([reviewer.subject, reviewer.name]);
    const reviewers = new Set<string>(DEMO_REVIEWERS.map((r) => r.subject));
    for (const r of pilot.progressReports.filter((x) => x.acknowledgedBySubject)) expect(reviewers.has(r.acknowledgedBySubject!)).toBe(true);
    expect(new Set(reportsOf(pilot, "3030").map((r) => r.createdByName))).toEqual(new Set(["Liv Leder"]));
    expect(new Set(reportsOf(pilot, "3005").map((r) => r.submittedBySubject))).toEqual(new Set([DEMO_LEADER_2.ssoSubject]));
  });
});

describe("progress reports", () => {
  it("has a report every month for two years per pilot, but Indre Østfold's last month is missing", () => {
    for (const office of PILOT_OFFICE_CODES) {
      const months = reportsOf(pilot, office).map((r) => month(r.period));
      const expected = Array.from({ length: 24 }, (_, i) => month(new Date(Date.UTC(2024, 10 + i, 1))));
      expect(months, office).toEqual(office === "3014" ? expected.filter((m) => m !== "2026-10") : expected);
    }
  });

  it("has no report for the current month, so Lillestrøm's and Drammen's are still to be opened", () => {
    const current = pilot.progressReports.filter((r) => month(r.period) >= "2026-11");
    expect(current).toEqual([]);
    expect(pilot.progressReports.every((r) => iso(r.period).endsWith("-01"))).toBe(true);
  });

  it("has wave 2 reporting since its start, with Trondheim and Nordre Follo behind on reports and nothing from wave 3", () => {
    for (const office of WAVE_2) {
      const months = reportsOf(pilot, office).map((r) => month(r.period));
      expect(months[0], office).toBe(office === "3004" ? "2025-10" : "2025-09");
      expect(months.at(-1), office).toBe(office === "3020" ? "2026-09" : "2026-10");
    }
    expect(reportsOf(pilot, "5090").map((r) => month(r.period))).not.toContain("2026-09");
    expect(reportsOf(pilot, "5090").at(-1)).toMatchObject({ status: "DRAFT", submittedAt: null, learning: "" });
    for (const office of WAVE_3) expect(reportsOf(pilot, office), office).toEqual([]);
  });

  it("leaves last month's reports awaiting review, older ones acknowledged", () => {
    const byStatus = (status: string, from: string, to: string) =>
      pilot.progressReports.filter((r) => r.status === status && month(r.period) >= from && month(r.period) <= to).map((r) => code(r.officeId));
    expect(byStatus("SUBMITTED", "2026-10", "2026-10").sort()).toEqual(["1190", "3004", "3005", "3024", "3025", "3029", "3030", "3804", "4204"]);
    expect(byStatus("SUBMITTED", "2000-01", "2026-09")).toEqual([]);
    const older = pilot.progressReports.filter((r) => month(r.period) < "2026-10");
    expect(older.every((r) => r.status === "ACKNOWLEDGED")).toBe(true);
    const commented = older.filter((r) => pilot.progressReportComments.some((c) => c.reportId === r.id && c.kind === "ACKNOWLEDGED"));
    expect(commented.length).toBeGreaterThan(older.length * 0.1);
    expect(commented.length).toBeLessThan(older.length * 0.5);
  });

  it("has one report returned for changes and sent again (two submissions), and one waiting for changes", () => {
    const twice = pilot.progressReportSubmissions.filter((s) => s.number === 2).map((s) => s.reportId);
    expect(twice).toEqual([ids.progressReport("3025", "2026-09")]);
    const resent = pilot.progressReports.find((r) => r.id === twice[0]);
    expect(resent?.status).toBe("ACKNOWLEDGED");
    const comments = pilot.progressReportComments.filter((c) => c.reportId === twice[0]).sort((a, b) => time(a.createdAt) - time(b.createdAt));
    expect(comments.map((c) => c.kind)).toEqual(["CHANGES_REQUESTED", "ACKNOWLEDGED"]);
    const [first, second] = pilot.progressReportSubmissions.filter((s) => s.reportId === twice[0]).sort((a, b) => a.number - b.number);
    const backlog = (s: typeof first) => (s?.content as { kpiValues: { kpiCode: string; value: number }[] }).kpiValues.find((k) => k.kpiCode === "RESTANSER")?.value;
    expect(backlog(first)).toBe(10 * backlog(second)!);
    expect(comments[0]?.body).toContain(String(backlog(first)));
    expect(time(first?.submittedAt)).toBeLessThan(time(comments[0]?.createdAt));
    expect(time(comments[0]?.createdAt)).toBeLessThan(time(second?.submittedAt));

    const waiting = pilot.progressReports.filter((r) => r.status === "CHANGES_REQUESTED");
    expect(waiting.map((r) => r.id)).toEqual([ids.progressReport("3002", "2026-10")]);
    expect(pilot.progressReportComments.filter((c) => c.reportId === waiting[0]?.id).map((c) => c.kind)).toEqual(["CHANGES_REQUESTED"]);
  });

  it("gives every report a stage for all 12 practices and the three monthly KPIs", () => {
    for (const r of pilot.progressReports) {
      const stages = pilot.progressReportStages.filter((s) => s.reportId === r.id);
      expect(stages.map((s) => s.practiceId).sort(), r.id).toEqual(PRACTICE_CODES.map(ids.practice).sort());
      const kpis = pilot.progressReportKpiValues.filter((k) => k.reportId === r.id);
      expect(kpis.map((k) => k.kpiId).sort(), r.id).toEqual(REPORTED_KPI_CODES.map(ids.kpi).sort());
    }
  });

  it("reports the KPI values measured for the office and month, so the report and the comparison agree", () => {
    const measured = new Map([...pilot.kpiMeasurements, ...pilot.comparisonKpiMeasurements].map((m) => [`${m.officeId}|${m.kpiId}|${iso(m.period)}`, Number(m.value)]));
    const reports = new Map(pilot.progressReports.map((r) => [r.id, r]));
    for (const value of pilot.progressReportKpiValues) {
      const report = reports.get(value.reportId)!;
      if (report.status === "DRAFT") continue; // prefilled from the last report
      expect(Number(value.value), value.id).toBe(measured.get(`${report.officeId}|${value.kpiId}|${iso(report.period)}`));
    }
  });

  it("snapshots each submission in the contract's shape; the last one is what the report says", () => {
    const practiceCodes = [...PRACTICE_CODES].sort();
    for (const s of pilot.progressReportSubmissions) {
      const content = s.content as {
        stages: { practiceCode: string; practiceName: string; stage: string; note: string }[];
        kpiValues: { kpiCode: string; kpiName: string; value: number }[];
        learning: string;
        obstacles: string;
        helpNeeded: string;
      };
      expect(Object.keys(content).sort()).toEqual(["helpNeeded", "kpiValues", "learning", "obstacles", "stages"]);
      expect(content.stages.map((x) => x.practiceCode).sort()).toEqual(practiceCodes);
      expect(content.stages.every((x) => x.practiceName.length > 0 && STAGES.includes(x.stage))).toBe(true);
      expect(content.kpiValues.map((k) => k.kpiCode)).toEqual([...REPORTED_KPI_CODES]);
      const report = pilot.progressReports.find((r) => r.id === s.reportId)!;
      const last = Math.max(...pilot.progressReportSubmissions.filter((x) => x.reportId === s.reportId).map((x) => x.number));
      expect(time(s.submittedAt)).toBeLessThan(TODAY.getTime());
      if (s.number !== last) continue;
      expect(time(s.submittedAt)).toBe(time(report.submittedAt));
      expect({ learning: content.learning, obstacles: content.obstacles, helpNeeded: content.helpNeeded }).toEqual({
        learning: report.learning,
        obstacles: report.obstacles,
        helpNeeded: report.helpNeeded,
      });
      const stages = pilot.progressReportStages.filter((x) => x.reportId === s.reportId);
      for (const x of content.stages) {
        expect(stages.find((y) => y.practiceId === ids.practice(x.practiceCode))).toMatchObject({ stage: x.stage, note: x.note });
      }
    }
    // Names as they read when sent: the user interview practice was renamed in its second version.
    const names = (reportId: string) =>
      (pilot.progressReportSubmissions.find((s) => s.reportId === reportId)?.content as { stages: { practiceCode: string; practiceName: string }[] }).stages.find(
        (x) => x.practiceCode === "BRUKERINTERVJU",
      )?.practiceName;
    expect(names(ids.progressReport("3030", "2025-01"))).toBe("Brukerintervjuer i kartleggingen");
    expect(names(ids.progressReport("3030", "2026-09"))).toBe("Brukerintervjuer i kartlegging av nå-situasjonen");
  });

  it("dates every step in order, all before the seed's today", () => {
    for (const r of pilot.progressReports) {
      expect(time(r.createdAt), r.id).toBeLessThan(TODAY.getTime());
      expect(time(r.updatedAt), r.id).toBeLessThan(TODAY.getTime());
      if (r.submittedAt) expect(time(r.createdAt), r.id).toBeLessThan(time(r.submittedAt));
      if (r.submittedAt) expect(time(r.submittedAt), r.id).toBeGreaterThan(time(r.period));
      if (r.acknowledgedAt) expect(time(r.acknowledgedAt), r.id).toBeGreaterThan(time(r.submittedAt));
    }
  });

  it("writes Norwegian texts that vary", () => {
    const submitted = pilot.progressReports.filter((r) => r.status !== "DRAFT");
    expect(submitted.every((r) => (r.learning ?? "").length > 20)).toBe(true);
    expect(new Set(submitted.map((r) => r.learning)).size).toBeGreaterThan(40);
    expect(new Set(submitted.map((r) => r.obstacles)).size).toBeGreaterThan(10);
    expect(submitted.some((r) => /[æøå]/.test(r.obstacles ?? ""))).toBe(true);
  });
});

describe("adoption", () => {
  it("has an AdoptionStatus row for every stage of every submitted report, and no others", () => {
    const sent = new Set(pilot.progressReportSubmissions.map((s) => s.reportId));
    const expected = pilot.progressReportStages
      .filter((s) => sent.has(s.reportId))
      .map((s) => {
        const report = pilot.progressReports.find((r) => r.id === s.reportId)!;
        return `${report.officeId}|${s.practiceId}|${iso(report.period)}|${String(s.stage)}|${s.reportId}`;
      })
      .sort();
    const actual = pilot.adoptionStatuses.map((a) => `${a.officeId}|${a.practiceId}|${iso(a.period)}|${String(a.stage)}|${a.reportId}`).sort();
    expect(actual).toEqual(expected);
    const statuses = new Set(pilot.progressReports.filter((r) => sent.has(r.id!)).map((r) => r.status));
    expect([...statuses].sort()).toEqual(["ACKNOWLEDGED", "CHANGES_REQUESTED", "SUBMITTED"]);
  });

  it("has Lillestrøm and Drammen on plan, Asker caught up, and five offices behind with their reasons", () => {
    const behind = behindPlan(pilot, TODAY);
    expect([...behind.keys()].sort()).toEqual(["1190", "3002", "3014", "4204", "5090"]);
    expect(behind.get("3014")).toHaveLength(4);
    expect(behind.get("4204")).toEqual(["BRUKERSTEMME", "DIGITAL_FLYTOVERSIKT"]);
    for (const office of behind.keys()) {
      const latest = reportsOf(pilot, office)
        .filter((r) => r.status === "SUBMITTED" || r.status === "ACKNOWLEDGED")
        .at(-1);
      expect(latest?.obstacles?.length, office).toBeGreaterThan(60);
      expect(latest?.helpNeeded?.length, office).toBeGreaterThan(20);
    }
    // Asker was behind at the start of the year and has caught up since.
    expect(behindPlan(pilot, new Date("2026-01-31T00:00:00Z")).has("3025")).toBe(true);
    // The spearhead embeds more practices than anyone among the pilots but Drammen.
    const embedded = (office: string) => PRACTICE_CODES.filter((p) => stageOn(pilot, office, p, TODAY) === 4).length;
    expect(embedded("3030")).toBeGreaterThan(embedded("3025"));
    expect(embedded("3005")).toBeGreaterThanOrEqual(embedded("3030"));
  });

  it("moves stages forward, with one setback explained", () => {
    const setbacks: string[] = [];
    for (const rollout of currentRollouts(pilot)) {
      const reports = reportsOf(pilot, code(rollout.officeId)).filter((r) => r.status !== "DRAFT");
      for (const practice of PRACTICE_CODES) {
        let previous = 0;
        for (const r of reports) {
          const stage = pilot.progressReportStages.find((s) => s.reportId === r.id && s.practiceId === ids.practice(practice))!;
          if (stageIndex(stage.stage) < previous) setbacks.push(`${code(rollout.officeId)} ${practice} ${month(r.period)} ${stage.note}`);
          previous = stageIndex(stage.stage);
        }
      }
    }
    expect(setbacks).toHaveLength(1);
    expect(setbacks[0]).toMatch(/^4204 TAVLEMOTE 2025-08 Tavlemøtene stoppet opp/);
  });

  it("gives the wave 2 and 3 offices 24 months of every KPI, and nobody else new KPI values", () => {
    const rows = pilot.comparisonKpiMeasurements;
    expect(rows).toHaveLength((WAVE_2.length + WAVE_3.length) * 6 * 24);
    expect([...new Set(rows.map((m) => code(m.officeId)))].sort()).toEqual([...WAVE_2, ...WAVE_3].sort());
    const periods = rows.map((m) => iso(m.period)).sort();
    expect([periods[0], periods.at(-1)]).toEqual(["2024-11-01", "2026-10-01"]);
    const pilotIds = new Set(pilot.kpiMeasurements.map((m) => m.id));
    expect(rows.some((m) => pilotIds.has(m.id!))).toBe(false);
    const days = rows.filter((m) => m.kpiId === ids.kpi("SAKSBEHANDLINGSTID")).map((m) => Number(m.value));
    expect(Math.min(...days)).toBeGreaterThan(5);
    expect(Math.max(...days)).toBeLessThan(25);
  });

  it("shows a plausible effect of value stream mapping on processing time, and none of present leadership", () => {
    const key = impact(pilot, KEY_PRACTICE, "SAKSBEHANDLINGSTID", 6);
    const neutral = impact(pilot, NEUTRAL_PRACTICE, "SAKSBEHANDLINGSTID", 6);
    expect(key.treated).toBeGreaterThanOrEqual(10);
    expect(neutral.treated).toBeGreaterThanOrEqual(10);
    // A few days shorter, not a miracle.
    expect(key.estimate).toBeLessThan(-1.2);
    expect(key.estimate).toBeGreaterThan(-4);
    expect(Math.abs(neutral.estimate)).toBeLessThan(0.7);
  });
});

describe("determinism", () => {
  const ADOPTION_KEYS = [
    "comparisonKpiMeasurements",
    "rolloutWaves",
    "officeRollouts",
    "officeRolloutPractices",
    "progressReports",
    "progressReportStages",
    "progressReportKpiValues",
    "progressReportSubmissions",
    "progressReportComments",
    "adoptionStatuses",
  ] as const satisfies readonly (keyof SeedRows)[];
  const adoptionRows = (rows: SeedRows) => Object.fromEntries(ADOPTION_KEYS.map((key) => [key, rows[key]]));

  it("gives the same rows every time and at national scale", () => {
    expect(adoptionRows(generateSeed({ scale: "pilot" }))).toEqual(adoptionRows(pilot));
    expect(adoptionRows(generateSeed({ scale: "national" }))).toEqual(adoptionRows(pilot));
  });

  it("moves every date with today", () => {
    const later = generateSeed({ scale: "pilot", today: "2027-06-15" });
    expect(later.progressReports).toHaveLength(pilot.progressReports.length);
    expect(later.rolloutWaves.map((w) => iso(w.plannedStart)).sort()).toEqual(["2025-06-01", "2026-04-01", "2027-09-01"]);
    expect(later.progressReports.map((r) => month(r.period)).sort().at(-1)).toBe("2027-05");
    expect(later.progressReports.every((r) => r.submittedAt == null || time(r.submittedAt) < time("2027-06-15"))).toBe(true);
  });

  it("reports nothing for months before an office existed", () => {
    const early = generateSeed({ scale: "pilot", today: "2021-03-01" });
    const validFrom = new Map(early.offices.map((o) => [o.id, time(o.validFrom)]));
    for (const r of early.progressReports) expect(time(r.period)).toBeGreaterThanOrEqual(validFrom.get(r.officeId)! - 31 * 86_400_000);
    for (const m of early.comparisonKpiMeasurements) expect(time(m.period)).toBeGreaterThanOrEqual(validFrom.get(m.officeId)! - 31 * 86_400_000);
  });
});
