// Reading scenarios: the list, one scenario, a merger's scenarios, a scenario's positions
// and change log, and what the caller may do with it. Any Samla role may read, as mergers.
import { decodeGlobalID } from "../lib/ids";
import type { Prisma } from "@samla/schema";
import { allowsEverywhere, scopes } from "../auth/policy";
import { builder } from "../builder";
import { containsText } from "../lib/text-match";
import type { SamlaContext } from "../context";
import { ScenarioRef, ScenarioStatusEnum, ScenarioTeamRef } from "./scenarios";

/** The roles that may edit, submit and approve scenarios. */
export const SCENARIO_EDITORS = scopes("scenario.edit");

export function isScenarioEditor(context: SamlaContext): boolean {
  return allowsEverywhere(context, "scenario.edit");
}

const ScenarioFilter = builder.inputType("ScenarioFilter", {
  fields: (t) => ({
    mergerId: t.id({ required: false, description: "Scenarios of this merger." }),
    status: t.field({ type: [ScenarioStatusEnum], required: false, description: "Any of these statuses." }),
    text: t.string({ required: false, description: "Part of the scenario's name." }),
  }),
});

/** A merger's scenarios; an id that is not a merger's matches none. */
function mergerWhere(globalId: string): Prisma.ScenarioWhereInput {
  try {
    const decoded = decodeGlobalID(globalId);
    if (decoded.typename === "Merger") return { mergerId: decoded.id };
  } catch {
    // matches none, below
  }
  return { id: { in: [] } };
}

function scenarioWhere(filter: typeof ScenarioFilter.$inferInput | null | undefined): Prisma.ScenarioWhereInput {
  const text = filter?.text?.trim();
  return {
    AND: [
      filter?.mergerId ? mergerWhere(filter.mergerId) : {},
      filter?.status?.length ? { status: { in: filter.status } } : {},
      text ? { name: containsText(text) } : {},
    ],
  };
}

builder.queryFields((t) => ({
  scenarios: t.prismaConnection(
    {
      type: "Scenario",
      cursor: "id",
      description: "Scenarios, most recently changed first.",
      args: { filter: t.arg({ type: ScenarioFilter, required: false }) },
      totalCount: (_parent, args, context) => context.db.scenario.count({ where: scenarioWhere(args.filter) }),
      resolve: (query, _parent, args, context) =>
        context.db.scenario.findMany({
          ...query,
          where: scenarioWhere(args.filter),
          orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
        }),
    },
    { name: "ScenarioConnection" },
    { name: "ScenarioEdge" },
  ),
  scenario: t.prismaField({
    type: "Scenario",
    nullable: true,
    args: { id: t.arg.globalID({ required: true, for: ScenarioRef }) },
    resolve: (query, _parent, args, context) => context.db.scenario.findUnique({ ...query, where: { id: args.id.id } }),
  }),
}));

builder.prismaObjectField("Merger", "scenarios", (t) =>
  t.relation("scenarios", {
    description: "The merger's scenarios, oldest first (archived ones included).",
    query: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
  }),
);

function positionsWhere(
  scenarioId: string,
  args: { includeClosed?: boolean | null; teamId?: { id: string } | null },
): Prisma.ScenarioPositionWhereInput {
  return {
    scenarioId,
    ...(args.includeClosed ? {} : { action: { not: "CLOSED" } }),
    ...(args.teamId ? { teamId: args.teamId.id } : {}),
  };
}

builder.prismaObjectFields("Scenario", (t) => ({
  positions: t.prismaConnection(
    {
      type: "ScenarioPosition",
      cursor: "id",
      description: "The to-be positions, team by team; closed ones only with includeClosed.",
      args: {
        includeClosed: t.arg.boolean({ defaultValue: false }),
        teamId: t.arg.globalID({ required: false, for: ScenarioTeamRef, description: "Only this team's positions." }),
      },
      totalCount: (scenario, args, context) =>
        context.db.scenarioPosition.count({ where: positionsWhere(scenario.id, args) }),
      resolve: (query, scenario, args, context) =>
        context.db.scenarioPosition.findMany({
          ...query,
          where: positionsWhere(scenario.id, args),
          orderBy: [{ team: { position: "asc" } }, { id: "asc" }],
        }),
    },
    { name: "ScenarioPositionConnection" },
    { name: "ScenarioPositionEdge" },
  ),
  changes: t.prismaConnection(
    {
      type: "ScenarioChange",
      cursor: "id",
      description: "Every edit, newest first (undone ones included, marked undone).",
      totalCount: (scenario, _args, context) => context.db.scenarioChange.count({ where: { scenarioId: scenario.id } }),
      resolve: (query, scenario, _args, context) =>
        context.db.scenarioChange.findMany({
          ...query,
          where: { scenarioId: scenario.id },
          orderBy: [{ version: "desc" }, { id: "asc" }],
        }),
    },
    { name: "ScenarioChangeConnection" },
    { name: "ScenarioChangeEdge" },
  ),
  undoableChanges: t.int({
    description: "How many edits undoScenarioChanges can still undo (not undone, undos themselves excluded).",
    select: { id: true },
    resolve: (scenario, _args, context) =>
      context.db.scenarioChange.count({ where: undoableWhere(scenario.id) }),
  }),
  nextUndoChange: t.prismaField({
    type: "ScenarioChange",
    nullable: true,
    description:
      "The edit undoScenarioChanges (count 1) would undo next, with who made it: the web asks before undoing someone else's.",
    select: { id: true },
    resolve: (query, scenario, _args, context) =>
      context.db.scenarioChange.findFirst({ ...query, where: undoableWhere(scenario.id), orderBy: { version: "desc" } }),
  }),
  viewerCanEdit: t.boolean({
    description: "The scenario is a draft and the caller is a planner or admin.",
    select: { status: true },
    resolve: (scenario, _args, context) => scenario.status === "DRAFT" && isScenarioEditor(context),
  }),
  viewerCanApprove: t.boolean({
    description: "The scenario is in review, the caller is a planner or admin, and not the one who submitted it.",
    select: { status: true, submittedBySubject: true },
    resolve: (scenario, _args, context) =>
      scenario.status === "IN_REVIEW" &&
      isScenarioEditor(context) &&
      scenario.submittedBySubject !== context.viewer?.subject,
  }),
}));

/** The kind of the change that undoScenarioChanges records; it is not itself undoable. */
export const UNDO_KIND = "undoScenarioChanges";

/** The edits undoScenarioChanges can undo (their ScenarioChange.undo holds before-images). */
export const UNDOABLE_KINDS = [
  "updateScenario",
  "addScenarioTeam",
  "updateScenarioTeam",
  "moveScenarioTeam",
  "splitScenarioTeam",
  "mergeScenarioTeams",
  "closeScenarioTeam",
  "setScenarioTeamServices",
  "addScenarioPosition",
  "updateScenarioPosition",
  "closeScenarioPosition",
  "moveScenarioPerson",
] as const;

/** Changes undoScenarioChanges may still undo. */
export function undoableWhere(scenarioId: string): Prisma.ScenarioChangeWhereInput {
  return { scenarioId, undoneAt: null, kind: { in: [...UNDOABLE_KINDS] } };
}
