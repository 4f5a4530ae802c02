// The shapes the report screens share, from their GraphQL documents.
import type { ResultOf } from "../../graphql";
import type {
  ProgressReportListQuery,
  ProgressReportPageQuery,
  ProgressReportRemindersQuery,
} from "./documents";

type PageData = ResultOf<typeof ProgressReportPageQuery>;

export type Report = NonNullable<PageData["progressReport"]>;
export type ReportPractice = PageData["practices"][number];
export type ReportKpi = PageData["kpis"][number];
export type ReportComment = Report["comments"][number];
export type ReportSubmission = Report["submissions"][number];

type Reminders = ResultOf<typeof ProgressReportRemindersQuery>["progressReportReminders"];
export type Reminder = Reminders["due"][number];
export type AwaitingReport = Reminders["awaitingReview"][number];

export type ReportPage = ResultOf<typeof ProgressReportListQuery>["progressReports"];
export type ReportRow = ReportPage["edges"][number]["node"];

/** The page of one report. */
export const reportUrl = (id: string) => `/innforing/rapporter/${encodeURIComponent(id)}`;
