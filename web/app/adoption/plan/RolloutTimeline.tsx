// The rollout plan as a Gantt chart: a bar per wave and per office (grouped under its wave)
// from planned start to target date, a line for today, and an office's practices when the
// office is opened. Every bar can be reached with the keyboard and has a name saying what
// it shows; the same plan is also a table (WCAG 1.1.1).
import { BodyShort, Detail, Heading, ReadMore, Table, VStack } from "@navikt/ds-react";
import { useState, type KeyboardEvent } from "react";
import { formatDate, t } from "../../i18n";
import { formatMonth } from "../../methods/compare/format";
import { shorten, TIMELINE_ROW, timelineLayout, timelineRows, type PlanWaveInput, type TimelineRow } from "./timeline";

const AXIS_TEXT = { fontSize: 11, fill: "#49515c" } as const;
const GRID_LINE = { stroke: "#e4e7eb", strokeWidth: 1 } as const;
// Bar fills with 3:1 contrast against white (WCAG 1.4.11); rows differ by height and label too.
const BAR = {
  wave: { fill: "#0b3a6e", height: 16 },
  office: { fill: "#2f6fb8", height: 12 },
  practice: { fill: "#6b8fb8", height: 8 },
  overridden: { fill: "#7c3aa8", height: 8 },
} as const;
const TODAY = "#a3174f";

function barName(row: TimelineRow): string {
  const dates = { start: formatDate(row.start), end: formatDate(row.end) };
  switch (row.kind) {
    case "wave":
      return t("adoption.plan.timeline.waveBar", { name: row.label, offices: row.officeCount, ...dates });
    case "office":
      return t(row.expanded ? "adoption.plan.timeline.officeBarOpen" : "adoption.plan.timeline.officeBar", {
        name: row.label,
        wave: row.waveName,
        ...dates,
      });
    case "practice":
      return t(row.overridden ? "adoption.plan.timeline.practiceBarOwn" : "adoption.plan.timeline.practiceBar", {
        name: row.label,
        office: row.officeName,
        ...dates,
      });
  }
}

export function RolloutTimeline({ waves, today }: { waves: readonly PlanWaveInput[]; today: string }) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const rows = timelineRows(waves, expanded);
  const layout = timelineLayout(rows, today);
  const toggle = (rolloutId: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(rolloutId)) next.delete(rolloutId);
      else next.add(rolloutId);
      return next;
    });

  const todayX = layout.x(today);
  return (
    <figure className="samla-plan-figure" aria-labelledby="plan-timeline-title" data-testid="plan-timeline">
      <VStack gap="space-8">
        <Heading level="2" size="medium" id="plan-timeline-title">
          {t("adoption.plan.timeline.heading")}
        </Heading>
        <Detail textColor="subtle" id="plan-timeline-description">
          {t("adoption.plan.timeline.description")}
        </Detail>
        <div className="samla-plan-scroll">
          <svg
            viewBox={`0 0 ${layout.width} ${layout.height}`}
            width={layout.width}
            className="samla-plan-svg"
            role="group"
            aria-labelledby="plan-timeline-title"
            aria-describedby="plan-timeline-description"
          >
            {layout.months.map((month) => (
              <line key={month} x1={layout.x(month)} x2={layout.x(month)} y1={layout.axisHeight - 6} y2={layout.height} {...GRID_LINE} />
            ))}
            {layout.labelledMonths.map((month) => (
              <text key={month} x={layout.x(month) + 3} y={layout.axisHeight - 12} {...AXIS_TEXT}>
                {formatMonth(month)}
              </text>
            ))}
            {rows.map((row, index) => (
              <TimelineBar
                key={row.key}
                row={row}
                top={layout.rowTop(index)}
                x1={layout.x(row.start)}
                x2={layout.x(row.end)}
                onToggle={row.kind === "office" ? () => toggle(row.rolloutId) : undefined}
              />
            ))}
            <g aria-hidden>
              <line x1={todayX} x2={todayX} y1={layout.axisHeight - 30} y2={layout.height} stroke={TODAY} strokeWidth={2} strokeDasharray="4 3" />
              <text x={todayX + 4} y={layout.axisHeight - 28} fontSize={11} fontWeight={600} fill={TODAY}>
                {t("adoption.plan.timeline.today")}
              </text>
            </g>
          </svg>
        </div>
        <BodyShort size="small" textColor="subtle">
          {t("adoption.plan.timeline.todayNote", { date: formatDate(today) })}
        </BodyShort>
        <ReadMore header={t("adoption.plan.timeline.showTable")} size="small">
          <TimelineTable waves={waves} />
        </ReadMore>
      </VStack>
    </figure>
  );
}

function TimelineBar({
  row,
  top,
  x1,
  x2,
  onToggle,
}: {
  row: TimelineRow;
  top: number;
  x1: number;
  x2: number;
  onToggle?: (() => void) | undefined;
}) {
  const style = row.kind === "practice" && row.overridden ? BAR.overridden : BAR[row.kind];
  const middle = top + TIMELINE_ROW / 2;
  const indent = row.kind === "wave" ? 8 : row.kind === "office" ? 24 : 44;
  const maxChars = row.kind === "practice" ? 30 : 32;
  const label = (row.kind === "office" ? (row.expanded ? "▾ " : "▸ ") : "") + shorten(row.label, maxChars);
  const onKeyDown = (event: KeyboardEvent<SVGGElement>) => {
    if (!onToggle) return;
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      onToggle();
    }
  };
  return (
    <g
      className="samla-plan-bar"
      tabIndex={0}
      role={onToggle ? "button" : "img"}
      aria-label={barName(row)}
      {...(onToggle && row.kind === "office" ? { "aria-expanded": row.expanded, onClick: onToggle, onKeyDown } : {})}
      data-testid={`timeline-${row.kind}`}
      style={onToggle ? { cursor: "pointer" } : undefined}
    >
      {row.kind === "wave" && <rect x={0} y={top} width="100%" height={TIMELINE_ROW} fill="#f2f3f5" />}
      <text
        x={indent}
        y={middle}
        dy="0.32em"
        fontSize={row.kind === "practice" ? 11 : 12}
        fontWeight={row.kind === "wave" ? 600 : 400}
        fill="#202733"
        aria-hidden
      >
        {label}
      </text>
      <rect
        className="samla-plan-bar-rect"
        x={x1}
        y={middle - style.height / 2}
        width={Math.max(x2 - x1, 2)}
        height={style.height}
        rx={3}
        fill={style.fill}
      />
    </g>
  );
}

function TimelineTable({ waves }: { waves: readonly PlanWaveInput[] }) {
  return (
    <div className="samla-plan-table-scroll" role="region" aria-label={t("adoption.plan.timeline.tableCaption")} tabIndex={0}>
      <Table size="small" data-testid="plan-timeline-table">
        <caption className="samla-plan-caption">{t("adoption.plan.timeline.tableCaption")}</caption>
        <Table.Header>
          <Table.Row>
            <Table.ColumnHeader scope="col">{t("adoption.plan.table.wave")}</Table.ColumnHeader>
            <Table.ColumnHeader scope="col">{t("adoption.plan.table.office")}</Table.ColumnHeader>
            <Table.ColumnHeader scope="col">{t("adoption.plan.table.practice")}</Table.ColumnHeader>
            <Table.ColumnHeader scope="col">{t("adoption.plan.table.start")}</Table.ColumnHeader>
            <Table.ColumnHeader scope="col">{t("adoption.plan.table.target")}</Table.ColumnHeader>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {waves.flatMap((wave) => [
            <Table.Row key={wave.id}>
              <Table.HeaderCell scope="row">{wave.name}</Table.HeaderCell>
              <Table.DataCell>{t("adoption.plan.table.allOffices", { count: wave.rollouts.length })}</Table.DataCell>
              <Table.DataCell>–</Table.DataCell>
              <Table.DataCell>{formatDate(wave.plannedStart)}</Table.DataCell>
              <Table.DataCell>{formatDate(wave.targetDate)}</Table.DataCell>
            </Table.Row>,
            ...wave.rollouts.flatMap((rollout) => [
              <Table.Row key={rollout.id}>
                <Table.DataCell>{wave.name}</Table.DataCell>
                <Table.HeaderCell scope="row">{rollout.office.name}</Table.HeaderCell>
                <Table.DataCell>{t("adoption.plan.table.allPractices")}</Table.DataCell>
                <Table.DataCell>{formatDate(rollout.plannedStart)}</Table.DataCell>
                <Table.DataCell>{formatDate(rollout.targetDate)}</Table.DataCell>
              </Table.Row>,
              // Practices that follow the office's dates add nothing to the table.
              ...rollout.practicePlans
                .filter((plan) => plan.overridden)
                .map((plan) => (
                  <Table.Row key={`${rollout.id}-${plan.practice.id}`}>
                    <Table.DataCell>{wave.name}</Table.DataCell>
                    <Table.DataCell>{rollout.office.name}</Table.DataCell>
                    <Table.HeaderCell scope="row">{plan.practice.name}</Table.HeaderCell>
                    <Table.DataCell>{formatDate(plan.plannedStart)}</Table.DataCell>
                    <Table.DataCell>{formatDate(plan.targetDate)}</Table.DataCell>
                  </Table.Row>
                )),
            ]),
          ])}
        </Table.Body>
      </Table>
    </div>
  );
}
