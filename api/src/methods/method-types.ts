// The working-methods model as GraphQL types: the methodology catalogue (practices with
// versions, KPIs) and what offices record (maturity, case flows, KPI values, insights,
// culture). Queries and mutations live in catalogue-*, recording-* and comparison-* files.
import { InsightKind, KpiDirection, PracticeTheme } from "@samla/schema";
import { builder } from "../builder";

export const PracticeThemeEnum = builder.enumType(PracticeTheme, {
  name: "PracticeTheme",
  description: "The themes the methodology groups its practices by.",
});

export const KpiDirectionEnum = builder.enumType(KpiDirection, {
  name: "KpiDirection",
  description: "Whether a higher or a lower value of a KPI is better.",
});

export const InsightKindEnum = builder.enumType(InsightKind, {
  name: "InsightKind",
  description: "QUOTE: the user's own words; SUMMARY: the interviewer's summary.",
});

/**
 * Practice versions only grow, and the one in force is always the newest. (The comparison
 * reads practices with exactly this selection in its own statement: comparison-rows.ts.)
 */
export const currentVersionSelect = {
  versions: { orderBy: { number: "desc" as const }, take: 1, select: { name: true, description: true, levels: true } },
};

type WithCurrentVersion = { versions: { name: string; description: string; levels: string[] }[] };

function currentOf(practice: WithCurrentVersion) {
  const current = practice.versions[0];
  if (!current) throw new Error("A practice without versions");
  return current;
}

export const PracticeRef = builder.prismaNode("Practice", {
  id: { field: "id" },
  description:
    "A practice (praksis) of the methodology. Name, description and level texts are those of the version in " +
    "force; `versions` has the history, and each assessment names the version it was made against.",
  fields: (t) => ({
    code: t.exposeString("code"),
    theme: t.expose("theme", { type: PracticeThemeEnum }),
    sortOrder: t.exposeInt("sortOrder", { description: "Order within its theme." }),
    currentVersion: t.exposeInt("currentVersion", { description: "Number of the version in force." }),
    name: t.string({ select: currentVersionSelect, resolve: (practice) => currentOf(practice).name }),
    description: t.string({ select: currentVersionSelect, resolve: (practice) => currentOf(practice).description }),
    levels: t.stringList({
      description: "What maturity levels 0, 1, 2, 3 and 4 mean (index = level).",
      select: currentVersionSelect,
      resolve: (practice) => currentOf(practice).levels,
    }),
    retiredAt: t.expose("retiredAt", {
      type: "DateTime",
      nullable: true,
      description: "Set when retired: the history stays, new assessments are refused.",
    }),
    version: t.exposeInt("version", { description: "Send it back with updatePractice/retirePractice (optimistic locking)." }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    versions: t.relation("versions", {
      description: "Every version, newest first.",
      query: { orderBy: { number: "desc" } },
    }),
  }),
});

export const PracticeVersionRef = builder.prismaNode("PracticeVersion", {
  id: { field: "id" },
  description: "One version of a practice's name, description and level texts; never changed once made.",
  fields: (t) => ({
    number: t.exposeInt("number"),
    name: t.exposeString("name"),
    description: t.exposeString("description"),
    levels: t.exposeStringList("levels", { description: "What maturity levels 0, 1, 2, 3 and 4 mean (index = level)." }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    createdBy: t.exposeString("createdBy", { description: "Name of the admin who made it." }),
    practice: t.relation("practice"),
  }),
});

export const MaturityAssessmentRef = builder.prismaNode("MaturityAssessment", {
  id: { field: "id" },
  description: "How far an office had come with a practice on a date (level 0-4), with evidence. Never overwritten.",
  fields: (t) => ({
    level: t.exposeInt("level"),
    assessedOn: t.expose("assessedOn", { type: "Date" }),
    evidence: t.exposeString("evidence"),
    levelText: t.string({
      description: "What the level means in the practice version the assessment was made against.",
      select: { level: true, practiceVersion: { select: { levels: true } } },
      resolve: (assessment) => assessment.practiceVersion.levels[assessment.level] ?? "",
    }),
    authorName: t.exposeString("authorName"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    office: t.relation("office"),
    practice: t.relation("practice"),
    practiceVersion: t.relation("practiceVersion", { description: "The version the level was judged against." }),
  }),
});

export const ProcessFlowRef = builder.prismaNode("ProcessFlow", {
  id: { field: "id" },
  description:
    "The case flow of a service in one office as recorded on a date. A new recording is a new flow; the " +
    "latest on or before a date is the office's flow then.",
  fields: (t) => ({
    recordedOn: t.expose("recordedOn", { type: "Date" }),
    note: t.exposeString("note", { nullable: true }),
    authorName: t.exposeString("authorName"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    office: t.relation("office"),
    service: t.relation("service"),
    steps: t.relation("steps", { description: "In order (1, 2, 3 …).", query: { orderBy: { order: "asc" } } }),
  }),
});

export const ProcessStepRef = builder.prismaNode("ProcessStep", {
  id: { field: "id" },
  description: "One step of a case flow.",
  fields: (t) => ({
    order: t.exposeInt("order", { description: "1, 2, 3 … in the flow." }),
    stageKey: t.exposeString("stageKey", {
      description: "The common stage (MOTTAK, KARTLEGGING, VURDERING, VEDTAK, UTBETALING, OPPFOLGING …) so flows line up.",
    }),
    name: t.exposeString("name"),
    durationDays: t.float({
      description: "Average working time in the step, in days.",
      select: { durationDays: true },
      resolve: (step) => step.durationDays.toNumber(),
    }),
    waitingDays: t.float({
      description: "Average waiting time before the step starts, in days.",
      select: { waitingDays: true },
      resolve: (step) => step.waitingDays.toNumber(),
    }),
    handOffs: t.exposeInt("handOffs", { description: "How many times the case changes hands in the step." }),
    responsibleRole: t.relation("responsibleRole", { nullable: true }),
    flow: t.relation("flow"),
  }),
});

export const KpiRef = builder.prismaNode("Kpi", {
  id: { field: "id" },
  description: "A key figure the directorate follows (admin-defined catalogue).",
  fields: (t) => ({
    code: t.exposeString("code"),
    name: t.exposeString("name"),
    unit: t.exposeString("unit", { description: '"dager", "%", "saker", "1-5" …' }),
    direction: t.expose("direction", { type: KpiDirectionEnum }),
    target: t.float({
      nullable: true,
      select: { target: true },
      resolve: (kpi) => kpi.target?.toNumber() ?? null,
    }),
    description: t.exposeString("description", { nullable: true }),
    sortOrder: t.exposeInt("sortOrder"),
    version: t.exposeInt("version", { description: "Send it back with updateKpi (optimistic locking)." }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});

export const KpiMeasurementRef = builder.prismaNode("KpiMeasurement", {
  id: { field: "id" },
  description: "One KPI value for one office and one month.",
  fields: (t) => ({
    period: t.expose("period", { type: "Date", description: "The first day of the month." }),
    value: t.float({ select: { value: true }, resolve: (measurement) => measurement.value.toNumber() }),
    authorName: t.exposeString("authorName", { description: "Who recorded the value last." }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    office: t.relation("office"),
    kpi: t.relation("kpi"),
  }),
});

export const UserInsightRef = builder.prismaNode("UserInsight", {
  id: { field: "id" },
  description: "What a user said in an interview (quote or summary), tied to a service and optionally a process step.",
  fields: (t) => ({
    theme: t.exposeString("theme"),
    kind: t.expose("kind", { type: InsightKindEnum }),
    text: t.exposeString("text"),
    interviewedOn: t.expose("interviewedOn", { type: "Date" }),
    authorName: t.exposeString("authorName"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    office: t.relation("office"),
    service: t.relation("service", { nullable: true }),
    processStep: t.relation("processStep", { nullable: true }),
  }),
});

export const CultureAssessmentRef = builder.prismaNode("CultureAssessment", {
  id: { field: "id" },
  description: "Culture mapping: current and target score (1-5) on one dimension, on a date.",
  fields: (t) => ({
    dimension: t.exposeString("dimension"),
    currentScore: t.float({ select: { currentScore: true }, resolve: (row) => row.currentScore.toNumber() }),
    targetScore: t.float({ select: { targetScore: true }, resolve: (row) => row.targetScore.toNumber() }),
    gap: t.float({
      description: "targetScore − currentScore.",
      select: { currentScore: true, targetScore: true },
      resolve: (row) => row.targetScore.minus(row.currentScore).toNumber(),
    }),
    assessedOn: t.expose("assessedOn", { type: "Date" }),
    authorName: t.exposeString("authorName"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    office: t.relation("office"),
  }),
});

/**
 * The common stages of a case flow, in order. Every step names one, so the flows of
 * different offices line up stage by stage; steps follow this order within a flow.
 */
export const CASE_FLOW_STAGES = [
  { key: "MOTTAK", name: "Mottak" },
  { key: "KARTLEGGING", name: "Kartlegging" },
  { key: "VURDERING", name: "Vurdering" },
  { key: "VEDTAK", name: "Vedtak" },
  { key: "UTBETALING", name: "Utbetaling" },
  { key: "OPPFOLGING", name: "Oppfølging" },
] as const;

export type CaseFlowStage = (typeof CASE_FLOW_STAGES)[number];

export const CaseFlowStageRef = builder.objectRef<CaseFlowStage>("CaseFlowStage").implement({
  description: "A common stage of a case flow (ProcessStep.stageKey).",
  fields: (t) => ({
    key: t.exposeString("key"),
    name: t.exposeString("name", { description: "Norwegian name for display." }),
  }),
});

builder.queryField("caseFlowStages", (t) =>
  t.field({
    type: [CaseFlowStageRef],
    description: "The common stages of a case flow, in order.",
    resolve: () => [...CASE_FLOW_STAGES],
  }),
);
