// proposeMerger and updateMerger (planner, admin).
import type { Merger, MergerStatus } from "@samla/schema";
import { z } from "zod";
import { scopes } from "../auth/policy";
import { builder } from "../builder";
import { lockRow, staleVersionConflict, withAudit, type AuditEntry, type Tx } from "../lib/audit";
import { addDays, formatDate, formatDateNorwegian, todayInNorway } from "../lib/dates";
import { ConflictError, InvalidStatusTransitionError, NotFoundError, ValidationError } from "../lib/errors";
import { mutationResult } from "../lib/mutations";
import { parseInput, zGlobalId, zOfficeCode, zOptionalText, zText } from "../lib/validation";
import { officeSnapshot } from "../org/office-mutations";
import { officeStatusOn } from "../org/office-status";
import { applyScenario, lockApprovedScenario } from "./apply-scenario";
import { MergerRef, MergerStatusEnum } from "./mergers";

const ORG_EDITORS = scopes("org.edit");

/** The lifecycle: each status and where it may go next. */
export const MERGER_TRANSITIONS: Record<MergerStatus, MergerStatus[]> = {
  PROPOSED: ["APPROVED", "CANCELLED"],
  APPROVED: ["IN_PROGRESS", "CANCELLED"],
  IN_PROGRESS: ["COMPLETED", "CANCELLED"],
  COMPLETED: [],
  CANCELLED: [],
};

const OPEN_STATUSES: MergerStatus[] = ["PROPOSED", "APPROVED", "IN_PROGRESS"];

const STATUS_NAMES: Record<MergerStatus, string> = {
  PROPOSED: "foreslått",
  APPROVED: "godkjent",
  IN_PROGRESS: "under gjennomføring",
  COMPLETED: "fullført",
  CANCELLED: "avbrutt",
};

const NewTargetOfficeInput = builder.inputType("NewTargetOfficeInput", {
  description: "A new office to merge into; it is created with status PLANNED.",
  fields: (t) => ({
    code: t.string({ required: true }),
    name: t.string({ required: true }),
  }),
});

const ProposeMergerInput = builder.inputType("ProposeMergerInput", {
  description: "Give either targetOfficeId (an existing PLANNED office) or newTargetOffice.",
  fields: (t) => ({
    name: t.string({ required: true }),
    sourceOfficeIds: t.idList({ required: true, description: "At least two active offices." }),
    targetOfficeId: t.id({ required: false }),
    newTargetOffice: t.field({ type: NewTargetOfficeInput, required: false }),
    effectiveDate: t.field({ type: "Date", required: true }),
    description: t.string({ required: false }),
  }),
});

const UpdateMergerInput = builder.inputType("UpdateMergerInput", {
  description: "Fields left out are unchanged. Status moves PROPOSED → APPROVED → IN_PROGRESS → COMPLETED, or to CANCELLED.",
  fields: (t) => ({
    id: t.id({ required: true }),
    version: t.int({ required: true }),
    status: t.field({ type: MergerStatusEnum, required: false }),
    name: t.string({ required: false }),
    effectiveDate: t.field({ type: "Date", required: false }),
    description: t.string({ required: false }),
  }),
});

const proposeMergerSchema = z
  .object({
    name: zText(200),
    sourceOfficeIds: z.array(zGlobalId("Office")).max(50, "Høyst 50 kontorer i én sammenslåing."),
    targetOfficeId: zGlobalId("Office").nullish(),
    newTargetOffice: z.object({ code: zOfficeCode, name: zText(200) }).nullish(),
    effectiveDate: z.date(),
    description: zOptionalText(4000),
  })
  .superRefine((input, ctx) => {
    if (new Set(input.sourceOfficeIds).size !== input.sourceOfficeIds.length) {
      ctx.addIssue({ code: "custom", path: ["sourceOfficeIds"], message: "Et kontor er valgt flere ganger." });
    } else if (input.sourceOfficeIds.length < 2) {
      ctx.addIssue({ code: "custom", path: ["sourceOfficeIds"], message: "Velg minst to kontorer som skal slås sammen." });
    }
    if (!input.targetOfficeId === !input.newTargetOffice) {
      ctx.addIssue({
        code: "custom",
        path: ["targetOfficeId"],
        message: "Velg enten et planlagt målkontor eller opprett et nytt.",
      });
    }
    if (input.targetOfficeId && input.sourceOfficeIds.includes(input.targetOfficeId)) {
      ctx.addIssue({ code: "custom", path: ["targetOfficeId"], message: "Målkontoret kan ikke også være et av kontorene som slås sammen." });
    }
  });

const updateMergerSchema = z.object({
  id: zGlobalId("Merger"),
  version: z.number().int(),
  status: z.enum(["PROPOSED", "APPROVED", "IN_PROGRESS", "COMPLETED", "CANCELLED"]).nullish(),
  name: zText(200).nullish(),
  effectiveDate: z.date().nullish(),
  description: zOptionalText(4000),
});

function mergerSnapshot(merger: Merger & { sourceOffices: { code: string }[]; targetOffice: { code: string } }) {
  return {
    name: merger.name,
    status: merger.status,
    effectiveDate: formatDate(merger.effectiveDate),
    description: merger.description,
    targetOffice: merger.targetOffice.code,
    sourceOffices: merger.sourceOffices.map((o) => o.code).sort(),
    version: merger.version,
  };
}

const mergerInclude = {
  sourceOffices: { select: { id: true, code: true } },
  targetOffice: { select: { id: true, code: true } },
} as const;

/** Locks the offices in id order (so two proposals cannot deadlock) and checks they may merge. */
async function lockSourceOffices(tx: Tx, ids: string[], globalIds: string[]): Promise<void> {
  for (const id of [...ids].sort()) await lockRow(tx, "Office", id);
  const offices = await tx.office.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      name: true,
      status: true,
      validFrom: true,
      validTo: true,
      mergersAsSource: { where: { status: { in: OPEN_STATUSES } }, select: { name: true } },
    },
  });
  const byId = new Map(offices.map((o) => [o.id, o]));
  ids.forEach((id, index) => {
    const office = byId.get(id);
    if (!office) throw new NotFoundError("Office", globalIds[index]!);
    if (officeStatusOn(office, todayInNorway()) !== "ACTIVE") {
      throw ValidationError.field(`sourceOfficeIds.${index}`, `${office.name} er ikke et aktivt kontor.`);
    }
    // Active today, but already merged or closed from a later date (a merger completed ahead of time).
    if (office.status !== "ACTIVE" && office.validTo) {
      throw ValidationError.field(
        `sourceOfficeIds.${index}`,
        `${office.name} er allerede ${office.status === "MERGED" ? "slått sammen" : "nedlagt"} fra ` +
          `${formatDateNorwegian(addDays(office.validTo, 1))}.`,
      );
    }
    const open = office.mergersAsSource[0];
    if (open) throw new ConflictError(`${office.name} er allerede med i sammenslåingen ${open.name}.`);
  });
}

builder.mutationField("proposeMerger", (t) =>
  t.field({
    type: MergerRef,
    description: "Planner or admin. Proposes merging two or more active offices into a planned target office.",
    authScopes: ORG_EDITORS,
    args: { input: t.arg({ type: ProposeMergerInput, required: true }) },
    errors: mutationResult("proposeMerger", "merger", [ValidationError, NotFoundError, ConflictError]),
    resolve: (_parent, args, context) => {
      const input = parseInput(proposeMergerSchema, args.input);
      return withAudit(context, async (tx) => {
        await lockSourceOffices(tx, input.sourceOfficeIds, args.input.sourceOfficeIds);
        const audit: AuditEntry[] = [];
        let targetOfficeId: string;
        if (input.targetOfficeId) {
          if (!(await lockRow(tx, "Office", input.targetOfficeId))) {
            throw new NotFoundError("Office", args.input.targetOfficeId!);
          }
          const target = await tx.office.findUniqueOrThrow({ where: { id: input.targetOfficeId } });
          if (target.status !== "PLANNED") {
            throw ValidationError.field("targetOfficeId", `Målkontoret må være et planlagt kontor; ${target.name} er ikke det.`);
          }
          targetOfficeId = target.id;
        } else {
          const created = await tx.office.create({
            data: { ...input.newTargetOffice!, status: "PLANNED", validFrom: input.effectiveDate },
          });
          audit.push({ action: "proposeMerger", entityType: "Office", entityId: created.id, after: officeSnapshot(created) });
          targetOfficeId = created.id;
        }
        const merger = await tx.merger.create({
          data: {
            name: input.name,
            description: input.description ?? null,
            effectiveDate: input.effectiveDate,
            targetOfficeId,
            sourceOffices: { connect: input.sourceOfficeIds.map((id) => ({ id })) },
          },
          include: mergerInclude,
        });
        audit.unshift({ action: "proposeMerger", entityType: "Merger", entityId: merger.id, after: mergerSnapshot(merger) });
        return { result: merger, audit };
      });
    },
  }),
);

/**
 * Completing a merger settles the offices' dates: sources MERGED, valid to the day before the
 * effective date, the target ACTIVE from it. Their status is read from those dates
 * (org/office-status.ts), so a merger completed ahead of its date changes today's world only
 * on that date (docs/decisions/008).
 */
async function completeMerger(
  tx: Tx,
  merger: { effectiveDate: Date; targetOffice: { id: string }; sourceOffices: { id: string }[] },
): Promise<AuditEntry[]> {
  const audit: AuditEntry[] = [];
  const lastDay = addDays(merger.effectiveDate, -1);
  for (const { id } of merger.sourceOffices) {
    await lockRow(tx, "Office", id);
    const before = await tx.office.findUniqueOrThrow({ where: { id } });
    // Keep an earlier end; never end before the office began (the database checks that too).
    const end = before.validTo && before.validTo < lastDay ? before.validTo : lastDay;
    const after = await tx.office.update({
      where: { id },
      data: { status: "MERGED", validTo: end < before.validFrom ? before.validFrom : end, version: { increment: 1 } },
    });
    audit.push({ action: "updateMerger", entityType: "Office", entityId: id, before: officeSnapshot(before), after: officeSnapshot(after) });
  }
  await lockRow(tx, "Office", merger.targetOffice.id);
  const target = await tx.office.findUniqueOrThrow({ where: { id: merger.targetOffice.id } });
  if (target.status === "PLANNED") {
    // The effective date may have moved since the target was planned; it starts on the date that holds.
    const after = await tx.office.update({
      where: { id: target.id },
      data: { status: "ACTIVE", validFrom: merger.effectiveDate, version: { increment: 1 } },
    });
    audit.push({
      action: "updateMerger",
      entityType: "Office",
      entityId: target.id,
      before: officeSnapshot(target),
      after: officeSnapshot(after),
    });
  }
  return audit;
}

builder.mutationField("updateMerger", (t) =>
  t.field({
    type: MergerRef,
    description:
      "Planner or admin. Moves a merger along its lifecycle or edits it. Completing it needs the merger's " +
      "approved scenario and puts it into effect on the effective date: the source offices are MERGED from that " +
      "date (their assignments end the day before), the target ACTIVE from it with the design's teams, and " +
      "every filled position an assignment from it. Completed ahead of the date, the offices keep today's " +
      "status until then (see Merger.inEffect). Optimistic locking.",
    authScopes: ORG_EDITORS,
    args: { input: t.arg({ type: UpdateMergerInput, required: true }) },
    errors: mutationResult("updateMerger", "merger", [
      ValidationError,
      NotFoundError,
      ConflictError,
      InvalidStatusTransitionError,
    ]),
    resolve: (_parent, args, context) => {
      const input = parseInput(updateMergerSchema, args.input);
      return withAudit(context, async (tx) => {
        if (!(await lockRow(tx, "Merger", input.id))) throw new NotFoundError("Merger", args.input.id);
        const before = await tx.merger.findUniqueOrThrow({ where: { id: input.id }, include: mergerInclude });
        if (before.version !== input.version) {
          throw await staleVersionConflict(
            tx,
            { type: "Merger", id: before.id, label: `Sammenslåingen ${before.name}` },
            input.version,
            before.version,
          );
        }
        const finished = MERGER_TRANSITIONS[before.status].length === 0;
        if (finished) {
          throw new ConflictError(
            `Sammenslåingen er ${STATUS_NAMES[before.status]} og kan ikke endres.`,
            before.version,
          );
        }
        const status = input.status && input.status !== before.status ? input.status : null;
        if (status && !MERGER_TRANSITIONS[before.status].includes(status)) {
          const allowed = MERGER_TRANSITIONS[before.status];
          throw new InvalidStatusTransitionError(
            `En ${STATUS_NAMES[before.status]} sammenslåing kan ikke bli ${STATUS_NAMES[status]}; ` +
              `den kan bli ${allowed.map((s) => STATUS_NAMES[s]).join(" eller ")}.`,
            before.status,
            status,
            allowed,
          );
        }
        // Checked before anything changes: completing needs the approved design.
        const design = status === "COMPLETED" ? await lockApprovedScenario(tx, before.id) : null;
        const after = await tx.merger.update({
          where: { id: before.id },
          data: {
            ...(status && { status }),
            ...(input.name != null && { name: input.name }),
            ...(input.effectiveDate != null && { effectiveDate: input.effectiveDate }),
            ...(input.description !== undefined && { description: input.description }),
            version: { increment: 1 },
          },
          include: mergerInclude,
        });
        const officeChanges = design ? [...(await completeMerger(tx, after)), ...(await applyScenario(tx, design, after))] : [];
        return {
          result: after,
          audit: [
            {
              action: "updateMerger",
              entityType: "Merger",
              entityId: after.id,
              before: mergerSnapshot(before),
              after: mergerSnapshot(after),
            },
            ...officeChanges,
          ],
        };
      });
    },
  }),
);
