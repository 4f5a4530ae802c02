// orgGraph: offices, their team trees, the people in them and the services they deliver,
// as nodes and edges ready for cytoscape (compound nodes via `parent`). A fixed number of
// queries whatever the scope, so a national graph (250 offices, 20,000 people) is one request.
import { decodeGlobalID } from "../lib/ids";
import { Prisma, type Employer, type OfficeStatus, type RoleCategory, type ServiceProvider } from "@samla/schema";
import { GraphQLError } from "graphql";
import { builder } from "../builder";
import { EmployerEnum } from "../people/persons";
import { RoleCategoryEnum } from "../catalog/roles";
import { ServiceProviderEnum } from "../catalog/services";
import { formatDate, todayInNorway } from "../lib/dates";
import { officeStatusSql } from "./office-status";
import { toGlobalId } from "../lib/ids";
import { OfficeStatusEnum } from "./offices";
import { norwegianOrder } from "../lib/collation";

/** Most offices one graph may show: all of Norway's (about 250) with room to spare. */
export const MAX_GRAPH_OFFICES = 400;

type NodeType = "OFFICE" | "TEAM" | "PERSON" | "SERVICE";
type EdgeType = "REPORTS_TO" | "DELIVERS" | "MERGES_INTO";
/** How a scenario graph's element differs from its baseline (the as-is or another scenario). */
export type GraphChange = "NEW" | "MOVED" | "CHANGED" | "CLOSED" | "UNCHANGED";

export interface OrgGraphNode {
  id: string;
  type: NodeType;
  label: string;
  parent: string | null;
  officeId: string | null;
  code: string | null;
  status: OfficeStatus | null;
  isPilot: boolean | null;
  isSpearhead: boolean | null;
  employer: Employer | null;
  roleName: string | null;
  roleCategory: RoleCategory | null;
  fte: number | null;
  provider: ServiceProvider | null;
  collapsed: boolean | null;
  teamCount: number | null;
  personCount: number | null;
  /** Only in scenario graphs (scenarioGraph); null in orgGraph. */
  change: GraphChange | null;
}

export interface OrgGraphEdge {
  id: string;
  source: string;
  target: string;
  type: EdgeType;
}

export interface OrgGraph {
  asOf: Date;
  nodes: OrgGraphNode[];
  edges: OrgGraphEdge[];
}

const OrgNodeTypeEnum = builder.enumType("OrgNodeType", {
  values: ["OFFICE", "TEAM", "PERSON", "SERVICE"] as const,
});

const OrgEdgeTypeEnum = builder.enumType("OrgEdgeType", {
  description: "REPORTS_TO: person → manager; DELIVERS: team → service; MERGES_INTO: source office → target office.",
  values: ["REPORTS_TO", "DELIVERS", "MERGES_INTO"] as const,
});

export const GraphChangeEnum = builder.enumType("GraphChange", {
  description:
    "How a scenario graph's element differs from the baseline: NEW (not there), MOVED (another parent team, " +
    "office or, for people, another team), CHANGED (same place, other name, purpose, services, role, manager " +
    "or FTE), CLOSED (closed in the scenario, or a person left without a position), UNCHANGED.",
  values: ["NEW", "MOVED", "CHANGED", "CLOSED", "UNCHANGED"] as const,
});

const OrgGraphNodeRef = builder.objectRef<OrgGraphNode>("OrgGraphNode").implement({
  description:
    "A node for cytoscape. `id` is the entity's global id (usable with `node(id)`); `parent` is the " +
    "compound parent: an office for top-level teams, the parent team for nested teams, the person's main " +
    "team (largest FTE) for people; services have none. Fields that do not apply to the type are null.",
  fields: (t) => ({
    id: t.exposeID("id"),
    type: t.field({ type: OrgNodeTypeEnum, resolve: (node) => node.type }),
    label: t.exposeString("label"),
    parent: t.exposeID("parent", { nullable: true }),
    officeId: t.exposeID("officeId", { nullable: true, description: "The office a team or person belongs to." }),
    code: t.exposeString("code", { nullable: true, description: "Office number or service code." }),
    status: t.field({ type: OfficeStatusEnum, nullable: true, resolve: (node) => node.status }),
    isPilot: t.exposeBoolean("isPilot", { nullable: true }),
    isSpearhead: t.exposeBoolean("isSpearhead", { nullable: true }),
    employer: t.field({ type: EmployerEnum, nullable: true, resolve: (node) => node.employer }),
    roleName: t.exposeString("roleName", { nullable: true, description: "The person's role in their main team." }),
    roleCategory: t.field({ type: RoleCategoryEnum, nullable: true, resolve: (node) => node.roleCategory }),
    fte: t.exposeFloat("fte", { nullable: true, description: "The person's total FTE in the graph's offices." }),
    provider: t.field({ type: ServiceProviderEnum, nullable: true, resolve: (node) => node.provider }),
    collapsed: t.exposeBoolean("collapsed", {
      nullable: true,
      description: "For offices: true when the office comes as a single node, without its teams and people.",
    }),
    teamCount: t.exposeInt("teamCount", { nullable: true, description: "For offices: how many teams it has." }),
    personCount: t.exposeInt("personCount", {
      nullable: true,
      description: "For offices: how many people are assigned to its teams on `asOf`.",
    }),
    change: t.field({
      type: GraphChangeEnum,
      nullable: true,
      description: "Scenario graphs only: how the element differs from the baseline. Null in orgGraph.",
      resolve: (node) => node.change,
    }),
  }),
});

const OrgGraphEdgeRef = builder.objectRef<OrgGraphEdge>("OrgGraphEdge").implement({
  fields: (t) => ({
    id: t.exposeID("id"),
    source: t.exposeID("source"),
    target: t.exposeID("target"),
    type: t.field({ type: OrgEdgeTypeEnum, resolve: (edge) => edge.type }),
  }),
});

export const OrgGraphRef = builder.objectRef<OrgGraph>("OrgGraph").implement({
  fields: (t) => ({
    asOf: t.field({ type: "Date", description: "People are those assigned on this day.", resolve: (graph) => graph.asOf }),
    nodes: t.field({ type: [OrgGraphNodeRef], resolve: (graph) => graph.nodes }),
    edges: t.field({ type: [OrgGraphEdgeRef], resolve: (graph) => graph.edges }),
  }),
});

const OrgGraphScope = builder.inputType("OrgGraphScope", {
  description:
    "Which offices to show: these offices, a merger's source and target offices, or all offices (national " +
    "view). Collapsed offices come as single nodes with counts; `expandedOfficeIds` are shown in full.",
  fields: (t) => ({
    officeIds: t.idList({ required: false }),
    mergerId: t.id({ required: false }),
    all: t.boolean({ required: false, description: "Every office in Norway (about 250)." }),
    collapsed: t.boolean({
      required: false,
      description: "Offices as single nodes with counts, except `expandedOfficeIds`. Default: true with `all`, else false.",
    }),
    expandedOfficeIds: t.idList({ required: false, description: "Offices shown in full when collapsed." }),
  }),
});

function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT" } });
}

function localId(globalId: string, typename: string): string {
  try {
    const decoded = decodeGlobalID(globalId);
    if (decoded.typename === typename) return decoded.id;
  } catch {
    // reported below
  }
  throw badInput(`«${globalId}» er ikke en gyldig id for ${typename}.`);
}

export function emptyNode(id: string, type: NodeType, label: string): OrgGraphNode {
  return {
    id,
    type,
    label,
    parent: null,
    officeId: null,
    code: null,
    status: null,
    isPilot: null,
    isSpearhead: null,
    employer: null,
    roleName: null,
    roleCategory: null,
    fte: null,
    provider: null,
    collapsed: null,
    teamCount: null,
    personCount: null,
    change: null,
  };
}

interface OfficeRow {
  id: string;
  code: string;
  name: string;
  status: OfficeStatus;
  isPilot: boolean;
  isSpearhead: boolean;
  teamCount: number;
  personCount: number;
  /** Target offices of the non-cancelled mergers this office is a source of. */
  mergesInto: string[];
}

interface TeamRow {
  id: string;
  officeId: string;
  parentId: string | null;
  name: string;
  services: { id: string; code: string; name: string; provider: ServiceProvider }[];
}

interface AssignmentRow {
  personId: string;
  teamId: string;
  fte: string;
  reportsToId: string | null;
  personName: string;
  employer: Employer;
  roleName: string;
  roleCategory: RoleCategory;
}

/**
 * Loads a graph in at most three SQL statements whatever its size (a merger scope adds
 * one to find the merger): the offices with their counts and merger targets; then, only
 * for offices shown in full, their teams with services and the people assigned on `asOf`.
 * The national collapsed view is one statement.
 */
export async function loadOrgGraph(
  db: Prisma.TransactionClient,
  scope: {
    officeIds?: readonly string[] | null;
    mergerId?: string | null;
    all?: boolean | null;
    collapsed?: boolean | null;
    expandedOfficeIds?: readonly string[] | null;
  },
  asOf: Date,
): Promise<OrgGraph> {
  const givenIds = new Set((scope.officeIds ?? []).map((id) => localId(id, "Office")));
  if (scope.mergerId) {
    const [merger] = await db.$queryRaw<{ officeIds: string[] }[]>`
      SELECT m."targetOfficeId" || ARRAY(SELECT ms."B" FROM "_MergerSources" ms WHERE ms."A" = m."id") AS "officeIds"
      FROM "Merger" m WHERE m."id" = ${localId(scope.mergerId, "Merger")}`;
    if (!merger) throw badInput("Fant ikke sammenslåingen.");
    for (const id of merger.officeIds) givenIds.add(id);
  }
  const all = Boolean(scope.all);
  if (givenIds.size === 0 && !all) throw badInput("Velg minst ett kontor eller en sammenslåing.");
  if (givenIds.size > MAX_GRAPH_OFFICES && !all) {
    throw badInput(`Høyst ${MAX_GRAPH_OFFICES} kontorer i én graf.`);
  }
  const day = formatDate(asOf);
  // Collapsed offices are single nodes: their teams and people are not loaded at all, so
  // the national view is ~250 nodes until the user expands an office.
  const collapse = scope.collapsed ?? all;
  const expanded = new Set((scope.expandedOfficeIds ?? []).map((id) => localId(id, "Office")));

  const offices = await db.$queryRaw<OfficeRow[]>`
    SELECT o."id", o."code", o."name", ${officeStatusSql("o", asOf)} AS "status", o."isPilot", o."isSpearhead",
      (SELECT COUNT(*) FROM "Team" t WHERE t."officeId" = o."id")::int AS "teamCount",
      (SELECT COUNT(DISTINCT a."personId") FROM "Assignment" a JOIN "Team" t ON t."id" = a."teamId"
        WHERE t."officeId" = o."id" AND a."startDate" <= ${day}::date
          AND (a."endDate" IS NULL OR a."endDate" >= ${day}::date))::int AS "personCount",
      ARRAY(SELECT m."targetOfficeId" FROM "_MergerSources" ms JOIN "Merger" m ON m."id" = ms."A"
        WHERE ms."B" = o."id" AND m."status" <> 'CANCELLED') AS "mergesInto"
    FROM "Office" o
    WHERE ${all} OR o."id" = ANY(${[...givenIds]}::text[])
    ORDER BY o."name", o."id"`;
  const shownIds = offices.map((office) => office.id).filter((id) => !collapse || expanded.has(id));

  const [teams, assignments] =
    shownIds.length === 0
      ? [[], []]
      : await Promise.all([
          db.$queryRaw<TeamRow[]>`
            SELECT t."id", t."officeId", t."parentId", t."name",
              COALESCE((SELECT json_agg(json_build_object('id', s."id", 'code', s."code", 'name', s."name",
                                                          'provider', s."provider") ORDER BY s."name")
                        FROM "_TeamServices" ts JOIN "Service" s ON s."id" = ts."A"
                        WHERE ts."B" = t."id"), '[]'::json) AS "services"
            FROM "Team" t
            WHERE t."officeId" = ANY(${shownIds}::text[])
            ORDER BY t."name", t."id"`,
          db.$queryRaw<AssignmentRow[]>`
            SELECT a."personId", a."teamId", a."fte"::text AS "fte", a."reportsToId",
                   p."name" AS "personName", p."employer"::text AS "employer",
                   r."name" AS "roleName", r."category"::text AS "roleCategory"
            FROM "Assignment" a
            JOIN "Team" t ON t."id" = a."teamId"
            JOIN "Person" p ON p."id" = a."personId"
            JOIN "Role" r ON r."id" = a."roleId"
            WHERE t."officeId" = ANY(${shownIds}::text[])
              AND a."startDate" <= ${day}::date
              AND (a."endDate" IS NULL OR a."endDate" >= ${day}::date)
            ORDER BY a."personId", a."fte" DESC, a."startDate", a."id"`,
        ]);
  const loaded = new Set(shownIds);

  const nodes: OrgGraphNode[] = [];
  const edges = new Map<string, OrgGraphEdge>();
  const addEdge = (type: EdgeType, source: string, target: string) => {
    const id = `${type}:${source}:${target}`;
    edges.set(id, { id, type, source, target });
  };

  const officeGid = new Map(offices.map((o) => [o.id, toGlobalId("Office", o.id)]));
  for (const office of offices) {
    nodes.push({
      ...emptyNode(officeGid.get(office.id)!, "OFFICE", office.name),
      code: office.code,
      status: office.status,
      isPilot: office.isPilot,
      isSpearhead: office.isSpearhead,
      collapsed: !loaded.has(office.id),
      teamCount: office.teamCount,
      personCount: office.personCount,
    });
  }

  const teamGid = new Map(teams.map((t) => [t.id, toGlobalId("Team", t.id)]));
  const services = new Map<string, TeamRow["services"][number]>();
  for (const team of teams) {
    const id = teamGid.get(team.id)!;
    const parent = (team.parentId && teamGid.get(team.parentId)) || officeGid.get(team.officeId)!;
    nodes.push({ ...emptyNode(id, "TEAM", team.name), parent, officeId: officeGid.get(team.officeId)! });
    for (const service of team.services) {
      services.set(service.id, service);
      addEdge("DELIVERS", id, toGlobalId("Service", service.id));
    }
  }

  const teamOffice = new Map(teams.map((t) => [t.id, t.officeId]));
  const people = new Map<string, { node: OrgGraphNode; fte: Prisma.Decimal; reportsTo: Set<string> }>();
  for (const row of assignments) {
    const existing = people.get(row.personId);
    if (existing) {
      existing.fte = existing.fte.add(row.fte);
      if (row.reportsToId) existing.reportsTo.add(row.reportsToId);
      continue;
    }
    // Rows come largest FTE first per person: the first one is the person's main team.
    people.set(row.personId, {
      node: {
        ...emptyNode(toGlobalId("Person", row.personId), "PERSON", row.personName),
        parent: teamGid.get(row.teamId)!,
        officeId: officeGid.get(teamOffice.get(row.teamId)!)!,
        employer: row.employer,
        roleName: row.roleName,
        roleCategory: row.roleCategory,
      },
      fte: new Prisma.Decimal(row.fte),
      reportsTo: new Set(row.reportsToId ? [row.reportsToId] : []),
    });
  }
  for (const person of [...people.values()].sort((a, b) => norwegianOrder(a.node.label, b.node.label))) {
    nodes.push({ ...person.node, fte: person.fte.toNumber() });
    for (const managerId of person.reportsTo) {
      // Only managers shown in this graph: an edge needs both ends.
      if (people.has(managerId)) addEdge("REPORTS_TO", person.node.id, toGlobalId("Person", managerId));
    }
  }

  // By name in Norwegian order, as the people above (whatever the database's collation).
  const serviceList = [...services.values()].sort((a, b) => norwegianOrder(a.name, b.name));
  for (const service of serviceList) {
    nodes.push({
      ...emptyNode(toGlobalId("Service", service.id), "SERVICE", service.name),
      code: service.code,
      provider: service.provider,
    });
  }

  for (const office of offices) {
    const sourceGid = officeGid.get(office.id)!;
    for (const targetId of office.mergesInto) {
      const target = officeGid.get(targetId);
      if (target) addEdge("MERGES_INTO", sourceGid, target);
    }
  }

  return { asOf, nodes, edges: [...edges.values()] };
}

builder.queryField("orgGraph", (t) =>
  t.field({
    type: OrgGraphRef,
    description:
      "Offices with their teams, people (assigned on `asOf`, default today) and services, as cytoscape " +
      "nodes and edges. Scope: a list of offices, a merger (its source and target offices), or all offices; " +
      "collapsed offices come as single nodes with counts.",
    args: {
      scope: t.arg({ type: OrgGraphScope, required: true }),
      asOf: t.arg({ type: "Date", required: false }),
    },
    resolve: (_parent, args, context) => loadOrgGraph(context.db, args.scope, args.asOf ?? todayInNorway()),
  }),
);
