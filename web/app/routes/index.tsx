import { BodyLong, BodyShort, Box, Heading, HGrid, HStack, Link, Skeleton, Table, VStack } from "@navikt/ds-react";
import { Await, Link as RemixLink, type ClientLoaderFunctionArgs, type MetaFunction } from "@remix-run/react";
import { Suspense } from "react";
import { MergerStatusTag, MERGER_STATUSES } from "../components/MergerTags";
import { PilotTags } from "../components/OfficeTags";
import { AwaitError, EmptyState, LoadingMessage } from "../components/States";
import { graphql, request, type ResultOf } from "../graphql";
import { formatNumber, t } from "../i18n";
import { useClientLoaderData } from "../routing";

// One request for the whole page: counts come from the connections' totalCount, so the
// browser never pages through offices or mergers to count them.
const OverviewQuery = graphql(`
  query Overview {
    activeOffices: offices(filter: { status: [ACTIVE] }, first: 1) {
      totalCount
    }
    pilotOffices: offices(filter: { isPilot: true }, first: 100) {
      totalCount
      edges {
        node {
          id
          code
          name
          isPilot
          isSpearhead
          municipalities {
            id
            name
          }
        }
      }
    }
    allMergers: mergers(first: 1) {
      totalCount
    }
    proposed: mergers(filter: { status: [PROPOSED] }, first: 1) {
      totalCount
    }
    approved: mergers(filter: { status: [APPROVED] }, first: 1) {
      totalCount
    }
    inProgress: mergers(filter: { status: [IN_PROGRESS] }, first: 1) {
      totalCount
    }
    completed: mergers(filter: { status: [COMPLETED] }, first: 1) {
      totalCount
    }
    cancelled: mergers(filter: { status: [CANCELLED] }, first: 1) {
      totalCount
    }
    currentStaffCount
  }
`);

type Overview = ResultOf<typeof OverviewQuery>;

const STATUS_FIELD = {
  PROPOSED: "proposed",
  APPROVED: "approved",
  IN_PROGRESS: "inProgress",
  COMPLETED: "completed",
  CANCELLED: "cancelled",
} as const;

export const meta: MetaFunction = () => [{ title: `${t("overview.title")} – ${t("app.name")}` }];

export function clientLoader({ request: routeRequest }: ClientLoaderFunctionArgs) {
  const overview = request(OverviewQuery, {}, { signal: routeRequest.signal });
  overview.catch(() => undefined); // shown by <Await>; see routes/kontorer.tsx
  return { overview };
}

export default function OverviewRoute() {
  const { overview } = useClientLoaderData<typeof clientLoader>();
  return (
    <VStack gap="space-32">
      <VStack gap="space-8">
        <Heading level="1" size="xlarge">
          {t("overview.title")}
        </Heading>
        <BodyLong>{t("overview.intro")}</BodyLong>
      </VStack>
      <Suspense fallback={<OverviewSkeleton />}>
        <Await resolve={overview} errorElement={<AwaitError title={t("overview.error")} />}>
          {(loaded) => <OverviewContent overview={loaded} />}
        </Await>
      </Suspense>
      <section aria-labelledby="videre">
        <Heading id="videre" level="2" size="medium" spacing>
          {t("overview.links.title")}
        </Heading>
        <HStack gap="space-24" wrap>
          <Link as={RemixLink} to="/organisasjon">
            {t("overview.links.organisation")}
          </Link>
          <Link as={RemixLink} to="/kontorer">
            {t("overview.links.offices")}
          </Link>
          <Link as={RemixLink} to="/sammenslaainger">
            {t("overview.links.mergers")}
          </Link>
        </HStack>
      </section>
    </VStack>
  );
}

function OverviewSkeleton() {
  return (
    <VStack gap="space-16">
      <LoadingMessage text={t("overview.loading")} />
      <HGrid columns={{ xs: 1, sm: 2, lg: 4 }} gap="space-16" aria-hidden>
        {Array.from({ length: 4 }, (_, index) => (
          <Skeleton key={index} variant="rectangle" height="6rem" />
        ))}
      </HGrid>
    </VStack>
  );
}

function Figure({ label, value, hint, testId }: { label: string; value: number; hint?: string; testId: string }) {
  return (
    <Box as="div" padding="space-16" borderRadius="8" borderWidth="1" borderColor="neutral-subtle" background="raised">
      <dt>
        <BodyShort weight="semibold">{label}</BodyShort>
      </dt>
      <dd className="samla-figure-value" data-testid={testId}>
        {formatNumber(value)}
      </dd>
      {hint && (
        <dd>
          <BodyShort size="small" textColor="subtle">
            {hint}
          </BodyShort>
        </dd>
      )}
    </Box>
  );
}

function OverviewContent({ overview }: { overview: Overview }) {
  const pilots = overview.pilotOffices.edges.map((edge) => edge.node);
  return (
    <VStack gap="space-40">
      <section aria-labelledby="nokkeltall">
        <Heading id="nokkeltall" level="2" size="medium" spacing>
          {t("overview.figures")}
        </Heading>
        <HGrid as="dl" columns={{ xs: 1, sm: 2, lg: 4 }} gap="space-16" className="samla-figures">
          <Figure label={t("overview.activeOffices")} value={overview.activeOffices.totalCount} testId="figure-active-offices" />
          <Figure label={t("overview.pilotOffices")} value={overview.pilotOffices.totalCount} testId="figure-pilot-offices" />
          <Figure label={t("overview.mergers")} value={overview.allMergers.totalCount} testId="figure-mergers" />
          <Figure
            label={t("overview.staff")}
            value={overview.currentStaffCount}
            hint={t("overview.staff.hint")}
            testId="figure-staff"
          />
        </HGrid>
      </section>

      <HGrid columns={{ xs: 1, md: 2 }} gap="space-40">
        <section aria-labelledby="piloter">
          <Heading id="piloter" level="2" size="medium" spacing>
            {t("overview.pilots.title")}
          </Heading>
          {pilots.length === 0 ? (
            <EmptyState title={t("overview.pilots.none")} />
          ) : (
            <ul className="samla-plain-list">
              {pilots.map((office) => (
                <li key={office.id}>
                  <HStack gap="space-8" align="center" wrap>
                    <Link as={RemixLink} to={`/kontorer/${encodeURIComponent(office.id)}`}>
                      {office.name}
                    </Link>
                    <BodyShort as="span" size="small" textColor="subtle">
                      {office.code}
                    </BodyShort>
                    <PilotTags isPilot={false} isSpearhead={office.isSpearhead} />
                  </HStack>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section aria-labelledby="status">
          <Heading id="status" level="2" size="medium" spacing>
            {t("overview.mergersByStatus.title")}
          </Heading>
          <Table size="small">
            <caption className="aksel-sr-only">{t("overview.mergersByStatus.caption")}</caption>
            <Table.Header>
              <Table.Row>
                <Table.ColumnHeader scope="col">{t("overview.mergersByStatus.col.status")}</Table.ColumnHeader>
                <Table.ColumnHeader scope="col" align="right">
                  {t("overview.mergersByStatus.col.count")}
                </Table.ColumnHeader>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {MERGER_STATUSES.map((status) => (
                <Table.Row key={status}>
                  <Table.HeaderCell scope="row">
                    <MergerStatusTag status={status} />
                  </Table.HeaderCell>
                  <Table.DataCell align="right" data-testid={`mergers-${status}`}>
                    {formatNumber(overview[STATUS_FIELD[status]].totalCount)}
                  </Table.DataCell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </section>
      </HGrid>
    </VStack>
  );
}
