// Every report the user may read, newest month first, filtered by office, status and
// months (the filter lives in the URL, so a view can be shared), page by page; the
// directorate and viewers can download the filtered reports as an Excel workbook.
import { DownloadIcon } from "@navikt/aksel-icons";
import { BodyShort, Button, Chips, Heading, HStack, Link, Select, Table, VStack } from "@navikt/ds-react";
import { Link as RemixLink, useSearchParams } from "@remix-run/react";
import { useEffect, useMemo, useState } from "react";
import { EmptyState, ErrorState, TableSkeleton } from "../../components/States";
import { expectTypename, request } from "../../graphql";
import { usePagedConnection } from "../../hr/use-paged-connection";
import { compareNames, formatDate, t } from "../../i18n";
import { todayInNorway } from "../../lib/dates";
import { downloadBase64File } from "../../lib/download";
import { monthOf } from "../../methods/record/format";
import { ProgressReportListQuery, ProgressReportOfficesQuery, ProgressReportsExportQuery } from "./documents";
import { isReportStatus, previousMonth, REPORT_STATUSES, reportMonth, statusName, type ReportStatusValue } from "./model";
import { ReportStatusTag } from "./ReportParts";
import { reportUrl, type ReportPage, type ReportRow } from "./types";

const PAGE_SIZE = 50;
const NO_WRAP = { whiteSpace: "nowrap" } as const;

interface Filter {
  officeId: string;
  statuses: ReportStatusValue[];
  periodFrom: string;
  periodTo: string;
}

const isMonth = (value: string | null): value is string => value !== null && /^\d{4}-\d{2}-01$/.test(value);

function filterFromParams(params: URLSearchParams): Filter {
  const from = params.get("fra");
  const to = params.get("til");
  return {
    officeId: params.get("kontor") ?? "",
    statuses: (params.get("status") ?? "").split(",").filter(isReportStatus),
    periodFrom: isMonth(from) ? from : "",
    periodTo: isMonth(to) ? to : "",
  };
}

/** The API's filter: only what is set. */
function apiFilter(filter: Filter) {
  return {
    ...(filter.officeId ? { officeId: filter.officeId } : {}),
    ...(filter.statuses.length > 0 ? { statuses: filter.statuses } : {}),
    ...(filter.periodFrom ? { periodFrom: filter.periodFrom } : {}),
    ...(filter.periodTo ? { periodTo: filter.periodTo } : {}),
  };
}

/**
 * `seesAll`: planner, admin or viewer (every office's reports, the Excel export); a leader
 * sees only the offices they lead, so the office filter offers those.
 */
export function ReportsList({ seesAll }: { seesAll: boolean }) {
  const [searchParams, setSearchParams] = useSearchParams();
  const filter = filterFromParams(searchParams);
  const [options, setOptions] = useState<{ offices: Array<{ id: string; name: string }>; firstMonth: string } | null>(null);

  // The offices in the rollout (for the office filter) and the first planned month.
  useEffect(() => {
    const controller = new AbortController();
    request(ProgressReportOfficesQuery, {}, { signal: controller.signal })
      .then((data) => {
        const offices = new Map<string, string>();
        if (seesAll) {
          for (const wave of data.rolloutWaves) for (const rollout of wave.rollouts) offices.set(rollout.office.id, rollout.office.name);
        } else {
          for (const office of data.viewer.ledOffices) offices.set(office.id, office.name);
        }
        const starts = data.rolloutWaves.map((wave) => wave.plannedStart).sort();
        setOptions({
          offices: [...offices].map(([id, name]) => ({ id, name })).sort((a, b) => compareNames(a.name, b.name)),
          firstMonth: monthOf(starts[0] ?? todayInNorway()),
        });
      })
      .catch(() => setOptions({ offices: [], firstMonth: monthOf(todayInNorway()) }));
    return () => controller.abort();
  }, [seesAll]);

  const months = useMemo(() => {
    const list: string[] = [];
    const last = monthOf(todayInNorway());
    const first = options?.firstMonth && options.firstMonth < last ? options.firstMonth : previousMonth(last);
    // At most ten years back: a safety net against a wave planned far in the past.
    for (let month = last; month >= first && list.length < 120; month = previousMonth(month)) list.push(month);
    return list;
  }, [options]);

  const update = (next: Partial<Filter>) =>
    setSearchParams(
      (params) => {
        const merged = { ...filter, ...next };
        const set = (name: string, value: string) => (value ? params.set(name, value) : params.delete(name));
        set("kontor", merged.officeId);
        set("status", merged.statuses.join(","));
        set("fra", merged.periodFrom);
        set("til", merged.periodTo);
        return params;
      },
      { replace: true, preventScrollReset: true },
    );
  const filtered = Boolean(filter.officeId || filter.statuses.length || filter.periodFrom || filter.periodTo);
  const key = JSON.stringify(apiFilter(filter));

  return (
    <section aria-labelledby="reports-list-heading">
      <VStack gap="space-16">
        <HStack gap="space-16" justify="space-between" align="end" wrap>
          <Heading id="reports-list-heading" level="2" size="medium">
            {t("reports.list.title")}
          </Heading>
          {seesAll && <ExportButton filter={filter} />}
        </HStack>
        <VStack gap="space-16" role="search" aria-label={t("reports.list.filters")}>
          <HStack gap="space-16" align="end" wrap>
            <Select
              label={t("reports.list.office")}
              value={filter.officeId}
              onChange={(event) => update({ officeId: event.target.value })}
              style={{ minWidth: "16rem" }}
            >
              <option value="">{t("reports.list.allOffices")}</option>
              {/* A chosen office from a shared link is listed even before the options arrive. */}
              {filter.officeId && !options?.offices.some((office) => office.id === filter.officeId) && (
                <option value={filter.officeId}>{filter.officeId}</option>
              )}
              {options?.offices.map((office) => (
                <option key={office.id} value={office.id}>
                  {office.name}
                </option>
              ))}
            </Select>
            <Select label={t("reports.list.from")} value={filter.periodFrom} onChange={(event) => update({ periodFrom: event.target.value })}>
              <option value="">{t("reports.list.anyMonth")}</option>
              {months.map((month) => (
                <option key={month} value={month}>
                  {reportMonth(month)}
                </option>
              ))}
            </Select>
            <Select label={t("reports.list.to")} value={filter.periodTo} onChange={(event) => update({ periodTo: event.target.value })}>
              <option value="">{t("reports.list.anyMonth")}</option>
              {months.map((month) => (
                <option key={month} value={month}>
                  {reportMonth(month)}
                </option>
              ))}
            </Select>
            {filtered && (
              <Button
                type="button"
                variant="tertiary"
                size="small"
                onClick={() => update({ officeId: "", statuses: [], periodFrom: "", periodTo: "" })}
              >
                {t("reports.list.reset")}
              </Button>
            )}
          </HStack>
          <VStack gap="space-8">
            <BodyShort weight="semibold" id="report-status-filter">
              {t("reports.list.status")}
            </BodyShort>
            <Chips aria-labelledby="report-status-filter">
              {REPORT_STATUSES.map((status) => (
                <Chips.Toggle
                  key={status}
                  selected={filter.statuses.includes(status)}
                  onClick={() =>
                    update({
                      statuses: filter.statuses.includes(status)
                        ? filter.statuses.filter((chosen) => chosen !== status)
                        : [...filter.statuses, status],
                    })
                  }
                >
                  {statusName(status)}
                </Chips.Toggle>
              ))}
            </Chips>
          </VStack>
        </VStack>
        {/* Keyed on the filter: a new filter starts from the first page. */}
        <ReportsTable key={key} filter={filter} filtered={filtered} />
      </VStack>
    </section>
  );
}

function ReportsTable({ filter, filtered }: { filter: Filter; filtered: boolean }) {
  const { nodes, lastPage, loading, error, loadMore } = usePagedConnection<ReportRow, ReportPage>(
    (after: string | null, signal?: AbortSignal): Promise<ReportPage> =>
      request(ProgressReportListQuery, { first: PAGE_SIZE, after, filter: apiFilter(filter) }, { signal }).then(
        (data) => data.progressReports,
      ),
  );

  if (error && nodes.length === 0) return <ErrorState title={t("reports.error")} error={error} />;
  if (loading && nodes.length === 0) return <TableSkeleton label={t("reports.loading")} />;
  if (nodes.length === 0) {
    return filtered ? (
      <EmptyState title={t("reports.list.empty")}>
        <BodyShort>{t("reports.list.empty.hint")}</BodyShort>
      </EmptyState>
    ) : (
      <EmptyState title={t("reports.list.none")}>
        <BodyShort>{t("reports.list.none.hint")}</BodyShort>
      </EmptyState>
    );
  }
  return (
    <VStack gap="space-16">
      <BodyShort role="status">{t("reports.list.count", { shown: nodes.length, total: lastPage?.totalCount ?? nodes.length })}</BodyShort>
      <div className="samla-table-scroll">
        <Table zebraStripes size="small" data-testid="reports-table">
          <caption className="aksel-sr-only">{t("reports.list.title")}</caption>
          <Table.Header>
            <Table.Row>
              <Table.ColumnHeader scope="col">{t("reports.list.col.office")}</Table.ColumnHeader>
              <Table.ColumnHeader scope="col">{t("reports.list.col.period")}</Table.ColumnHeader>
              <Table.ColumnHeader scope="col">{t("reports.list.col.status")}</Table.ColumnHeader>
              <Table.ColumnHeader scope="col">{t("reports.list.col.due")}</Table.ColumnHeader>
              <Table.ColumnHeader scope="col">{t("reports.list.col.submitted")}</Table.ColumnHeader>
              <Table.ColumnHeader scope="col">{t("reports.list.col.submittedBy")}</Table.ColumnHeader>
              <Table.ColumnHeader scope="col">{t("reports.list.col.acknowledged")}</Table.ColumnHeader>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {nodes.map((row) => (
              <Table.Row key={row.id}>
                <Table.HeaderCell scope="row">
                  {/* The month is in the link's name too, so every link says which report it opens. */}
                  <Link as={RemixLink} to={reportUrl(row.id)}>
                    {row.office.name}
                    <span className="aksel-sr-only">, {reportMonth(row.period)}</span>
                  </Link>
                </Table.HeaderCell>
                <Table.DataCell style={NO_WRAP}>{reportMonth(row.period)}</Table.DataCell>
                <Table.DataCell style={NO_WRAP}>
                  <ReportStatusTag status={row.status} />
                </Table.DataCell>
                <Table.DataCell style={NO_WRAP}>{formatDate(row.dueDate)}</Table.DataCell>
                <Table.DataCell style={NO_WRAP}>{row.submittedAt ? formatDate(todayInNorway(new Date(row.submittedAt))) : "–"}</Table.DataCell>
                <Table.DataCell>{row.submittedByName ?? "–"}</Table.DataCell>
                <Table.DataCell style={NO_WRAP}>
                  {row.acknowledgedAt ? formatDate(todayInNorway(new Date(row.acknowledgedAt))) : "–"}
                </Table.DataCell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      {error !== null && <ErrorState title={t("reports.error")} error={error} />}
      {lastPage?.pageInfo.hasNextPage && (
        <HStack>
          <Button type="button" variant="secondary" loading={loading} onClick={loadMore}>
            {t("reports.list.showMore")}
          </Button>
        </HStack>
      )}
    </VStack>
  );
}

function ExportButton({ filter }: { filter: Filter }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const run = async () => {
    setBusy(true);
    setError(null);
    setDone(false);
    try {
      const data = await request(ProgressReportsExportQuery, { filter: apiFilter(filter) });
      downloadBase64File(expectTypename(data.progressReportsExport, "ExportFile"));
      setDone(true);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <VStack gap="space-8" align="end">
      <Button type="button" variant="secondary" icon={<DownloadIcon aria-hidden />} loading={busy} onClick={() => void run()}>
        {t("reports.export")}
      </Button>
      <div role="status">{done && <BodyShort size="small">{t("reports.export.done")}</BodyShort>}</div>
      {error !== null && <ErrorState title={t("reports.export.error")} error={error} />}
    </VStack>
  );
}
