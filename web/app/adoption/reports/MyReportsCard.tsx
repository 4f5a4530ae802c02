// The "Statusrapporter" card on /mitt-kontor: the leader's due and overdue reports, each
// opened with one click, and a link to all reports. Hidden for users without reminders
// to see (the API answers only for leaders' own offices here).
import { BodyShort, Box, Heading, Link, VStack } from "@navikt/ds-react";
import { Link as RemixLink } from "@remix-run/react";
import { useEffect, useState } from "react";
import { request, type ResultOf } from "../../graphql";
import { formatDate, t } from "../../i18n";
import { MyProgressReportRemindersQuery } from "./documents";
import { OpenReportButton } from "./Reminders";

type Reminders = ResultOf<typeof MyProgressReportRemindersQuery>["progressReportReminders"];

export function MyReportsCard() {
  const [reminders, setReminders] = useState<Reminders | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    request(MyProgressReportRemindersQuery, {}, { signal: controller.signal }).then((data) => setReminders(data.progressReportReminders), () => {
      if (!controller.signal.aborted) setFailed(true);
    });
    return () => controller.abort();
  }, []);

  // The card is extra: when the reminders cannot be read, the rest of the page still works.
  if (failed || !reminders) return null;
  const own = [...reminders.overdue, ...reminders.due].filter((reminder) => reminder.office.viewerCanReport);

  return (
    <Box
      as="section"
      aria-labelledby="my-reports-heading"
      padding="space-24"
      borderRadius="8"
      borderWidth="1"
      borderColor="neutral-subtle"
      style={{ maxWidth: "40rem" }}
      data-testid="my-reports"
    >
      <VStack gap="space-16">
        <Heading id="my-reports-heading" level="2" size="medium">
          {t("reports.myOffice.title")}
        </Heading>
        {own.length === 0 ? (
          <BodyShort>{t("reports.myOffice.none")}</BodyShort>
        ) : (
          <VStack as="ul" gap="space-16" className="samla-plain-list">
            {own.map((reminder) => (
              <li key={`${reminder.office.id}|${reminder.period}`}>
                <VStack gap="space-4" align="start">
                  <OpenReportButton reminder={reminder} />
                  <BodyShort size="small">
                    {reminder.state === "OVERDUE"
                      ? t("reports.myOffice.overdue", { date: formatDate(reminder.dueDate) })
                      : t("reports.myOffice.due", { date: formatDate(reminder.dueDate) })}
                  </BodyShort>
                </VStack>
              </li>
            ))}
          </VStack>
        )}
        <Link as={RemixLink} to="/innforing/rapporter">
          {t("reports.myOffice.all")}
        </Link>
      </VStack>
    </Box>
  );
}
