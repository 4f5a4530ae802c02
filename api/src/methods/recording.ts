// What an office records about how it works: maturity assessments, KPI values per month,
// the case flow of a service, user insights from interviews, culture assessments.
// Planner and admin for any office; an office leader only for the offices they lead today.
import type { Office } from "@samla/schema";
import { z } from "zod";
import { officeTarget, scopes } from "../auth/policy";
import { builder } from "../builder";
import { equalsIgnoringCase } from "../lib/text-match";
import { lockRow, withAudit, type Tx } from "../lib/audit";
import { formatDate, formatDateNorwegian } from "../lib/dates";
import { NotFoundError, ValidationError } from "../lib/errors";
import { mutationResult } from "../lib/mutations";
import { parseInput, zGlobalId, zOptionalText, zText } from "../lib/validation";
import {
  CASE_FLOW_STAGES,
  CultureAssessmentRef,
  InsightKindEnum,
  KpiMeasurementRef,
  MaturityAssessmentRef,
  ProcessFlowRef,
  UserInsightRef,
} from "./method-types";
import { zDecimal, zMonth, zNotFutureDate } from "./recording-validation";

/** Planner and admin for any office, and the leader of the office named in the input. */
function recorders(officeGlobalId: unknown) {
  return scopes("methods.record", officeTarget(officeGlobalId));
}

const RECORDERS_TEXT = "Planner, admin, or an office leader who leads that office today.";

/**
 * Locks the office (recordings of one office are serialised, and it must exist) and checks
 * that it existed during [from, to].
 */
async function lockOfficeDuring(tx: Tx, officeId: string, globalId: string, from: Date, to: Date, path: string): Promise<Office> {
  if (!(await lockRow(tx, "Office", officeId))) throw new NotFoundError("Office", globalId);
  const office = await tx.office.findUniqueOrThrow({ where: { id: officeId } });
  if (to < office.validFrom || (office.validTo && from > office.validTo)) {
    const span = `${formatDateNorwegian(office.validFrom)}–${office.validTo ? formatDateNorwegian(office.validTo) : ""}`;
    throw ValidationError.field(path, `${office.name} fantes ikke på den tiden (gyldig ${span}).`);
  }
  return office;
}

/**
 * Themes and culture dimensions are free text, but comparisons group by them: a name that
 * differs from one in use only by case takes the spelling in use.
 */
async function spellingInUse(name: string, findInUse: (name: string) => Promise<string | undefined>): Promise<string> {
  return (await findInUse(name)) ?? name;
}

// ----------------------------------------------------------------------------- maturity

const RecordMaturityAssessmentInput = builder.inputType("RecordMaturityAssessmentInput", {
  fields: (t) => ({
    officeId: t.id({ required: true }),
    practiceId: t.id({ required: true, description: "A practice in use (not retired)." }),
    level: t.int({ required: true, description: "0-4, as the practice's current version describes them." }),
    assessedOn: t.field({ type: "Date", required: true, description: "Not after today." }),
    evidence: t.string({ required: true, description: "What the level is based on." }),
  }),
});

const recordMaturitySchema = z.object({
  officeId: zGlobalId("Office"),
  practiceId: zGlobalId("Practice"),
  level: z.number().int("Nivået må være et heltall.").min(0, "Nivået må være fra 0 til 4.").max(4, "Nivået må være fra 0 til 4."),
  assessedOn: zNotFutureDate,
  evidence: zText(4000),
});

builder.mutationField("recordMaturityAssessment", (t) =>
  t.field({
    type: MaturityAssessmentRef,
    description: `${RECORDERS_TEXT} Records how far the office has come with a practice, against the practice's current version. Earlier assessments stay.`,
    authScopes: (_parent, args) => recorders(args.input.officeId),
    args: { input: t.arg({ type: RecordMaturityAssessmentInput, required: true }) },
    errors: mutationResult("recordMaturityAssessment", "maturityAssessment", [ValidationError, NotFoundError]),
    resolve: (_parent, args, context) => {
      const input = parseInput(recordMaturitySchema, args.input);
      return withAudit(context, async (tx) => {
        await lockOfficeDuring(tx, input.officeId, args.input.officeId, input.assessedOn, input.assessedOn, "assessedOn");
        // Locked so a concurrent catalogue change cannot slip between reading the version and using it.
        if (!(await lockRow(tx, "Practice", input.practiceId))) throw new NotFoundError("Practice", args.input.practiceId);
        const practice = await tx.practice.findUniqueOrThrow({ where: { id: input.practiceId } });
        const version = await tx.practiceVersion.findUniqueOrThrow({
          where: { practiceId_number: { practiceId: practice.id, number: practice.currentVersion } },
        });
        if (practice.retiredAt) {
          throw ValidationError.field("practiceId", `Praksisen ${version.name} er avviklet og tar ikke imot nye vurderinger.`);
        }
        const viewer = context.viewer!;
        const assessment = await tx.maturityAssessment.create({
          data: {
            officeId: input.officeId,
            practiceId: practice.id,
            practiceVersionId: version.id,
            level: input.level,
            assessedOn: input.assessedOn,
            evidence: input.evidence,
            authorSubject: viewer.subject,
            authorName: viewer.name,
          },
        });
        return {
          result: assessment,
          audit: {
            action: "recordMaturityAssessment",
            entityType: "MaturityAssessment",
            entityId: assessment.id,
            after: {
              officeId: assessment.officeId,
              practiceCode: practice.code,
              practiceVersion: version.number,
              level: assessment.level,
              assessedOn: formatDate(assessment.assessedOn),
              evidence: assessment.evidence,
            },
          },
        };
      });
    },
  }),
);

// ----------------------------------------------------------------------------- KPIs

const KpiValueInput = builder.inputType("KpiValueInput", {
  fields: (t) => ({
    kpiId: t.id({ required: true }),
    value: t.float({ required: true, description: "At most three decimals; 0-100 for a KPI in %." }),
  }),
});

const RecordKpiMeasurementsInput = builder.inputType("RecordKpiMeasurementsInput", {
  description: "Values for one office and one month. A KPI that already has a value that month gets the new one.",
  fields: (t) => ({
    officeId: t.id({ required: true }),
    period: t.field({ type: "Date", required: true, description: "The first day of the month; not a future month." }),
    values: t.field({ type: [KpiValueInput], required: true, description: "1-100 values, each KPI once." }),
  }),
});

const recordKpiSchema = z.object({
  officeId: zGlobalId("Office"),
  period: zMonth,
  values: z
    .array(z.object({ kpiId: zGlobalId("Kpi"), value: zDecimal(-999_999_999.999, 999_999_999.999, 3) }))
    .min(1, "Oppgi minst én verdi.")
    .max(100, "Høyst 100 verdier om gangen.")
    .superRefine((values, ctx) => {
      const seen = new Set<string>();
      values.forEach((entry, index) => {
        if (seen.has(entry.kpiId))
          ctx.addIssue({ code: "custom", path: [index, "kpiId"], message: "KPI-en er oppgitt mer enn én gang." });
        seen.add(entry.kpiId);
      });
    }),
});

/** The last day of the month that starts on `period`. */
function endOfMonth(period: Date): Date {
  return new Date(Date.UTC(period.getUTCFullYear(), period.getUTCMonth() + 1, 0));
}

builder.mutationField("recordKpiMeasurements", (t) =>
  t.field({
    type: [KpiMeasurementRef],
    description: `${RECORDERS_TEXT} Records KPI values for one month: one value per office, KPI and month, so a second recording replaces the first. One transaction.`,
    authScopes: (_parent, args) => recorders(args.input.officeId),
    args: { input: t.arg({ type: RecordKpiMeasurementsInput, required: true }) },
    errors: mutationResult("recordKpiMeasurements", "measurements", [ValidationError, NotFoundError]),
    resolve: (_parent, args, context) => {
      const input = parseInput(recordKpiSchema, args.input);
      return withAudit(context, async (tx) => {
        await lockOfficeDuring(tx, input.officeId, args.input.officeId, input.period, endOfMonth(input.period), "period");
        const kpis = new Map(
          (await tx.kpi.findMany({ where: { id: { in: input.values.map((v) => v.kpiId) } } })).map((kpi) => [kpi.id, kpi]),
        );
        input.values.forEach((entry, index) => {
          const kpi = kpis.get(entry.kpiId);
          if (!kpi) throw new NotFoundError("Kpi", args.input.values[index]!.kpiId);
          const value = Number(entry.value);
          if (kpi.unit.trim() === "%" && (value < 0 || value > 100)) {
            throw ValidationError.field(
              `values.${index}.value`,
              `${kpi.name} er en andel i prosent: verdien må være fra 0 til 100.`,
            );
          }
        });
        const viewer = context.viewer!;
        const measurements = [];
        const audit = [];
        for (const entry of input.values) {
          const key = { officeId: input.officeId, kpiId: entry.kpiId, period: input.period };
          const before = await tx.kpiMeasurement.findUnique({ where: { officeId_kpiId_period: key } });
          const author = { authorSubject: viewer.subject, authorName: viewer.name };
          const measurement = await tx.kpiMeasurement.upsert({
            where: { officeId_kpiId_period: key },
            create: { ...key, value: entry.value, ...author },
            update: { value: entry.value, ...author },
          });
          const snapshot = (value: string) => ({
            officeId: input.officeId,
            kpiCode: kpis.get(entry.kpiId)!.code,
            period: formatDate(input.period),
            value,
          });
          measurements.push(measurement);
          audit.push({
            action: "recordKpiMeasurements",
            entityType: "KpiMeasurement",
            entityId: measurement.id,
            ...(before && { before: snapshot(before.value.toString()) }),
            after: snapshot(measurement.value.toString()),
          });
        }
        return { result: measurements, audit };
      });
    },
  }),
);

// ----------------------------------------------------------------------------- case flows

const ProcessStepInput = builder.inputType("ProcessStepInput", {
  fields: (t) => ({
    stageKey: t.string({ required: true, description: "One of caseFlowStages; steps follow their order." }),
    name: t.string({ required: true }),
    responsibleRoleId: t.id({ required: false }),
    durationDays: t.float({ required: true, description: "Average working time in the step, in days (two decimals)." }),
    waitingDays: t.float({ required: true, description: "Average waiting time before the step, in days (two decimals)." }),
    handOffs: t.int({ required: true, description: "How many times the case changes hands in the step." }),
  }),
});

const RecordProcessFlowInput = builder.inputType("RecordProcessFlowInput", {
  description: "The whole flow as it is now; the steps in order (the first is step 1).",
  fields: (t) => ({
    officeId: t.id({ required: true }),
    serviceId: t.id({ required: true }),
    recordedOn: t.field({ type: "Date", required: true, description: "Not after today." }),
    note: t.string({ required: false }),
    steps: t.field({ type: [ProcessStepInput], required: true, description: "1-50 steps." }),
  }),
});

const STAGE_INDEX = new Map<string, number>(CASE_FLOW_STAGES.map((stage, index) => [stage.key, index]));
const STAGE_NAMES = CASE_FLOW_STAGES.map((stage) => stage.key).join(", ");
const days = zDecimal(0, 99_999.99, 2);

const recordFlowSchema = z.object({
  officeId: zGlobalId("Office"),
  serviceId: zGlobalId("Service"),
  recordedOn: zNotFutureDate,
  note: zOptionalText(2000),
  steps: z
    .array(
      z.object({
        stageKey: z
          .string()
          .trim()
          .toUpperCase()
          .refine((key) => STAGE_INDEX.has(key), `Ukjent trinn: bruk ett av ${STAGE_NAMES}.`),
        name: zText(200),
        responsibleRoleId: zGlobalId("Role").nullish(),
        durationDays: days,
        waitingDays: days,
        handOffs: z.number().int("Bruk et heltall.").min(0, "Kan ikke være negativt.").max(1000, "Kan ikke være mer enn 1000."),
      }),
    )
    .min(1, "En saksflyt har minst ett steg.")
    .max(50, "Høyst 50 steg i en saksflyt.")
    .superRefine((steps, ctx) => {
      // Steps follow the common stage order, so flows of different offices line up.
      for (let index = 1; index < steps.length; index++) {
        const previous = STAGE_INDEX.get(steps[index - 1]!.stageKey);
        const current = STAGE_INDEX.get(steps[index]!.stageKey);
        if (previous !== undefined && current !== undefined && current < previous) {
          ctx.addIssue({
            code: "custom",
            path: [index, "stageKey"],
            message: `Steg ${index + 1} (${steps[index]!.stageKey}) kan ikke komme etter et steg i ${
              steps[index - 1]!.stageKey
            }: stegene må følge trinnene i rekkefølge.`,
          });
        }
      }
    }),
});

builder.mutationField("recordProcessFlow", (t) =>
  t.field({
    type: ProcessFlowRef,
    description: `${RECORDERS_TEXT} Records the office's case flow of a service as of a date; earlier flows stay as history.`,
    authScopes: (_parent, args) => recorders(args.input.officeId),
    args: { input: t.arg({ type: RecordProcessFlowInput, required: true }) },
    errors: mutationResult("recordProcessFlow", "processFlow", [ValidationError, NotFoundError]),
    resolve: (_parent, args, context) => {
      const input = parseInput(recordFlowSchema, args.input);
      return withAudit(context, async (tx) => {
        await lockOfficeDuring(tx, input.officeId, args.input.officeId, input.recordedOn, input.recordedOn, "recordedOn");
        const service = await tx.service.findUnique({ where: { id: input.serviceId }, select: { code: true } });
        if (!service) throw new NotFoundError("Service", args.input.serviceId);
        const roleIds = [...new Set(input.steps.flatMap((step) => (step.responsibleRoleId ? [step.responsibleRoleId] : [])))];
        const roles = new Map(
          (await tx.role.findMany({ where: { id: { in: roleIds } }, select: { id: true, code: true } })).map((r) => [
            r.id,
            r.code,
          ]),
        );
        input.steps.forEach((step, index) => {
          if (step.responsibleRoleId && !roles.has(step.responsibleRoleId)) {
            throw new NotFoundError("Role", args.input.steps[index]!.responsibleRoleId!);
          }
        });
        const viewer = context.viewer!;
        const flow = await tx.processFlow.create({
          data: {
            officeId: input.officeId,
            serviceId: input.serviceId,
            recordedOn: input.recordedOn,
            note: input.note ?? null,
            authorSubject: viewer.subject,
            authorName: viewer.name,
            steps: {
              create: input.steps.map((step, index) => ({
                order: index + 1,
                stageKey: step.stageKey,
                name: step.name,
                responsibleRoleId: step.responsibleRoleId ?? null,
                durationDays: step.durationDays,
                waitingDays: step.waitingDays,
                handOffs: step.handOffs,
              })),
            },
          },
        });
        return {
          result: flow,
          audit: {
            action: "recordProcessFlow",
            entityType: "ProcessFlow",
            entityId: flow.id,
            after: {
              officeId: flow.officeId,
              serviceCode: service.code,
              recordedOn: formatDate(flow.recordedOn),
              note: flow.note,
              steps: input.steps.map((step, index) => ({
                order: index + 1,
                stageKey: step.stageKey,
                name: step.name,
                responsibleRole: step.responsibleRoleId ? roles.get(step.responsibleRoleId) : null,
                durationDays: step.durationDays,
                waitingDays: step.waitingDays,
                handOffs: step.handOffs,
              })),
            },
          },
        };
      });
    },
  }),
);

// ----------------------------------------------------------------------------- user insights

const RecordUserInsightInput = builder.inputType("RecordUserInsightInput", {
  fields: (t) => ({
    officeId: t.id({ required: true }),
    serviceId: t.id({ required: false, description: "The service the insight is about; taken from the step when left out." }),
    processStepId: t.id({ required: false, description: "A step of one of this office's case flows." }),
    theme: t.string({ required: true, description: "E.g. Tilgjengelighet; see userInsightThemes for those in use." }),
    kind: t.field({ type: InsightKindEnum, required: true }),
    text: t.string({ required: true }),
    interviewedOn: t.field({ type: "Date", required: true, description: "Not after today." }),
  }),
});

const recordInsightSchema = z.object({
  officeId: zGlobalId("Office"),
  serviceId: zGlobalId("Service").nullish(),
  processStepId: zGlobalId("ProcessStep").nullish(),
  theme: zText(100),
  kind: z.enum(["QUOTE", "SUMMARY"]),
  text: zText(4000),
  interviewedOn: zNotFutureDate,
});

builder.mutationField("recordUserInsight", (t) =>
  t.field({
    type: UserInsightRef,
    description: `${RECORDERS_TEXT} Records what a user said in an interview (a quote or a summary).`,
    authScopes: (_parent, args) => recorders(args.input.officeId),
    args: { input: t.arg({ type: RecordUserInsightInput, required: true }) },
    errors: mutationResult("recordUserInsight", "userInsight", [ValidationError, NotFoundError]),
    resolve: (_parent, args, context) => {
      const input = parseInput(recordInsightSchema, args.input);
      return withAudit(context, async (tx) => {
        await lockOfficeDuring(
          tx,
          input.officeId,
          args.input.officeId,
          input.interviewedOn,
          input.interviewedOn,
          "interviewedOn",
        );
        let serviceId = input.serviceId ?? null;
        if (serviceId && !(await tx.service.findUnique({ where: { id: serviceId }, select: { id: true } }))) {
          throw new NotFoundError("Service", args.input.serviceId!);
        }
        if (input.processStepId) {
          const step = await tx.processStep.findUnique({
            where: { id: input.processStepId },
            select: { flow: { select: { officeId: true, serviceId: true } } },
          });
          if (!step) throw new NotFoundError("ProcessStep", args.input.processStepId!);
          if (step.flow.officeId !== input.officeId) {
            throw ValidationError.field("processStepId", "Steget hører til saksflyten til et annet kontor.");
          }
          if (serviceId && serviceId !== step.flow.serviceId) {
            throw ValidationError.field("processStepId", "Steget hører til saksflyten for en annen tjeneste.");
          }
          serviceId = step.flow.serviceId;
        }
        const viewer = context.viewer!;
        const insight = await tx.userInsight.create({
          data: {
            officeId: input.officeId,
            serviceId,
            processStepId: input.processStepId ?? null,
            theme: await spellingInUse(input.theme, (name) =>
              tx.userInsight
                .findFirst({ where: { theme: equalsIgnoringCase(name) }, select: { theme: true } })
                .then((row) => row?.theme),
            ),
            kind: input.kind,
            text: input.text,
            interviewedOn: input.interviewedOn,
            authorSubject: viewer.subject,
            authorName: viewer.name,
          },
        });
        return {
          result: insight,
          audit: {
            action: "recordUserInsight",
            entityType: "UserInsight",
            entityId: insight.id,
            after: {
              officeId: insight.officeId,
              serviceId: insight.serviceId,
              processStepId: insight.processStepId,
              theme: insight.theme,
              kind: insight.kind,
              text: insight.text,
              interviewedOn: formatDate(insight.interviewedOn),
            },
          },
        };
      });
    },
  }),
);

// ----------------------------------------------------------------------------- culture

const CultureDimensionInput = builder.inputType("CultureDimensionInput", {
  fields: (t) => ({
    dimension: t.string({ required: true, description: "E.g. Brukerorientering; see cultureDimensions for those in use." }),
    currentScore: t.float({ required: true, description: "1-5, at most one decimal." }),
    targetScore: t.float({ required: true, description: "1-5, at most one decimal." }),
  }),
});

const RecordCultureAssessmentInput = builder.inputType("RecordCultureAssessmentInput", {
  description: "One culture mapping: current and target score on each dimension, on one date.",
  fields: (t) => ({
    officeId: t.id({ required: true }),
    assessedOn: t.field({ type: "Date", required: true, description: "Not after today." }),
    dimensions: t.field({ type: [CultureDimensionInput], required: true, description: "1-20 dimensions, each once." }),
  }),
});

const score = zDecimal(1, 5, 1);

const recordCultureSchema = z.object({
  officeId: zGlobalId("Office"),
  assessedOn: zNotFutureDate,
  dimensions: z
    .array(z.object({ dimension: zText(100), currentScore: score, targetScore: score }))
    .min(1, "Oppgi minst én dimensjon.")
    .max(20, "Høyst 20 dimensjoner i én vurdering.")
    .superRefine((dimensions, ctx) => {
      const seen = new Set<string>();
      dimensions.forEach((entry, index) => {
        const key = entry.dimension.toLocaleLowerCase("nb");
        if (seen.has(key))
          ctx.addIssue({ code: "custom", path: [index, "dimension"], message: "Dimensjonen er oppgitt mer enn én gang." });
        seen.add(key);
      });
    }),
});

builder.mutationField("recordCultureAssessment", (t) =>
  t.field({
    type: [CultureAssessmentRef],
    description: `${RECORDERS_TEXT} Records a culture mapping: current and target score per dimension on one date.`,
    authScopes: (_parent, args) => recorders(args.input.officeId),
    args: { input: t.arg({ type: RecordCultureAssessmentInput, required: true }) },
    errors: mutationResult("recordCultureAssessment", "cultureAssessments", [ValidationError, NotFoundError]),
    resolve: (_parent, args, context) => {
      const input = parseInput(recordCultureSchema, args.input);
      return withAudit(context, async (tx) => {
        await lockOfficeDuring(tx, input.officeId, args.input.officeId, input.assessedOn, input.assessedOn, "assessedOn");
        const viewer = context.viewer!;
        const rows = [];
        for (const entry of input.dimensions) {
          rows.push(
            await tx.cultureAssessment.create({
              data: {
                officeId: input.officeId,
                dimension: await spellingInUse(entry.dimension, (name) =>
                  tx.cultureAssessment
                    .findFirst({ where: { dimension: equalsIgnoringCase(name) }, select: { dimension: true } })
                    .then((row) => row?.dimension),
                ),
                currentScore: entry.currentScore,
                targetScore: entry.targetScore,
                assessedOn: input.assessedOn,
                authorSubject: viewer.subject,
                authorName: viewer.name,
              },
            }),
          );
        }
        return {
          result: rows,
          audit: rows.map((row) => ({
            action: "recordCultureAssessment",
            entityType: "CultureAssessment",
            entityId: row.id,
            after: {
              officeId: row.officeId,
              dimension: row.dimension,
              currentScore: row.currentScore.toString(),
              targetScore: row.targetScore.toString(),
              assessedOn: formatDate(row.assessedOn),
            },
          })),
        };
      });
    },
  }),
);
