// The impact figures of two designs side by side: the as-is (the scenario's "before"),
// the scenario, and, when compared with another scenario, that one too.
import { Table } from "@navikt/ds-react";
import { t } from "../../i18n";
import { formatDifference, formatFigure } from "./format";
import type { Impact } from "./ImpactView";

const NOT_KNOWN = "–";

function FigureCell({ value, digits }: { value: number | null; digits: number }) {
  return <Table.DataCell align="right">{value === null ? NOT_KNOWN : formatFigure(value, digits)}</Table.DataCell>;
}

export interface ComparedImpact {
  name: string;
  impact: Impact;
}

interface FigureRow {
  key: string;
  label: string;
  /** null: not known for that side (the as-is has no vacancies or coverage figures). */
  value: (impact: Impact, side: "before" | "after") => number | null;
  digits: number;
}

function breakdownRows(impacts: readonly Impact[], field: "byRoleCategory" | "byEmployer"): FigureRow[] {
  // The union of keys over both sides, in first-seen order: a category may exist on one side only.
  const labels = new Map<string, string>();
  for (const impact of impacts) for (const row of impact[field]) if (!labels.has(row.key)) labels.set(row.key, row.label);
  return [...labels].map(([key, label]) => ({
    key: `${field}:${key}`,
    label: t("analysis.compare.impact.groupRow", { label, measure: t("analysis.impact.headcount") }),
    value: (impact: Impact, side: "before" | "after") => impact[field].find((row) => row.key === key)?.[side].headcount ?? 0,
    digits: 0,
  }));
}

function figureRows(impacts: readonly Impact[]): FigureRow[] {
  return [
    { key: "headcount", label: t("analysis.impact.headcount"), value: (i, side) => i[side].headcount, digits: 0 },
    { key: "fte", label: t("analysis.impact.fte"), value: (i, side) => i[side].fte, digits: 2 },
    {
      key: "managers",
      label: t("analysis.span.managers"),
      value: (i, side) => (side === "before" ? i.spanBefore : i.spanAfter).managers,
      digits: 0,
    },
    {
      key: "averageSpan",
      label: t("analysis.span.average"),
      value: (i, side) => (side === "before" ? i.spanBefore : i.spanAfter).averageSpan,
      digits: 1,
    },
    {
      key: "maxSpan",
      label: t("analysis.span.max"),
      value: (i, side) => (side === "before" ? i.spanBefore : i.spanAfter).maxSpan,
      digits: 0,
    },
    {
      key: "layers",
      label: t("analysis.span.layers"),
      value: (i, side) => (side === "before" ? i.spanBefore : i.spanAfter).layers,
      digits: 0,
    },
    {
      key: "vacancies",
      label: t("analysis.compare.impact.vacancies"),
      value: (i, side) => (side === "before" ? null : i.vacancyCount),
      digits: 0,
    },
    {
      key: "withoutPosition",
      label: t("analysis.compare.impact.withoutPosition"),
      value: (i, side) => (side === "before" ? null : i.peopleWithoutPositionCount),
      digits: 0,
    },
    {
      key: "uncovered",
      label: t("analysis.compare.impact.uncovered"),
      value: (i, side) => (side === "before" ? null : i.serviceCoverage.filter((entry) => !entry.covered).length),
      digits: 0,
    },
    {
      key: "peopleChanges",
      label: t("analysis.compare.impact.peopleChanges"),
      value: (i, side) => (side === "before" ? null : i.peopleChanges.length),
      digits: 0,
    },
    ...breakdownRows(impacts, "byRoleCategory"),
    ...breakdownRows(impacts, "byEmployer"),
  ];
}

/**
 * `scenario` is this scenario; `other` the scenario it is compared with, or null for the
 * as-is. The as-is column is the scenario's "before" (both scenarios share the as-is only
 * when they cover the same offices on the same day, so the other's own "before" is not shown).
 */
export function ImpactComparison({ scenario, other }: { scenario: ComparedImpact; other: ComparedImpact | null }) {
  const impacts = other ? [scenario.impact, other.impact] : [scenario.impact];
  const rows = figureRows(impacts);
  return (
    <div className="samla-table-scroll">
      <Table size="small" zebraStripes data-testid="impact-comparison">
        <caption className="aksel-sr-only">{t("analysis.compare.impact.caption")}</caption>
        <Table.Header>
          <Table.Row>
            <Table.ColumnHeader scope="col">{t("analysis.impact.col.measure")}</Table.ColumnHeader>
            <Table.ColumnHeader scope="col" align="right">
              {t("analysis.compare.asIs")}
            </Table.ColumnHeader>
            <Table.ColumnHeader scope="col" align="right">
              {scenario.name}
            </Table.ColumnHeader>
            {other && (
              <Table.ColumnHeader scope="col" align="right">
                {other.name}
              </Table.ColumnHeader>
            )}
            <Table.ColumnHeader scope="col" align="right">
              {other
                ? t("analysis.compare.impact.differenceBetween", { a: scenario.name, b: other.name })
                : t("analysis.impact.col.difference")}
            </Table.ColumnHeader>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {rows.map((row) => {
            const asIs = row.value(scenario.impact, "before");
            const mine = row.value(scenario.impact, "after");
            const theirs = other ? row.value(other.impact, "after") : null;
            const base = other ? theirs : asIs;
            return (
              <Table.Row key={row.key}>
                <Table.HeaderCell scope="row">{row.label}</Table.HeaderCell>
                <FigureCell value={asIs} digits={row.digits} />
                <FigureCell value={mine} digits={row.digits} />
                {other && <FigureCell value={theirs} digits={row.digits} />}
                <Table.DataCell align="right">
                  {mine !== null && base !== null ? formatDifference(mine - base, row.digits) : NOT_KNOWN}
                </Table.DataCell>
              </Table.Row>
            );
          })}
        </Table.Body>
      </Table>
    </div>
  );
}
