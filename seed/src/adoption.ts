// Deterministic rows for the rollout of the methodology (issue 7): waves, the offices in
// them (with one move between waves), per-practice plan overrides, the comparison offices'
// KPI values, and the monthly progress reports with their stages, KPI values, submissions,
// comments and the AdoptionStatus rows their submissions wrote. The facts are in
// data/adoption.ts; this file dates them relative to the seed's today. Each office and kind
// of record draws from its own faker stream.
//
// The rows follow what the API does when a report is submitted (docs/decisions/005): the
// report's KPI values are the office's KpiMeasurement values for that month, and every
// submitted report (also one later returned for changes) has an AdoptionStatus row per
// practice with reportId set, as its last submission said.
import type { Faker } from "@faker-js/faker";
import type { Prisma } from "@samla/schema";
import {
  ACKNOWLEDGEMENT_COMMENTS,
  ADOPTION_SHARE,
  ADOPTION_STAGES,
  CHANGE_REQUESTS,
  COMPARISON_KPI_LEVELS,
  DEMO_REVIEWERS,
  GENERAL_HELP,
  GENERAL_LEARNING,
  GENERAL_OBSTACLES,
  KEY_PRACTICE,
  KEY_PRACTICE_EFFECT,
  KPI_LEARNING,
  MOVED_OFFICE,
  OFFICE_ADOPTION,
  PRACTICE_LEARNING,
  PRACTICE_OVERRIDES,
  REPORT_EXCEPTIONS,
  SETBACK_NOTE,
  STAGE_NOTES,
  WAVES,
  type OfficeAdoptionFact,
  type StageName,
} from "./data/adoption";
import { KPI_MONTHS, KPIS, METHOD_SEED_AUTHOR, PILOT_MATURITY, PRACTICES } from "./data/methods";
import { OFFICES } from "./data/offices";
import { clamp, fillNumbers, gaussian, kpiValue, methodIds, monthKey, monthStart, workday, type MethodRows } from "./methods";

export interface AdoptionRows {
  /** KPI values of the offices in waves 2 and 3 (the pilots' are MethodRows.kpiMeasurements). */
  comparisonKpiMeasurements: Prisma.KpiMeasurementCreateManyInput[];
  rolloutWaves: Prisma.RolloutWaveCreateManyInput[];
  officeRollouts: Prisma.OfficeRolloutCreateManyInput[];
  officeRolloutPractices: Prisma.OfficeRolloutPracticeCreateManyInput[];
  progressReports: Prisma.ProgressReportCreateManyInput[];
  progressReportStages: Prisma.ProgressReportStageCreateManyInput[];
  progressReportKpiValues: Prisma.ProgressReportKpiValueCreateManyInput[];
  progressReportSubmissions: Prisma.ProgressReportSubmissionCreateManyInput[];
  progressReportComments: Prisma.ProgressReportCommentCreateManyInput[];
  adoptionStatuses: Prisma.AdoptionStatusCreateManyInput[];
}

export const adoptionIds = {
  rolloutWave: (ordinal: number) => `seed-wave-${ordinal}`,
  /** `n` = 1 for the office's first place in a wave, 2 after a move. */
  officeRollout: (officeCode: string, n: number) => `seed-rollout-${officeCode}-${n}`,
  officeRolloutPractice: (rolloutId: string, practiceCode: string) => `${rolloutId}-${practiceCode}`,
  /** `month` like "2026-10". */
  progressReport: (officeCode: string, month: string) => `seed-report-${officeCode}-${month}`,
  progressReportStage: (reportId: string, practiceCode: string) => `${reportId}-stage-${practiceCode}`,
  progressReportKpiValue: (reportId: string, kpiCode: string) => `${reportId}-kpi-${kpiCode}`,
  progressReportSubmission: (reportId: string, number: number) => `${reportId}-submission-${number}`,
  progressReportComment: (reportId: string, n: number) => `${reportId}-comment-${n}`,
  adoptionStatus: (officeCode: string, practiceCode: string, month: string) => `seed-adoption-${officeCode}-${practiceCode}-${month}`,
};

/** The KPIs an office leader reports every month (the case-flow ones). */
export const REPORTED_KPI_CODES: readonly string[] = KPIS.filter((k) => k.curve === "caseFlow").map((k) => k.code);

export interface AdoptionSeedContext {
  /** The seed's today, at midnight UTC. */
  today: Date;
  ids: {
    office(code: string): string;
    practice(code: string): string;
    kpi(code: string): string;
    role(code: string): string;
    team(officeCode: string, key: string): string;
  };
  faker(stream: number): Faker;
  /** The day an office came into being; no KPI values or reports before its month. */
  officeValidFrom(code: string): Date;
  /** Rows generated before: people and assignments (to find each office's Nav-leder) and the methodology. */
  rows: Pick<MethodRows, "practiceVersions" | "kpis" | "kpiMeasurements"> & {
    persons: readonly Prisma.PersonCreateManyInput[];
    assignments: readonly { personId: string; roleId: string; teamId: string; endDate: Date | null }[];
  };
}

/** Each office's faker streams for the rollout: one per kind of record. */
const STREAM = { paths: 1, kpis: 2, reports: 3 } as const;
const streamOf = (officeCode: string, kind: keyof typeof STREAM) => 2_000_000 + Number(officeCode) * 10 + STREAM[kind];

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const addDays = (date: Date, days: number) => new Date(date.getTime() + days * DAY_MS);
/** The last day of the month `offset` months from `date`'s month. */
const monthEnd = (date: Date, offset: number) => addDays(monthStart(date, offset + 1), -1);
const monthsBetween = (from: Date, to: Date) =>
  (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + to.getUTCMonth() - from.getUTCMonth();
/** A time of day in office hours on `day`. */
const atWorkHours = (faker: Faker, day: Date) =>
  new Date(day.getTime() + faker.number.int({ min: 8 * 60, max: 15 * 60 + 30 }) * 60_000);
const stageIndex = (stage: StageName) => ADOPTION_STAGES.indexOf(stage);
const decimalComma = (value: number) => value.toFixed(1).replace(".", ",");

interface Rollout {
  officeCode: string;
  id: string;
  plannedStart: Date;
  targetDate: Date;
}

interface Transition {
  month: number;
  stage: StageName;
  note: string;
}

interface Leader {
  subject: string;
  name: string;
}

export function emptyAdoptionRows(): AdoptionRows {
  return {
    comparisonKpiMeasurements: [],
    rolloutWaves: [],
    officeRollouts: [],
    officeRolloutPractices: [],
    progressReports: [],
    progressReportStages: [],
    progressReportKpiValues: [],
    progressReportSubmissions: [],
    progressReportComments: [],
    adoptionStatuses: [],
  };
}

export function generateAdoptionRows(context: AdoptionSeedContext): AdoptionRows {
  const rows = emptyAdoptionRows();
  const current = waves(rows, context);
  const paths = new Map<string, Map<string, Transition[]>>();
  for (const rollout of current) paths.set(rollout.officeCode, practicePaths(context, rollout));

  // Comparison offices' KPIs come before the reports, which quote them.
  for (const rollout of current) {
    if (WAVES[0]?.offices.includes(rollout.officeCode)) continue;
    comparisonKpis(rows.comparisonKpiMeasurements, context, rollout, paths.get(rollout.officeCode));
  }
  const measurements = new Map<string, number>();
  for (const m of [...context.rows.kpiMeasurements, ...rows.comparisonKpiMeasurements]) {
    measurements.set(`${m.officeId}|${m.kpiId}|${monthKey(new Date(m.period))}`, Number(m.value));
  }
  for (const rollout of current) {
    reports(rows, context, rollout, paths.get(rollout.officeCode) ?? new Map(), measurements);
  }
  return rows;
}

// ---- waves, rollouts and overrides ---------------------------------------------------------------

function waves(rows: AdoptionRows, context: AdoptionSeedContext): Rollout[] {
  const { today } = context;
  const faker = context.faker(streamOf("0", "paths"));
  const current: Rollout[] = [];
  for (const wave of WAVES) {
    const waveId = adoptionIds.rolloutWave(wave.ordinal);
    const created = atWorkHours(faker, workday(monthStart(today, wave.createdMonth), faker.number.int({ min: 4, max: 20 })));
    const plannedStart = monthStart(today, wave.startMonth);
    const targetDate = monthEnd(today, wave.targetMonth);
    rows.rolloutWaves.push({
      id: waveId,
      name: wave.name,
      ordinal: wave.ordinal,
      isPilot: wave.isPilot,
      description: wave.description,
      plannedStart,
      targetDate,
      version: 1,
      createdAt: created,
      updatedAt: created,
    });
    for (const code of wave.offices) {
      const id = adoptionIds.officeRollout(code, 1);
      const moved = code === MOVED_OFFICE.code && wave.ordinal === MOVED_OFFICE.fromOrdinal;
      const leftAt = moved
        ? new Date(workday(monthStart(today, MOVED_OFFICE.movedMonth), MOVED_OFFICE.movedDay).getTime() + 13 * HOUR_MS)
        : null;
      rows.officeRollouts.push({
        id,
        officeId: context.ids.office(code),
        waveId,
        plannedStart,
        targetDate,
        joinedAt: created,
        leftAt,
        leftReason: moved ? MOVED_OFFICE.reason : null,
        version: moved ? 2 : 1,
        createdAt: created,
        updatedAt: leftAt ?? created,
      });
      if (!moved) current.push({ officeCode: code, id, plannedStart, targetDate });
      if (moved && leftAt) {
        const movedId = adoptionIds.officeRollout(code, 2);
        const movedStart = monthStart(today, MOVED_OFFICE.startMonth);
        const movedTarget = monthEnd(today, MOVED_OFFICE.targetMonth);
        rows.officeRollouts.push({
          id: movedId,
          officeId: context.ids.office(code),
          waveId: adoptionIds.rolloutWave(MOVED_OFFICE.toOrdinal),
          plannedStart: movedStart,
          targetDate: movedTarget,
          joinedAt: leftAt,
          leftAt: null,
          leftReason: null,
          version: 1,
          createdAt: leftAt,
          updatedAt: leftAt,
        });
        current.push({ officeCode: code, id: movedId, plannedStart: movedStart, targetDate: movedTarget });
      }
    }
  }
  for (const override of PRACTICE_OVERRIDES) {
    const rollout = current.find((r) => r.officeCode === override.office);
    if (!rollout) throw new Error(`Override for office ${override.office}, which is in no wave`);
    rows.officeRolloutPractices.push({
      id: adoptionIds.officeRolloutPractice(rollout.id, override.practice),
      officeRolloutId: rollout.id,
      practiceId: context.ids.practice(override.practice),
      plannedStart: monthStart(today, override.startMonth),
      targetDate: monthEnd(today, override.targetMonth),
    });
  }
  // Offices by name order would need the names; code order keeps the rows stable.
  return current.sort((a, b) => a.officeCode.localeCompare(b.officeCode));
}

// ---- each office's path through the stages ------------------------------------------------------

/** The stage transitions of every practice at an office, by practice code, with the notes written then. */
function practicePaths(context: AdoptionSeedContext, rollout: Rollout): Map<string, Transition[]> {
  const fact: OfficeAdoptionFact = OFFICE_ADOPTION[rollout.officeCode] ?? { practices: {} };
  const faker = context.faker(streamOf(rollout.officeCode, "paths"));
  const lastMonth = monthsBetween(rollout.plannedStart, monthStart(context.today, -1));
  const planLast = monthsBetween(rollout.plannedStart, rollout.targetDate);
  const maturity = PILOT_MATURITY[rollout.officeCode];
  const paths = new Map<string, Transition[]>();
  for (const practice of PRACTICES) {
    const given = fact.practices[practice.code];
    let steps: [number, StageName][];
    if (Array.isArray(given)) {
      steps = given.map(([month, stage]) => [month, stage]);
    } else {
      const pace = fact.pace ?? 1;
      const adopted =
        typeof given === "number"
          ? given
          : clamp(Math.round(planLast * (ADOPTION_SHARE[practice.code] ?? 0.7) * pace) + faker.number.int({ min: -1, max: 1 }), 1, planLast);
      const piloting = faker.number.int({ min: 1, max: 3 });
      const preparing = faker.number.int({ min: 1, max: 3 });
      const embedAfter = faker.number.int({ min: 5, max: 9 });
      // Pilots embed what their maturity assessments rate at the top level, and a share of
      // what they rate at level 3; other offices a share of what they adopt.
      const level = maturity?.paths[practice.code]?.at(-1);
      const embeds =
        level === 4 || ((level === undefined || level === 3) && faker.datatype.boolean({ probability: fact.embedShare ?? 0 }));
      steps = [];
      if (adopted - piloting - preparing >= 0) steps.push([adopted - piloting - preparing, "PREPARING"]);
      else if (adopted - piloting > 0) steps.push([0, "PREPARING"]);
      steps.push([Math.max(0, adopted - piloting), "PILOTING"], [adopted, "ADOPTED"]);
      if (embeds) steps.push([Math.min(adopted + embedAfter, lastMonth), "EMBEDDED"]);
    }
    const notes = STAGE_NOTES[practice.code];
    const transitions: Transition[] = [];
    for (const [month, stage] of steps) {
      if (month > lastMonth) continue;
      const previous = transitions.at(-1);
      if (previous && previous.month === month) transitions.pop();
      const setback = previous !== undefined && stageIndex(stage) < stageIndex(previous.stage);
      const note = stage === "NOT_STARTED" ? "" : setback ? SETBACK_NOTE : fillNumbers(faker, notes?.[stage] ?? "");
      transitions.push({ month, stage, note });
    }
    paths.set(practice.code, transitions);
  }
  return paths;
}

function stageAt(transitions: readonly Transition[] | undefined, month: number): Transition | undefined {
  return transitions?.findLast((t) => t.month <= month);
}

/** The first month (from the office's start) a practice reached ADOPTED or further, if it has. */
function adoptedMonth(transitions: readonly Transition[] | undefined): number | undefined {
  return transitions?.find((t) => stageIndex(t.stage) >= stageIndex("ADOPTED"))?.month;
}

// ---- comparison offices' KPI values ------------------------------------------------------------

function comparisonKpis(
  out: Prisma.KpiMeasurementCreateManyInput[],
  context: AdoptionSeedContext,
  rollout: Rollout,
  paths: Map<string, Transition[]> | undefined,
) {
  const faker = context.faker(streamOf(rollout.officeCode, "kpis"));
  const staff = OFFICES.find((o) => o.code === rollout.officeCode)?.staff ?? 50;
  const range = (r: readonly [number, number]) => faker.number.float({ min: r[0], max: r[1] });
  const days = range(COMPARISON_KPI_LEVELS.SAKSBEHANDLINGSTID);
  // Slower offices have fewer cases within the deadline and more waiting.
  const start: Record<string, number> = {
    SAKSBEHANDLINGSTID: days,
    ANDEL_INNEN_FRIST: clamp(100 - 1.8 * days + faker.number.float({ min: -3, max: 3 }), 40, 95),
    RESTANSER: staff * faker.number.float({ min: 0.3, max: 0.55 }) * (days / 15),
    BRUKERTILFREDSHET: range(COMPARISON_KPI_LEVELS.BRUKERTILFREDSHET),
    MEDARBEIDERENGASJEMENT: range(COMPARISON_KPI_LEVELS.MEDARBEIDERENGASJEMENT),
    SYKEFRAVAER: range(COMPARISON_KPI_LEVELS.SYKEFRAVAER),
  };
  // A slow drift over two years, the same direction for all KPIs of an office (better or worse).
  const drift = faker.number.float({ min: -0.03, max: 0.015 });
  const effect = {
    days: range(KEY_PRACTICE_EFFECT.days),
    withinDeadline: range(KEY_PRACTICE_EFFECT.withinDeadline),
    backlog: range(KEY_PRACTICE_EFFECT.backlog),
  };
  const adopted = adoptedMonth(paths?.get(KEY_PRACTICE));
  const adoptedPeriod = adopted === undefined ? undefined : monthStart(rollout.plannedStart, adopted);
  const [ramp0, ramp1] = KEY_PRACTICE_EFFECT.ramp;
  const notBefore = monthStart(context.officeValidFrom(rollout.officeCode));

  for (const kpi of KPIS) {
    const base = start[kpi.code];
    if (base === undefined) continue;
    let noise = 0;
    for (let i = 0; i < KPI_MONTHS; i++) {
      noise = 0.5 * noise + kpi.noise * Math.sqrt(0.75) * gaussian(faker);
      const period = monthStart(context.today, i - KPI_MONTHS);
      if (period < notBefore) continue;
      const since = adoptedPeriod === undefined ? -1 : monthsBetween(adoptedPeriod, period);
      const felt = since < 0 ? 0 : since === 0 ? ramp0 : since === 1 ? ramp1 : 1;
      const better = kpi.direction === "LOWER_IS_BETTER" ? -1 : 1;
      let level = base * (1 - better * drift * i * 0.1);
      if (kpi.code === "SAKSBEHANDLINGSTID") level = base + drift * i * 1.5 - felt * effect.days;
      if (kpi.code === "ANDEL_INNEN_FRIST") level = base - drift * i * 3 + felt * effect.withinDeadline;
      if (kpi.code === "RESTANSER") level = base * (1 + drift * i) * (1 - felt * effect.backlog);
      const recorded = monthStart(period, 1);
      out.push({
        id: methodIds.kpiMeasurement(rollout.officeCode, kpi.code, monthKey(period)),
        officeId: context.ids.office(rollout.officeCode),
        kpiId: context.ids.kpi(kpi.code),
        period,
        value: kpiValue(kpi, level, period, noise),
        authorSubject: METHOD_SEED_AUTHOR.subject,
        authorName: METHOD_SEED_AUTHOR.name,
        createdAt: recorded,
        updatedAt: recorded,
      });
    }
  }
}

// ---- progress reports --------------------------------------------------------------------------

/** The office's Nav-leder today, who writes and sends its reports. */
function officeLeader(context: AdoptionSeedContext, officeCode: string): Leader {
  const roleId = context.ids.role("NAV_LEDER");
  const teamId = context.ids.team(officeCode, "ledelse");
  const assignment = context.rows.assignments.find((a) => a.roleId === roleId && a.teamId === teamId && a.endDate === null);
  const person = context.rows.persons.find((p) => p.id === assignment?.personId);
  if (!person) throw new Error(`No Nav-leder for office ${officeCode}`);
  return { subject: person.ssoSubject ?? `seed-leader-${officeCode}`, name: person.name };
}

interface ReportContent {
  stages: { practiceCode: string; stage: StageName; note: string }[];
  kpiValues: { kpiCode: string; value: number }[];
  learning: string;
  obstacles: string;
  helpNeeded: string;
}

function reports(
  rows: AdoptionRows,
  context: AdoptionSeedContext,
  rollout: Rollout,
  paths: Map<string, Transition[]>,
  measurements: Map<string, number>,
) {
  const { today, ids } = context;
  const code = rollout.officeCode;
  const faker = context.faker(streamOf(code, "reports"));
  const fact = OFFICE_ADOPTION[code];
  const leader = officeLeader(context, code);
  const lastMonth = monthsBetween(rollout.plannedStart, monthStart(today, -1));
  const missing = new Set((REPORT_EXCEPTIONS.missing[code] ?? []).map((back) => lastMonth + 1 - back));
  const draftMonth = REPORT_EXCEPTIONS.draft.includes(code) ? lastMonth : undefined;
  const resubmittedMonth = REPORT_EXCEPTIONS.resubmitted.office === code ? lastMonth + 1 - REPORT_EXCEPTIONS.resubmitted.monthsBack : undefined;
  const pendingMonth = REPORT_EXCEPTIONS.changesRequested.office === code ? lastMonth + 1 - REPORT_EXCEPTIONS.changesRequested.monthsBack : undefined;
  const kpiName = new Map(context.rows.kpis.map((k) => [k.id ?? k.code, k.name]));
  const value = (kpiCode: string, period: Date) => measurements.get(`${ids.office(code)}|${ids.kpi(kpiCode)}|${monthKey(period)}`);
  const notBefore = monthStart(context.officeValidFrom(code));
  let previousContent: ReportContent | undefined;

  for (let month = 0; month <= lastMonth; month++) {
    const period = monthStart(rollout.plannedStart, month);
    // Draw every month, so a missing report does not shift the texts of later ones.
    const texts = reportTexts(faker, fact, paths, month, period, value);
    if (missing.has(month) || period < notBefore) continue;
    const reportId = adoptionIds.progressReport(code, monthKey(period));

    let content: ReportContent;
    if (month === draftMonth && previousContent) {
      // Opened and prefilled from the latest earlier report, not yet written.
      content = { ...previousContent, learning: "" };
    } else {
      content = {
        stages: PRACTICES.map((p) => {
          const at = stageAt(paths.get(p.code), month);
          return { practiceCode: p.code, stage: at?.stage ?? "NOT_STARTED", note: at?.note ?? "" };
        }),
        kpiValues: REPORTED_KPI_CODES.flatMap((kpiCode) => {
          const v = value(kpiCode, period);
          return v === undefined ? [] : [{ kpiCode, value: v }];
        }),
        ...texts,
      };
      // Returned because the obstacles were left empty.
      if (month === pendingMonth) content = { ...content, obstacles: "", helpNeeded: "" };
    }

    // When things happened: sent early the next month, or late in the month itself when
    // the seed's today comes first; acknowledged a few days later.
    const nextMonth = workday(monthStart(period, 1), faker.number.int({ min: 2, max: 9 }));
    const sentDay = nextMonth.getTime() + 2 * DAY_MS < today.getTime() ? nextMonth : workday(period, faker.number.int({ min: 22, max: 26 }));
    const firstSent = atWorkHours(faker, sentDay);
    const created = new Date(firstSent.getTime() - faker.number.int({ min: 1, max: 5 }) * DAY_MS - 2 * HOUR_MS);
    const reviewer: Leader = faker.helpers.weightedArrayElement<Leader>([
      { value: DEMO_REVIEWERS[0], weight: 3 },
      { value: DEMO_REVIEWERS[1], weight: 1 },
    ]);
    const reviewAfterDays = faker.number.int({ min: 1, max: 6 });
    const ackComment = faker.helpers.maybe(() => faker.helpers.arrayElement(ACKNOWLEDGEMENT_COMMENTS), { probability: 0.25 });
    const saves = faker.number.int({ min: 1, max: 4 });

    const submissions: { at: Date; content: ReportContent }[] = [];
    const comments: { kind: "ACKNOWLEDGED" | "CHANGES_REQUESTED"; body: string; at: Date }[] = [];
    let status: "DRAFT" | "SUBMITTED" | "CHANGES_REQUESTED" | "ACKNOWLEDGED";
    let acknowledgedAt: Date | null = null;
    if (month === draftMonth) {
      status = "DRAFT";
    } else if (month === resubmittedMonth) {
      // The backlog was typed ten times too large; the directorate asked, the office fixed it.
      const wrong = content.kpiValues.map((k) => (k.kpiCode === "RESTANSER" ? { ...k, value: k.value * 10 } : k));
      const asked = new Date(firstSent.getTime() + DAY_MS);
      const resent = new Date(asked.getTime() + DAY_MS + 3 * HOUR_MS);
      acknowledgedAt = new Date(resent.getTime() + DAY_MS);
      const wrongBacklog = wrong.find((k) => k.kpiCode === "RESTANSER")?.value ?? 0;
      submissions.push({ at: firstSent, content: { ...content, kpiValues: wrong } }, { at: resent, content });
      comments.push(
        { kind: "CHANGES_REQUESTED", body: CHANGE_REQUESTS.resubmitted.comment.replace("{wrong}", String(wrongBacklog)), at: asked },
        { kind: "ACKNOWLEDGED", body: CHANGE_REQUESTS.resubmitted.acknowledgement, at: acknowledgedAt },
      );
      status = "ACKNOWLEDGED";
    } else if (month === pendingMonth) {
      submissions.push({ at: firstSent, content });
      comments.push({ kind: "CHANGES_REQUESTED", body: CHANGE_REQUESTS.pending.comment, at: new Date(firstSent.getTime() + DAY_MS + 2 * HOUR_MS) });
      status = "CHANGES_REQUESTED";
    } else if (month === lastMonth) {
      submissions.push({ at: firstSent, content });
      status = "SUBMITTED";
    } else {
      submissions.push({ at: firstSent, content });
      acknowledgedAt = new Date(firstSent.getTime() + reviewAfterDays * DAY_MS + HOUR_MS);
      if (ackComment) comments.push({ kind: "ACKNOWLEDGED", body: ackComment, at: acknowledgedAt });
      status = "ACKNOWLEDGED";
    }

    const lastSubmission = submissions.at(-1);
    const updatedAt = [created, ...submissions.map((s) => s.at), ...comments.map((c) => c.at)].reduce((a, b) => (b > a ? b : a));
    rows.progressReports.push({
      id: reportId,
      officeId: ids.office(code),
      period,
      status,
      learning: content.learning,
      obstacles: content.obstacles,
      helpNeeded: content.helpNeeded,
      createdBySubject: leader.subject,
      createdByName: leader.name,
      submittedAt: lastSubmission?.at ?? null,
      submittedBySubject: lastSubmission ? leader.subject : null,
      submittedByName: lastSubmission ? leader.name : null,
      acknowledgedAt,
      acknowledgedBySubject: acknowledgedAt ? reviewer.subject : null,
      acknowledgedByName: acknowledgedAt ? reviewer.name : null,
      version: 1 + saves + submissions.length + comments.filter((c) => c.kind === "CHANGES_REQUESTED").length + (acknowledgedAt ? 1 : 0),
      createdAt: created,
      updatedAt,
    });
    for (const s of content.stages) {
      rows.progressReportStages.push({
        id: adoptionIds.progressReportStage(reportId, s.practiceCode),
        reportId,
        practiceId: ids.practice(s.practiceCode),
        stage: s.stage,
        note: s.note,
      });
    }
    for (const k of content.kpiValues) {
      rows.progressReportKpiValues.push({
        id: adoptionIds.progressReportKpiValue(reportId, k.kpiCode),
        reportId,
        kpiId: ids.kpi(k.kpiCode),
        value: k.value,
      });
    }
    submissions.forEach((s, i) => {
      rows.progressReportSubmissions.push({
        id: adoptionIds.progressReportSubmission(reportId, i + 1),
        reportId,
        number: i + 1,
        submittedAt: s.at,
        submittedBySubject: leader.subject,
        submittedByName: leader.name,
        content: snapshot(context, s.content, s.at, kpiName),
      });
    });
    comments.forEach((c, i) => {
      rows.progressReportComments.push({
        id: adoptionIds.progressReportComment(reportId, i + 1),
        reportId,
        kind: c.kind,
        body: c.body,
        authorSubject: reviewer.subject,
        authorName: reviewer.name,
        createdAt: c.at,
      });
    });
    // What the (last) submission wrote: the month's stage of every practice.
    if (lastSubmission) {
      for (const s of lastSubmission.content.stages) {
        rows.adoptionStatuses.push({
          id: adoptionIds.adoptionStatus(code, s.practiceCode, monthKey(period)),
          officeId: ids.office(code),
          practiceId: ids.practice(s.practiceCode),
          period,
          stage: s.stage,
          reportId,
          recordedAt: lastSubmission.at,
        });
      }
    }
    previousContent = content;
  }
}

/** The learning, obstacles and help needed of a month's report. */
function reportTexts(
  faker: Faker,
  fact: OfficeAdoptionFact | undefined,
  paths: Map<string, Transition[]>,
  month: number,
  period: Date,
  value: (kpiCode: string, period: Date) => number | undefined,
): Pick<ReportContent, "learning" | "obstacles" | "helpNeeded"> {
  const advanced = PRACTICES.filter((p) => {
    const transitions = paths.get(p.code);
    const now = stageAt(transitions, month);
    const before = stageAt(transitions, month - 1);
    // Preparing has taught little yet; the learning comes with trying the practice out.
    return now?.month === month && stageIndex(now.stage) >= stageIndex("PILOTING") && stageIndex(now.stage) > stageIndex(before?.stage ?? "NOT_STARTED");
  });
  const learned = advanced.length > 0 ? faker.helpers.arrayElement(advanced) : undefined;
  const learningText = fillNumbers(
    faker,
    learned ? faker.helpers.arrayElement(PRACTICE_LEARNING[learned.code] ?? GENERAL_LEARNING) : faker.helpers.arrayElement(GENERAL_LEARNING),
  );
  const now = value("SAKSBEHANDLINGSTID", period);
  const before = value("SAKSBEHANDLINGSTID", monthStart(period, -1));
  let kpiText = "";
  if (now !== undefined && before !== undefined && Math.abs(now - before) >= 1) {
    kpiText = (now < before ? KPI_LEARNING.better : KPI_LEARNING.worse).replace("{from}", decimalComma(before)).replace("{to}", decimalComma(now));
  }

  const calendarMonth = period.getUTCMonth() + 1;
  const seasonal = GENERAL_OBSTACLES.filter((o) => o.months?.includes(calendarMonth));
  const everyday = GENERAL_OBSTACLES.filter((o) => !o.months);
  const useSeasonal = seasonal.length > 0 && faker.datatype.boolean({ probability: 0.7 });
  const obstacle = faker.helpers.arrayElement(useSeasonal ? seasonal : everyday).text;
  const help = faker.helpers.arrayElement(GENERAL_HELP);
  const behind = fact?.behind && month >= fact.behind.from ? fact.behind : undefined;
  return {
    learning: [learningText, kpiText].filter(Boolean).join(" "),
    obstacles: behind?.obstacles ?? obstacle,
    helpNeeded: behind?.helpNeeded ?? help,
  };
}

/** A submission as sent: names as they read then (the practice version in force). */
function snapshot(context: AdoptionSeedContext, content: ReportContent, at: Date, kpiName: Map<string, string>): Prisma.InputJsonValue {
  const practiceName = (code: string) => {
    const practiceId = context.ids.practice(code);
    const versions = context.rows.practiceVersions
      .filter((v) => v.practiceId === practiceId)
      .sort((a, b) => a.number - b.number);
    const inForce = versions.findLast((v) => new Date(v.createdAt ?? 0) <= at) ?? versions[0];
    return inForce?.name ?? code;
  };
  return {
    stages: content.stages.map((s) => ({ practiceCode: s.practiceCode, practiceName: practiceName(s.practiceCode), stage: s.stage, note: s.note })),
    kpiValues: content.kpiValues.map((k) => ({ kpiCode: k.kpiCode, kpiName: kpiName.get(context.ids.kpi(k.kpiCode)) ?? k.kpiCode, value: k.value })),
    learning: content.learning,
    obstacles: content.obstacles,
    helpNeeded: content.helpNeeded,
  };
}

