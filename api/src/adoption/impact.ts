// adoptionImpact: did adopting a practice move a KPI? Offices before and after their own
// adoption month against offices that had not adopted in the same months
// (difference-in-differences; the definition is in impact-queries.ts).
import type { KpiDirection } from "@samla/schema";
import { z } from "zod";
import { builder } from "../builder";
import { NotFoundError, ValidationError } from "../lib/errors";
import { parseInput, zGlobalId } from "../lib/validation";
import { ADOPTION_READERS } from "./adoption-types";
import { loadRow } from "../lib/row-loader";
import { loadEventTime, loadImpactEstimate, tCritical975, type EventTimePoint, type ImpactOffice } from "./impact-queries";

export const MIN_WINDOW_MONTHS = 3;
export const MAX_WINDOW_MONTHS = 12;

interface AdoptionImpact {
  practiceId: string;
  kpiId: string;
  direction: KpiDirection;
  windowMonths: number;
  estimate: number | null;
  standardError: number | null;
  confidenceLow: number | null;
  confidenceHigh: number | null;
  treatedOfficeCount: number;
  controlOfficeCount: number;
  offices: ImpactOffice[];
}

const argsSchema = z.object({
  practiceId: zGlobalId("Practice"),
  kpiId: zGlobalId("Kpi"),
  windowMonths: z
    .number()
    .int()
    .min(MIN_WINDOW_MONTHS, `Vinduet må være minst ${MIN_WINDOW_MONTHS} måneder.`)
    .max(MAX_WINDOW_MONTHS, `Vinduet kan være høyst ${MAX_WINDOW_MONTHS} måneder.`),
});

/** Mean, standard error and 95 % interval from the per-office differences' summary. */
export function impactStatistics(estimate: number | null, standardDeviation: number | null, n: number) {
  if (estimate === null || n < 1) return { estimate: null, standardError: null, confidenceLow: null, confidenceHigh: null };
  if (n < 2 || standardDeviation === null) return { estimate, standardError: null, confidenceLow: null, confidenceHigh: null };
  const standardError = standardDeviation / Math.sqrt(n);
  const margin = tCritical975(n - 1) * standardError;
  return { estimate, standardError, confidenceLow: estimate - margin, confidenceHigh: estimate + margin };
}

const AdoptionImpactOfficeRef = builder.objectRef<ImpactOffice>("AdoptionImpactOffice").implement({
  description: "One treated office: its KPI means before and after its adoption month, and its controls' means in the same months.",
  fields: (t) => ({
    office: t.prismaField({
      type: "Office",
      resolve: (query, row, _args, context) => loadRow(context, "office", query, row.officeId),
    }),
    adoptedPeriod: t.expose("adoptedPeriod", { type: "Date", description: "The first month reported at ADOPTED or above." }),
    beforeMean: t.exposeFloat("beforeMean", { description: "Mean of the office's values in the W months before." }),
    afterMean: t.exposeFloat("afterMean", { description: "Mean in the adoption month and the W − 1 after it." }),
    controlBeforeMean: t.exposeFloat("controlBeforeMean", { description: "Mean over the controls of their before means." }),
    controlAfterMean: t.exposeFloat("controlAfterMean", { description: "Mean over the controls of their after means." }),
    controlOfficeCount: t.exposeInt("controlOfficeCount"),
    difference: t.exposeFloat("difference", {
      description: "(afterMean − beforeMean) − (controlAfterMean − controlBeforeMean): the office's difference-in-differences.",
    }),
  }),
});

const AdoptionEventTimePointRef = builder.objectRef<EventTimePoint>("AdoptionEventTimePoint").implement({
  description: "One month relative to each treated office's adoption month (0 = the adoption month).",
  fields: (t) => ({
    relativeMonth: t.exposeInt("relativeMonth", { description: "−W … W − 1." }),
    treatedMean: t.exposeFloat("treatedMean", { nullable: true, description: "Mean of the treated offices' values; null without any." }),
    controlMean: t.exposeFloat("controlMean", {
      nullable: true,
      description: "The controls' mean in the same calendar months: averaged per treated office first, then over them.",
    }),
    treatedCount: t.exposeInt("treatedCount", { description: "Treated offices with a value in the month." }),
    controlCount: t.exposeInt("controlCount", { description: "Distinct control offices with a value in the month." }),
  }),
});

const AdoptionImpactRef = builder.objectRef<AdoptionImpact>("AdoptionImpact").implement({
  description:
    "Difference-in-differences of a KPI around the month each office adopted a practice, against offices that had " +
    "not adopted it by the end of the same window. An association, not proof of cause: offices chose their own pace.",
  fields: (t) => ({
    practice: t.prismaField({
      type: "Practice",
      resolve: (query, impact, _args, context) => loadRow(context, "practice", query, impact.practiceId),
    }),
    kpi: t.prismaField({
      type: "Kpi",
      resolve: (query, impact, _args, context) => loadRow(context, "kpi", query, impact.kpiId),
    }),
    windowMonths: t.exposeInt("windowMonths"),
    estimate: t.exposeFloat("estimate", { nullable: true, description: "Mean of the offices' differences; null without a treated office." }),
    standardError: t.exposeFloat("standardError", { nullable: true, description: "Sample standard deviation / √n; null when n < 2." }),
    confidenceLow: t.exposeFloat("confidenceLow", { nullable: true, description: "95 % interval: estimate − t(0.975, n − 1) · SE." }),
    confidenceHigh: t.exposeFloat("confidenceHigh", { nullable: true }),
    treatedOfficeCount: t.exposeInt("treatedOfficeCount"),
    controlOfficeCount: t.exposeInt("controlOfficeCount", { description: "Distinct offices used as a control." }),
    improved: t.boolean({
      nullable: true,
      description: "The estimate points in the KPI's good direction; null without an estimate.",
      resolve: (impact) =>
        impact.estimate === null ? null : impact.direction === "HIGHER_IS_BETTER" ? impact.estimate > 0 : impact.estimate < 0,
    }),
    offices: t.field({
      type: [AdoptionImpactOfficeRef],
      description: "The treated offices, by adoption month then name.",
      resolve: (impact) => impact.offices,
    }),
    eventTime: t.field({
      type: [AdoptionEventTimePointRef],
      description: "Month by month around adoption, for the chart.",
      resolve: (impact, _args, context) => loadEventTime(context.db, impact.practiceId, impact.kpiId, impact.windowMonths),
    }),
  }),
});

builder.queryField("adoptionImpact", (t) =>
  t.field({
    type: AdoptionImpactRef,
    description:
      "Planner, admin, viewer, office leader. The estimated effect of adopting a practice on a KPI " +
      `(window ${MIN_WINDOW_MONTHS}-${MAX_WINDOW_MONTHS} months on each side of the adoption month).`,
    authScopes: ADOPTION_READERS,
    errors: { types: [ValidationError, NotFoundError], directResult: true, union: { name: "AdoptionImpactResult" } },
    args: {
      practiceId: t.arg.id({ required: true }),
      kpiId: t.arg.id({ required: true }),
      windowMonths: t.arg.int({ required: false, defaultValue: 6, description: `Months on each side, ${MIN_WINDOW_MONTHS}-${MAX_WINDOW_MONTHS}.` }),
    },
    resolve: async (_parent, args, context) => {
      const input = parseInput(argsSchema, { ...args, windowMonths: args.windowMonths ?? 6 });
      const [practice, kpi] = await Promise.all([
        context.db.practice.findUnique({ where: { id: input.practiceId }, select: { id: true } }),
        context.db.kpi.findUnique({ where: { id: input.kpiId }, select: { id: true, direction: true } }),
      ]);
      if (!practice) throw new NotFoundError("Practice", args.practiceId);
      if (!kpi) throw new NotFoundError("Kpi", args.kpiId);
      const result = await loadImpactEstimate(context.db, practice.id, kpi.id, input.windowMonths);
      return {
        practiceId: practice.id,
        kpiId: kpi.id,
        direction: kpi.direction,
        windowMonths: input.windowMonths,
        ...impactStatistics(result.estimate, result.standardDeviation, result.treatedOfficeCount),
        treatedOfficeCount: result.treatedOfficeCount,
        controlOfficeCount: result.controlOfficeCount,
        offices: result.offices,
      };
    },
  }),
);
