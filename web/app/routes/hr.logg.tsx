// /hr/logg: the audit log — who changed what, when, before and after — filterable and
// exportable (the API builds the CSV/XLSX file; the browser saves it).
import {
  BodyShort,
  Button,
  Detail,
  Heading,
  HStack,
  Select,
  Table,
  TextField,
  VStack,
} from "@navikt/ds-react";
import type { MetaFunction } from "@remix-run/react";
import { useState, type FormEvent } from "react";
import { signIn } from "../auth";
import { EmptyState, ErrorState, TableSkeleton } from "../components/States";
import { request, type ResultOf } from "../graphql";
import { getLocale, t } from "../i18n";
import { useClientLoaderData } from "../routing";
import { mayUseHr } from "../hr/access";
import { downloadBase64File } from "../lib/download";
import { diffSnapshots } from "../hr/audit-diff";
import { DateField, HrSubNav, INVALID_DATE, NoAccess } from "../hr/components";
import { addDays } from "../lib/dates";
import { AuditEventsExportQuery, AuditEventsQuery } from "../hr/documents";
import { ht } from "../hr/texts";
import { usePagedConnection } from "../hr/use-paged-connection";

export const meta: MetaFunction = () => [{ title: `${ht("hr.audit.title")} – ${ht("hr.title")} – ${t("app.name")}` }];

export async function clientLoader() {
  const session = await signIn();
  return { allowed: mayUseHr(session.user.roles) };
}

type AuditPage = ResultOf<typeof AuditEventsQuery>["auditEvents"];
type AuditEvent = AuditPage["edges"][number]["node"];
const PAGE_SIZE = 25;

// The audited entity types and actions (the API's mutations), for the filters.
const ENTITY_TYPES = ["Assignment", "Person", "Office", "Team", "Merger", "Role", "Service"] as const;
const ACTIONS = [
  "assignRole",
  "endAssignment",
  "changeAssignment",
  "movePersonToTeam",
  "importAssignments",
  "linkPersonToSsoUser",
  "unlinkPersonFromSsoUser",
  "createOffice",
  "updateOffice",
  "createTeam",
  "updateTeam",
  "proposeMerger",
  "updateMerger",
  "createRole",
  "updateRole",
  "createService",
  "updateService",
] as const;

interface AuditFilterState {
  actorSubject: string;
  entityType: string;
  action: string;
  from: string;
  to: string;
}

const EMPTY_FILTER: AuditFilterState = { actorSubject: "", entityType: "", action: "", from: "", to: "" };

/** The filter as the API takes it; dates are whole days in Norway's time zone (approximated as UTC midnight). */
function toApiFilter(filter: AuditFilterState) {
  return {
    ...(filter.actorSubject.trim() ? { actorSubject: filter.actorSubject.trim() } : {}),
    ...(filter.entityType ? { entityType: filter.entityType } : {}),
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.from && filter.from !== INVALID_DATE ? { from: `${filter.from}T00:00:00.000Z` } : {}),
    // "To" is inclusive: before the next day starts.
    ...(filter.to && filter.to !== INVALID_DATE ? { to: `${addDays(filter.to, 1)}T00:00:00.000Z` } : {}),
  };
}

export default function HrAuditRoute() {
  const { allowed } = useClientLoaderData<typeof clientLoader>();
  if (!allowed) return <NoAccess />;
  return <HrAudit />;
}

function HrAudit() {
  const [draft, setDraft] = useState<AuditFilterState>(EMPTY_FILTER);
  const [applied, setApplied] = useState<AuditFilterState>(EMPTY_FILTER);
  const [exporting, setExporting] = useState<"CSV" | "XLSX" | null>(null);
  const [exportError, setExportError] = useState<unknown>(null);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setApplied(draft);
  };

  const exportLog = async (format: "CSV" | "XLSX") => {
    setExporting(format);
    setExportError(null);
    try {
      const data = await request(AuditEventsExportQuery, { filter: toApiFilter(applied), format });
      downloadBase64File(data.auditEventsExport);
    } catch (error) {
      setExportError(error);
    } finally {
      setExporting(null);
    }
  };

  return (
    <VStack gap="space-24">
      <HrSubNav />
      <VStack gap="space-8">
        <Heading level="1" size="xlarge">
          {ht("hr.audit.title")}
        </Heading>
        <BodyShort>{ht("hr.audit.intro")}</BodyShort>
      </VStack>
      <form role="search" aria-label={ht("hr.audit.filters")} onSubmit={apply}>
        <VStack gap="space-16">
          <HStack gap="space-24" align="start" wrap>
            <TextField
              label={ht("hr.audit.actor")}
              description={ht("hr.audit.actorDescription")}
              value={draft.actorSubject}
              onChange={(event) => setDraft({ ...draft, actorSubject: event.target.value })}
              autoComplete="off"
            />
            <Select
              label={ht("hr.audit.entityType")}
              value={draft.entityType}
              onChange={(event) => setDraft({ ...draft, entityType: event.target.value })}
            >
              <option value="">{ht("hr.audit.any")}</option>
              {ENTITY_TYPES.map((type) => (
                <option key={type} value={type}>
                  {type}
                </option>
              ))}
            </Select>
            <Select
              label={ht("hr.audit.action")}
              value={draft.action}
              onChange={(event) => setDraft({ ...draft, action: event.target.value })}
            >
              <option value="">{ht("hr.audit.any")}</option>
              {ACTIONS.map((action) => (
                <option key={action} value={action}>
                  {action}
                </option>
              ))}
            </Select>
          </HStack>
          <HStack gap="space-24" align="end" wrap>
            <DateField id="audit-from" label={ht("hr.audit.from")} onChange={(from) => setDraft((d) => ({ ...d, from }))} />
            <DateField id="audit-to" label={ht("hr.audit.to")} onChange={(to) => setDraft((d) => ({ ...d, to }))} />
            <Button type="submit">{ht("hr.audit.apply")}</Button>
          </HStack>
        </VStack>
      </form>
      <HStack gap="space-16" align="center">
        <BodyShort weight="semibold">{ht("hr.audit.export")}:</BodyShort>
        <Button type="button" variant="secondary" size="small" loading={exporting === "CSV"} disabled={exporting !== null} onClick={() => void exportLog("CSV")}>
          {ht("hr.audit.exportCsv")}
        </Button>
        <Button type="button" variant="secondary" size="small" loading={exporting === "XLSX"} disabled={exporting !== null} onClick={() => void exportLog("XLSX")}>
          {ht("hr.audit.exportXlsx")}
        </Button>
      </HStack>
      {exportError !== null && <ErrorState title={ht("hr.audit.exportFailed")} error={exportError} />}
      <AuditResults key={JSON.stringify(applied)} filter={applied} />
    </VStack>
  );
}

function AuditResults({ filter }: { filter: AuditFilterState }) {
  const { pages, nodes: events, lastPage, loading, error, loadMore } = usePagedConnection<AuditEvent, AuditPage>(
    async (after, signal) => (await request(AuditEventsQuery, { filter: toApiFilter(filter), first: PAGE_SIZE, after }, { signal })).auditEvents,
  );

  if (pages.length === 0 && loading) return <TableSkeleton label={ht("hr.audit.loading")} />;
  if (pages.length === 0 && error) return <ErrorState title={ht("hr.audit.error")} error={error} />;
  if (events.length === 0 || !lastPage) return <EmptyState title={ht("hr.audit.empty")} />;

  return (
    <VStack gap="space-16">
      <BodyShort role="status">{ht("hr.audit.count", { shown: events.length, total: lastPage.totalCount })}</BodyShort>
      <div className="samla-table-scroll">
        <Table>
          <caption className="aksel-sr-only">{ht("hr.audit.caption")}</caption>
          <Table.Header>
            <Table.Row>
              <Table.ColumnHeader scope="col">{ht("hr.audit.col.when")}</Table.ColumnHeader>
              <Table.ColumnHeader scope="col">{ht("hr.audit.col.who")}</Table.ColumnHeader>
              <Table.ColumnHeader scope="col">{ht("hr.audit.col.what")}</Table.ColumnHeader>
              <Table.ColumnHeader scope="col">{ht("hr.audit.col.change")}</Table.ColumnHeader>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {events.map((event) => (
              <AuditRow key={event.id} event={event} />
            ))}
          </Table.Body>
        </Table>
      </div>
      {error !== null && <ErrorState title={ht("hr.audit.error")} error={error} />}
      {lastPage.pageInfo.hasNextPage && (
        <HStack>
          <Button type="button" variant="secondary" loading={loading} onClick={loadMore}>
            {ht("hr.people.showMore")}
          </Button>
        </HStack>
      )}
    </VStack>
  );
}

const formatInstant = (iso: string) =>
  new Intl.DateTimeFormat(getLocale() === "nb" ? "nb-NO" : "en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Europe/Oslo",
  }).format(new Date(iso));

function AuditRow({ event }: { event: AuditEvent }) {
  const changes = diffSnapshots(event.before, event.after);
  const empty = ht("hr.audit.empty.value");
  return (
    <Table.Row>
      <Table.DataCell style={{ whiteSpace: "nowrap", verticalAlign: "top" }}>
        <time dateTime={event.createdAt}>{formatInstant(event.createdAt)}</time>
      </Table.DataCell>
      <Table.DataCell style={{ verticalAlign: "top" }}>
        <BodyShort>{event.actorName}</BodyShort>
        <Detail textColor="subtle">{event.actorSubject}</Detail>
      </Table.DataCell>
      <Table.DataCell style={{ verticalAlign: "top" }}>
        <BodyShort>{event.action}</BodyShort>
        <Detail textColor="subtle">
          {event.entityType} · {event.before == null ? ht("hr.audit.created") : event.after == null ? ht("hr.audit.deleted") : event.entityId}
        </Detail>
      </Table.DataCell>
      <Table.DataCell style={{ verticalAlign: "top" }}>
        {changes.length === 0 ? (
          <BodyShort size="small">{ht("hr.audit.noChange")}</BodyShort>
        ) : (
          <dl style={{ margin: 0, display: "grid", gap: "var(--ax-space-4)" }}>
            {changes.map((change) => (
              <div key={change.field}>
                <dt style={{ fontWeight: 600 }}>{change.field || ht("hr.audit.field")}</dt>
                <dd style={{ margin: 0, overflowWrap: "anywhere" }}>
                  <span style={{ textDecoration: "line-through" }}>
                    <span className="aksel-sr-only">{ht("hr.audit.before")}: </span>
                    {change.before ?? empty}
                  </span>
                  <span aria-hidden> → </span>
                  <span>
                    <span className="aksel-sr-only">{ht("hr.audit.after")}: </span>
                    {change.after ?? empty}
                  </span>
                </dd>
              </div>
            ))}
          </dl>
        )}
      </Table.DataCell>
    </Table.Row>
  );
}
