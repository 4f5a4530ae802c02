// Pure helpers of the tree and table alternatives: which rows are visible, what a key does,
// and how a virtualised table keeps its rows in place. No React here, so vitest covers it.
import type { FilteredGraph, ViewNode } from "../model";

/**
 * From this many rows on, the tree and the table render only the rows in and near view
 * (the rest stand in as empty space of the right height). Below it they render every row,
 * which is cheap and lets the browser's own find-in-page and screen reader browse mode see
 * all of them.
 */
export const VIRTUALISE_FROM = 300;

/** A visible tree item with what a screen reader needs to place it in the whole tree. */
export interface TreeRow {
  node: ViewNode;
  /** 1 for top level. */
  level: number;
  /** Number of siblings (including itself) and its position among them, from 1. */
  setSize: number;
  posInSet: number;
  hasChildren: boolean;
  expanded: boolean;
}

/** The tree's visible items in document order: a node, then (when open) its children. */
export function flattenTree(graph: FilteredGraph, open: ReadonlySet<string>): TreeRow[] {
  const rows: TreeRow[] = [];
  // Iterative (an explicit stack), so a deep tree cannot overflow the call stack.
  const stack: { nodes: ViewNode[]; next: number; level: number }[] = [{ nodes: graph.children.get("") ?? [], next: 0, level: 1 }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.next >= frame.nodes.length) {
      stack.pop();
      continue;
    }
    const node = frame.nodes[frame.next]!;
    frame.next += 1;
    const kids = graph.children.get(node.id) ?? [];
    const expanded = kids.length > 0 && open.has(node.id);
    rows.push({ node, level: frame.level, setSize: frame.nodes.length, posInSet: frame.next, hasChildren: kids.length > 0, expanded });
    if (expanded) stack.push({ nodes: kids, next: 0, level: frame.level + 1 });
  }
  return rows;
}

/** Every node that has children: what "open all" opens. */
export function allParents(graph: FilteredGraph): Set<string> {
  const ids = new Set<string>();
  for (const [id, kids] of graph.children) if (id !== "" && kids.length > 0) ids.add(id);
  return ids;
}

/** The ids to open so that `id` is visible in the tree: its ancestors in the filtered graph. */
export function ancestorsOf(graph: FilteredGraph, id: string): string[] {
  const ancestors: string[] = [];
  let node = graph.byId.get(id);
  while (node?.parent && graph.byId.has(node.parent)) {
    ancestors.push(node.parent);
    node = graph.byId.get(node.parent);
  }
  return ancestors;
}

/** What a key pressed on a tree item does: focus another item, open or close, or select. */
export interface TreeKeyEffect {
  focusId?: string;
  open?: Set<string>;
  selectId?: string;
}

/**
 * The WAI-ARIA tree pattern's keys (as the tree always had them, plus Page Up/Page Down and
 * "*", which opens all siblings): null when the key is not the tree's.
 */
export function treeKey(
  key: string,
  rows: readonly TreeRow[],
  index: number,
  open: ReadonlySet<string>,
  graph: FilteredGraph,
  pageSize: number,
): TreeKeyEffect | null {
  const current = rows[index];
  if (!current) return null;
  const at = (i: number) => rows[Math.max(0, Math.min(rows.length - 1, i))]!.node.id;
  switch (key) {
    case "ArrowDown":
      return index + 1 < rows.length ? { focusId: at(index + 1) } : {};
    case "ArrowUp":
      return index > 0 ? { focusId: at(index - 1) } : {};
    case "PageDown":
      return { focusId: at(index + pageSize) };
    case "PageUp":
      return { focusId: at(index - pageSize) };
    case "Home":
      return { focusId: at(0) };
    case "End":
      return { focusId: at(rows.length - 1) };
    case "ArrowRight":
      if (!current.hasChildren) return {};
      if (!current.expanded) return { open: new Set([...open, current.node.id]) };
      return { focusId: graph.children.get(current.node.id)![0]!.id };
    case "ArrowLeft":
      if (current.expanded) {
        const next = new Set(open);
        next.delete(current.node.id);
        return { open: next };
      }
      if (current.node.parent && graph.byId.has(current.node.parent)) return { focusId: current.node.parent };
      return {};
    case "*": {
      const parentKey = current.node.parent && graph.byId.has(current.node.parent) ? current.node.parent : "";
      const siblings = (graph.children.get(parentKey) ?? []).filter((n) => (graph.children.get(n.id)?.length ?? 0) > 0);
      return { open: new Set([...open, ...siblings.map((n) => n.id)]) };
    }
    case "Enter":
    case " ":
      return { selectId: current.node.id };
    default:
      return null;
  }
}

/** The row a key moves to in the table (arrows, Page Up/Down, Home/End), or null. */
export function tableKey(key: string, index: number, count: number, pageSize: number): number | null {
  if (count === 0) return null;
  const clamp = (i: number) => Math.max(0, Math.min(count - 1, i));
  switch (key) {
    case "ArrowDown":
      return clamp(index + 1);
    case "ArrowUp":
      return clamp(index - 1);
    case "PageDown":
      return clamp(index + pageSize);
    case "PageUp":
      return clamp(index - pageSize);
    case "Home":
      return 0;
    case "End":
      return count - 1;
    default:
      return null;
  }
}

/** The rows to render: the virtualiser's range and, wherever it is, the focused row. */
export function withKeptIndex(indexes: readonly number[], keep: number | null, count: number): number[] {
  if (keep == null || keep < 0 || keep >= count || indexes.includes(keep)) return [...indexes];
  return [...indexes, keep].sort((a, b) => a - b);
}

export interface PlacedRow {
  index: number;
  start: number;
  end: number;
}

export type TablePiece = { kind: "row"; index: number } | { kind: "gap"; key: string; height: number };

/**
 * A virtualised table's body in order: rendered rows, with empty rows of the right height
 * for the rows between them and before and after them, so the table's columns stay one
 * table and its scroll height is that of all rows. `start` is where row 0 begins.
 */
export function tablePieces(rows: readonly PlacedRow[], start: number, totalSize: number): TablePiece[] {
  const pieces: TablePiece[] = [];
  let offset = start;
  for (const row of rows) {
    if (row.start > offset) pieces.push({ kind: "gap", key: `gap-before-${row.index}`, height: row.start - offset });
    pieces.push({ kind: "row", index: row.index });
    offset = Math.max(offset, row.end);
  }
  if (totalSize > offset) pieces.push({ kind: "gap", key: "gap-end", height: totalSize - offset });
  return pieces;
}
