// A table of scenarios: on /scenarier (with the merger or offices each is for) and on a
// merger's page (where the merger goes without saying).
import { Link, Table } from "@navikt/ds-react";
import { Link as RemixLink } from "@remix-run/react";
import { t } from "../../i18n";
import { ScenarioStatusTag } from "../analysis/ScenarioFacts";
import { formatDateTime } from "./format";
import type { ScenarioBaseValue, ScenarioStatusValue } from "./model";

export interface ScenarioRowData {
  id: string;
  name: string;
  status: ScenarioStatusValue;
  base: ScenarioBaseValue;
  version: number;
  createdByName: string;
  approvedByName?: string | null;
  updatedAt: string;
  merger?: { id: string; name: string } | null;
  offices?: ReadonlyArray<{ name: string }>;
}

export const scenarioUrl = (id: string) => `/scenarier/${encodeURIComponent(id)}`;
export const mergerUrl = (id: string) => `/sammenslaainger/${encodeURIComponent(id)}`;

export function ScenariosTable({
  scenarios,
  caption,
  showMerger = false,
  testId,
}: {
  scenarios: readonly ScenarioRowData[];
  caption: string;
  showMerger?: boolean;
  testId?: string;
}) {
  return (
    <div className="samla-table-scroll">
      <Table zebraStripes data-testid={testId}>
        <caption className="aksel-sr-only">{caption}</caption>
        <Table.Header>
          <Table.Row>
            <Table.ColumnHeader scope="col">{t("scenarioList.col.name")}</Table.ColumnHeader>
            {showMerger && <Table.ColumnHeader scope="col">{t("scenarioList.col.merger")}</Table.ColumnHeader>}
            <Table.ColumnHeader scope="col">{t("scenarioList.col.status")}</Table.ColumnHeader>
            <Table.ColumnHeader scope="col">{t("scenarioList.col.base")}</Table.ColumnHeader>
            <Table.ColumnHeader scope="col" align="right">
              {t("scenarioList.col.version")}
            </Table.ColumnHeader>
            <Table.ColumnHeader scope="col">{t("scenarioList.col.createdBy")}</Table.ColumnHeader>
            <Table.ColumnHeader scope="col">{t("scenarioList.col.approvedBy")}</Table.ColumnHeader>
            <Table.ColumnHeader scope="col">{t("scenarioList.col.updated")}</Table.ColumnHeader>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {scenarios.map((scenario) => (
            <Table.Row key={scenario.id}>
              <Table.HeaderCell scope="row">
                <Link as={RemixLink} to={scenarioUrl(scenario.id)}>
                  {scenario.name}
                </Link>
              </Table.HeaderCell>
              {showMerger && (
                <Table.DataCell>
                  {scenario.merger ? (
                    <Link as={RemixLink} to={mergerUrl(scenario.merger.id)}>
                      {scenario.merger.name}
                    </Link>
                  ) : (
                    (scenario.offices ?? []).map((office) => office.name).join(", ")
                  )}
                </Table.DataCell>
              )}
              <Table.DataCell>
                <ScenarioStatusTag status={scenario.status} />
              </Table.DataCell>
              <Table.DataCell>{t(`scenarioEditor.base.${scenario.base}`)}</Table.DataCell>
              <Table.DataCell align="right">{scenario.version}</Table.DataCell>
              <Table.DataCell>{scenario.createdByName}</Table.DataCell>
              <Table.DataCell>{scenario.approvedByName ?? "–"}</Table.DataCell>
              <Table.DataCell className="samla-nowrap">{formatDateTime(scenario.updatedAt)}</Table.DataCell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
