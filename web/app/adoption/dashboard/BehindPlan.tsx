// "Etter plan": the offices behind plan (most practices behind first), each with the
// practices behind, the stage reached against the stage expected, and what the office
// itself gave as obstacle and help needed in its latest report.
import { BodyLong, BodyShort, Detail, Heading, HStack, Link, Table, Tag, VStack } from "@navikt/ds-react";
import { Link as RemixLink } from "@remix-run/react";
import { formatDate, t } from "../../i18n";
import { formatMonth } from "../../methods/compare/format";
import type { BehindPlanOffice } from "./data";
import { stageColours, stageName, type Stage } from "./stages";

export function reportPath(reportId: string): string {
  return `/innforing/rapporter/${encodeURIComponent(reportId)}`;
}

export function BehindPlanList({ offices }: { offices: BehindPlanOffice[] }) {
  return (
    <ul className="samla-adoption-behind-list" data-testid="behind-plan">
      {offices.map((entry) => (
        <li key={entry.office.id}>
          <BehindPlanEntry entry={entry} />
        </li>
      ))}
    </ul>
  );
}

function BehindPlanEntry({ entry }: { entry: BehindPlanOffice }) {
  const headingId = `adoption-behind-${entry.office.id.replace(/[^A-Za-z0-9_-]/g, "")}`;
  return (
    <VStack gap="space-8" as="article" aria-labelledby={headingId} className="samla-adoption-behind">
      <HStack gap="space-8" align="center" wrap>
        <Heading level="3" size="xsmall" id={headingId}>
          {entry.office.name}
        </Heading>
        <Tag size="xsmall" variant="neutral">
          {entry.wave.name}
        </Tag>
        <Detail textColor="subtle">{t("adoption.dashboard.behind.count", { count: entry.practices.length })}</Detail>
      </HStack>
      <div className="samla-adoption-scroll" role="region" aria-label={t("adoption.dashboard.behind.tableCaption", { office: entry.office.name })} tabIndex={0}>
        <Table size="small">
          <caption className="aksel-sr-only">{t("adoption.dashboard.behind.tableCaption", { office: entry.office.name })}</caption>
          <Table.Header>
            <Table.Row>
              <Table.ColumnHeader scope="col">{t("adoption.dashboard.behind.practice")}</Table.ColumnHeader>
              <Table.ColumnHeader scope="col">{t("adoption.dashboard.behind.actual")}</Table.ColumnHeader>
              <Table.ColumnHeader scope="col">{t("adoption.dashboard.behind.expected")}</Table.ColumnHeader>
              <Table.ColumnHeader scope="col">{t("adoption.dashboard.behind.target")}</Table.ColumnHeader>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {entry.practices.map((item) => (
              <Table.Row key={item.practice.id}>
                <Table.HeaderCell scope="row" style={{ fontWeight: "normal" }}>
                  {item.practice.name}
                </Table.HeaderCell>
                <Table.DataCell>
                  <StageChip stage={item.stage} />
                </Table.DataCell>
                <Table.DataCell>
                  <StageChip stage={item.expectedStage} />
                </Table.DataCell>
                <Table.DataCell style={{ whiteSpace: "nowrap" }}>{formatDate(item.targetDate)}</Table.DataCell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      <VStack gap="space-4">
        <BodyShort weight="semibold">{t("adoption.dashboard.behind.reason")}</BodyShort>
        {entry.reason ? (
          <blockquote className="samla-adoption-quote">
            <BodyLong>{entry.reason}</BodyLong>
          </blockquote>
        ) : (
          <BodyShort textColor="subtle">{t(behindReasonMissingKey(entry))}</BodyShort>
        )}
      </VStack>
      {entry.helpNeeded && (
        <VStack gap="space-4">
          <BodyShort weight="semibold">{t("adoption.dashboard.behind.help")}</BodyShort>
          <blockquote className="samla-adoption-quote">
            <BodyLong>{entry.helpNeeded}</BodyLong>
          </blockquote>
        </VStack>
      )}
      {entry.reportId && entry.reportPeriod && (
        <Link as={RemixLink} to={reportPath(entry.reportId)}>
          {t("adoption.dashboard.behind.report", { month: formatMonth(entry.reportPeriod, "long") })}
          <span className="aksel-sr-only">{` – ${entry.office.name}`}</span>
        </Link>
      )}
    </VStack>
  );
}

/** Why no reason is shown: the office gave none, or the caller may not read its reports (another office's leader). */
export function behindReasonMissingKey(entry: Pick<BehindPlanOffice, "viewerCanReadReport">) {
  return entry.viewerCanReadReport ? "adoption.dashboard.behind.noReason" : "adoption.dashboard.behind.reasonHidden";
}

export function StageChip({ stage }: { stage: Stage }) {
  const colours = stageColours(stage);
  return (
    <span className="samla-adoption-chip" style={{ background: colours.background, color: colours.text }}>
      {stageName(stage)}
    </span>
  );
}
