// Reports due and overdue (and, for the directorate, those waiting to be acknowledged). A
// leader opens a month's report from here: openProgressReport creates the draft the first
// time (prefilled from the last report) and returns the same report after that.
import { Alert, BodyShort, Button, Heading, HStack, Link, VStack } from "@navikt/ds-react";
import { Link as RemixLink, useNavigate } from "@remix-run/react";
import { useState } from "react";
import { describeError } from "../../components/States";
import { request } from "../../graphql";
import { formatDate, t } from "../../i18n";
import { formatDateTime } from "../../scenarios/editor/format";
import { OpenProgressReportMutation } from "./documents";
import { reportMonth } from "./model";
import { reportUrl, type AwaitingReport, type Reminder } from "./types";

/** How many reminders a list shows before "Vis alle" (the directorate sees every office's). */
const SHOWN_AT_FIRST = 12;

/** "Åpne rapporten for Nav Lillestrøm november 2026": opens (or creates) the month's report and goes there. */
export function OpenReportButton({
  reminder,
  size = "small",
}: {
  reminder: Pick<Reminder, "office" | "period">;
  size?: "small" | "medium";
}) {
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const open = async () => {
    setBusy(true);
    setError(null);
    try {
      const data = await request(OpenProgressReportMutation, {
        input: { officeId: reminder.office.id, period: reminder.period },
      });
      const result = data.openProgressReport;
      if (result.__typename === "OpenProgressReportPayload") {
        navigate(reportUrl(result.progressReport.id));
        return;
      }
      setError(result.message ?? t("error.api.generic"));
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <VStack gap="space-8" align="start">
      <Button type="button" size={size} variant="secondary" loading={busy} onClick={() => void open()}>
        {t("reports.reminder.open", { office: reminder.office.name, month: reportMonth(reminder.period) })}
      </Button>
      {error && (
        <Alert variant="error" size="small" role="alert">
          {t("reports.reminder.openError")}: {error}
        </Alert>
      )}
    </VStack>
  );
}

/** The reminder's state in words: due date, or days overdue, and whether a draft exists. */
export function reminderFacts(reminder: Reminder): string {
  const when =
    reminder.state === "OVERDUE"
      ? reminder.daysOverdue === 1
        ? t("reports.reminder.oneDayOverdue")
        : t("reports.reminder.daysOverdue", { days: reminder.daysOverdue })
      : t("reports.reminder.dueOn", { date: formatDate(reminder.dueDate) });
  const progress =
    reminder.report?.status === "CHANGES_REQUESTED"
      ? t("reports.reminder.changes")
      : reminder.report
        ? t("reports.reminder.draft")
        : t("reports.reminder.notStarted");
  return `${when} · ${progress}`;
}

/** The leader opens the report; others see it when it exists. */
function ReminderAction({ reminder }: { reminder: Reminder }) {
  if (reminder.office.viewerCanReport) return <OpenReportButton reminder={reminder} />;
  if (!reminder.report) return null;
  return (
    <Link as={RemixLink} to={reportUrl(reminder.report.id)}>
      {t("reports.reminder.view", { office: reminder.office.name, month: reportMonth(reminder.period) })}
    </Link>
  );
}

export function ReminderList({
  id,
  title,
  emptyText,
  reminders,
}: {
  id: string;
  title: string;
  emptyText: string;
  reminders: readonly Reminder[];
}) {
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? reminders : reminders.slice(0, SHOWN_AT_FIRST);
  return (
    <section aria-labelledby={`${id}-heading`} data-testid={id}>
      <Heading id={`${id}-heading`} level="2" size="medium" spacing>
        {title} {reminders.length > 0 && `(${reminders.length})`}
      </Heading>
      {reminders.length === 0 ? (
        <BodyShort>{emptyText}</BodyShort>
      ) : (
        <VStack gap="space-12" align="start">
          <VStack as="ul" gap="space-16" className="samla-plain-list">
            {shown.map((reminder) => (
              <li key={`${reminder.office.id}|${reminder.period}`}>
                <VStack gap="space-4" align="start">
                  <BodyShort weight="semibold">
                    {t("reports.list.reportFor", { office: reminder.office.name, month: reportMonth(reminder.period) })}
                  </BodyShort>
                  <BodyShort size="small">{reminderFacts(reminder)}</BodyShort>
                  <ReminderAction reminder={reminder} />
                </VStack>
              </li>
            ))}
          </VStack>
          {reminders.length > shown.length && (
            <Button type="button" size="small" variant="tertiary" onClick={() => setShowAll(true)}>
              {t("reports.reminders.showAll", { count: reminders.length })}
            </Button>
          )}
        </VStack>
      )}
    </section>
  );
}

export function AwaitingReviewList({ reports }: { reports: readonly AwaitingReport[] }) {
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? reports : reports.slice(0, SHOWN_AT_FIRST);
  return (
    <section aria-labelledby="awaiting-review-heading" data-testid="awaiting-review">
      <Heading id="awaiting-review-heading" level="2" size="medium" spacing>
        {t("reports.awaiting.title")} {reports.length > 0 && `(${reports.length})`}
      </Heading>
      {reports.length === 0 ? (
        <BodyShort>{t("reports.awaiting.empty")}</BodyShort>
      ) : (
        <VStack gap="space-12" align="start">
          <VStack as="ul" gap="space-12" className="samla-plain-list">
            {shown.map((report) => (
              <li key={report.id}>
                <HStack gap="space-8" align="baseline" wrap>
                  <Link as={RemixLink} to={reportUrl(report.id)}>
                    {t("reports.list.reportFor", { office: report.office.name, month: reportMonth(report.period) })}
                  </Link>
                  {report.submittedAt && (
                    <BodyShort size="small">
                      {t("reports.awaiting.submitted", {
                        when: formatDateTime(report.submittedAt),
                        name: report.submittedByName ?? "–",
                      })}
                    </BodyShort>
                  )}
                </HStack>
              </li>
            ))}
          </VStack>
          {reports.length > shown.length && (
            <Button type="button" size="small" variant="tertiary" onClick={() => setShowAll(true)}>
              {t("reports.reminders.showAll", { count: reports.length })}
            </Button>
          )}
        </VStack>
      )}
    </section>
  );
}
