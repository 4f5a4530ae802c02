// The tree alternative (WAI-ARIA tree pattern): arrow keys, Page Up/Down, Home/End, "*"
// opens all siblings, Enter or Space selects. The items are one flat list in document order
// with aria-level, aria-setsize and aria-posinset, so from VIRTUALISE_FROM visible items
// only those near view need to be in the DOM and a screen reader still hears where an item
// is in the whole tree.
import { Button, HStack } from "@navikt/ds-react";
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import type { ViewNode } from "../model";
import { formatFte, gt } from "../texts";
import type { AlternativeProps } from "./GraphTable";
import { allParents, ancestorsOf, flattenTree, treeKey, type TreeRow } from "./rows";
import { useVirtualRows } from "./useVirtualRows";

/** An item's height (one line of label) before it is measured. */
const ITEM_HEIGHT = 30;

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

export function GraphTree({ graph, selectedId, onSelect }: AlternativeProps) {
  // A few offices start open; the national view's 250 start closed.
  const [open, setOpen] = useState<Set<string>>(() => {
    const offices = (graph.children.get("") ?? []).filter((n) => n.type === "OFFICE");
    return new Set(offices.length <= 5 ? offices.map((n) => n.id) : []);
  });
  const [focusId, setFocusId] = useState<string | null>(selectedId);
  const treeRef = useRef<HTMLDivElement>(null);

  const rows = useMemo(() => flattenTree(graph, open), [graph, open]);
  const indexById = useMemo(() => new Map(rows.map((row, index) => [row.node.id, index])), [rows]);
  const focusIndex = focusId != null && indexById.has(focusId) ? indexById.get(focusId)! : rows.length > 0 ? 0 : null;

  const getItemKey = useCallback((index: number) => rows[index]!.node.id, [rows]);
  const { enabled, virtualizer, items, reveal, focusRow, pageSize } = useVirtualRows({
    count: rows.length,
    scrollRef: treeRef,
    estimateSize: ITEM_HEIGHT,
    getItemKey,
    keepIndex: focusIndex,
  });

  // The selected node's ancestors open, so the selection is visible in the tree; it becomes
  // the tab stop and is scrolled to once the opened rows are there.
  const revealId = useRef<string | null>(null);
  useEffect(() => {
    if (!selectedId || !graph.byId.has(selectedId)) return;
    const ancestors = ancestorsOf(graph, selectedId);
    setOpen((current) => (ancestors.every((id) => current.has(id)) ? current : new Set([...current, ...ancestors])));
    setFocusId(selectedId);
    revealId.current = selectedId;
  }, [selectedId, graph]);
  useEffect(() => {
    const id = revealId.current;
    if (id == null || !indexById.has(id)) return;
    revealId.current = null;
    reveal(indexById.get(id)!);
  });

  const moveFocus = (id: string) => {
    setFocusId(id);
    const index = indexById.get(id);
    if (index != null) focusRow(index);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const index = focusIndex ?? -1;
    const effect = treeKey(event.key, rows, index, open, graph, pageSize(index));
    if (!effect) return;
    event.preventDefault();
    if (effect.open) setOpen(effect.open);
    if (effect.focusId) moveFocus(effect.focusId);
    if (effect.selectId) onSelect(effect.selectId);
  };

  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  // The tab stop: the focused item if it is rendered, else the first rendered one.
  const rendered = items ? items.map((item) => item.index) : null;
  const tabStop = focusIndex == null ? null : !rendered || rendered.includes(focusIndex) ? focusIndex : (rendered[0] ?? null);

  const renderItem = (row: TreeRow, index: number, start: number | null) => {
    const { node } = row;
    return (
      <div
        key={node.id}
        ref={enabled ? virtualizer.measureElement : undefined}
        data-index={index}
        role="treeitem"
        aria-level={row.level}
        aria-setsize={row.setSize}
        aria-posinset={row.posInSet}
        aria-selected={node.id === selectedId}
        aria-expanded={row.hasChildren ? row.expanded : undefined}
        tabIndex={index === tabStop ? 0 : -1}
        data-node-id={node.id}
        data-focus-id={node.id}
        data-node-type={node.type}
        className="samla-graph-tree__item"
        style={{
          paddingLeft: `${(row.level - 1) * 1.25}rem`,
          ...(start != null ? { position: "absolute", top: 0, left: 0, width: "100%", transform: `translateY(${start}px)` } : {}),
        }}
        onClick={() => {
          setFocusId(node.id);
          onSelect(node.id);
        }}
        onFocus={(event) => {
          if (event.target === event.currentTarget) setFocusId(node.id);
        }}
      >
        <span className="samla-graph-tree__label">
          {row.hasChildren && (
            <span
              aria-hidden
              className="samla-graph-tree__toggle"
              // Mouse users open and close here; keyboard users use the arrow keys.
              onClick={(event) => {
                event.stopPropagation();
                setFocusId(node.id);
                toggle(node.id);
              }}
            >
              {row.expanded ? "▾" : "▸"}
            </span>
          )}
          <strong>{node.label}</strong> <span className="samla-graph-tree__meta">{describe(node)}</span>
        </span>
      </div>
    );
  };

  return (
    <div className="samla-graph-tree-wrap">
      <HStack gap="space-8" className="samla-graph-tree__actions">
        <Button size="xsmall" variant="secondary" onClick={() => setOpen(allParents(graph))}>
          {gt("graph.tree.expandAll")}
        </Button>
        <Button
          size="xsmall"
          variant="secondary"
          onClick={() => {
            setOpen(new Set());
            // The focused item may be hidden now: the tab stop goes to its top-level ancestor.
            if (focusId) setFocusId([focusId, ...ancestorsOf(graph, focusId)].at(-1)!);
          }}
        >
          {gt("graph.tree.collapseAll")}
        </Button>
      </HStack>
      <div role="tree" aria-label={gt("graph.tree.label")} ref={treeRef} onKeyDown={onKeyDown} className={`samla-graph-tree${enabled ? " samla-graph-tree--virtual" : ""}`} data-testid="graph-tree">
        {/* One wrapper in both modes, so the items (and focus) survive crossing VIRTUALISE_FROM. */}
        <div style={items ? { height: virtualizer.getTotalSize(), position: "relative" } : undefined}>
          {items
            ? items.map((item) => renderItem(rows[item.index]!, item.index, item.start))
            : rows.map((row, index) => renderItem(row, index, null))}
        </div>
      </div>
    </div>
  );
}
