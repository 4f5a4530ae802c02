// "Over tid": the stacked area of stage counts per month and the practice × month heatmap
// of adopted shares. The chart has its numbers as a table (WCAG 1.1.1); the heatmap is a
// table already.
import { BodyShort, Detail, Heading, HStack, ReadMore, Table, VStack } from "@navikt/ds-react";
import { formatNumber, formatPercent, t } from "../../i18n";
import { formatMonth } from "../../methods/compare/format";
import { AREA_CHART_SIZE, countsByStage, stageAreaChart } from "./charts";
import type { Dashboard } from "./data";
import { practiceNames } from "./data";
import { shareColours, shareSteps, STAGES, stageColours, stageName } from "./stages";

// SVG styles as presentation attributes (as on /sammenlign).
const AXIS_TEXT = { fontSize: 11, fill: "#49515c" } as const;
const AXIS_LINE = { stroke: "#49515c", strokeWidth: 1 } as const;

export function StageAreaChart({ dashboard }: { dashboard: Pick<Dashboard, "timeline" | "from" | "asOf"> }) {
  const { timeline } = dashboard;
  const chart = stageAreaChart(timeline);
  const latest = timeline.at(-1);
  const latestText = latest
    ? STAGES.map((stage) => t("adoption.dashboard.time.count", { stage: stageName(stage), count: countsByStage(latest.counts)[stage] })).join(", ")
    : "";
  const titleId = "adoption-area-title";
  const descriptionId = "adoption-area-description";
  return (
    <figure className="samla-adoption-figure" aria-labelledby={titleId}>
      <VStack gap="space-8">
        <Heading level="3" size="small" id={titleId}>
          {t("adoption.dashboard.time.areaTitle")}
        </Heading>
        <Detail textColor="subtle">{t("adoption.dashboard.time.axis")}</Detail>
        <svg
          viewBox={`0 0 ${AREA_CHART_SIZE.width} ${AREA_CHART_SIZE.height}`}
          role="img"
          aria-labelledby={`${titleId} ${descriptionId}`}
          className="samla-adoption-svg"
          data-testid="adoption-area-chart"
        >
          <desc id={descriptionId}>
            {t("adoption.dashboard.time.areaDescription", {
              from: formatMonth(timeline[0]?.period ?? dashboard.from, "long"),
              to: formatMonth(latest?.period ?? dashboard.asOf, "long"),
              latest: latestText,
            })}
          </desc>
          {chart.areas.map((band) => (
            // White edges keep neighbouring bands apart where their colours are close.
            <path key={band.stage} d={band.path} fill={stageColours(band.stage).background} stroke="#ffffff" strokeWidth={1} />
          ))}
          {chart.yTicks.map((tick) => (
            <g key={tick}>
              <line x1={chart.frame.left - 4} x2={chart.frame.left} y1={chart.y(tick)} y2={chart.y(tick)} {...AXIS_LINE} />
              <text x={chart.frame.left - 8} y={chart.y(tick)} dy="0.32em" textAnchor="end" {...AXIS_TEXT}>
                {formatNumber(tick)}
              </text>
            </g>
          ))}
          <line x1={chart.frame.left} x2={chart.frame.right} y1={chart.frame.bottom} y2={chart.frame.bottom} {...AXIS_LINE} />
          {chart.xTicks.map((month) => (
            <text key={month} x={chart.x(month)} y={chart.frame.bottom + 18} textAnchor="middle" {...AXIS_TEXT}>
              {formatMonth(month)}
            </text>
          ))}
        </svg>
        <ReadMore header={t("adoption.dashboard.showTable")} size="small">
          <StageCountTable timeline={timeline} />
        </ReadMore>
      </VStack>
    </figure>
  );
}

function StageCountTable({ timeline }: { timeline: Dashboard["timeline"] }) {
  return (
    <div className="samla-adoption-scroll" role="region" aria-label={t("adoption.dashboard.time.tableCaption")} tabIndex={0}>
      <Table size="small">
        <caption className="samla-adoption-caption">{t("adoption.dashboard.time.tableCaption")}</caption>
        <Table.Header>
          <Table.Row>
            <Table.ColumnHeader scope="col">{t("adoption.dashboard.time.month")}</Table.ColumnHeader>
            {STAGES.map((stage) => (
              <Table.ColumnHeader key={stage} scope="col" align="right">
                {stageName(stage)}
              </Table.ColumnHeader>
            ))}
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {timeline.map((point) => {
            const counts = countsByStage(point.counts);
            return (
              <Table.Row key={point.period}>
                <Table.HeaderCell scope="row" style={{ whiteSpace: "nowrap" }}>
                  {formatMonth(point.period, "long")}
                </Table.HeaderCell>
                {STAGES.map((stage) => (
                  <Table.DataCell key={stage} align="right">
                    {formatNumber(counts[stage])}
                  </Table.DataCell>
                ))}
              </Table.Row>
            );
          })}
        </Table.Body>
      </Table>
    </div>
  );
}

/** Practices × months, each cell the share of offices that had adopted the practice. */
export function PracticeTimeline({ dashboard }: { dashboard: Pick<Dashboard, "practices" | "practiceTimeline"> }) {
  const names = practiceNames(dashboard);
  const months = dashboard.practiceTimeline[0]?.points.map((point) => point.period) ?? [];
  const captionId = "adoption-practice-timeline-caption";
  return (
    <VStack gap="space-8">
      <Heading level="3" size="small">
        {t("adoption.dashboard.time.practiceTitle")}
      </Heading>
      <ShareLegend />
      <div className="samla-adoption-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <Table size="small" className="samla-adoption-timeline">
          <caption id={captionId} className="samla-adoption-caption">
            {t("adoption.dashboard.time.practiceCaption")}
          </caption>
          <Table.Header>
            <Table.Row>
              <Table.ColumnHeader scope="col" className="samla-adoption-sticky-col">
                {t("adoption.dashboard.time.practice")}
              </Table.ColumnHeader>
              {months.map((month) => (
                <Table.ColumnHeader key={month} scope="col" className="samla-adoption-month-col">
                  {formatMonth(month)}
                </Table.ColumnHeader>
              ))}
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {dashboard.practiceTimeline.map((series) => (
              <Table.Row key={series.practice.id}>
                <Table.HeaderCell scope="row" className="samla-adoption-sticky-col samla-adoption-office">
                  {names.get(series.practice.id) ?? ""}
                </Table.HeaderCell>
                {series.points.map((point) => {
                  const colours = shareColours(point.adoptedShare);
                  return (
                    <Table.DataCell
                      key={point.period}
                      className="samla-adoption-share"
                      style={{ background: colours.background, color: colours.text }}
                    >
                      {Math.round(point.adoptedShare * 100)}
                    </Table.DataCell>
                  );
                })}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </VStack>
  );
}

function ShareLegend() {
  const steps = shareSteps();
  return (
    <HStack as="ul" gap="space-12" align="center" wrap className="samla-adoption-legend" aria-label={t("adoption.dashboard.time.shareLegend")}>
      {steps.map((step) => (
        <HStack as="li" key={step.upTo} gap="space-4" align="center" wrap={false}>
          <span className="samla-adoption-swatch" style={{ background: step.background }} aria-hidden />
          <BodyShort size="small">
            {step.upTo === 0 ? t("adoption.dashboard.time.shareNone") : t("adoption.dashboard.time.shareStep", { share: formatPercent(step.upTo) })}
          </BodyShort>
        </HStack>
      ))}
      <li>
        <Detail textColor="subtle">{t("adoption.dashboard.time.shareHint")}</Detail>
      </li>
    </HStack>
  );
}
