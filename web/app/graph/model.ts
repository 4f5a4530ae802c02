// The graph explorer's data: the API's orgGraph, the view state kept in the URL, and the
// filtering that the graph, the tree and the table all share (so they show the same data).
import type { ElementDefinition } from "cytoscape";
import { graphql, request, type ResultOf } from "../graphql";

export const OrgGraphQuery = graphql(`
  query OrgGraphView($scope: OrgGraphScope!) {
    orgGraph(scope: $scope) {
      asOf
      nodes {
        id
        type
        label
        parent
        officeId
        code
        status
        isPilot
        isSpearhead
        employer
        roleName
        roleCategory
        fte
        provider
        collapsed
        teamCount
        personCount
      }
      edges {
        id
        source
        target
        type
      }
    }
  }
`);

export const GraphScopeOptionsQuery = graphql(`
  query GraphScopeOptions($after: String) {
    offices(first: 100, after: $after, filter: { status: [ACTIVE, PLANNED] }) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          code
          name
        }
      }
    }
    mergers(first: 100) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

export type OrgGraphData = ResultOf<typeof OrgGraphQuery>["orgGraph"];
export type GraphNode = OrgGraphData["nodes"][number];
export type GraphEdge = OrgGraphData["edges"][number];
export interface ScopeOptions {
  offices: { id: string; code: string; name: string }[];
  mergers: { id: string; name: string }[];
}

/** Offices (all pages: about 250 nationally) and mergers for the scope pickers. */
export async function fetchScopeOptions(signal?: AbortSignal): Promise<ScopeOptions> {
  const first = await request(GraphScopeOptionsQuery, {}, { signal });
  const offices = first.offices.edges.map((e) => e.node);
  let page = first.offices.pageInfo;
  while (page.hasNextPage && page.endCursor) {
    const next = await request(GraphScopeOptionsQuery, { after: page.endCursor }, { signal });
    offices.push(...next.offices.edges.map((e) => e.node));
    page = next.offices.pageInfo;
  }
  return { offices, mergers: first.mergers.edges.map((e) => e.node) };
}

export type LayoutName = "fcose" | "dagre";
export type ViewMode = "graf" | "tre" | "tabell";

/** Everything a shared link must reproduce. Names are the URL's (Norwegian) parameters. */
export interface ViewState {
  /** Office ids (`kontor`, repeatable). */
  officeIds: string[];
  /** A merger id (`sammenslaing`). */
  mergerId: string | null;
  /** All offices (`alle=1`). */
  all: boolean;
  /** Offices shown in full in the national view (`utvidet`, repeatable). */
  expandedOfficeIds: string[];
  /** Every office open in the national view: all people at once (`alle-personer=1`). */
  everyone: boolean;
  /** Offices or teams collapsed by the user (`lukket`, repeatable). */
  collapsedIds: string[];
  employer: "STATE" | "MUNICIPAL" | null;
  roleCategory: string | null;
  serviceId: string | null;
  teamId: string | null;
  layout: LayoutName;
  view: ViewMode;
  selectedId: string | null;
}

export function readViewState(params: URLSearchParams): ViewState {
  const one = (name: string) => params.get(name) || null;
  const employer = one("arbeidsgiver");
  const layout = one("oppsett");
  const view = one("visning");
  return {
    officeIds: params.getAll("kontor").filter(Boolean),
    mergerId: one("sammenslaing"),
    all: params.get("alle") === "1",
    expandedOfficeIds: params.getAll("utvidet").filter(Boolean),
    everyone: params.get("alle-personer") === "1",
    collapsedIds: params.getAll("lukket").filter(Boolean),
    employer: employer === "STATE" || employer === "MUNICIPAL" ? employer : null,
    roleCategory: one("rolle"),
    serviceId: one("tjeneste"),
    teamId: one("team"),
    layout: layout === "dagre" ? "dagre" : "fcose",
    view: view === "tre" || view === "tabell" ? view : "graf",
    selectedId: one("valgt"),
  };
}

export function writeViewState(state: ViewState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.all) params.set("alle", "1");
  for (const id of state.officeIds) params.append("kontor", id);
  if (state.mergerId) params.set("sammenslaing", state.mergerId);
  for (const id of state.expandedOfficeIds) params.append("utvidet", id);
  if (state.all && state.everyone) params.set("alle-personer", "1");
  for (const id of state.collapsedIds) params.append("lukket", id);
  if (state.employer) params.set("arbeidsgiver", state.employer);
  if (state.roleCategory) params.set("rolle", state.roleCategory);
  if (state.serviceId) params.set("tjeneste", state.serviceId);
  if (state.teamId) params.set("team", state.teamId);
  if (state.layout !== "fcose") params.set("oppsett", state.layout);
  if (state.view !== "graf") params.set("visning", state.view);
  if (state.selectedId) params.set("valgt", state.selectedId);
  return params;
}

export function hasScope(state: ViewState): boolean {
  return state.all || state.officeIds.length > 0 || Boolean(state.mergerId);
}

export function fetchOrgGraph(state: ViewState, signal?: AbortSignal): Promise<OrgGraphData> {
  const scope = state.all
    ? { all: true, expandedOfficeIds: state.expandedOfficeIds }
    : { officeIds: state.officeIds, ...(state.mergerId ? { mergerId: state.mergerId } : {}) };
  return request(OrgGraphQuery, { scope }, { signal }).then((data) => data.orgGraph);
}

export interface Filters {
  employer: ViewState["employer"];
  roleCategory: string | null;
  serviceId: string | null;
  teamId: string | null;
  collapsedIds: readonly string[];
}

/** How a scenario's to-be node differs from what it is compared with (scenarioGraph only). */
export type GraphChange = "NEW" | "MOVED" | "CHANGED" | "CLOSED" | "UNCHANGED";

/** Marks in front of a changed node's label, so the change does not rest on colour alone. */
export const CHANGE_MARKS: Record<GraphChange, string> = { NEW: "+", MOVED: "→", CHANGED: "~", CLOSED: "×", UNCHANGED: "" };

/** A node as the views show it: the API's node plus what the filters and counts add. */
export interface ViewNode extends GraphNode {
  /** Set by scenarioGraph; the organisation graph has none. */
  change?: GraphChange | null;
  /** People below this office/team in the loaded data (before filtering). */
  peopleBelow: number;
  /** Teams below this office/team in the loaded data. */
  teamsBelow: number;
  /** Hidden contents: collapsed by the API (national view) or by the user. */
  isCollapsed: boolean;
  overAllocated: boolean;
  vacant: boolean;
  isLeader: boolean;
}

export interface FilteredGraph {
  nodes: ViewNode[];
  edges: GraphEdge[];
  byId: Map<string, ViewNode>;
  /** Children in display order, by parent id ("" for top level). */
  children: Map<string, ViewNode[]>;
}

/** Applies the filters and collapsed nodes to the graph; shared by every view. */
export function filterGraph(graph: OrgGraphData, filters: Filters): FilteredGraph {
  const all = new Map(graph.nodes.map((n) => [n.id, n]));
  const childrenOf = new Map<string, GraphNode[]>();
  for (const node of graph.nodes) {
    if (!node.parent) continue;
    const list = childrenOf.get(node.parent) ?? [];
    list.push(node);
    childrenOf.set(node.parent, list);
  }
  const ancestors = (node: GraphNode): string[] => {
    const result: string[] = [];
    let parent = node.parent ? all.get(node.parent) : undefined;
    while (parent) {
      result.push(parent.id);
      parent = parent.parent ? all.get(parent.parent) : undefined;
    }
    return result;
  };
  const counts = new Map<string, { people: number; teams: number }>();
  for (const node of graph.nodes) {
    if (node.type !== "PERSON" && node.type !== "TEAM") continue;
    for (const ancestor of ancestors(node)) {
      const count = counts.get(ancestor) ?? { people: 0, teams: 0 };
      if (node.type === "PERSON") count.people += 1;
      else count.teams += 1;
      counts.set(ancestor, count);
    }
  }

  const deliveringTeams = new Set(
    filters.serviceId
      ? graph.edges.filter((e) => e.type === "DELIVERS" && e.target === filters.serviceId).map((e) => e.source)
      : [],
  );
  const collapsed = new Set(filters.collapsedIds);
  const personFiltered = Boolean(filters.employer || filters.roleCategory || filters.serviceId || filters.teamId);

  const personMatches = (node: GraphNode, chain: string[]): boolean => {
    if (filters.employer && node.employer !== filters.employer) return false;
    if (filters.roleCategory && node.roleCategory !== filters.roleCategory) return false;
    if (filters.teamId && !chain.includes(filters.teamId)) return false;
    if (filters.serviceId && !chain.some((id) => deliveringTeams.has(id))) return false;
    return true;
  };

  const keep = new Set<string>();
  for (const node of graph.nodes) {
    if (node.type === "OFFICE") keep.add(node.id);
    if (node.type !== "PERSON" && node.type !== "TEAM") continue;
    const chain = ancestors(node);
    if (chain.some((id) => collapsed.has(id))) continue;
    const matches =
      node.type === "PERSON"
        ? personMatches(node, chain)
        : // Teams stay as containers; with filters only those on the path to a match (below).
          !personFiltered ||
          (filters.teamId ? node.id === filters.teamId || chain.includes(filters.teamId) : false) ||
          (filters.serviceId ? deliveringTeams.has(node.id) : false);
    if (!matches) continue;
    keep.add(node.id);
    // A kept node needs its compound parents in the graph.
    for (const id of chain) keep.add(id);
  }
  // With a person filter, teams without any match below them are noise.
  if (filters.employer || filters.roleCategory) {
    const teamsWithMatches = new Set<string>();
    for (const node of graph.nodes) {
      if (node.type === "PERSON" && keep.has(node.id)) for (const id of ancestors(node)) teamsWithMatches.add(id);
    }
    for (const node of graph.nodes) {
      if (node.type === "TEAM" && keep.has(node.id) && !teamsWithMatches.has(node.id)) keep.delete(node.id);
    }
  }
  const serviceEdges = graph.edges.filter((e) => e.type === "DELIVERS" && keep.has(e.source));
  for (const node of graph.nodes) {
    if (node.type !== "SERVICE") continue;
    if (filters.serviceId ? node.id === filters.serviceId : serviceEdges.some((e) => e.target === node.id)) {
      keep.add(node.id);
    }
  }

  const nodes: ViewNode[] = graph.nodes
    .filter((node) => keep.has(node.id))
    .map((node) => {
      const count = counts.get(node.id) ?? { people: 0, teams: 0 };
      return {
        ...node,
        peopleBelow: node.type === "OFFICE" && node.collapsed ? (node.personCount ?? 0) : count.people,
        teamsBelow: node.type === "OFFICE" && node.collapsed ? (node.teamCount ?? 0) : count.teams,
        isCollapsed: Boolean(node.collapsed) || collapsed.has(node.id),
        overAllocated: node.type === "PERSON" && (node.fte ?? 0) > 1,
        vacant: node.type === "TEAM" && count.people === 0 && !collapsed.has(node.id),
        isLeader: node.roleCategory === "LEADER",
      };
    });
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edges = graph.edges.filter((e) => byId.has(e.source) && byId.has(e.target));
  const children = new Map<string, ViewNode[]>();
  for (const node of nodes) {
    const key = node.parent && byId.has(node.parent) ? node.parent : "";
    const list = children.get(key) ?? [];
    list.push(node);
    children.set(key, list);
  }
  return { nodes, edges, byId, children };
}

/** A node's label in the graph: name, and role for people, counts for collapsed containers. */
export function displayLabel(node: ViewNode, countText: (teams: number, people: number) => string): string {
  const mark = node.change ? CHANGE_MARKS[node.change] : "";
  return mark ? `${mark} ${baseLabel(node, countText)}` : baseLabel(node, countText);
}

function baseLabel(node: ViewNode, countText: (teams: number, people: number) => string): string {
  if (node.type === "PERSON") {
    // "!" marks over-allocation in the label too, for readers who cannot tell the red border.
    const name = node.overAllocated ? `! ${node.label}` : node.label;
    return node.roleName ? `${name}\n${node.roleName}` : name;
  }
  if (node.type === "OFFICE") {
    const star = node.isSpearhead ? "★ " : "";
    const base = `${star}${node.label}${node.code ? ` (${node.code})` : ""}`;
    return node.isCollapsed ? `${base}\n${countText(node.teamsBelow, node.peopleBelow)}` : base;
  }
  if (node.type === "TEAM" && node.isCollapsed) return `${node.label}\n${countText(node.teamsBelow, node.peopleBelow)}`;
  return node.label;
}

/** Cytoscape elements for the filtered graph; classes carry the meaning the style shows. */
export function toElements(graph: FilteredGraph, countText: (teams: number, people: number) => string): ElementDefinition[] {
  const elements: ElementDefinition[] = [];
  for (const node of graph.nodes) {
    const classes = [node.type.toLowerCase()];
    if (node.employer) classes.push(node.employer.toLowerCase());
    if (node.roleCategory) classes.push(`role-${node.roleCategory.toLowerCase()}`);
    if (node.isPilot) classes.push("pilot");
    if (node.isSpearhead) classes.push("spearhead");
    if (node.overAllocated) classes.push("over-allocated");
    if (node.vacant) classes.push("vacant");
    if (node.isCollapsed) classes.push("collapsed");
    if (node.status === "PLANNED") classes.push("planned");
    if (node.status === "MERGED" || node.status === "CLOSED") classes.push("historic");
    if (node.provider) classes.push(`provider-${node.provider.toLowerCase()}`);
    if (node.change && node.change !== "UNCHANGED") classes.push(`change-${node.change.toLowerCase()}`);
    elements.push({
      group: "nodes",
      data: {
        id: node.id,
        parent: node.parent && graph.byId.has(node.parent) ? node.parent : undefined,
        label: displayLabel(node, countText),
        type: node.type,
      },
      classes,
    });
  }
  for (const edge of graph.edges) {
    elements.push({
      group: "edges",
      data: { id: edge.id, source: edge.source, target: edge.target, type: edge.type },
      classes: [edge.type.toLowerCase().replace("_", "-")],
    });
  }
  return elements;
}

export interface SearchOption {
  id: string;
  label: string;
  /** What the text matched: the node's type, or its role. */
  kind: string;
}

/** Search options: every node by name, and people by role ("Veileder" finds all veiledere). */
export function searchOptions(graph: FilteredGraph): SearchOption[] {
  return graph.nodes.map((node) => ({
    id: node.id,
    label: node.roleName ? `${node.label} – ${node.roleName}` : node.label,
    kind: node.type,
  }));
}
