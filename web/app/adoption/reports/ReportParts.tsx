// Pieces of the report screens: the status tag, the report's content read-only (also what
// each submission in the history shows), the comments and the submission history.
import { Accordion, BodyLong, BodyShort, Heading, Table, Tag, VStack } from "@navikt/ds-react";
import { formatDate, t } from "../../i18n";
import { todayInNorway } from "../../lib/dates";
import { formatKpiValue } from "../../methods/compare/format";
import { formatDateTime } from "../../scenarios/editor/format";
import { parseSubmissionContent, stageName, statusName, type AdoptionStageValue, type ReportStatusValue } from "./model";
import type { Report, ReportComment, ReportSubmission } from "./types";

const STATUS_COLOR = {
  DRAFT: "neutral",
  SUBMITTED: "info",
  CHANGES_REQUESTED: "warning",
  ACKNOWLEDGED: "success",
} as const;

export function ReportStatusTag({
  status,
  size = "small",
  testId,
}: {
  status: ReportStatusValue;
  size?: "small" | "medium";
  testId?: string;
}) {
  return (
    <Tag variant="moderate" size={size} data-color={STATUS_COLOR[status]} data-testid={testId}>
      {statusName(status)}
    </Tag>
  );
}

export interface ContentView {
  stages: ReadonlyArray<{ key: string; practiceName: string; stage: AdoptionStageValue | null; note: string }>;
  kpiValues: ReadonlyArray<{ key: string; kpiName: string; unit: string; value: number | null }>;
  learning: string;
  obstacles: string;
  helpNeeded: string;
}

/** A report's content, read-only: stages, KPI values and the three texts. */
export function ReportContentView({ content, headingLevel }: { content: ContentView; headingLevel: "2" | "3" | "4" }) {
  const empty = t("reports.view.empty");
  const texts = [
    ["reports.form.learning", content.learning],
    ["reports.form.obstacles", content.obstacles],
    ["reports.form.helpNeeded", content.helpNeeded],
  ] as const;
  return (
    <VStack gap="space-24">
      <div className="samla-table-scroll">
        <Table size="small">
          <caption className="aksel-sr-only">{t("reports.form.stages")}</caption>
          <Table.Header>
            <Table.Row>
              <Table.ColumnHeader scope="col">{t("reports.view.practice")}</Table.ColumnHeader>
              <Table.ColumnHeader scope="col">{t("reports.view.stage")}</Table.ColumnHeader>
              <Table.ColumnHeader scope="col">{t("reports.view.note")}</Table.ColumnHeader>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {content.stages.map((entry) => (
              <Table.Row key={entry.key}>
                <Table.HeaderCell scope="row">{entry.practiceName}</Table.HeaderCell>
                <Table.DataCell style={{ whiteSpace: "nowrap" }}>{entry.stage ? stageName(entry.stage) : empty}</Table.DataCell>
                <Table.DataCell>{entry.note || "–"}</Table.DataCell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      {content.kpiValues.length === 0 ? (
        <BodyShort>{t("reports.view.noKpis")}</BodyShort>
      ) : (
        <div className="samla-table-scroll">
          <Table size="small">
            <caption className="aksel-sr-only">{t("reports.form.kpis")}</caption>
            <Table.Header>
              <Table.Row>
                <Table.ColumnHeader scope="col">{t("reports.view.kpi")}</Table.ColumnHeader>
                <Table.ColumnHeader scope="col" align="right">
                  {t("reports.view.value")}
                </Table.ColumnHeader>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {content.kpiValues.map((entry) => (
                <Table.Row key={entry.key}>
                  <Table.HeaderCell scope="row">{entry.kpiName}</Table.HeaderCell>
                  <Table.DataCell align="right">
                    {entry.value === null ? "–" : formatKpiValue(entry.value, entry.unit)}
                  </Table.DataCell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      {texts.map(([key, value]) => (
        <div key={key}>
          <Heading level={headingLevel} size="xsmall" spacing>
            {t(key)}
          </Heading>
          {value.trim() ? <BodyLong style={{ whiteSpace: "pre-wrap" }}>{value}</BodyLong> : <BodyShort>{empty}</BodyShort>}
        </div>
      ))}
    </VStack>
  );
}

/** The directorate's comments, oldest first. */
export function ReportComments({ comments }: { comments: readonly ReportComment[] }) {
  return (
    <section aria-labelledby="report-comments-heading">
      <Heading id="report-comments-heading" level="2" size="medium" spacing>
        {t("reports.comments.title")}
      </Heading>
      {comments.length === 0 ? (
        <BodyShort>{t("reports.comments.empty")}</BodyShort>
      ) : (
        <VStack as="ul" gap="space-16" className="samla-plain-list" data-testid="report-comments">
          {comments.map((comment) => (
            <li key={comment.id}>
              <BodyShort weight="semibold">{t(`reports.comments.kind.${comment.kind}`)}</BodyShort>
              <BodyShort size="small" spacing>
                {t("reports.comments.by", { name: comment.authorName, when: formatDateTime(comment.createdAt) })}
              </BodyShort>
              <BodyLong style={{ whiteSpace: "pre-wrap" }}>{comment.body}</BodyLong>
            </li>
          ))}
        </VStack>
      )}
    </section>
  );
}

/**
 * Every submission's content as it was sent: names come from the snapshot, else from
 * today's catalogues (`practiceNames`, `kpis`) by code or id.
 */
export function SubmissionHistory({
  submissions,
  practiceNames,
  kpis,
}: {
  submissions: readonly ReportSubmission[];
  practiceNames: ReadonlyMap<string, string>;
  kpis: ReadonlyMap<string, { name: string; unit: string }>;
}) {
  return (
    <section aria-labelledby="report-history-heading">
      <Heading id="report-history-heading" level="2" size="medium" spacing>
        {t("reports.history.title")}
      </Heading>
      {submissions.length === 0 ? (
        <BodyShort>{t("reports.history.empty")}</BodyShort>
      ) : (
        <Accordion data-testid="report-history">
          {submissions.map((submission) => {
            const content = parseSubmissionContent(submission.content);
            const view: ContentView = {
              stages: content.stages.map((entry, index) => ({
                key: entry.practiceRef ?? String(index),
                practiceName: entry.practiceName ?? (entry.practiceRef ? practiceNames.get(entry.practiceRef) : undefined) ?? "–",
                stage: entry.stage,
                note: entry.note,
              })),
              kpiValues: content.kpiValues.map((entry, index) => {
                const known = entry.kpiRef ? kpis.get(entry.kpiRef) : undefined;
                return {
                  key: entry.kpiRef ?? String(index),
                  kpiName: entry.kpiName ?? known?.name ?? "–",
                  unit: entry.unit ?? known?.unit ?? "",
                  value: entry.value,
                };
              }),
              learning: content.learning,
              obstacles: content.obstacles,
              helpNeeded: content.helpNeeded,
            };
            return (
              <Accordion.Item key={submission.id}>
                <Accordion.Header>
                  {t("reports.history.item", { number: submission.number, date: formatDate(todayInNorway(new Date(submission.submittedAt))) })}
                </Accordion.Header>
                <Accordion.Content>
                  <BodyShort size="small" spacing>
                    {t("reports.history.by", {
                      name: submission.submittedByName,
                      when: formatDateTime(submission.submittedAt),
                    })}
                  </BodyShort>
                  <ReportContentView content={view} headingLevel="4" />
                </Accordion.Content>
              </Accordion.Item>
            );
          })}
        </Accordion>
      )}
    </section>
  );
}

/** A report's current content, read-only. */
export function ReportContent({ report }: { report: Report }) {
  return (
    <ReportContentView
      headingLevel="3"
      content={{
        stages: report.stages.map((entry) => ({
          key: entry.practice.id,
          practiceName: entry.practice.name,
          stage: entry.stage,
          note: entry.note,
        })),
        kpiValues: report.kpiValues.map((entry) => ({
          key: entry.kpi.id,
          kpiName: entry.kpi.name,
          unit: entry.kpi.unit,
          value: entry.value,
        })),
        learning: report.learning,
        obstacles: report.obstacles,
        helpNeeded: report.helpNeeded,
      }}
    />
  );
}
