// The monthly summary's figures: the month's dashboard and reports, put together for the
// directorate (which reports came in, which are missing, which stages changed).
import { request, type ResultOf } from "../../graphql";
import { addMonths, isMonth, monthEnd } from "../../methods/compare/url-state";
import type { Stage } from "../dashboard/stages";
import { MonthlyReportsQuery, MonthlySummaryQuery } from "./documents";

type SummaryResult = ResultOf<typeof MonthlySummaryQuery>;
export type SummaryDashboard = SummaryResult["current"];
export type Reminder = SummaryResult["progressReportReminders"]["due"][number];
export type MonthReport = ResultOf<typeof MonthlyReportsQuery>["progressReports"]["edges"][number]["node"];

export interface StageChange {
  officeId: string;
  officeName: string;
  practiceId: string;
  practiceName: string;
  from: Stage;
  to: Stage;
}

export interface MonthlySummary {
  month: string;
  dashboard: SummaryDashboard;
  /** SUBMITTED or ACKNOWLEDGED reports for the month, by office name. */
  received: MonthReport[];
  acknowledgedCount: number;
  /** Offices whose report for the month is not in (due or overdue), by office name. */
  missing: Reminder[];
  changes: StageChange[];
}

/** The month the summary describes: ?maned=yyyy-mm, else last month (the latest one that is over). */
export function summaryMonth(param: string | null, today: string): string {
  const current = today.slice(0, 7);
  if (isMonth(param) && param <= current) return param;
  return addMonths(current, -1);
}

/** The month's figures as of its last day, or as of today while it runs. */
export function asOfFor(month: string, today: string): string {
  const end = monthEnd(month);
  return end < today ? end : today;
}

export async function loadMonthlySummary(month: string, today: string, signal: AbortSignal): Promise<MonthlySummary> {
  const period = `${month}-01`;
  const [summary, reports] = await Promise.all([
    request(MonthlySummaryQuery, { asOf: asOfFor(month, today), previousAsOf: monthEnd(addMonths(month, -1)) }, { signal }),
    loadMonthReports(period, signal),
  ]);
  const received = reports
    .filter((report) => report.status === "SUBMITTED" || report.status === "ACKNOWLEDGED")
    .sort((a, b) => a.office.name.localeCompare(b.office.name, "nb"));
  const reminders = [...summary.progressReportReminders.overdue, ...summary.progressReportReminders.due];
  return {
    month,
    dashboard: summary.current,
    received,
    acknowledgedCount: received.filter((report) => report.status === "ACKNOWLEDGED").length,
    missing: reminders.filter((reminder) => reminder.period === period).sort((a, b) => a.office.name.localeCompare(b.office.name, "nb")),
    changes: stageChanges(summary.current, summary.previous.matrix),
  };
}

async function loadMonthReports(period: string, signal: AbortSignal): Promise<MonthReport[]> {
  const reports: MonthReport[] = [];
  let after: string | null = null;
  // An office has one report a month, so a few pages at most (250 offices).
  for (;;) {
    const data: ResultOf<typeof MonthlyReportsQuery> = await request(MonthlyReportsQuery, { month: period, after }, { signal });
    reports.push(...data.progressReports.edges.map((edge) => edge.node));
    if (!data.progressReports.pageInfo.hasNextPage || !data.progressReports.pageInfo.endCursor) return reports;
    after = data.progressReports.pageInfo.endCursor;
  }
}

/**
 * Every office × practice whose stage differs from last month's, by office and then in
 * practice order. An office missing last month (it joined since) started from "not started".
 */
export function stageChanges(
  current: Pick<SummaryDashboard, "matrix" | "practices">,
  previous: ReadonlyArray<{ office: { id: string }; cells: ReadonlyArray<{ practiceId: string; stage: Stage }> }>,
): StageChange[] {
  const before = new Map(previous.flatMap((row) => row.cells.map((cell) => [`${row.office.id}|${cell.practiceId}`, cell.stage] as const)));
  const practiceName = new Map(current.practices.map((practice) => [practice.id, practice.name]));
  const changes: StageChange[] = [];
  for (const row of current.matrix) {
    for (const cell of row.cells) {
      const from = before.get(`${row.office.id}|${cell.practiceId}`) ?? "NOT_STARTED";
      if (from === cell.stage) continue;
      changes.push({
        officeId: row.office.id,
        officeName: row.office.name,
        practiceId: cell.practiceId,
        practiceName: practiceName.get(cell.practiceId) ?? "",
        from,
        to: cell.stage,
      });
    }
  }
  const practiceOrder = new Map(current.practices.map((practice, index) => [practice.id, index]));
  return changes.sort(
    (a, b) => a.officeName.localeCompare(b.officeName, "nb") || (practiceOrder.get(a.practiceId) ?? 0) - (practiceOrder.get(b.practiceId) ?? 0),
  );
}
