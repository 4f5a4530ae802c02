// Mergers: several source offices become one target office on an effective date.
import { MergerStatus, type Prisma } from "@samla/schema";
import { builder } from "../builder";
import { todayInNorway } from "../lib/dates";
import { containsText } from "../lib/text-match";

export const MergerStatusEnum = builder.enumType(MergerStatus, {
  name: "MergerStatus",
  description: "PROPOSED → APPROVED → IN_PROGRESS → COMPLETED, or CANCELLED before completion.",
});

export const MergerRef = builder.prismaNode("Merger", {
  id: { field: "id" },
  description: "A merger (sammenslåing) of source offices into a target office.",
  fields: (t) => ({
    name: t.exposeString("name"),
    description: t.exposeString("description", { nullable: true }),
    status: t.expose("status", { type: MergerStatusEnum }),
    effectiveDate: t.expose("effectiveDate", { type: "Date" }),
    inEffect: t.boolean({
      description:
        "True once a completed merger's effective date has come (today in Norway). A merger completed ahead of " +
        "its date is scheduled: until then the source offices are ACTIVE and the target PLANNED.",
      select: { status: true, effectiveDate: true },
      resolve: (merger) => merger.status === "COMPLETED" && merger.effectiveDate <= todayInNorway(),
    }),
    version: t.exposeInt("version", { description: "Send it back with updateMerger (optimistic locking)." }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    targetOffice: t.relation("targetOffice"),
    sourceOffices: t.relation("sourceOffices", { query: { orderBy: { name: "asc" } } }),
  }),
});

const MergerFilter = builder.inputType("MergerFilter", {
  fields: (t) => ({
    status: t.field({ type: [MergerStatusEnum], required: false, description: "Any of these statuses." }),
    text: t.string({ required: false, description: "Part of the merger's name." }),
  }),
});

function mergerWhere(filter: typeof MergerFilter.$inferInput | null | undefined): Prisma.MergerWhereInput {
  const text = filter?.text?.trim();
  return {
    AND: [
      filter?.status?.length ? { status: { in: filter.status } } : {},
      text ? { name: containsText(text) } : {},
    ],
  };
}

builder.queryFields((t) => ({
  mergers: t.prismaConnection({
    type: "Merger",
    cursor: "id",
    description: "Mergers by effective date (latest first), then name.",
    args: { filter: t.arg({ type: MergerFilter, required: false }) },
    totalCount: (_parent, args, context) => context.db.merger.count({ where: mergerWhere(args.filter) }),
    resolve: (query, _parent, args, context) =>
      context.db.merger.findMany({
        ...query,
        where: mergerWhere(args.filter),
        orderBy: [{ effectiveDate: "desc" }, { name: "asc" }, { id: "asc" }],
      }),
  }, { name: "MergerConnection" }, { name: "MergerEdge" }),
  merger: t.prismaField({
    type: "Merger",
    nullable: true,
    args: { id: t.arg.globalID({ required: true, for: MergerRef }) },
    resolve: (query, _parent, args, context) => context.db.merger.findUnique({ ...query, where: { id: args.id.id } }),
  }),
}));
