// Office leaders' scope comes from the org model (docs/decisions/003): the offices where the
// Person linked to the caller's SSO subject holds an assignment in a LEADER role today.
// Computed once per request and memoised on that request's context only, so assigning or
// ending the role changes access on the very next request.
import type { Prisma } from "@samla/schema";
import type { SamlaContext } from "../context";
import { activeOn } from "./current";
import { todayInNorway } from "./dates";
import { decodeGlobalID } from "./ids";

/** Offices led, by SSO subject, on `day` (default today in Norway). */
export function ledOfficesWhere(subject: string, day: Date = todayInNorway()): Prisma.OfficeWhereInput {
  return {
    teams: {
      some: {
        assignments: { some: { ...activeOn(day), person: { ssoSubject: subject }, role: { category: "LEADER" } } },
      },
    },
  };
}

const ledOfficeIdsByRequest = new WeakMap<SamlaContext, Promise<ReadonlySet<string>>>();

/** Database ids of the offices the caller leads today; one query per request. */
export function ledOfficeIds(context: SamlaContext): Promise<ReadonlySet<string>> {
  const subject = context.viewer?.subject;
  if (!subject) return Promise.resolve(new Set());
  let ids = ledOfficeIdsByRequest.get(context);
  if (!ids) {
    ids = context.db.office
      .findMany({ where: ledOfficesWhere(subject), select: { id: true } })
      .then((rows) => new Set(rows.map((row) => row.id)));
    ledOfficeIdsByRequest.set(context, ids);
  }
  return ids;
}

/** True when the caller has the office-leader role and leads `officeId` (a database id) today. */
export async function leadsOffice(context: SamlaContext, officeId: string): Promise<boolean> {
  if (!context.viewer?.roles.includes("office-leader")) return false;
  return (await ledOfficeIds(context)).has(officeId);
}

/** True when the caller leads the office of team `teamId` (a database id) today. */
export async function leadsOfficeOfTeam(context: SamlaContext, teamId: string): Promise<boolean> {
  if (!context.viewer?.roles.includes("office-leader")) return false;
  const team = await context.db.team.findUnique({ where: { id: teamId }, select: { officeId: true } });
  return team !== null && (await ledOfficeIds(context)).has(team.officeId);
}

/** The database id inside a global id of `typename`, or null (then no leader scope applies). */
export function databaseId(globalId: unknown, typename: string): string | null {
  if (typeof globalId !== "string") return null;
  try {
    const decoded = decodeGlobalID(globalId);
    return decoded.typename === typename ? decoded.id : null;
  } catch {
    return null;
  }
}
