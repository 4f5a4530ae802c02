// Municipalities (kommuner) that offices serve.
import { builder } from "../builder";
import { containsText, startsWithText } from "../lib/text-match";
import { todayInNorway } from "../lib/dates";

export const MunicipalityRef = builder.prismaNode("Municipality", {
  id: { field: "id" },
  // Select mode: only the columns a request asks for (docs/decisions/006).
  select: { id: true },
  description: "A municipality; merged municipalities get a new number and keep their history.",
  fields: (t) => ({
    number: t.exposeString("number", { description: "Four-digit municipality number." }),
    name: t.exposeString("name"),
    county: t.exposeString("county"),
    validFrom: t.expose("validFrom", { type: "Date" }),
    validTo: t.expose("validTo", { type: "Date", nullable: true }),
    mergedInto: t.relation("mergedInto", { nullable: true }),
    offices: t.relation("offices", { query: { orderBy: { name: "asc" } } }),
  }),
});

builder.queryField("municipalities", (t) =>
  t.prismaField({
    type: ["Municipality"],
    description: "Municipalities by number; only current ones unless includeHistoric.",
    args: {
      text: t.arg.string({ required: false, description: "Part of the name, or the start of the number." }),
      includeHistoric: t.arg.boolean({ defaultValue: false }),
    },
    resolve: (query, _parent, args, context) => {
      const text = args.text?.trim();
      return context.db.municipality.findMany({
        ...query,
        where: {
          AND: [
            args.includeHistoric ? {} : { OR: [{ validTo: null }, { validTo: { gte: todayInNorway() } }] },
            text
              ? { OR: [{ name: containsText(text) }, { number: startsWithText(text) }] }
              : {},
          ],
        },
        orderBy: { number: "asc" },
      });
    },
  }),
);
