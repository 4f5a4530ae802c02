// The overview's scene: what each node looks like (position from the pack layout, colour,
// shape, label), grouped so that drawing can skip whole offices outside the viewport.
// Meaning never rests on colour alone, as in the cytoscape style (style.ts): municipal
// employees are squares with a dashed border, leaders have a thick ring, over-allocated
// people a red ring and "!", pilots an orange frame.
import { quadtree, type Quadtree } from "d3-quadtree";
import type { FilteredGraph, GraphEdge, ViewNode } from "../model";
import { displayLabel } from "../model";
import { COLOURS } from "../style";
import type { Circle, PackedLayout } from "./pack-layout";

export interface SceneNode extends Circle {
  id: string;
  node: ViewNode;
  label: string;
  /** Teams: "12 personer · 11,4 årsverk", drawn when their people are too small to draw. */
  badge: string | null;
}

export interface OfficeGroup {
  office: SceneNode;
  /** Teams inside the office, outer ones first (drawing order). */
  teams: SceneNode[];
  people: SceneNode[];
}

export interface Scene {
  groups: OfficeGroup[];
  services: SceneNode[];
  byId: Map<string, SceneNode>;
  reportsTo: GraphEdge[];
  delivers: GraphEdge[];
  mergesInto: GraphEdge[];
  bounds: Circle;
  /** People by position, to find the one under the pointer. */
  peopleIndex: Quadtree<SceneNode>;
  personRadius: number;
}

export interface SceneTexts {
  count(teams: number, people: number): string;
  teamBadge(people: number, fte: number): string;
}

export function buildScene(graph: FilteredGraph, layout: PackedLayout, texts: SceneTexts, personRadius: number): Scene {
  const byId = new Map<string, SceneNode>();
  const make = (node: ViewNode, badge: string | null = null): SceneNode | null => {
    const circle = layout.circles.get(node.id);
    if (!circle) return null;
    const item: SceneNode = { ...circle, id: node.id, node, label: displayLabel(node, texts.count), badge };
    byId.set(node.id, item);
    return item;
  };
  const fteBelow = new Map<string, number>();
  for (const node of graph.nodes) {
    if (node.type !== "PERSON" || node.fte == null) continue;
    let parent = node.parent ? graph.byId.get(node.parent) : undefined;
    while (parent) {
      fteBelow.set(parent.id, (fteBelow.get(parent.id) ?? 0) + node.fte);
      parent = parent.parent ? graph.byId.get(parent.parent) : undefined;
    }
  }

  const groups: OfficeGroup[] = [];
  const services: SceneNode[] = [];
  const walk = (node: ViewNode, group: OfficeGroup) => {
    for (const child of graph.children.get(node.id) ?? []) {
      if (child.type === "TEAM") {
        const item = make(child, texts.teamBadge(child.peopleBelow, fteBelow.get(child.id) ?? 0));
        if (item) group.teams.push(item);
      } else if (child.type === "PERSON") {
        const item = make(child);
        if (item) group.people.push(item);
      }
      walk(child, group);
    }
  };
  for (const node of graph.children.get("") ?? []) {
    if (node.type === "SERVICE") {
      const item = make(node);
      if (item) services.push(item);
      continue;
    }
    const office = make(node, node.type === "TEAM" ? texts.teamBadge(node.peopleBelow, fteBelow.get(node.id) ?? 0) : null);
    if (!office) continue;
    const group: OfficeGroup = { office, teams: [], people: [] };
    if (node.type === "PERSON") group.people.push(office);
    walk(node, group);
    groups.push(group);
  }
  const people = groups.flatMap((group) => group.people);
  const edges = (type: GraphEdge["type"]) => graph.edges.filter((edge) => edge.type === type && byId.has(edge.source) && byId.has(edge.target));
  return {
    groups,
    services,
    byId,
    reportsTo: edges("REPORTS_TO"),
    delivers: edges("DELIVERS"),
    mergesInto: edges("MERGES_INTO"),
    bounds: layout.bounds,
    peopleIndex: quadtree<SceneNode>()
      .x((item) => item.x)
      .y((item) => item.y)
      .addAll(people),
    personRadius,
  };
}

/** The node under a point in layout units: the innermost circle that contains it. */
export function nodeAt(scene: Scene, x: number, y: number): SceneNode | null {
  const inside = (item: Circle, slack = 1) => (item.x - x) ** 2 + (item.y - y) ** 2 <= (item.r * slack) ** 2;
  for (const service of scene.services) if (inside(service, 1.2)) return service;
  const person = scene.peopleIndex.find(x, y, scene.personRadius * 1.6);
  if (person) return person;
  for (const group of scene.groups) {
    if (!inside(group.office)) continue;
    // Teams are listed outer first: the last one containing the point is the innermost.
    let hit: SceneNode = group.office;
    for (const team of group.teams) if (inside(team)) hit = team;
    return hit;
  }
  return null;
}

/** Fill of a person's dot, and whether it is drawn as a square (municipal employees). */
export function personLook(node: ViewNode): { fill: string; square: boolean } {
  return node.employer === "MUNICIPAL" ? { fill: COLOURS.municipal, square: true } : { fill: COLOURS.state, square: false };
}
