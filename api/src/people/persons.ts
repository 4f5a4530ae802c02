// People and their assignments (person + role + team + FTE + dates).
import { decodeGlobalID } from "../lib/ids";
import { Employer, type Db, type Prisma } from "@samla/schema";
import { scopes } from "../auth/policy";
import { builder } from "../builder";
import { containsText } from "../lib/text-match";
import { activeOn, assignmentFilter } from "../lib/current";
import { todayInNorway } from "../lib/dates";

export const EmployerEnum = builder.enumType(Employer, {
  name: "Employer",
  description: "A Nav office's staff are employed by the state or by the municipality.",
});

export const PersonRef = builder.prismaNode("Person", {
  id: { field: "id" },
  // Select mode: only the columns a request asks for (docs/decisions/006); ssoUser reads ssoSubject.
  select: { id: true, ssoSubject: true },
  description: "A person working in Nav offices (invented in seed data).",
  fields: (t) => ({
    name: t.exposeString("name"),
    email: t.exposeString("email"),
    employer: t.expose("employer", { type: EmployerEnum }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    ssoSubject: t.exposeString("ssoSubject", {
      nullable: true,
      description:
        "HR or admin (others get FORBIDDEN). The SSO user (Keycloak subject) HR linked to this person; it decides " +
        "an office leader's scope.",
      authScopes: scopes("person.readSsoUser"),
    }),
    fteOn: t.float({
      // Nullable so that a refusal nulls only this field, not the person (or a whole page of people).
      nullable: true,
      description: "HR or admin (others get FORBIDDEN). Total FTE on `date` (all assignments running that day).",
      authScopes: scopes("person.readFte"),
      args: { date: t.arg({ type: "Date", required: true }) },
      resolve: (person, args, context) => fteOn(context.db, person.id, args.date),
    }),
    assignments: t.relation("assignments", {
      description: "This person's assignments (not ended by default), by start date.",
      args: { includeEnded: t.arg.boolean({ defaultValue: false }) },
      query: (args) => ({
        where: assignmentFilter(args.includeEnded),
        orderBy: [{ startDate: "asc" }, { id: "asc" }],
      }),
    }),
  }),
});

export const AssignmentRef = builder.prismaNode("Assignment", {
  id: { field: "id" },
  // Select mode: only the columns a request asks for (docs/decisions/006).
  select: { id: true },
  description: "A person in a role in a team, with FTE and dates. Ended assignments are kept as history.",
  fields: (t) => ({
    person: t.relation("person"),
    role: t.relation("role"),
    team: t.relation("team"),
    reportsTo: t.relation("reportsTo", { nullable: true }),
    fte: t.float({
      description: "Full-time equivalent, 0.01-1.00 (stored as an exact decimal).",
      select: { fte: true },
      resolve: (assignment) => assignment.fte.toNumber(),
    }),
    startDate: t.expose("startDate", { type: "Date" }),
    endDate: t.expose("endDate", { type: "Date", nullable: true, description: "Last day (inclusive)." }),
    isCurrent: t.boolean({
      description: "Running today (in Norway).",
      select: { startDate: true, endDate: true },
      resolve: (assignment) => {
        const today = todayInNorway();
        return assignment.startDate <= today && (assignment.endDate === null || assignment.endDate >= today);
      },
    }),
    version: t.exposeInt("version"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

const PeopleFilter = builder.inputType("PeopleFilter", {
  description:
    "All given conditions must hold. officeId, teamId and roleId match people with an assignment running on " +
    "`activeOn` (default today) in that office, team (exactly that team) or role; `activeOn` alone matches " +
    "people with any assignment running that day.",
  fields: (t) => ({
    text: t.string({ required: false, description: "Part of the name or e-mail address." }),
    officeId: t.id({ required: false }),
    teamId: t.id({ required: false }),
    roleId: t.id({ required: false }),
    employer: t.field({ type: EmployerEnum, required: false }),
    activeOn: t.field({ type: "Date", required: false }),
  }),
});

type PeopleFilterInput = typeof PeopleFilter.$inferInput;

/** An id filter that matches nothing when the global id is not of `typename`. */
function idOf(globalId: string, typename: string): string {
  try {
    const decoded = decodeGlobalID(globalId);
    return decoded.typename === typename ? decoded.id : "";
  } catch {
    return "";
  }
}

export function peopleWhere(filter: PeopleFilterInput | null | undefined): Prisma.PersonWhereInput {
  const where: Prisma.PersonWhereInput[] = [];
  const search = filter?.text?.trim();
  if (search) {
    where.push({ OR: [{ name: containsText(search) }, { email: containsText(search) }] });
  }
  if (filter?.employer) where.push({ employer: filter.employer });
  if (filter?.officeId || filter?.teamId || filter?.roleId || filter?.activeOn) {
    where.push({
      assignments: {
        some: {
          ...activeOn(filter.activeOn ?? todayInNorway()),
          ...(filter.teamId && { teamId: idOf(filter.teamId, "Team") }),
          ...(filter.officeId && { team: { officeId: idOf(filter.officeId, "Office") } }),
          ...(filter.roleId && { roleId: idOf(filter.roleId, "Role") }),
        },
      },
    });
  }
  return { AND: where };
}

builder.queryField("people", (t) =>
  t.prismaConnection({
    type: "Person",
    cursor: "id",
    description:
      "People by name. `text` (kept for older clients) matches part of the name or e-mail address; " +
      "`filter` narrows by office, team, role, employer and date. Both may be given.",
    args: {
      text: t.arg.string({ required: false }),
      filter: t.arg({ type: PeopleFilter, required: false }),
    },
    totalCount: (_parent, args, context) =>
      context.db.person.count({ where: { AND: [peopleWhere({ text: args.text }), peopleWhere(args.filter)] } }),
    resolve: (query, _parent, args, context) =>
      context.db.person.findMany({
        ...query,
        where: { AND: [peopleWhere({ text: args.text }), peopleWhere(args.filter)] },
        orderBy: [{ name: "asc" }, { id: "asc" }],
      }),
  }, { name: "PersonConnection" }, { name: "PersonEdge" }),
);

builder.queryField("person", (t) =>
  t.prismaField({
    type: "Person",
    nullable: true,
    description: "One person, or null. Ask for `assignments(includeEnded: true)` for current and past ones.",
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _parent, args, context) => {
      const id = idOf(args.id, "Person");
      return id ? context.db.person.findUnique({ ...query, where: { id } }) : null;
    },
  }),
);

/** A person's total FTE on `day` (summed exactly in SQL numeric). */
export async function fteOn(db: Db, personId: string, day: Date): Promise<number> {
  const total = await db.assignment.aggregate({ where: { personId, ...activeOn(day) }, _sum: { fte: true } });
  return total._sum.fte?.toNumber() ?? 0;
}

builder.queryField("personFte", (t) =>
  t.float({
    description: "HR or admin. The person's total FTE on `date` (all assignments running that day), e.g. for the assign form.",
    authScopes: scopes("person.readFte"),
    args: { personId: t.arg.id({ required: true }), date: t.arg({ type: "Date", required: true }) },
    resolve: (_parent, args, context) => fteOn(context.db, idOf(args.personId, "Person"), args.date),
  }),
);
