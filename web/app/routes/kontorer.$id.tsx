import { ArrowLeftIcon } from "@navikt/aksel-icons";
import { BodyShort, Detail, Heading, HStack, Label, Link, List, Skeleton, Table, VStack } from "@navikt/ds-react";
import {
  Await,
  Link as RemixLink,
  useAsyncError,
  type ClientLoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/react";
import { Suspense, lazy, useEffect } from "react";
import { MergerStatusTag } from "../components/MergerTags";
import { MergerOffices, mergerGraphUrl } from "../components/OfficeLinks";
import { PilotTags, StatusTag } from "../components/OfficeTags";
import { ErrorState, LoadingMessage, TableSkeleton } from "../components/States";
import { ApiError, graphql, isApiError, request, type ResultOf } from "../graphql";
import { formatDate, formatPercent, t, tPlural } from "../i18n";
import { useClientLoaderData } from "../routing";
import { buildTeamTree, type TeamNode } from "../offices/team-tree";

const OfficePageQuery = graphql(`
  query OfficePage($id: ID!) {
    office(id: $id) {
      id
      code
      name
      status
      isPilot
      isSpearhead
      validFrom
      validTo
      municipalities {
        id
        number
        name
      }
      teams {
        id
        name
        purpose
        parent {
          id
        }
        services {
          id
          name
        }
        assignments {
          id
          fte
          isCurrent
          person {
            id
            name
            employer
          }
          role {
            id
            name
          }
        }
      }
      services {
        id
        code
        name
        provider
        deadlineDays
      }
      mergersAsSource {
        ...OfficeMerger
      }
      mergersAsTarget {
        ...OfficeMerger
      }
    }
  }

  fragment OfficeMerger on Merger {
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
`);

const OfficeGraph = lazy(() => import("../graph/OfficeGraph").then((module) => ({ default: module.OfficeGraph })));

type Office = NonNullable<ResultOf<typeof OfficePageQuery>["office"]>;
type Team = Office["teams"][number];
type OfficeMerger = Office["mergersAsSource"][number];

async function fetchOffice(id: string, signal?: AbortSignal): Promise<Office> {
  const data = await request(OfficePageQuery, { id }, { signal });
  if (!data.office) throw new ApiError(`Office ${id} not found`, "result", { typename: "NotFoundError" });
  return data.office;
}

export const meta: MetaFunction = () => [{ title: `${t("nav.offices")} – ${t("app.name")}` }];

export function clientLoader({ params, request: routeRequest }: ClientLoaderFunctionArgs) {
  const office = fetchOffice(params.id ?? "", routeRequest.signal);
  office.catch(() => undefined); // shown by <Await>; see routes/kontorer.tsx
  return { office };
}

export default function OfficeRoute() {
  const { office } = useClientLoaderData<typeof clientLoader>();
  return (
    <VStack gap="space-32">
      <div>
        <Link as={RemixLink} to="/kontorer">
          <ArrowLeftIcon aria-hidden />
          {t("office.backToList")}
        </Link>
      </div>
      <Suspense fallback={<OfficeSkeleton />}>
        <Await resolve={office} errorElement={<OfficeError />}>
          {(loaded) => <OfficeDetails office={loaded} />}
        </Await>
      </Suspense>
    </VStack>
  );
}

function OfficeSkeleton() {
  return (
    <VStack gap="space-24">
      <LoadingMessage text={t("office.loading")} />
      <Skeleton variant="text" width="20rem" height="3rem" aria-hidden />
      <TableSkeleton rows={4} />
    </VStack>
  );
}

function OfficeError() {
  const error = useAsyncError();
  if (isApiError(error) && error.details.typename === "NotFoundError") {
    return (
      <VStack gap="space-16">
        <Heading level="1" size="xlarge">
          {t("office.notFound.title")}
        </Heading>
        <BodyShort>{t("office.notFound.body")}</BodyShort>
      </VStack>
    );
  }
  return <ErrorState title={t("office.error")} error={error} headingLevel="1" />;
}

function OfficeDetails({ office }: { office: Office }) {
  // The route's meta() cannot wait for the office, so name the page once it is here.
  useEffect(() => {
    document.title = `${office.name} – ${t("app.name")}`;
  }, [office.name]);
  const teamTree = buildTeamTree(office.teams);
  // People working here today; the API leaves ended assignments out, and marks the
  // ones that have not started yet as not current.
  const people = office.teams
    .flatMap((team) => team.assignments.filter((a) => a.isCurrent).map((assignment) => ({ assignment, team })))
    .sort((a, b) => a.assignment.person.name.localeCompare(b.assignment.person.name, "nb"));
  const services = office.services;

  return (
    <VStack gap="space-40">
      <VStack gap="space-16">
        <Heading level="1" size="xlarge">
          {office.name}
        </Heading>
        <HStack gap="space-8" wrap>
          <StatusTag status={office.status} size="medium" />
          <PilotTags isPilot={office.isPilot} isSpearhead={office.isSpearhead} size="medium" />
        </HStack>
        <dl className="samla-facts">
          <div>
            <dt>
              <Label as="span">{t("office.code")}</Label>
            </dt>
            <dd>
              <BodyShort>{office.code}</BodyShort>
            </dd>
          </div>
          <div>
            <dt>
              <Label as="span">{t("office.validFrom")}</Label>
            </dt>
            <dd>
              <BodyShort>{formatDate(office.validFrom)}</BodyShort>
            </dd>
          </div>
          <div>
            <dt>
              <Label as="span">{t("office.validTo")}</Label>
            </dt>
            <dd>
              <BodyShort>{office.validTo ? formatDate(office.validTo) : t("office.validToOpen")}</BodyShort>
            </dd>
          </div>
        </dl>
        <div>
          <Link as={RemixLink} to={`/kontorer/${encodeURIComponent(office.id)}/metodikk`}>
            {t("record.officeLink")}
          </Link>
        </div>
      </VStack>

      <section aria-labelledby="kommuner">
        <Heading id="kommuner" level="2" size="medium" spacing>
          {t("office.municipalities")}
        </Heading>
        {office.municipalities.length === 0 ? (
          <BodyShort>{t("office.municipalities.none")}</BodyShort>
        ) : (
          <List>
            {office.municipalities.map((municipality) => (
              <List.Item key={municipality.id}>
                {municipality.name} ({municipality.number})
              </List.Item>
            ))}
          </List>
        )}
      </section>

      <OfficeMergers office={office} />

      <section aria-labelledby="kart">
        <Heading id="kart" level="2" size="medium" spacing>
          {t("office.graph")}
        </Heading>
        {/* Cytoscape is loaded only when an office page shows its graph. */}
        <Suspense fallback={<LoadingMessage text={t("office.graph.loading")} />}>
          <OfficeGraph officeId={office.id} height={360} />
        </Suspense>
      </section>

      <section aria-labelledby="team">
        <Heading id="team" level="2" size="medium" spacing>
          {t("office.teams")}
        </Heading>
        {teamTree.length === 0 ? (
          <BodyShort>{t("office.teams.none")}</BodyShort>
        ) : (
          <ul className="samla-team-tree">
            {teamTree.map((node) => (
              <TeamItem key={node.team.id} node={node} />
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="ansatte">
        <Heading id="ansatte" level="2" size="medium" spacing>
          {t("office.people")}
        </Heading>
        {people.length === 0 ? (
          <BodyShort>
            {office.status === "PLANNED"
              ? t("office.people.nonePlanned", { date: formatDate(office.validFrom) })
              : t("office.people.none")}
          </BodyShort>
        ) : (
          <div className="samla-table-scroll">
            <Table zebraStripes>
              <caption className="aksel-sr-only">{t("office.people.caption")}</caption>
              <Table.Header>
                <Table.Row>
                  <Table.ColumnHeader scope="col">{t("office.people.col.name")}</Table.ColumnHeader>
                  <Table.ColumnHeader scope="col">{t("office.people.col.role")}</Table.ColumnHeader>
                  <Table.ColumnHeader scope="col">{t("office.people.col.team")}</Table.ColumnHeader>
                  <Table.ColumnHeader scope="col" align="right">
                    {t("office.people.col.fte")}
                  </Table.ColumnHeader>
                  <Table.ColumnHeader scope="col">{t("office.people.col.employer")}</Table.ColumnHeader>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {people.map(({ assignment, team }) => (
                  <Table.Row key={assignment.id}>
                    <Table.HeaderCell scope="row">{assignment.person.name}</Table.HeaderCell>
                    <Table.DataCell>{assignment.role.name}</Table.DataCell>
                    <Table.DataCell>{team.name}</Table.DataCell>
                    <Table.DataCell align="right">{formatPercent(Number(assignment.fte))}</Table.DataCell>
                    <Table.DataCell>{t(`employer.${assignment.person.employer}`)}</Table.DataCell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        )}
      </section>

      <section aria-labelledby="tjenester">
        <Heading id="tjenester" level="2" size="medium" spacing>
          {t("office.services")}
        </Heading>
        {services.length === 0 ? (
          <BodyShort>{t("office.services.none")}</BodyShort>
        ) : (
          <div className="samla-table-scroll">
            <Table zebraStripes>
              <caption className="aksel-sr-only">{t("office.services.caption")}</caption>
              <Table.Header>
                <Table.Row>
                  <Table.ColumnHeader scope="col">{t("office.services.col.name")}</Table.ColumnHeader>
                  <Table.ColumnHeader scope="col">{t("office.services.col.code")}</Table.ColumnHeader>
                  <Table.ColumnHeader scope="col">{t("office.services.col.provider")}</Table.ColumnHeader>
                  <Table.ColumnHeader scope="col">{t("office.services.col.deadline")}</Table.ColumnHeader>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {services.map((service) => (
                  <Table.Row key={service.id}>
                    <Table.HeaderCell scope="row">{service.name}</Table.HeaderCell>
                    <Table.DataCell>{service.code}</Table.DataCell>
                    <Table.DataCell>{t(`provider.${service.provider}`)}</Table.DataCell>
                    <Table.DataCell>
                      {service.deadlineDays == null
                        ? t("office.services.noDeadline")
                        : tPlural("office.services.deadlineDays", service.deadlineDays)}
                    </Table.DataCell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        )}
      </section>
    </VStack>
  );
}

/** The mergers the office took part in, as a source office or as the target. */
function OfficeMergers({ office }: { office: Office }) {
  const mergers: { merger: OfficeMerger; part: "asSource" | "asTarget" }[] = [
    ...office.mergersAsSource.map((merger) => ({ merger, part: "asSource" as const })),
    ...office.mergersAsTarget.map((merger) => ({ merger, part: "asTarget" as const })),
  ].sort((a, b) => a.merger.effectiveDate.localeCompare(b.merger.effectiveDate));

  return (
    <section aria-labelledby="sammenslaainger">
      <Heading id="sammenslaainger" level="2" size="medium" spacing>
        {t("office.mergers")}
      </Heading>
      {mergers.length === 0 ? (
        <BodyShort>{t("office.mergers.none")}</BodyShort>
      ) : (
        <div className="samla-table-scroll">
          <Table zebraStripes>
            <caption className="aksel-sr-only">{t("office.mergers.caption")}</caption>
            <Table.Header>
              <Table.Row>
                <Table.ColumnHeader scope="col">{t("office.mergers.col.name")}</Table.ColumnHeader>
                <Table.ColumnHeader scope="col">{t("office.mergers.col.part")}</Table.ColumnHeader>
                <Table.ColumnHeader scope="col">{t("office.mergers.col.offices")}</Table.ColumnHeader>
                <Table.ColumnHeader scope="col">{t("office.mergers.col.date")}</Table.ColumnHeader>
                <Table.ColumnHeader scope="col">{t("office.mergers.col.status")}</Table.ColumnHeader>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {mergers.map(({ merger, part }) => (
                <Table.Row key={merger.id}>
                  <Table.HeaderCell scope="row">
                    {/* The merger's own view is its graph: source offices and the target. */}
                    <Link as={RemixLink} to={mergerGraphUrl(merger.id)}>
                      {merger.name}
                    </Link>
                  </Table.HeaderCell>
                  <Table.DataCell>{t(`office.mergers.${part}`)}</Table.DataCell>
                  <Table.DataCell>
                    <MergerOffices sources={merger.sourceOffices} target={merger.targetOffice} />
                  </Table.DataCell>
                  <Table.DataCell>{formatDate(merger.effectiveDate)}</Table.DataCell>
                  <Table.DataCell>
                    <MergerStatusTag status={merger.status} />
                  </Table.DataCell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}

function TeamItem({ node }: { node: TeamNode<Team> }) {
  const { team } = node;
  const serviceNames = team.services.map((service) => service.name).join(", ");
  return (
    <li>
      <BodyShort weight="semibold">{team.name}</BodyShort>
      {team.purpose && <BodyShort size="small">{team.purpose}</BodyShort>}
      <Detail textColor="subtle">
        {serviceNames ? t("office.team.services", { services: serviceNames }) : t("office.team.noServices")}
      </Detail>
      {node.children.length > 0 && (
        <ul>
          {node.children.map((child) => (
            <TeamItem key={child.team.id} node={child} />
          ))}
        </ul>
      )}
    </li>
  );
}
