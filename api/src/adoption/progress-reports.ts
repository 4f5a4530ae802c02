// Reading progress reports: one report, the list, and the reminders (reports due and overdue).
// Planners, admins and viewers read every office's reports; an office leader those of the
// offices they lead today.
import type { Db, Office, ProgressReport } from "@samla/schema";
import { builder } from "../builder";
import type { SamlaContext } from "../context";
import type { Tx } from "../lib/audit";
import { norwegianOrder } from "../lib/collation";
import { firstOfMonth, todayInNorway } from "../lib/dates";
import { ledOfficeIds } from "../lib/leadership";
import { OfficeRef } from "../org/offices";
import {
  ADOPTION_READERS,
  ProgressReportFilter,
  ProgressReportRef,
  progressReportWhere,
  readsAllReports,
  reportDueDate,
  reportingStartMonthSql,
  reportReaderScopes,
} from "./adoption-types";

export type ReportReminderState = "DUE" | "OVERDUE";

export const ReportReminderStateEnum = builder.enumType("ReportReminderState", {
  values: ["DUE", "OVERDUE"] as const,
  description: "DUE: not done and its due date (the 10th of the next month) is today or later; OVERDUE: past it.",
});

/** A month's report an office should have sent and has not (no report, DRAFT or CHANGES_REQUESTED). */
export interface ReportReminderRow {
  officeId: string;
  officeName: string;
  period: Date;
  dueDate: Date;
  state: ReportReminderState;
  /** Whole days past the due date; 0 when DUE. */
  daysOverdue: number;
  /** The existing DRAFT or CHANGES_REQUESTED report, if any. */
  reportId: string | null;
}

const DAY_MS = 86_400_000;

/** Whether the month's report is DUE or OVERDUE on `today`: overdue once its due date has passed. */
function reminderTiming(period: Date, today: Date): Pick<ReportReminderRow, "dueDate" | "state" | "daysOverdue"> {
  const dueDate = reportDueDate(period);
  const late = dueDate < today;
  return { dueDate, state: late ? "OVERDUE" : "DUE", daysOverdue: late ? Math.round((today.getTime() - dueDate.getTime()) / DAY_MS) : 0 };
}

/**
 * The months one office would owe reports for on `today` if its reporting started in
 * `fromMonth`: the reminders' rule for a plan not (yet) stored, so a planner sees what a
 * move does before confirming it. Months with a SUBMITTED or ACKNOWLEDGED report are done.
 */
export async function outstandingReportMonths(
  db: Db | Tx,
  officeId: string,
  fromMonth: Date,
  today: Date,
): Promise<{ due: Date[]; overdue: Date[] }> {
  const rows = await db.$queryRaw<{ period: Date }[]>`
    SELECT m.period::date AS "period"
    FROM generate_series(${firstOfMonth(fromMonth)}::timestamp, ${firstOfMonth(today)}::timestamp, interval '1 month') AS m(period)
    WHERE NOT EXISTS (
      SELECT 1 FROM "ProgressReport" pr
      WHERE pr."officeId" = ${officeId} AND pr."period" = m.period::date AND pr."status" IN ('SUBMITTED', 'ACKNOWLEDGED')
    )
    ORDER BY m.period`;
  const due: Date[] = [];
  const overdue: Date[] = [];
  for (const { period } of rows) (reminderTiming(period, today).state === "OVERDUE" ? overdue : due).push(period);
  return { due, overdue };
}

/**
 * Reports expected and not done on `today`, for the offices in `officeIds` (null: every office).
 * Expected: every month from the office's reporting start (reportingStartMonth of its current
 * rollout) up to and including today's month. Done: SUBMITTED or ACKNOWLEDGED. One query: the months are generated in SQL and
 * matched to the reports by the (officeId, period) index, so 250 offices × 3 years stay cheap.
 * Sorted oldest period first, then office name.
 */
export async function reportReminders(
  db: Db | Tx,
  today: Date,
  officeIds: readonly string[] | null,
): Promise<{ due: ReportReminderRow[]; overdue: ReportReminderRow[] }> {
  if (officeIds && officeIds.length === 0) return { due: [], overdue: [] };
  const currentMonth = firstOfMonth(today);
  const rows = await db.$queryRaw<{ officeId: string; officeName: string; period: Date; reportId: string | null }[]>`
    SELECT r."officeId", o."name" AS "officeName", m.period::date AS "period", pr."id" AS "reportId"
    FROM "OfficeRollout" r
    JOIN "Office" o ON o."id" = r."officeId"
    CROSS JOIN LATERAL generate_series(
      ${reportingStartMonthSql("r")},
      ${currentMonth}::timestamp,
      interval '1 month'
    ) AS m(period)
    LEFT JOIN "ProgressReport" pr ON pr."officeId" = r."officeId" AND pr."period" = m.period::date
    WHERE r."leftAt" IS NULL
      AND (pr."id" IS NULL OR pr."status" IN ('DRAFT', 'CHANGES_REQUESTED'))
      AND (${officeIds === null} OR r."officeId" = ANY(${officeIds ?? []}::text[]))`;
  const due: ReportReminderRow[] = [];
  const overdue: ReportReminderRow[] = [];
  for (const row of rows) {
    const reminder = { ...row, ...reminderTiming(row.period, today) };
    (reminder.state === "OVERDUE" ? overdue : due).push(reminder);
  }
  const order = (a: ReportReminderRow, b: ReportReminderRow) =>
    a.period.getTime() - b.period.getTime() || norwegianOrder(a.officeName, b.officeName) || a.officeId.localeCompare(b.officeId);
  return { due: due.sort(order), overdue: overdue.sort(order) };
}

interface ReportReminderShape extends ReportReminderRow {
  office: Office;
  report: ProgressReport | null;
}

export const ReportReminderRef = builder.objectRef<ReportReminderShape>("ReportReminder").implement({
  description: "A month's report an office should have sent and has not (missing, DRAFT or CHANGES_REQUESTED).",
  fields: (t) => ({
    office: t.field({ type: OfficeRef, resolve: (reminder) => reminder.office }),
    period: t.expose("period", { type: "Date" }),
    dueDate: t.expose("dueDate", { type: "Date", description: "The 10th of the month after the period." }),
    state: t.expose("state", { type: ReportReminderStateEnum }),
    daysOverdue: t.exposeInt("daysOverdue", { description: "Days past the due date; 0 when DUE." }),
    report: t.field({
      type: ProgressReportRef,
      nullable: true,
      description: "The report started for the month (DRAFT or CHANGES_REQUESTED), if any: else openProgressReport.",
      resolve: (reminder) => reminder.report,
    }),
  }),
});

interface ProgressReportRemindersShape {
  due: ReportReminderShape[];
  overdue: ReportReminderShape[];
  awaitingReview: ProgressReport[];
}

export const ProgressReportRemindersRef = builder.objectRef<ProgressReportRemindersShape>("ProgressReportReminders").implement({
  fields: (t) => ({
    due: t.field({ type: [ReportReminderRef], description: "Oldest period first, then office name.", resolve: (r) => r.due }),
    overdue: t.field({ type: [ReportReminderRef], description: "Oldest period first, then office name.", resolve: (r) => r.overdue }),
    awaitingReview: t.field({
      type: [ProgressReportRef],
      description: "SUBMITTED reports, oldest submission first; empty unless the caller is a planner, admin or viewer.",
      resolve: (r) => r.awaitingReview,
    }),
  }),
});

/** The reminders with their offices and reports loaded in two queries. */
async function remindersFor(context: SamlaContext, today: Date): Promise<ProgressReportRemindersShape> {
  const all = readsAllReports(context);
  const { due, overdue } = await reportReminders(context.db, today, all ? null : [...(await ledOfficeIds(context))]);
  const rows = [...due, ...overdue];
  const [offices, reports, awaitingReview] = await Promise.all([
    context.db.office.findMany({ where: { id: { in: [...new Set(rows.map((row) => row.officeId))] } } }),
    context.db.progressReport.findMany({ where: { id: { in: rows.flatMap((row) => (row.reportId ? [row.reportId] : [])) } } }),
    all
      ? context.db.progressReport.findMany({ where: { status: "SUBMITTED" }, orderBy: [{ submittedAt: "asc" }, { id: "asc" }] })
      : Promise.resolve([]),
  ]);
  const officeById = new Map(offices.map((office) => [office.id, office]));
  const reportById = new Map(reports.map((report) => [report.id, report]));
  const shape = (row: ReportReminderRow): ReportReminderShape => ({
    ...row,
    office: officeById.get(row.officeId)!,
    report: row.reportId ? (reportById.get(row.reportId) ?? null) : null,
  });
  return { due: due.map(shape), overdue: overdue.map(shape), awaitingReview };
}

builder.queryFields((t) => ({
  progressReport: t.prismaField({
    type: "ProgressReport",
    nullable: true,
    description:
      "One report: planners, admins, viewers, or the leader of the report's office today (others get FORBIDDEN). " +
      "Null for an unknown id.",
    args: { id: t.arg.globalID({ required: true, for: ProgressReportRef }) },
    authScopes: async (_parent, args, context) => {
      const report = await context.db.progressReport.findUnique({ where: { id: args.id.id }, select: { officeId: true } });
      // An unknown id: whoever may read some reports learns only that it does not exist.
      return report ? reportReaderScopes(report.officeId) : ADOPTION_READERS;
    },
    resolve: (query, _parent, args, context) => context.db.progressReport.findUnique({ ...query, where: { id: args.id.id } }),
  }),
  progressReports: t.prismaConnection(
    {
      type: "ProgressReport",
      cursor: "id",
      description:
        "Reports, newest period first, then office name. An office leader (without planner, admin or viewer) " +
        "sees only the offices they lead today.",
      authScopes: ADOPTION_READERS,
      args: { filter: t.arg({ type: ProgressReportFilter, required: false }) },
      totalCount: async (_parent, args, context) =>
        context.db.progressReport.count({ where: await progressReportWhere(context, args.filter) }),
      resolve: async (query, _parent, args, context) =>
        context.db.progressReport.findMany({
          ...query,
          where: await progressReportWhere(context, args.filter),
          orderBy: [{ period: "desc" }, { office: { name: "asc" } }, { id: "asc" }],
        }),
    },
    { name: "ProgressReportConnection" },
    { name: "ProgressReportEdge" },
  ),
  progressReportReminders: t.field({
    type: ProgressReportRemindersRef,
    description:
      "Reports due and overdue today (in Norway): for an office leader their offices, for planners, admins and " +
      "viewers every office; with the reports awaiting review for the latter.",
    authScopes: ADOPTION_READERS,
    resolve: (_parent, _args, context) => remindersFor(context, todayInNorway()),
  }),
}));
