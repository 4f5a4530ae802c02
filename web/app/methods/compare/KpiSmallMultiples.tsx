// KPI small multiples: one chart per KPI, a line per office (own colour and marker) and
// the target as a dashed line. Each chart has the same numbers as a table (WCAG 1.1.1).
import { BodyShort, Detail, Heading, HGrid, HStack, ReadMore, Table, VStack } from "@navikt/ds-react";
import { t } from "../../i18n";
import type { ComparedOffice, KpiSeriesData } from "./data";
import { EXPORT_EXCLUDE } from "./ExportActions";
import { formatDecimal, formatKpiValue, formatMonth } from "./format";
import { KPI_CHART_SIZE, kpiChartScales, markerPath, officeStyle, seriesPath } from "./scales";

// SVG styles as presentation attributes, not CSS classes: the PNG export copies an
// element's computed style, which misses stylesheet rules on SVG children.
const AXIS_TEXT = { fontSize: 11, fill: "#49515c" } as const;
const GRID_LINE = { stroke: "#d5d9de", strokeWidth: 1 } as const;
const TARGET_LINE = { stroke: "#202733", strokeWidth: 1.5, strokeDasharray: "5 4" } as const;

export function KpiSmallMultiples({ kpis, offices, months }: { kpis: KpiSeriesData[]; offices: ComparedOffice[]; months: string[] }) {
  return (
    <VStack gap="space-16">
      <OfficeLegend offices={offices} />
      <HGrid columns={{ xs: 1, md: 2 }} gap="space-24">
        {kpis.map((series) => (
          <KpiChart key={series.kpi.id} series={series} offices={offices} months={months} />
        ))}
      </HGrid>
    </VStack>
  );
}

/** Which colour and marker stands for which office (shared by every chart). */
export function OfficeLegend({ offices }: { offices: ComparedOffice[] }) {
  return (
    <HStack as="ul" gap="space-16" wrap className="samla-compare-legend" aria-label={t("compare.kpi.legend")}>
      {offices.map((office, index) => (
        <HStack as="li" key={office.id} gap="space-4" align="center" wrap={false}>
          <svg width="28" height="14" viewBox="-14 -7 28 14" aria-hidden focusable="false">
            <line x1="-13" x2="13" y1="0" y2="0" stroke={officeStyle(index).colour} strokeWidth="2" />
            <path d={markerPath(index, 40)} fill={officeStyle(index).colour} />
          </svg>
          <BodyShort size="small">{office.name}</BodyShort>
        </HStack>
      ))}
      <HStack as="li" gap="space-4" align="center" wrap={false}>
        <svg width="28" height="14" viewBox="-14 -7 28 14" aria-hidden focusable="false">
          <line x1="-13" x2="13" y1="0" y2="0" {...TARGET_LINE} />
        </svg>
        <BodyShort size="small">{t("compare.kpi.target")}</BodyShort>
      </HStack>
    </HStack>
  );
}

function KpiChart({ series, offices, months }: { series: KpiSeriesData; offices: ComparedOffice[]; months: string[] }) {
  const { kpi, target } = series;
  const values = series.series.flatMap((line) => line.points.map((point) => point.value));
  const scales = kpiChartScales(months, values, target ?? null);
  const { inner } = scales;
  const officeIndex = new Map(offices.map((office, index) => [office.id, index]));
  const officeName = new Map(offices.map((office) => [office.id, office.name]));
  const titleId = `kpi-${kpi.code}-title`;
  const descriptionId = `kpi-${kpi.code}-description`;
  const latestSummary = series.series
    .map((line) =>
      line.latest
        ? t("compare.kpi.latestOf", { office: officeName.get(line.officeId) ?? "", value: formatKpiValue(line.latest.value, kpi.unit) })
        : t("compare.kpi.noneOf", { office: officeName.get(line.officeId) ?? "" }),
    )
    .join("; ");

  return (
    <figure className="samla-compare-chart" aria-labelledby={titleId} data-testid="kpi-chart">
      <VStack gap="space-8">
        <Heading level="3" size="xsmall" id={titleId}>
          {kpi.name}
        </Heading>
        <Detail textColor="subtle">
          {[
            t(kpi.direction === "LOWER_IS_BETTER" ? "compare.kpi.lowerIsBetter" : "compare.kpi.higherIsBetter"),
            target != null ? t("compare.kpi.targetIs", { value: formatKpiValue(target, kpi.unit) }) : t("compare.kpi.noTarget"),
          ].join(" · ")}
        </Detail>
        <svg
          viewBox={`0 0 ${KPI_CHART_SIZE.width} ${KPI_CHART_SIZE.height}`}
          role="img"
          aria-labelledby={`${titleId} ${descriptionId}`}
          className="samla-compare-svg"
        >
          <desc id={descriptionId}>{t("compare.kpi.chartDescription", { latest: latestSummary })}</desc>
          {scales.yTicks.map((tick) => (
            <g key={tick}>
              <line x1={inner.left} x2={inner.right} y1={scales.y(tick)} y2={scales.y(tick)} {...GRID_LINE} />
              <text x={inner.left - 6} y={scales.y(tick)} dy="0.32em" textAnchor="end" {...AXIS_TEXT}>
                {formatKpiValue(tick, "")}
              </text>
            </g>
          ))}
          {scales.xTicks.map((month) => (
            <text key={month} x={scales.x(month)} y={inner.bottom + 18} textAnchor="middle" {...AXIS_TEXT}>
              {formatMonth(month)}
            </text>
          ))}
          {target != null && (
            <g>
              <line x1={inner.left} x2={inner.right} y1={scales.y(target)} y2={scales.y(target)} {...TARGET_LINE} />
              <text x={inner.right} y={scales.y(target) - 4} textAnchor="end" {...AXIS_TEXT}>
                {t("compare.kpi.target")}
              </text>
            </g>
          )}
          {series.series.map((line) => {
            const index = officeIndex.get(line.officeId) ?? 0;
            const style = officeStyle(index);
            const marker = markerPath(index, 24);
            return (
              <g key={line.officeId}>
                <path d={seriesPath(months, line.points, scales)} fill="none" stroke={style.colour} strokeWidth="2" />
                {line.points.map((point) => (
                  <path
                    key={point.period}
                    d={marker}
                    transform={`translate(${scales.x(point.period)},${scales.y(point.value)})`}
                    fill={style.colour}
                  />
                ))}
              </g>
            );
          })}
        </svg>
        {/* Left out of the PNG: the picture shows the charts, the XLSX export the numbers. */}
        <div {...{ [EXPORT_EXCLUDE]: "" }}>
          <ReadMore header={t("compare.kpi.showTable")} size="small">
            <KpiTable series={series} offices={offices} months={months} />
          </ReadMore>
        </div>
      </VStack>
    </figure>
  );
}

function KpiTable({ series, offices, months }: { series: KpiSeriesData; offices: ComparedOffice[]; months: string[] }) {
  const { kpi } = series;
  const valueOf = new Map(series.series.flatMap((line) => line.points.map((point) => [`${line.officeId}|${point.period}`, point.value])));
  const byOffice = new Map(series.series.map((line) => [line.officeId, line]));
  // The unit is in the caption, so the cells hold just the numbers.
  const show = (value: number | null | undefined) => (value == null ? "–" : formatDecimal(value));
  return (
    <div className="samla-compare-scroll" role="region" aria-label={t("compare.kpi.tableCaption", { kpi: kpi.name, unit: kpi.unit })} tabIndex={0}>
      <Table size="small">
        <caption className="samla-compare-caption">{t("compare.kpi.tableCaption", { kpi: kpi.name, unit: kpi.unit })}</caption>
        <Table.Header>
          <Table.Row>
            <Table.ColumnHeader scope="col">{t("compare.kpi.month")}</Table.ColumnHeader>
            {offices.map((office) => (
              <Table.ColumnHeader key={office.id} scope="col" align="right">
                {office.name}
              </Table.ColumnHeader>
            ))}
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {months.map((month) => (
            <Table.Row key={month}>
              <Table.HeaderCell scope="row" style={{ whiteSpace: "nowrap" }}>
                {formatMonth(month)}
              </Table.HeaderCell>
              {offices.map((office) => (
                <Table.DataCell key={office.id} align="right">
                  {show(valueOf.get(`${office.id}|${month}`))}
                </Table.DataCell>
              ))}
            </Table.Row>
          ))}
          <Table.Row>
            <Table.HeaderCell scope="row">{t("compare.kpi.average")}</Table.HeaderCell>
            {offices.map((office) => (
              <Table.DataCell key={office.id} align="right">
                {show(byOffice.get(office.id)?.average)}
              </Table.DataCell>
            ))}
          </Table.Row>
          <Table.Row>
            <Table.HeaderCell scope="row">{t("compare.kpi.target")}</Table.HeaderCell>
            {offices.map((office) => (
              <Table.DataCell key={office.id} align="right">
                {show(series.target)}
              </Table.DataCell>
            ))}
          </Table.Row>
        </Table.Body>
      </Table>
    </div>
  );
}
