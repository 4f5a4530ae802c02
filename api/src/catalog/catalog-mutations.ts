// createRole/updateRole and createService/updateService: the catalogues (admin only).
import type { Role, Service } from "@samla/schema";
import { z } from "zod";
import { scopes } from "../auth/policy";
import { builder } from "../builder";
import { lockRow, staleVersionConflict, withAudit } from "../lib/audit";
import { ConflictError, NotFoundError, ValidationError } from "../lib/errors";
import { mutationResult } from "../lib/mutations";
import { parseInput, zGlobalId, zOptionalText, zText } from "../lib/validation";
import { RoleCategoryEnum, RoleRef } from "./roles";
import { ServiceProviderEnum, ServiceRef } from "./services";

const ADMIN = scopes("catalogue.edit");

const zCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9_-]{1,29}$/, "Koden må være 2–30 tegn: bokstavene A–Z, sifre, - eller _.");

// ----------------------------------------------------------------------------- roles

const CreateRoleInput = builder.inputType("CreateRoleInput", {
  fields: (t) => ({
    code: t.string({ required: true, description: "Unique, e.g. VEIL; stored in upper case." }),
    name: t.string({ required: true }),
    category: t.field({ type: RoleCategoryEnum, required: true }),
    description: t.string({ required: false }),
  }),
});

const UpdateRoleInput = builder.inputType("UpdateRoleInput", {
  fields: (t) => ({
    id: t.id({ required: true }),
    version: t.int({ required: true }),
    code: t.string({ required: false }),
    name: t.string({ required: false }),
    category: t.field({ type: RoleCategoryEnum, required: false }),
    description: t.string({ required: false }),
  }),
});

const roleCategory = z.enum(["LEADER", "ADVISER", "CASEWORKER", "SPECIALIST", "SUPPORT"]);
const createRoleSchema = z.object({ code: zCode, name: zText(200), category: roleCategory, description: zOptionalText(2000) });
const updateRoleSchema = z.object({
  id: zGlobalId("Role"),
  version: z.number().int(),
  code: zCode.nullish(),
  name: zText(200).nullish(),
  category: roleCategory.nullish(),
  description: zOptionalText(2000),
});

const roleSnapshot = (role: Role) => ({
  code: role.code,
  name: role.name,
  category: role.category,
  description: role.description,
  version: role.version,
});

builder.mutationField("createRole", (t) =>
  t.field({
    type: RoleRef,
    description: "Admin. Adds a role to the catalogue.",
    authScopes: ADMIN,
    args: { input: t.arg({ type: CreateRoleInput, required: true }) },
    errors: mutationResult("createRole", "role", [ValidationError]),
    resolve: (_parent, args, context) => {
      const input = parseInput(createRoleSchema, args.input);
      return withAudit(context, async (tx) => {
        const role = await tx.role.create({ data: { ...input, description: input.description ?? null } });
        return { result: role, audit: { action: "createRole", entityType: "Role", entityId: role.id, after: roleSnapshot(role) } };
      });
    },
  }),
);

builder.mutationField("updateRole", (t) =>
  t.field({
    type: RoleRef,
    description: "Admin. Changes a role in the catalogue. Optimistic locking.",
    authScopes: ADMIN,
    args: { input: t.arg({ type: UpdateRoleInput, required: true }) },
    errors: mutationResult("updateRole", "role", [ValidationError, NotFoundError, ConflictError]),
    resolve: (_parent, args, context) => {
      const input = parseInput(updateRoleSchema, args.input);
      return withAudit(context, async (tx) => {
        if (!(await lockRow(tx, "Role", input.id))) throw new NotFoundError("Role", args.input.id);
        const before = await tx.role.findUniqueOrThrow({ where: { id: input.id } });
        if (before.version !== input.version) {
          throw await staleVersionConflict(tx, { type: "Role", id: before.id, label: `Rollen ${before.name}` }, input.version, before.version);
        }
        const after = await tx.role.update({
          where: { id: before.id },
          data: {
            ...(input.code != null && { code: input.code }),
            ...(input.name != null && { name: input.name }),
            ...(input.category != null && { category: input.category }),
            ...(input.description !== undefined && { description: input.description }),
            version: { increment: 1 },
          },
        });
        return {
          result: after,
          audit: { action: "updateRole", entityType: "Role", entityId: after.id, before: roleSnapshot(before), after: roleSnapshot(after) },
        };
      });
    },
  }),
);

// ----------------------------------------------------------------------------- services

const CreateServiceInput = builder.inputType("CreateServiceInput", {
  fields: (t) => ({
    code: t.string({ required: true, description: "Unique, e.g. OKSOS; stored in upper case." }),
    name: t.string({ required: true }),
    provider: t.field({ type: ServiceProviderEnum, required: true }),
    deadlineDays: t.int({ required: false, description: "Required processing deadline in days." }),
    description: t.string({ required: false }),
  }),
});

const UpdateServiceInput = builder.inputType("UpdateServiceInput", {
  description: "Fields left out are unchanged; `deadlineDays: null` removes the deadline.",
  fields: (t) => ({
    id: t.id({ required: true }),
    version: t.int({ required: true }),
    code: t.string({ required: false }),
    name: t.string({ required: false }),
    provider: t.field({ type: ServiceProviderEnum, required: false }),
    deadlineDays: t.int({ required: false }),
    description: t.string({ required: false }),
  }),
});

const provider = z.enum(["STATE", "MUNICIPAL", "PARTNERSHIP"]);
const deadlineDays = z
  .number()
  .int()
  .min(1, "Fristen må være minst én dag.")
  .max(3650, "Fristen kan ikke være mer enn 3650 dager.");
const createServiceSchema = z.object({
  code: zCode,
  name: zText(200),
  provider,
  deadlineDays: deadlineDays.nullish(),
  description: zOptionalText(2000),
});
const updateServiceSchema = z.object({
  id: zGlobalId("Service"),
  version: z.number().int(),
  code: zCode.nullish(),
  name: zText(200).nullish(),
  provider: provider.nullish(),
  deadlineDays: deadlineDays.nullish(),
  description: zOptionalText(2000),
});

const serviceSnapshot = (service: Service) => ({
  code: service.code,
  name: service.name,
  provider: service.provider,
  deadlineDays: service.deadlineDays,
  description: service.description,
  version: service.version,
});

builder.mutationField("createService", (t) =>
  t.field({
    type: ServiceRef,
    description: "Admin. Adds a service to the catalogue.",
    authScopes: ADMIN,
    args: { input: t.arg({ type: CreateServiceInput, required: true }) },
    errors: mutationResult("createService", "service", [ValidationError]),
    resolve: (_parent, args, context) => {
      const input = parseInput(createServiceSchema, args.input);
      return withAudit(context, async (tx) => {
        const service = await tx.service.create({
          data: { ...input, deadlineDays: input.deadlineDays ?? null, description: input.description ?? null },
        });
        return {
          result: service,
          audit: { action: "createService", entityType: "Service", entityId: service.id, after: serviceSnapshot(service) },
        };
      });
    },
  }),
);

builder.mutationField("updateService", (t) =>
  t.field({
    type: ServiceRef,
    description: "Admin. Changes a service in the catalogue. Optimistic locking.",
    authScopes: ADMIN,
    args: { input: t.arg({ type: UpdateServiceInput, required: true }) },
    errors: mutationResult("updateService", "service", [ValidationError, NotFoundError, ConflictError]),
    resolve: (_parent, args, context) => {
      const input = parseInput(updateServiceSchema, args.input);
      return withAudit(context, async (tx) => {
        if (!(await lockRow(tx, "Service", input.id))) throw new NotFoundError("Service", args.input.id);
        const before = await tx.service.findUniqueOrThrow({ where: { id: input.id } });
        if (before.version !== input.version) {
          throw await staleVersionConflict(
            tx,
            { type: "Service", id: before.id, label: `Tjenesten ${before.name}` },
            input.version,
            before.version,
          );
        }
        const after = await tx.service.update({
          where: { id: before.id },
          data: {
            ...(input.code != null && { code: input.code }),
            ...(input.name != null && { name: input.name }),
            ...(input.provider != null && { provider: input.provider }),
            ...(input.deadlineDays !== undefined && { deadlineDays: input.deadlineDays }),
            ...(input.description !== undefined && { description: input.description }),
            version: { increment: 1 },
          },
        });
        return {
          result: after,
          audit: {
            action: "updateService",
            entityType: "Service",
            entityId: after.id,
            before: serviceSnapshot(before),
            after: serviceSnapshot(after),
          },
        };
      });
    },
  }),
);
