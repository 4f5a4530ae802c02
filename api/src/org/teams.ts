// Teams inside an office; teams nest (parent/children).
import { builder } from "../builder";
import { assignmentFilter } from "../lib/current";

export const TeamRef = builder.prismaNode("Team", {
  id: { field: "id" },
  // Select mode: only the columns a request asks for (see docs/decisions/006).
  select: { id: true },
  description: "A team or department (avdeling) in an office. Teams nest: see parent and children.",
  fields: (t) => ({
    name: t.exposeString("name"),
    purpose: t.exposeString("purpose", { nullable: true }),
    version: t.exposeInt("version", { description: "Send it back with updateTeam (optimistic locking)." }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    office: t.relation("office"),
    parent: t.relation("parent", { nullable: true }),
    children: t.relation("children", { query: { orderBy: { name: "asc" } } }),
    services: t.relation("services", { query: { orderBy: { name: "asc" } } }),
    assignments: t.relation("assignments", {
      description: "Assignments in this team (not ended by default), by start date.",
      args: { includeEnded: t.arg.boolean({ defaultValue: false }) },
      query: (args) => ({
        where: assignmentFilter(args.includeEnded),
        orderBy: [{ startDate: "asc" }, { id: "asc" }],
      }),
    }),
  }),
});
