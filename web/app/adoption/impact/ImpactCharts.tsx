// The impact analysis's two charts, each with its numbers as a table (WCAG 1.1.1): the
// forest plot of per-office differences with the estimate and its interval, and the
// KPI's mean by month relative to adoption for adopters and not-yet adopters.
import { BodyShort, Detail, Heading, HStack, ReadMore, Table, VStack } from "@navikt/ds-react";
import { t } from "../../i18n";
import { formatDecimal, formatMonth, formatSigned } from "../../methods/compare/format";
import { markerPath } from "../../methods/compare/scales";
import { diamondPath, eventTimeLayout, eventTimePath, forestLayout } from "./charts";
import { changeVerdict, relativeMonthLabel, type ImpactKpi } from "./format";
import type { Impact } from "./types";

// Presentation attributes, not CSS classes, as in the comparison charts.
const AXIS_TEXT = { fontSize: 11, fill: "#49515c" } as const;
const LABEL_TEXT = { fontSize: 12, fill: "#202733" } as const;
const GRID_LINE = { stroke: "#d5d9de", strokeWidth: 1 } as const;
const ZERO_LINE = { stroke: "#202733", strokeWidth: 1.5, strokeDasharray: "4 3" } as const;
// 3:1 against white (WCAG 1.4.11), and told apart by marker and dash, not colour alone.
const TREATED = "#0056b4";
const CONTROL = "#b83d00";
const ESTIMATE = "#202733";

function unitLabel(kpi: ImpactKpi): string {
  return kpi.unit.trim() || "–";
}

export function ForestPlot({ impact, sentence }: { impact: Impact; sentence: string }) {
  const { kpi } = impact;
  if (impact.estimate === null) return null;
  const layout = forestLayout(
    impact.offices.map((row) => ({ id: row.office.id, name: row.office.name, difference: row.difference })),
    { value: impact.estimate, low: impact.confidenceLow, high: impact.confidenceHigh },
  );
  const { inner, x } = layout;
  const betterLeft = kpi.direction === "LOWER_IS_BETTER";
  return (
    <figure className="samla-impact-figure" aria-labelledby="impact-forest-title" data-testid="impact-forest">
      <VStack gap="space-8">
        <Heading level="4" size="xsmall" id="impact-forest-title">
          {t("adoption.impact.forest.heading")}
        </Heading>
        <Detail textColor="subtle" id="impact-forest-description">
          {t("adoption.impact.forest.description", { estimate: sentence })}
        </Detail>
        <svg
          viewBox={`0 0 ${layout.box.width} ${layout.box.height}`}
          role="img"
          aria-labelledby="impact-forest-title impact-forest-description"
          className="samla-impact-svg"
        >
          <text x={betterLeft ? inner.left : inner.right} y={12} textAnchor={betterLeft ? "start" : "end"} {...AXIS_TEXT}>
            {t(betterLeft ? "adoption.impact.forest.betterLeft" : "adoption.impact.forest.better")}
          </text>
          {layout.ticks.map((tick) => (
            <g key={tick}>
              <line x1={x(tick)} x2={x(tick)} y1={inner.top} y2={inner.bottom} {...GRID_LINE} />
              <text x={x(tick)} y={inner.bottom + 16} textAnchor="middle" {...AXIS_TEXT}>
                {formatSigned(tick)}
              </text>
            </g>
          ))}
          <text x={(inner.left + inner.right) / 2} y={inner.bottom + 34} textAnchor="middle" {...AXIS_TEXT}>
            {t("adoption.impact.forest.axis", { unit: unitLabel(kpi) })}
          </text>
          <line x1={x(0)} x2={x(0)} y1={inner.top - 6} y2={inner.bottom} {...ZERO_LINE} />
          {layout.rows.map((row) => (
            <g key={row.id}>
              <text x={inner.left - 10} y={row.y} dy="0.32em" textAnchor="end" {...LABEL_TEXT}>
                {row.name}
              </text>
              <circle cx={x(row.difference)} cy={row.y} r={5} fill={TREATED} />
            </g>
          ))}
          <g>
            <text x={inner.left - 10} y={layout.estimateY} dy="0.32em" textAnchor="end" fontWeight={600} {...LABEL_TEXT}>
              {t("adoption.impact.forest.estimate")}
            </text>
            {impact.confidenceLow !== null && impact.confidenceHigh !== null && (
              <g stroke={ESTIMATE} strokeWidth={2}>
                <line x1={x(impact.confidenceLow)} x2={x(impact.confidenceHigh)} y1={layout.estimateY} y2={layout.estimateY} />
                <line x1={x(impact.confidenceLow)} x2={x(impact.confidenceLow)} y1={layout.estimateY - 6} y2={layout.estimateY + 6} />
                <line x1={x(impact.confidenceHigh)} x2={x(impact.confidenceHigh)} y1={layout.estimateY - 6} y2={layout.estimateY + 6} />
              </g>
            )}
            <path d={diamondPath(x(impact.estimate), layout.estimateY)} fill={ESTIMATE} />
          </g>
        </svg>
        <ReadMore header={t("adoption.impact.showTable")} size="small">
          <OfficeTable impact={impact} />
        </ReadMore>
      </VStack>
    </figure>
  );
}

function OfficeTable({ impact }: { impact: Impact }) {
  const { kpi } = impact;
  const caption = t("adoption.impact.table.offices", { kpi: kpi.name, unit: unitLabel(kpi) });
  const verdictText = { better: "adoption.impact.table.better", worse: "adoption.impact.table.worse", same: "adoption.impact.table.same" } as const;
  return (
    <div className="samla-impact-scroll" role="region" aria-label={caption} tabIndex={0}>
      <Table size="small" data-testid="impact-office-table">
        <caption className="samla-impact-caption">{caption}</caption>
        <Table.Header>
          <Table.Row>
            <Table.ColumnHeader scope="col">{t("adoption.impact.table.office")}</Table.ColumnHeader>
            <Table.ColumnHeader scope="col">{t("adoption.impact.table.adopted")}</Table.ColumnHeader>
            <Table.ColumnHeader scope="col" align="right">
              {t("adoption.impact.table.before")}
            </Table.ColumnHeader>
            <Table.ColumnHeader scope="col" align="right">
              {t("adoption.impact.table.after")}
            </Table.ColumnHeader>
            <Table.ColumnHeader scope="col" align="right">
              {t("adoption.impact.table.controlBefore")}
            </Table.ColumnHeader>
            <Table.ColumnHeader scope="col" align="right">
              {t("adoption.impact.table.controlAfter")}
            </Table.ColumnHeader>
            <Table.ColumnHeader scope="col" align="right">
              {t("adoption.impact.table.controlCount")}
            </Table.ColumnHeader>
            <Table.ColumnHeader scope="col" align="right">
              {t("adoption.impact.table.difference")}
            </Table.ColumnHeader>
            <Table.ColumnHeader scope="col">{t("adoption.impact.table.verdict")}</Table.ColumnHeader>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {impact.offices.map((row) => (
            <Table.Row key={row.office.id}>
              <Table.HeaderCell scope="row">{row.office.name}</Table.HeaderCell>
              <Table.DataCell style={{ whiteSpace: "nowrap" }}>{formatMonth(row.adoptedPeriod, "long")}</Table.DataCell>
              <Table.DataCell align="right">{formatDecimal(row.beforeMean)}</Table.DataCell>
              <Table.DataCell align="right">{formatDecimal(row.afterMean)}</Table.DataCell>
              <Table.DataCell align="right">{formatDecimal(row.controlBeforeMean)}</Table.DataCell>
              <Table.DataCell align="right">{formatDecimal(row.controlAfterMean)}</Table.DataCell>
              <Table.DataCell align="right">{row.controlOfficeCount}</Table.DataCell>
              <Table.DataCell align="right">{formatSigned(row.difference)}</Table.DataCell>
              <Table.DataCell>{t(verdictText[changeVerdict(row.difference, kpi.direction)])}</Table.DataCell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

export function EventTimeChart({ impact }: { impact: Impact }) {
  const { kpi, eventTime, windowMonths } = impact;
  const layout = eventTimeLayout(eventTime, windowMonths);
  const { inner, x, y } = layout;
  const treatedMarker = markerPath(0, 30);
  const controlMarker = markerPath(1, 30);
  return (
    <figure className="samla-impact-figure" aria-labelledby="impact-event-title" data-testid="impact-event-time">
      <VStack gap="space-8">
        <Heading level="4" size="xsmall" id="impact-event-title">
          {t("adoption.impact.eventTime.heading")}
        </Heading>
        <Detail textColor="subtle" id="impact-event-description">
          {t("adoption.impact.eventTime.description", { kpi: kpi.name, window: windowMonths })}
        </Detail>
        <HStack as="ul" gap="space-16" wrap className="samla-impact-legend" aria-label={t("adoption.impact.eventTime.heading")}>
          <HStack as="li" gap="space-4" align="center" wrap={false}>
            <svg width="28" height="14" viewBox="-14 -7 28 14" aria-hidden focusable="false">
              <line x1="-13" x2="13" y1="0" y2="0" stroke={TREATED} strokeWidth="2" />
              <path d={treatedMarker} fill={TREATED} />
            </svg>
            <BodyShort size="small">{t("adoption.impact.eventTime.treated")}</BodyShort>
          </HStack>
          <HStack as="li" gap="space-4" align="center" wrap={false}>
            <svg width="28" height="14" viewBox="-14 -7 28 14" aria-hidden focusable="false">
              <line x1="-13" x2="13" y1="0" y2="0" stroke={CONTROL} strokeWidth="2" strokeDasharray="5 3" />
              <path d={controlMarker} fill={CONTROL} />
            </svg>
            <BodyShort size="small">{t("adoption.impact.eventTime.control")}</BodyShort>
          </HStack>
        </HStack>
        <svg
          viewBox={`0 0 ${layout.box.width} ${layout.box.height}`}
          role="img"
          aria-labelledby="impact-event-title impact-event-description"
          className="samla-impact-svg"
        >
          {layout.yTicks.map((tick) => (
            <g key={tick}>
              <line x1={inner.left} x2={inner.right} y1={y(tick)} y2={y(tick)} {...GRID_LINE} />
              <text x={inner.left - 6} y={y(tick)} dy="0.32em" textAnchor="end" {...AXIS_TEXT}>
                {formatDecimal(tick)}
              </text>
            </g>
          ))}
          {layout.xTicks.map((month) => (
            <text key={month} x={x(month)} y={inner.bottom + 16} textAnchor="middle" {...AXIS_TEXT}>
              {month > 0 ? `+${month}` : month}
            </text>
          ))}
          <line x1={x(0)} x2={x(0)} y1={inner.top} y2={inner.bottom} {...ZERO_LINE} />
          <text x={x(0) + 4} y={inner.top + 8} {...AXIS_TEXT}>
            {t("adoption.impact.eventTime.adoption")}
          </text>
          <path d={eventTimePath(eventTime, "controlMean", layout)} fill="none" stroke={CONTROL} strokeWidth={2} strokeDasharray="5 3" />
          <path d={eventTimePath(eventTime, "treatedMean", layout)} fill="none" stroke={TREATED} strokeWidth={2} />
          {eventTime.map((point) => (
            <g key={point.relativeMonth}>
              {point.controlMean !== null && (
                <path d={controlMarker} transform={`translate(${x(point.relativeMonth)},${y(point.controlMean)})`} fill={CONTROL} />
              )}
              {point.treatedMean !== null && (
                <path d={treatedMarker} transform={`translate(${x(point.relativeMonth)},${y(point.treatedMean)})`} fill={TREATED} />
              )}
            </g>
          ))}
        </svg>
        <ReadMore header={t("adoption.impact.showTable")} size="small">
          <EventTimeTable impact={impact} />
        </ReadMore>
      </VStack>
    </figure>
  );
}

function EventTimeTable({ impact }: { impact: Impact }) {
  const caption = t("adoption.impact.table.eventTime", { kpi: impact.kpi.name, unit: unitLabel(impact.kpi) });
  const show = (value: number | null) => (value === null ? "–" : formatDecimal(value));
  return (
    <div className="samla-impact-scroll" role="region" aria-label={caption} tabIndex={0}>
      <Table size="small">
        <caption className="samla-impact-caption">{caption}</caption>
        <Table.Header>
          <Table.Row>
            <Table.ColumnHeader scope="col">{t("adoption.impact.table.month")}</Table.ColumnHeader>
            <Table.ColumnHeader scope="col" align="right">
              {t("adoption.impact.table.treatedMean")}
            </Table.ColumnHeader>
            <Table.ColumnHeader scope="col" align="right">
              {t("adoption.impact.table.treatedCount")}
            </Table.ColumnHeader>
            <Table.ColumnHeader scope="col" align="right">
              {t("adoption.impact.table.controlMean")}
            </Table.ColumnHeader>
            <Table.ColumnHeader scope="col" align="right">
              {t("adoption.impact.table.controlCount2")}
            </Table.ColumnHeader>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {impact.eventTime.map((point) => (
            <Table.Row key={point.relativeMonth}>
              <Table.HeaderCell scope="row">{relativeMonthLabel(point.relativeMonth)}</Table.HeaderCell>
              <Table.DataCell align="right">{show(point.treatedMean)}</Table.DataCell>
              <Table.DataCell align="right">{point.treatedCount}</Table.DataCell>
              <Table.DataCell align="right">{show(point.controlMean)}</Table.DataCell>
              <Table.DataCell align="right">{point.controlCount}</Table.DataCell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
