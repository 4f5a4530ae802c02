// /hr: HR's people search (search and filters by office, team, role and employer).
import { BodyShort, Button, Heading, HStack, Link, Search, Select, Table, VStack } from "@navikt/ds-react";
import { Link as RemixLink, useSearchParams, type MetaFunction } from "@remix-run/react";
import { useEffect, useState } from "react";
import { signIn } from "../auth";
import { EmptyState, ErrorState, TableSkeleton } from "../components/States";
import { request, type ResultOf } from "../graphql";
import { t } from "../i18n";
import { useClientLoaderData } from "../routing";
import { mayUseHr } from "../hr/access";
import { HrSubNav, NoAccess, OfficeTeamPicker } from "../hr/components";
import { HrPeopleQuery, HrRolesQuery } from "../hr/documents";
import { ht } from "../hr/texts";
import { usePagedConnection } from "../hr/use-paged-connection";

export const meta: MetaFunction = () => [{ title: `${ht("hr.people.title")} – ${ht("hr.title")} – ${t("app.name")}` }];

export async function clientLoader() {
  const session = await signIn();
  if (!mayUseHr(session.user.roles)) return { allowed: false as const };
  const roles = request(HrRolesQuery, {}).then((data) => data.roles);
  roles.catch(() => undefined);
  return { allowed: true as const, roles };
}

type PeoplePage = ResultOf<typeof HrPeopleQuery>["people"];
type Role = ResultOf<typeof HrRolesQuery>["roles"][number];
const PAGE_SIZE = 25;
const EMPLOYERS = ["STATE", "MUNICIPAL"] as const;

interface PeopleSearch {
  q: string;
  officeId: string;
  teamId: string;
  roleId: string;
  employer: string;
}

function readSearch(params: URLSearchParams): PeopleSearch {
  return {
    q: params.get("q") ?? "",
    officeId: params.get("kontor") ?? "",
    teamId: params.get("team") ?? "",
    roleId: params.get("rolle") ?? "",
    employer: params.get("arbeidsgiver") ?? "",
  };
}

function toParams(search: PeopleSearch): URLSearchParams {
  const params = new URLSearchParams();
  if (search.q) params.set("q", search.q);
  if (search.officeId) params.set("kontor", search.officeId);
  if (search.teamId) params.set("team", search.teamId);
  if (search.roleId) params.set("rolle", search.roleId);
  if (search.employer) params.set("arbeidsgiver", search.employer);
  return params;
}

function toFilter(search: PeopleSearch) {
  return {
    ...(search.q ? { text: search.q } : {}),
    ...(search.officeId && !search.teamId ? { officeId: search.officeId } : {}),
    ...(search.teamId ? { teamId: search.teamId } : {}),
    ...(search.roleId ? { roleId: search.roleId } : {}),
    ...(search.employer === "STATE" || search.employer === "MUNICIPAL" ? { employer: search.employer as "STATE" | "MUNICIPAL" } : {}),
  };
}

export default function HrPeopleRoute() {
  const data = useClientLoaderData<typeof clientLoader>();
  if (!data.allowed) return <NoAccess />;
  return <HrPeople roles={data.roles} />;
}

function HrPeople({ roles: rolesPromise }: { roles: Promise<Role[]> }) {
  const [params, setParams] = useSearchParams();
  const search = readSearch(params);
  const [text, setText] = useState(search.q);
  const [roles, setRoles] = useState<Role[]>([]);
  useEffect(() => {
    rolesPromise.then(setRoles, () => setRoles([]));
  }, [rolesPromise]);

  const apply = (changes: Partial<PeopleSearch>) =>
    setParams(toParams({ ...search, q: text.trim(), ...changes }), { preventScrollReset: true, replace: false });
  const filtered = Boolean(search.q || search.officeId || search.roleId || search.employer);

  return (
    <VStack gap="space-24">
      <HrSubNav />
      <VStack gap="space-8">
        <Heading level="1" size="xlarge">
          {ht("hr.people.title")}
        </Heading>
        <BodyShort>{ht("hr.people.intro")}</BodyShort>
      </VStack>
      <form
        role="search"
        aria-label={ht("hr.filters")}
        onSubmit={(event) => {
          event.preventDefault();
          apply({});
        }}
      >
        <VStack gap="space-16">
          <div style={{ maxWidth: "32rem" }}>
            <Search
              label={ht("hr.search.label")}
              description={ht("hr.search.description")}
              hideLabel={false}
              value={text}
              onChange={setText}
              onClear={() => apply({ q: "" })}
              variant="primary"
            />
          </div>
          <OfficeTeamPicker
            idPrefix="filter-"
            officeId={search.officeId}
            teamId={search.teamId}
            onChange={({ officeId, teamId }) => apply({ officeId, teamId })}
            officeLabelText={ht("hr.filter.office")}
            teamLabelText={ht("hr.filter.team")}
            emptyTeamLabel={ht("hr.filter.any")}
          />
          <HStack gap="space-24" align="end" wrap>
            <Select
              label={ht("hr.filter.role")}
              value={search.roleId}
              onChange={(event) => apply({ roleId: event.target.value })}
              style={{ minWidth: "14rem" }}
            >
              <option value="">{ht("hr.filter.any")}</option>
              {roles.map((role) => (
                <option key={role.id} value={role.id}>
                  {role.name}
                </option>
              ))}
            </Select>
            <Select
              label={ht("hr.filter.employer")}
              value={search.employer}
              onChange={(event) => apply({ employer: event.target.value })}
              style={{ minWidth: "12rem" }}
            >
              <option value="">{ht("hr.filter.any")}</option>
              {EMPLOYERS.map((employer) => (
                <option key={employer} value={employer}>
                  {t(`employer.${employer}`)}
                </option>
              ))}
            </Select>
            {filtered && (
              <Link as={RemixLink} to="/hr" style={{ paddingBottom: "var(--ax-space-12)" }}>
                {ht("hr.filter.reset")}
              </Link>
            )}
          </HStack>
        </VStack>
      </form>
      <PeopleResults key={toParams(search).toString()} search={search} filtered={filtered} />
    </VStack>
  );
}

function PeopleResults({ search, filtered }: { search: PeopleSearch; filtered: boolean }) {
  const { pages, nodes: rows, lastPage, loading, error, loadMore } = usePagedConnection<PeoplePage["edges"][number]["node"], PeoplePage>(
    async (after, signal) => (await request(HrPeopleQuery, { filter: toFilter(search), first: PAGE_SIZE, after }, { signal })).people,
  );

  if (pages.length === 0 && loading) return <TableSkeleton label={ht("hr.people.loading")} />;
  if (pages.length === 0 && error) return <ErrorState title={ht("hr.people.error")} error={error} />;
  if (rows.length === 0 || !lastPage) {
    return (
      <EmptyState title={ht("hr.people.empty")}>{filtered && <BodyShort>{ht("hr.people.empty.hint")}</BodyShort>}</EmptyState>
    );
  }

  return (
    <VStack gap="space-16">
      <BodyShort role="status">{ht("hr.people.count", { shown: rows.length, total: lastPage.totalCount })}</BodyShort>
      <div className="samla-table-scroll">
        <Table zebraStripes>
          <caption className="aksel-sr-only">{ht("hr.people.caption")}</caption>
          <Table.Header>
            <Table.Row>
              <Table.ColumnHeader scope="col">{ht("hr.people.col.name")}</Table.ColumnHeader>
              <Table.ColumnHeader scope="col">{ht("hr.people.col.email")}</Table.ColumnHeader>
              <Table.ColumnHeader scope="col">{ht("hr.people.col.employer")}</Table.ColumnHeader>
              <Table.ColumnHeader scope="col">{ht("hr.people.col.roles")}</Table.ColumnHeader>
              <Table.ColumnHeader scope="col">{ht("hr.people.col.sso")}</Table.ColumnHeader>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {rows.map((person) => (
              <Table.Row key={person.id}>
                <Table.HeaderCell scope="row">
                  <Link as={RemixLink} to={`/hr/personer/${encodeURIComponent(person.id)}`}>
                    {person.name}
                  </Link>
                </Table.HeaderCell>
                <Table.DataCell>{person.email}</Table.DataCell>
                <Table.DataCell>{t(`employer.${person.employer}`)}</Table.DataCell>
                <Table.DataCell>
                  {person.assignments.length === 0
                    ? ht("hr.people.noRole")
                    : person.assignments
                        .map((assignment) => `${assignment.role.name}, ${assignment.team.office.name}`)
                        .join("; ")}
                </Table.DataCell>
                <Table.DataCell>{person.ssoUser?.username ?? "–"}</Table.DataCell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      {error !== null && <ErrorState title={ht("hr.people.error")} error={error} />}
      {lastPage.pageInfo.hasNextPage && (
        <HStack>
          <Button
            type="button"
            variant="secondary"
            loading={loading}
            onClick={loadMore}
          >
            {ht("hr.people.showMore")}
          </Button>
        </HStack>
      )}
    </VStack>
  );
}
