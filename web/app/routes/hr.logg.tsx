// /hr/logg: the audit log — who changed what, when, before and after — filterable and
// exportable (the API builds the CSV/XLSX file; the browser saves it).
import {
  BodyShort,
  Button,
  Detail,
  Heading,
  HStack,
  Select,
  Switch,
  Table,
  TextField,
  VStack,
} from "@navikt/ds-react";
import type { MetaFunction } from "@remix-run/react";
import { useState, type FormEvent } from "react";
import { signIn } from "../auth";
import { EmptyState, ErrorState, TableSkeleton } from "../components/States";
import { request, type ResultOf } from "../graphql";
import { getLocale, t, useLocale } from "../i18n";
import { useClientLoaderData } from "../routing";
import { mayUseHr } from "../hr/access";
import { downloadBase64File } from "../lib/download";
import {
  AUDIT_ACTIONS,
  AUDIT_FILTER_TYPES,
  actionLabel,
  entityTypeLabel,
  fieldLabel,
  formatAuditValue,
  type AuditValueKind,
} from "../hr/audit-labels";
import { DateField, HrSubNav, INVALID_DATE, NoAccess } from "../hr/components";
import { addDays } from "../lib/dates";
import { AuditEventsExportQuery, AuditEventsQuery } from "../hr/documents";
import { ht } from "../hr/texts";
import { usePagedConnection } from "../hr/use-paged-connection";

export const meta: MetaFunction = () => [{ title: `${ht("hr.audit.title")} – ${ht("hr.title")} – ${t("app.name")}` }];

export async function clientLoader() {
  const session = await signIn();
  // Raw ids and codes are for admins tracing a problem; HR reads names.
  return { allowed: mayUseHr(session.user.roles), mayShowDetails: session.user.roles.includes("admin") };
}

type AuditPage = ResultOf<typeof AuditEventsQuery>["auditEvents"];
type AuditEvent = AuditPage["edges"][number]["node"];
const PAGE_SIZE = 25;

// The actions in the filter, in the reader's words, sorted by them.
const actionOptions = () =>
  Object.keys(AUDIT_ACTIONS)
    .map((action) => ({ action, label: actionLabel(action) }))
    .sort((a, b) => a.label.localeCompare(b.label, getLocale() === "nb" ? "nb" : "en"));

interface AuditFilterState {
  person: string;
  entityType: string;
  action: string;
  from: string;
  to: string;
}

const EMPTY_FILTER: AuditFilterState = { person: "", entityType: "", action: "", from: "", to: "" };

/** The filter as the API takes it; dates are whole days in Norway's time zone (approximated as UTC midnight). */
function toApiFilter(filter: AuditFilterState) {
  return {
    ...(filter.person.trim() ? { person: filter.person.trim() } : {}),
    ...(filter.entityType ? { entityType: filter.entityType } : {}),
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.from && filter.from !== INVALID_DATE ? { from: `${filter.from}T00:00:00.000Z` } : {}),
    // "To" is inclusive: before the next day starts.
    ...(filter.to && filter.to !== INVALID_DATE ? { to: `${addDays(filter.to, 1)}T00:00:00.000Z` } : {}),
  };
}

export default function HrAuditRoute() {
  const { allowed, mayShowDetails } = useClientLoaderData<typeof clientLoader>();
  if (!allowed) return <NoAccess />;
  return <HrAudit mayShowDetails={mayShowDetails} />;
}

function HrAudit({ mayShowDetails }: { mayShowDetails: boolean }) {
  useLocale(); // the labels follow the language switch
  const [showDetails, setShowDetails] = useState(false);
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
              label={ht("hr.audit.person")}
              description={ht("hr.audit.personDescription")}
              value={draft.person}
              onChange={(event) => setDraft({ ...draft, person: event.target.value })}
              autoComplete="off"
            />
            <Select
              label={ht("hr.audit.entityType")}
              value={draft.entityType}
              onChange={(event) => setDraft({ ...draft, entityType: event.target.value })}
            >
              <option value="">{ht("hr.audit.any")}</option>
              {AUDIT_FILTER_TYPES.map((type) => (
                <option key={type} value={type}>
                  {entityTypeLabel(type)}
                </option>
              ))}
            </Select>
            <Select
              label={ht("hr.audit.action")}
              value={draft.action}
              onChange={(event) => setDraft({ ...draft, action: event.target.value })}
            >
              <option value="">{ht("hr.audit.any")}</option>
              {actionOptions().map(({ action, label }) => (
                <option key={action} value={action}>
                  {label}
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
      {mayShowDetails && (
        <Switch size="small" checked={showDetails} onChange={(event) => setShowDetails(event.target.checked)}>
          {ht("hr.audit.details")}
        </Switch>
      )}
      <AuditResults key={JSON.stringify(applied)} filter={applied} showDetails={showDetails} />
    </VStack>
  );
}

function AuditResults({ filter, showDetails }: { filter: AuditFilterState; showDetails: boolean }) {
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
              <AuditRow key={event.id} event={event} showDetails={showDetails} />
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

const raw = (value: unknown) => (value === null || value === undefined ? null : typeof value === "string" ? value : JSON.stringify(value));

function AuditRow({ event, showDetails }: { event: AuditEvent; showDetails: boolean }) {
  const empty = ht("hr.audit.empty.value");
  const changes = event.changes;
  return (
    <Table.Row>
      <Table.DataCell style={{ whiteSpace: "nowrap", verticalAlign: "top" }}>
        <time dateTime={event.createdAt}>{formatInstant(event.createdAt)}</time>
      </Table.DataCell>
      <Table.DataCell style={{ verticalAlign: "top" }}>
        <BodyShort>{event.actorName}</BodyShort>
        {showDetails && <Detail textColor="subtle">{event.actorSubject}</Detail>}
      </Table.DataCell>
      <Table.DataCell style={{ verticalAlign: "top" }}>
        <BodyShort>{actionLabel(event.action)}</BodyShort>
        <Detail textColor="subtle">
          {entityTypeLabel(event.entityType)}
          {event.entityName ? `: ${event.entityName}` : ""}
        </Detail>
        {showDetails && (
          <Detail textColor="subtle" style={{ overflowWrap: "anywhere" }}>
            {event.action} · {event.entityType} · {event.entityId}
          </Detail>
        )}
      </Table.DataCell>
      <Table.DataCell style={{ verticalAlign: "top" }}>
        {changes.length === 0 ? (
          <BodyShort size="small">{ht("hr.audit.noChange")}</BodyShort>
        ) : (
          <dl style={{ margin: 0, display: "grid", gap: "var(--ax-space-4)" }}>
            {changes.map((change) => {
              const kind = change.kind as AuditValueKind;
              const before = formatAuditValue(kind, change.before);
              const after = formatAuditValue(kind, change.after);
              return (
                <div key={change.field} data-field={change.field}>
                  <dt style={{ fontWeight: 600 }}>
                    {fieldLabel(change.field)}
                    {showDetails && <Detail as="span" textColor="subtle"> ({change.field})</Detail>}
                  </dt>
                  <dd style={{ margin: 0, overflowWrap: "anywhere" }}>
                    {/* A new value alone needs no arrow: "Rolle: Veileder", not "(tom) → Veileder". */}
                    {before !== null && (
                      <>
                        <span style={{ textDecoration: "line-through" }}>
                          <span className="aksel-sr-only">{ht("hr.audit.before")}: </span>
                          {before}
                        </span>
                        <span aria-hidden> → </span>
                      </>
                    )}
                    <span>
                      <span className="aksel-sr-only">{ht("hr.audit.after")}: </span>
                      {after ?? empty}
                    </span>
                    {showDetails && (
                      <Detail textColor="subtle" style={{ overflowWrap: "anywhere" }}>
                        {raw(change.beforeRaw) ?? "null"} → {raw(change.afterRaw) ?? "null"}
                      </Detail>
                    )}
                  </dd>
                </div>
              );
            })}
          </dl>
        )}
      </Table.DataCell>
    </Table.Row>
  );
}
