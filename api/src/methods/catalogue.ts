// Reading the methodology catalogue: practices (few, so a list) and KPIs. Any Samla role.
import { builder } from "../builder";
import { KpiRef, PracticeRef } from "./method-types";

builder.queryFields((t) => ({
  practices: t.prismaField({
    type: ["Practice"],
    description: "The practices by theme and order; retired ones only with includeRetired.",
    args: { includeRetired: t.arg.boolean({ defaultValue: false }) },
    resolve: (query, _parent, args, context) =>
      context.db.practice.findMany({
        ...query,
        where: args.includeRetired ? {} : { retiredAt: null },
        // The theme enum sorts in its declared order.
        orderBy: [{ theme: "asc" }, { sortOrder: "asc" }, { code: "asc" }],
      }),
  }),
  practice: t.prismaField({
    type: "Practice",
    nullable: true,
    args: { id: t.arg.globalID({ required: true, for: PracticeRef }) },
    resolve: (query, _parent, args, context) => context.db.practice.findUnique({ ...query, where: { id: args.id.id } }),
  }),
  kpis: t.prismaField({
    type: ["Kpi"],
    description: "The KPI catalogue in its order.",
    resolve: (query, _parent, _args, context) =>
      context.db.kpi.findMany({ ...query, orderBy: [{ sortOrder: "asc" }, { code: "asc" }] }),
  }),
  kpi: t.prismaField({
    type: "Kpi",
    nullable: true,
    args: { id: t.arg.globalID({ required: true, for: KpiRef }) },
    resolve: (query, _parent, args, context) => context.db.kpi.findUnique({ ...query, where: { id: args.id.id } }),
  }),
}));
