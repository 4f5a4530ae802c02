// The monthly summary as a document: key figures, the month's reports (received,
// acknowledged, missing), stage changes since last month, offices behind plan with their
// reasons, the help asked for and what the offices learned, quoted.
import { BodyLong, BodyShort, Heading, HGrid, Table, VStack } from "@navikt/ds-react";
import type { ReactNode } from "react";
import { formatDate, formatNumber, formatPercent, t, tPlural, type MessageKey } from "../../i18n";
import { formatMonth } from "../../methods/compare/format";
import { addMonths } from "../../methods/compare/url-state";
import { behindReasonMissingKey, StageChip } from "../dashboard/BehindPlan";
import { stageIndex, stageName } from "../dashboard/stages";
import type { MonthlySummary } from "./data";

export function MonthlySummaryView({ summary }: { summary: MonthlySummary }) {
  const { dashboard, month } = summary;
  const withLearning = summary.received.filter((report) => report.learning.trim() !== "");
  const withHelp = summary.received.filter((report) => report.helpNeeded.trim() !== "");
  const keyFigures: Array<{ key: MessageKey; value: string; testId: string }> = [
    { key: "adoption.dashboard.summary.offices", value: formatNumber(dashboard.summary.officeCount), testId: "monthly-offices" },
    { key: "adoption.dashboard.summary.started", value: formatNumber(dashboard.summary.startedOfficeCount), testId: "monthly-started" },
    { key: "adoption.summary.reports.received", value: formatNumber(summary.received.length), testId: "monthly-received" },
    { key: "adoption.summary.reports.acknowledged", value: formatNumber(summary.acknowledgedCount), testId: "monthly-acknowledged" },
    { key: "adoption.summary.reports.missing", value: formatNumber(summary.missing.length), testId: "monthly-missing" },
    { key: "adoption.dashboard.summary.adopted", value: formatPercent(dashboard.summary.adoptedShare), testId: "monthly-adopted" },
    { key: "adoption.dashboard.summary.behind", value: formatNumber(dashboard.summary.behindPlanOfficeCount), testId: "monthly-behind" },
  ];

  return (
    <VStack gap="space-40">
      <SummarySection id="nokkeltall" title={t("adoption.summary.keyNumbers")}>
        <HGrid as="dl" columns={{ xs: 2, md: 4 }} gap="space-16" className="samla-summary-figures">
          {keyFigures.map((figure) => (
            <div key={figure.key}>
              <dt>{t(figure.key)}</dt>
              <dd data-testid={figure.testId}>{figure.value}</dd>
            </div>
          ))}
        </HGrid>
      </SummarySection>

      <SummarySection id="rapporter" title={t("adoption.summary.reports.heading")}>
        <Heading level="3" size="small" spacing>
          {t("adoption.summary.reports.missingList")}
        </Heading>
        {summary.missing.length === 0 ? (
          <BodyShort spacing>{t("adoption.summary.reports.noneMissing")}</BodyShort>
        ) : (
          <ul className="samla-summary-list" data-testid="monthly-missing-list">
            {summary.missing.map((reminder) => (
              <li key={reminder.office.id}>
                {reminder.office.name} ·{" "}
                {reminder.state === "OVERDUE"
                  ? tPlural("adoption.summary.reports.overdueDays", reminder.daysOverdue, { days: reminder.daysOverdue })
                  : `${t("adoption.summary.reports.notDue")} (${t("adoption.summary.reports.dueOn", { date: formatDate(reminder.dueDate) })})`}
              </li>
            ))}
          </ul>
        )}
        <Heading level="3" size="small" spacing>
          {t("adoption.summary.reports.receivedList")}
        </Heading>
        {summary.received.length === 0 ? (
          <BodyShort>{t("adoption.summary.reports.noneReceived")}</BodyShort>
        ) : (
          <Table size="small" data-testid="monthly-received-table">
            <caption className="aksel-sr-only">{t("adoption.summary.reports.receivedList")}</caption>
            <Table.Header>
              <Table.Row>
                <Table.ColumnHeader scope="col">{t("adoption.summary.reports.office")}</Table.ColumnHeader>
                <Table.ColumnHeader scope="col">{t("adoption.summary.reports.status")}</Table.ColumnHeader>
                <Table.ColumnHeader scope="col">{t("adoption.summary.reports.submittedAt")}</Table.ColumnHeader>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {summary.received.map((report) => (
                <Table.Row key={report.id}>
                  <Table.HeaderCell scope="row" style={{ fontWeight: "normal" }}>
                    {report.office.name}
                  </Table.HeaderCell>
                  <Table.DataCell>{t(report.status === "ACKNOWLEDGED" ? "adoption.summary.status.ACKNOWLEDGED" : "adoption.summary.status.SUBMITTED")}</Table.DataCell>
                  <Table.DataCell>{report.submittedAt ? formatDate(report.submittedAt) : "–"}</Table.DataCell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </SummarySection>

      <SummarySection id="endringer" title={t("adoption.summary.changes.heading", { month: formatMonth(addMonths(month, -1), "long") })}>
        {summary.changes.length === 0 ? (
          <BodyShort>{t("adoption.summary.changes.none")}</BodyShort>
        ) : (
          <Table size="small" data-testid="monthly-changes">
            <caption className="aksel-sr-only">{t("adoption.summary.changes.caption")}</caption>
            <Table.Header>
              <Table.Row>
                <Table.ColumnHeader scope="col">{t("adoption.summary.changes.office")}</Table.ColumnHeader>
                <Table.ColumnHeader scope="col">{t("adoption.summary.changes.practice")}</Table.ColumnHeader>
                <Table.ColumnHeader scope="col">{t("adoption.summary.changes.from")}</Table.ColumnHeader>
                <Table.ColumnHeader scope="col">{t("adoption.summary.changes.to")}</Table.ColumnHeader>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {summary.changes.map((change) => {
                const steps = stageIndex(change.to) - stageIndex(change.from);
                return (
                  <Table.Row key={`${change.officeId}|${change.practiceId}`}>
                    <Table.DataCell>{change.officeName}</Table.DataCell>
                    <Table.DataCell>{change.practiceName}</Table.DataCell>
                    <Table.DataCell>{stageName(change.from)}</Table.DataCell>
                    <Table.DataCell>
                      <StageChip stage={change.to} />{" "}
                      <span className="samla-summary-muted">
                        ({t(steps > 0 ? "adoption.summary.changes.up" : "adoption.summary.changes.down", { count: Math.abs(steps) })})
                      </span>
                    </Table.DataCell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        )}
      </SummarySection>

      <SummarySection id="etter-plan" title={t("adoption.summary.behind.heading")}>
        {dashboard.behindPlan.length === 0 ? (
          <BodyShort>{t("adoption.dashboard.behind.none")}</BodyShort>
        ) : (
          <VStack gap="space-16" as="ul" className="samla-summary-list" data-testid="monthly-behind-list">
            {dashboard.behindPlan.map((entry) => (
              <li key={entry.office.id} className="samla-summary-entry">
                <Heading level="3" size="xsmall">
                  {entry.office.name} <span className="samla-summary-muted">· {entry.wave.name}</span>
                </Heading>
                <BodyShort size="small">
                  {entry.practices
                    .map((item) => `${item.practice.name}: ${stageName(item.stage)} (${t("adoption.dashboard.status.expected", { expected: stageName(item.expectedStage) })})`)
                    .join("; ")}
                </BodyShort>
                {entry.reason ? (
                  <blockquote className="samla-summary-quote">
                    <BodyLong size="small">{entry.reason}</BodyLong>
                  </blockquote>
                ) : (
                  <BodyShort size="small" className="samla-summary-muted">
                    {t(behindReasonMissingKey(entry))}
                  </BodyShort>
                )}
              </li>
            ))}
          </VStack>
        )}
      </SummarySection>

      <SummarySection id="hjelp" title={t("adoption.summary.help.heading")}>
        <Quotes reports={withHelp} text={(report) => report.helpNeeded} none={t("adoption.summary.help.none")} testId="monthly-help" />
      </SummarySection>

      <SummarySection id="laering" title={t("adoption.summary.learning.heading")}>
        <Quotes reports={withLearning} text={(report) => report.learning} none={t("adoption.summary.learning.none")} testId="monthly-learning" />
      </SummarySection>
    </VStack>
  );
}

function Quotes<R extends { id: string; office: { name: string } }>({
  reports,
  text,
  none,
  testId,
}: {
  reports: R[];
  text: (report: R) => string;
  none: string;
  testId: string;
}) {
  if (reports.length === 0) return <BodyShort>{none}</BodyShort>;
  return (
    <ul className="samla-summary-list samla-summary-quotes" data-testid={testId}>
      {reports.map((report) => (
        <li key={report.id} className="samla-summary-entry">
          <figure className="samla-summary-figure">
            <figcaption>
              <BodyShort size="small" weight="semibold">
                {report.office.name}
              </BodyShort>
            </figcaption>
            <blockquote className="samla-summary-quote">
              <BodyLong size="small">{text(report)}</BodyLong>
            </blockquote>
          </figure>
        </li>
      ))}
    </ul>
  );
}

function SummarySection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  const headingId = `manedsrapport-${id}`;
  return (
    <section aria-labelledby={headingId} className="samla-summary-section">
      <Heading level="2" size="medium" id={headingId} spacing>
        {title}
      </Heading>
      {children}
    </section>
  );
}
