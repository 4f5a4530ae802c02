// The service catalogue: what Nav offices deliver (state, municipal or both).
import { ServiceProvider } from "@samla/schema";
import { builder } from "../builder";

export const ServiceProviderEnum = builder.enumType(ServiceProvider, {
  name: "ServiceProvider",
  description: "Who is responsible for a service: the state, the municipality, or both (partnership).",
});

export const ServiceRef = builder.prismaNode("Service", {
  id: { field: "id" },
  // Select mode: only the columns a request asks for (docs/decisions/006).
  select: { id: true },
  description: "A service (tjeneste) in the catalogue.",
  fields: (t) => ({
    code: t.exposeString("code"),
    name: t.exposeString("name"),
    provider: t.expose("provider", { type: ServiceProviderEnum }),
    deadlineDays: t.exposeInt("deadlineDays", {
      nullable: true,
      description: "Required processing deadline in days, where one is set.",
    }),
    description: t.exposeString("description", { nullable: true }),
    version: t.exposeInt("version"),
  }),
});

builder.queryField("services", (t) =>
  t.prismaField({
    type: ["Service"],
    description: "The service catalogue, by name.",
    args: { provider: t.arg({ type: ServiceProviderEnum, required: false }) },
    resolve: (query, _parent, args, context) =>
      context.db.service.findMany({
        ...query,
        where: args.provider ? { provider: args.provider } : {},
        orderBy: [{ name: "asc" }, { id: "asc" }],
      }),
  }),
);
