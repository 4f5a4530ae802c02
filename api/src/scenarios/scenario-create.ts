// createScenario (planner, admin): a new draft design that starts from the as-is, from a
// copy of another scenario, or from a template office's design over the closed as-is.
import type { MergerStatus, Scenario } from "@samla/schema";
import { z } from "zod";
import { builder } from "../builder";
import { withAudit, type Tx } from "../lib/audit";
import { addDays, formatDate, formatDateNorwegian, todayInNorway } from "../lib/dates";
import { NotFoundError, ValidationError } from "../lib/errors";
import { mutationResult } from "../lib/mutations";
import { parseInput, zGlobalId, zOptionalText, zText } from "../lib/validation";
import { loadAsIs, type AsIs } from "./core-as-is";
import { SCENARIO_EDITORS } from "./scenario-queries";
import { insertDesignRows, loadDesign, newId, type Design, type PositionImage, type TeamImage } from "./scenario-store";
import { ScenarioBaseEnum, ScenarioRef } from "./scenarios";

const CreateScenarioInput = builder.inputType("CreateScenarioInput", {
  description:
    "Give mergerId or officeIds (the offices default to the merger's source offices). base SCENARIO needs " +
    "baseScenarioId and keeps its offices and as-of date; base TEMPLATE takes templateOfficeId (default: the spearhead office).",
  fields: (t) => ({
    name: t.string({ required: true }),
    description: t.string({ required: false }),
    mergerId: t.id({ required: false }),
    officeIds: t.idList({ required: false, description: "The as-is offices." }),
    base: t.field({ type: ScenarioBaseEnum, required: true }),
    baseScenarioId: t.id({ required: false }),
    templateOfficeId: t.id({ required: false }),
    asOfDate: t.field({
      type: "Date",
      required: false,
      description: "Default: the day before the merger's effective date if that has passed, else today.",
    }),
    effectiveDate: t.field({
      type: "Date",
      required: false,
      description: "Default: the merger's effective date, else the day after asOfDate.",
    }),
  }),
});

const createScenarioSchema = z
  .object({
    name: zText(200),
    description: zOptionalText(4000),
    mergerId: zGlobalId("Merger").nullish(),
    officeIds: z.array(zGlobalId("Office")).max(50, "Høyst 50 kontorer i ett scenario.").nullish(),
    base: z.enum(["AS_IS", "SCENARIO", "TEMPLATE"]),
    baseScenarioId: zGlobalId("Scenario").nullish(),
    templateOfficeId: zGlobalId("Office").nullish(),
    asOfDate: z.date().nullish(),
    effectiveDate: z.date().nullish(),
  })
  .superRefine((input, ctx) => {
    if (input.officeIds && new Set(input.officeIds).size !== input.officeIds.length) {
      ctx.addIssue({ code: "custom", path: ["officeIds"], message: "Et kontor er valgt flere ganger." });
    }
    if (input.base !== "SCENARIO" && !input.mergerId && !input.officeIds?.length) {
      ctx.addIssue({ code: "custom", path: ["officeIds"], message: "Velg en sammenslåing eller minst ett kontor." });
    }
    if (input.base === "SCENARIO" && !input.baseScenarioId) {
      ctx.addIssue({ code: "custom", path: ["baseScenarioId"], message: "Velg scenarioet som skal kopieres." });
    }
    if (input.base !== "SCENARIO" && input.baseScenarioId) {
      ctx.addIssue({ code: "custom", path: ["baseScenarioId"], message: "Et scenario å kopiere brukes bare når grunnlaget er et scenario." });
    }
    if (input.base !== "TEMPLATE" && input.templateOfficeId) {
      ctx.addIssue({ code: "custom", path: ["templateOfficeId"], message: "Et malkontor brukes bare når grunnlaget er en mal." });
    }
  });

type CreateScenario = z.output<typeof createScenarioSchema>;

const CLOSED_MERGERS: MergerStatus[] = ["COMPLETED", "CANCELLED"];

/** Where a new to-be team goes: the merger's target office; else `nearOfficeId` (e.g. its parent's); else the first office. */
export function newTeamOfficeId(
  scenario: { merger: { targetOfficeId: string } | null; offices: { id: string }[] },
  nearOfficeId: string | null = null,
): string {
  return scenario.merger?.targetOfficeId ?? nearOfficeId ?? scenario.offices[0]!.id;
}

/** Largest-FTE position of each person (the first one on a tie): where reports to that person go. */
function mainPositionByPerson(positions: { id: string; personId: string | null; fte: string }[]): Map<string, string> {
  const best = new Map<string, { id: string; fte: number }>();
  for (const position of positions) {
    if (!position.personId) continue;
    const current = best.get(position.personId);
    if (!current || Number(position.fte) > current.fte) best.set(position.personId, { id: position.id, fte: Number(position.fte) });
  }
  return new Map([...best].map(([personId, { id }]) => [personId, id]));
}

/**
 * The as-is as to-be rows: each team and running assignment once, the manager structure
 * mapped from people to their main position, and names that clash across offices made
 * unique with the office's short name ("Marked (Skedsmo)").
 */
export function asIsDesign(asIs: AsIs, action: "UNCHANGED" | "CLOSED", firstPosition = 0) {
  const nameCount = new Map<string, number>();
  for (const team of asIs.teams) nameCount.set(team.name.toLowerCase(), (nameCount.get(team.name.toLowerCase()) ?? 0) + 1);
  const shortNames = new Map(asIs.offices.map((office) => [office.id, office.shortName]));
  const teamIds = new Map(asIs.teams.map((team) => [team.id, newId()]));
  const teams: TeamImage[] = asIs.teams.map((team, index) => ({
    id: teamIds.get(team.id)!,
    sourceTeamId: team.id,
    officeId: team.officeId,
    parentId: team.parentId ? (teamIds.get(team.parentId) ?? null) : null,
    name: (nameCount.get(team.name.toLowerCase()) ?? 0) > 1 ? `${team.name} (${shortNames.get(team.officeId)})` : team.name,
    purpose: team.purpose,
    action,
    effectiveDate: null,
    wave: null,
    position: firstPosition + index,
    serviceIds: [...team.serviceIds],
  }));
  const positions: PositionImage[] = asIs.assignments.map((assignment) => ({
    id: newId(),
    teamId: teamIds.get(assignment.teamId)!,
    roleId: assignment.roleId,
    fte: assignment.fte,
    personId: assignment.personId,
    sourceAssignmentId: assignment.id,
    reportsToId: null,
    action,
    effectiveDate: null,
    wave: null,
  }));
  const mainPosition = mainPositionByPerson(positions);
  asIs.assignments.forEach((assignment, index) => {
    const manager = assignment.reportsToPersonId ? mainPosition.get(assignment.reportsToPersonId) : undefined;
    if (manager && manager !== positions[index]!.id) positions[index]!.reportsToId = manager;
  });
  return { teams, positions };
}

/**
 * A template office's current design as NEW rows in `officeId`: its teams (hierarchy, purpose,
 * services) and one vacant position per current assignment (role, FTE, manager structure).
 */
function templateDesign(template: AsIs, officeId: string, firstPosition: number) {
  const { teams, positions } = asIsDesign(template, "UNCHANGED", firstPosition);
  return {
    teams: teams.map((team) => ({ ...team, sourceTeamId: null, officeId, action: "NEW" as const })),
    positions: positions.map((position) => ({ ...position, personId: null, sourceAssignmentId: null, action: "NEW" as const })),
  };
}

/** A deep copy of another scenario's design with new ids; actions, sources, dates and waves kept. */
function copiedDesign(base: Design) {
  const teamIds = new Map([...base.teams.keys()].map((id) => [id, newId()]));
  const positionIds = new Map([...base.positions.keys()].map((id) => [id, newId()]));
  return {
    teams: [...base.teams.values()].map((team) => ({
      ...team,
      id: teamIds.get(team.id)!,
      parentId: team.parentId ? (teamIds.get(team.parentId) ?? null) : null,
      serviceIds: [...team.serviceIds],
    })),
    positions: [...base.positions.values()].map((position) => ({
      ...position,
      id: positionIds.get(position.id)!,
      teamId: teamIds.get(position.teamId)!,
      reportsToId: position.reportsToId ? (positionIds.get(position.reportsToId) ?? null) : null,
    })),
  };
}

/** The default as-of day for a merger: the day before it takes effect if that has passed, else today. */
export function defaultAsOfDate(mergerEffectiveDate: Date | null, today: Date = todayInNorway()): Date {
  if (!mergerEffectiveDate) return today;
  const dayBefore = addDays(mergerEffectiveDate, -1);
  return dayBefore < today ? dayBefore : today;
}

interface ScenarioScope {
  mergerId: string | null;
  targetOfficeId: string | null;
  officeIds: string[];
  asOfDate: Date;
  effectiveDate: Date;
  baseDesign: Design | null;
}

async function loadMerger(tx: Tx, mergerId: string, globalId: string) {
  const merger = await tx.merger.findUnique({
    where: { id: mergerId },
    select: { id: true, name: true, status: true, effectiveDate: true, targetOfficeId: true, sourceOffices: { select: { id: true } } },
  });
  if (!merger) throw new NotFoundError("Merger", globalId);
  if (CLOSED_MERGERS.includes(merger.status)) {
    throw ValidationError.field(
      "mergerId",
      `Sammenslåingen ${merger.name} er ${merger.status === "COMPLETED" ? "fullført" : "avbrutt"}; lag scenarioer for åpne sammenslåinger.`,
    );
  }
  return merger;
}

async function checkOffices(tx: Tx, ids: string[], globalIds: string[]): Promise<void> {
  const found = new Set((await tx.office.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((o) => o.id));
  const missing = ids.findIndex((id) => !found.has(id));
  if (missing >= 0) throw new NotFoundError("Office", globalIds[missing]!);
}

/** Offices, merger, dates and (for a copy) the base design, with the input's defaults applied. */
async function resolveScope(tx: Tx, input: CreateScenario, args: typeof CreateScenarioInput.$inferInput): Promise<ScenarioScope> {
  if (input.base === "SCENARIO") {
    const base = await tx.scenario.findUnique({
      where: { id: input.baseScenarioId! },
      include: { offices: { select: { id: true } }, merger: { select: { targetOfficeId: true } } },
    });
    if (!base) throw new NotFoundError("Scenario", args.baseScenarioId!);
    const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((id) => b.includes(id));
    const baseOfficeIds = base.offices.map((office) => office.id);
    if ((input.mergerId && input.mergerId !== base.mergerId) || (input.officeIds?.length && !sameSet(input.officeIds, baseOfficeIds))) {
      throw ValidationError.field("baseScenarioId", "En kopi gjelder samme sammenslåing og kontorer som scenarioet den kopierer.");
    }
    if (input.asOfDate && input.asOfDate.getTime() !== base.asOfDate.getTime()) {
      throw ValidationError.field(
        "asOfDate",
        `En kopi har samme dato for nåsituasjonen som scenarioet den kopierer (${formatDateNorwegian(base.asOfDate)}).`,
      );
    }
    return {
      mergerId: base.mergerId,
      targetOfficeId: base.merger?.targetOfficeId ?? null,
      officeIds: baseOfficeIds,
      asOfDate: base.asOfDate,
      effectiveDate: input.effectiveDate ?? base.effectiveDate,
      baseDesign: await loadDesign(tx, base.id),
    };
  }
  const merger = input.mergerId ? await loadMerger(tx, input.mergerId, args.mergerId!) : null;
  let officeIds: string[];
  if (input.officeIds?.length) {
    await checkOffices(tx, input.officeIds, args.officeIds ?? []);
    officeIds = input.officeIds;
  } else {
    officeIds = merger!.sourceOffices.map((office) => office.id);
  }
  const asOfDate = input.asOfDate ?? defaultAsOfDate(merger?.effectiveDate ?? null);
  return {
    mergerId: merger?.id ?? null,
    targetOfficeId: merger?.targetOfficeId ?? null,
    officeIds,
    asOfDate,
    effectiveDate: input.effectiveDate ?? merger?.effectiveDate ?? addDays(asOfDate, 1),
    baseDesign: null,
  };
}

async function templateOffice(tx: Tx, input: CreateScenario, args: typeof CreateScenarioInput.$inferInput) {
  if (input.templateOfficeId) {
    const office = await tx.office.findUnique({ where: { id: input.templateOfficeId }, select: { id: true, name: true } });
    if (!office) throw new NotFoundError("Office", args.templateOfficeId!);
    return office;
  }
  const spearhead = await tx.office.findFirst({
    where: { isSpearhead: true },
    select: { id: true, name: true },
    orderBy: [{ status: "asc" }, { code: "asc" }],
  });
  if (!spearhead) throw ValidationError.field("templateOfficeId", "Velg kontoret hvis organisering skal brukes som mal.");
  return spearhead;
}

function scenarioSnapshot(scenario: Scenario, offices: string[], teams: number, positions: number) {
  return {
    name: scenario.name,
    description: scenario.description,
    status: scenario.status,
    base: scenario.base,
    mergerId: scenario.mergerId,
    baseScenarioId: scenario.baseScenarioId,
    templateOfficeId: scenario.templateOfficeId,
    offices,
    asOfDate: formatDate(scenario.asOfDate),
    effectiveDate: formatDate(scenario.effectiveDate),
    teams,
    positions,
    version: scenario.version,
  };
}

builder.mutationField("createScenario", (t) =>
  t.field({
    type: ScenarioRef,
    description:
      "Planner or admin. A new draft scenario from the as-is of the offices (AS_IS), a copy of another scenario " +
      "(SCENARIO) or a template office's design over the closed as-is (TEMPLATE).",
    authScopes: SCENARIO_EDITORS,
    args: { input: t.arg({ type: CreateScenarioInput, required: true }) },
    errors: mutationResult("createScenario", "scenario", [ValidationError, NotFoundError]),
    resolve: (_parent, args, context) => {
      const input = parseInput(createScenarioSchema, args.input);
      const viewer = context.viewer!;
      return withAudit(context, async (tx) => {
        const scope = await resolveScope(tx, input, args.input);
        if (scope.effectiveDate <= scope.asOfDate) {
          throw ValidationError.field(
            "effectiveDate",
            `Virkningsdatoen må være etter datoen for nåsituasjonen (${formatDateNorwegian(scope.asOfDate)}).`,
          );
        }
        const template = input.base === "TEMPLATE" ? await templateOffice(tx, input, args.input) : null;
        const offices = await tx.office.findMany({
          where: { id: { in: scope.officeIds } },
          select: { id: true, code: true },
          orderBy: [{ name: "asc" }, { id: "asc" }],
        });

        let teams: TeamImage[];
        let positions: PositionImage[];
        if (scope.baseDesign) {
          ({ teams, positions } = copiedDesign(scope.baseDesign));
        } else {
          const asIs = await loadAsIs(tx, scope.officeIds, scope.asOfDate);
          ({ teams, positions } = asIsDesign(asIs, template ? "CLOSED" : "UNCHANGED"));
          if (template) {
            const templateAsIs = await loadAsIs(tx, [template.id], todayInNorway());
            if (!templateAsIs.teams.length) {
              throw ValidationError.field("templateOfficeId", `${template.name} har ingen team å bruke som mal.`);
            }
            const officeId = newTeamOfficeId({
              merger: scope.targetOfficeId ? { targetOfficeId: scope.targetOfficeId } : null,
              offices,
            });
            const planned = templateDesign(templateAsIs, officeId, teams.length);
            teams = [...teams, ...planned.teams];
            positions = [...positions, ...planned.positions];
          }
        }

        const scenario = await tx.scenario.create({
          data: {
            name: input.name,
            description: input.description ?? null,
            mergerId: scope.mergerId,
            offices: { connect: scope.officeIds.map((id) => ({ id })) },
            base: input.base,
            baseScenarioId: input.base === "SCENARIO" ? input.baseScenarioId! : null,
            templateOfficeId: template?.id ?? null,
            asOfDate: scope.asOfDate,
            effectiveDate: scope.effectiveDate,
            createdBySubject: viewer.subject,
            createdByName: viewer.name,
          },
        });
        await insertDesignRows(tx, scenario.id, teams, positions);
        return {
          result: scenario,
          audit: {
            action: "createScenario",
            entityType: "Scenario",
            entityId: scenario.id,
            after: scenarioSnapshot(scenario, offices.map((office) => office.code).sort(), teams.length, positions.length),
          },
        };
      });
    },
  }),
);
