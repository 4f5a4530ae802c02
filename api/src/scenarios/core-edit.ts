// The one way a scenario's design changes: editScenario locks the scenario, checks that it
// is a draft at the client's version, lets the edit change an in-memory copy of the design,
// checks the result, writes the difference, and records it as a ScenarioChange (whose undo
// holds the rows as they were) with a new version and an audit event, in one transaction.
import type { ChangeAction, Scenario, ScenarioStatus } from "@samla/schema";
import type { InputObjectRef, ObjectRef } from "@pothos/core";
import { z } from "zod";
import { builder } from "../builder";
import type { SamlaContext } from "../context";
import { auditJson, lockRow, withAudit, type Tx } from "../lib/audit";
import { formatDate, formatDateNorwegian } from "../lib/dates";
import { ConflictError, NotFoundError, ValidationError } from "../lib/errors";
import { parseInput, zGlobalId } from "../lib/validation";
import { scenarioVersionConflict } from "./review-rules";
import { SCENARIO_EDITORS, UNDO_KIND, UNDOABLE_KINDS } from "./scenario-queries";
import {
  cloneDesign,
  loadDesign,
  saveDesign,
  type Design,
  type PositionImage,
  type ScenarioFieldsImage,
  type TeamImage,
} from "./scenario-store";
import { ScenarioPositionRef, ScenarioRef, ScenarioTeamRef } from "./scenarios";

export type ScenarioForEdit = Scenario & { offices: { id: string; name: string }[]; merger: { targetOfficeId: string } | null };

export interface EditContext {
  tx: Tx;
  scenario: ScenarioForEdit;
  /** The design being edited: change it in place. */
  design: Design;
  labels: Labels;
  /** The effective date and wave the input names, checked against the as-is day. */
  timing: Timing;
  /** Who makes the edit (undo tells their own edits from others'). */
  actor: { subject: string; name: string };
}

export interface EditOutcome<R> {
  /** What happened, in Norwegian: the change log, conflict messages and the audit log show it. */
  summary: string;
  result: R;
}

const STATUS_REFUSALS: Record<Exclude<ScenarioStatus, "DRAFT">, string> = {
  IN_REVIEW: "er til godkjenning",
  APPROVED: "er godkjent",
  ARCHIVED: "er arkivert",
};

/** Names of roles and people for summaries and messages, each read once per edit. */
export class Labels {
  private readonly cache = new Map<string, Promise<string>>();
  constructor(private readonly tx: Tx) {}

  private cached(key: string, load: () => Promise<string>): Promise<string> {
    let value = this.cache.get(key);
    if (!value) {
      value = load();
      this.cache.set(key, value);
    }
    return value;
  }

  role(id: string): Promise<string> {
    return this.cached(`role:${id}`, async () => (await this.tx.role.findUnique({ where: { id }, select: { name: true } }))?.name ?? "?");
  }

  person(id: string): Promise<string> {
    return this.cached(`person:${id}`, async () => (await this.tx.person.findUnique({ where: { id }, select: { name: true } }))?.name ?? "?");
  }

  /** "Veileder (Ola Prøvesen) i «Ungdomsteamet»" or "Veileder (ledig) i …". */
  async position(design: Design, position: PositionImage): Promise<string> {
    const holder = position.personId ? await this.person(position.personId) : "ledig";
    return `${await this.role(position.roleId)} (${holder}) i «${design.teams.get(position.teamId)?.name ?? "?"}»`;
  }
}

/** Refuses anything but a draft; the message names the status. */
export function assertDraft(scenario: Scenario): void {
  if (scenario.status !== "DRAFT") {
    throw new ConflictError(`Scenarioet ${scenario.name} ${STATUS_REFUSALS[scenario.status]} og kan ikke endres.`, scenario.version);
  }
}

/**
 * Runs one edit of the scenario `target.id`: the whole of locking, checks, persistence,
 * change log, version and audit. `edit` changes `design` in place and says what it did.
 */
export async function editScenario<R>(
  context: SamlaContext,
  target: { id: string; globalId: string; version: number; timing?: Timing },
  kind: string,
  edit: (edit: EditContext) => Promise<EditOutcome<R>>,
): Promise<{ scenarioId: string } & R> {
  const actor = context.viewer!;
  return withAudit(context, async (tx) => {
    if (!(await lockRow(tx, "Scenario", target.id))) throw new NotFoundError("Scenario", target.globalId);
    const scenario = await tx.scenario.findUniqueOrThrow({
      where: { id: target.id },
      include: { offices: { select: { id: true, name: true }, orderBy: [{ name: "asc" }, { id: "asc" }] }, merger: { select: { targetOfficeId: true } } },
    });
    assertDraft(scenario);
    // The conflict names every edit and review step since the client's version.
    if (scenario.version !== target.version) throw await scenarioVersionConflict(tx, scenario, target.version);

    const before = await loadDesign(tx, scenario.id);
    const design = cloneDesign(before);
    const labels = new Labels(tx);
    const timing = target.timing ?? {};
    checkTiming(scenario, timing);
    const { summary, result } = await edit({ tx, scenario, design, labels, timing, actor });
    await assertSound(design, labels);
    const undo = await saveDesign(tx, scenario.id, before, design);
    const updated = await tx.scenario.update({ where: { id: scenario.id }, data: { version: { increment: 1 } } });
    const fieldsBefore = scenarioFields(scenario);
    if (JSON.stringify(fieldsBefore) !== JSON.stringify(scenarioFields(updated))) undo.scenario = fieldsBefore;
    await tx.scenarioChange.create({
      data: {
        scenarioId: scenario.id,
        version: updated.version,
        kind,
        summary,
        undo: auditJson(undo) as object,
        actorSubject: actor.subject,
        actorName: actor.name,
      },
    });
    return {
      result: { scenarioId: scenario.id, ...result },
      audit: {
        action: kind,
        entityType: "Scenario",
        entityId: scenario.id,
        before: { version: scenario.version },
        after: {
          version: updated.version,
          summary,
          teams: [...undo.createdTeamIds, ...undo.teams.map((team) => team.id)],
          positions: [...undo.createdPositionIds, ...undo.positions.map((position) => position.id)],
        },
      },
    };
  });
}

/** The scenario's own editable fields, as undo restores them. */
export function scenarioFields(scenario: Scenario): ScenarioFieldsImage {
  return { name: scenario.name, description: scenario.description, effectiveDate: formatDate(scenario.effectiveDate) };
}

// ---- Rules every design must keep after every edit ----------------------------------------

/** The ids from `start` upwards along `next`; stops (and reports) on a cycle. */
function chain(start: string, next: (id: string) => string | null): { ids: string[]; cycle: boolean } {
  const ids: string[] = [];
  const seen = new Set<string>();
  let current: string | null = start;
  while (current) {
    if (seen.has(current)) return { ids, cycle: true };
    seen.add(current);
    ids.push(current);
    current = next(current);
  }
  return { ids, cycle: false };
}

export function teamAncestors(design: Design, teamId: string): { ids: string[]; cycle: boolean } {
  return chain(teamId, (id) => design.teams.get(id)?.parentId ?? null);
}

export function managerChain(design: Design, positionId: string): { ids: string[]; cycle: boolean } {
  return chain(positionId, (id) => design.positions.get(id)?.reportsToId ?? null);
}

/**
 * What every edit must leave true: open positions sit in open teams, report to open
 * positions and hold no person twice in one team; open teams hang under open teams; no
 * cycles. Edits check their own inputs with precise messages; this is the net under them.
 */
async function assertSound(design: Design, labels: Labels): Promise<void> {
  const heldInTeam = new Set<string>();
  for (const position of design.positions.values()) {
    if (position.action === "CLOSED") continue;
    const team = design.teams.get(position.teamId);
    if (!team || team.action === "CLOSED") {
      throw new ValidationError(`Stillingen ${await labels.position(design, position)} ville ligget i et nedlagt team.`);
    }
    const manager = position.reportsToId ? design.positions.get(position.reportsToId) : null;
    if (manager && manager.action === "CLOSED") {
      throw new ValidationError(`Stillingen ${await labels.position(design, position)} ville rapportert til en nedlagt stilling.`);
    }
    if (managerChain(design, position.id).cycle) {
      throw new ValidationError(`Lederlinjen til ${await labels.position(design, position)} ville gått i ring.`);
    }
    if (position.personId) {
      const key = `${position.personId}:${position.teamId}`;
      if (heldInTeam.has(key)) {
        throw new ValidationError(
          `${await labels.person(position.personId)} ville hatt to stillinger i teamet «${team.name}». ` +
            "En person kan ha flere stillinger, men bare én i hvert team.",
        );
      }
      heldInTeam.add(key);
    }
  }
  for (const team of design.teams.values()) {
    if (team.action === "CLOSED") continue;
    const parent = team.parentId ? design.teams.get(team.parentId) : null;
    if (parent && parent.action === "CLOSED") throw new ValidationError(`Teamet «${team.name}» ville ligget under et nedlagt team.`);
    if (teamAncestors(design, team.id).cycle) {
      throw new ValidationError(`Teamet «${team.name}» ville ligget under seg selv.`);
    }
  }
}

// ---- Helpers for edits ----------------------------------------------------------------------

/** An edited element that was NEW stays NEW; an as-is element becomes CHANGED. */
export function changedAction(action: ChangeAction): ChangeAction {
  return action === "NEW" ? "NEW" : "CHANGED";
}

export interface Timing {
  /** undefined: leave as is; null: the scenario's effective date. */
  effectiveDate?: Date | null;
  wave?: number | null;
}

/** Marks an element as edited and sets the effective date or wave the edit names. */
export function touch(element: TeamImage | PositionImage, timing: Timing, action: ChangeAction = changedAction(element.action)): void {
  element.action = action;
  if (timing.effectiveDate !== undefined) element.effectiveDate = timing.effectiveDate ? formatDate(timing.effectiveDate) : null;
  if (timing.wave !== undefined) element.wave = timing.wave;
}

/** The effective date must fall after the as-is day it changes. */
export function checkTiming(scenario: Scenario, timing: Timing): void {
  if (timing.effectiveDate && timing.effectiveDate <= scenario.asOfDate) {
    throw ValidationError.field(
      "effectiveDate",
      `Virkningsdatoen må være etter datoen for nåsituasjonen (${formatDateNorwegian(scenario.asOfDate)}).`,
    );
  }
}

/** An open team of this scenario; NotFound when no such team exists, a ValidationError when it is another scenario's or closed. */
export async function requireTeam(
  edit: EditContext,
  id: string,
  globalId: string,
  path: string,
): Promise<TeamImage> {
  const team = edit.design.teams.get(id);
  if (!team) {
    if (await edit.tx.scenarioTeam.findUnique({ where: { id }, select: { id: true } })) {
      throw ValidationError.field(path, "Teamet hører til et annet scenario.");
    }
    throw new NotFoundError("ScenarioTeam", globalId);
  }
  if (team.action === "CLOSED") {
    throw ValidationError.field(path, `Teamet «${team.name}» er lagt ned i scenarioet og kan ikke endres.`);
  }
  return team;
}

export async function requirePosition(
  edit: EditContext,
  id: string,
  globalId: string,
  path: string,
): Promise<PositionImage> {
  const position = edit.design.positions.get(id);
  if (!position) {
    if (await edit.tx.scenarioPosition.findUnique({ where: { id }, select: { id: true } })) {
      throw ValidationError.field(path, "Stillingen hører til et annet scenario.");
    }
    throw new NotFoundError("ScenarioPosition", globalId);
  }
  if (position.action === "CLOSED") {
    throw ValidationError.field(path, `Stillingen ${await edit.labels.position(edit.design, position)} er lagt ned og kan ikke endres.`);
  }
  return position;
}

export async function requireRole(tx: Tx, id: string, globalId: string): Promise<void> {
  if (!(await tx.role.findUnique({ where: { id }, select: { id: true } }))) throw new NotFoundError("Role", globalId);
}

export async function requirePerson(tx: Tx, id: string, globalId: string): Promise<void> {
  if (!(await tx.person.findUnique({ where: { id }, select: { id: true } }))) throw new NotFoundError("Person", globalId);
}

/** The services' names, in the order given; NotFound for the first id that does not exist. */
export async function requireServices(tx: Tx, ids: string[], globalIds: string[]): Promise<string[]> {
  const services = await tx.service.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  const names = new Map(services.map((service) => [service.id, service.name]));
  const missing = ids.findIndex((id) => !names.has(id));
  if (missing >= 0) throw new NotFoundError("Service", globalIds[missing]!);
  return ids.map((id) => names.get(id)!);
}

/** Open team names are unique in a scenario (ignoring case), as the submitted design requires. */
export function checkTeamName(design: Design, name: string, exceptTeamId: string | null, path: string): void {
  const clash = [...design.teams.values()].find(
    (team) => team.action !== "CLOSED" && team.id !== exceptTeamId && team.name.toLowerCase() === name.toLowerCase(),
  );
  if (clash) throw ValidationError.field(path, `Scenarioet har allerede et team som heter «${clash.name}».`);
}

/** Positions reporting to closed positions now report to the nearest open manager above them. */
export function rollUpReports(design: Design, closedIds: Set<string>, timing: Timing): void {
  for (const position of design.positions.values()) {
    if (position.action === "CLOSED" || !position.reportsToId || !closedIds.has(position.reportsToId)) continue;
    let manager: string | null = position.reportsToId;
    const seen = new Set<string>();
    while (manager && design.positions.get(manager)?.action === "CLOSED" && !seen.has(manager)) {
      seen.add(manager);
      manager = design.positions.get(manager)?.reportsToId ?? null;
    }
    position.reportsToId = manager && manager !== position.id ? manager : null;
    touch(position, timing);
  }
}

/** The next creation order number for a new team. */
export function nextTeamPosition(design: Design): number {
  return Math.max(-1, ...[...design.teams.values()].map((team) => team.position)) + 1;
}

export function teamLabel(team: TeamImage): string {
  return `«${team.name}»`;
}

// ---- Inputs and payloads ----------------------------------------------------------------------

/** Every edit input: which scenario at which version, and optionally when its changes take effect. */
export const zEditBase = {
  scenarioId: zGlobalId("Scenario"),
  version: z.number().int(),
  effectiveDate: z.date().nullish(),
  wave: z.number().int().min(1, "Bølgen må være 1 eller høyere.").max(99, "Bølgen kan ikke være høyere enn 99.").nullish(),
};


export interface ScenarioEditResult {
  scenarioId: string;
}
export interface TeamEditResult extends ScenarioEditResult {
  teamId: string;
}
export interface PositionEditResult extends ScenarioEditResult {
  positionId: string;
}

function capitalised(mutation: string): string {
  return mutation.charAt(0).toUpperCase() + mutation.slice(1);
}


/** The builder's type parameters, for helpers that take Pothos field builders and refs. */
type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
type InputFields = PothosSchemaTypes.InputFieldBuilder<Types, "InputObject">;

/** The first fields of every edit input. */
export function scenarioVersionFields(t: InputFields) {
  return {
    scenarioId: t.id({ required: true }),
    version: t.int({ required: true, description: "The scenario's version the edit was made against." }),
  };
}

/** When the elements an edit touches change. */
export function timingFields(t: InputFields) {
  return {
    effectiveDate: t.field({ type: "Date", required: false, description: "null: the scenario's effective date." }),
    wave: t.int({ required: false, description: "Rollout wave, 1-99." }),
  };
}

/*
 * The payloads `{ scenario }`, `{ scenario, team }` and `{ scenario, position }`. A payload
 * holds ids; its fields read the rows after the transaction has committed, with the
 * selection Pothos builds from the request.
 */

function withScenarioField<P extends ScenarioEditResult>(ref: ObjectRef<Types, P>): ObjectRef<Types, P> {
  builder.objectField(ref, "scenario", (t) =>
    t.prismaField({
      type: ScenarioRef,
      resolve: (query, payload, _args, context) => context.db.scenario.findUniqueOrThrow({ ...query, where: { id: payload.scenarioId } }),
    }),
  );
  return ref;
}

export function scenarioPayload(mutation: string) {
  return withScenarioField(builder.objectRef<ScenarioEditResult>(`${capitalised(mutation)}Payload`).implement({ fields: () => ({}) }));
}

export function teamPayload(mutation: string) {
  return withScenarioField(
    builder.objectRef<TeamEditResult>(`${capitalised(mutation)}Payload`).implement({
      fields: (t) => ({
        team: t.prismaField({
          type: ScenarioTeamRef,
          resolve: (query, payload, _args, context) => context.db.scenarioTeam.findUniqueOrThrow({ ...query, where: { id: payload.teamId } }),
        }),
      }),
    }),
  );
}

export function positionPayload(mutation: string) {
  return withScenarioField(
    builder.objectRef<PositionEditResult>(`${capitalised(mutation)}Payload`).implement({
      fields: (t) => ({
        position: t.prismaField({
          type: ScenarioPositionRef,
          resolve: (query, payload, _args, context) =>
            context.db.scenarioPosition.findUniqueOrThrow({ ...query, where: { id: payload.positionId } }),
        }),
      }),
    }),
  );
}

interface EditDefinition<Raw, S extends z.ZodType<{ scenarioId: string; version: number }>, R> {
  description: string;
  input: InputObjectRef<Types, Raw>;
  schema: S;
  /** Changes `edit.design` (and checks the input against it); says what it did. */
  edit: (edit: EditContext, input: z.output<S>, raw: Raw) => Promise<EditOutcome<R>>;
}

/**
 * Registers an edit mutation: planner or admin, `input` validated with `schema`, run
 * through editScenario, answering `payload` or a ValidationError, NotFoundError or ConflictError.
 */
export function defineEdit<
  P extends ScenarioEditResult,
  Raw extends { scenarioId: string } | { id: string },
  S extends z.ZodType<{ scenarioId: string; version: number }>,
>(
  mutation: (typeof UNDOABLE_KINDS)[number] | typeof UNDO_KIND,
  payload: ObjectRef<Types, P>,
  definition: EditDefinition<Raw, S, Omit<P, "scenarioId">>,
): void {
  // The refs' own type parameters are erased here (Pothos cannot resolve a field's types
  // through generics); `schema` checks the input, and `raw` gets its type back below.
  const inputRef = definition.input as unknown as InputObjectRef<Types, Record<string, unknown>>;
  const payloadRef = payload as unknown as ObjectRef<Types, ScenarioEditResult>;
  builder.mutationField(mutation, (t) =>
    t.field({
      type: payloadRef,
      description: `Planner or admin. ${definition.description}`,
      authScopes: SCENARIO_EDITORS,
      args: { input: t.arg({ type: inputRef, required: true }) },
      errors: {
        types: [ValidationError, NotFoundError, ConflictError],
        union: { name: `${capitalised(mutation)}Result` },
        directResult: true,
      },
      resolve: async (_parent, args, context) => {
        const raw = args.input as unknown as Raw;
        const input = parseInput(definition.schema, raw);
        const globalId = "scenarioId" in raw ? raw.scenarioId : raw.id;
        const { effectiveDate, wave } = input as { effectiveDate?: Date | null; wave?: number | null };
        const target = { id: input.scenarioId, globalId, version: input.version, timing: { effectiveDate, wave } };
        return editScenario(context, target, mutation, (edit) => definition.edit(edit, input, raw));
      },
    }),
  );
}
