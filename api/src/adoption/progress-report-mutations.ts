// The progress report lifecycle: the office's leader opens (DRAFT, prefilled), saves
// (autosave) and submits; the directorate acknowledges or asks for changes, after which the
// leader edits and submits again. Submitting records the stages and KPI values as the office's
// adoption status and measurements. Events go out after the transaction has committed.
import type { AdoptionStage, Prisma, ProgressReport, ProgressReportStatus } from "@samla/schema";
import { z } from "zod";
import { officeTarget, scopes } from "../auth/policy";
import { builder } from "../builder";
import type { SamlaContext } from "../context";
import { lockRow, staleVersionConflict, withAudit, type Tx } from "../lib/audit";
import { firstOfMonth, formatDate, formatMonthNorwegian, todayInNorway } from "../lib/dates";
import { ConflictError, InvalidStatusTransitionError, NotFoundError, ValidationError } from "../lib/errors";
import { databaseId } from "../lib/leadership";
import { mutationResult } from "../lib/mutations";
import { parseInput, zGlobalId, zOptionalText, zText } from "../lib/validation";
import {
  ADOPTION_STAGES,
  AdoptionStageEnum,
  DIRECTORATE,
  PRACTICE_ORDER,
  ProgressReportRef,
  REPORT_STATUS_NAMES,
} from "./adoption-types";
import { reportEvent, type ProgressReportEventKind } from "./report-events";

/** The lifecycle: each status and where it may go next. */
export const REPORT_TRANSITIONS: Record<ProgressReportStatus, ProgressReportStatus[]> = {
  DRAFT: ["SUBMITTED"],
  SUBMITTED: ["ACKNOWLEDGED", "CHANGES_REQUESTED"],
  CHANGES_REQUESTED: ["SUBMITTED"],
  ACKNOWLEDGED: [],
};

const EDITABLE: ProgressReportStatus[] = ["DRAFT", "CHANGES_REQUESTED"];
const TEXT_MAX = 4000;

// ---------------------------------------------------------------------------------------
// Who may call: the leader of the report's office today (resolved from the report)

/**
 * `{ leaderOfOffice }` for the report's office. For an unknown or malformed id any office
 * leader may pass, so that they hear NotFoundError or ValidationError; the other roles never may.
 */
async function reportLeaderScopes(context: SamlaContext, reportGlobalId: unknown) {
  const id = databaseId(reportGlobalId, "ProgressReport");
  const report = id ? await context.db.progressReport.findUnique({ where: { id }, select: { officeId: true } }) : null;
  return scopes("report.submit", report ? { officeId: report.officeId } : { anyOffice: true });
}

function officeLeaderScopes(officeGlobalId: unknown) {
  return scopes("report.submit", officeTarget(officeGlobalId) ?? { anyOffice: true });
}

// ---------------------------------------------------------------------------------------
// Inputs

const OpenProgressReportInput = builder.inputType("OpenProgressReportInput", {
  fields: (t) => ({
    officeId: t.id({ required: true }),
    period: t.field({ type: "Date", required: true, description: "The first day of the month." }),
  }),
});

const openSchema = z.object({
  officeId: zGlobalId("Office"),
  period: z.date().refine((date) => date.getUTCDate() === 1, "Perioden må være den første dagen i en måned."),
});

const ProgressReportStageInput = builder.inputType("ProgressReportStageInput", {
  fields: (t) => ({
    practiceId: t.id({ required: true }),
    stage: t.field({ type: AdoptionStageEnum, required: true }),
    note: t.string({ required: false, description: "Default empty." }),
  }),
});

const ProgressReportKpiValueInput = builder.inputType("ProgressReportKpiValueInput", {
  fields: (t) => ({
    kpiId: t.id({ required: true }),
    value: t.float({ required: true }),
  }),
});

const SaveProgressReportInput = builder.inputType("SaveProgressReportInput", {
  description: "The autosave. stages and kpiValues replace the report's; fields left out are unchanged.",
  fields: (t) => ({
    id: t.id({ required: true }),
    version: t.int({ required: true }),
    stages: t.field({ type: [ProgressReportStageInput], required: false }),
    kpiValues: t.field({ type: [ProgressReportKpiValueInput], required: false }),
    learning: t.string({ required: false }),
    obstacles: t.string({ required: false }),
    helpNeeded: t.string({ required: false }),
  }),
});

/** Free text as typed (autosave must not trim while the user writes); at most TEXT_MAX. */
const zReportText = z.string().max(TEXT_MAX, `Kan ikke være lengre enn ${TEXT_MAX} tegn.`);

const saveSchema = z
  .object({
    id: zGlobalId("ProgressReport"),
    version: z.number().int(),
    stages: z
      .array(
        z.object({
          practiceId: zGlobalId("Practice"),
          stage: z.enum(ADOPTION_STAGES as [AdoptionStage, ...AdoptionStage[]]),
          note: zReportText.nullish(),
        }),
      )
      .max(200)
      .nullish(),
    kpiValues: z
      .array(
        z.object({
          kpiId: zGlobalId("Kpi"),
          value: z
            .number()
            .refine(Number.isFinite, "Må være et tall.")
            .refine((value) => Math.abs(value) < 1e9, "Tallet er for stort."),
        }),
      )
      .max(200)
      .nullish(),
    learning: zReportText.nullish(),
    obstacles: zReportText.nullish(),
    helpNeeded: zReportText.nullish(),
  })
  .superRefine((input, ctx) => {
    const practices = new Set<string>();
    input.stages?.forEach((stage, index) => {
      if (practices.has(stage.practiceId)) {
        ctx.addIssue({ code: "custom", path: ["stages", index, "practiceId"], message: "Praksisen er med flere ganger." });
      }
      practices.add(stage.practiceId);
    });
    const kpis = new Set<string>();
    input.kpiValues?.forEach((value, index) => {
      if (kpis.has(value.kpiId)) {
        ctx.addIssue({ code: "custom", path: ["kpiValues", index, "kpiId"], message: "KPI-en er med flere ganger." });
      }
      kpis.add(value.kpiId);
    });
  });

const SubmitProgressReportInput = builder.inputType("SubmitProgressReportInput", {
  fields: (t) => ({ id: t.id({ required: true }), version: t.int({ required: true }) }),
});

const submitSchema = z.object({ id: zGlobalId("ProgressReport"), version: z.number().int() });

const AcknowledgeProgressReportInput = builder.inputType("AcknowledgeProgressReportInput", {
  fields: (t) => ({
    id: t.id({ required: true }),
    version: t.int({ required: true }),
    comment: t.string({ required: false, description: "Optional; stored as an ACKNOWLEDGED comment." }),
  }),
});

const acknowledgeSchema = z.object({
  id: zGlobalId("ProgressReport"),
  version: z.number().int(),
  comment: zOptionalText(TEXT_MAX),
});

const RequestProgressReportChangesInput = builder.inputType("RequestProgressReportChangesInput", {
  fields: (t) => ({
    id: t.id({ required: true }),
    version: t.int({ required: true }),
    comment: t.string({ required: true, description: "What the office should change." }),
  }),
});

const requestChangesSchema = z.object({
  id: zGlobalId("ProgressReport"),
  version: z.number().int(),
  comment: zText(TEXT_MAX),
});

// ---------------------------------------------------------------------------------------
// Shared steps

const reportInclude = {
  office: { select: { name: true } },
  stages: { select: { practiceId: true, stage: true, note: true } },
  kpiValues: { select: { kpiId: true, value: true } },
} as const;

type LoadedReport = Prisma.ProgressReportGetPayload<{ include: typeof reportInclude }>;

function reportSnapshot(report: LoadedReport) {
  return {
    officeId: report.officeId,
    period: formatDate(report.period),
    status: report.status,
    learning: report.learning,
    obstacles: report.obstacles,
    helpNeeded: report.helpNeeded,
    stages: [...report.stages]
      .sort((a, b) => a.practiceId.localeCompare(b.practiceId))
      .map((stage) => ({ practiceId: stage.practiceId, stage: stage.stage, note: stage.note })),
    kpiValues: [...report.kpiValues]
      .sort((a, b) => a.kpiId.localeCompare(b.kpiId))
      .map((value) => ({ kpiId: value.kpiId, value: value.value.toString() })),
    version: report.version,
  };
}

function label(report: { office: { name: string }; period: Date }): string {
  return `Rapporten for ${report.office.name} for ${formatMonthNorwegian(report.period)}`;
}

/** The report locked for the change, checked against the client's version. */
async function lockedReport(tx: Tx, id: string, globalId: string, version: number): Promise<LoadedReport> {
  if (!(await lockRow(tx, "ProgressReport", id))) {
    throw new NotFoundError("ProgressReport", globalId, `Fant ikke statusrapporten med id ${globalId}.`);
  }
  const report = await tx.progressReport.findUniqueOrThrow({ where: { id }, include: reportInclude });
  if (report.version !== version) {
    throw await staleVersionConflict(tx, { type: "ProgressReport", id, label: label(report) }, version, report.version);
  }
  return report;
}

function assertTransition(report: LoadedReport, to: ProgressReportStatus, doing: string): void {
  const allowed = REPORT_TRANSITIONS[report.status];
  if (!allowed.includes(to)) {
    throw new InvalidStatusTransitionError(
      `${label(report)} er ${REPORT_STATUS_NAMES[report.status]} og kan ikke ${doing}.`,
      report.status,
      to,
      allowed,
    );
  }
}

function assertEditable(report: LoadedReport): void {
  if (!EDITABLE.includes(report.status)) {
    throw new InvalidStatusTransitionError(
      `${label(report)} er ${REPORT_STATUS_NAMES[report.status]} og kan ikke endres.`,
      report.status,
      report.status,
      REPORT_TRANSITIONS[report.status],
    );
  }
}

/** Publishes after the change has committed (withAudit has resolved); a lost live update fails nothing. */
async function thenPublish(
  context: SamlaContext,
  kind: ProgressReportEventKind,
  change: Promise<{ report: ProgressReport; officeName: string }>,
): Promise<ProgressReport> {
  const { report, officeName } = await change;
  context.reportEvents?.publish(reportEvent(kind, report, officeName, context.viewer?.name ?? ""));
  return report;
}

// ---------------------------------------------------------------------------------------
// openProgressReport

builder.mutationField("openProgressReport", (t) =>
  t.field({
    type: ProgressReportRef,
    description:
      "The office's leader (today). Returns the office's report for the month unchanged, or creates it as a DRAFT " +
      "prefilled from the office's latest earlier report (stages with notes, KPI values, obstacles, help needed; " +
      "learning empty); without one, each practice in use gets the office's latest adoption stage (or NOT_STARTED).",
    authScopes: (_parent, args) => officeLeaderScopes(args.input.officeId),
    args: { input: t.arg({ type: OpenProgressReportInput, required: true }) },
    errors: mutationResult("openProgressReport", "progressReport", [ValidationError, NotFoundError, ConflictError]),
    resolve: (_parent, args, context) => {
      const input = parseInput(openSchema, args.input);
      const actor = context.viewer!;
      return withAudit(context, async (tx) => {
        // Serialises two opens of the same office and month: the second finds the first's report.
        if (!(await lockRow(tx, "Office", input.officeId))) throw new NotFoundError("Office", args.input.officeId);
        const office = await tx.office.findUniqueOrThrow({
          where: { id: input.officeId },
          select: { id: true, name: true, rollouts: { where: { leftAt: null }, select: { plannedStart: true } } },
        });
        const existing = await tx.progressReport.findUnique({
          where: { officeId_period: { officeId: office.id, period: input.period } },
        });
        if (existing) return { result: existing, audit: [] };

        const rollout = office.rollouts[0];
        if (!rollout) throw ValidationError.field("officeId", `${office.name} er ikke med i innføringen.`);
        if (input.period > firstOfMonth(todayInNorway())) {
          throw ValidationError.field("period", `Rapporten for ${formatMonthNorwegian(input.period)} kan ikke åpnes før måneden har begynt.`);
        }
        const startMonth = firstOfMonth(rollout.plannedStart);
        if (input.period < startMonth) {
          throw ValidationError.field(
            "period",
            `${office.name} starter innføringen i ${formatMonthNorwegian(startMonth)}; det skal ikke rapporteres for ${formatMonthNorwegian(input.period)}.`,
          );
        }

        // One after the other: a transaction is one connection.
        const practices = await tx.practice.findMany({ where: { retiredAt: null }, orderBy: PRACTICE_ORDER, select: { id: true } });
        const previous = await tx.progressReport.findFirst({
          where: { officeId: office.id, period: { lt: input.period } },
          orderBy: { period: "desc" },
          include: { stages: true, kpiValues: true },
        });
        const latestStatuses = await tx.$queryRaw<{ practiceId: string; stage: AdoptionStage }[]>`
          SELECT DISTINCT ON ("practiceId") "practiceId", "stage"::text AS "stage" FROM "AdoptionStatus"
          WHERE "officeId" = ${office.id} AND "period" <= ${input.period}::date
          ORDER BY "practiceId", "period" DESC`;
        const previousStages = new Map(previous?.stages.map((stage) => [stage.practiceId, stage]));
        const recorded = new Map(latestStatuses.map((row) => [row.practiceId, row.stage]));
        const created = await tx.progressReport.create({
          data: {
            officeId: office.id,
            period: input.period,
            obstacles: previous?.obstacles ?? "",
            helpNeeded: previous?.helpNeeded ?? "",
            createdBySubject: actor.subject,
            createdByName: actor.name,
            stages: {
              create: practices.map(({ id }) => {
                const earlier = previousStages.get(id);
                return { practiceId: id, stage: earlier?.stage ?? recorded.get(id) ?? "NOT_STARTED", note: earlier?.note ?? "" };
              }),
            },
            kpiValues: { create: previous?.kpiValues.map(({ kpiId, value }) => ({ kpiId, value })) ?? [] },
          },
          include: reportInclude,
        });
        return {
          result: created as ProgressReport,
          audit: { action: "openProgressReport", entityType: "ProgressReport", entityId: created.id, after: reportSnapshot(created) },
        };
      });
    },
  }),
);

// ---------------------------------------------------------------------------------------
// saveProgressReport

builder.mutationField("saveProgressReport", (t) =>
  t.field({
    type: ProgressReportRef,
    description:
      "The office's leader (today). The autosave of a DRAFT or CHANGES_REQUESTED report: replaces stages and KPI " +
      "values, sets the texts (at most 4000 characters each). Optimistic locking.",
    authScopes: (_parent, args, context) => reportLeaderScopes(context, args.input.id),
    args: { input: t.arg({ type: SaveProgressReportInput, required: true }) },
    errors: mutationResult("saveProgressReport", "progressReport", [
      ValidationError,
      NotFoundError,
      ConflictError,
      InvalidStatusTransitionError,
    ]),
    resolve: (_parent, args, context) => {
      const input = parseInput(saveSchema, args.input);
      return withAudit(context, async (tx) => {
        const before = await lockedReport(tx, input.id, args.input.id, input.version);
        assertEditable(before);
        if (input.stages) {
          const practices = await tx.practice.findMany({
            where: { id: { in: input.stages.map((stage) => stage.practiceId) } },
            select: { id: true, code: true, retiredAt: true, versions: { orderBy: { number: "desc" }, take: 1, select: { name: true } } },
          });
          const byId = new Map(practices.map((practice) => [practice.id, practice]));
          input.stages.forEach((stage, index) => {
            const practice = byId.get(stage.practiceId);
            if (!practice) throw new NotFoundError("Practice", args.input.stages![index]!.practiceId);
            if (practice.retiredAt) {
              throw ValidationError.field(
                `stages.${index}.practiceId`,
                `Praksisen ${practice.versions[0]?.name ?? practice.code} er faset ut og kan ikke rapporteres på.`,
              );
            }
          });
          await tx.progressReportStage.deleteMany({ where: { reportId: before.id } });
          await tx.progressReportStage.createMany({
            data: input.stages.map((stage) => ({ reportId: before.id, practiceId: stage.practiceId, stage: stage.stage, note: stage.note ?? "" })),
          });
        }
        if (input.kpiValues) {
          const found = await tx.kpi.findMany({ where: { id: { in: input.kpiValues.map((v) => v.kpiId) } }, select: { id: true } });
          const known = new Set(found.map((kpi) => kpi.id));
          input.kpiValues.forEach((value, index) => {
            if (!known.has(value.kpiId)) throw new NotFoundError("Kpi", args.input.kpiValues![index]!.kpiId);
          });
          await tx.progressReportKpiValue.deleteMany({ where: { reportId: before.id } });
          await tx.progressReportKpiValue.createMany({
            data: input.kpiValues.map((value) => ({ reportId: before.id, kpiId: value.kpiId, value: value.value })),
          });
        }
        const after = await tx.progressReport.update({
          where: { id: before.id },
          data: {
            learning: input.learning ?? undefined,
            obstacles: input.obstacles ?? undefined,
            helpNeeded: input.helpNeeded ?? undefined,
            version: { increment: 1 },
          },
          include: reportInclude,
        });
        return {
          result: after as ProgressReport,
          audit: {
            action: "saveProgressReport",
            entityType: "ProgressReport",
            entityId: after.id,
            before: reportSnapshot(before),
            after: reportSnapshot(after),
          },
        };
      });
    },
  }),
);

// ---------------------------------------------------------------------------------------
// submitProgressReport

builder.mutationField("submitProgressReport", (t) =>
  t.field({
    type: ProgressReportRef,
    description:
      "The office's leader (today). DRAFT or CHANGES_REQUESTED → SUBMITTED; needs a stage for every practice in use. " +
      "Records the stages as the office's adoption status for the month and the KPI values as its measurements, " +
      "keeps a snapshot of what was sent, and tells live views. Optimistic locking.",
    authScopes: (_parent, args, context) => reportLeaderScopes(context, args.input.id),
    args: { input: t.arg({ type: SubmitProgressReportInput, required: true }) },
    errors: mutationResult("submitProgressReport", "progressReport", [
      ValidationError,
      NotFoundError,
      ConflictError,
      InvalidStatusTransitionError,
    ]),
    resolve: (_parent, args, context) => {
      const input = parseInput(submitSchema, args.input);
      const actor = context.viewer!;
      const change = withAudit(context, async (tx) => {
        const before = await lockedReport(tx, input.id, args.input.id, input.version);
        assertTransition(before, "SUBMITTED", "sendes inn");
        const practices = await tx.practice.findMany({
          where: { OR: [{ retiredAt: null }, { id: { in: before.stages.map((stage) => stage.practiceId) } }] },
          orderBy: PRACTICE_ORDER,
          select: { id: true, code: true, retiredAt: true, versions: { orderBy: { number: "desc" }, take: 1, select: { name: true } } },
        });
        const kpis = await tx.kpi.findMany({
          where: { id: { in: before.kpiValues.map((value) => value.kpiId) } },
          orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
        });
        const submissionCount = await tx.progressReportSubmission.count({ where: { reportId: before.id } });
        const stageByPractice = new Map(before.stages.map((stage) => [stage.practiceId, stage]));
        const practiceName = (practice: (typeof practices)[number]) => practice.versions[0]?.name ?? practice.code;
        const missing = practices.filter((practice) => !practice.retiredAt && !stageByPractice.has(practice.id));
        if (missing.length) {
          throw ValidationError.field(
            "stages",
            `Velg innføringsstatus for ${missing.length === 1 ? "praksisen" : "praksisene"} ${missing.map(practiceName).join(", ")} før rapporten sendes inn.`,
          );
        }
        const now = new Date();
        const valueByKpi = new Map(before.kpiValues.map((value) => [value.kpiId, value.value]));
        const content = {
          stages: practices.flatMap((practice) => {
            const stage = stageByPractice.get(practice.id);
            return stage ? [{ practiceCode: practice.code, practiceName: practiceName(practice), stage: stage.stage, note: stage.note }] : [];
          }),
          kpiValues: kpis.map((kpi) => ({ kpiCode: kpi.code, kpiName: kpi.name, value: valueByKpi.get(kpi.id)!.toNumber() })),
          learning: before.learning,
          obstacles: before.obstacles,
          helpNeeded: before.helpNeeded,
        };
        await tx.progressReportSubmission.create({
          data: {
            reportId: before.id,
            number: submissionCount + 1,
            submittedAt: now,
            submittedBySubject: actor.subject,
            submittedByName: actor.name,
            content,
          },
        });
        for (const stage of before.stages) {
          const key = { officeId: before.officeId, practiceId: stage.practiceId, period: before.period };
          await tx.adoptionStatus.upsert({
            where: { officeId_practiceId_period: key },
            create: { ...key, stage: stage.stage, reportId: before.id, recordedAt: now },
            update: { stage: stage.stage, reportId: before.id, recordedAt: now },
          });
        }
        for (const value of before.kpiValues) {
          const key = { officeId: before.officeId, kpiId: value.kpiId, period: before.period };
          await tx.kpiMeasurement.upsert({
            where: { officeId_kpiId_period: key },
            create: { ...key, value: value.value, authorSubject: actor.subject, authorName: actor.name },
            update: { value: value.value, authorSubject: actor.subject, authorName: actor.name },
          });
        }
        const after = await tx.progressReport.update({
          where: { id: before.id },
          data: {
            status: "SUBMITTED",
            submittedAt: now,
            submittedBySubject: actor.subject,
            submittedByName: actor.name,
            version: { increment: 1 },
          },
          include: reportInclude,
        });
        return {
          result: { report: after as ProgressReport, officeName: before.office.name },
          audit: {
            action: "submitProgressReport",
            entityType: "ProgressReport",
            entityId: after.id,
            before: reportSnapshot(before),
            after: { ...reportSnapshot(after), submission: submissionCount + 1 },
          },
        };
      });
      return thenPublish(context, "SUBMITTED", change);
    },
  }),
);

// ---------------------------------------------------------------------------------------
// acknowledgeProgressReport, requestProgressReportChanges

async function review(
  context: SamlaContext,
  input: { id: string; version: number; comment?: string | null },
  globalId: string,
  to: "ACKNOWLEDGED" | "CHANGES_REQUESTED",
) {
  const actor = context.viewer!;
  const action = to === "ACKNOWLEDGED" ? "acknowledgeProgressReport" : "requestProgressReportChanges";
  return withAudit(context, async (tx) => {
    const before = await lockedReport(tx, input.id, globalId, input.version);
    assertTransition(before, to, to === "ACKNOWLEDGED" ? "kvitteres ut" : "sendes tilbake for endringer");
    const now = new Date();
    if (input.comment) {
      await tx.progressReportComment.create({
        data: { reportId: before.id, kind: to, body: input.comment, authorSubject: actor.subject, authorName: actor.name, createdAt: now },
      });
    }
    const after = await tx.progressReport.update({
      where: { id: before.id },
      data: {
        status: to,
        ...(to === "ACKNOWLEDGED" ? { acknowledgedAt: now, acknowledgedBySubject: actor.subject, acknowledgedByName: actor.name } : {}),
        version: { increment: 1 },
      },
      include: reportInclude,
    });
    return {
      result: { report: after as ProgressReport, officeName: before.office.name },
      audit: {
        action,
        entityType: "ProgressReport",
        entityId: after.id,
        before: reportSnapshot(before),
        after: { ...reportSnapshot(after), comment: input.comment ?? null },
      },
    };
  });
}

builder.mutationField("acknowledgeProgressReport", (t) =>
  t.field({
    type: ProgressReportRef,
    description: "Planner or admin. SUBMITTED → ACKNOWLEDGED, with an optional comment. Tells live views. Optimistic locking.",
    authScopes: DIRECTORATE,
    args: { input: t.arg({ type: AcknowledgeProgressReportInput, required: true }) },
    errors: mutationResult("acknowledgeProgressReport", "progressReport", [
      ValidationError,
      NotFoundError,
      ConflictError,
      InvalidStatusTransitionError,
    ]),
    resolve: (_parent, args, context) => {
      const input = parseInput(acknowledgeSchema, args.input);
      return thenPublish(context, "ACKNOWLEDGED", review(context, input, args.input.id, "ACKNOWLEDGED"));
    },
  }),
);

builder.mutationField("requestProgressReportChanges", (t) =>
  t.field({
    type: ProgressReportRef,
    description:
      "Planner or admin. SUBMITTED → CHANGES_REQUESTED with a comment saying what to change; the office's leader " +
      "can then edit and submit again. Tells live views. Optimistic locking.",
    authScopes: DIRECTORATE,
    args: { input: t.arg({ type: RequestProgressReportChangesInput, required: true }) },
    errors: mutationResult("requestProgressReportChanges", "progressReport", [
      ValidationError,
      NotFoundError,
      ConflictError,
      InvalidStatusTransitionError,
    ]),
    resolve: (_parent, args, context) => {
      const input = parseInput(requestChangesSchema, args.input);
      return thenPublish(context, "CHANGES_REQUESTED", review(context, input, args.input.id, "CHANGES_REQUESTED"));
    },
  }),
);
