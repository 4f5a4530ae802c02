// Every action of a scenario's design: each to-be team and position with what it does to
// the as-is (new, changed, closed, unchanged) and when (effective date or wave).
import { BodyShort, Button, HStack, Select, Table, Tag, VStack } from "@navikt/ds-react";
import { useMemo, useState } from "react";
import type { ResultOf } from "../../graphql";
import { formatDate, formatPercent, t } from "../../i18n";
import type { ScenarioDesignFragment } from "./documents";
import { actionName, effectiveText } from "./format";

export type ScenarioDesign = ResultOf<typeof ScenarioDesignFragment>;
type Action = ScenarioDesign["teams"][number]["action"];
export type ActionFilter = "CHANGES" | "ALL" | Action;

const ACTIONS = ["NEW", "CHANGED", "CLOSED", "UNCHANGED"] as const satisfies readonly Action[];
const ROW_STEP = 50;

export interface ActionRow {
  id: string;
  kind: "TEAM" | "POSITION";
  name: string;
  team: string;
  detail: string;
  action: Action;
  effectiveDate: string | null | undefined;
  wave: number | null | undefined;
}

/** Teams and their positions, in the design's order, as rows. */
export function actionRows(design: Pick<ScenarioDesign, "teams">): ActionRow[] {
  const rows: ActionRow[] = [];
  for (const team of design.teams) {
    rows.push({
      id: team.id,
      kind: "TEAM",
      name: team.name,
      team: team.office.name,
      detail: team.sourceTeam && team.sourceTeam.name !== team.name ? t("analysis.actions.was", { name: team.sourceTeam.name }) : "",
      action: team.action,
      effectiveDate: team.effectiveDate,
      wave: team.wave,
    });
    for (const position of team.positions) {
      rows.push({
        id: position.id,
        kind: "POSITION",
        name: `${position.role.name} – ${position.person?.name ?? t("analysis.vacant")}`,
        team: team.name,
        detail: formatPercent(position.fte),
        action: position.action,
        effectiveDate: position.effectiveDate,
        wave: position.wave,
      });
    }
  }
  return rows;
}

export function matchesFilter(row: Pick<ActionRow, "action">, filter: ActionFilter): boolean {
  if (filter === "ALL") return true;
  if (filter === "CHANGES") return row.action !== "UNCHANGED";
  return row.action === filter;
}

export function ActionTag({ action }: { action: Action }) {
  const color = { NEW: "success", CHANGED: "warning", CLOSED: "danger", UNCHANGED: "neutral" } as const;
  return (
    <Tag size="xsmall" variant="moderate" data-color={color[action]}>
      {actionName(action)}
    </Tag>
  );
}

export function ActionsTable({
  design,
  filter,
  onFilterChange,
  print = false,
}: {
  design: ScenarioDesign;
  filter: ActionFilter;
  onFilterChange?: (filter: ActionFilter) => void;
  print?: boolean;
}) {
  const rows = useMemo(() => actionRows(design), [design]);
  const [shown, setShown] = useState(ROW_STEP);
  const matching = rows.filter((row) => matchesFilter(row, filter));
  const visible = print ? matching : matching.slice(0, shown);
  const counts = Object.fromEntries(ACTIONS.map((action) => [action, rows.filter((row) => row.action === action).length]));

  return (
    <VStack gap="space-16">
      <BodyShort data-testid="action-counts">
        {t("analysis.actions.counts", {
          new: counts.NEW ?? 0,
          changed: counts.CHANGED ?? 0,
          closed: counts.CLOSED ?? 0,
          unchanged: counts.UNCHANGED ?? 0,
        })}
      </BodyShort>
      {onFilterChange && !print && (
        <Select
          size="small"
          label={t("analysis.actions.filter")}
          value={filter}
          onChange={(event) => onFilterChange(event.target.value as ActionFilter)}
          style={{ maxWidth: "20rem" }}
        >
          <option value="CHANGES">{t("analysis.actions.filter.changes")}</option>
          <option value="ALL">{t("analysis.actions.filter.all")}</option>
          {ACTIONS.map((action) => (
            <option key={action} value={action}>
              {actionName(action)}
            </option>
          ))}
        </Select>
      )}
      {matching.length === 0 ? (
        <BodyShort>{t("analysis.actions.none")}</BodyShort>
      ) : (
        <div className="samla-table-scroll">
          <Table size="small" zebraStripes data-testid="actions-table">
            <caption className="aksel-sr-only">{t("analysis.actions.caption")}</caption>
            <Table.Header>
              <Table.Row>
                <Table.ColumnHeader scope="col">{t("analysis.actions.col.element")}</Table.ColumnHeader>
                <Table.ColumnHeader scope="col">{t("analysis.actions.col.kind")}</Table.ColumnHeader>
                <Table.ColumnHeader scope="col">{t("analysis.actions.col.in")}</Table.ColumnHeader>
                <Table.ColumnHeader scope="col">{t("analysis.actions.col.action")}</Table.ColumnHeader>
                <Table.ColumnHeader scope="col">{t("analysis.actions.col.effective")}</Table.ColumnHeader>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {visible.map((row) => (
                <Table.Row key={row.id} data-action={row.action}>
                  <Table.HeaderCell scope="row">
                    {row.name}
                    {row.detail && <span className="samla-analysis-detail"> ({row.detail})</span>}
                  </Table.HeaderCell>
                  <Table.DataCell>{row.kind === "TEAM" ? t("analysis.element.TEAM") : t("analysis.element.POSITION")}</Table.DataCell>
                  <Table.DataCell>{row.team}</Table.DataCell>
                  <Table.DataCell>
                    <ActionTag action={row.action} />
                  </Table.DataCell>
                  <Table.DataCell className="samla-nowrap">
                    {row.action === "UNCHANGED" ? "" : effectiveText(row, design.effectiveDate, formatDate)}
                  </Table.DataCell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      {!print && matching.length > shown && (
        <HStack gap="space-16" align="center">
          <BodyShort size="small">{t("analysis.shownOf", { shown: visible.length, total: matching.length })}</BodyShort>
          <Button type="button" size="small" variant="secondary" onClick={() => setShown((n) => n + ROW_STEP * 4)}>
            {t("analysis.showMore")}
          </Button>
        </HStack>
      )}
    </VStack>
  );
}
