// "Status nå": the office × practice matrix as a heatmap table. Each cell prints the stage
// and is coloured by it; a cell behind plan has a red edge and a mark, and its text for
// screen readers names the stage the plan expects. Offices are grouped by wave; the header
// row and the office column stay in view while the table scrolls.
import { Table } from "@navikt/ds-react";
import { formatDate, t } from "../../i18n";
import { formatMonth } from "../../methods/compare/format";
import type { Dashboard, MatrixCell, MatrixRow } from "./data";
import { stageColours, stageName } from "./stages";

export function StatusMatrix({ dashboard }: { dashboard: Pick<Dashboard, "practices" | "matrix" | "asOf"> }) {
  const { practices, matrix, asOf } = dashboard;
  const groups = groupByWave(matrix);
  const captionId = "adoption-status-caption";
  return (
    <div className="samla-adoption-scroll samla-adoption-matrix-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <Table size="small" className="samla-adoption-matrix">
        <caption id={captionId} className="samla-adoption-caption">
          {t("adoption.dashboard.status.caption", { date: formatDate(asOf) })}
        </caption>
        <Table.Header>
          <Table.Row>
            <Table.ColumnHeader scope="col" className="samla-adoption-sticky-col">
              {t("adoption.dashboard.status.office")}
            </Table.ColumnHeader>
            {practices.map((practice) => (
              <Table.ColumnHeader key={practice.id} scope="col" className="samla-adoption-practice-col">
                {practice.name}
              </Table.ColumnHeader>
            ))}
          </Table.Row>
        </Table.Header>
        {groups.map((group) => (
          <Table.Body key={group.wave.id}>
            <Table.Row>
              <Table.HeaderCell scope="rowgroup" colSpan={practices.length + 1} className="samla-adoption-wave-row">
                <span className="samla-adoption-sticky-label">
                  {t("adoption.dashboard.status.wave", { wave: group.wave.name, count: group.rows.length })}
                </span>
              </Table.HeaderCell>
            </Table.Row>
            {group.rows.map((row) => {
              const cellOf = new Map(row.cells.map((cell) => [cell.practiceId, cell]));
              return (
                <Table.Row key={row.office.id}>
                  <Table.HeaderCell scope="row" className="samla-adoption-sticky-col samla-adoption-office">
                    {row.office.name}
                  </Table.HeaderCell>
                  {practices.map((practice) => {
                    const cell = cellOf.get(practice.id);
                    return (
                      <Table.DataCell key={practice.id} className="samla-adoption-cell">
                        {cell ? <StageCell cell={cell} /> : null}
                      </Table.DataCell>
                    );
                  })}
                </Table.Row>
              );
            })}
          </Table.Body>
        ))}
      </Table>
    </div>
  );
}

function StageCell({ cell }: { cell: MatrixCell }) {
  const colours = stageColours(cell.stage);
  const expected = stageName(cell.expectedStage);
  const since = cell.since ? t("adoption.dashboard.status.since", { month: formatMonth(cell.since, "long") }) : null;
  return (
    <span
      className={`samla-adoption-stage${cell.behindPlan ? " samla-adoption-stage-behind" : ""}`}
      style={{ background: colours.background, color: colours.text }}
      data-testid="adoption-cell"
      data-behind={cell.behindPlan ? "true" : undefined}
      title={[since, t(cell.behindPlan ? "adoption.dashboard.status.behindExpected" : "adoption.dashboard.status.expected", { expected })]
        .filter(Boolean)
        .join(" · ")}
    >
      <span>{stageName(cell.stage)}</span>
      {cell.behindPlan && (
        <span className="samla-adoption-behind-mark" aria-hidden>
          !
        </span>
      )}
      <span className="aksel-sr-only">
        {`, ${t(cell.behindPlan ? "adoption.dashboard.status.behindExpected" : "adoption.dashboard.status.expected", { expected })}`}
      </span>
    </span>
  );
}

interface WaveGroup {
  wave: MatrixRow["wave"];
  rows: MatrixRow[];
}

/** Consecutive rows of one wave, the waves in their plan order. */
export function groupByWave(matrix: readonly MatrixRow[]): WaveGroup[] {
  const groups = new Map<string, WaveGroup>();
  for (const row of matrix) {
    const group = groups.get(row.wave.id) ?? { wave: row.wave, rows: [] };
    group.rows.push(row);
    groups.set(row.wave.id, group);
  }
  return [...groups.values()].sort((a, b) => a.wave.ordinal - b.wave.ordinal);
}
