// A scenario's change log (ScenarioChange, newest first): each edit's summary, who made
// it and whether it was undone. Paged with "Vis flere"; the print page loads every page.
import { BodyShort, Button, HStack, Table, Tag, VStack } from "@navikt/ds-react";
import { ErrorState, TableSkeleton } from "../../components/States";
import { ApiError, request, type ResultOf } from "../../graphql";
import { formatDate, formatTime, t } from "../../i18n";
import { usePagedConnection } from "../../hr/use-paged-connection";
import { ScenarioChangesQuery } from "./documents";

type ChangesPage = NonNullable<ResultOf<typeof ScenarioChangesQuery>["scenario"]>["changes"];
export type ScenarioChangeRow = ChangesPage["edges"][number]["node"];

const PAGE_SIZE = 50;

export async function fetchChangesPage(
  scenarioId: string,
  after: string | null,
  signal?: AbortSignal,
  first = PAGE_SIZE,
): Promise<ChangesPage> {
  const data = await request(ScenarioChangesQuery, { id: scenarioId, first, after }, { signal });
  if (!data.scenario) throw new ApiError(`Scenario ${scenarioId} not found`, "result", { typename: "NotFoundError" });
  return data.scenario.changes;
}

/** Every change, page by page (for the print page). */
export async function fetchAllChanges(scenarioId: string, signal?: AbortSignal): Promise<ScenarioChangeRow[]> {
  const rows: ScenarioChangeRow[] = [];
  let after: string | null = null;
  for (;;) {
    const page: ChangesPage = await fetchChangesPage(scenarioId, after, signal, 100);
    rows.push(...page.edges.map((edge) => edge.node));
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return rows;
    after = page.pageInfo.endCursor;
  }
}

/** When: date and time in Norway (the log's events can be minutes apart). */
function formatWhen(iso: string): string {
  return `${formatDate(iso)} ${formatTime(iso)}`;
}

export function ChangeLogTable({ changes }: { changes: readonly ScenarioChangeRow[] }) {
  if (changes.length === 0) return <BodyShort>{t("analysis.changes.none")}</BodyShort>;
  return (
    <div className="samla-table-scroll">
      <Table size="small" zebraStripes data-testid="change-log">
        <caption className="aksel-sr-only">{t("analysis.changes.caption")}</caption>
        <Table.Header>
          <Table.Row>
            <Table.ColumnHeader scope="col" align="right">
              {t("analysis.changes.col.version")}
            </Table.ColumnHeader>
            <Table.ColumnHeader scope="col">{t("analysis.changes.col.summary")}</Table.ColumnHeader>
            <Table.ColumnHeader scope="col">{t("analysis.changes.col.actor")}</Table.ColumnHeader>
            <Table.ColumnHeader scope="col">{t("analysis.changes.col.when")}</Table.ColumnHeader>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {changes.map((change) => (
            <Table.Row key={change.id}>
              <Table.DataCell align="right">{change.version}</Table.DataCell>
              <Table.HeaderCell scope="row">
                <span className={change.undone ? "samla-analysis-undone" : undefined}>{change.summary}</span>
                {change.undone && (
                  <>
                    {" "}
                    <Tag size="xsmall" variant="outline" data-color="neutral">
                      {t("analysis.changes.undone")}
                    </Tag>
                  </>
                )}
              </Table.HeaderCell>
              <Table.DataCell>{change.actorName}</Table.DataCell>
              <Table.DataCell className="samla-nowrap">{formatWhen(change.createdAt)}</Table.DataCell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

/** The log with paging; key it on the scenario (and version) to start over. */
export function ChangeLog({ scenarioId }: { scenarioId: string }) {
  const { nodes, lastPage, loading, error, loadMore } = usePagedConnection<ScenarioChangeRow, ChangesPage>((after, signal) =>
    fetchChangesPage(scenarioId, after, signal),
  );
  if (!lastPage && loading) return <TableSkeleton label={t("analysis.changes.loading")} rows={3} />;
  if (error !== null && !lastPage) return <ErrorState title={t("analysis.changes.error")} error={error} />;
  return (
    <VStack gap="space-16">
      {lastPage && (
        <BodyShort size="small">{t("analysis.shownOf", { shown: nodes.length, total: lastPage.totalCount })}</BodyShort>
      )}
      <ChangeLogTable changes={nodes} />
      {error !== null && <ErrorState title={t("analysis.changes.error")} error={error} />}
      {lastPage?.pageInfo.hasNextPage && (
        <HStack>
          <Button type="button" size="small" variant="secondary" loading={loading} onClick={loadMore}>
            {t("analysis.showMore")}
          </Button>
        </HStack>
      )}
    </VStack>
  );
}
