// People and their assignments (person + role + team + FTE + dates).
import { Employer, type Prisma } from "@samla/schema";
import { builder } from "../builder";
import { assignmentFilter } from "../lib/current";
import { todayInNorway } from "../lib/dates";

export const EmployerEnum = builder.enumType(Employer, {
  name: "Employer",
  description: "A Nav office's staff are employed by the state or by the municipality.",
});

export const PersonRef = builder.prismaNode("Person", {
  id: { field: "id" },
  description: "A person working in Nav offices (invented in seed data).",
  fields: (t) => ({
    name: t.exposeString("name"),
    email: t.exposeString("email"),
    employer: t.expose("employer", { type: EmployerEnum }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
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

function peopleWhere(text: string | null | undefined): Prisma.PersonWhereInput {
  const search = text?.trim();
  return search
    ? { OR: [{ name: { contains: search, mode: "insensitive" } }, { email: { contains: search, mode: "insensitive" } }] }
    : {};
}

builder.queryField("people", (t) =>
  t.prismaConnection({
    type: "Person",
    cursor: "id",
    description: "People by name; `text` matches part of the name or e-mail address.",
    args: { text: t.arg.string({ required: false }) },
    totalCount: (_parent, args, context) => context.db.person.count({ where: peopleWhere(args.text) }),
    resolve: (query, _parent, args, context) =>
      context.db.person.findMany({ ...query, where: peopleWhere(args.text), orderBy: [{ name: "asc" }, { id: "asc" }] }),
  }, { name: "PersonConnection" }, { name: "PersonEdge" }),
);
