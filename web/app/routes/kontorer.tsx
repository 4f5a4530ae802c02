import { BodyShort, Button, Checkbox, Heading, HStack, Link, Search, Select, Table, VStack } from "@navikt/ds-react";
import {
  Await,
  Link as RemixLink,
  useNavigation,
  useSubmit,
  type ClientLoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/react";
import { Suspense, useEffect, useRef, useState } from "react";
import { PilotTags, StatusTag } from "../components/OfficeTags";
import { AwaitError, EmptyState, ErrorState, TableSkeleton } from "../components/States";
import { graphql, request, type ResultOf } from "../graphql";
import { t } from "../i18n";
import { useClientLoaderData } from "../routing";
import {
  OFFICE_STATUSES,
  hasActiveFilter,
  isOfficeStatus,
  officeSearchToParams,
  parseOfficeSearch,
  toOfficeFilterInput,
  type OfficeSearch,
  type OfficeStatusValue,
} from "../offices/filter";

const OfficesListQuery = graphql(`
  query OfficesList($filter: OfficeFilter, $first: Int, $after: String) {
    offices(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          code
          name
          status
          isPilot
          isSpearhead
          municipalities {
            id
            number
            name
          }
        }
      }
    }
  }
`);

type OfficesPage = ResultOf<typeof OfficesListQuery>["offices"];
type OfficeRow = OfficesPage["edges"][number]["node"];

const PAGE_SIZE = 25;

async function fetchOfficesPage(search: OfficeSearch, after: string | null, signal?: AbortSignal): Promise<OfficesPage> {
  const data = await request(
    OfficesListQuery,
    { filter: toOfficeFilterInput(search), first: PAGE_SIZE, after },
    { signal },
  );
  return data.offices;
}

export const meta: MetaFunction = () => [{ title: `${t("offices.title")} – ${t("app.name")}` }];

// The first page is not awaited: the screen (heading, filters) shows at once and the
// table area shows a skeleton until the data arrives.
export function clientLoader({ request: routeRequest }: ClientLoaderFunctionArgs) {
  const search = parseOfficeSearch(new URL(routeRequest.url).searchParams);
  const firstPage = fetchOfficesPage(search, null, routeRequest.signal);
  // <Await> shows a failure; this only keeps an aborted load (the user moved on) from
  // being reported as an unhandled rejection.
  firstPage.catch(() => undefined);
  return { search, firstPage };
}

export default function OfficesRoute() {
  const { search, firstPage } = useClientLoaderData<typeof clientLoader>();
  const searchKey = officeSearchToParams(search).toString();

  return (
    <VStack gap="space-24">
      <Heading level="1" size="xlarge">
        {t("offices.title")}
      </Heading>
      <OfficeFilters search={search} />
      <Suspense key={`results?${searchKey}`} fallback={<TableSkeleton label={t("offices.loading")} />}>
        <Await resolve={firstPage} errorElement={<AwaitError title={t("offices.error")} />}>
          {(page) => <OfficesResults search={search} firstPage={page} />}
        </Await>
      </Suspense>
    </VStack>
  );
}

/**
 * Search and filters. Applying them changes the URL (?q=&status=&pilot=1), which reloads
 * the list; the inputs follow the URL too (back button, "Nullstill filtre"). The inputs
 * are never re-mounted, so keyboard focus stays where the user is.
 */
function OfficeFilters({ search }: { search: OfficeSearch }) {
  const submit = useSubmit();
  const navigation = useNavigation();
  const busy = navigation.state === "loading" && navigation.location.pathname === "/kontorer";
  const [text, setText] = useState(search.q);
  const [status, setStatus] = useState<OfficeStatusValue | null>(search.status);
  const [pilotOnly, setPilotOnly] = useState(search.pilotOnly);

  useEffect(() => {
    setText(search.q);
    setStatus(search.status);
    setPilotOnly(search.pilotOnly);
  }, [search.q, search.status, search.pilotOnly]);

  const apply = (changes: Partial<OfficeSearch>) => {
    const next: OfficeSearch = { q: text.trim(), status, pilotOnly, ...changes };
    submit(officeSearchToParams(next), { method: "get", action: "/kontorer", preventScrollReset: true });
  };

  return (
    <form
      role="search"
      aria-label={t("offices.filters")}
      aria-busy={busy}
      onSubmit={(event) => {
        event.preventDefault();
        apply({});
      }}
    >
      <HStack gap="space-24" align="end" wrap>
        <div style={{ flex: "1 1 20rem", maxWidth: "32rem" }}>
          <Search
            label={t("offices.search.label")}
            description={t("offices.search.description")}
            hideLabel={false}
            value={text}
            onChange={setText}
            // Clearing the field shows every office again at once.
            onClear={() => apply({ q: "" })}
            variant="primary"
          />
        </div>
        <Select
          label={t("offices.filter.status")}
          value={status ?? ""}
          onChange={(event) => {
            const value = isOfficeStatus(event.target.value) ? event.target.value : null;
            setStatus(value);
            apply({ status: value });
          }}
          style={{ minWidth: "12rem" }}
        >
          <option value="">{t("offices.filter.anyStatus")}</option>
          {OFFICE_STATUSES.map((value) => (
            <option key={value} value={value}>
              {t(`status.${value}`)}
            </option>
          ))}
        </Select>
        <Checkbox
          checked={pilotOnly}
          onChange={(event) => {
            setPilotOnly(event.target.checked);
            apply({ pilotOnly: event.target.checked });
          }}
        >
          {t("offices.filter.pilotOnly")}
        </Checkbox>
        {hasActiveFilter(search) && (
          <Link as={RemixLink} to="/kontorer" style={{ paddingBottom: "var(--ax-space-12)" }}>
            {t("offices.filter.reset")}
          </Link>
        )}
      </HStack>
    </form>
  );
}

function OfficesResults({ search, firstPage }: { search: OfficeSearch; firstPage: OfficesPage }) {
  const [pages, setPages] = useState<OfficesPage[]>([firstPage]);
  const [loadingMore, setLoadingMore] = useState(false);
  const [loadMoreError, setLoadMoreError] = useState<unknown>(null);
  const firstNewRowIndex = useRef<number | null>(null);
  const tableRef = useRef<HTMLTableElement>(null);

  const rows: OfficeRow[] = pages.flatMap((page) => page.edges.map((edge) => edge.node));
  const lastPage = pages[pages.length - 1] ?? firstPage;
  const totalCount = lastPage.totalCount;

  // After "Vis flere", move keyboard focus to the first new office, so keyboard and
  // screen-reader users continue where the new rows start.
  useEffect(() => {
    const index = firstNewRowIndex.current;
    if (index === null) return;
    firstNewRowIndex.current = null;
    tableRef.current?.querySelector<HTMLAnchorElement>(`[data-row-index="${index}"] a`)?.focus();
  }, [pages]);

  const showMore = async () => {
    setLoadingMore(true);
    setLoadMoreError(null);
    try {
      const next = await fetchOfficesPage(search, lastPage.pageInfo.endCursor ?? null);
      firstNewRowIndex.current = rows.length;
      setPages((current) => [...current, next]);
    } catch (error) {
      setLoadMoreError(error);
    } finally {
      setLoadingMore(false);
    }
  };

  if (rows.length === 0) {
    return (
      <EmptyState title={t("offices.empty")}>
        {hasActiveFilter(search) && <BodyShort>{t("offices.empty.hint")}</BodyShort>}
      </EmptyState>
    );
  }

  return (
    <VStack gap="space-16">
      <BodyShort role="status">{t("offices.count", { shown: rows.length, total: totalCount })}</BodyShort>
      <div className="samla-table-scroll">
        <Table ref={tableRef} zebraStripes>
          <caption className="aksel-sr-only">{t("offices.table.caption")}</caption>
          <Table.Header>
            <Table.Row>
              <Table.ColumnHeader scope="col">{t("offices.col.name")}</Table.ColumnHeader>
              <Table.ColumnHeader scope="col">{t("offices.col.code")}</Table.ColumnHeader>
              <Table.ColumnHeader scope="col">{t("offices.col.status")}</Table.ColumnHeader>
              <Table.ColumnHeader scope="col">{t("offices.col.tags")}</Table.ColumnHeader>
              <Table.ColumnHeader scope="col">{t("offices.col.municipalities")}</Table.ColumnHeader>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {rows.map((office, index) => (
              <Table.Row key={office.id} data-row-index={index}>
                <Table.HeaderCell scope="row">
                  <Link as={RemixLink} to={`/kontorer/${encodeURIComponent(office.id)}`}>
                    {office.name}
                  </Link>
                </Table.HeaderCell>
                <Table.DataCell>{office.code}</Table.DataCell>
                <Table.DataCell>
                  <StatusTag status={office.status} />
                </Table.DataCell>
                <Table.DataCell>
                  <PilotTags isPilot={office.isPilot} isSpearhead={office.isSpearhead} />
                </Table.DataCell>
                <Table.DataCell>{office.municipalities.map((municipality) => municipality.name).join(", ")}</Table.DataCell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      {loadMoreError !== null && <ErrorState title={t("offices.error")} error={loadMoreError} />}
      {lastPage.pageInfo.hasNextPage && (
        <HStack>
          <Button type="button" variant="secondary" loading={loadingMore} onClick={() => void showMore()}>
            {t("offices.showMore")}
          </Button>
        </HStack>
      )}
    </VStack>
  );
}
