// adoptionDashboard and the two exports through GraphQL. The test writes rollouts, status
// rows and reports straight to the database, then checks every part against values it
// computes here from those same rows with the contract's rules.
import type { AdoptionStage, Db, ProgressReportStatus } from "@samla/schema";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { date, gid } from "../../test/fixtures";
import { createTestApi, dataOf, errorCode, type Json, type TestApi } from "../../test/harness";

let api: TestApi;

const STAGES: AdoptionStage[] = ["NOT_STARTED", "PREPARING", "PILOTING", "ADOPTED", "EMBEDDED"];
const iso = (d: Date) => d.toISOString().slice(0, 10);
const month = (d: Date, add = 0) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + add, 1));
const days = (a: Date, b: Date) => Math.round((a.getTime() - b.getTime()) / 86_400_000);

interface Plan {
  officeId: string;
  waveId: string;
  practiceId: string;
  plannedStart: Date;
  targetDate: Date;
}
interface StatusRow {
  officeId: string;
  practiceId: string;
  period: Date;
  stage: AdoptionStage;
}

/** The world the test wrote, by name. */
interface World {
  practices: { p1: string; p2: string; retired: string };
  offices: { aust: string; berg: string; dal: string; utenfor: string; flyttet: string };
  waves: { pilot: string; second: string; empty: string };
  plans: Plan[];
  statuses: StatusRow[];
  reports: { officeId: string; period: Date; status: ProgressReportStatus; obstacles: string; helpNeeded: string; id: string }[];
}

let world: World;

async function createWorld(db: Db): Promise<World> {
  const practice = (code: string, theme: "USER_INSIGHT" | "CASE_FLOW", sortOrder: number, retiredAt: Date | null = null) =>
    db.practice.create({
      data: {
        code,
        theme,
        sortOrder,
        retiredAt,
        versions: { create: { number: 1, name: `Praksis ${code}`, description: "", levels: ["0", "1", "2", "3", "4"], createdBy: "test" } },
      },
    });
  // Created out of catalogue order: the dashboard orders by theme, then sortOrder.
  const p2 = await practice("P2", "CASE_FLOW", 1);
  const p1 = await practice("P1", "USER_INSIGHT", 2);
  const retired = await practice("P0", "USER_INSIGHT", 1, date("2025-01-01"));

  const office = (code: string, name: string) => db.office.create({ data: { code, name, validFrom: date("2020-01-01") } });
  const aust = await office("1001", "Nav Aust");
  const berg = await office("1002", "Nav Berg");
  const dal = await office("1003", "Nav Dal");
  const utenfor = await office("1004", "Nav Utenfor");
  const flyttet = await office("1005", "Nav Ærlig");

  const wave = (name: string, ordinal: number, plannedStart: string, targetDate: string) =>
    db.rolloutWave.create({ data: { name, ordinal, isPilot: ordinal === 1, plannedStart: date(plannedStart), targetDate: date(targetDate) } });
  const pilot = await wave("Pilot", 1, "2026-01-01", "2026-07-01");
  const second = await wave("Bølge 2", 2, "2026-05-01", "2027-05-01");
  const empty = await wave("Bølge 3", 3, "2027-01-01", "2028-01-01");

  const rollout = (officeId: string, waveId: string, plannedStart: string, targetDate: string, leftAt: Date | null = null) =>
    db.officeRollout.create({
      data: { officeId, waveId, plannedStart: date(plannedStart), targetDate: date(targetDate), joinedAt: new Date("2025-06-01T10:00:00Z"), leftAt },
    });
  await rollout(aust.id, pilot.id, "2026-01-01", "2026-07-01");
  // Berg was in the second wave first; only its current rollout counts.
  await rollout(berg.id, second.id, "2026-05-01", "2027-05-01", new Date("2025-12-01T10:00:00Z"));
  const bergPilot = await rollout(berg.id, pilot.id, "2026-01-01", "2026-07-01");
  await db.officeRolloutPractice.create({
    data: { officeRolloutId: bergPilot.id, practiceId: p2.id, plannedStart: date("2026-09-01"), targetDate: date("2027-09-01") },
  });
  await rollout(dal.id, second.id, "2026-05-01", "2027-05-01");
  // Ærlig sorts last in Norwegian (Æ after Z), first by code point: it tests the name order.
  await rollout(flyttet.id, second.id, "2026-05-01", "2027-05-01");

  const plans: Plan[] = [];
  for (const [officeId, waveId, start, target] of [
    [aust.id, pilot.id, "2026-01-01", "2026-07-01"],
    [berg.id, pilot.id, "2026-01-01", "2026-07-01"],
    [dal.id, second.id, "2026-05-01", "2027-05-01"],
    [flyttet.id, second.id, "2026-05-01", "2027-05-01"],
  ] as const) {
    for (const practiceId of [p1.id, p2.id]) {
      const override = officeId === berg.id && practiceId === p2.id;
      plans.push({
        officeId,
        waveId,
        practiceId,
        plannedStart: date(override ? "2026-09-01" : start),
        targetDate: date(override ? "2027-09-01" : target),
      });
    }
  }

  const statuses: StatusRow[] = [
    { officeId: aust.id, practiceId: p1.id, period: date("2025-11-01"), stage: "PREPARING" },
    { officeId: aust.id, practiceId: p1.id, period: date("2026-03-01"), stage: "PILOTING" },
    { officeId: aust.id, practiceId: p1.id, period: date("2026-04-01"), stage: "PILOTING" },
    { officeId: aust.id, practiceId: p1.id, period: date("2026-06-01"), stage: "ADOPTED" },
    { officeId: aust.id, practiceId: p1.id, period: date("2026-08-01"), stage: "ADOPTED" },
    { officeId: aust.id, practiceId: p2.id, period: date("2026-02-01"), stage: "PREPARING" },
    { officeId: berg.id, practiceId: p1.id, period: date("2026-05-01"), stage: "EMBEDDED" },
    { officeId: dal.id, practiceId: p1.id, period: date("2026-06-01"), stage: "PREPARING" },
    { officeId: dal.id, practiceId: p1.id, period: date("2026-09-01"), stage: "PILOTING" },
    { officeId: dal.id, practiceId: p2.id, period: date("2026-07-01"), stage: "NOT_STARTED" },
    // After asOf: must not count.
    { officeId: dal.id, practiceId: p2.id, period: date("2026-11-01"), stage: "EMBEDDED" },
    // A retired practice and an office outside the rollout: never in the dashboard.
    { officeId: aust.id, practiceId: retired.id, period: date("2026-01-01"), stage: "EMBEDDED" },
    { officeId: utenfor.id, practiceId: p1.id, period: date("2026-01-01"), stage: "EMBEDDED" },
  ];
  await db.adoptionStatus.createMany({ data: statuses });

  const reportRows = [
    { officeId: berg.id, period: "2026-08-01", status: "ACKNOWLEDGED", obstacles: "Gammel grunn", helpNeeded: "" },
    { officeId: berg.id, period: "2026-09-01", status: "SUBMITTED", obstacles: "  Mangler folk  ", helpNeeded: "Opplæring" },
    { officeId: berg.id, period: "2026-10-01", status: "DRAFT", obstacles: "Utkast", helpNeeded: "" },
    { officeId: aust.id, period: "2026-10-01", status: "ACKNOWLEDGED", obstacles: " ", helpNeeded: "" },
    { officeId: dal.id, period: "2026-07-01", status: "CHANGES_REQUESTED", obstacles: "Tilbakesendt", helpNeeded: "" },
    { officeId: dal.id, period: "2026-06-01", status: "ACKNOWLEDGED", obstacles: "For lite tid", helpNeeded: "Mer tid" },
  ] as const;
  const reports: World["reports"] = [];
  for (const row of reportRows) {
    const sent = row.status !== "DRAFT";
    const created = await db.progressReport.create({
      data: {
        officeId: row.officeId,
        period: date(row.period),
        status: row.status,
        obstacles: row.obstacles,
        helpNeeded: row.helpNeeded,
        learning: `Lærte i ${row.period}`,
        createdBySubject: "sub-leader",
        createdByName: "Leif Leder",
        submittedAt: sent ? new Date(`${row.period}T12:00:00Z`) : null,
        submittedByName: sent ? "Leif Leder" : null,
        stages: { create: [{ practiceId: p1.id, stage: "PILOTING", note: "Godt i gang" }] },
      },
    });
    reports.push({ ...row, period: date(row.period), id: created.id });
  }
  const kpi = await db.kpi.create({ data: { code: "SBT", name: "Saksbehandlingstid", unit: "dager", direction: "LOWER_IS_BETTER" } });
  await db.progressReportKpiValue.create({ data: { reportId: reports[1]!.id, kpiId: kpi.id, value: 12.5 } });
  await db.progressReportComment.create({
    data: { reportId: reports[0]!.id, kind: "ACKNOWLEDGED", body: "Takk!", authorSubject: "sub-planner", authorName: "Pia Planlegger" },
  });

  return {
    practices: { p1: p1.id, p2: p2.id, retired: retired.id },
    offices: { aust: aust.id, berg: berg.id, dal: dal.id, utenfor: utenfor.id, flyttet: flyttet.id },
    waves: { pilot: pilot.id, second: second.id, empty: empty.id },
    plans,
    statuses,
    reports,
  };
}

beforeAll(async () => {
  api = await createTestApi();
  world = await createWorld(api.db);
});
afterAll(() => api?.close());

// ---- The rules, computed here from the rows the test wrote -----------------------------

/** Stage index on `day`: the latest row on or before it, else NOT_STARTED (0). */
function stageOn(officeId: string, practiceId: string, day: Date): number {
  const rows = world.statuses
    .filter((s) => s.officeId === officeId && s.practiceId === practiceId && s.period <= day)
    .sort((a, b) => a.period.getTime() - b.period.getTime());
  return rows.length ? STAGES.indexOf(rows.at(-1)!.stage) : 0;
}

function expectedOn(plan: Plan, day: Date): number {
  if (day < plan.plannedStart) return 0;
  if (day >= plan.targetDate) return 3;
  return 1 + Math.floor((2 * days(day, plan.plannedStart)) / days(plan.targetDate, plan.plannedStart));
}

const lastDay = (m: Date) => new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 0));

function monthsBetween(from: Date, to: Date): Date[] {
  const list: Date[] = [];
  for (let m = month(from); m <= to; m = month(m, 1)) list.push(m);
  return list;
}

const plansIn = (waveId?: string) => world.plans.filter((p) => !waveId || p.waveId === waveId);
const progress = (indexes: number[]) => (indexes.length ? indexes.reduce((sum, i) => sum + Math.min(i, 3) / 3, 0) / indexes.length : 0);

const DASHBOARD = /* GraphQL */ `
  query($filter: AdoptionDashboardFilter) {
    adoptionDashboard(filter: $filter) {
      asOf from
      practices { id code }
      summary {
        officeCount startedOfficeCount reportsSubmittedThisPeriod reportsAwaitingReview overdueReportCount
        adoptedShare behindPlanOfficeCount
      }
      matrix { office { id name } wave { id name } cells { practiceId stage since expectedStage behindPlan } }
      timeline { period counts { stage count } }
      practiceTimeline { practice { id } points { period adoptedShare averageStage } }
      waves { wave { id } officeCount plannedProgress actualProgress behindPlanOfficeCount series { period planned actual } }
      behindPlan {
        office { id name } wave { id }
        practices { practice { id } stage expectedStage targetDate }
        reason helpNeeded reportPeriod reportId
      }
      spread { practice { id } counts { stage count } adoptedShare officeCount }
    }
  }
`;

async function dashboard(filter: Record<string, unknown>, as: "planner" | "viewer" | "officeLeader" | "admin" = "planner") {
  return dataOf(await api.graphql<Json>(DASHBOARD, { filter }, { as })).adoptionDashboard;
}

const AS_OF = date("2026-10-31");
const FROM = date("2026-01-01");

describe("adoptionDashboard", () => {
  it("lists the offices with a current rollout × the practices in use, with stage, run start and expected stage", async () => {
    const result = await dashboard({ asOf: iso(AS_OF), from: "2026-01-15" });
    expect(result.asOf).toBe("2026-10-31");
    expect(result.from).toBe("2026-01-01");
    expect(result.practices.map((p: Json) => p.code)).toEqual(["P1", "P2"]);
    // Wave order, then Norwegian name order (Ærlig after Dal).
    expect(result.matrix.map((row: Json) => row.office.name)).toEqual(["Nav Aust", "Nav Berg", "Nav Dal", "Nav Ærlig"]);

    for (const row of result.matrix) {
      const officeId = Object.entries(world.offices).find(([, id]) => gid("Office", id) === row.office.id)![1];
      expect(row.cells.map((c: Json) => c.practiceId)).toEqual([gid("Practice", world.practices.p1), gid("Practice", world.practices.p2)]);
      for (const cell of row.cells) {
        const practiceId = cell.practiceId === gid("Practice", world.practices.p1) ? world.practices.p1 : world.practices.p2;
        const plan = world.plans.find((p) => p.officeId === officeId && p.practiceId === practiceId)!;
        const stage = stageOn(officeId, practiceId, AS_OF);
        const expected = expectedOn(plan, AS_OF);
        expect(cell.stage).toBe(STAGES[stage]);
        expect(cell.expectedStage).toBe(STAGES[expected]);
        expect(cell.behindPlan).toBe(stage < expected);
      }
    }
    const cell = (office: keyof World["offices"], practice: "p1" | "p2") =>
      result.matrix
        .find((row: Json) => row.office.id === gid("Office", world.offices[office]))
        .cells.find((c: Json) => c.practiceId === gid("Practice", world.practices[practice]));
    // Carried forward from June (the August row repeats ADOPTED: the run began in June).
    expect(cell("aust", "p1")).toMatchObject({ stage: "ADOPTED", since: "2026-06-01", expectedStage: "ADOPTED", behindPlan: false });
    // Carried forward from February; due ADOPTED since July.
    expect(cell("aust", "p2")).toMatchObject({ stage: "PREPARING", since: "2026-02-01", expectedStage: "ADOPTED", behindPlan: true });
    expect(cell("berg", "p1")).toMatchObject({ stage: "EMBEDDED", since: "2026-05-01", behindPlan: false });
    // No row: NOT_STARTED without a since; the practice's own plan (from September) expects PREPARING.
    expect(cell("berg", "p2")).toMatchObject({ stage: "NOT_STARTED", since: null, expectedStage: "PREPARING", behindPlan: true });
    // A row saying NOT_STARTED; the November row is after asOf.
    expect(cell("dal", "p2")).toMatchObject({ stage: "NOT_STARTED", since: "2026-07-01" });
    expect(cell("dal", "p1")).toMatchObject({ stage: "PILOTING", since: "2026-09-01" });
  });

  it("expects PREPARING in the first half of the plan and PILOTING from the half-way day", async () => {
    // Dal: 2026-05-01 → 2027-05-01 is 365 days; 2 × 183 / 365 rounds down to 1 from 2026-10-31.
    const before = await dashboard({ asOf: "2026-10-30" });
    const at = await dashboard({ asOf: "2026-10-31" });
    const dalP1 = (result: Json) =>
      result.matrix.find((row: Json) => row.office.id === gid("Office", world.offices.dal)).cells[0];
    expect(dalP1(before)).toMatchObject({ stage: "PILOTING", expectedStage: "PREPARING", behindPlan: false });
    expect(dalP1(at)).toMatchObject({ stage: "PILOTING", expectedStage: "PILOTING", behindPlan: false });
    const onStart = await dashboard({ asOf: "2026-05-01" });
    expect(dalP1(onStart).expectedStage).toBe("PREPARING");
    const dayBefore = await dashboard({ asOf: "2026-04-30" });
    expect(dalP1(dayBefore).expectedStage).toBe("NOT_STARTED");
  });

  it("counts every office × practice per stage month by month, carrying stages forward", async () => {
    const result = await dashboard({ asOf: iso(AS_OF), from: iso(FROM) });
    const months = monthsBetween(FROM, AS_OF);
    expect(result.timeline.map((p: Json) => p.period)).toEqual(months.map(iso));
    for (const [i, m] of months.entries()) {
      const counts = [0, 0, 0, 0, 0];
      for (const plan of world.plans) counts[stageOn(plan.officeId, plan.practiceId, m)]! += 1;
      expect(result.timeline[i].counts).toEqual(STAGES.map((stage, index) => ({ stage, count: counts[index] })));
    }
    // January: Aust P1 carried from November 2025; everything else not started.
    expect(result.timeline[0].counts.map((c: Json) => c.count)).toEqual([7, 1, 0, 0, 0]);
  });

  it("gives each practice's adopted share and mean stage month by month", async () => {
    const result = await dashboard({ asOf: iso(AS_OF), from: iso(FROM) });
    const months = monthsBetween(FROM, AS_OF);
    expect(result.practiceTimeline.map((s: Json) => s.practice.id)).toEqual([
      gid("Practice", world.practices.p1),
      gid("Practice", world.practices.p2),
    ]);
    for (const series of result.practiceTimeline) {
      const practiceId = series.practice.id === gid("Practice", world.practices.p1) ? world.practices.p1 : world.practices.p2;
      const plans = world.plans.filter((p) => p.practiceId === practiceId);
      expect(series.points).toHaveLength(months.length);
      for (const [i, m] of months.entries()) {
        const stages = plans.map((p) => stageOn(p.officeId, p.practiceId, m));
        expect(series.points[i].period).toBe(iso(m));
        expect(series.points[i].adoptedShare).toBeCloseTo(stages.filter((s) => s >= 3).length / plans.length, 10);
        expect(series.points[i].averageStage).toBeCloseTo(stages.reduce((a, b) => a + b, 0) / plans.length, 10);
      }
    }
  });

  it("shows each wave's progress against plan, now and at each month's end", async () => {
    const result = await dashboard({ asOf: iso(AS_OF), from: iso(FROM) });
    const months = monthsBetween(FROM, AS_OF);
    expect(result.waves.map((w: Json) => w.wave.id)).toEqual([
      gid("RolloutWave", world.waves.pilot),
      gid("RolloutWave", world.waves.second),
      gid("RolloutWave", world.waves.empty),
    ]);
    for (const wave of result.waves) {
      const waveId = Object.values(world.waves).find((id) => gid("RolloutWave", id) === wave.wave.id)!;
      const plans = plansIn(waveId);
      const behind = new Set(plans.filter((p) => stageOn(p.officeId, p.practiceId, AS_OF) < expectedOn(p, AS_OF)).map((p) => p.officeId));
      expect(wave.officeCount).toBe(new Set(plans.map((p) => p.officeId)).size);
      expect(wave.plannedProgress).toBeCloseTo(progress(plans.map((p) => expectedOn(p, AS_OF))), 10);
      expect(wave.actualProgress).toBeCloseTo(progress(plans.map((p) => stageOn(p.officeId, p.practiceId, AS_OF))), 10);
      expect(wave.behindPlanOfficeCount).toBe(behind.size);
      expect(wave.series.map((p: Json) => p.period)).toEqual(months.map(iso));
      for (const [i, m] of months.entries()) {
        expect(wave.series[i].planned).toBeCloseTo(progress(plans.map((p) => expectedOn(p, lastDay(m)))), 10);
        expect(wave.series[i].actual).toBeCloseTo(progress(plans.map((p) => stageOn(p.officeId, p.practiceId, m))), 10);
      }
    }
    // Pilot wave: expected ADOPTED except Berg P2 (its own plan: PREPARING) = (3 + 3 + 3 + 1) / 12;
    // actual Aust P1 ADOPTED, Aust P2 PREPARING, Berg P1 EMBEDDED (counts as 3), Berg P2 none = 7 / 12.
    expect(result.waves[0]).toMatchObject({ officeCount: 2, behindPlanOfficeCount: 2 });
    expect(result.waves[0].plannedProgress).toBeCloseTo(10 / 12, 12);
    expect(result.waves[0].actualProgress).toBeCloseTo(7 / 12, 12);
    expect(result.waves[2]).toMatchObject({ officeCount: 0, plannedProgress: 0, actualProgress: 0, behindPlanOfficeCount: 0 });
  });

  it("lists the offices behind plan, most practices first, with the reason from their latest submitted report", async () => {
    const result = await dashboard({ asOf: iso(AS_OF) });
    const behindByOffice = new Map<string, Plan[]>();
    for (const plan of world.plans) {
      if (stageOn(plan.officeId, plan.practiceId, AS_OF) < expectedOn(plan, AS_OF)) {
        behindByOffice.set(plan.officeId, [...(behindByOffice.get(plan.officeId) ?? []), plan]);
      }
    }
    expect(result.behindPlan.map((b: Json) => b.office.id).sort()).toEqual([...behindByOffice.keys()].map((id) => gid("Office", id)).sort());
    const counts = result.behindPlan.map((b: Json) => b.practices.length);
    expect(counts).toEqual([...counts].sort((a: number, b: number) => b - a));

    const berg = result.behindPlan.find((b: Json) => b.office.id === gid("Office", world.offices.berg));
    // The SUBMITTED September report, not the DRAFT of October nor the older acknowledged one; trimmed.
    const september = world.reports.find((r) => r.officeId === world.offices.berg && iso(r.period) === "2026-09-01")!;
    expect(berg).toMatchObject({
      wave: { id: gid("RolloutWave", world.waves.pilot) },
      reason: "Mangler folk",
      helpNeeded: "Opplæring",
      reportPeriod: "2026-09-01",
      reportId: gid("ProgressReport", september.id),
      practices: [{ practice: { id: gid("Practice", world.practices.p2) }, stage: "NOT_STARTED", expectedStage: "PREPARING", targetDate: "2027-09-01" }],
    });
    // Aust's latest done report has blank obstacles: no reason.
    const aust = result.behindPlan.find((b: Json) => b.office.id === gid("Office", world.offices.aust));
    expect(aust).toMatchObject({ reason: null, helpNeeded: null, reportPeriod: "2026-10-01" });
    expect(aust.practices).toEqual([
      { practice: { id: gid("Practice", world.practices.p2) }, stage: "PREPARING", expectedStage: "ADOPTED", targetDate: "2026-07-01" },
    ]);
  });

  it("spreads each practice over the stages, offices without rows as NOT_STARTED, and sums up", async () => {
    const result = await dashboard({ asOf: iso(AS_OF) });
    for (const spread of result.spread) {
      const practiceId = spread.practice.id === gid("Practice", world.practices.p1) ? world.practices.p1 : world.practices.p2;
      const plans = world.plans.filter((p) => p.practiceId === practiceId);
      const counts = [0, 0, 0, 0, 0];
      for (const plan of plans) counts[stageOn(plan.officeId, practiceId, AS_OF)]! += 1;
      expect(spread.counts).toEqual(STAGES.map((stage, i) => ({ stage, count: counts[i] })));
      expect(spread.officeCount).toBe(4);
      expect(spread.adoptedShare).toBeCloseTo((counts[3]! + counts[4]!) / 4, 10);
    }
    // P2: Berg and Ærlig have no rows, Dal's row says NOT_STARTED, Aust PREPARING.
    expect(result.spread[1].counts.map((c: Json) => c.count)).toEqual([3, 1, 0, 0, 0]);

    const adopted = world.plans.filter((p) => stageOn(p.officeId, p.practiceId, AS_OF) >= 3).length;
    const behindOffices = new Set(world.plans.filter((p) => stageOn(p.officeId, p.practiceId, AS_OF) < expectedOn(p, AS_OF)).map((p) => p.officeId));
    expect(result.summary).toEqual({
      officeCount: 4,
      startedOfficeCount: 4,
      // October: Aust's acknowledged report (Berg's is a draft).
      reportsSubmittedThisPeriod: 1,
      reportsAwaitingReview: 1,
      // Due by the 10th of the next month; months from the rollout start up to September are past due on 31 Oct:
      // Aust 9 (none done before October), Berg 9 − 2 (August, September), Dal 5 − 1 (June; July is
      // CHANGES_REQUESTED), Ærlig 5.
      overdueReportCount: 9 + 7 + 4 + 5,
      adoptedShare: adopted / 8,
      behindPlanOfficeCount: behindOffices.size,
    });
  });

  it("narrows everything to one wave", async () => {
    const result = await dashboard({ asOf: iso(AS_OF), from: iso(FROM), waveId: gid("RolloutWave", world.waves.pilot) });
    expect(result.matrix.map((row: Json) => row.office.name)).toEqual(["Nav Aust", "Nav Berg"]);
    expect(result.waves.map((w: Json) => w.wave.id)).toEqual([gid("RolloutWave", world.waves.pilot)]);
    expect(result.summary.officeCount).toBe(2);
    expect(result.spread.map((s: Json) => s.officeCount)).toEqual([2, 2]);
    const plans = plansIn(world.waves.pilot);
    const months = monthsBetween(FROM, AS_OF);
    for (const [i, m] of months.entries()) {
      const counts = [0, 0, 0, 0, 0];
      for (const plan of plans) counts[stageOn(plan.officeId, plan.practiceId, m)]! += 1;
      expect(result.timeline[i].counts.map((c: Json) => c.count)).toEqual(counts);
    }
    expect(result.behindPlan.every((b: Json) => b.wave.id === gid("RolloutWave", world.waves.pilot))).toBe(true);
  });

  it("defaults to today and the 23 months before its month", async () => {
    const result = await dashboard({}, "viewer");
    const today = new Date();
    expect(result.from).toBe(iso(month(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1)), -23)));
    expect(result.timeline).toHaveLength(24);
  });

  it("refuses a malformed or unknown wave and a period that ends before it starts", async () => {
    const malformed = await api.graphql(DASHBOARD, { filter: { waveId: gid("Office", world.offices.aust) } }, { as: "planner" });
    expect(errorCode(malformed)).toBe("VALIDATION_FAILED");
    const unknown = await api.graphql(DASHBOARD, { filter: { waveId: gid("RolloutWave", "nope") } }, { as: "planner" });
    expect(errorCode(unknown)).toBe("NOT_FOUND");
    const backwards = await api.graphql(DASHBOARD, { filter: { asOf: "2026-01-10", from: "2026-03-01" } }, { as: "planner" });
    expect(errorCode(backwards)).toBe("VALIDATION_FAILED");
  });

  it("is for planners, admins, viewers and office leaders, not HR or anonymous callers", async () => {
    for (const as of ["planner", "admin", "viewer", "officeLeader"] as const) {
      expect((await dashboard({ asOf: iso(AS_OF) }, as)).summary.officeCount).toBe(4);
    }
    expect(errorCode(await api.graphql(DASHBOARD, {}, { as: "hr" }))).toBe("FORBIDDEN");
    expect(errorCode(await api.graphql(DASHBOARD, {}, { as: null }))).toBe("UNAUTHENTICATED");
  });
});

// ---- Exports ---------------------------------------------------------------------------

type Cell = string | number | null;

async function readWorkbook(base64: string): Promise<Map<string, Cell[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(base64, "base64") as unknown as ExcelJS.Buffer);
  const sheets = new Map<string, Cell[][]>();
  for (const sheet of workbook.worksheets) {
    const rows: Cell[][] = [];
    const width = sheet.getRow(1).cellCount;
    sheet.eachRow({ includeEmpty: true }, (row) => {
      const values = (row.values as ExcelJS.CellValue[]).slice(1);
      rows.push(Array.from({ length: width }, (_, i) => (values[i] ?? null) as Cell));
    });
    sheets.set(sheet.name, rows);
  }
  return sheets;
}

const DASHBOARD_EXPORT = /* GraphQL */ `
  query($filter: AdoptionDashboardFilter) {
    adoptionDashboardExport(filter: $filter) {
      __typename
      ... on ExportFile { fileName contentType contentBase64 }
      ... on Error { message }
    }
  }
`;

const REPORTS_EXPORT = /* GraphQL */ `
  query($filter: ProgressReportFilter) {
    progressReportsExport(filter: $filter) {
      __typename
      ... on ExportFile { fileName contentType contentBase64 }
      ... on Error { message }
    }
  }
`;

describe("adoptionDashboardExport", () => {
  it("writes the dashboard's parts as the sheets Status, Over tid, Bølger, Etter plan and Spredning", async () => {
    const file = dataOf(await api.graphql<Json>(DASHBOARD_EXPORT, { filter: { asOf: iso(AS_OF), from: iso(FROM) } }, { as: "planner" }))
      .adoptionDashboardExport;
    expect(file).toMatchObject({ __typename: "ExportFile", fileName: "innforing-2026-10-31.xlsx" });
    const sheets = await readWorkbook(file.contentBase64);
    expect([...sheets.keys()]).toEqual(["Status", "Over tid", "Bølger", "Etter plan", "Spredning"]);

    const status = sheets.get("Status")!;
    expect(status[0]).toEqual(["Kontor", "Kontornummer", "Bølge", "Praksiskode", "Praksis", "Status", "Siden", "Forventet status", "Etter plan"]);
    expect(status).toHaveLength(1 + 8);
    expect(status[1]).toEqual(["Nav Aust", "1001", "Pilot", "P1", "Praksis P1", "tatt i bruk", "2026-06", "tatt i bruk", "Nei"]);
    expect(status[4]).toEqual(["Nav Berg", "1002", "Pilot", "P2", "Praksis P2", "ikke startet", null, "forberedes", "Ja"]);

    const overTime = sheets.get("Over tid")!;
    expect(overTime[0]).toEqual(["Måned", "ikke startet", "forberedes", "prøves ut", "tatt i bruk", "forankret"]);
    expect(overTime).toHaveLength(1 + 10);
    expect(overTime[1]).toEqual(["2026-01", 7, 1, 0, 0, 0]);

    const waves = sheets.get("Bølger")!;
    expect(waves[1]!.slice(0, 3)).toEqual(["Pilot", "Per 2026-10-31", 2]);
    expect(waves[1]![3]).toBeCloseTo(10 / 12, 12);
    expect(waves[1]![4]).toBeCloseTo(7 / 12, 12);
    expect(waves[1]![5]).toBe(2);
    expect(waves).toHaveLength(1 + 3 * 11);

    const behind = sheets.get("Etter plan")!;
    expect(behind.find((row) => row[0] === "Nav Berg")).toEqual([
      "Nav Berg", "Pilot", "Praksis P2", "ikke startet", "forberedes", "2027-09-01", "Mangler folk", "Opplæring", "2026-09",
    ]);
    // An office leader who does not lead Nav Berg gets its row without what its leader wrote (docs/decisions/007).
    const leaders = dataOf(await api.graphql<Json>(DASHBOARD_EXPORT, { filter: { asOf: iso(AS_OF), from: iso(FROM) } }, { as: "officeLeader" }))
      .adoptionDashboardExport;
    expect((await readWorkbook(leaders.contentBase64)).get("Etter plan")!.find((row) => row[0] === "Nav Berg")).toEqual([
      "Nav Berg", "Pilot", "Praksis P2", "ikke startet", "forberedes", "2027-09-01", null, null, null,
    ]);

    const spread = sheets.get("Spredning")!;
    expect(spread[2]).toEqual(["Praksis P2", 4, 3, 1, 0, 0, 0, 0]);
  });

  it("refuses HR", async () => {
    expect(errorCode(await api.graphql(DASHBOARD_EXPORT, {}, { as: "hr" }))).toBe("FORBIDDEN");
  });
});

describe("progressReportsExport", () => {
  it("writes one row per report, their stages, KPI values and comments", async () => {
    const file = dataOf(await api.graphql<Json>(REPORTS_EXPORT, { filter: { officeId: gid("Office", world.offices.berg) } }, { as: "viewer" }))
      .progressReportsExport;
    expect(file.__typename).toBe("ExportFile");
    const sheets = await readWorkbook(file.contentBase64);
    expect([...sheets.keys()]).toEqual(["Rapporter", "Praksiser", "KPI", "Kommentarer"]);
    const reports = sheets.get("Rapporter")!;
    // Newest period first.
    expect(reports.slice(1).map((row) => [row[0], row[2], row[3], row[5]])).toEqual([
      ["Nav Berg", "2026-10", "utkast", "Utkast"],
      ["Nav Berg", "2026-09", "sendt inn", "  Mangler folk  "],
      ["Nav Berg", "2026-08", "kvittert ut", "Gammel grunn"],
    ]);
    expect(sheets.get("Praksiser")!.slice(1)).toEqual([
      ["Nav Berg", "1002", "2026-10", "P1", "Praksis P1", "prøves ut", "Godt i gang"],
      ["Nav Berg", "1002", "2026-09", "P1", "Praksis P1", "prøves ut", "Godt i gang"],
      ["Nav Berg", "1002", "2026-08", "P1", "Praksis P1", "prøves ut", "Godt i gang"],
    ]);
    expect(sheets.get("KPI")!.slice(1)).toEqual([["Nav Berg", "1002", "2026-09", "SBT", "Saksbehandlingstid", "dager", 12.5]]);
    expect(sheets.get("Kommentarer")!.slice(1).map((row) => row.slice(0, 6))).toEqual([
      ["Nav Berg", "1002", "2026-08", "Kvittert", "Takk!", "Pia Planlegger"],
    ]);
  });

  it("filters by status and is for planners, admins and viewers only", async () => {
    const file = dataOf(await api.graphql<Json>(REPORTS_EXPORT, { filter: { statuses: ["SUBMITTED"] } }, { as: "planner" })).progressReportsExport;
    const sheets = await readWorkbook(file.contentBase64);
    expect(sheets.get("Rapporter")!.slice(1).map((row) => row[0])).toEqual(["Nav Berg"]);
    expect(errorCode(await api.graphql(REPORTS_EXPORT, {}, { as: "officeLeader" }))).toBe("FORBIDDEN");
    expect(errorCode(await api.graphql(REPORTS_EXPORT, {}, { as: "hr" }))).toBe("FORBIDDEN");
    expect(errorCode(await api.graphql(REPORTS_EXPORT, {}, { as: null }))).toBe("UNAUTHENTICATED");
  });
});
