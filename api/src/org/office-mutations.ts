// createOffice and updateOffice (planner, admin).
import type { Office } from "@samla/schema";
import { z } from "zod";
import { scopes } from "../auth/policy";
import { builder } from "../builder";
import { lockRow, staleVersionConflict, withAudit, type Tx } from "../lib/audit";
import { ConflictError, NotFoundError, ValidationError } from "../lib/errors";
import { mutationResult } from "../lib/mutations";
import { parseInput, zGlobalId, zOfficeCode, zText } from "../lib/validation";
import { OfficeRef, OfficeStatusEnum } from "./offices";

const ORG_EDITORS = scopes("org.edit");

const CreateOfficeInput = builder.inputType("CreateOfficeInput", {
  fields: (t) => ({
    code: t.string({ required: true, description: "Four-digit office number (enhetsnummer)." }),
    name: t.string({ required: true }),
    status: t.field({ type: OfficeStatusEnum, required: false, description: "Default ACTIVE." }),
    isPilot: t.boolean({ required: false }),
    isSpearhead: t.boolean({ required: false, description: "Requires isPilot." }),
    validFrom: t.field({ type: "Date", required: true }),
    validTo: t.field({ type: "Date", required: false }),
    municipalityIds: t.idList({ required: false, description: "Municipalities the office serves." }),
  }),
});

const UpdateOfficeInput = builder.inputType("UpdateOfficeInput", {
  description: "Fields left out are unchanged; `validTo: null` clears it; municipalityIds replaces the set.",
  fields: (t) => ({
    id: t.id({ required: true }),
    version: t.int({ required: true, description: "The version the client read; a stale one gives ConflictError." }),
    code: t.string({ required: false }),
    name: t.string({ required: false }),
    status: t.field({ type: OfficeStatusEnum, required: false }),
    isPilot: t.boolean({ required: false }),
    isSpearhead: t.boolean({ required: false }),
    validFrom: t.field({ type: "Date", required: false }),
    validTo: t.field({ type: "Date", required: false }),
    municipalityIds: t.idList({ required: false }),
  }),
});

const municipalityIds = z.array(zGlobalId("Municipality")).max(50);

const createOfficeSchema = z.object({
  code: zOfficeCode,
  name: zText(200),
  status: z.enum(["ACTIVE", "PLANNED", "MERGED", "CLOSED"]).nullish(),
  isPilot: z.boolean().nullish(),
  isSpearhead: z.boolean().nullish(),
  validFrom: z.date(),
  validTo: z.date().nullish(),
  municipalityIds: municipalityIds.nullish(),
});

const updateOfficeSchema = z.object({
  id: zGlobalId("Office"),
  version: z.number().int(),
  code: zOfficeCode.nullish(),
  name: zText(200).nullish(),
  status: z.enum(["ACTIVE", "PLANNED", "MERGED", "CLOSED"]).nullish(),
  isPilot: z.boolean().nullish(),
  isSpearhead: z.boolean().nullish(),
  validFrom: z.date().nullish(),
  validTo: z.date().nullish(),
  municipalityIds: municipalityIds.nullish(),
});

/** Rules across fields, checked on the office as it will be after the change. */
function checkOfficeRules(office: Pick<Office, "isPilot" | "isSpearhead" | "validFrom" | "validTo">): void {
  const problems = [];
  if (office.isSpearhead && !office.isPilot) {
    problems.push({ path: "isSpearhead", message: "Et spydspisskontor må også være pilotkontor." });
  }
  if (office.validTo && office.validTo < office.validFrom) {
    problems.push({ path: "validTo", message: "Gyldig til kan ikke være før gyldig fra." });
  }
  if (problems.length) throw new ValidationError(problems[0]!.message, problems);
}

async function checkMunicipalities(tx: Tx, ids: string[], globalIds: string[]): Promise<void> {
  const found = await tx.municipality.findMany({ where: { id: { in: ids } }, select: { id: true } });
  const known = new Set(found.map((m) => m.id));
  const missing = ids.findIndex((id) => !known.has(id));
  if (missing >= 0) throw new NotFoundError("Municipality", globalIds[missing]!);
}

/** What the audit log keeps of an office. */
export function officeSnapshot(office: Office & { municipalities?: { number: string }[] }) {
  return {
    code: office.code,
    name: office.name,
    status: office.status,
    isPilot: office.isPilot,
    isSpearhead: office.isSpearhead,
    validFrom: office.validFrom,
    validTo: office.validTo,
    version: office.version,
    ...(office.municipalities ? { municipalities: office.municipalities.map((m) => m.number).sort() } : {}),
  };
}

const withMunicipalities = { municipalities: { select: { number: true } } } as const;

builder.mutationField("createOffice", (t) =>
  t.field({
    type: OfficeRef,
    description: "Planner or admin. Creates an office.",
    authScopes: ORG_EDITORS,
    args: { input: t.arg({ type: CreateOfficeInput, required: true }) },
    errors: mutationResult("createOffice", "office", [ValidationError, NotFoundError]),
    resolve: (_parent, args, context) => {
      const input = parseInput(createOfficeSchema, args.input);
      const office = {
        isPilot: input.isPilot ?? false,
        isSpearhead: input.isSpearhead ?? false,
        validFrom: input.validFrom,
        validTo: input.validTo ?? null,
      };
      checkOfficeRules(office);
      return withAudit(context, async (tx) => {
        if (input.municipalityIds?.length) {
          await checkMunicipalities(tx, input.municipalityIds, args.input.municipalityIds ?? []);
        }
        const created = await tx.office.create({
          data: {
            ...office,
            code: input.code,
            name: input.name,
            status: input.status ?? "ACTIVE",
            municipalities: { connect: (input.municipalityIds ?? []).map((id) => ({ id })) },
          },
          include: withMunicipalities,
        });
        return {
          result: created,
          audit: { action: "createOffice", entityType: "Office", entityId: created.id, after: officeSnapshot(created) },
        };
      });
    },
  }),
);

builder.mutationField("updateOffice", (t) =>
  t.field({
    type: OfficeRef,
    description: "Planner or admin. Optimistic locking: send the `version` you read.",
    authScopes: ORG_EDITORS,
    args: { input: t.arg({ type: UpdateOfficeInput, required: true }) },
    errors: mutationResult("updateOffice", "office", [ValidationError, NotFoundError, ConflictError]),
    resolve: (_parent, args, context) => {
      const input = parseInput(updateOfficeSchema, args.input);
      return withAudit(context, async (tx) => {
        if (!(await lockRow(tx, "Office", input.id))) throw new NotFoundError("Office", args.input.id);
        const before = await tx.office.findUniqueOrThrow({ where: { id: input.id }, include: withMunicipalities });
        if (before.version !== input.version) {
          throw await staleVersionConflict(
            tx,
            { type: "Office", id: before.id, label: `Kontoret ${before.name}` },
            input.version,
            before.version,
          );
        }
        const changes = {
          ...(input.code != null && { code: input.code }),
          ...(input.name != null && { name: input.name }),
          ...(input.status != null && { status: input.status }),
          ...(input.isPilot != null && { isPilot: input.isPilot }),
          ...(input.isSpearhead != null && { isSpearhead: input.isSpearhead }),
          ...(input.validFrom != null && { validFrom: input.validFrom }),
          ...(input.validTo !== undefined && { validTo: input.validTo }),
        };
        checkOfficeRules({ ...before, ...changes });
        if (input.municipalityIds) {
          await checkMunicipalities(tx, input.municipalityIds, args.input.municipalityIds ?? []);
        }
        const after = await tx.office.update({
          where: { id: before.id },
          data: {
            ...changes,
            version: { increment: 1 },
            ...(input.municipalityIds && { municipalities: { set: input.municipalityIds.map((id) => ({ id })) } }),
          },
          include: withMunicipalities,
        });
        return {
          result: after,
          audit: {
            action: "updateOffice",
            entityType: "Office",
            entityId: after.id,
            before: officeSnapshot(before),
            after: officeSnapshot(after),
          },
        };
      });
    },
  }),
);
