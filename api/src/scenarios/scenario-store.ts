// A scenario's design (to-be teams and positions) as plain rows in memory, and how it is
// read from and written back to the database. Edits change a copy of the design; the store
// writes only the difference, and the rows as they were before become the change's undo.
import { randomBytes } from "node:crypto";
import type { ChangeAction, ScenarioTeam } from "@samla/schema";
import type { Tx } from "../lib/audit";
import { formatDate, parseDate } from "../lib/dates";

/** A to-be team as stored; dates as yyyy-mm-dd so that the image is also its JSON. */
export interface TeamImage {
  id: string;
  sourceTeamId: string | null;
  officeId: string;
  parentId: string | null;
  name: string;
  purpose: string | null;
  action: ChangeAction;
  effectiveDate: string | null;
  wave: number | null;
  position: number;
  /** Sorted. */
  serviceIds: string[];
}

export interface PositionImage {
  id: string;
  teamId: string;
  roleId: string;
  /** Exact decimal text, e.g. "0.60". */
  fte: string;
  personId: string | null;
  sourceAssignmentId: string | null;
  reportsToId: string | null;
  action: ChangeAction;
  effectiveDate: string | null;
  wave: number | null;
}

export interface Design {
  teams: Map<string, TeamImage>;
  positions: Map<string, PositionImage>;
}

/** What ScenarioChange.undo holds: the rows an edit changed, as they were, and the rows it made. */
export interface UndoImage {
  teams: TeamImage[];
  positions: PositionImage[];
  createdTeamIds: string[];
  createdPositionIds: string[];
  /** The scenario's own fields, when the edit changed them (updateScenario). */
  scenario?: ScenarioFieldsImage;
}

export interface ScenarioFieldsImage {
  name: string;
  description: string | null;
  effectiveDate: string;
}

let counter = 0;

/**
 * A new row id in cuid's shape ('c', time, counter, randomness), made here rather than by
 * the database so that a whole design, with its parent and manager links, goes in with a
 * few bulk inserts. Ids sort by creation, so "by id" lists keep the order rows were made.
 */
export function newId(): string {
  counter = (counter + 1) % 36 ** 4;
  const time = Date.now().toString(36).padStart(9, "0");
  const count = counter.toString(36).padStart(4, "0");
  const random = BigInt(`0x${randomBytes(8).toString("hex")}`).toString(36).padStart(13, "0").slice(0, 12);
  return `c${time}${count}${random}`;
}

export function cloneDesign(design: Design): Design {
  return {
    teams: new Map([...design.teams].map(([id, team]) => [id, { ...team, serviceIds: [...team.serviceIds] }])),
    positions: new Map([...design.positions].map(([id, position]) => [id, { ...position }])),
  };
}

/** Every team and position of the scenario, closed ones included. Two queries. */
export async function loadDesign(tx: Pick<Tx, "scenarioTeam" | "scenarioPosition">, scenarioId: string): Promise<Design> {
  const [teams, positions] = await Promise.all([
    tx.scenarioTeam.findMany({
      where: { scenarioId },
      include: { services: { select: { id: true } } },
      orderBy: [{ position: "asc" }, { id: "asc" }],
    }),
    tx.scenarioPosition.findMany({ where: { scenarioId }, orderBy: { id: "asc" } }),
  ]);
  return {
    teams: new Map(
      teams.map((team) => [
        team.id,
        {
          id: team.id,
          sourceTeamId: team.sourceTeamId,
          officeId: team.officeId,
          parentId: team.parentId,
          name: team.name,
          purpose: team.purpose,
          action: team.action,
          effectiveDate: team.effectiveDate ? formatDate(team.effectiveDate) : null,
          wave: team.wave,
          position: team.position,
          serviceIds: team.services.map((service) => service.id).sort(),
        },
      ]),
    ),
    positions: new Map(
      positions.map((position) => [
        position.id,
        {
          id: position.id,
          teamId: position.teamId,
          roleId: position.roleId,
          fte: position.fte.toFixed(2),
          personId: position.personId,
          sourceAssignmentId: position.sourceAssignmentId,
          reportsToId: position.reportsToId,
          action: position.action,
          effectiveDate: position.effectiveDate ? formatDate(position.effectiveDate) : null,
          wave: position.wave,
        },
      ]),
    ),
  };
}

const dateOrNull = (value: string | null) => (value ? parseDate(value) : null);

/** A team image as its database row (what the ScenarioTeam type resolves from). */
export function teamRow(scenarioId: string, team: TeamImage): ScenarioTeam {
  const { serviceIds: _services, effectiveDate, ...rest } = team;
  return { ...rest, scenarioId, effectiveDate: dateOrNull(effectiveDate) };
}

const text = (value: string | number | null) => (value === null ? null : String(value));

/**
 * Inserts teams (with their services) and positions, one statement per table whatever the
 * number of rows: unnest over column arrays, since Prisma's createMany takes seconds for a
 * few thousand rows. Links between the new rows are fine within one statement.
 */
export async function insertDesignRows(
  tx: Tx,
  scenarioId: string,
  teams: TeamImage[],
  positions: PositionImage[],
): Promise<void> {
  if (teams.length) {
    const column = (pick: (team: TeamImage) => string | number | null) => teams.map((team) => text(pick(team)));
    await tx.$executeRaw`
      INSERT INTO "ScenarioTeam" ("id", "scenarioId", "sourceTeamId", "officeId", "parentId", "name", "purpose",
                                  "action", "effectiveDate", "wave", "position")
      SELECT u."id", ${scenarioId}, u."sourceTeamId", u."officeId", u."parentId", u."name", u."purpose",
             u."action"::"ChangeAction", u."effectiveDate"::date, u."wave"::int, u."position"::int
      FROM unnest(${column((t) => t.id)}::text[], ${column((t) => t.sourceTeamId)}::text[], ${column((t) => t.officeId)}::text[],
                  ${column((t) => t.parentId)}::text[], ${column((t) => t.name)}::text[], ${column((t) => t.purpose)}::text[],
                  ${column((t) => t.action)}::text[], ${column((t) => t.effectiveDate)}::text[], ${column((t) => t.wave)}::text[],
                  ${column((t) => t.position)}::text[])
        AS u("id", "sourceTeamId", "officeId", "parentId", "name", "purpose", "action", "effectiveDate", "wave", "position")`;
    const links = teams.flatMap((team) => team.serviceIds.map((serviceId) => [team.id, serviceId] as const));
    if (links.length) {
      // The implicit m2m table: A is ScenarioTeam, B is Service (Prisma orders them by model name).
      await tx.$executeRaw`
        INSERT INTO "_ScenarioTeamServices" ("A", "B")
        SELECT * FROM unnest(${links.map(([team]) => team)}::text[], ${links.map(([, service]) => service)}::text[])`;
    }
  }
  if (positions.length) {
    const column = (pick: (position: PositionImage) => string | number | null) => positions.map((p) => text(pick(p)));
    await tx.$executeRaw`
      INSERT INTO "ScenarioPosition" ("id", "scenarioId", "teamId", "roleId", "fte", "personId", "sourceAssignmentId",
                                      "reportsToId", "action", "effectiveDate", "wave")
      SELECT u."id", ${scenarioId}, u."teamId", u."roleId", u."fte"::numeric, u."personId", u."sourceAssignmentId",
             u."reportsToId", u."action"::"ChangeAction", u."effectiveDate"::date, u."wave"::int
      FROM unnest(${column((p) => p.id)}::text[], ${column((p) => p.teamId)}::text[], ${column((p) => p.roleId)}::text[],
                  ${column((p) => p.fte)}::text[], ${column((p) => p.personId)}::text[], ${column((p) => p.sourceAssignmentId)}::text[],
                  ${column((p) => p.reportsToId)}::text[], ${column((p) => p.action)}::text[], ${column((p) => p.effectiveDate)}::text[],
                  ${column((p) => p.wave)}::text[])
        AS u("id", "teamId", "roleId", "fte", "personId", "sourceAssignmentId", "reportsToId", "action", "effectiveDate", "wave")`;
  }
}

const TEAM_FIELDS = ["sourceTeamId", "officeId", "parentId", "name", "purpose", "action", "effectiveDate", "wave", "position"] as const;
const POSITION_FIELDS = [
  "teamId",
  "roleId",
  "fte",
  "personId",
  "sourceAssignmentId",
  "reportsToId",
  "action",
  "effectiveDate",
  "wave",
] as const;

function changedFields<T, K extends keyof T>(before: T, after: T, fields: readonly K[]): Partial<Pick<T, K>> {
  const changed: Partial<Pick<T, K>> = {};
  for (const field of fields) if (before[field] !== after[field]) changed[field] = after[field];
  return changed;
}

const sameIds = (a: string[], b: string[]) => a.length === b.length && a.every((id, index) => id === b[index]);

/** Runs one updateMany per distinct set of changes, so moving 100 positions is one statement. */
async function updateGrouped(
  changes: { id: string; data: Record<string, unknown> }[],
  update: (ids: string[], data: Record<string, unknown>) => Promise<unknown>,
): Promise<void> {
  const groups = new Map<string, { ids: string[]; data: Record<string, unknown> }>();
  for (const change of changes) {
    const key = JSON.stringify(change.data);
    const group = groups.get(key) ?? { ids: [], data: change.data };
    group.ids.push(change.id);
    groups.set(key, group);
  }
  for (const group of groups.values()) await update(group.ids, group.data);
}

function withDate(data: Record<string, unknown>): Record<string, unknown> {
  return "effectiveDate" in data ? { ...data, effectiveDate: dateOrNull(data.effectiveDate as string | null) } : data;
}

/**
 * Writes `after` over `before` (both the whole design of one scenario): inserts new rows,
 * updates changed ones, deletes rows `after` no longer has (only undo removes rows).
 * Returns the undo image: the changed and deleted rows as they were, and the new rows' ids.
 */
export async function saveDesign(tx: Tx, scenarioId: string, before: Design, after: Design): Promise<UndoImage> {
  const undo: UndoImage = { teams: [], positions: [], createdTeamIds: [], createdPositionIds: [] };
  const newTeams = [...after.teams.values()].filter((team) => !before.teams.has(team.id));
  const newPositions = [...after.positions.values()].filter((position) => !before.positions.has(position.id));
  await insertDesignRows(tx, scenarioId, newTeams, newPositions);
  undo.createdTeamIds = newTeams.map((team) => team.id);
  undo.createdPositionIds = newPositions.map((position) => position.id);

  const teamChanges: { id: string; data: Record<string, unknown> }[] = [];
  for (const [id, old] of before.teams) {
    const now = after.teams.get(id);
    if (!now) continue;
    const data = changedFields(old, now, TEAM_FIELDS);
    const servicesChanged = !sameIds(old.serviceIds, now.serviceIds);
    if (Object.keys(data).length || servicesChanged) undo.teams.push(old);
    if (Object.keys(data).length) teamChanges.push({ id, data: withDate(data) });
    if (servicesChanged) {
      await tx.scenarioTeam.update({
        where: { id },
        data: { services: { set: now.serviceIds.map((serviceId) => ({ id: serviceId })) } },
      });
    }
  }
  const positionChanges: { id: string; data: Record<string, unknown> }[] = [];
  for (const [id, old] of before.positions) {
    const now = after.positions.get(id);
    if (!now) continue;
    const data = changedFields(old, now, POSITION_FIELDS);
    if (Object.keys(data).length) {
      undo.positions.push(old);
      positionChanges.push({ id, data: withDate(data) });
    }
  }
  await updateGrouped(teamChanges, (ids, data) => tx.scenarioTeam.updateMany({ where: { id: { in: ids } }, data }));
  await updateGrouped(positionChanges, (ids, data) =>
    tx.scenarioPosition.updateMany({ where: { id: { in: ids } }, data }),
  );

  const removedPositions = [...before.positions.values()].filter((position) => !after.positions.has(position.id));
  const removedTeams = [...before.teams.values()].filter((team) => !after.teams.has(team.id));
  if (removedPositions.length) {
    undo.positions.push(...removedPositions);
    await tx.scenarioPosition.deleteMany({ where: { id: { in: removedPositions.map((position) => position.id) } } });
  }
  if (removedTeams.length) {
    undo.teams.push(...removedTeams);
    await tx.scenarioTeam.deleteMany({ where: { id: { in: removedTeams.map((team) => team.id) } } });
  }
  return undo;
}

/** The design as it was before the change whose undo image this is (applied to the design after it). */
export function applyUndo(design: Design, undo: UndoImage): Design {
  const restored = cloneDesign(design);
  for (const id of undo.createdPositionIds) restored.positions.delete(id);
  for (const id of undo.createdTeamIds) restored.teams.delete(id);
  for (const team of undo.teams) restored.teams.set(team.id, { ...team, serviceIds: [...team.serviceIds] });
  for (const position of undo.positions) restored.positions.set(position.id, { ...position });
  return restored;
}
