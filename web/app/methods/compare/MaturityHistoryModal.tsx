// Drill-down of one heatmap cell: what the level means, the evidence, and every
// assessment of the practice up to the end of the period (newest first).
import { BodyLong, BodyShort, Heading, Link, Modal, Table, VStack } from "@navikt/ds-react";
import { Await, Link as RemixLink } from "@remix-run/react";
import { Suspense } from "react";
import { AwaitError, EmptyState, TableSkeleton } from "../../components/States";
import { formatDate, t } from "../../i18n";
import type { ComparedOffice, ComparedPractice, MaturityCellData, MaturityHistory } from "./data";

export function MaturityHistoryModal({
  office,
  practice,
  cell,
  history,
  onClose,
}: {
  office: ComparedOffice;
  practice: ComparedPractice;
  cell: MaturityCellData | undefined;
  history: Promise<MaturityHistory>;
  onClose: () => void;
}) {
  const level = cell?.level ?? null;
  return (
    <Modal
      open
      onClose={onClose}
      width="medium"
      header={{ heading: practice.name, label: office.name }}
      data-testid="maturity-history"
    >
      <Modal.Body>
        <VStack gap="space-24">
          <VStack gap="space-8">
            <BodyLong weight="semibold">
              {level === null
                ? t("compare.history.noLevel")
                : t("compare.history.current", { level, date: cell?.assessedOn ? formatDate(cell.assessedOn) : "" })}
            </BodyLong>
            {level !== null && practice.levels[level] && <BodyLong>{t("compare.history.meaning", { text: practice.levels[level] })}</BodyLong>}
          </VStack>
          <Suspense fallback={<TableSkeleton label={t("compare.history.loading")} rows={3} />}>
            <Await resolve={history} errorElement={<AwaitError title={t("compare.history.error")} />}>
              {(assessments) => <HistoryTable assessments={assessments} />}
            </Await>
          </Suspense>
          <Link as={RemixLink} to={`/kontorer/${encodeURIComponent(office.id)}`}>
            {t("compare.history.officeLink", { office: office.name })}
          </Link>
        </VStack>
      </Modal.Body>
    </Modal>
  );
}

function HistoryTable({ assessments }: { assessments: MaturityHistory }) {
  if (assessments.length === 0) return <EmptyState title={t("compare.history.empty")} />;
  const [latest] = assessments;
  return (
    <VStack gap="space-16">
      {latest && (
        <VStack gap="space-4">
          <Heading level="3" size="xsmall">
            {t("compare.history.evidence")}
          </Heading>
          <BodyLong data-testid="maturity-evidence">{latest.evidence}</BodyLong>
        </VStack>
      )}
      <Table size="small">
        <caption className="samla-compare-caption">{t("compare.history.caption", { count: assessments.length })}</caption>
        <Table.Header>
          <Table.Row>
            <Table.ColumnHeader scope="col">{t("compare.history.col.date")}</Table.ColumnHeader>
            <Table.ColumnHeader scope="col">{t("compare.history.col.level")}</Table.ColumnHeader>
            <Table.ColumnHeader scope="col">{t("compare.history.col.evidence")}</Table.ColumnHeader>
            <Table.ColumnHeader scope="col">{t("compare.history.col.version")}</Table.ColumnHeader>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {assessments.map((assessment) => (
            <Table.Row key={assessment.id}>
              <Table.DataCell style={{ whiteSpace: "nowrap", verticalAlign: "top" }}>
                <time dateTime={assessment.assessedOn}>{formatDate(assessment.assessedOn)}</time>
              </Table.DataCell>
              <Table.DataCell style={{ verticalAlign: "top" }}>
                <BodyShort weight="semibold">{assessment.level}</BodyShort>
                <BodyShort size="small">{assessment.levelText}</BodyShort>
              </Table.DataCell>
              <Table.DataCell style={{ verticalAlign: "top" }}>
                <BodyShort>{assessment.evidence}</BodyShort>
                <BodyShort size="small" textColor="subtle">
                  {t("compare.history.author", { name: assessment.authorName })}
                </BodyShort>
              </Table.DataCell>
              <Table.DataCell style={{ verticalAlign: "top" }}>
                {t("compare.history.version", { number: assessment.practiceVersion.number })}
              </Table.DataCell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </VStack>
  );
}
