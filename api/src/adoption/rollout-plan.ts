// The rollout plan: waves, the offices in each, and their dates (per practice where they
// differ). Readers see it; the directorate (planner, admin) changes it. Moving an office to
// another wave ends its row and starts a new one, so its history stays.
import type { OfficeRollout, RolloutWave } from "@samla/schema";
import { z } from "zod";
import { builder } from "../builder";
import { equalsIgnoringCase } from "../lib/text-match";
import { lockRow, staleVersionConflict, withAudit, type AuditEntry, type Tx } from "../lib/audit";
import { firstOfMonth, formatDate, formatDateNorwegian, formatMonthNorwegian, todayInNorway } from "../lib/dates";
import { ConflictError, NotFoundError, ValidationError } from "../lib/errors";
import { mutationResult } from "../lib/mutations";
import { parseInput, zGlobalId, zOptionalText, zText } from "../lib/validation";
import { officeStatusOn, officeStatusWhere } from "../org/office-status";
import { ADOPTION_READERS, DIRECTORATE, OfficeRolloutRef, reportingStartMonth, RolloutWaveRef } from "./adoption-types";
import { outstandingReportMonths } from "./progress-reports";

// ---------------------------------------------------------------------------------------
// Queries

builder.queryFields((t) => ({
  rolloutWaves: t.prismaField({
    type: ["RolloutWave"],
    description: "Every wave, by ordinal (the pilot wave first).",
    authScopes: ADOPTION_READERS,
    resolve: (query, _parent, _args, context) => context.db.rolloutWave.findMany({ ...query, orderBy: { ordinal: "asc" } }),
  }),
  rolloutWave: t.prismaField({
    type: "RolloutWave",
    nullable: true,
    authScopes: ADOPTION_READERS,
    args: { id: t.arg.globalID({ required: true, for: RolloutWaveRef }) },
    resolve: (query, _parent, args, context) => context.db.rolloutWave.findUnique({ ...query, where: { id: args.id.id } }),
  }),
  officesWithoutRollout: t.prismaField({
    type: ["Office"],
    description: "Active offices in no wave now, by name: those the planner can still add to a wave.",
    authScopes: DIRECTORATE,
    resolve: (query, _parent, _args, context) =>
      context.db.office.findMany({
        ...query,
        where: { AND: [officeStatusWhere(["ACTIVE"], todayInNorway()), { rollouts: { none: { leftAt: null } } }] },
        orderBy: [{ name: "asc" }, { id: "asc" }],
      }),
  }),
}));

// ---------------------------------------------------------------------------------------
// What a move does to the office's reports, before the planner confirms it (issue 14: moving
// an office into a wave that had started made 14 reports overdue without a word).

interface ReportOutlook {
  due: Date[];
  overdue: Date[];
}

const ReportOutlookRef = builder.objectRef<ReportOutlook>("ReportOutlook").implement({
  description: "The monthly reports an office owes today under one plan: not SUBMITTED or ACKNOWLEDGED, oldest first.",
  fields: (t) => ({
    dueCount: t.int({ resolve: (outlook) => outlook.due.length }),
    overdueCount: t.int({ resolve: (outlook) => outlook.overdue.length }),
    overduePeriods: t.field({ type: ["Date"], description: "The months (first day) whose report is past its due date.", resolve: (o) => o.overdue }),
    duePeriods: t.field({ type: ["Date"], description: "The months whose report is due and not yet late.", resolve: (o) => o.due }),
  }),
});

interface RolloutMovePreview {
  plannedStart: Date;
  earliestReportingFrom: Date;
  reportingFrom: Date;
  currentMonth: Date;
  before: ReportOutlook;
  after: ReportOutlook;
  afterFromStart: ReportOutlook;
}

const RolloutMovePreviewRef = builder.objectRef<RolloutMovePreview>("RolloutMovePreview").implement({
  description: "What moveOfficeToWave with the same input would do to the office's monthly reports today (in Norway).",
  fields: (t) => ({
    plannedStart: t.expose("plannedStart", { type: "Date", description: "The start the office would get (the wave's unless given)." }),
    earliestReportingFrom: t.expose("earliestReportingFrom", { type: "Date", description: "The planned start's month: reports cannot be due earlier." }),
    reportingFrom: t.expose("reportingFrom", { type: "Date", description: "The first month reports would be due." }),
    currentMonth: t.expose("currentMonth", { type: "Date", description: "Today's month in Norway." }),
    before: t.field({ type: ReportOutlookRef, description: "Under the office's current plan.", resolve: (p) => p.before }),
    after: t.field({ type: ReportOutlookRef, description: "After the move, with reports due from reportingFrom.", resolve: (p) => p.after }),
    afterFromStart: t.field({
      type: ReportOutlookRef,
      description: "After the move with reports due from the planned start's month (moveOfficeToWave's default).",
      resolve: (p) => p.afterFromStart,
    }),
  }),
});

const RolloutMovePreviewInput = builder.inputType("RolloutMovePreviewInput", {
  description: "moveOfficeToWave's input without version and reason.",
  fields: (t) => ({
    officeRolloutId: t.globalID({ required: true, for: OfficeRolloutRef }),
    waveId: t.globalID({ required: true, for: RolloutWaveRef }),
    plannedStart: t.field({ type: "Date", required: false }),
    reportingFrom: t.field({ type: "Date", required: false }),
  }),
});

builder.queryField("rolloutMovePreview", (t) =>
  t.field({
    type: RolloutMovePreviewRef,
    nullable: true,
    description:
      "Planner or admin. The office's outstanding monthly reports now and after moving it as given (due and overdue, " +
      "with their months), so the consequence is shown before the move. Null for an unknown rollout or wave.",
    authScopes: DIRECTORATE,
    args: { input: t.arg({ type: RolloutMovePreviewInput, required: true }) },
    resolve: async (_parent, args, context) => {
      const { input } = args;
      const [rollout, wave] = await Promise.all([
        context.db.officeRollout.findUnique({ where: { id: input.officeRolloutId.id } }),
        context.db.rolloutWave.findUnique({ where: { id: input.waveId.id } }),
      ]);
      if (!rollout || !wave) return null;
      const today = todayInNorway();
      const plannedStart = input.plannedStart ?? wave.plannedStart;
      const earliestReportingFrom = firstOfMonth(plannedStart);
      const reportingFrom = reportingStartMonth({ plannedStart, reportingFrom: input.reportingFrom ?? null });
      const [before, after, afterFromStart] = await Promise.all([
        rollout.leftAt ? { due: [], overdue: [] } : outstandingReportMonths(context.db, rollout.officeId, reportingStartMonth(rollout), today),
        outstandingReportMonths(context.db, rollout.officeId, reportingFrom, today),
        outstandingReportMonths(context.db, rollout.officeId, earliestReportingFrom, today),
      ]);
      return {
        plannedStart,
        earliestReportingFrom,
        reportingFrom,
        currentMonth: firstOfMonth(today),
        before,
        after,
        afterFromStart,
      };
    },
  }),
);

// ---------------------------------------------------------------------------------------
// Inputs and validation

const zDate = z.date({ message: "Må være en dato." });

function datesInOrder(ctx: z.RefinementCtx, start: Date | null | undefined, target: Date | null | undefined, path: (string | number)[]) {
  if (start && target && target <= start) {
    ctx.addIssue({ code: "custom", path, message: "Måldatoen må være etter planlagt start." });
  }
}

/** Reports cannot be due before the office starts: reportingFrom is its start month or later. */
function assertReportingAfterStart(plannedStart: Date, reportingFrom: Date | null): void {
  const startMonth = firstOfMonth(plannedStart);
  if (reportingFrom && reportingFrom < startMonth) {
    throw ValidationError.field(
      "reportingFrom",
      `Rapporteringen kan ikke starte før innføringen (${formatMonthNorwegian(startMonth)}).`,
    );
  }
}

/** The dates an office or wave ends up with, checked once the defaults are filled in. */
function assertDatesInOrder(plannedStart: Date, targetDate: Date, path: string): void {
  if (targetDate <= plannedStart) {
    throw ValidationError.field(
      path,
      `Måldatoen (${formatDateNorwegian(targetDate)}) må være etter planlagt start (${formatDateNorwegian(plannedStart)}).`,
    );
  }
}

const CreateRolloutWaveInput = builder.inputType("CreateRolloutWaveInput", {
  fields: (t) => ({
    name: t.string({ required: true }),
    description: t.string({ required: false }),
    plannedStart: t.field({ type: "Date", required: true }),
    targetDate: t.field({ type: "Date", required: true }),
    isPilot: t.boolean({ required: false, defaultValue: false }),
  }),
});

const createWaveSchema = z
  .object({
    name: zText(200),
    description: zOptionalText(4000),
    plannedStart: zDate,
    targetDate: zDate,
    isPilot: z.boolean().nullish(),
  })
  .superRefine((input, ctx) => datesInOrder(ctx, input.plannedStart, input.targetDate, ["targetDate"]));

const UpdateRolloutWaveInput = builder.inputType("UpdateRolloutWaveInput", {
  description: "Fields left out are unchanged. Offices already in the wave keep their own dates.",
  fields: (t) => ({
    id: t.id({ required: true }),
    version: t.int({ required: true }),
    name: t.string({ required: false }),
    description: t.string({ required: false }),
    plannedStart: t.field({ type: "Date", required: false }),
    targetDate: t.field({ type: "Date", required: false }),
  }),
});

const updateWaveSchema = z.object({
  id: zGlobalId("RolloutWave"),
  version: z.number().int(),
  name: zText(200).nullish(),
  description: zOptionalText(4000),
  plannedStart: zDate.nullish(),
  targetDate: zDate.nullish(),
});

const AddOfficesToWaveInput = builder.inputType("AddOfficesToWaveInput", {
  fields: (t) => ({
    waveId: t.id({ required: true }),
    officeIds: t.idList({ required: true, description: "1-300 active offices that are in no wave now." }),
    plannedStart: t.field({ type: "Date", required: false, description: "Default: the wave's." }),
    targetDate: t.field({ type: "Date", required: false, description: "Default: the wave's." }),
  }),
});

const addOfficesSchema = z
  .object({
    waveId: zGlobalId("RolloutWave"),
    officeIds: z
      .array(zGlobalId("Office"))
      .min(1, "Velg minst ett kontor.")
      .max(300, "Høyst 300 kontorer om gangen."),
    plannedStart: zDate.nullish(),
    targetDate: zDate.nullish(),
  })
  .superRefine((input, ctx) => {
    const seen = new Set<string>();
    input.officeIds.forEach((id, index) => {
      if (seen.has(id)) ctx.addIssue({ code: "custom", path: ["officeIds", index], message: "Kontoret er valgt flere ganger." });
      seen.add(id);
    });
    datesInOrder(ctx, input.plannedStart, input.targetDate, ["targetDate"]);
  });

const MoveOfficeToWaveInput = builder.inputType("MoveOfficeToWaveInput", {
  description:
    "Ends the office's current rollout (leftAt, leftReason) and starts a new one in the target wave with the " +
    "wave's dates unless given. Per-practice dates are not carried over.",
  fields: (t) => ({
    officeRolloutId: t.id({ required: true, description: "The office's current rollout." }),
    version: t.int({ required: true }),
    waveId: t.id({ required: true }),
    reason: t.string({ required: true }),
    plannedStart: t.field({ type: "Date", required: false }),
    targetDate: t.field({ type: "Date", required: false }),
    reportingFrom: t.field({
      type: "Date",
      required: false,
      description:
        "The first month (any day in it) the office's monthly reports are due. Default: the month of the planned start, " +
        "which for a wave that has already started makes every month since then due or overdue at once " +
        "(see rolloutMovePreview). Not before the planned start's month.",
    }),
  }),
});

const moveOfficeSchema = z
  .object({
    officeRolloutId: zGlobalId("OfficeRollout"),
    version: z.number().int(),
    waveId: zGlobalId("RolloutWave"),
    reason: zText(1000),
    plannedStart: zDate.nullish(),
    targetDate: zDate.nullish(),
    reportingFrom: zDate.nullish(),
  })
  .superRefine((input, ctx) => datesInOrder(ctx, input.plannedStart, input.targetDate, ["targetDate"]));

const PracticePlanInput = builder.inputType("PracticePlanInput", {
  fields: (t) => ({
    practiceId: t.id({ required: true }),
    plannedStart: t.field({ type: "Date", required: true }),
    targetDate: t.field({ type: "Date", required: true }),
  }),
});

const UpdateOfficeRolloutInput = builder.inputType("UpdateOfficeRolloutInput", {
  description:
    "Sets the office's dates and replaces its per-practice dates: send every practice that should differ " +
    "(a plan equal to the office's dates is not stored).",
  fields: (t) => ({
    id: t.id({ required: true }),
    version: t.int({ required: true }),
    plannedStart: t.field({ type: "Date", required: true }),
    targetDate: t.field({ type: "Date", required: true }),
    practicePlans: t.field({ type: [PracticePlanInput], required: true }),
  }),
});

const updateRolloutSchema = z
  .object({
    id: zGlobalId("OfficeRollout"),
    version: z.number().int(),
    plannedStart: zDate,
    targetDate: zDate,
    practicePlans: z
      .array(z.object({ practiceId: zGlobalId("Practice"), plannedStart: zDate, targetDate: zDate }))
      .max(200, "For mange praksiser."),
  })
  .superRefine((input, ctx) => {
    datesInOrder(ctx, input.plannedStart, input.targetDate, ["targetDate"]);
    const seen = new Set<string>();
    input.practicePlans.forEach((plan, index) => {
      if (seen.has(plan.practiceId)) {
        ctx.addIssue({ code: "custom", path: ["practicePlans", index, "practiceId"], message: "Praksisen er med flere ganger." });
      }
      seen.add(plan.practiceId);
      datesInOrder(ctx, plan.plannedStart, plan.targetDate, ["practicePlans", index, "targetDate"]);
    });
  });

// ---------------------------------------------------------------------------------------
// Snapshots for the audit log

function waveSnapshot(wave: RolloutWave) {
  return {
    name: wave.name,
    ordinal: wave.ordinal,
    isPilot: wave.isPilot,
    description: wave.description,
    plannedStart: formatDate(wave.plannedStart),
    targetDate: formatDate(wave.targetDate),
    version: wave.version,
  };
}

type RolloutForSnapshot = OfficeRollout & {
  practicePlans: { practiceId: string; plannedStart: Date; targetDate: Date }[];
};

function rolloutSnapshot(rollout: RolloutForSnapshot) {
  return {
    officeId: rollout.officeId,
    waveId: rollout.waveId,
    plannedStart: formatDate(rollout.plannedStart),
    targetDate: formatDate(rollout.targetDate),
    reportingFrom: rollout.reportingFrom ? formatDate(rollout.reportingFrom) : null,
    leftAt: rollout.leftAt?.toISOString() ?? null,
    leftReason: rollout.leftReason,
    practicePlans: rollout.practicePlans
      .map((plan) => ({
        practiceId: plan.practiceId,
        plannedStart: formatDate(plan.plannedStart),
        targetDate: formatDate(plan.targetDate),
      }))
      .sort((a, b) => a.practiceId.localeCompare(b.practiceId)),
    version: rollout.version,
  };
}

const rolloutInclude = { practicePlans: true } as const;

/** Serialises wave numbering: two waves created at once must not take the same ordinal. */
async function lockWaveNumbering(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('RolloutWave.ordinal'))`;
}

async function assertWaveNameFree(tx: Tx, name: string, exceptId: string | null): Promise<void> {
  const taken = await tx.rolloutWave.findFirst({
    where: { name: equalsIgnoringCase(name), ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { name: true },
  });
  if (taken) throw new ConflictError(`Det finnes allerede en bølge med navnet ${taken.name}.`);
}

async function lockedWave(tx: Tx, id: string, globalId: string): Promise<RolloutWave> {
  if (!(await lockRow(tx, "RolloutWave", id))) throw new NotFoundError("RolloutWave", globalId, `Fant ikke bølgen med id ${globalId}.`);
  return tx.rolloutWave.findUniqueOrThrow({ where: { id } });
}

// ---------------------------------------------------------------------------------------
// Mutations

builder.mutationField("createRolloutWave", (t) =>
  t.field({
    type: RolloutWaveRef,
    description: "Planner or admin. Adds a wave after the last one (ordinal = highest + 1).",
    authScopes: DIRECTORATE,
    args: { input: t.arg({ type: CreateRolloutWaveInput, required: true }) },
    errors: mutationResult("createRolloutWave", "rolloutWave", [ValidationError, NotFoundError, ConflictError]),
    resolve: (_parent, args, context) => {
      const input = parseInput(createWaveSchema, args.input);
      return withAudit(context, async (tx) => {
        await lockWaveNumbering(tx);
        await assertWaveNameFree(tx, input.name, null);
        const last = await tx.rolloutWave.aggregate({ _max: { ordinal: true } });
        const wave = await tx.rolloutWave.create({
          data: {
            name: input.name,
            description: input.description ?? null,
            plannedStart: input.plannedStart,
            targetDate: input.targetDate,
            isPilot: input.isPilot ?? false,
            ordinal: (last._max.ordinal ?? 0) + 1,
          },
        });
        return {
          result: wave,
          audit: { action: "createRolloutWave", entityType: "RolloutWave", entityId: wave.id, after: waveSnapshot(wave) },
        };
      });
    },
  }),
);

builder.mutationField("updateRolloutWave", (t) =>
  t.field({
    type: RolloutWaveRef,
    description: "Planner or admin. Renames a wave or changes its default dates. Optimistic locking.",
    authScopes: DIRECTORATE,
    args: { input: t.arg({ type: UpdateRolloutWaveInput, required: true }) },
    errors: mutationResult("updateRolloutWave", "rolloutWave", [ValidationError, NotFoundError, ConflictError]),
    resolve: (_parent, args, context) => {
      const input = parseInput(updateWaveSchema, args.input);
      return withAudit(context, async (tx) => {
        const before = await lockedWave(tx, input.id, args.input.id);
        if (before.version !== input.version) {
          throw await staleVersionConflict(
            tx,
            { type: "RolloutWave", id: before.id, label: `Bølgen ${before.name}` },
            input.version,
            before.version,
          );
        }
        const plannedStart = input.plannedStart ?? before.plannedStart;
        const targetDate = input.targetDate ?? before.targetDate;
        assertDatesInOrder(plannedStart, targetDate, input.targetDate ? "targetDate" : "plannedStart");
        if (input.name && input.name !== before.name) await assertWaveNameFree(tx, input.name, before.id);
        const after = await tx.rolloutWave.update({
          where: { id: before.id },
          data: {
            name: input.name ?? undefined,
            description: input.description,
            plannedStart,
            targetDate,
            version: { increment: 1 },
          },
        });
        return {
          result: after,
          audit: {
            action: "updateRolloutWave",
            entityType: "RolloutWave",
            entityId: after.id,
            before: waveSnapshot(before),
            after: waveSnapshot(after),
          },
        };
      });
    },
  }),
);

builder.mutationField("addOfficesToWave", (t) =>
  t.field({
    type: RolloutWaveRef,
    description:
      "Planner or admin. Puts active offices that are in no wave into this one, with the wave's dates unless given.",
    authScopes: DIRECTORATE,
    args: { input: t.arg({ type: AddOfficesToWaveInput, required: true }) },
    errors: mutationResult("addOfficesToWave", "rolloutWave", [ValidationError, NotFoundError, ConflictError]),
    resolve: (_parent, args, context) => {
      const input = parseInput(addOfficesSchema, args.input);
      return withAudit(context, async (tx) => {
        const wave = await lockedWave(tx, input.waveId, args.input.waveId);
        const plannedStart = input.plannedStart ?? wave.plannedStart;
        const targetDate = input.targetDate ?? wave.targetDate;
        assertDatesInOrder(plannedStart, targetDate, "targetDate");
        // In id order, so two requests adding overlapping offices cannot deadlock.
        for (const id of [...input.officeIds].sort()) await lockRow(tx, "Office", id);
        const offices = await tx.office.findMany({
          where: { id: { in: input.officeIds } },
          select: {
            id: true,
            name: true,
            status: true,
            validFrom: true,
            validTo: true,
            rollouts: { where: { leftAt: null }, select: { wave: { select: { name: true } } } },
          },
        });
        const byId = new Map(offices.map((office) => [office.id, office]));
        input.officeIds.forEach((id, index) => {
          const office = byId.get(id);
          if (!office) throw new NotFoundError("Office", args.input.officeIds[index]!);
          if (officeStatusOn(office, todayInNorway()) !== "ACTIVE") {
            throw ValidationError.field(`officeIds.${index}`, `${office.name} er ikke et aktivt kontor.`);
          }
          const current = office.rollouts[0];
          if (current) {
            throw ValidationError.field(
              `officeIds.${index}`,
              `${office.name} er allerede i bølgen ${current.wave.name}. Flytt kontoret i stedet.`,
            );
          }
        });
        const created = await tx.officeRollout.createManyAndReturn({
          data: input.officeIds.map((officeId) => ({ officeId, waveId: wave.id, plannedStart, targetDate })),
        });
        const audit: AuditEntry[] = [
          {
            action: "addOfficesToWave",
            entityType: "RolloutWave",
            entityId: wave.id,
            after: { wave: wave.name, officeIds: input.officeIds, plannedStart: formatDate(plannedStart), targetDate: formatDate(targetDate) },
          },
          ...created.map((rollout) => ({
            action: "addOfficesToWave",
            entityType: "OfficeRollout",
            entityId: rollout.id,
            after: rolloutSnapshot({ ...rollout, practicePlans: [] }),
          })),
        ];
        return { result: wave, audit };
      });
    },
  }),
);

/** The rollout row locked, with its office locked first (the order every rollout change takes). */
async function lockedRollout(tx: Tx, id: string, globalId: string) {
  const found = await tx.officeRollout.findUnique({ where: { id }, select: { officeId: true } });
  if (!found) throw new NotFoundError("OfficeRollout", globalId, `Fant ikke kontorets plass i innføringen med id ${globalId}.`);
  await lockRow(tx, "Office", found.officeId);
  await lockRow(tx, "OfficeRollout", id);
  return tx.officeRollout.findUniqueOrThrow({
    where: { id },
    include: { ...rolloutInclude, office: { select: { name: true } }, wave: { select: { name: true } } },
  });
}

builder.mutationField("moveOfficeToWave", (t) =>
  t.field({
    type: OfficeRolloutRef,
    description:
      "Planner or admin. Moves an office to another wave: its current rollout ends (leftAt = now, leftReason) and " +
      "a new one starts in the target wave, returned here. Per-practice dates are not carried over. Optimistic locking.",
    authScopes: DIRECTORATE,
    args: { input: t.arg({ type: MoveOfficeToWaveInput, required: true }) },
    errors: mutationResult("moveOfficeToWave", "officeRollout", [ValidationError, NotFoundError, ConflictError]),
    resolve: (_parent, args, context) => {
      const input = parseInput(moveOfficeSchema, args.input);
      return withAudit(context, async (tx) => {
        const before = await lockedRollout(tx, input.officeRolloutId, args.input.officeRolloutId);
        if (before.leftAt) {
          throw new ConflictError(
            `${before.office.name} har allerede forlatt bølgen ${before.wave.name}. Hent siste versjon og prøv igjen.`,
            before.version,
          );
        }
        if (before.version !== input.version) {
          throw await staleVersionConflict(
            tx,
            { type: "OfficeRollout", id: before.id, label: `Planen for ${before.office.name}` },
            input.version,
            before.version,
          );
        }
        const target = await lockedWave(tx, input.waveId, args.input.waveId);
        if (target.id === before.waveId) {
          throw ValidationError.field("waveId", `${before.office.name} er allerede i bølgen ${target.name}.`);
        }
        const plannedStart = input.plannedStart ?? target.plannedStart;
        const targetDate = input.targetDate ?? target.targetDate;
        assertDatesInOrder(plannedStart, targetDate, "targetDate");
        const reportingFrom = input.reportingFrom ? firstOfMonth(input.reportingFrom) : null;
        assertReportingAfterStart(plannedStart, reportingFrom);
        const ended = await tx.officeRollout.update({
          where: { id: before.id },
          data: { leftAt: new Date(), leftReason: input.reason, version: { increment: 1 } },
          include: rolloutInclude,
        });
        const created = await tx.officeRollout.create({
          data: { officeId: before.officeId, waveId: target.id, plannedStart, targetDate, reportingFrom },
          include: rolloutInclude,
        });
        return {
          result: created,
          audit: [
            { action: "moveOfficeToWave", entityType: "OfficeRollout", entityId: created.id, after: rolloutSnapshot(created) },
            {
              action: "moveOfficeToWave",
              entityType: "OfficeRollout",
              entityId: ended.id,
              before: rolloutSnapshot(before),
              after: rolloutSnapshot(ended),
            },
          ],
        };
      });
    },
  }),
);

builder.mutationField("updateOfficeRollout", (t) =>
  t.field({
    type: OfficeRolloutRef,
    description:
      "Planner or admin. Sets an office's planned start and target date and replaces its per-practice dates. " +
      "Only the current rollout can change. Optimistic locking.",
    authScopes: DIRECTORATE,
    args: { input: t.arg({ type: UpdateOfficeRolloutInput, required: true }) },
    errors: mutationResult("updateOfficeRollout", "officeRollout", [ValidationError, NotFoundError, ConflictError]),
    resolve: (_parent, args, context) => {
      const input = parseInput(updateRolloutSchema, args.input);
      return withAudit(context, async (tx) => {
        const before = await lockedRollout(tx, input.id, args.input.id);
        if (before.version !== input.version) {
          throw await staleVersionConflict(
            tx,
            { type: "OfficeRollout", id: before.id, label: `Planen for ${before.office.name}` },
            input.version,
            before.version,
          );
        }
        if (before.leftAt) {
          throw ValidationError.field(
            "id",
            `${before.office.name} har forlatt bølgen ${before.wave.name}; bare den gjeldende planen kan endres.`,
          );
        }
        const practiceIds = input.practicePlans.map((plan) => plan.practiceId);
        const practices = await tx.practice.findMany({
          where: { id: { in: practiceIds } },
          select: { id: true, code: true, retiredAt: true, versions: { orderBy: { number: "desc" }, take: 1, select: { name: true } } },
        });
        const practiceById = new Map(practices.map((practice) => [practice.id, practice]));
        input.practicePlans.forEach((plan, index) => {
          const practice = practiceById.get(plan.practiceId);
          if (!practice) throw new NotFoundError("Practice", args.input.practicePlans[index]!.practiceId);
          if (practice.retiredAt) {
            throw ValidationError.field(
              `practicePlans.${index}.practiceId`,
              `Praksisen ${practice.versions[0]?.name ?? practice.code} er faset ut og kan ikke planlegges.`,
            );
          }
        });
        const stored = input.practicePlans.filter(
          (plan) =>
            plan.plannedStart.getTime() !== input.plannedStart.getTime() ||
            plan.targetDate.getTime() !== input.targetDate.getTime(),
        );
        await tx.officeRolloutPractice.deleteMany({ where: { officeRolloutId: before.id } });
        if (stored.length) {
          await tx.officeRolloutPractice.createMany({
            data: stored.map((plan) => ({ officeRolloutId: before.id, ...plan })),
          });
        }
        const after = await tx.officeRollout.update({
          where: { id: before.id },
          data: { plannedStart: input.plannedStart, targetDate: input.targetDate, version: { increment: 1 } },
          include: rolloutInclude,
        });
        return {
          result: after,
          audit: {
            action: "updateOfficeRollout",
            entityType: "OfficeRollout",
            entityId: after.id,
            before: rolloutSnapshot(before),
            after: rolloutSnapshot(after),
          },
        };
      });
    },
  }),
);
