// orgGraph: offices, their team trees, the people in them and the services they deliver,
// as nodes and edges ready for cytoscape (compound nodes via `parent`). A fixed number of
// queries whatever the scope, so a national graph (250 offices, 20,000 people) is one request.
import { decodeGlobalID } from "@pothos/plugin-relay";
import { Prisma, type Employer, type OfficeStatus, type RoleCategory, type ServiceProvider } from "@samla/schema";
import { GraphQLError } from "graphql";
import { builder } from "../builder";
import { EmployerEnum } from "../people/persons";
import { RoleCategoryEnum } from "../catalog/roles";
import { ServiceProviderEnum } from "../catalog/services";
import { formatDate, todayInNorway } from "../lib/dates";
import { toGlobalId } from "../lib/ids";
import { OfficeStatusEnum } from "./offices";

/** Most offices one graph may show: all of Norway's (about 250) with room to spare. */
export const MAX_GRAPH_OFFICES = 400;

type NodeType = "OFFICE" | "TEAM" | "PERSON" | "SERVICE";
type EdgeType = "REPORTS_TO" | "DELIVERS" | "MERGES_INTO";

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

const OrgGraphRef = builder.objectRef<OrgGraph>("OrgGraph").implement({
  fields: (t) => ({
    asOf: t.field({ type: "Date", description: "People are those assigned on this day.", resolve: (graph) => graph.asOf }),
    nodes: t.field({ type: [OrgGraphNodeRef], resolve: (graph) => graph.nodes }),
    edges: t.field({ type: [OrgGraphEdgeRef], resolve: (graph) => graph.edges }),
  }),
});

const OrgGraphScope = builder.inputType("OrgGraphScope", {
  description: "Which offices to show: these offices, a merger's source and target offices, or both.",
  fields: (t) => ({
    officeIds: t.idList({ required: false }),
    mergerId: t.id({ required: false }),
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

function emptyNode(id: string, type: NodeType, label: string): OrgGraphNode {
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
  };
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

export async function loadOrgGraph(
  db: Prisma.TransactionClient,
  scope: { officeIds?: readonly string[] | null; mergerId?: string | null },
  asOf: Date,
): Promise<OrgGraph> {
  const officeIds = new Set((scope.officeIds ?? []).map((id) => localId(id, "Office")));
  if (scope.mergerId) {
    const merger = await db.merger.findUnique({
      where: { id: localId(scope.mergerId, "Merger") },
      select: { targetOfficeId: true, sourceOffices: { select: { id: true } } },
    });
    if (!merger) throw badInput("Fant ikke sammenslåingen.");
    officeIds.add(merger.targetOfficeId);
    for (const source of merger.sourceOffices) officeIds.add(source.id);
  }
  if (officeIds.size === 0) throw badInput("Velg minst ett kontor eller en sammenslåing.");
  if (officeIds.size > MAX_GRAPH_OFFICES) throw badInput(`Høyst ${MAX_GRAPH_OFFICES} kontorer i én graf.`);
  const ids = [...officeIds];
  const day = formatDate(asOf);

  const [offices, teams, assignments, mergers] = await Promise.all([
    db.office.findMany({
      where: { id: { in: ids } },
      select: { id: true, code: true, name: true, status: true, isPilot: true, isSpearhead: true },
      orderBy: { name: "asc" },
    }),
    db.team.findMany({
      where: { officeId: { in: ids } },
      select: { id: true, officeId: true, parentId: true, name: true, services: { select: { id: true } } },
      orderBy: { name: "asc" },
    }),
    // Raw SQL: one join instead of Prisma's IN-lists over tens of thousands of people.
    db.$queryRaw<AssignmentRow[]>`
      SELECT a."personId", a."teamId", a."fte"::text AS "fte", a."reportsToId",
             p."name" AS "personName", p."employer"::text AS "employer",
             r."name" AS "roleName", r."category"::text AS "roleCategory"
      FROM "Assignment" a
      JOIN "Team" t ON t."id" = a."teamId"
      JOIN "Person" p ON p."id" = a."personId"
      JOIN "Role" r ON r."id" = a."roleId"
      WHERE t."officeId" IN (${Prisma.join(ids)})
        AND a."startDate" <= ${day}::date
        AND (a."endDate" IS NULL OR a."endDate" >= ${day}::date)
      ORDER BY a."personId", a."fte" DESC, a."startDate", a."id"`,
    db.merger.findMany({
      where: {
        status: { not: "CANCELLED" },
        OR: [{ targetOfficeId: { in: ids } }, { sourceOffices: { some: { id: { in: ids } } } }],
      },
      select: { targetOfficeId: true, sourceOffices: { select: { id: true } } },
    }),
  ]);

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
    });
  }

  const teamGid = new Map(teams.map((t) => [t.id, toGlobalId("Team", t.id)]));
  const serviceIds = new Set<string>();
  for (const team of teams) {
    const id = teamGid.get(team.id)!;
    const parent = (team.parentId && teamGid.get(team.parentId)) || officeGid.get(team.officeId)!;
    nodes.push({ ...emptyNode(id, "TEAM", team.name), parent, officeId: officeGid.get(team.officeId)! });
    for (const service of team.services) {
      serviceIds.add(service.id);
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
  for (const person of [...people.values()].sort((a, b) => a.node.label.localeCompare(b.node.label, "nb"))) {
    nodes.push({ ...person.node, fte: person.fte.toNumber() });
    for (const managerId of person.reportsTo) {
      // Only managers shown in this graph: an edge needs both ends.
      if (people.has(managerId)) addEdge("REPORTS_TO", person.node.id, toGlobalId("Person", managerId));
    }
  }

  if (serviceIds.size > 0) {
    const services = await db.service.findMany({
      where: { id: { in: [...serviceIds] } },
      select: { id: true, code: true, name: true, provider: true },
      orderBy: { name: "asc" },
    });
    for (const service of services) {
      nodes.push({
        ...emptyNode(toGlobalId("Service", service.id), "SERVICE", service.name),
        code: service.code,
        provider: service.provider,
      });
    }
  }

  for (const merger of mergers) {
    const target = officeGid.get(merger.targetOfficeId);
    if (!target) continue;
    for (const source of merger.sourceOffices) {
      const sourceGid = officeGid.get(source.id);
      if (sourceGid) addEdge("MERGES_INTO", sourceGid, target);
    }
  }

  return { asOf, nodes, edges: [...edges.values()] };
}

builder.queryField("orgGraph", (t) =>
  t.field({
    type: OrgGraphRef,
    description:
      "Offices with their teams, people (assigned on `asOf`, default today) and services, as cytoscape " +
      "nodes and edges. Scope: a list of offices, a merger (its source and target offices), or both.",
    args: {
      scope: t.arg({ type: OrgGraphScope, required: true }),
      asOf: t.arg({ type: "Date", required: false }),
    },
    resolve: (_parent, args, context) => loadOrgGraph(context.db, args.scope, args.asOf ?? todayInNorway()),
  }),
);
