// The edits of a draft scenario (planner, admin): teams, positions, people, services, undo
// and the scenario's own fields. defineEdit (core-edit.ts) registers each and runs it through
// editScenario, which holds the locking, version, change log, undo images and audit; here
// is what each edit does to the design.
import { z } from "zod";
import { builder } from "../builder";
import { parseDate } from "../lib/dates";
import { ValidationError } from "../lib/errors";
import { zFte, zGlobalId, zOptionalText, zText } from "../lib/validation";
import {
  changedAction,
  checkTeamName,
  checkTiming,
  defineEdit,
  managerChain,
  nextTeamPosition,
  positionPayload,
  requirePerson,
  requirePosition,
  requireRole,
  requireServices,
  requireTeam,
  rollUpReports,
  scenarioPayload,
  scenarioVersionFields,
  teamAncestors,
  teamLabel,
  teamPayload,
  timingFields,
  touch,
  zEditBase,
  type EditContext,
} from "./core-edit";
import { newTeamOfficeId } from "./scenario-create";
import { UNDO_KIND, undoableWhere } from "./scenario-queries";
import { applyUndo, newId, type Design, type PositionImage, type TeamImage, type UndoImage } from "./scenario-store";
import { norwegianOrder } from "../lib/collation";

const TIMING_NOTE = "effectiveDate and wave apply to every element the edit touches; null clears them.";

const zServiceIds = z
  .array(zGlobalId("Service"))
  .max(100)
  .refine((ids) => new Set(ids).size === ids.length, "En tjeneste er valgt flere ganger.");

function openPositionsOf(design: Design, teamId: string): PositionImage[] {
  return [...design.positions.values()].filter((p) => p.teamId === teamId && p.action !== "CLOSED");
}

function openChildrenOf(design: Design, teamId: string): TeamImage[] {
  return [...design.teams.values()].filter((t) => t.parentId === teamId && t.action !== "CLOSED");
}

/** Refuses a second open position for the same person in one team (`exceptIds`: positions being moved or vacated). */
async function checkOnePositionPerTeam(
  edit: EditContext,
  personId: string,
  teamId: string,
  exceptIds: string[],
  path: string,
): Promise<void> {
  const other = [...edit.design.positions.values()].find(
    (p) => p.personId === personId && p.teamId === teamId && p.action !== "CLOSED" && !exceptIds.includes(p.id),
  );
  if (other) {
    throw ValidationError.field(
      path,
      `${await edit.labels.person(personId)} har allerede en stilling i teamet «${edit.design.teams.get(teamId)?.name}».`,
    );
  }
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

// ---- Teams ---------------------------------------------------------------------------------------

const AddScenarioTeamInput = builder.inputType("AddScenarioTeamInput", {
  description: `A NEW team. officeId defaults to the merger's target office. ${TIMING_NOTE}`,
  fields: (t) => ({
    ...scenarioVersionFields(t),
    name: t.string({ required: true }),
    purpose: t.string({ required: false }),
    parentId: t.id({ required: false, description: "An open team of the scenario; none for a top-level team." }),
    officeId: t.id({ required: false, description: "One of the scenario's offices or the merger's target office." }),
    serviceIds: t.idList({ required: false }),
    ...timingFields(t),
  }),
});

const addTeamSchema = z.object({
  ...zEditBase,
  name: zText(200),
  purpose: zOptionalText(2000),
  parentId: zGlobalId("ScenarioTeam").nullish(),
  officeId: zGlobalId("Office").nullish(),
  serviceIds: zServiceIds.nullish(),
});

defineEdit("addScenarioTeam", teamPayload("addScenarioTeam"), {
  description: "Adds a new team to a draft scenario.",
  input: AddScenarioTeamInput,
  schema: addTeamSchema,
  edit: async (edit, input, raw) => {
    const { timing } = edit;
    checkTeamName(edit.design, input.name, null, "name");
    const parent = input.parentId ? await requireTeam(edit, input.parentId, raw.parentId!, "parentId") : null;
    if (input.officeId) {
      const allowed = [...edit.scenario.offices.map((o) => o.id), edit.scenario.merger?.targetOfficeId];
      if (!allowed.includes(input.officeId)) {
        throw ValidationError.field("officeId", "Kontoret er ikke med i scenarioet eller sammenslåingen.");
      }
    }
    if (input.serviceIds?.length) await requireServices(edit.tx, input.serviceIds, raw.serviceIds ?? []);
    const team: TeamImage = {
      id: newId(),
      sourceTeamId: null,
      officeId: input.officeId ?? newTeamOfficeId(edit.scenario, parent?.officeId),
      parentId: parent?.id ?? null,
      name: input.name,
      purpose: input.purpose ?? null,
      action: "NEW",
      effectiveDate: null,
      wave: null,
      position: nextTeamPosition(edit.design),
      serviceIds: [...(input.serviceIds ?? [])].sort(),
    };
    touch(team, timing, "NEW");
    edit.design.teams.set(team.id, team);
    return {
      summary: `La til teamet ${teamLabel(team)}${parent ? ` under ${teamLabel(parent)}` : ""}`,
      result: { teamId: team.id },
    };
  },
});

const UpdateScenarioTeamInput = builder.inputType("UpdateScenarioTeamInput", {
  description: `Renames a team or changes its purpose; fields left out are unchanged. ${TIMING_NOTE}`,
  fields: (t) => ({
    ...scenarioVersionFields(t),
    teamId: t.id({ required: true }),
    name: t.string({ required: false }),
    purpose: t.string({ required: false }),
    ...timingFields(t),
  }),
});

const updateTeamSchema = z.object({
  ...zEditBase,
  teamId: zGlobalId("ScenarioTeam"),
  name: zText(200).nullish(),
  purpose: zOptionalText(2000),
});

defineEdit("updateScenarioTeam", teamPayload("updateScenarioTeam"), {
  description: "Renames a team, changes its purpose, or sets when it changes.",
  input: UpdateScenarioTeamInput,
  schema: updateTeamSchema,
  edit: async (edit, input, raw) => {
    const { timing } = edit;
    const team = await requireTeam(edit, input.teamId, raw.teamId, "teamId");
    const oldName = team.name;
    const renamed = input.name != null && input.name !== team.name;
    const newPurpose = input.purpose !== undefined && input.purpose !== team.purpose;
    if (!renamed && !newPurpose && timing.effectiveDate === undefined && timing.wave === undefined) {
      throw new ValidationError("Ingen endringer å lagre.");
    }
    if (renamed) {
      checkTeamName(edit.design, input.name!, team.id, "name");
      team.name = input.name!;
    }
    if (newPurpose) team.purpose = input.purpose ?? null;
    // Only a new name or purpose changes the team; a date or wave alone says when.
    touch(team, timing, renamed || newPurpose ? changedAction(team.action) : team.action);
    const what = [newPurpose && "formål", timing.effectiveDate !== undefined && "virkningsdato", timing.wave !== undefined && "bølge"]
      .filter(Boolean)
      .join(", ");
    return {
      summary: renamed
        ? `Ga teamet «${oldName}» nytt navn «${team.name}»${what ? ` (og endret ${what})` : ""}`
        : `Endret ${what} for teamet ${teamLabel(team)}`,
      result: { teamId: team.id },
    };
  },
});

const MoveScenarioTeamInput = builder.inputType("MoveScenarioTeamInput", {
  description: `Moves a team under another open team, or to the top level (parentId null). ${TIMING_NOTE}`,
  fields: (t) => ({
    ...scenarioVersionFields(t),
    teamId: t.id({ required: true }),
    parentId: t.id({ required: false, description: "null: the top level." }),
    ...timingFields(t),
  }),
});

const moveTeamSchema = z.object({
  ...zEditBase,
  teamId: zGlobalId("ScenarioTeam"),
  parentId: zGlobalId("ScenarioTeam").nullish(),
});

defineEdit("moveScenarioTeam", teamPayload("moveScenarioTeam"), {
  description: "Moves a team in the to-be hierarchy (no cycles).",
  input: MoveScenarioTeamInput,
  schema: moveTeamSchema,
  edit: async (edit, input, raw) => {
    const { timing } = edit;
    const team = await requireTeam(edit, input.teamId, raw.teamId, "teamId");
    const parent = input.parentId ? await requireTeam(edit, input.parentId, raw.parentId!, "parentId") : null;
    if (parent && teamAncestors(edit.design, parent.id).ids.includes(team.id)) {
      throw ValidationError.field("parentId", "Et team kan ikke flyttes under seg selv eller et av sine underteam.");
    }
    if (team.parentId === (parent?.id ?? null)) {
      throw ValidationError.field("parentId", `Teamet ${teamLabel(team)} ligger der allerede.`);
    }
    team.parentId = parent?.id ?? null;
    touch(team, timing);
    return {
      summary: `Flyttet teamet ${teamLabel(team)} ${parent ? `under ${teamLabel(parent)}` : "til øverste nivå"}`,
      result: { teamId: team.id },
    };
  },
});

const SplitScenarioTeamInput = builder.inputType("SplitScenarioTeamInput", {
  description:
    "Moves some of a team's open positions to a NEW team beside it (same parent and services). " + TIMING_NOTE,
  fields: (t) => ({
    ...scenarioVersionFields(t),
    teamId: t.id({ required: true }),
    newTeamName: t.string({ required: true }),
    positionIds: t.idList({ required: true, description: "Open positions of the team that go to the new team." }),
    ...timingFields(t),
  }),
});

const splitTeamSchema = z.object({
  ...zEditBase,
  teamId: zGlobalId("ScenarioTeam"),
  newTeamName: zText(200),
  positionIds: z
    .array(zGlobalId("ScenarioPosition"))
    .min(1, "Velg minst én stilling til det nye teamet.")
    .max(1000)
    .refine((ids) => new Set(ids).size === ids.length, "En stilling er valgt flere ganger."),
});

defineEdit("splitScenarioTeam", teamPayload("splitScenarioTeam"), {
  description: "Splits a team: the chosen positions form a new team. Returns the new team.",
  input: SplitScenarioTeamInput,
  schema: splitTeamSchema,
  edit: async (edit, input, raw) => {
    const { timing } = edit;
    const team = await requireTeam(edit, input.teamId, raw.teamId, "teamId");
    checkTeamName(edit.design, input.newTeamName, null, "newTeamName");
    const positions: PositionImage[] = [];
    for (const [index, id] of input.positionIds.entries()) {
      const path = `positionIds.${index}`;
      const position = await requirePosition(edit, id, raw.positionIds[index]!, path);
      if (position.teamId !== team.id) throw ValidationError.field(path, `Stillingen hører ikke til teamet ${teamLabel(team)}.`);
      positions.push(position);
    }
    const newTeam: TeamImage = {
      id: newId(),
      sourceTeamId: null,
      officeId: newTeamOfficeId(edit.scenario, team.officeId),
      parentId: team.parentId,
      name: input.newTeamName,
      purpose: null,
      action: "NEW",
      effectiveDate: null,
      wave: null,
      position: nextTeamPosition(edit.design),
      serviceIds: [...team.serviceIds],
    };
    touch(newTeam, timing, "NEW");
    edit.design.teams.set(newTeam.id, newTeam);
    touch(team, timing);
    for (const position of positions) {
      position.teamId = newTeam.id;
      touch(position, timing);
    }
    return {
      summary: `Delte teamet ${teamLabel(team)}: ${plural(positions.length, "stilling", "stillinger")} til det nye teamet ${teamLabel(newTeam)}`,
      result: { teamId: newTeam.id },
    };
  },
});

const MergeScenarioTeamsInput = builder.inputType("MergeScenarioTeamsInput", {
  description:
    "Closes teamIds; their open positions, open child teams and services move into intoTeamId. " + TIMING_NOTE,
  fields: (t) => ({
    ...scenarioVersionFields(t),
    teamIds: t.idList({ required: true }),
    intoTeamId: t.id({ required: true }),
    ...timingFields(t),
  }),
});

const mergeTeamsSchema = z.object({
  ...zEditBase,
  teamIds: z
    .array(zGlobalId("ScenarioTeam"))
    .min(1, "Velg minst ett team som skal slås sammen.")
    .max(100)
    .refine((ids) => new Set(ids).size === ids.length, "Et team er valgt flere ganger."),
  intoTeamId: zGlobalId("ScenarioTeam"),
});

defineEdit("mergeScenarioTeams", teamPayload("mergeScenarioTeams"), {
  description: "Merges teams into one; the others are closed. Returns the team merged into.",
  input: MergeScenarioTeamsInput,
  schema: mergeTeamsSchema,
  edit: async (edit, input, raw) => {
    const { timing } = edit;
    const into = await requireTeam(edit, input.intoTeamId, raw.intoTeamId, "intoTeamId");
    if (input.teamIds.includes(into.id)) {
      throw ValidationError.field("teamIds", "Teamet det slås sammen inn i, kan ikke også være blant teamene som legges ned.");
    }
    const merged: TeamImage[] = [];
    for (const [index, id] of input.teamIds.entries()) {
      merged.push(await requireTeam(edit, id, raw.teamIds[index]!, `teamIds.${index}`));
    }
    const mergedIds = new Set(merged.map((team) => team.id));
    /** The nearest ancestor of a team that is not being merged away. */
    const survivingAncestor = (teamId: string | null): string | null => {
      let current = teamId;
      while (current && mergedIds.has(current)) current = edit.design.teams.get(current)?.parentId ?? null;
      return current;
    };
    if (into.parentId && mergedIds.has(into.parentId)) into.parentId = survivingAncestor(into.parentId);
    const services = new Set(into.serviceIds);
    for (const team of merged) {
      for (const position of openPositionsOf(edit.design, team.id)) {
        position.teamId = into.id;
        touch(position, timing);
      }
      for (const child of openChildrenOf(edit.design, team.id)) {
        if (mergedIds.has(child.id) || child.id === into.id) continue;
        // A child that holds the team merged into keeps its place higher up instead of a cycle.
        child.parentId = teamAncestors(edit.design, into.id).ids.includes(child.id) ? survivingAncestor(team.id) : into.id;
        touch(child, timing);
      }
      for (const service of team.serviceIds) services.add(service);
    }
    for (const team of merged) touch(team, timing, "CLOSED");
    into.serviceIds = [...services].sort();
    touch(into, timing);
    return {
      summary: `Slo sammen ${merged.map(teamLabel).join(", ")} inn i ${teamLabel(into)}`,
      result: { teamId: into.id },
    };
  },
});

const CloseScenarioTeamInput = builder.inputType("CloseScenarioTeamInput", {
  description:
    "Closes a team. Its open positions move to movePositionsToTeamId, or close with it; its open child teams " +
    "move to its parent. " +
    TIMING_NOTE,
  fields: (t) => ({
    ...scenarioVersionFields(t),
    teamId: t.id({ required: true }),
    movePositionsToTeamId: t.id({ required: false }),
    ...timingFields(t),
  }),
});

const closeTeamSchema = z.object({
  ...zEditBase,
  teamId: zGlobalId("ScenarioTeam"),
  movePositionsToTeamId: zGlobalId("ScenarioTeam").nullish(),
});

defineEdit("closeScenarioTeam", teamPayload("closeScenarioTeam"), {
  description: "Closes a team (it stays in the design, marked CLOSED).",
  input: CloseScenarioTeamInput,
  schema: closeTeamSchema,
  edit: async (edit, input, raw) => {
    const { timing } = edit;
    const team = await requireTeam(edit, input.teamId, raw.teamId, "teamId");
    const moveTo = input.movePositionsToTeamId
      ? await requireTeam(edit, input.movePositionsToTeamId, raw.movePositionsToTeamId!, "movePositionsToTeamId")
      : null;
    if (moveTo?.id === team.id) {
      throw ValidationError.field("movePositionsToTeamId", "Stillingene kan ikke flyttes til teamet som legges ned.");
    }
    const positions = openPositionsOf(edit.design, team.id);
    const closed = new Set<string>();
    for (const position of positions) {
      if (moveTo) {
        position.teamId = moveTo.id;
        touch(position, timing);
      } else {
        touch(position, timing, "CLOSED");
        closed.add(position.id);
      }
    }
    rollUpReports(edit.design, closed, timing);
    for (const child of openChildrenOf(edit.design, team.id)) {
      child.parentId = team.parentId;
      touch(child, timing);
    }
    touch(team, timing, "CLOSED");
    if (moveTo && positions.length) touch(moveTo, timing);
    const what = !positions.length
      ? ""
      : moveTo
        ? `; ${plural(positions.length, "stilling", "stillinger")} flyttet til ${teamLabel(moveTo)}`
        : `; ${plural(positions.length, "stilling", "stillinger")} lagt ned`;
    return { summary: `La ned teamet ${teamLabel(team)}${what}`, result: { teamId: team.id } };
  },
});

const SetScenarioTeamServicesInput = builder.inputType("SetScenarioTeamServicesInput", {
  description: "The services the team delivers, replacing the set.",
  fields: (t) => ({
    ...scenarioVersionFields(t),
    teamId: t.id({ required: true }),
    serviceIds: t.idList({ required: true }),
  }),
});

const setServicesSchema = z.object({
  scenarioId: zEditBase.scenarioId,
  version: zEditBase.version,
  teamId: zGlobalId("ScenarioTeam"),
  serviceIds: zServiceIds,
});

defineEdit("setScenarioTeamServices", teamPayload("setScenarioTeamServices"), {
  description: "Sets which services a to-be team delivers.",
  input: SetScenarioTeamServicesInput,
  schema: setServicesSchema,
  edit: async (edit, input, raw) => {
    const team = await requireTeam(edit, input.teamId, raw.teamId, "teamId");
    const names = await requireServices(edit.tx, input.serviceIds, raw.serviceIds);
    const serviceIds = [...input.serviceIds].sort();
    if (serviceIds.join() === team.serviceIds.join()) {
      throw ValidationError.field("serviceIds", `Teamet ${teamLabel(team)} leverer allerede akkurat disse tjenestene.`);
    }
    team.serviceIds = serviceIds;
    touch(team, {});
    return {
      summary: names.length
        ? `Satte tjenestene til teamet ${teamLabel(team)}: ${[...names].sort(norwegianOrder).join(", ")}`
        : `Fjernet alle tjenestene fra teamet ${teamLabel(team)}`,
      result: { teamId: team.id },
    };
  },
});

// ---- Positions and people --------------------------------------------------------------------

const AddScenarioPositionInput = builder.inputType("AddScenarioPositionInput", {
  description: `A NEW position in an open team, vacant unless personId is given. ${TIMING_NOTE}`,
  fields: (t) => ({
    ...scenarioVersionFields(t),
    teamId: t.id({ required: true }),
    roleId: t.id({ required: true }),
    fte: t.float({ required: true, description: "0.01-1.00" }),
    personId: t.id({ required: false }),
    reportsToId: t.id({ required: false, description: "The manager's position (an open position of the scenario)." }),
    ...timingFields(t),
  }),
});

const addPositionSchema = z.object({
  ...zEditBase,
  teamId: zGlobalId("ScenarioTeam"),
  roleId: zGlobalId("Role"),
  fte: zFte,
  personId: zGlobalId("Person").nullish(),
  reportsToId: zGlobalId("ScenarioPosition").nullish(),
});

defineEdit("addScenarioPosition", positionPayload("addScenarioPosition"), {
  description: "Adds a new position (role, FTE) to a team, vacant or held by a person.",
  input: AddScenarioPositionInput,
  schema: addPositionSchema,
  edit: async (edit, input, raw) => {
    const { timing } = edit;
    const team = await requireTeam(edit, input.teamId, raw.teamId, "teamId");
    await requireRole(edit.tx, input.roleId, raw.roleId);
    if (input.personId) {
      await requirePerson(edit.tx, input.personId, raw.personId!);
      await checkOnePositionPerTeam(edit, input.personId, team.id, [], "personId");
    }
    const manager = input.reportsToId
      ? await requirePosition(edit, input.reportsToId, raw.reportsToId!, "reportsToId")
      : null;
    const position: PositionImage = {
      id: newId(),
      teamId: team.id,
      roleId: input.roleId,
      fte: input.fte,
      personId: input.personId ?? null,
      sourceAssignmentId: null,
      reportsToId: manager?.id ?? null,
      action: "NEW",
      effectiveDate: null,
      wave: null,
    };
    touch(position, timing, "NEW");
    edit.design.positions.set(position.id, position);
    return {
      summary: `La til stillingen ${await edit.labels.position(edit.design, position)}, ${position.fte.replace(".", ",")} årsverk`,
      result: { positionId: position.id },
    };
  },
});

const UpdateScenarioPositionInput = builder.inputType("UpdateScenarioPositionInput", {
  description: `Changes a position; fields left out are unchanged, reportsToId null removes the manager. ${TIMING_NOTE}`,
  fields: (t) => ({
    ...scenarioVersionFields(t),
    positionId: t.id({ required: true }),
    teamId: t.id({ required: false }),
    roleId: t.id({ required: false }),
    fte: t.float({ required: false }),
    reportsToId: t.id({ required: false }),
    ...timingFields(t),
  }),
});

const updatePositionSchema = z.object({
  ...zEditBase,
  positionId: zGlobalId("ScenarioPosition"),
  teamId: zGlobalId("ScenarioTeam").nullish(),
  roleId: zGlobalId("Role").nullish(),
  fte: zFte.nullish(),
  reportsToId: zGlobalId("ScenarioPosition").nullish(),
});

defineEdit("updateScenarioPosition", positionPayload("updateScenarioPosition"), {
  description: "Moves a position to another team, or changes its role, FTE or manager.",
  input: UpdateScenarioPositionInput,
  schema: updatePositionSchema,
  edit: async (edit, input, raw) => {
    const { timing } = edit;
    const position = await requirePosition(edit, input.positionId, raw.positionId, "positionId");
    const label = await edit.labels.position(edit.design, position);
    const what: string[] = [];
    if (input.teamId && input.teamId !== position.teamId) {
      const team = await requireTeam(edit, input.teamId, raw.teamId!, "teamId");
      if (position.personId) await checkOnePositionPerTeam(edit, position.personId, team.id, [position.id], "teamId");
      position.teamId = team.id;
      what.push(`team til ${teamLabel(team)}`);
    }
    if (input.roleId && input.roleId !== position.roleId) {
      await requireRole(edit.tx, input.roleId, raw.roleId!);
      position.roleId = input.roleId;
      what.push(`rolle til ${await edit.labels.role(input.roleId)}`);
    }
    if (input.fte && input.fte !== position.fte) {
      position.fte = input.fte;
      what.push(`stillingsandel til ${input.fte.replace(".", ",")}`);
    }
    if (input.reportsToId !== undefined && input.reportsToId !== position.reportsToId) {
      if (input.reportsToId === null) {
        position.reportsToId = null;
        what.push("fjernet leder");
      } else {
        const manager = await requirePosition(edit, input.reportsToId, raw.reportsToId!, "reportsToId");
        if (managerChain(edit.design, manager.id).ids.includes(position.id)) {
          throw ValidationError.field("reportsToId", "En stilling kan ikke rapportere til seg selv eller til en som rapporterer til den.");
        }
        position.reportsToId = manager.id;
        what.push(`leder til ${await edit.labels.position(edit.design, manager)}`);
      }
    }
    if (!what.length && timing.effectiveDate === undefined && timing.wave === undefined) {
      throw new ValidationError("Ingen endringer å lagre.");
    }
    touch(position, timing, what.length ? changedAction(position.action) : position.action);
    if (timing.effectiveDate !== undefined) what.push("virkningsdato");
    if (timing.wave !== undefined) what.push("bølge");
    return { summary: `Endret stillingen ${label}: ${what.join(", ")}`, result: { positionId: position.id } };
  },
});

const CloseScenarioPositionInput = builder.inputType("CloseScenarioPositionInput", {
  description: `Closes a position; positions reporting to it report to its manager instead. ${TIMING_NOTE}`,
  fields: (t) => ({
    ...scenarioVersionFields(t),
    positionId: t.id({ required: true }),
    ...timingFields(t),
  }),
});

const closePositionSchema = z.object({ ...zEditBase, positionId: zGlobalId("ScenarioPosition") });

defineEdit("closeScenarioPosition", positionPayload("closeScenarioPosition"), {
  description: "Closes a position (it stays in the design, marked CLOSED).",
  input: CloseScenarioPositionInput,
  schema: closePositionSchema,
  edit: async (edit, input, raw) => {
    const { timing } = edit;
    const position = await requirePosition(edit, input.positionId, raw.positionId, "positionId");
    touch(position, timing, "CLOSED");
    rollUpReports(edit.design, new Set([position.id]), timing);
    return {
      summary: `La ned stillingen ${await edit.labels.position(edit.design, position)}`,
      result: { positionId: position.id },
    };
  },
});

const MoveScenarioPersonInput = builder.inputType("MoveScenarioPersonInput", {
  description:
    "Puts a person in an open vacant position. The person's open position becomes vacant (fromPositionId says " +
    "which, when the person holds several); a person without a position is simply placed. " +
    TIMING_NOTE,
  fields: (t) => ({
    ...scenarioVersionFields(t),
    personId: t.id({ required: true }),
    toPositionId: t.id({ required: true }),
    fromPositionId: t.id({ required: false, description: "Needed only when the person holds several open positions." }),
    ...timingFields(t),
  }),
});

const movePersonSchema = z.object({
  ...zEditBase,
  personId: zGlobalId("Person"),
  toPositionId: zGlobalId("ScenarioPosition"),
  fromPositionId: zGlobalId("ScenarioPosition").nullish(),
});

defineEdit("moveScenarioPerson", positionPayload("moveScenarioPerson"), {
  description: "Moves a person into a vacant position. Returns the position moved into.",
  input: MoveScenarioPersonInput,
  schema: movePersonSchema,
  edit: async (edit, input, raw) => {
    const { timing } = edit;
    await requirePerson(edit.tx, input.personId, raw.personId);
    const name = await edit.labels.person(input.personId);
    const to = await requirePosition(edit, input.toPositionId, raw.toPositionId, "toPositionId");
    if (to.personId === input.personId) throw ValidationError.field("toPositionId", `${name} har allerede denne stillingen.`);
    if (to.personId) {
      throw ValidationError.field("toPositionId", `Stillingen er ikke ledig: ${await edit.labels.person(to.personId)} har den.`);
    }
    const held = [...edit.design.positions.values()].filter((p) => p.personId === input.personId && p.action !== "CLOSED");
    let from: PositionImage | null = null;
    if (input.fromPositionId) {
      from = await requirePosition(edit, input.fromPositionId, raw.fromPositionId!, "fromPositionId");
      if (from.personId !== input.personId) throw ValidationError.field("fromPositionId", `${name} har ikke den stillingen.`);
    } else if (held.length > 1) {
      throw ValidationError.field(
        "fromPositionId",
        `${name} har ${held.length} stillinger i scenarioet; velg hvilken som skal bli ledig.`,
      );
    } else {
      from = held[0] ?? null;
    }
    const fromLabel = from ? await edit.labels.position(edit.design, from) : null;
    await checkOnePositionPerTeam(edit, input.personId, to.teamId, from ? [from.id] : [], "toPositionId");
    if (from) {
      from.personId = null;
      touch(from, timing);
    }
    to.personId = input.personId;
    touch(to, timing);
    const toLabel = `${await edit.labels.role(to.roleId)} i «${edit.design.teams.get(to.teamId)?.name}»`;
    return {
      summary: `Flyttet ${name} til stillingen ${toLabel}${fromLabel ? ` fra ${fromLabel.replace(` (${name})`, "")}` : ""}`,
      result: { positionId: to.id },
    };
  },
});

// ---- Undo and the scenario's own fields ------------------------------------------------------------

const UndoScenarioChangesInput = builder.inputType("UndoScenarioChangesInput", {
  description:
    "Undoes the last `count` edits not yet undone, newest first. The undo is itself a change (new version) but cannot be undone. " +
    "Edits made by someone else are undone only with confirmOthersChanges (after the user was told whose they are; " +
    "the version pins which edits that confirmation covers).",
  fields: (t) => ({
    ...scenarioVersionFields(t),
    count: t.int({ required: false, defaultValue: 1 }),
    confirmOthersChanges: t.boolean({ required: false, defaultValue: false }),
  }),
});

const undoSchema = z.object({
  scenarioId: zEditBase.scenarioId,
  version: zEditBase.version,
  count: z.number().int().min(1, "Angi minst 1.").max(50, "Høyst 50 endringer om gangen.").nullish(),
  confirmOthersChanges: z.boolean().nullish(),
});

defineEdit(UNDO_KIND, scenarioPayload(UNDO_KIND), {
  description: "Undoes the last edits of a draft scenario, restoring the design as it was.",
  input: UndoScenarioChangesInput,
  schema: undoSchema,
  edit: async (edit, input) => {
    const count = input.count ?? 1;
    const changes = await edit.tx.scenarioChange.findMany({
      where: undoableWhere(edit.scenario.id),
      orderBy: { version: "desc" },
      take: count,
    });
    if (changes.length < count) {
      throw ValidationError.field(
        "count",
        changes.length ? `Det er bare ${plural(changes.length, "endring", "endringer")} å angre.` : "Det er ingen endringer å angre.",
      );
    }
    // Undo must not silently revert a colleague's work: the caller confirms it after being told whose it is.
    const othersChanges = changes.filter((change) => change.actorSubject !== edit.actor.subject);
    if (othersChanges.length && !input.confirmOthersChanges) {
      const whose = [...new Set(othersChanges.map((change) => change.actorName))].join(", ");
      const what = othersChanges.map((change) => `«${change.summary}»`).join("; ");
      throw ValidationError.field(
        "confirmOthersChanges",
        othersChanges.length === 1
          ? `Endringen ${what} ble gjort av ${whose}, ikke av deg. Bekreft at du vil angre den.`
          : `${plural(othersChanges.length, "endring", "endringer")} ble gjort av andre (${whose}): ${what}. Bekreft at du vil angre dem.`,
      );
    }
    let design = edit.design;
    let fields: UndoImage["scenario"];
    for (const change of changes) {
      const undo = change.undo as unknown as UndoImage;
      design = applyUndo(design, undo);
      fields = undo.scenario ?? fields;
    }
    edit.design.teams = design.teams;
    edit.design.positions = design.positions;
    if (fields) {
      await edit.tx.scenario.update({
        where: { id: edit.scenario.id },
        data: { name: fields.name, description: fields.description, effectiveDate: parseDate(fields.effectiveDate)! },
      });
    }
    await edit.tx.scenarioChange.updateMany({
      where: { id: { in: changes.map((change) => change.id) } },
      data: { undoneAt: new Date() },
    });
    return {
      summary:
        `Angret ${plural(changes.length, "endring", "endringer")}: ` +
        changes.map((c) => (c.actorSubject === edit.actor.subject ? c.summary : `${c.summary} (gjort av ${c.actorName})`)).join("; "),
      result: {},
    };
  },
});

const UpdateScenarioInput = builder.inputType("UpdateScenarioInput", {
  description: "Fields left out are unchanged.",
  fields: (t) => ({
    id: t.id({ required: true }),
    version: t.int({ required: true }),
    name: t.string({ required: false }),
    description: t.string({ required: false }),
    effectiveDate: t.field({ type: "Date", required: false }),
  }),
});

const updateScenarioSchema = z
  .object({
    id: zGlobalId("Scenario"),
    version: zEditBase.version,
    name: zText(200).nullish(),
    description: zOptionalText(4000),
    effectiveDate: z.date().nullish(),
  })
  .transform(({ id, ...rest }) => ({ scenarioId: id, ...rest }));

defineEdit("updateScenario", scenarioPayload("updateScenario"), {
  description: "Renames a draft scenario or changes its description or effective date.",
  input: UpdateScenarioInput,
  schema: updateScenarioSchema,
  edit: async (edit, input) => {
    const scenario = edit.scenario;
    const what: string[] = [];
    if (input.name != null && input.name !== scenario.name) what.push(`navn til «${input.name}»`);
    if (input.description !== undefined && input.description !== scenario.description) what.push("beskrivelse");
    if (input.effectiveDate && input.effectiveDate.getTime() !== scenario.effectiveDate.getTime()) {
      checkTiming(scenario, { effectiveDate: input.effectiveDate });
      what.push("virkningsdato");
    }
    if (!what.length) throw new ValidationError("Ingen endringer å lagre.");
    await edit.tx.scenario.update({
      where: { id: scenario.id },
      data: {
        ...(input.name != null && { name: input.name }),
        ...(input.description !== undefined && { description: input.description }),
        ...(input.effectiveDate && { effectiveDate: input.effectiveDate }),
      },
    });
    return { summary: `Endret scenarioets ${what.join(", ")}`, result: {} };
  },
});

