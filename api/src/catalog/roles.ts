// The role catalogue (veileder, saksbehandler, Nav-leder, ...).
import { RoleCategory } from "@samla/schema";
import { builder } from "../builder";

export const RoleCategoryEnum = builder.enumType(RoleCategory, { name: "RoleCategory" });

export const RoleRef = builder.prismaNode("Role", {
  id: { field: "id" },
  // Select mode: only the columns a request asks for (docs/decisions/006).
  select: { id: true },
  description: "A role in the catalogue; people hold roles through assignments.",
  fields: (t) => ({
    code: t.exposeString("code"),
    name: t.exposeString("name"),
    category: t.expose("category", { type: RoleCategoryEnum }),
    description: t.exposeString("description", { nullable: true }),
    version: t.exposeInt("version"),
  }),
});

builder.queryField("roles", (t) =>
  t.prismaField({
    type: ["Role"],
    description: "The role catalogue, by name.",
    args: { category: t.arg({ type: RoleCategoryEnum, required: false }) },
    resolve: (query, _parent, args, context) =>
      context.db.role.findMany({
        ...query,
        where: args.category ? { category: args.category } : {},
        orderBy: [{ name: "asc" }, { id: "asc" }],
      }),
  }),
);
