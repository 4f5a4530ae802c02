// "Bølger mot plan": one small chart per wave with its planned progress (dashed) and the
// actual progress (solid) month by month, the wave's figures beside it and the numbers as
// a table.
import { BodyShort, Detail, Heading, HGrid, HStack, ReadMore, Table, Tag, VStack } from "@navikt/ds-react";
import { formatDate, formatNumber, formatPercent, t } from "../../i18n";
import { formatMonth } from "../../methods/compare/format";
import { WAVE_CHART_SIZE, waveChart } from "./charts";
import type { WaveProgress as WaveProgressData } from "./data";

const AXIS_TEXT = { fontSize: 11, fill: "#49515c" } as const;
const GRID_LINE = { stroke: "#d5d9de", strokeWidth: 1 } as const;
// 3:1 against white (WCAG 1.4.11); the lines also differ by dash, not only by colour.
const PLANNED_LINE = { stroke: "#49515c", strokeWidth: 2, strokeDasharray: "5 4", fill: "none" } as const;
const ACTUAL_LINE = { stroke: "#0056b4", strokeWidth: 2.5, fill: "none" } as const;

export function WaveProgressCharts({ waves, asOf }: { waves: WaveProgressData[]; asOf: string }) {
  return (
    <VStack gap="space-16">
      <HStack as="ul" gap="space-16" wrap className="samla-adoption-legend" aria-hidden>
        <HStack as="li" gap="space-4" align="center" wrap={false}>
          <svg width="28" height="10" aria-hidden focusable="false">
            <line x1="1" x2="27" y1="5" y2="5" {...PLANNED_LINE} />
          </svg>
          <BodyShort size="small">{t("adoption.dashboard.waves.planned")}</BodyShort>
        </HStack>
        <HStack as="li" gap="space-4" align="center" wrap={false}>
          <svg width="28" height="10" aria-hidden focusable="false">
            <line x1="1" x2="27" y1="5" y2="5" {...ACTUAL_LINE} />
          </svg>
          <BodyShort size="small">{t("adoption.dashboard.waves.actual")}</BodyShort>
        </HStack>
      </HStack>
      <HGrid columns={{ xs: 1, md: 2, xl: 3 }} gap="space-24">
        {waves.map((wave) => (
          <WaveChart key={wave.wave.id} wave={wave} asOf={asOf} />
        ))}
      </HGrid>
    </VStack>
  );
}

function WaveChart({ wave, asOf }: { wave: WaveProgressData; asOf: string }) {
  const chart = waveChart(wave.series);
  const titleId = `adoption-wave-${wave.wave.ordinal}-title`;
  const descriptionId = `adoption-wave-${wave.wave.ordinal}-description`;
  const behind = wave.behindPlanOfficeCount;
  return (
    <figure className="samla-adoption-figure" aria-labelledby={titleId} data-testid="wave-progress">
      <VStack gap="space-8">
        <HStack gap="space-8" align="center">
          <Heading level="3" size="xsmall" id={titleId}>
            {wave.wave.name}
          </Heading>
          {wave.wave.isPilot && (
            <Tag size="xsmall" variant="info">
              {t("adoption.dashboard.waves.pilot")}
            </Tag>
          )}
        </HStack>
        <Detail textColor="subtle">
          {t("adoption.dashboard.waves.dates", { start: formatDate(wave.wave.plannedStart), target: formatDate(wave.wave.targetDate) })}
        </Detail>
        <dl className="samla-adoption-wave-figures">
          <div>
            <dt>{t("adoption.dashboard.waves.planned")}</dt>
            <dd>{formatPercent(wave.plannedProgress)}</dd>
          </div>
          <div>
            <dt>{t("adoption.dashboard.waves.actual")}</dt>
            <dd>{formatPercent(wave.actualProgress)}</dd>
          </div>
          <div>
            <dt>{t("adoption.dashboard.waves.offices")}</dt>
            <dd>{formatNumber(wave.officeCount)}</dd>
          </div>
          <div>
            <dt>{t("adoption.dashboard.waves.behind")}</dt>
            <dd className={behind > 0 ? "samla-adoption-warn-text" : undefined}>{formatNumber(behind)}</dd>
          </div>
        </dl>
        <svg
          viewBox={`0 0 ${WAVE_CHART_SIZE.width} ${WAVE_CHART_SIZE.height}`}
          role="img"
          aria-labelledby={`${titleId} ${descriptionId}`}
          className="samla-adoption-svg"
        >
          <desc id={descriptionId}>
            {t("adoption.dashboard.waves.description", {
              planned: formatPercent(wave.plannedProgress),
              actual: formatPercent(wave.actualProgress),
              date: formatDate(asOf),
              behind,
              offices: wave.officeCount,
            })}
          </desc>
          {chart.yTicks.map((tick) => (
            <g key={tick}>
              <line x1={chart.frame.left} x2={chart.frame.right} y1={chart.y(tick)} y2={chart.y(tick)} {...GRID_LINE} />
              <text x={chart.frame.left - 6} y={chart.y(tick)} dy="0.32em" textAnchor="end" {...AXIS_TEXT}>
                {formatPercent(tick)}
              </text>
            </g>
          ))}
          {chart.xTicks.map((month) => (
            <text key={month} x={chart.x(month)} y={chart.frame.bottom + 18} textAnchor="middle" {...AXIS_TEXT}>
              {formatMonth(month)}
            </text>
          ))}
          <path d={chart.planned} {...PLANNED_LINE} />
          <path d={chart.actual} {...ACTUAL_LINE} />
        </svg>
        <ReadMore header={t("adoption.dashboard.showTable")} size="small">
          <div className="samla-adoption-scroll" role="region" aria-label={t("adoption.dashboard.waves.tableCaption", { wave: wave.wave.name })} tabIndex={0}>
            <Table size="small">
              <caption className="samla-adoption-caption">{t("adoption.dashboard.waves.tableCaption", { wave: wave.wave.name })}</caption>
              <Table.Header>
                <Table.Row>
                  <Table.ColumnHeader scope="col">{t("adoption.dashboard.time.month")}</Table.ColumnHeader>
                  <Table.ColumnHeader scope="col" align="right">
                    {t("adoption.dashboard.waves.planned")}
                  </Table.ColumnHeader>
                  <Table.ColumnHeader scope="col" align="right">
                    {t("adoption.dashboard.waves.actual")}
                  </Table.ColumnHeader>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {wave.series.map((point) => (
                  <Table.Row key={point.period}>
                    <Table.HeaderCell scope="row" style={{ whiteSpace: "nowrap" }}>
                      {formatMonth(point.period, "long")}
                    </Table.HeaderCell>
                    <Table.DataCell align="right">{formatPercent(point.planned)}</Table.DataCell>
                    <Table.DataCell align="right">{formatPercent(point.actual)}</Table.DataCell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        </ReadMore>
      </VStack>
    </figure>
  );
}
