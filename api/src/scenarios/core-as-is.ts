// The as-is of a scenario: what its offices look like on one day, read from the org model.
// createScenario copies it into to-be teams and positions; impact analysis compares the
// to-be with it. One loader for both, so "before" means the same thing everywhere.
import type { Employer, RoleCategory } from "@samla/schema";
import type { Tx } from "../lib/audit";
import { formatDate } from "../lib/dates";
import { norwegianOrder } from "../lib/collation";

/** A Prisma client or a transaction: reading the as-is works in either. */
export type DbReader = Pick<Tx, "office" | "team" | "$queryRaw">;

type RawAssignment = Omit<AsIsAssignment, "reportsToPersonId"> & { reportsToId: string | null };

export interface AsIsOffice {
  id: string;
  code: string;
  name: string;
  /** "Nav Skedsmo" → "Skedsmo": what copied team names get appended when they clash. */
  shortName: string;
}

export interface AsIsTeam {
  id: string;
  officeId: string;
  parentId: string | null;
  name: string;
  purpose: string | null;
  serviceIds: string[];
}

export interface AsIsAssignment {
  id: string;
  personId: string;
  personName: string;
  employer: Employer;
  roleId: string;
  roleName: string;
  roleCategory: RoleCategory;
  teamId: string;
  /** Exact decimal text, e.g. "0.60". */
  fte: string;
  /** The manager as a person (Assignment.reportsTo), who may work outside these offices. */
  reportsToPersonId: string | null;
}

export interface AsIs {
  asOfDate: Date;
  /** By name. */
  offices: AsIsOffice[];
  /** Every team of the offices (teams have no end date), parents before children, by name. */
  teams: AsIsTeam[];
  /** Assignments in those teams running on asOfDate, by team order then person name. */
  assignments: AsIsAssignment[];
}

export function officeShortName(name: string): string {
  return name.replace(/^Nav\s+/i, "").trim() || name;
}

/** Parents before children; siblings by name (Norwegian collation). Works on any tree of rows. */
export function treeOrder<T extends { id: string; parentId: string | null; name: string }>(rows: T[]): T[] {
  const ids = new Set(rows.map((row) => row.id));
  const children = new Map<string | null, T[]>();
  for (const row of rows) {
    const parent = row.parentId && ids.has(row.parentId) ? row.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), row]);
  }
  const ordered: T[] = [];
  const visit = (parent: string | null) => {
    const list = (children.get(parent) ?? []).sort((a, b) => norwegianOrder(a.name, b.name));
    for (const row of list) {
      ordered.push(row);
      visit(row.id);
    }
  };
  visit(null);
  // Rows in a cycle (the org model forbids them) are kept rather than lost.
  const seen = new Set(ordered.map((row) => row.id));
  return [...ordered, ...rows.filter((row) => !seen.has(row.id))];
}

/**
 * The as-is of `officeIds` on `asOfDate`: offices, all their teams (with services), and the
 * assignments running that day in those teams. Three queries, whatever the size.
 */
export async function loadAsIs(db: DbReader, officeIds: string[], asOfDate: Date): Promise<AsIs> {
  const day = formatDate(asOfDate);
  const [offices, teams, assignments] = await Promise.all([
    db.office.findMany({
      where: { id: { in: officeIds } },
      select: { id: true, code: true, name: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
    }),
    db.team.findMany({
      where: { officeId: { in: officeIds } },
      select: { id: true, officeId: true, parentId: true, name: true, purpose: true, services: { select: { id: true } } },
    }),
    // One joined query: the Prisma client would fetch people and roles separately, which
    // costs hundreds of milliseconds at a thousand assignments.
    db.$queryRaw<RawAssignment[]>`
      SELECT a."id", a."personId", p."name" AS "personName", p."employer"::text AS "employer",
             a."roleId", r."name" AS "roleName", r."category"::text AS "roleCategory",
             a."teamId", a."fte"::text AS "fte", a."reportsToId"
      FROM "Assignment" a
      JOIN "Team" t ON t."id" = a."teamId"
      JOIN "Person" p ON p."id" = a."personId"
      JOIN "Role" r ON r."id" = a."roleId"
      WHERE t."officeId" = ANY(${officeIds}::text[])
        AND a."startDate" <= ${day}::date
        AND (a."endDate" IS NULL OR a."endDate" >= ${day}::date)
      ORDER BY a."startDate", a."id"`,
  ]);
  const orderedTeams = offices.flatMap((office) =>
    treeOrder(
      teams
        .filter((team) => team.officeId === office.id)
        .map((team) => ({
          id: team.id,
          officeId: team.officeId,
          parentId: team.parentId,
          name: team.name,
          purpose: team.purpose,
          serviceIds: team.services.map((service) => service.id).sort(),
        })),
    ),
  );
  const teamOrder = new Map(orderedTeams.map((team, index) => [team.id, index]));
  return {
    asOfDate,
    offices: offices.map((office) => ({ ...office, shortName: officeShortName(office.name) })),
    teams: orderedTeams,
    assignments: assignments
      .map(({ reportsToId, ...a }) => ({ ...a, reportsToPersonId: reportsToId }))
      .sort(
        (a, b) =>
          (teamOrder.get(a.teamId) ?? 0) - (teamOrder.get(b.teamId) ?? 0) ||
          Number(b.roleCategory === "LEADER") - Number(a.roleCategory === "LEADER") ||
          norwegianOrder(a.personName, b.personName),
      ),
  };
}
