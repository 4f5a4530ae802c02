// What an office has recorded about its working methods, as fields of Office, and whether
// the caller may record more. Histories grow with every quarter and month, so they page.
import type { Prisma } from "@samla/schema";
import { allows } from "../auth/policy";
import { builder } from "../builder";
import { equalsIgnoringCase } from "../lib/text-match";
import { todayInNorway } from "../lib/dates";
import { OfficeRef } from "../org/offices";
import { ServiceRef } from "../catalog/services";
import { KpiRef, PracticeRef } from "./method-types";

builder.objectFields(OfficeRef, (t) => ({
  viewerCanRecordMethods: t.boolean({
    description:
      "Whether the caller may record assessments, KPIs, case flows, insights and culture for this office: " +
      "planner, admin, or an office leader who leads it today.",
    resolve: async (office, _args, context) => {
      return allows(context, "methods.record", office.id);
    },
  }),

  maturityAssessments: t.prismaConnection(
    {
      type: "MaturityAssessment",
      cursor: "id",
      description: "Maturity assessments, newest first; one practice's history with practiceId.",
      args: { practiceId: t.arg.globalID({ required: false, for: PracticeRef }) },
      totalCount: (office, args, context) =>
        context.db.maturityAssessment.count({ where: maturityWhere(office.id, args.practiceId?.id) }),
      resolve: (query, office, args, context) =>
        context.db.maturityAssessment.findMany({
          ...query,
          where: maturityWhere(office.id, args.practiceId?.id),
          orderBy: [{ assessedOn: "desc" }, { createdAt: "desc" }, { id: "asc" }],
        }),
    },
    { name: "OfficeMaturityAssessmentConnection" },
    { name: "OfficeMaturityAssessmentEdge" },
  ),

  latestMaturityAssessments: t.prismaField({
    type: ["MaturityAssessment"],
    description: "The latest assessment of each practice in use that the office has assessed, in catalogue order.",
    resolve: async (query, office, _args, context) => {
      const latest = await context.db.$queryRaw<{ id: string }[]>`
        SELECT DISTINCT ON ("practiceId") id FROM "MaturityAssessment"
        WHERE "officeId" = ${office.id}
        ORDER BY "practiceId", "assessedOn" DESC, "createdAt" DESC, id`;
      return context.db.maturityAssessment.findMany({
        ...query,
        where: { id: { in: latest.map((row) => row.id) }, practice: { retiredAt: null } },
        orderBy: [{ practice: { theme: "asc" } }, { practice: { sortOrder: "asc" } }, { practice: { code: "asc" } }],
      });
    },
  }),

  processFlows: t.prismaConnection(
    {
      type: "ProcessFlow",
      cursor: "id",
      description: "Recorded case flows, newest first; one service's with serviceId.",
      args: { serviceId: t.arg.globalID({ required: false, for: ServiceRef }) },
      totalCount: (office, args, context) => context.db.processFlow.count({ where: flowsWhere(office.id, args.serviceId?.id) }),
      resolve: (query, office, args, context) =>
        context.db.processFlow.findMany({
          ...query,
          where: flowsWhere(office.id, args.serviceId?.id),
          orderBy: [{ recordedOn: "desc" }, { createdAt: "desc" }, { id: "asc" }],
        }),
    },
    { name: "OfficeProcessFlowConnection" },
    { name: "OfficeProcessFlowEdge" },
  ),

  processFlow: t.prismaField({
    type: "ProcessFlow",
    nullable: true,
    description: "The office's case flow of a service on a date (default today): the latest recorded on or before it.",
    args: {
      serviceId: t.arg.globalID({ required: true, for: ServiceRef }),
      on: t.arg({ type: "Date", required: false }),
    },
    resolve: (query, office, args, context) =>
      context.db.processFlow.findFirst({
        ...query,
        where: { ...flowsWhere(office.id, args.serviceId.id), recordedOn: { lte: args.on ?? todayInNorway() } },
        orderBy: [{ recordedOn: "desc" }, { createdAt: "desc" }, { id: "asc" }],
      }),
  }),

  kpiMeasurements: t.prismaConnection(
    {
      type: "KpiMeasurement",
      cursor: "id",
      description: "KPI values of the months from–to (both optional, inclusive), newest month first, KPIs in catalogue order.",
      args: {
        from: t.arg({ type: "Date", required: false }),
        to: t.arg({ type: "Date", required: false }),
        kpiId: t.arg.globalID({ required: false, for: KpiRef }),
      },
      totalCount: (office, args, context) =>
        context.db.kpiMeasurement.count({ where: measurementsWhere(office.id, args.from, args.to, args.kpiId?.id) }),
      resolve: (query, office, args, context) =>
        context.db.kpiMeasurement.findMany({
          ...query,
          where: measurementsWhere(office.id, args.from, args.to, args.kpiId?.id),
          orderBy: [{ period: "desc" }, { kpi: { sortOrder: "asc" } }, { kpi: { code: "asc" } }, { id: "asc" }],
        }),
    },
    { name: "OfficeKpiMeasurementConnection" },
    { name: "OfficeKpiMeasurementEdge" },
  ),

  userInsights: t.prismaConnection(
    {
      type: "UserInsight",
      cursor: "id",
      description: "User insights, newest interview first; filtered by theme (exact, any case) or service.",
      args: {
        theme: t.arg.string({ required: false }),
        serviceId: t.arg.globalID({ required: false, for: ServiceRef }),
      },
      totalCount: (office, args, context) =>
        context.db.userInsight.count({ where: insightsWhere(office.id, args.theme, args.serviceId?.id) }),
      resolve: (query, office, args, context) =>
        context.db.userInsight.findMany({
          ...query,
          where: insightsWhere(office.id, args.theme, args.serviceId?.id),
          orderBy: [{ interviewedOn: "desc" }, { createdAt: "desc" }, { id: "asc" }],
        }),
    },
    { name: "OfficeUserInsightConnection" },
    { name: "OfficeUserInsightEdge" },
  ),

  cultureAssessments: t.prismaConnection(
    {
      type: "CultureAssessment",
      cursor: "id",
      description: "Culture assessments, newest first, dimensions by name within a date.",
      args: { dimension: t.arg.string({ required: false }) },
      totalCount: (office, args, context) =>
        context.db.cultureAssessment.count({ where: cultureWhere(office.id, args.dimension) }),
      resolve: (query, office, args, context) =>
        context.db.cultureAssessment.findMany({
          ...query,
          where: cultureWhere(office.id, args.dimension),
          orderBy: [{ assessedOn: "desc" }, { dimension: "asc" }, { id: "asc" }],
        }),
    },
    { name: "OfficeCultureAssessmentConnection" },
    { name: "OfficeCultureAssessmentEdge" },
  ),
}));

function maturityWhere(officeId: string, practiceId: string | undefined): Prisma.MaturityAssessmentWhereInput {
  return { officeId, ...(practiceId && { practiceId }) };
}

function flowsWhere(officeId: string, serviceId: string | undefined): Prisma.ProcessFlowWhereInput {
  return { officeId, ...(serviceId && { serviceId }) };
}

function measurementsWhere(
  officeId: string,
  from: Date | null | undefined,
  to: Date | null | undefined,
  kpiId: string | undefined,
): Prisma.KpiMeasurementWhereInput {
  return {
    officeId,
    ...(kpiId && { kpiId }),
    ...((from || to) && { period: { ...(from && { gte: from }), ...(to && { lte: to }) } }),
  };
}

function insightsWhere(
  officeId: string,
  theme: string | null | undefined,
  serviceId: string | undefined,
): Prisma.UserInsightWhereInput {
  const text = theme?.trim();
  return {
    officeId,
    ...(text && { theme: equalsIgnoringCase(text) }),
    ...(serviceId && { serviceId }),
  };
}

function cultureWhere(officeId: string, dimension: string | null | undefined): Prisma.CultureAssessmentWhereInput {
  const text = dimension?.trim();
  return { officeId, ...(text && { dimension: equalsIgnoringCase(text) }) };
}

builder.queryFields((t) => ({
  userInsightThemes: t.stringList({
    description: "The user-insight themes in use in any office, by name (to offer when recording).",
    resolve: async (_parent, _args, context) => {
      const rows = await context.db.userInsight.groupBy({ by: ["theme"], orderBy: { theme: "asc" } });
      return rows.map((row) => row.theme);
    },
  }),
  cultureDimensions: t.stringList({
    description: "The culture dimensions in use in any office, by name (to offer when recording).",
    resolve: async (_parent, _args, context) => {
      const rows = await context.db.cultureAssessment.groupBy({ by: ["dimension"], orderBy: { dimension: "asc" } });
      return rows.map((row) => row.dimension);
    },
  }),
}));
