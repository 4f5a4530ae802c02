// Completing a merger puts its approved scenario into effect, in the same transaction as
// the office status changes: the target office gets the design's open teams, the people in
// the source offices leave their old assignments the day before, and every open, filled
// position becomes an assignment from the effective date. Nothing is deleted: the source
// offices' teams and the ended assignments stay as history.
import type { Assignment, Scenario } from "@samla/schema";
import { lockRow, type AuditEntry, type Tx } from "../lib/audit";
import { addDays, formatDate, formatDateNorwegian } from "../lib/dates";
import { ConflictError, ValidationError } from "../lib/errors";
import { teamSnapshot } from "../org/team-mutations";
import { assignmentSnapshot } from "../people/assignment-mutations";
import { scenarioReviewSnapshot } from "../scenarios/review-rules";

const ACTION = "updateMerger";

export interface MergerToComplete {
  id: string;
  name: string;
  effectiveDate: Date;
  targetOffice: { id: string };
  sourceOffices: { id: string }[];
}

/**
 * The merger's approved scenario, locked; ValidationError when there is none. The caller
 * holds the merger's lock, which approving and archiving take too, so it stays approved.
 */
export async function lockApprovedScenario(tx: Tx, mergerId: string): Promise<Scenario> {
  const approved = await tx.scenario.findFirst({ where: { mergerId, status: "APPROVED" }, select: { id: true } });
  if (!approved) {
    throw ValidationError.field(
      "status",
      "Sammenslåingen kan ikke fullføres før et scenario for den er godkjent: det godkjente scenarioet " +
        "blir målkontorets organisering.",
    );
  }
  await lockRow(tx, "Scenario", approved.id);
  const scenario = await tx.scenario.findUniqueOrThrow({ where: { id: approved.id } });
  if (scenario.appliedAt) throw new ConflictError(`Scenarioet «${scenario.name}» er allerede tatt i bruk.`, scenario.version);
  return scenario;
}

interface DesignTeam {
  id: string;
  name: string;
  purpose: string | null;
  parentId: string | null;
  action: string;
  services: { id: string }[];
}

/** The nearest open ancestor: children of a closed team hang under its nearest open ancestor. */
function openParentOf(team: DesignTeam, byId: Map<string, DesignTeam>): DesignTeam | null {
  const seen = new Set<string>([team.id]);
  let parent = team.parentId ? byId.get(team.parentId) : undefined;
  while (parent && parent.action === "CLOSED" && !seen.has(parent.id)) {
    seen.add(parent.id);
    parent = parent.parentId ? byId.get(parent.parentId) : undefined;
  }
  return parent && parent.action !== "CLOSED" ? parent : null;
}

/** Open teams with their open parent and depth, parents before children, in the design's order otherwise. */
function openTeamsTopDown(teams: DesignTeam[]): { team: DesignTeam; parent: DesignTeam | null; depth: number }[] {
  const byId = new Map(teams.map((t) => [t.id, t]));
  const parentOf = new Map(teams.filter((t) => t.action !== "CLOSED").map((t) => [t.id, openParentOf(t, byId)]));
  const depthOf = (team: DesignTeam): number => {
    let depth = 0;
    for (let parent = parentOf.get(team.id); parent && depth < teams.length; parent = parentOf.get(parent.id)) depth++;
    return depth;
  };
  return teams
    .filter((t) => parentOf.has(t.id))
    .map((team, index) => ({ team, parent: parentOf.get(team.id) ?? null, index, depth: depthOf(team) }))
    .sort((a, b) => a.depth - b.depth || a.index - b.index)
    .map(({ team, parent, depth }) => ({ team, parent, depth }));
}

/** The design's open teams as teams of the target office; returns scenario team id → team id. */
async function createTargetTeams(
  tx: Tx,
  scenarioId: string,
  targetOfficeId: string,
  audit: AuditEntry[],
): Promise<Map<string, string>> {
  const teams = await tx.scenarioTeam.findMany({
    where: { scenarioId },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: { id: true, name: true, purpose: true, parentId: true, action: true, services: { select: { id: true } } },
  });
  // A planned office may already have teams (createTeam allows it): a design team of the same
  // name takes that team over rather than clash with the office's unique team names.
  const existing = new Map(
    (await tx.team.findMany({ where: { officeId: targetOfficeId }, include: { services: { select: { code: true } } } })).map(
      (team) => [team.name, team],
    ),
  );
  const serviceCodes = new Map(
    (await tx.service.findMany({ where: { id: { in: teams.flatMap((t) => t.services.map((x) => x.id)) } }, select: { id: true, code: true } })).map(
      (service) => [service.id, service.code],
    ),
  );
  const codesOf = (team: DesignTeam) => team.services.map(({ id }) => ({ code: serviceCodes.get(id)! }));
  const teamIds = new Map<string, string>();
  const ordered = openTeamsTopDown(teams);
  // Level by level, so each parent exists before its children; one insert per level.
  for (let depth = 0; ordered.some((entry) => entry.depth === depth); depth++) {
    const level = ordered.filter((entry) => entry.depth === depth);
    const fresh = level.filter(({ team }) => !existing.has(team.name));
    const created = await tx.team.createManyAndReturn({
      data: fresh.map(({ team, parent }) => ({
        officeId: targetOfficeId,
        name: team.name,
        purpose: team.purpose,
        parentId: parent ? teamIds.get(parent.id)! : null,
      })),
    });
    const createdByName = new Map(created.map((row) => [row.name, row]));
    for (const { team } of fresh) {
      const row = createdByName.get(team.name)!;
      teamIds.set(team.id, row.id);
      audit.push({ action: ACTION, entityType: "Team", entityId: row.id, after: teamSnapshot({ ...row, services: codesOf(team) }) });
    }
    const links = fresh.flatMap(({ team }) => team.services.map(({ id }) => [id, teamIds.get(team.id)!] as const));
    if (links.length) {
      // The implicit m2m table: A is Service, B is Team (Prisma orders them by model name).
      await tx.$executeRawUnsafe(
        `INSERT INTO "_TeamServices" ("A", "B") SELECT * FROM unnest($1::text[], $2::text[])`,
        links.map(([service]) => service),
        links.map(([, team]) => team),
      );
    }
    for (const { team, parent } of level.filter(({ team }) => existing.has(team.name))) {
      const before = existing.get(team.name)!;
      const saved = await tx.team.update({
        where: { id: before.id },
        data: {
          parentId: parent ? teamIds.get(parent.id)! : null,
          purpose: team.purpose,
          services: { set: team.services.map(({ id }) => ({ id })) },
          version: { increment: 1 },
        },
        include: { services: { select: { code: true } } },
      });
      teamIds.set(team.id, saved.id);
      audit.push({ action: ACTION, entityType: "Team", entityId: saved.id, before: teamSnapshot(before), after: teamSnapshot(saved) });
    }
  }
  return teamIds;
}

/** Locks people in id order, so a concurrent assignRole for one of them waits for this. */
async function lockPeople(tx: Tx, personIds: string[]): Promise<void> {
  const ids = [...new Set(personIds)].sort();
  if (ids.length) await tx.$queryRaw`SELECT "id" FROM "Person" WHERE "id" = ANY(${ids}::text[]) ORDER BY "id" FOR UPDATE`;
}

/**
 * Ends the source offices' assignments that still run on the day before the merger, on that
 * day. One that starts on or after the effective date cannot run in a merged office, and an
 * assignment cannot end before it starts (database check): it ends on its own start date,
 * the shortest record the history can keep, and its end is audited like the others.
 */
async function endSourceAssignments(tx: Tx, merger: MergerToComplete, audit: AuditEntry[]): Promise<void> {
  const lastDay = addDays(merger.effectiveDate, -1);
  const running = await tx.assignment.findMany({
    where: {
      team: { officeId: { in: merger.sourceOffices.map((o) => o.id) } },
      OR: [{ endDate: null }, { endDate: { gt: lastDay } }],
    },
    orderBy: [{ personId: "asc" }, { startDate: "asc" }, { id: "asc" }],
  });
  // Running on the last day: ends then. Starting later: ends on its start date (see above).
  const endOf = (a: Assignment) => (a.startDate <= lastDay ? lastDay : a.startDate);
  const toEnd = running.filter((a) => a.endDate?.getTime() !== endOf(a).getTime());
  const endingOnLastDay = toEnd.filter((a) => a.startDate <= lastDay).map((a) => a.id);
  if (endingOnLastDay.length) {
    await tx.assignment.updateMany({ where: { id: { in: endingOnLastDay } }, data: { endDate: lastDay, version: { increment: 1 } } });
  }
  for (const a of toEnd) {
    const endDate = endOf(a);
    if (a.startDate > lastDay) await tx.assignment.update({ where: { id: a.id }, data: { endDate, version: { increment: 1 } } });
    audit.push({
      action: ACTION,
      entityType: "Assignment",
      entityId: a.id,
      before: assignmentSnapshot(a),
      after: assignmentSnapshot({ ...a, endDate, version: a.version + 1 }),
    });
  }
}

interface DesignPosition {
  id: string;
  teamId: string;
  roleId: string;
  fte: { toFixed(digits: number): string };
  personId: string | null;
  reportsToId: string | null;
  action: string;
  team: { action: string };
}

const isOpen = (p: DesignPosition) => p.action !== "CLOSED" && p.team.action !== "CLOSED";

/** The person of the nearest open, filled position up the reporting chain (vacancies are skipped). */
function managerOf(position: DesignPosition, byId: Map<string, DesignPosition>): string | null {
  const seen = new Set<string>([position.id]);
  let manager = position.reportsToId ? byId.get(position.reportsToId) : undefined;
  while (manager && !seen.has(manager.id)) {
    if (isOpen(manager) && manager.personId && manager.personId !== position.personId) return manager.personId;
    seen.add(manager.id);
    manager = manager.reportsToId ? byId.get(manager.reportsToId) : undefined;
  }
  return null;
}

const decimal = (value: string) => value.replace(".", ",");

/**
 * assignRole's rules for the assignments just started, checked for all of them at once (one
 * query each rather than several per person): no one holds the same role in the same team
 * twice in overlapping periods, and no one's FTE exceeds 1.0 on any day from `start`.
 */
async function checkStartedAssignments(tx: Tx, ids: string[], start: Date): Promise<void> {
  const refuse = async (personId: string, reason: string) => {
    const person = await tx.person.findUniqueOrThrow({ where: { id: personId }, select: { name: true } });
    throw ValidationError.field(
      "status",
      `Sammenslåingen kan ikke fullføres: ${person.name} kan ikke få stillingen fra ${formatDateNorwegian(start)}. ${reason}`,
    );
  };
  const overlap = await tx.$queryRaw<{ personId: string; role: string; team: string }[]>`
    SELECT n."personId", r."name" AS role, t."name" AS team
    FROM "Assignment" n
    JOIN "Assignment" o ON o."personId" = n."personId" AND o."roleId" = n."roleId" AND o."teamId" = n."teamId"
      AND o."id" <> n."id"
      AND (o."endDate" IS NULL OR o."endDate" >= n."startDate")
      AND (n."endDate" IS NULL OR o."startDate" <= n."endDate")
    JOIN "Role" r ON r."id" = n."roleId"
    JOIN "Team" t ON t."id" = n."teamId"
    WHERE n."id" = ANY(${ids}::text[])
    ORDER BY n."personId"
    LIMIT 1`;
  if (overlap[0]) {
    await refuse(overlap[0].personId, `Personen ville hatt rollen ${overlap[0].role} i ${overlap[0].team} to ganger samtidig.`);
  }
  // The total can only rise on the first day or on a day another assignment starts.
  const startDay = formatDate(start);
  const over = await tx.$queryRaw<{ personId: string; day: string; total: string }[]>`
    WITH people AS (
      SELECT DISTINCT "personId" FROM "Assignment" WHERE "id" = ANY(${ids}::text[])
    ), running AS (
      SELECT a."personId", a."fte", a."startDate" AS s, a."endDate" AS e
      FROM "Assignment" a JOIN people p ON p."personId" = a."personId"
      WHERE a."endDate" IS NULL OR a."endDate" >= ${startDay}::date
    ), days AS (
      SELECT "personId", ${startDay}::date AS day FROM people
      UNION
      SELECT "personId", s FROM running WHERE s > ${startDay}::date
    )
    SELECT d."personId", to_char(d.day, 'YYYY-MM-DD') AS day, SUM(x."fte")::text AS total
    FROM days d
    JOIN running x ON x."personId" = d."personId" AND x.s <= d.day AND (x.e IS NULL OR x.e >= d.day)
    GROUP BY d."personId", d.day
    HAVING SUM(x."fte") > 1.00
    ORDER BY d.day, d."personId"
    LIMIT 1`;
  if (over[0]) {
    const day = formatDateNorwegian(new Date(`${over[0].day}T00:00:00Z`));
    await refuse(over[0].personId, `Personen ville hatt ${decimal(over[0].total)} årsverk ${day}, mer enn 1,0.`);
  }
}

/** Every open, filled position of the design becomes an assignment from the effective date. */
async function startDesignAssignments(
  tx: Tx,
  positions: DesignPosition[],
  teamIds: Map<string, string>,
  effectiveDate: Date,
  audit: AuditEntry[],
): Promise<void> {
  const byId = new Map(positions.map((p) => [p.id, p]));
  const rows = positions
    .filter((position) => isOpen(position) && position.personId)
    .map((position) => ({
      personId: position.personId!,
      roleId: position.roleId,
      teamId: teamIds.get(position.teamId)!,
      fte: position.fte.toFixed(2),
      startDate: effectiveDate,
      endDate: null,
      reportsToId: managerOf(position, byId),
    }));
  if (!rows.length) return;
  const started = await tx.assignment.createManyAndReturn({ data: rows });
  await checkStartedAssignments(tx, started.map((a) => a.id), effectiveDate);
  for (const assignment of started) {
    audit.push({ action: ACTION, entityType: "Assignment", entityId: assignment.id, after: assignmentSnapshot(assignment) });
  }
}

/**
 * Puts the approved `scenario` into effect for the completed `merger` (the target office is
 * ACTIVE by now). Returns the audit entries for everything it created or changed.
 */
export async function applyScenario(tx: Tx, scenario: Scenario, merger: MergerToComplete): Promise<AuditEntry[]> {
  const audit: AuditEntry[] = [];
  const positions = await tx.scenarioPosition.findMany({
    where: { scenarioId: scenario.id },
    orderBy: [{ team: { position: "asc" } }, { teamId: "asc" }, { id: "asc" }],
    select: {
      id: true,
      teamId: true,
      roleId: true,
      fte: true,
      personId: true,
      reportsToId: true,
      action: true,
      team: { select: { action: true } },
    },
  });
  const sourcePeople = await tx.assignment.findMany({
    where: { team: { officeId: { in: merger.sourceOffices.map((o) => o.id) } } },
    select: { personId: true },
    distinct: ["personId"],
  });
  await lockPeople(tx, [
    ...sourcePeople.map((a) => a.personId),
    ...positions.flatMap((p) => (p.personId ? [p.personId] : [])),
  ]);

  const teamIds = await createTargetTeams(tx, scenario.id, merger.targetOffice.id, audit);
  await endSourceAssignments(tx, merger, audit);
  await startDesignAssignments(tx, positions, teamIds, merger.effectiveDate, audit);

  const applied = await tx.scenario.update({
    where: { id: scenario.id },
    data: { appliedAt: new Date(), version: { increment: 1 } },
  });
  audit.push({
    action: ACTION,
    entityType: "Scenario",
    entityId: scenario.id,
    before: scenarioReviewSnapshot(scenario),
    after: scenarioReviewSnapshot(applied),
  });
  return audit;
}
