// /innforing/rapporter: the monthly progress reports. Leaders see their offices' due and
// overdue reports and open them from here; the directorate sees every office's, the
// reports waiting to be acknowledged, and can download the reports as Excel. Below: every
// report the user may read, filtered (the filter is in the URL).
import { BodyLong, Heading, HGrid, VStack } from "@navikt/ds-react";
import { type MetaFunction } from "@remix-run/react";
import { useEffect, useState } from "react";
import { ProgressReportRemindersQuery } from "../adoption/reports/documents";
import { AwaitingReviewList, ReminderList } from "../adoption/reports/Reminders";
import { ReportsList } from "../adoption/reports/ReportsList";
import { AdoptionSubNav } from "../adoption/navigation";
import { useAuth } from "../auth";
import { ErrorState, LoadingMessage } from "../components/States";
import { request, type ResultOf } from "../graphql";
import { t } from "../i18n";

export const meta: MetaFunction = () => [{ title: `${t("reports.title")} – ${t("app.name")}` }];

type Reminders = ResultOf<typeof ProgressReportRemindersQuery>["progressReportReminders"];

const DIRECTORATE_OR_VIEWER = ["planner", "admin", "viewer"] as const;

export default function ProgressReportsRoute() {
  const { user } = useAuth();
  const seesAll = user.roles.some((role) => (DIRECTORATE_OR_VIEWER as readonly string[]).includes(role));
  return (
    <VStack gap="space-32">
      <AdoptionSubNav roles={user.roles} />
      <VStack gap="space-8">
        <Heading level="1" size="xlarge">
          {t("reports.title")}
        </Heading>
        <BodyLong style={{ maxWidth: "48rem" }}>{t("reports.intro")}</BodyLong>
      </VStack>
      <RemindersSection showAwaiting={seesAll} />
      <ReportsList seesAll={seesAll} />
    </VStack>
  );
}

function RemindersSection({ showAwaiting }: { showAwaiting: boolean }) {
  const [state, setState] = useState<{ status: "loading" } | { status: "error"; error: unknown } | { status: "ok"; data: Reminders }>({
    status: "loading",
  });
  useEffect(() => {
    const controller = new AbortController();
    request(ProgressReportRemindersQuery, {}, { signal: controller.signal }).then(
      (data) => setState({ status: "ok", data: data.progressReportReminders }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: "error", error });
      },
    );
    return () => controller.abort();
  }, []);

  if (state.status === "loading") return <LoadingMessage text={t("reports.reminders.loading")} />;
  if (state.status === "error") return <ErrorState title={t("reports.reminders.error")} error={state.error} />;
  const { due, overdue, awaitingReview } = state.data;
  return (
    <HGrid gap="space-32" columns={{ xs: 1, md: showAwaiting ? 3 : 2 }} align="start">
      <ReminderList id="reports-due" title={t("reports.due.title")} emptyText={t("reports.due.empty")} reminders={due} />
      <ReminderList
        id="reports-overdue"
        title={t("reports.overdue.title")}
        emptyText={t("reports.overdue.empty")}
        reminders={overdue}
      />
      {showAwaiting && <AwaitingReviewList reports={awaitingReview} />}
    </HGrid>
  );
}
