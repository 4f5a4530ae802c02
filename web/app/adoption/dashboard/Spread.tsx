// "Spredning": one horizontal bar per practice, split by how many offices are on each
// stage, with the share that has adopted it; the counts as a table.
import { BodyShort, ReadMore, Table, VStack } from "@navikt/ds-react";
import { formatNumber, formatPercent, t } from "../../i18n";
import { countsByStage, spreadSegments } from "./charts";
import { practiceNames, type Dashboard } from "./data";
import { STAGES, stageColours, stageName } from "./stages";

export function SpreadBars({ dashboard }: { dashboard: Pick<Dashboard, "practices" | "spread"> }) {
  const names = practiceNames(dashboard);
  return (
    <VStack gap="space-16">
      <ul className="samla-adoption-bars" data-testid="adoption-spread">
        {dashboard.spread.map((item) => {
          const name = names.get(item.practice.id) ?? "";
          const counts = countsByStage(item.counts);
          const label = t("adoption.dashboard.spread.bar", {
            practice: name,
            share: formatPercent(item.adoptedShare),
            counts: STAGES.map((stage) => t("adoption.dashboard.time.count", { stage: stageName(stage), count: counts[stage] })).join(", "),
          });
          return (
            <li key={item.practice.id} className="samla-adoption-bar-row">
              <BodyShort size="small" className="samla-adoption-bar-name" aria-hidden>
                {name}
              </BodyShort>
              <span className="aksel-sr-only">{label}</span>
              <span className="samla-adoption-bar-track" aria-hidden>
                {spreadSegments(item.counts).map((segment) => {
                  const colours = stageColours(segment.stage);
                  return (
                    <span
                      key={segment.stage}
                      className="samla-adoption-bar-segment"
                      style={{ width: `${segment.width * 100}%`, background: colours.background, color: colours.text }}
                      title={`${stageName(segment.stage)}: ${formatNumber(segment.count)}`}
                    >
                      {/* The count is printed where the segment has room for it. */}
                      {segment.width >= 0.08 ? formatNumber(segment.count) : ""}
                    </span>
                  );
                })}
              </span>
              <BodyShort size="small" className="samla-adoption-bar-value" aria-hidden>
                {t("adoption.dashboard.spread.adopted", { share: formatPercent(item.adoptedShare) })}
              </BodyShort>
            </li>
          );
        })}
      </ul>
      <ReadMore header={t("adoption.dashboard.showTable")} size="small">
        <div className="samla-adoption-scroll" role="region" aria-label={t("adoption.dashboard.spread.tableCaption")} tabIndex={0}>
          <Table size="small">
            <caption className="samla-adoption-caption">{t("adoption.dashboard.spread.tableCaption")}</caption>
            <Table.Header>
              <Table.Row>
                <Table.ColumnHeader scope="col">{t("adoption.dashboard.time.practice")}</Table.ColumnHeader>
                {STAGES.map((stage) => (
                  <Table.ColumnHeader key={stage} scope="col" align="right">
                    {stageName(stage)}
                  </Table.ColumnHeader>
                ))}
                <Table.ColumnHeader scope="col" align="right">
                  {t("adoption.dashboard.spread.total")}
                </Table.ColumnHeader>
                <Table.ColumnHeader scope="col" align="right">
                  {t("adoption.dashboard.summary.adopted")}
                </Table.ColumnHeader>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {dashboard.spread.map((item) => {
                const counts = countsByStage(item.counts);
                return (
                  <Table.Row key={item.practice.id}>
                    <Table.HeaderCell scope="row">{names.get(item.practice.id) ?? ""}</Table.HeaderCell>
                    {STAGES.map((stage) => (
                      <Table.DataCell key={stage} align="right">
                        {formatNumber(counts[stage])}
                      </Table.DataCell>
                    ))}
                    <Table.DataCell align="right">{formatNumber(item.officeCount)}</Table.DataCell>
                    <Table.DataCell align="right">{formatPercent(item.adoptedShare)}</Table.DataCell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        </div>
      </ReadMore>
    </VStack>
  );
}
