// The workloads: each one request exactly as the web app sends it (document text from the
// web's generated documents, variables built with the web's own URL-state helpers where it
// has them), the PostGraphile query that returns the same rows, and how those rows become
// Samla's answer for the equality check.
import { toOfficeFilterInput, parseOfficeSearch } from "../../web/app/offices/filter";
import { comparisonVariables, parseCompareState } from "../../web/app/methods/compare/url-state";
import { dashboardFilter, parseDashboardState } from "../../web/app/adoption/dashboard/url-state";
import { todayInNorway } from "../../web/app/lib/dates";
import { globalId, type Json } from "./canonical";
import type { Documents } from "./documents";
import type { BenchUser } from "./tokens";

export type Variables = Record<string, unknown>;

export interface PostGraphileQuery {
  query: string;
  variables: Variables;
  /** PostGraphile's `data` as Samla's `data` (same rows, Samla's shape and global ids). */
  toSamla(data: PgData): Json;
}

export interface Workload {
  name: string;
  title: string;
  user: BenchUser;
  /** Operation name of the web's document. */
  operation: string;
  document: string;
  variables: Variables;
  /** Null: PostGraphile cannot express it reasonably; the reason says why. */
  postgraphile: PostGraphileQuery | null;
  postgraphileReason?: string;
  /** Office page and orgGraph: ≤ 3 statements and p50 ≤ 3× the SQL reference's. */
  graphTargets: boolean;
}

export interface BigOffice {
  id: string;
  name: string;
  people: number;
  teams: number;
}

// PostGraphile's answers are read by shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type PgData = any;

const CURRENT_FILTER = `{ startDate: { lessThanOrEqualTo: $today }, or: [{ endDate: { isNull: true } }, { endDate: { greaterThanOrEqualTo: $today } }] }`;
const NOT_ENDED_FILTER = `{ or: [{ endDate: { isNull: true } }, { endDate: { greaterThanOrEqualTo: $today } }] }`;

const PG_OFFICE_PAGE = /* GraphQL */ `
  query OfficePagePostGraphile($id: String!, $today: Date!) {
    officeByRowId(rowId: $id) {
      rowId code name status isPilot isSpearhead validFrom validTo
      _officeMunicipalitiesByB { nodes { municipalityByA { rowId number name } } }
      teamsByOfficeId(orderBy: [NAME_ASC]) {
        nodes {
          rowId name purpose parentId
          _teamServicesByB { nodes { serviceByA { rowId code name provider deadlineDays } } }
          assignmentsByTeamId(filter: ${NOT_ENDED_FILTER}, orderBy: [START_DATE_ASC, PRIMARY_KEY_ASC]) {
            nodes { rowId fte startDate endDate personByPersonId { rowId name employer } roleByRoleId { rowId name } }
          }
        }
      }
      mergersByTargetOfficeId { nodes { ...MergerRow } }
      _mergerSourcesByB { nodes { mergerByA { ...MergerRow } } }
    }
  }
  fragment MergerRow on Merger {
    rowId name effectiveDate status
    officeByTargetOfficeId { rowId code name }
    _mergerSourcesByA { nodes { officeByB { rowId code name } } }
  }`;

const PG_ORG_GRAPH_OFFICES = /* GraphQL */ `
  query OrgGraphPostGraphile($ids: [String!]!, $today: Date!) {
    allOffices(filter: { rowId: { in: $ids } }) {
      nodes {
        rowId code name status isPilot isSpearhead
        teamsByOfficeId {
          totalCount
          nodes {
            rowId name parentId
            _teamServicesByB { nodes { serviceByA { rowId code name provider } } }
            assignmentsByTeamId(filter: ${CURRENT_FILTER}) {
              nodes { rowId personId fte startDate reportsToId personByPersonId { name employer } roleByRoleId { name category } }
            }
          }
        }
        mergersByTargetOfficeId { nodes { status _mergerSourcesByA { nodes { b } } } }
      }
    }
  }`;

const PG_ORG_GRAPH_NATIONAL = /* GraphQL */ `
  query OrgGraphNationalPostGraphile($today: Date!) {
    allOffices {
      nodes {
        rowId code name status isPilot isSpearhead
        teamsByOfficeId { totalCount nodes { assignmentsByTeamId(filter: ${CURRENT_FILTER}) { nodes { personId } } } }
        mergersByTargetOfficeId { nodes { status _mergerSourcesByA { nodes { b } } } }
      }
    }
  }`;

const PG_OFFICE_LIST = /* GraphQL */ `
  query OfficesListPostGraphile($first: Int!) {
    allOffices(first: $first, orderBy: [NAME_ASC, PRIMARY_KEY_ASC]) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        rowId code name status isPilot isSpearhead
        _officeMunicipalitiesByB { nodes { municipalityByA { rowId number name } } }
      }
    }
  }`;

const PG_PEOPLE = /* GraphQL */ `
  query HrPeoplePostGraphile($text: String!, $first: Int!, $today: Date!) {
    allPeople(
      first: $first
      orderBy: [NAME_ASC, PRIMARY_KEY_ASC]
      filter: { or: [{ name: { includesInsensitive: $text } }, { email: { includesInsensitive: $text } }] }
    ) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        rowId name email employer ssoSubject
        assignmentsByPersonId(filter: ${NOT_ENDED_FILTER}, orderBy: [START_DATE_ASC, PRIMARY_KEY_ASC]) {
          nodes { rowId roleByRoleId { rowId name } teamByTeamId { rowId name officeByOfficeId { rowId code name } } }
        }
      }
    }
    # Person.ssoSubject has no foreign key to SsoUser: the (few) SSO users come along and are joined here.
    allSsoUsers { nodes { subject username } }
  }`;

const nodesOf = (connection: PgData): PgData[] => connection?.nodes ?? [];

function mergerToSamla(merger: PgData): Json {
  return {
    id: globalId("Merger", merger.rowId),
    name: merger.name,
    effectiveDate: merger.effectiveDate,
    status: merger.status,
    sourceOffices: nodesOf(merger._mergerSourcesByA).map((link) => ({
      id: globalId("Office", link.officeByB.rowId),
      code: link.officeByB.code,
      name: link.officeByB.name,
    })),
    targetOffice: {
      id: globalId("Office", merger.officeByTargetOfficeId.rowId),
      code: merger.officeByTargetOfficeId.code,
      name: merger.officeByTargetOfficeId.name,
    },
  };
}

function officePageToSamla(data: PgData, today: string): Json {
  const office = data.officeByRowId;
  if (!office) return { office: null };
  const teams = nodesOf(office.teamsByOfficeId);
  const services = new Map<string, Json>();
  for (const team of teams) {
    for (const link of nodesOf(team._teamServicesByB)) {
      const s = link.serviceByA;
      services.set(s.rowId, { id: globalId("Service", s.rowId), code: s.code, name: s.name, provider: s.provider, deadlineDays: s.deadlineDays });
    }
  }
  return {
    office: {
      id: globalId("Office", office.rowId),
      code: office.code,
      name: office.name,
      status: office.status,
      isPilot: office.isPilot,
      isSpearhead: office.isSpearhead,
      validFrom: office.validFrom,
      validTo: office.validTo,
      municipalities: nodesOf(office._officeMunicipalitiesByB).map((link) => ({
        id: globalId("Municipality", link.municipalityByA.rowId),
        number: link.municipalityByA.number,
        name: link.municipalityByA.name,
      })),
      teams: teams.map((team) => ({
        id: globalId("Team", team.rowId),
        name: team.name,
        purpose: team.purpose,
        parent: team.parentId ? { id: globalId("Team", team.parentId) } : null,
        services: nodesOf(team._teamServicesByB).map((link) => ({ id: globalId("Service", link.serviceByA.rowId), name: link.serviceByA.name })),
        assignments: nodesOf(team.assignmentsByTeamId).map((a) => ({
          id: globalId("Assignment", a.rowId),
          fte: Number(a.fte),
          isCurrent: a.startDate <= today && (a.endDate === null || a.endDate >= today),
          person: { id: globalId("Person", a.personByPersonId.rowId), name: a.personByPersonId.name, employer: a.personByPersonId.employer },
          role: { id: globalId("Role", a.roleByRoleId.rowId), name: a.roleByRoleId.name },
        })),
      })),
      services: [...services.values()],
      mergersAsSource: nodesOf(office._mergerSourcesByB).map((link) => mergerToSamla(link.mergerByA)),
      mergersAsTarget: nodesOf(office.mergersByTargetOfficeId).map(mergerToSamla),
    },
  };
}

/** The 17 fields of a graph node, nulls where they do not apply (api/src/org/org-graph.ts emptyNode). */
function graphNode(fields: Record<string, Json>): Json {
  return {
    id: null, type: null, label: null, parent: null, officeId: null, code: null, status: null, isPilot: null,
    isSpearhead: null, employer: null, roleName: null, roleCategory: null, fte: null, provider: null,
    collapsed: null, teamCount: null, personCount: null, ...fields,
  };
}

/**
 * orgGraph built from PostGraphile's rows by the API's rules (api/src/org/org-graph.ts):
 * a person's main team is their largest-FTE assignment (then earliest start, then id),
 * FTE is summed, REPORTS_TO only to managers in the graph, MERGES_INTO only between
 * offices in the graph and not for cancelled mergers.
 */
function orgGraphToSamla(data: PgData, today: string, loadedAll: boolean): Json {
  const offices = nodesOf(data.allOffices);
  const scope = new Set(offices.map((office) => office.rowId as string));
  const nodes: Json[] = [];
  const edges = new Map<string, Json>();
  const edge = (type: string, source: string, target: string) => {
    const id = `${type}:${source}:${target}`;
    edges.set(id, { id, source, target, type });
  };
  const people = new Map<string, { rows: PgData[]; officeId: string }>();
  const services = new Map<string, PgData>();
  for (const office of offices) {
    const teams = nodesOf(office.teamsByOfficeId);
    const officePeople = new Set<string>();
    for (const team of teams) for (const a of nodesOf(team.assignmentsByTeamId)) officePeople.add(a.personId);
    nodes.push(graphNode({
      id: globalId("Office", office.rowId), type: "OFFICE", label: office.name, code: office.code, status: office.status,
      isPilot: office.isPilot, isSpearhead: office.isSpearhead, collapsed: !loadedAll,
      teamCount: office.teamsByOfficeId.totalCount, personCount: officePeople.size,
    }));
    for (const merger of nodesOf(office.mergersByTargetOfficeId)) {
      if (merger.status === "CANCELLED") continue;
      for (const link of nodesOf(merger._mergerSourcesByA)) {
        if (scope.has(link.b)) edge("MERGES_INTO", globalId("Office", link.b), globalId("Office", office.rowId));
      }
    }
    if (!loadedAll) continue;
    const teamIds = new Set(teams.map((team) => team.rowId as string));
    for (const team of teams) {
      nodes.push(graphNode({
        id: globalId("Team", team.rowId), type: "TEAM", label: team.name,
        parent: team.parentId && teamIds.has(team.parentId) ? globalId("Team", team.parentId) : globalId("Office", office.rowId),
        officeId: globalId("Office", office.rowId),
      }));
      for (const link of nodesOf(team._teamServicesByB)) {
        services.set(link.serviceByA.rowId, link.serviceByA);
        edge("DELIVERS", globalId("Team", team.rowId), globalId("Service", link.serviceByA.rowId));
      }
      for (const a of nodesOf(team.assignmentsByTeamId)) {
        const entry = people.get(a.personId) ?? { rows: [] as PgData[], officeId: office.rowId as string };
        entry.rows.push({ ...a, teamId: team.rowId, officeId: office.rowId });
        people.set(a.personId, entry);
      }
    }
  }
  for (const [personId, { rows }] of people) {
    rows.sort((x, y) => Number(y.fte) - Number(x.fte) || (x.startDate < y.startDate ? -1 : x.startDate > y.startDate ? 1 : 0) || (x.rowId < y.rowId ? -1 : 1));
    const main = rows[0];
    const fte = rows.reduce((sum, row) => sum + Math.round(Number(row.fte) * 100), 0) / 100;
    nodes.push(graphNode({
      id: globalId("Person", personId), type: "PERSON", label: main.personByPersonId.name, parent: globalId("Team", main.teamId),
      officeId: globalId("Office", main.officeId), employer: main.personByPersonId.employer, roleName: main.roleByRoleId.name,
      roleCategory: main.roleByRoleId.category, fte,
    }));
    for (const row of rows) {
      if (row.reportsToId && people.has(row.reportsToId)) edge("REPORTS_TO", globalId("Person", personId), globalId("Person", row.reportsToId));
    }
  }
  for (const service of services.values()) {
    nodes.push(graphNode({ id: globalId("Service", service.rowId), type: "SERVICE", label: service.name, code: service.code, provider: service.provider }));
  }
  return { orgGraph: { asOf: today, nodes, edges: [...edges.values()] } };
}

function officeListToSamla(data: PgData): Json {
  const connection = data.allOffices;
  return {
    offices: {
      totalCount: connection.totalCount,
      pageInfo: { hasNextPage: connection.pageInfo.hasNextPage, endCursor: connection.pageInfo.endCursor },
      edges: nodesOf(connection).map((office) => ({
        node: {
          id: globalId("Office", office.rowId), code: office.code, name: office.name, status: office.status,
          isPilot: office.isPilot, isSpearhead: office.isSpearhead,
          municipalities: nodesOf(office._officeMunicipalitiesByB).map((link) => ({
            id: globalId("Municipality", link.municipalityByA.rowId), number: link.municipalityByA.number, name: link.municipalityByA.name,
          })),
        },
      })),
    },
  };
}

function peopleToSamla(data: PgData): Json {
  const usernames = new Map<string, string>(nodesOf(data.allSsoUsers).map((user): [string, string] => [user.subject, user.username]));
  const connection = data.allPeople;
  return {
    people: {
      totalCount: connection.totalCount,
      pageInfo: { hasNextPage: connection.pageInfo.hasNextPage, endCursor: connection.pageInfo.endCursor },
      edges: nodesOf(connection).map((person) => ({
        node: {
          id: globalId("Person", person.rowId), name: person.name, email: person.email, employer: person.employer,
          ssoUser: person.ssoSubject && usernames.has(person.ssoSubject) ? { username: usernames.get(person.ssoSubject)! } : null,
          assignments: nodesOf(person.assignmentsByPersonId).map((a) => ({
            id: globalId("Assignment", a.rowId),
            role: { id: globalId("Role", a.roleByRoleId.rowId), name: a.roleByRoleId.name },
            team: {
              id: globalId("Team", a.teamByTeamId.rowId), name: a.teamByTeamId.name,
              office: { id: globalId("Office", a.teamByTeamId.officeByOfficeId.rowId), code: a.teamByTeamId.officeByOfficeId.code, name: a.teamByTeamId.officeByOfficeId.name },
            },
          })),
        },
      })),
    },
  };
}

/** What HR types in the people search of the workload (web/app/routes/hr.tsx, ?q=an). */
export const PEOPLE_SEARCH_TEXT = "an";
/** web/app/routes/kontorer.tsx and hr.tsx: PAGE_SIZE (not exported there). */
const PAGE_SIZE = 25;

const AGGREGATE_REASON =
  "a SQL aggregate in Samla (window functions, latest-on-or-before, DISTINCT ON, month series): PostGraphile's " +
  "default preset has no aggregates, so it would have to ship every underlying row to the client; compared with the SQL reference only";

export function buildWorkloads(documents: Documents, office: BigOffice): Workload[] {
  const today = todayInNorway();
  const officeGid = globalId("Office", office.id);
  return [
    {
      name: "officePage",
      title: `office page, ${office.name} (${office.people} people, ${office.teams} teams)`,
      user: "planner",
      operation: "OfficePage",
      document: documents.OfficePage,
      // web/app/routes/kontorer.$id.tsx fetchOffice: { id } from the route.
      variables: { id: officeGid },
      postgraphile: {
        query: PG_OFFICE_PAGE,
        variables: { id: office.id, today },
        toSamla: (data) => officePageToSamla(data, today),
      },
      graphTargets: true,
    },
    {
      name: "orgGraphOffice",
      title: `orgGraph, ${office.name} expanded`,
      user: "planner",
      operation: "OrgGraphView",
      document: documents.OrgGraphView,
      // web/app/graph/model.ts fetchOrgGraph for ?kontor=<id> (and the office page's OfficeGraph).
      variables: { scope: { officeIds: [officeGid] } },
      postgraphile: {
        query: PG_ORG_GRAPH_OFFICES,
        variables: { ids: [office.id], today },
        toSamla: (data) => orgGraphToSamla(data, today, true),
      },
      graphTargets: true,
    },
    {
      name: "orgGraphNational",
      title: "orgGraph, national collapsed",
      user: "planner",
      operation: "OrgGraphView",
      document: documents.OrgGraphView,
      // web/app/graph/model.ts fetchOrgGraph for ?alle=1 with no office expanded.
      variables: { scope: { all: true, expandedOfficeIds: [] } },
      postgraphile: {
        query: PG_ORG_GRAPH_NATIONAL,
        variables: { today },
        toSamla: (data) => orgGraphToSamla(data, today, false),
      },
      graphTargets: true,
    },
    {
      name: "officeList",
      title: "office list, first page",
      user: "planner",
      operation: "OfficesList",
      document: documents.OfficesList,
      // web/app/routes/kontorer.tsx fetchOfficesPage(search from /kontorer, after null).
      variables: { filter: toOfficeFilterInput(parseOfficeSearch(new URLSearchParams())), first: PAGE_SIZE, after: null },
      postgraphile: { query: PG_OFFICE_LIST, variables: { first: PAGE_SIZE }, toSamla: officeListToSamla },
      graphTargets: false,
    },
    {
      name: "peopleSearch",
      title: `people search "${PEOPLE_SEARCH_TEXT}" (HR)`,
      user: "hr",
      operation: "HrPeople",
      document: documents.HrPeople,
      // web/app/routes/hr.tsx for /hr?q=an: toFilter gives { text }, first PAGE_SIZE, after null.
      variables: { filter: { text: PEOPLE_SEARCH_TEXT }, first: PAGE_SIZE, after: null },
      postgraphile: { query: PG_PEOPLE, variables: { text: PEOPLE_SEARCH_TEXT, first: PAGE_SIZE, today }, toSamla: peopleToSamla },
      graphTargets: false,
    },
    {
      name: "pilotComparison",
      title: "pilot comparison, default pilots and period",
      user: "planner",
      operation: "MethodComparison",
      document: documents.MethodComparison,
      // web/app/routes/sammenlign.tsx clientLoader for /sammenlign.
      variables: { ...comparisonVariables(parseCompareState(new URLSearchParams()), today) },
      postgraphile: null,
      postgraphileReason: AGGREGATE_REASON,
      graphTargets: false,
    },
    {
      name: "adoptionDashboard",
      title: "adoption dashboard, default filter",
      user: "planner",
      operation: "AdoptionDashboard",
      document: documents.AdoptionDashboard,
      // web/app/adoption/dashboard/Dashboard.tsx loadDashboard for /innforing.
      variables: { filter: { ...dashboardFilter(parseDashboardState(new URLSearchParams()), today) } },
      postgraphile: null,
      postgraphileReason: AGGREGATE_REASON,
      graphTargets: false,
    },
  ];
}

export const WORKLOAD_NAMES = [
  "officePage",
  "orgGraphOffice",
  "orgGraphNational",
  "officeList",
  "peopleSearch",
  "pilotComparison",
  "adoptionDashboard",
] as const;

/** The SQL reference's route for a workload (both orgGraph workloads share one statement). */
export function sqlRoute(workload: Workload): string {
  return workload.name.startsWith("orgGraph") ? "/orgGraph" : `/${workload.name}`;
}
