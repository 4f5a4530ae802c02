// createTeam and updateTeam (planner, admin). Teams nest inside one office, without cycles.
import type { Team } from "@samla/schema";
import { z } from "zod";
import { officeTarget, scopes, teamTarget } from "../auth/policy";
import { builder } from "../builder";
import { lockRow, staleVersionConflict, withAudit, type Tx } from "../lib/audit";
import { todayInNorway } from "../lib/dates";
import { ConflictError, NotFoundError, ValidationError } from "../lib/errors";
import { mutationResult } from "../lib/mutations";
import { parseInput, zGlobalId, zOptionalText, zText } from "../lib/validation";
import { officeStatusOn } from "./office-status";
import { TeamRef } from "./teams";


const CreateTeamInput = builder.inputType("CreateTeamInput", {
  fields: (t) => ({
    officeId: t.id({ required: true }),
    parentId: t.id({ required: false, description: "A team in the same office; none for a top-level team." }),
    name: t.string({ required: true }),
    purpose: t.string({ required: false }),
    serviceIds: t.idList({ required: false, description: "Services the team delivers." }),
  }),
});

const UpdateTeamInput = builder.inputType("UpdateTeamInput", {
  description: "Fields left out are unchanged; `parentId: null` makes it a top-level team; serviceIds replaces the set.",
  fields: (t) => ({
    id: t.id({ required: true }),
    version: t.int({ required: true }),
    parentId: t.id({ required: false }),
    name: t.string({ required: false }),
    purpose: t.string({ required: false }),
    serviceIds: t.idList({ required: false }),
  }),
});

const serviceIds = z.array(zGlobalId("Service")).max(100);

const createTeamSchema = z.object({
  officeId: zGlobalId("Office"),
  parentId: zGlobalId("Team").nullish(),
  name: zText(200),
  purpose: zOptionalText(2000),
  serviceIds: serviceIds.nullish(),
});

const updateTeamSchema = z.object({
  id: zGlobalId("Team"),
  version: z.number().int(),
  parentId: zGlobalId("Team").nullish(),
  name: zText(200).nullish(),
  purpose: zOptionalText(2000),
  serviceIds: serviceIds.nullish(),
});

const CLOSED_STATUSES = new Set(["MERGED", "CLOSED"]);

/** The office must be open for changes; locking it serialises tree changes within it. */
async function lockOpenOffice(tx: Tx, officeId: string, globalId: string, path: string): Promise<void> {
  if (!(await lockRow(tx, "Office", officeId))) throw new NotFoundError("Office", globalId);
  const office = await tx.office.findUniqueOrThrow({
    where: { id: officeId },
    select: { status: true, validFrom: true, validTo: true, name: true },
  });
  // An office merged ahead of the merger's date stays open for changes until then.
  if (CLOSED_STATUSES.has(officeStatusOn(office, todayInNorway()))) {
    throw ValidationError.field(path, `${office.name} er slått sammen eller nedlagt; teamene kan ikke endres.`);
  }
}

async function checkParent(tx: Tx, parentId: string, globalId: string, officeId: string): Promise<void> {
  const parent = await tx.team.findUnique({ where: { id: parentId }, select: { officeId: true } });
  if (!parent) throw new NotFoundError("Team", globalId);
  if (parent.officeId !== officeId) {
    throw ValidationError.field("parentId", "Det overordnede teamet må høre til samme kontor.");
  }
}

/** True when `teamId` is `candidateParentId` or one of its ancestors (the move would make a cycle). */
async function wouldCreateCycle(tx: Tx, teamId: string, candidateParentId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ found: boolean }[]>`
    WITH RECURSIVE ancestors(id, "parentId", depth) AS (
      SELECT id, "parentId", 0 FROM "Team" WHERE id = ${candidateParentId}
      UNION ALL
      SELECT t.id, t."parentId", a.depth + 1 FROM "Team" t JOIN ancestors a ON t.id = a."parentId"
      WHERE a.depth < 1000
    )
    SELECT EXISTS (SELECT 1 FROM ancestors WHERE id = ${teamId}) AS found`;
  return rows[0]?.found === true;
}

async function checkServices(tx: Tx, ids: string[], globalIds: string[]): Promise<void> {
  const found = new Set((await tx.service.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((s) => s.id));
  const missing = ids.findIndex((id) => !found.has(id));
  if (missing >= 0) throw new NotFoundError("Service", globalIds[missing]!);
}

export function teamSnapshot(team: Team & { services?: { code: string }[] }) {
  return {
    officeId: team.officeId,
    parentId: team.parentId,
    name: team.name,
    purpose: team.purpose,
    version: team.version,
    ...(team.services ? { services: team.services.map((s) => s.code).sort() } : {}),
  };
}

const withServices = { services: { select: { code: true } } } as const;

builder.mutationField("createTeam", (t) =>
  t.field({
    type: TeamRef,
    description:
      "Planner, admin, or an office leader who leads that office today. Creates a team in an office, optionally under a parent team.",
    authScopes: (_parent, args) => scopes("team.edit", officeTarget(args.input.officeId)),
    args: { input: t.arg({ type: CreateTeamInput, required: true }) },
    errors: mutationResult("createTeam", "team", [ValidationError, NotFoundError]),
    resolve: (_parent, args, context) => {
      const input = parseInput(createTeamSchema, args.input);
      return withAudit(context, async (tx) => {
        await lockOpenOffice(tx, input.officeId, args.input.officeId, "officeId");
        if (input.parentId) await checkParent(tx, input.parentId, args.input.parentId!, input.officeId);
        if (input.serviceIds?.length) await checkServices(tx, input.serviceIds, args.input.serviceIds ?? []);
        const team = await tx.team.create({
          data: {
            officeId: input.officeId,
            parentId: input.parentId ?? null,
            name: input.name,
            purpose: input.purpose ?? null,
            services: { connect: (input.serviceIds ?? []).map((id) => ({ id })) },
          },
          include: withServices,
        });
        return {
          result: team,
          audit: { action: "createTeam", entityType: "Team", entityId: team.id, after: teamSnapshot(team) },
        };
      });
    },
  }),
);

builder.mutationField("updateTeam", (t) =>
  t.field({
    type: TeamRef,
    description:
      "Planner, admin, or an office leader who leads the team's office today. Renames or moves a team (same office, no cycles). Optimistic locking.",
    authScopes: (_parent, args) => scopes("team.edit", teamTarget(args.input.id)),
    args: { input: t.arg({ type: UpdateTeamInput, required: true }) },
    errors: mutationResult("updateTeam", "team", [ValidationError, NotFoundError, ConflictError]),
    resolve: (_parent, args, context) => {
      const input = parseInput(updateTeamSchema, args.input);
      return withAudit(context, async (tx) => {
        const current = await tx.team.findUnique({ where: { id: input.id }, select: { officeId: true } });
        if (!current) throw new NotFoundError("Team", args.input.id);
        await lockOpenOffice(tx, current.officeId, current.officeId, "id");
        await lockRow(tx, "Team", input.id);
        const before = await tx.team.findUniqueOrThrow({ where: { id: input.id }, include: withServices });
        if (before.version !== input.version) {
          throw await staleVersionConflict(
            tx,
            { type: "Team", id: before.id, label: `Teamet ${before.name}` },
            input.version,
            before.version,
          );
        }
        if (input.parentId) {
          await checkParent(tx, input.parentId, args.input.parentId!, before.officeId);
          if (await wouldCreateCycle(tx, before.id, input.parentId)) {
            throw ValidationError.field("parentId", "Et team kan ikke ligge under seg selv eller et av sine underteam.");
          }
        }
        if (input.serviceIds?.length) await checkServices(tx, input.serviceIds, args.input.serviceIds ?? []);
        const after = await tx.team.update({
          where: { id: before.id },
          data: {
            ...(input.parentId !== undefined && { parentId: input.parentId }),
            ...(input.name != null && { name: input.name }),
            ...(input.purpose !== undefined && { purpose: input.purpose }),
            ...(input.serviceIds && { services: { set: input.serviceIds.map((id) => ({ id })) } }),
            version: { increment: 1 },
          },
          include: withServices,
        });
        return {
          result: after,
          audit: {
            action: "updateTeam",
            entityType: "Team",
            entityId: after.id,
            before: teamSnapshot(before),
            after: teamSnapshot(after),
          },
        };
      });
    },
  }),
);
