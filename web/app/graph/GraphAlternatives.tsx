// The text alternatives to the canvas: a tree (WAI-ARIA tree pattern: arrow keys, Home/End,
// Enter selects) and a table. Both show the same filtered data as the graph.
import { BodyShort, Button, Table } from "@navikt/ds-react";
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import type { FilteredGraph, ViewNode } from "./model";
import { formatFte, gt } from "./texts";

function describe(node: ViewNode): string {
  const parts: string[] = [gt(`graph.panel.type.${node.type}`)];
  if (node.roleName) parts.push(node.roleName);
  if (node.employer) parts.push(gt(`graph.employer.${node.employer}`));
  if (node.fte != null) parts.push(formatFte(node.fte));
  if (node.overAllocated) parts.push(gt("graph.panel.overAllocated"));
  if (node.vacant) parts.push(gt("graph.panel.vacant"));
  if (node.type === "OFFICE" || (node.type === "TEAM" && node.isCollapsed)) {
    parts.push(gt("graph.count", { teams: node.teamsBelow, people: node.peopleBelow }));
  }
  if (node.isSpearhead) parts.push(gt("graph.spearhead"));
  else if (node.isPilot) parts.push(gt("graph.pilot"));
  return parts.join(", ");
}

interface AlternativeProps {
  graph: FilteredGraph;
  selectedId: string | null;
  onSelect: (id: string) => void;
}

/** A column a screen adds to the table (e.g. the compare view's change). */
export interface ExtraColumn {
  header: string;
  cell: (node: ViewNode) => ReactNode;
}

/** Rows shown at most in the table; the tree shows children only when opened. */
const TABLE_LIMIT = 500;

export function GraphTable({
  graph,
  selectedId,
  onSelect,
  extraColumns = [],
  caption,
}: AlternativeProps & { extraColumns?: readonly ExtraColumn[]; caption?: string }) {
  const rows = graph.nodes.slice(0, TABLE_LIMIT);
  return (
    <div className="samla-graph-table">
      <Table size="small" data-testid="graph-table">
        <caption className="aksel-sr-only">{caption ?? gt("graph.table.caption")}</caption>
        <Table.Header>
          <Table.Row>
            <Table.ColumnHeader scope="col">{gt("graph.table.name")}</Table.ColumnHeader>
            <Table.ColumnHeader scope="col">{gt("graph.table.type")}</Table.ColumnHeader>
            <Table.ColumnHeader scope="col">{gt("graph.table.role")}</Table.ColumnHeader>
            <Table.ColumnHeader scope="col">{gt("graph.table.employer")}</Table.ColumnHeader>
            <Table.ColumnHeader scope="col">{gt("graph.table.fte")}</Table.ColumnHeader>
            <Table.ColumnHeader scope="col">{gt("graph.table.in")}</Table.ColumnHeader>
            {extraColumns.map((column) => (
              <Table.ColumnHeader key={column.header} scope="col">
                {column.header}
              </Table.ColumnHeader>
            ))}
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {rows.map((node) => (
            <Table.Row key={node.id} selected={node.id === selectedId} data-node-id={node.id} data-node-type={node.type}>
              <Table.DataCell>
                <Button
                  variant="tertiary"
                  size="xsmall"
                  aria-pressed={node.id === selectedId}
                  onClick={() => onSelect(node.id)}
                >
                  {node.label}
                </Button>
              </Table.DataCell>
              <Table.DataCell>{gt(`graph.panel.type.${node.type}`)}</Table.DataCell>
              <Table.DataCell>{node.roleName ?? ""}</Table.DataCell>
              <Table.DataCell>{node.employer ? gt(`graph.employer.${node.employer}`) : ""}</Table.DataCell>
              <Table.DataCell>
                {node.fte != null ? formatFte(node.fte) : ""}
                {node.overAllocated ? ` (${gt("graph.panel.overAllocated")})` : ""}
              </Table.DataCell>
              <Table.DataCell>{node.parent ? (graph.byId.get(node.parent)?.label ?? "") : ""}</Table.DataCell>
              {extraColumns.map((column) => (
                <Table.DataCell key={column.header}>{column.cell(node)}</Table.DataCell>
              ))}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      {graph.nodes.length > TABLE_LIMIT && (
        <BodyShort size="small">
          {rows.length} / {graph.nodes.length}
        </BodyShort>
      )}
    </div>
  );
}

export function GraphTree({ graph, selectedId, onSelect }: AlternativeProps) {
  const top = graph.children.get("") ?? [];
  // A few offices start open; the national view's 250 start closed.
  const [open, setOpen] = useState<Set<string>>(() => {
    const offices = top.filter((n) => n.type === "OFFICE");
    return new Set(offices.length <= 5 ? offices.map((n) => n.id) : []);
  });
  const [focusId, setFocusId] = useState<string | null>(selectedId ?? top[0]?.id ?? null);
  const treeRef = useRef<HTMLUListElement>(null);

  // The selected node's ancestors open, so the selection is visible in the tree.
  useEffect(() => {
    if (!selectedId) return;
    const ancestors: string[] = [];
    let node = graph.byId.get(selectedId);
    while (node?.parent && graph.byId.has(node.parent)) {
      ancestors.push(node.parent);
      node = graph.byId.get(node.parent);
    }
    if (ancestors.length > 0) setOpen((current) => new Set([...current, ...ancestors]));
    setFocusId(selectedId);
  }, [selectedId, graph]);

  // Visible items in document order: what the arrow keys walk through.
  const visible = useMemo(() => {
    const list: ViewNode[] = [];
    const walk = (nodes: ViewNode[]) => {
      for (const node of nodes) {
        list.push(node);
        if (open.has(node.id)) walk(graph.children.get(node.id) ?? []);
      }
    };
    walk(top);
    return list;
  }, [graph, open, top]);

  const focus = (id: string) => {
    setFocusId(id);
    requestAnimationFrame(() => treeRef.current?.querySelector<HTMLElement>(`[data-node-id="${CSS.escape(id)}"]`)?.focus());
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const index = visible.findIndex((n) => n.id === focusId);
    const current = visible[index];
    if (!current) return;
    const hasChildren = (graph.children.get(current.id)?.length ?? 0) > 0;
    let handled = true;
    switch (event.key) {
      case "ArrowDown":
        if (visible[index + 1]) focus(visible[index + 1]!.id);
        break;
      case "ArrowUp":
        if (visible[index - 1]) focus(visible[index - 1]!.id);
        break;
      case "ArrowRight":
        if (hasChildren && !open.has(current.id)) setOpen(new Set([...open, current.id]));
        else if (hasChildren) focus(graph.children.get(current.id)![0]!.id);
        break;
      case "ArrowLeft":
        if (open.has(current.id)) {
          const next = new Set(open);
          next.delete(current.id);
          setOpen(next);
        } else if (current.parent && graph.byId.has(current.parent)) focus(current.parent);
        break;
      case "Home":
        if (visible[0]) focus(visible[0].id);
        break;
      case "End":
        if (visible.length > 0) focus(visible[visible.length - 1]!.id);
        break;
      case "Enter":
      case " ":
        onSelect(current.id);
        break;
      default:
        handled = false;
    }
    if (handled) event.preventDefault();
  };

  const renderItems = (nodes: ViewNode[], level: number) =>
    nodes.map((node, position) => {
      const kids = graph.children.get(node.id) ?? [];
      const expanded = open.has(node.id);
      return (
        <li
          key={node.id}
          role="treeitem"
          aria-level={level}
          aria-setsize={nodes.length}
          aria-posinset={position + 1}
          aria-selected={node.id === selectedId}
          aria-expanded={kids.length > 0 ? expanded : undefined}
          tabIndex={node.id === (focusId ?? top[0]?.id) ? 0 : -1}
          data-node-id={node.id}
          data-node-type={node.type}
          className="samla-graph-tree__item"
          onClick={(event) => {
            event.stopPropagation();
            setFocusId(node.id);
            onSelect(node.id);
          }}
          onFocus={(event) => {
            if (event.target === event.currentTarget) setFocusId(node.id);
          }}
        >
          <span className="samla-graph-tree__label">
            {kids.length > 0 && (
              <span
                aria-hidden
                className="samla-graph-tree__toggle"
                // Mouse users open and close here; keyboard users use the arrow keys.
                onClick={(event) => {
                  event.stopPropagation();
                  setFocusId(node.id);
                  setOpen((current) => {
                    const next = new Set(current);
                    if (next.has(node.id)) next.delete(node.id);
                    else next.add(node.id);
                    return next;
                  });
                }}
              >
                {expanded ? "▾" : "▸"}
              </span>
            )}
            <strong>{node.label}</strong> <span className="samla-graph-tree__meta">{describe(node)}</span>
          </span>
          {kids.length > 0 && expanded && <ul role="group">{renderItems(kids, level + 1)}</ul>}
        </li>
      );
    });

  return (
    <ul role="tree" aria-label={gt("graph.tree.label")} ref={treeRef} onKeyDown={onKeyDown} className="samla-graph-tree" data-testid="graph-tree">
      {renderItems(top, 1)}
    </ul>
  );
}
