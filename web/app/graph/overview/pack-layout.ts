// Layout of the overview (national and large graphs): nested circles. Offices are packed
// side by side, each office's teams (and sub-teams) inside it, people inside their team.
// Circles never overlap by construction, whatever the size, and it takes ~100 ms for
// 20,000 people (d3-hierarchy's pack is linear in practice).
//
// An office's circle depends only on its head count from the API, not on whether it is
// expanded: expanding or folding one office lays out that office's inside only, and every
// other office stays where it was (issue 15: "lay out only what changed").
import { hierarchy, pack, packEnclose, packSiblings, type HierarchyCircularNode } from "d3-hierarchy";
import type { FilteredGraph, GraphEdge, ViewNode } from "../model";

/** A person's radius in layout units. Everything else is sized from it. */
export const PERSON_RADIUS = 10;
/** Space between an office's edge and its teams, and between offices. */
const OFFICE_PADDING = 3 * PERSON_RADIUS;
const TEAM_PADDING = 0.8 * PERSON_RADIUS;

export interface Circle {
  x: number;
  y: number;
  r: number;
}

export interface PackedLayout {
  /** Every drawn node (offices, teams, people, services) by id. */
  circles: Map<string, Circle>;
  /** The circle enclosing everything but the services. */
  bounds: Circle;
  /** Offices whose inside was laid out anew (not taken from the cache): for the benchmark. */
  laidOutOffices: number;
}

/** The circle an office gets for `people` people: the area the packed people need, and a margin. */
export function officeRadius(people: number): number {
  // Unit circles pack at ~0.8 density; teams' own padding adds about a fifth.
  return PERSON_RADIUS * Math.sqrt(Math.max(people, 4) / 0.8) * 1.2 + OFFICE_PADDING;
}

interface PackItem {
  id: string;
  node: ViewNode | null;
  children: PackItem[];
}

/** Offices' centres, keyed by the offices and their sizes: the same national view reopens instantly. */
const officePlacements = new Map<string, Map<string, Circle>>();
/** An office's inside (relative to its centre), keyed by what is drawn inside it. */
const interiors = new Map<string, Map<string, Circle>>();
const CACHE_LIMIT = 400;

function remember<K, V>(cache: Map<K, V>, key: K, value: V) {
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as K);
  cache.set(key, value);
}

/** Which size an office is drawn at: its head count from the API (stable), or what is loaded. */
function officeSize(office: ViewNode): number {
  return Math.max(office.personCount ?? 0, office.peopleBelow);
}

/** Top-level nodes that are not services: offices, and teams or people without an office. */
function topLevel(graph: FilteredGraph): ViewNode[] {
  return (graph.children.get("") ?? []).filter((node) => node.type !== "SERVICE");
}

/**
 * Offices side by side, largest first; offices that merge are packed together as one
 * cluster, so a merger is seen as a group and its arrows stay short.
 */
function placeOffices(tops: ViewNode[], merges: readonly GraphEdge[]): Map<string, Circle> {
  const sized = tops.map((node) => ({ id: node.id, r: node.type === "OFFICE" ? officeRadius(officeSize(node)) : leafRadius(node) }));
  const key = `${sized.map((s) => `${s.id}:${Math.round(s.r)}`).join("|")}#${merges.map((e) => `${e.source}>${e.target}`).join("|")}`;
  const cached = officePlacements.get(key);
  if (cached) return cached;
  // Union-find over the merger arrows.
  const leader = new Map(sized.map((s) => [s.id, s.id]));
  const find = (id: string): string => {
    const up = leader.get(id)!;
    if (up === id) return id;
    const top = find(up);
    leader.set(id, top);
    return top;
  };
  for (const edge of merges) if (leader.has(edge.source) && leader.has(edge.target)) leader.set(find(edge.source), find(edge.target));
  const clusters = new Map<string, { id: string; r: number; x: number; y: number }[]>();
  for (const item of sized) {
    const list = clusters.get(find(item.id)) ?? [];
    list.push({ id: item.id, r: item.r + OFFICE_PADDING / 2, x: 0, y: 0 });
    clusters.set(find(item.id), list);
  }
  // Largest first packs tightest; ties by id keep the order (and so the picture) stable.
  const bySize = (a: { r: number; id: string }, b: { r: number; id: string }) => b.r - a.r || (a.id < b.id ? -1 : 1);
  const packed = [...clusters.entries()].map(([id, members]) => {
    members.sort(bySize);
    packSiblings(members);
    const around = packEnclose(members);
    return { id, members, r: around.r + (members.length > 1 ? OFFICE_PADDING : 0), x: 0, y: 0, cx: around.x, cy: around.y };
  });
  packed.sort(bySize);
  packSiblings(packed);
  const placed = new Map<string, Circle>();
  for (const cluster of packed) {
    for (const member of cluster.members) {
      placed.set(member.id, { x: cluster.x + member.x - cluster.cx, y: cluster.y + member.y - cluster.cy, r: member.r - OFFICE_PADDING / 2 });
    }
  }
  remember(officePlacements, key, placed);
  return placed;
}

/** Radius of a node drawn without its contents (a person, a folded team, a service). */
function leafRadius(node: ViewNode): number {
  if (node.type === "PERSON") return node.isLeader ? PERSON_RADIUS * 1.2 : PERSON_RADIUS;
  if (node.type === "SERVICE") return PERSON_RADIUS * 1.6;
  // A folded or vacant team: as big as its people would be, at least a few people's worth.
  return PERSON_RADIUS * Math.sqrt(Math.max(node.peopleBelow, 3) / 0.8);
}

function interiorOf(graph: FilteredGraph, office: ViewNode, radius: number): { circles: Map<string, Circle>; fresh: boolean } {
  const build = (node: ViewNode): PackItem => ({
    id: node.id,
    node,
    children: (graph.children.get(node.id) ?? [])
      // Leaders first: pack puts the first siblings in the middle of their team.
      .slice()
      .sort((a, b) => Number(b.isLeader) - Number(a.isLeader))
      .map(build),
  });
  const items = build(office).children;
  const key = `${office.id}:${Math.round(radius)}:${signature(items)}`;
  const cached = interiors.get(key);
  if (cached) return { circles: cached, fresh: false };
  const root = hierarchy<PackItem>({ id: office.id, node: null, children: items }, (item) => (item.children.length > 0 ? item.children : null));
  const packed = pack<PackItem>()
    .radius((leaf) => (leaf.data.node ? leafRadius(leaf.data.node) : PERSON_RADIUS))
    .padding((node) => (node.depth === 0 ? 0 : TEAM_PADDING))(root.sum(() => 1));
  // Scale the packed inside into the office's circle (the office keeps its size, see above).
  const scale = Math.min(1, (radius - OFFICE_PADDING / 2) / Math.max(packed.r, 1));
  const circles = new Map<string, Circle>();
  packed.each((node: HierarchyCircularNode<PackItem>) => {
    if (node.depth === 0) return;
    circles.set(node.data.id, { x: (node.x - packed.x) * scale, y: (node.y - packed.y) * scale, r: node.r * scale });
  });
  remember(interiors, key, circles);
  return { circles, fresh: true };
}

/** What an office's inside depends on: the ids drawn in it, in order. */
function signature(items: PackItem[]): string {
  let text = "";
  const walk = (item: PackItem) => {
    text += `${item.id},`;
    if (item.children.length > 0) {
      text += "(";
      item.children.forEach(walk);
      text += ")";
    }
  };
  items.forEach(walk);
  return text;
}

/** Nested circles for the filtered graph; services on a ring around it. */
export function packGraph(graph: FilteredGraph): PackedLayout {
  const circles = new Map<string, Circle>();
  const tops = topLevel(graph);
  const placed = placeOffices(
    tops,
    graph.edges.filter((edge) => edge.type === "MERGES_INTO"),
  );
  let laidOutOffices = 0;
  for (const node of tops) {
    const centre = placed.get(node.id)!;
    circles.set(node.id, centre);
    if ((graph.children.get(node.id) ?? []).length === 0) continue;
    const inside = interiorOf(graph, node, centre.r);
    if (inside.fresh) laidOutOffices += 1;
    for (const [id, c] of inside.circles) circles.set(id, { x: centre.x + c.x, y: centre.y + c.y, r: c.r });
  }
  const bounds = enclosing([...placed.values()]);
  // Services are shared by many offices: a ring around the offices, in the graph's order.
  const services = graph.nodes.filter((node) => node.type === "SERVICE");
  const ring = bounds.r + 8 * PERSON_RADIUS;
  services.forEach((service, index) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * index) / Math.max(services.length, 1);
    circles.set(service.id, { x: bounds.x + ring * Math.cos(angle), y: bounds.y + ring * Math.sin(angle), r: leafRadius(service) });
  });
  return { circles, bounds, laidOutOffices };
}

/** A circle around the given ones (not the smallest: the bounding box's, which is enough here). */
function enclosing(list: Circle[]): Circle {
  if (list.length === 0) return { x: 0, y: 0, r: 1 };
  let [x1, y1, x2, y2] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const c of list) {
    x1 = Math.min(x1, c.x - c.r);
    y1 = Math.min(y1, c.y - c.r);
    x2 = Math.max(x2, c.x + c.r);
    y2 = Math.max(y2, c.y + c.r);
  }
  const x = (x1 + x2) / 2;
  const y = (y1 + y2) / 2;
  let r = 0;
  for (const c of list) r = Math.max(r, Math.hypot(c.x - x, c.y - y) + c.r);
  return { x, y, r };
}
