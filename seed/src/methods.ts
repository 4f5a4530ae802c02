// Deterministic rows for the working-methods part of the seed (issue 6): the methodology
// catalogue, the KPI catalogue, and what the five pilot offices have recorded. The facts
// are in data/methods.ts; this file turns them into rows dated relative to the seed's
// "today". Each pilot and each kind of record draws from its own faker stream, so
// changing one does not reshuffle the others. Rows dated before an office existed are
// left out (only matters for a "today" soon after the 2020 reform).
import type { Faker } from "@faker-js/faker";
import type { Prisma } from "@samla/schema";
import {
  ASSESSMENT_QUARTERS,
  CASE_FLOW_SERVICE_CODE,
  CULTURE_DIMENSIONS,
  KPI_MONTHS,
  KPIS,
  METHOD_SEED_AUTHOR,
  PILOT_CULTURE,
  PILOT_FLOWS,
  PILOT_INSIGHTS,
  PILOT_KPIS,
  PILOT_MATURITY,
  PRACTICES,
  SETBACK_REASONS,
  TRADITIONAL_FLOW,
  type Curve,
  type KpiFact,
  type MaturityPath,
  type Pace,
  type StepFact,
} from "./data/methods";
import { PILOT_OFFICE_CODES } from "./data/offices";

export interface MethodRows {
  practices: Prisma.PracticeCreateManyInput[];
  practiceVersions: Prisma.PracticeVersionCreateManyInput[];
  kpis: Prisma.KpiCreateManyInput[];
  maturityAssessments: Prisma.MaturityAssessmentCreateManyInput[];
  processFlows: Prisma.ProcessFlowCreateManyInput[];
  processSteps: Prisma.ProcessStepCreateManyInput[];
  kpiMeasurements: Prisma.KpiMeasurementCreateManyInput[];
  userInsights: Prisma.UserInsightCreateManyInput[];
  cultureAssessments: Prisma.CultureAssessmentCreateManyInput[];
}

export interface MethodSeedContext {
  /** The seed's today, at midnight UTC. */
  today: Date;
  /** Ids of the rows the method rows refer to. */
  ids: { office(code: string): string; service(code: string): string; role(code: string): string };
  /** A faker on its own fixed stream. */
  faker(stream: number): Faker;
  /** The day an office came into being; nothing is recorded for it before then. */
  officeValidFrom(code: string): Date;
}

export const methodIds = {
  practice: (code: string) => `seed-practice-${code}`,
  practiceVersion: (code: string, number: number) => `seed-practice-${code}-v${number}`,
  kpi: (code: string) => `seed-kpi-${code}`,
  /** `quarter` like "2026Q3". */
  maturityAssessment: (officeCode: string, practiceCode: string, quarter: string) => `seed-maturity-${officeCode}-${practiceCode}-${quarter}`,
  /** `n` = 1 for the office's first flow of the service, 2 for the next. */
  processFlow: (officeCode: string, serviceCode: string, n: number) => `seed-flow-${officeCode}-${serviceCode}-${n}`,
  processStep: (flowId: string, order: number) => `${flowId}-step-${order}`,
  /** `month` like "2026-10". */
  kpiMeasurement: (officeCode: string, kpiCode: string, month: string) => `seed-kpi-value-${officeCode}-${kpiCode}-${month}`,
  userInsight: (officeCode: string, n: number) => `seed-insight-${officeCode}-${String(n).padStart(2, "0")}`,
  cultureAssessment: (officeCode: string, round: number, dimension: number) => `seed-culture-${officeCode}-${round}-${dimension}`,
};

const author = { authorSubject: METHOD_SEED_AUTHOR.subject, authorName: METHOD_SEED_AUTHOR.name };

/** Each pilot's faker streams: one per kind of record. */
const STREAM = { maturity: 1, kpis: 2, flows: 3, insights: 4, culture: 5 } as const;
const streamOf = (officeCode: string, kind: keyof typeof STREAM) => 1_000_000 + Number(officeCode) * 10 + STREAM[kind];

// ---- dates (UTC) -----------------------------------------------------------------------

/** The first day of the month `offset` months from `date`'s month. */
export const monthStart = (date: Date, offset = 0) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + offset, 1));
export const monthKey = (date: Date) => date.toISOString().slice(0, 7);

/** Day `day` of the month starting at `start`, moved off a weekend (work happens on weekdays). */
export function workday(start: Date, day: number): Date {
  const date = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), day));
  const weekday = date.getUTCDay();
  if (weekday === 6) date.setUTCDate(date.getUTCDate() - 1);
  if (weekday === 0) date.setUTCDate(date.getUTCDate() + 1);
  return date;
}

/** A day in the month `monthsAgo` months before today, never after today. */
function dayMonthsAgo(faker: Faker, today: Date, monthsAgo: number, days: [number, number]): Date {
  const date = workday(monthStart(today, -monthsAgo), faker.number.int({ min: days[0], max: days[1] }));
  return date > today ? today : date;
}

// ---- numbers -----------------------------------------------------------------------------

export const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;
export const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** A standard normal draw (Box-Muller). */
export function gaussian(faker: Faker): number {
  const u = 1 - faker.number.float({ min: 0, max: 1 });
  const v = faker.number.float({ min: 0, max: 1 });
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Progress 0 → 1 over months 0 … last along an S-curve, exactly 0 at month 0 and 1 at the last. */
function progress(curve: Curve, month: number, last: number): number {
  const s = (m: number) => 1 / (1 + Math.exp(-(m - curve.midpoint) / curve.width));
  return (s(month) - s(0)) / (s(last) - s(0));
}

/** Replaces every `{a-b}` in a text with a number from a to b. */
export const fillNumbers = (faker: Faker, text: string) =>
  text.replace(/\{(\d+)-(\d+)\}/g, (_, min: string, max: string) => String(faker.number.int({ min: Number(min), max: Number(max) })));

// ---- the generator -------------------------------------------------------------------------

export function generateMethodRows(context: MethodSeedContext): MethodRows {
  const rows: MethodRows = {
    practices: [],
    practiceVersions: [],
    kpis: [],
    maturityAssessments: [],
    processFlows: [],
    processSteps: [],
    kpiMeasurements: [],
    userInsights: [],
    cultureAssessments: [],
  };
  const quarters = assessmentQuarters(context.today);
  const programStart = quarters[0]?.start ?? context.today;
  catalogues(rows, quarters.map((q) => q.start), monthStart(programStart, -1));
  for (const code of PILOT_OFFICE_CODES) {
    const notBefore = context.officeValidFrom(code);
    maturity(rows, context, code, quarters, notBefore);
    kpiMeasurements(rows, context, code, notBefore);
    const flows = processFlows(rows, context, code, notBefore);
    userInsights(rows, context, code, flows, notBefore);
    cultureAssessments(rows, context, code, notBefore);
  }
  return rows;
}

interface Quarter {
  label: string;
  start: Date;
  /** The quarter's last month, when its assessments are made. */
  lastMonth: Date;
}

/** The eight whole quarters before today's quarter, oldest first. */
function assessmentQuarters(today: Date): Quarter[] {
  const current = today.getUTCFullYear() * 4 + Math.floor(today.getUTCMonth() / 3);
  return Array.from({ length: ASSESSMENT_QUARTERS }, (_, i) => {
    const q = current - ASSESSMENT_QUARTERS + i;
    const year = Math.floor(q / 4);
    const start = new Date(Date.UTC(year, (q % 4) * 3, 1));
    return { label: `${year}Q${(q % 4) + 1}`, start, lastMonth: monthStart(start, 2) };
  });
}

function catalogues(rows: MethodRows, quarterStarts: readonly Date[], created: Date) {
  for (const p of PRACTICES) {
    const versionDates = p.versions.map((v) => (v.fromQuarter === 0 ? created : (quarterStarts[v.fromQuarter] ?? created)));
    rows.practices.push({
      id: methodIds.practice(p.code),
      code: p.code,
      theme: p.theme,
      sortOrder: p.sortOrder,
      currentVersion: p.versions.length,
      createdAt: created,
      updatedAt: versionDates.at(-1) ?? created,
    });
    p.versions.forEach((v, i) => {
      rows.practiceVersions.push({
        id: methodIds.practiceVersion(p.code, i + 1),
        practiceId: methodIds.practice(p.code),
        number: i + 1,
        name: v.name,
        description: v.description,
        levels: [...v.levels],
        createdAt: versionDates[i],
        createdBy: METHOD_SEED_AUTHOR.name,
      });
    });
  }
  KPIS.forEach((k, i) => {
    rows.kpis.push({
      id: methodIds.kpi(k.code),
      code: k.code,
      name: k.name,
      unit: k.unit,
      direction: k.direction,
      target: k.target,
      description: k.description,
      sortOrder: i + 1,
      createdAt: created,
      updatedAt: created,
    });
  });
}

/** The eight levels of a path: a [first, last] path rises in steps spread by the office's pace. */
function levelsOf(faker: Faker, path: MaturityPath, pace: Pace): number[] {
  if (path.length === ASSESSMENT_QUARTERS) return [...path];
  const [first, last] = path;
  // Quarters 1…7 can each bring one step up; weighted sampling without replacement.
  const candidates = Array.from({ length: ASSESSMENT_QUARTERS - 1 }, (_, i) => i + 1);
  const weight = (q: number) => (pace === "early" ? ASSESSMENT_QUARTERS - q : pace === "late" ? q : 1) ** 2;
  const chosen = new Set<number>();
  for (let step = 0; step < last - first; step++) {
    const left = candidates.filter((q) => !chosen.has(q));
    chosen.add(faker.helpers.weightedArrayElement(left.map((q) => ({ value: q, weight: weight(q) }))));
  }
  let level = first;
  return Array.from({ length: ASSESSMENT_QUARTERS }, (_, i) => (chosen.has(i) ? ++level : level));
}

function maturity(rows: MethodRows, context: MethodSeedContext, officeCode: string, quarters: readonly Quarter[], notBefore: Date) {
  const plan = PILOT_MATURITY[officeCode];
  if (!plan) return;
  const faker = context.faker(streamOf(officeCode, "maturity"));
  for (const practice of PRACTICES) {
    const path = plan.paths[practice.code];
    if (!path) continue;
    const levels = levelsOf(faker, path, plan.pace);
    let previous: number | undefined;
    quarters.forEach((quarter, i) => {
      const level = levels[i] ?? 0;
      const assessedOn = workday(quarter.lastMonth, faker.number.int({ min: 6, max: 22 }));
      const template = practice.evidence[level] ?? "";
      const reason = faker.helpers.arrayElement(SETBACK_REASONS);
      if (assessedOn < notBefore) return;
      const versionIndex = practice.versions.findLastIndex((v) => v.fromQuarter <= i);
      const change =
        previous === undefined
          ? ""
          : level > previous
            ? `Opp fra nivå ${previous}. `
            : level < previous
              ? `Ned fra nivå ${previous}: ${reason}. `
              : "Uendret siden forrige vurdering. ";
      rows.maturityAssessments.push({
        id: methodIds.maturityAssessment(officeCode, practice.code, quarter.label),
        officeId: context.ids.office(officeCode),
        practiceId: methodIds.practice(practice.code),
        practiceVersionId: methodIds.practiceVersion(practice.code, versionIndex + 1),
        level,
        assessedOn,
        evidence: change + fillNumbers(faker, template),
        ...author,
        createdAt: assessedOn,
      });
      previous = level;
    });
  }
}

export function kpiValue(kpi: KpiFact, trend: number, month: Date, noise: number): number {
  const season = kpi.season?.[month.getUTCMonth()] ?? 0;
  const value = kpi.relative ? trend * (1 + season) * (1 + noise) : trend + season + noise;
  return round(clamp(value, kpi.min, kpi.max), kpi.decimals);
}

function kpiMeasurements(rows: MethodRows, context: MethodSeedContext, officeCode: string, notBefore: Date) {
  const plan = PILOT_KPIS[officeCode];
  if (!plan) return;
  const faker = context.faker(streamOf(officeCode, "kpis"));
  const last = KPI_MONTHS - 1;
  for (const kpi of KPIS) {
    const trend = plan.trend[kpi.code];
    if (!trend) continue;
    // Autocorrelated noise: a bad month is often followed by another.
    let noise = 0;
    for (let i = 0; i < KPI_MONTHS; i++) {
      noise = 0.5 * noise + kpi.noise * Math.sqrt(0.75) * gaussian(faker);
      const period = monthStart(context.today, i - KPI_MONTHS);
      if (period < monthStart(notBefore)) continue;
      const level = trend[0] + (trend[1] - trend[0]) * progress(plan.curves[kpi.curve], i, last);
      // A month's figures are recorded when the month is over.
      const recorded = monthStart(period, 1);
      rows.kpiMeasurements.push({
        id: methodIds.kpiMeasurement(officeCode, kpi.code, monthKey(period)),
        officeId: context.ids.office(officeCode),
        kpiId: methodIds.kpi(kpi.code),
        period,
        value: kpiValue(kpi, level, period, noise),
        ...author,
        createdAt: recorded,
        updatedAt: recorded,
      });
    }
  }
}

interface SeededFlow {
  recordedOn: Date;
  steps: { id: string; stageKey: string }[];
}

/** Waiting times are recorded to the half day. */
const halfDays = (days: number) => Math.round(days * 2) / 2;

function processFlows(rows: MethodRows, context: MethodSeedContext, officeCode: string, notBefore: Date): SeededFlow[] {
  const plan = PILOT_FLOWS[officeCode];
  if (!plan) return [];
  const faker = context.faker(streamOf(officeCode, "flows"));
  const first: StepFact[] = TRADITIONAL_FLOW.map(([stage, name, role, duration, waiting, handOffs]) => [
    stage,
    name,
    role,
    duration,
    waiting === 0 ? 0 : Math.max(0.5, halfDays(waiting * plan.first.waitingFactor * faker.number.float({ min: 0.85, max: 1.15 }))),
    handOffs,
  ]);
  const flows = [
    { monthsAgo: plan.first.monthsAgo, note: plan.first.note, steps: first },
    plan.current,
  ];
  const seeded: SeededFlow[] = [];
  flows.forEach((flow, i) => {
    const recordedOn = dayMonthsAgo(faker, context.today, flow.monthsAgo, [3, 20]);
    if (recordedOn < notBefore) return;
    const flowId = methodIds.processFlow(officeCode, CASE_FLOW_SERVICE_CODE, i + 1);
    rows.processFlows.push({
      id: flowId,
      officeId: context.ids.office(officeCode),
      serviceId: context.ids.service(CASE_FLOW_SERVICE_CODE),
      recordedOn,
      note: flow.note,
      ...author,
      createdAt: recordedOn,
    });
    const steps = flow.steps.map(([stageKey, name, role, durationDays, waitingDays, handOffs], s) => {
      const id = methodIds.processStep(flowId, s + 1);
      rows.processSteps.push({
        id,
        flowId,
        order: s + 1,
        stageKey,
        name,
        responsibleRoleId: context.ids.role(role),
        durationDays,
        waitingDays,
        handOffs,
      });
      return { id, stageKey };
    });
    seeded.push({ recordedOn, steps });
  });
  return seeded;
}

function userInsights(rows: MethodRows, context: MethodSeedContext, officeCode: string, flows: readonly SeededFlow[], notBefore: Date) {
  const insights = PILOT_INSIGHTS[officeCode] ?? [];
  const faker = context.faker(streamOf(officeCode, "insights"));
  insights.forEach((insight, i) => {
    const interviewedOn = dayMonthsAgo(faker, context.today, insight.monthsAgo, [2, 26]);
    if (interviewedOn < notBefore) return;
    const service = insight.service === undefined ? CASE_FLOW_SERVICE_CODE : insight.service;
    let processStepId: string | null = null;
    if (insight.stage && service === CASE_FLOW_SERVICE_CODE) {
      // The flow in force when the user was interviewed; interviews made for the first
      // mapping come just before it, so they belong to that one.
      const flow = flows.findLast((f) => f.recordedOn <= interviewedOn) ?? flows[0];
      processStepId = flow?.steps.find((s) => s.stageKey === insight.stage)?.id ?? null;
    }
    rows.userInsights.push({
      id: methodIds.userInsight(officeCode, i + 1),
      officeId: context.ids.office(officeCode),
      serviceId: service === null ? null : context.ids.service(service),
      processStepId,
      theme: insight.theme,
      kind: insight.kind,
      text: insight.text,
      interviewedOn,
      ...author,
      createdAt: interviewedOn,
    });
  });
}

function cultureAssessments(rows: MethodRows, context: MethodSeedContext, officeCode: string, notBefore: Date) {
  const plan = PILOT_CULTURE[officeCode];
  if (!plan) return;
  const faker = context.faker(streamOf(officeCode, "culture"));
  const rounds = plan.monthsAgo.length;
  plan.monthsAgo.forEach((monthsAgo, r) => {
    const assessedOn = dayMonthsAgo(faker, context.today, monthsAgo, [5, 25]);
    CULTURE_DIMENSIONS.forEach((dimension, d) => {
      const [first, last, target] = plan.scores[dimension];
      const share = rounds === 1 ? 1 : r / (rounds - 1);
      // Mappings between the first and the last wobble a little around the straight line.
      const wobble = r > 0 && r < rounds - 1 ? faker.number.float({ min: -0.15, max: 0.15 }) : 0;
      if (assessedOn < notBefore) return;
      rows.cultureAssessments.push({
        id: methodIds.cultureAssessment(officeCode, r + 1, d + 1),
        officeId: context.ids.office(officeCode),
        dimension,
        currentScore: round(clamp(first + (last - first) * share + wobble, 1, 5), 1),
        targetScore: target,
        assessedOn,
        ...author,
        createdAt: assessedOn,
      });
    });
  });
}
