// Changing the methodology catalogue (admin only): practices and KPIs. A change to a
// practice's name, description or level texts makes a new PracticeVersion, so assessments
// made against the old one keep its meaning.
import type { Kpi, Practice, PracticeVersion } from "@samla/schema";
import { z } from "zod";
import { scopes } from "../auth/policy";
import { builder } from "../builder";
import { lockRow, staleVersionConflict, withAudit, type Tx } from "../lib/audit";
import { ConflictError, NotFoundError, ValidationError } from "../lib/errors";
import { mutationResult } from "../lib/mutations";
import { parseInput, zGlobalId, zOptionalText, zText } from "../lib/validation";
import { KpiDirectionEnum, KpiRef, PracticeRef, PracticeThemeEnum } from "./method-types";
import { zCatalogueCode, zDecimal } from "./recording-validation";

const ADMIN = scopes("catalogue.edit");

// ----------------------------------------------------------------------------- practices

const CreatePracticeInput = builder.inputType("CreatePracticeInput", {
  fields: (t) => ({
    code: t.string({ required: true, description: "Unique, e.g. BRUKERINTERVJU; stored in upper case." }),
    theme: t.field({ type: PracticeThemeEnum, required: true }),
    sortOrder: t.int({ required: false, description: "Order within the theme; 0 when left out." }),
    name: t.string({ required: true }),
    description: t.string({ required: true }),
    levels: t.stringList({ required: true, description: "Exactly five texts: what levels 0, 1, 2, 3 and 4 mean." }),
  }),
});

const UpdatePracticeInput = builder.inputType("UpdatePracticeInput", {
  description:
    "Fields left out are unchanged. A new name, description or level texts make a new version; " +
    "assessments made before keep the version they were made against.",
  fields: (t) => ({
    id: t.id({ required: true }),
    version: t.int({ required: true }),
    code: t.string({ required: false }),
    theme: t.field({ type: PracticeThemeEnum, required: false }),
    sortOrder: t.int({ required: false }),
    name: t.string({ required: false }),
    description: t.string({ required: false }),
    levels: t.stringList({ required: false, description: "Exactly five texts, for levels 0-4." }),
  }),
});

const RetirePracticeInput = builder.inputType("RetirePracticeInput", {
  fields: (t) => ({
    id: t.id({ required: true }),
    version: t.int({ required: true }),
    retired: t.boolean({
      required: false,
      defaultValue: true,
      description: "false takes a retired practice back into use.",
    }),
  }),
});

const theme = z.enum(["USER_INSIGHT", "CASE_FLOW", "CULTURE", "LEADERSHIP", "EMPLOYEE_EMPOWERMENT", "DIGITAL_TOOLS"]);
const sortOrder = z.number().int().min(0, "Rekkefølgen kan ikke være negativ.").max(9999, "Rekkefølgen kan ikke være over 9999.");
const levels = z.array(zText(1000)).length(5, "Beskriv nøyaktig fem nivåer: 0, 1, 2, 3 og 4.");

const createPracticeSchema = z.object({
  code: zCatalogueCode,
  theme,
  sortOrder: sortOrder.nullish(),
  name: zText(200),
  description: zText(4000),
  levels,
});

const updatePracticeSchema = z.object({
  id: zGlobalId("Practice"),
  version: z.number().int(),
  code: zCatalogueCode.nullish(),
  theme: theme.nullish(),
  sortOrder: sortOrder.nullish(),
  name: zText(200).nullish(),
  description: zText(4000).nullish(),
  levels: levels.nullish(),
});

const retirePracticeSchema = z.object({
  id: zGlobalId("Practice"),
  version: z.number().int(),
  retired: z.boolean().nullish(),
});

function practiceSnapshot(practice: Practice, current: Pick<PracticeVersion, "name" | "description" | "levels">) {
  return {
    code: practice.code,
    theme: practice.theme,
    sortOrder: practice.sortOrder,
    currentVersion: practice.currentVersion,
    name: current.name,
    description: current.description,
    levels: current.levels,
    retiredAt: practice.retiredAt,
    version: practice.version,
  };
}

async function checkPracticeCodeFree(tx: Tx, code: string, exceptId?: string): Promise<void> {
  const other = await tx.practice.findUnique({ where: { code }, select: { id: true } });
  if (other && other.id !== exceptId) throw ValidationError.field("code", `Praksiskoden ${code} er allerede i bruk.`);
}

/** Locks the practice and checks the client's version; returns it with the version in force. */
async function lockPractice(tx: Tx, id: string, globalId: string, expectedVersion: number) {
  if (!(await lockRow(tx, "Practice", id))) throw new NotFoundError("Practice", globalId);
  const practice = await tx.practice.findUniqueOrThrow({ where: { id } });
  const current = await tx.practiceVersion.findUniqueOrThrow({
    where: { practiceId_number: { practiceId: id, number: practice.currentVersion } },
  });
  if (practice.version !== expectedVersion) {
    throw await staleVersionConflict(
      tx,
      { type: "Practice", id, label: `Praksisen ${current.name}` },
      expectedVersion,
      practice.version,
    );
  }
  return { practice, current };
}

builder.mutationField("createPractice", (t) =>
  t.field({
    type: PracticeRef,
    description: "Admin. Adds a practice to the methodology, as its version 1.",
    authScopes: ADMIN,
    args: { input: t.arg({ type: CreatePracticeInput, required: true }) },
    errors: mutationResult("createPractice", "practice", [ValidationError]),
    resolve: (_parent, args, context) => {
      const input = parseInput(createPracticeSchema, args.input);
      return withAudit(context, async (tx) => {
        await checkPracticeCodeFree(tx, input.code);
        const text = { name: input.name, description: input.description, levels: input.levels };
        const practice = await tx.practice.create({
          data: {
            code: input.code,
            theme: input.theme,
            sortOrder: input.sortOrder ?? 0,
            currentVersion: 1,
            versions: { create: { number: 1, ...text, createdBy: context.viewer!.name } },
          },
        });
        return {
          result: practice,
          audit: {
            action: "createPractice",
            entityType: "Practice",
            entityId: practice.id,
            after: practiceSnapshot(practice, text),
          },
        };
      });
    },
  }),
);

function sameLevels(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((text, index) => text === b[index]);
}

builder.mutationField("updatePractice", (t) =>
  t.field({
    type: PracticeRef,
    description:
      "Admin. Changes a practice. A new name, description or level texts make a new version (the old one " +
      "stays with the assessments made against it). Optimistic locking.",
    authScopes: ADMIN,
    args: { input: t.arg({ type: UpdatePracticeInput, required: true }) },
    errors: mutationResult("updatePractice", "practice", [ValidationError, NotFoundError, ConflictError]),
    resolve: (_parent, args, context) => {
      const input = parseInput(updatePracticeSchema, args.input);
      return withAudit(context, async (tx) => {
        const { practice: before, current } = await lockPractice(tx, input.id, args.input.id, input.version);
        if (input.code != null && input.code !== before.code) await checkPracticeCodeFree(tx, input.code, before.id);
        const text = {
          name: input.name ?? current.name,
          description: input.description ?? current.description,
          levels: input.levels ?? current.levels,
        };
        const textChanged =
          text.name !== current.name || text.description !== current.description || !sameLevels(text.levels, current.levels);
        const nextNumber = before.currentVersion + 1;
        if (textChanged) {
          await tx.practiceVersion.create({
            data: { practiceId: before.id, number: nextNumber, ...text, createdBy: context.viewer!.name },
          });
        }
        const after = await tx.practice.update({
          where: { id: before.id },
          data: {
            ...(input.code != null && { code: input.code }),
            ...(input.theme != null && { theme: input.theme }),
            ...(input.sortOrder != null && { sortOrder: input.sortOrder }),
            ...(textChanged && { currentVersion: nextNumber }),
            version: { increment: 1 },
          },
        });
        return {
          result: after,
          audit: {
            action: "updatePractice",
            entityType: "Practice",
            entityId: after.id,
            before: practiceSnapshot(before, current),
            after: practiceSnapshot(after, text),
          },
        };
      });
    },
  }),
);

builder.mutationField("retirePractice", (t) =>
  t.field({
    type: PracticeRef,
    description:
      "Admin. Retires a practice (or, with retired: false, takes it back): its history stays, but it takes " +
      "no new assessments and leaves the default lists. Optimistic locking.",
    authScopes: ADMIN,
    args: { input: t.arg({ type: RetirePracticeInput, required: true }) },
    errors: mutationResult("retirePractice", "practice", [ValidationError, NotFoundError, ConflictError]),
    resolve: (_parent, args, context) => {
      const input = parseInput(retirePracticeSchema, args.input);
      const retire = input.retired ?? true;
      return withAudit(context, async (tx) => {
        const { practice: before, current } = await lockPractice(tx, input.id, args.input.id, input.version);
        if ((before.retiredAt !== null) === retire) {
          throw ValidationError.field(
            "retired",
            retire ? `Praksisen ${current.name} er allerede avviklet.` : `Praksisen ${current.name} er ikke avviklet.`,
          );
        }
        const after = await tx.practice.update({
          where: { id: before.id },
          data: { retiredAt: retire ? new Date() : null, version: { increment: 1 } },
        });
        return {
          result: after,
          audit: {
            action: "retirePractice",
            entityType: "Practice",
            entityId: after.id,
            before: practiceSnapshot(before, current),
            after: practiceSnapshot(after, current),
          },
        };
      });
    },
  }),
);

// ----------------------------------------------------------------------------- KPIs

const CreateKpiInput = builder.inputType("CreateKpiInput", {
  fields: (t) => ({
    code: t.string({ required: true, description: "Unique, e.g. SAKSBEHANDLINGSTID; stored in upper case." }),
    name: t.string({ required: true }),
    unit: t.string({ required: true, description: '"dager", "%", "saker", "1-5" …' }),
    direction: t.field({ type: KpiDirectionEnum, required: true }),
    target: t.float({ required: false, description: "At most three decimals." }),
    description: t.string({ required: false }),
    sortOrder: t.int({ required: false }),
  }),
});

const UpdateKpiInput = builder.inputType("UpdateKpiInput", {
  description: "Fields left out are unchanged; `target: null` removes the target.",
  fields: (t) => ({
    id: t.id({ required: true }),
    version: t.int({ required: true }),
    code: t.string({ required: false }),
    name: t.string({ required: false }),
    unit: t.string({ required: false }),
    direction: t.field({ type: KpiDirectionEnum, required: false }),
    target: t.float({ required: false }),
    description: t.string({ required: false }),
    sortOrder: t.int({ required: false }),
  }),
});

const direction = z.enum(["HIGHER_IS_BETTER", "LOWER_IS_BETTER"]);
const kpiTarget = zDecimal(-999_999_999, 999_999_999, 3);

const createKpiSchema = z.object({
  code: zCatalogueCode,
  name: zText(200),
  unit: zText(20),
  direction,
  target: kpiTarget.nullish(),
  description: zOptionalText(2000),
  sortOrder: sortOrder.nullish(),
});

const updateKpiSchema = z.object({
  id: zGlobalId("Kpi"),
  version: z.number().int(),
  code: zCatalogueCode.nullish(),
  name: zText(200).nullish(),
  unit: zText(20).nullish(),
  direction: direction.nullish(),
  target: kpiTarget.nullish(),
  description: zOptionalText(2000),
  sortOrder: sortOrder.nullish(),
});

const kpiSnapshot = (kpi: Kpi) => ({
  code: kpi.code,
  name: kpi.name,
  unit: kpi.unit,
  direction: kpi.direction,
  target: kpi.target?.toString() ?? null,
  description: kpi.description,
  sortOrder: kpi.sortOrder,
  version: kpi.version,
});

async function checkKpiCodeFree(tx: Tx, code: string, exceptId?: string): Promise<void> {
  const other = await tx.kpi.findUnique({ where: { code }, select: { id: true } });
  if (other && other.id !== exceptId) throw ValidationError.field("code", `KPI-koden ${code} er allerede i bruk.`);
}

builder.mutationField("createKpi", (t) =>
  t.field({
    type: KpiRef,
    description: "Admin. Adds a KPI to the catalogue.",
    authScopes: ADMIN,
    args: { input: t.arg({ type: CreateKpiInput, required: true }) },
    errors: mutationResult("createKpi", "kpi", [ValidationError]),
    resolve: (_parent, args, context) => {
      const input = parseInput(createKpiSchema, args.input);
      return withAudit(context, async (tx) => {
        await checkKpiCodeFree(tx, input.code);
        const kpi = await tx.kpi.create({
          data: {
            code: input.code,
            name: input.name,
            unit: input.unit,
            direction: input.direction,
            target: input.target ?? null,
            description: input.description ?? null,
            sortOrder: input.sortOrder ?? 0,
          },
        });
        return { result: kpi, audit: { action: "createKpi", entityType: "Kpi", entityId: kpi.id, after: kpiSnapshot(kpi) } };
      });
    },
  }),
);

builder.mutationField("updateKpi", (t) =>
  t.field({
    type: KpiRef,
    description: "Admin. Changes a KPI in the catalogue. Optimistic locking.",
    authScopes: ADMIN,
    args: { input: t.arg({ type: UpdateKpiInput, required: true }) },
    errors: mutationResult("updateKpi", "kpi", [ValidationError, NotFoundError, ConflictError]),
    resolve: (_parent, args, context) => {
      const input = parseInput(updateKpiSchema, args.input);
      return withAudit(context, async (tx) => {
        if (!(await lockRow(tx, "Kpi", input.id))) throw new NotFoundError("Kpi", args.input.id);
        const before = await tx.kpi.findUniqueOrThrow({ where: { id: input.id } });
        if (before.version !== input.version) {
          throw await staleVersionConflict(
            tx,
            { type: "Kpi", id: before.id, label: `KPI-en ${before.name}` },
            input.version,
            before.version,
          );
        }
        if (input.code != null && input.code !== before.code) await checkKpiCodeFree(tx, input.code, before.id);
        const after = await tx.kpi.update({
          where: { id: before.id },
          data: {
            ...(input.code != null && { code: input.code }),
            ...(input.name != null && { name: input.name }),
            ...(input.unit != null && { unit: input.unit }),
            ...(input.direction != null && { direction: input.direction }),
            ...(input.target !== undefined && { target: input.target }),
            ...(input.description !== undefined && { description: input.description }),
            ...(input.sortOrder != null && { sortOrder: input.sortOrder }),
            version: { increment: 1 },
          },
        });
        return {
          result: after,
          audit: {
            action: "updateKpi",
            entityType: "Kpi",
            entityId: after.id,
            before: kpiSnapshot(before),
            after: kpiSnapshot(after),
          },
        };
      });
    },
  }),
);
