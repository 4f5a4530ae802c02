import { PlusIcon } from "@navikt/aksel-icons";
import { BodyLong, BodyShort, Button, Heading, HStack, Link, Table, VStack } from "@navikt/ds-react";
import { Await, Link as RemixLink, type ClientLoaderFunctionArgs, type MetaFunction } from "@remix-run/react";
import { Suspense, useState } from "react";
import { useAuth } from "../auth";
import { MergerStatusTag } from "../components/MergerTags";
import { MergerOffices, mergerGraphUrl } from "../components/OfficeLinks";
import { AwaitError, EmptyState, ErrorState, TableSkeleton } from "../components/States";
import { graphql, request, type ResultOf } from "../graphql";
import { formatDate, t } from "../i18n";
import { useClientLoaderData } from "../routing";
import { mayEditScenarios } from "../scenarios/editor/model";

const MergersListQuery = graphql(`
  query MergersList($first: Int, $after: String) {
    mergers(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          effectiveDate
          status
          sourceOffices {
            id
            code
            name
          }
          targetOffice {
            id
            code
            name
          }
        }
      }
    }
  }
`);

type MergersPage = ResultOf<typeof MergersListQuery>["mergers"];

// The API's largest page: there are tens of mergers, so one page is the usual case.
const PAGE_SIZE = 100;

function fetchMergers(after: string | null, signal?: AbortSignal): Promise<MergersPage> {
  return request(MergersListQuery, { first: PAGE_SIZE, after }, { signal }).then((data) => data.mergers);
}

export const meta: MetaFunction = () => [{ title: `${t("mergers.title")} – ${t("app.name")}` }];

export function clientLoader({ request: routeRequest }: ClientLoaderFunctionArgs) {
  const firstPage = fetchMergers(null, routeRequest.signal);
  firstPage.catch(() => undefined); // shown by <Await>; see routes/kontorer.tsx
  return { firstPage };
}

export default function MergersRoute() {
  const { firstPage } = useClientLoaderData<typeof clientLoader>();
  const { user } = useAuth();
  return (
    <VStack gap="space-24">
      <HStack gap="space-16" align="end" justify="space-between" wrap>
        <VStack gap="space-8">
          <Heading level="1" size="xlarge">
            {t("mergers.title")}
          </Heading>
          <BodyLong>{t("mergers.intro")}</BodyLong>
        </VStack>
        {mayEditScenarios(user.roles) && (
          <Button as={RemixLink} to="/sammenslaainger/ny" icon={<PlusIcon aria-hidden />}>
            {t("mergerPropose.title")}
          </Button>
        )}
      </HStack>
      <Suspense fallback={<TableSkeleton label={t("mergers.loading")} />}>
        <Await resolve={firstPage} errorElement={<AwaitError title={t("mergers.error")} />}>
          {(page) => <MergersTable firstPage={page} />}
        </Await>
      </Suspense>
    </VStack>
  );
}

function MergersTable({ firstPage }: { firstPage: MergersPage }) {
  const [pages, setPages] = useState<MergersPage[]>([firstPage]);
  const [loadingMore, setLoadingMore] = useState(false);
  const [loadMoreError, setLoadMoreError] = useState<unknown>(null);
  const mergers = pages.flatMap((page) => page.edges.map((edge) => edge.node));
  const lastPage = pages[pages.length - 1] ?? firstPage;

  const showMore = async () => {
    setLoadingMore(true);
    setLoadMoreError(null);
    try {
      const next = await fetchMergers(lastPage.pageInfo.endCursor ?? null);
      setPages((current) => [...current, next]);
    } catch (error) {
      setLoadMoreError(error);
    } finally {
      setLoadingMore(false);
    }
  };

  if (mergers.length === 0) return <EmptyState title={t("mergers.empty")} />;

  return (
    <VStack gap="space-16">
      <BodyShort>{t("mergers.count", { count: lastPage.totalCount })}</BodyShort>
      <div className="samla-table-scroll">
        <Table zebraStripes>
          <caption className="aksel-sr-only">{t("mergers.caption")}</caption>
          <Table.Header>
            <Table.Row>
              <Table.ColumnHeader scope="col">{t("mergers.col.name")}</Table.ColumnHeader>
              <Table.ColumnHeader scope="col">{t("mergers.col.offices")}</Table.ColumnHeader>
              <Table.ColumnHeader scope="col">{t("mergers.col.date")}</Table.ColumnHeader>
              <Table.ColumnHeader scope="col">{t("mergers.col.status")}</Table.ColumnHeader>
              <Table.ColumnHeader scope="col">{t("mergers.col.graph")}</Table.ColumnHeader>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {mergers.map((merger) => (
              <Table.Row key={merger.id}>
                <Table.HeaderCell scope="row">
                  <Link as={RemixLink} to={`/sammenslaainger/${encodeURIComponent(merger.id)}`}>
                    {merger.name}
                  </Link>
                </Table.HeaderCell>
                <Table.DataCell>
                  <MergerOffices sources={merger.sourceOffices} target={merger.targetOffice} />
                </Table.DataCell>
                <Table.DataCell className="samla-nowrap">{formatDate(merger.effectiveDate)}</Table.DataCell>
                <Table.DataCell>
                  <MergerStatusTag status={merger.status} />
                </Table.DataCell>
                <Table.DataCell className="samla-nowrap">
                  <Link as={RemixLink} to={mergerGraphUrl(merger.id)}>
                    {t("mergers.graphLink")}
                    <span className="aksel-sr-only"> {t("mergers.graphLink.for", { merger: merger.name })}</span>
                  </Link>
                </Table.DataCell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      {loadMoreError !== null && <ErrorState title={t("mergers.error")} error={loadMoreError} />}
      {lastPage.pageInfo.hasNextPage && (
        <HStack>
          <Button type="button" variant="secondary" loading={loadingMore} onClick={() => void showMore()}>
            {t("mergers.showMore")}
          </Button>
        </HStack>
      )}
    </VStack>
  );
}
