// The table alternative: every node of the filtered graph, in the graph's order. One tab
// stop (the focused row's name button); the arrows, Page Up/Down and Home/End move between
// rows, Enter or Space selects. From VIRTUALISE_FROM rows only the rows near view are in the
// DOM; aria-rowcount and aria-rowindex still give screen readers the whole table's size.
import { Button, Table } from "@navikt/ds-react";
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import type { FilteredGraph, ViewNode } from "../model";
import { formatFte, gt } from "../texts";
import { tableKey, tablePieces } from "./rows";
import { useVirtualRows } from "./useVirtualRows";

export interface AlternativeProps {
  graph: FilteredGraph;
  selectedId: string | null;
  onSelect: (id: string) => void;
}

/** A column a screen adds to the table (e.g. the compare view's change). */
export interface ExtraColumn {
  header: string;
  cell: (node: ViewNode) => ReactNode;
}

/** Aksel's small table row with an xsmall button, before it is measured. */
const ROW_HEIGHT = 41;

export function GraphTable({
  graph,
  selectedId,
  onSelect,
  extraColumns = [],
  caption,
}: AlternativeProps & { extraColumns?: readonly ExtraColumn[]; caption?: string }) {
  const rows = graph.nodes;
  const indexById = useMemo(() => new Map(rows.map((node, index) => [node.id, index])), [rows]);
  const [focusId, setFocusId] = useState<string | null>(selectedId);
  const focusIndex = focusId != null && indexById.has(focusId) ? indexById.get(focusId)! : rows.length > 0 ? 0 : null;

  const scrollRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLTableSectionElement>(null);
  const [headHeight, setHeadHeight] = useState(0);
  // The sticky header's height: where row 0 starts, and what a focused row must clear.
  useLayoutEffect(() => {
    const head = headRef.current;
    if (!head) return;
    setHeadHeight(head.offsetHeight);
    const observer = new ResizeObserver(() => setHeadHeight(head.offsetHeight));
    observer.observe(head);
    return () => observer.disconnect();
  }, []);

  const getItemKey = useCallback((index: number) => rows[index]!.id, [rows]);
  const { enabled, virtualizer, items, reveal, focusRow, pageSize } = useVirtualRows({
    count: rows.length,
    scrollRef,
    estimateSize: ROW_HEIGHT,
    getItemKey,
    keepIndex: focusIndex,
    paddingStart: headHeight,
  });

  // A selection made elsewhere (the graph, the search) becomes the tab stop and is scrolled to.
  useEffect(() => {
    if (!selectedId || !indexById.has(selectedId)) return;
    setFocusId(selectedId);
    reveal(indexById.get(selectedId)!);
    // Only when the selection (or the rows) change, not when reveal's identity does.
  }, [selectedId, indexById]);

  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const target = (event.target as HTMLElement).closest<HTMLElement>("[data-focus-id]");
    if (!target || event.altKey || event.metaKey || event.shiftKey) return;
    const index = indexById.get(target.dataset.focusId!);
    if (index == null) return;
    const next = tableKey(event.key, index, rows.length, pageSize(index));
    if (next == null) return;
    event.preventDefault();
    setFocusId(rows[next]!.id);
    focusRow(next);
  };

  // The tab stop: the focused row if it is rendered, else the first rendered row, so Tab
  // always finds the table however it was scrolled.
  const rendered = items ? items.map((item) => item.index) : null;
  const tabStop =
    focusIndex == null ? null : !rendered || rendered.includes(focusIndex) ? focusIndex : (rendered[0] ?? null);

  const columnCount = 6 + extraColumns.length;
  const renderRow = (index: number) => {
    const node = rows[index]!;
    const selected = node.id === selectedId;
    return (
      <Table.Row
        key={node.id}
        ref={enabled ? virtualizer.measureElement : undefined}
        data-index={index}
        aria-rowindex={index + 2}
        selected={selected}
        data-node-id={node.id}
        data-node-type={node.type}
      >
        <Table.DataCell>
          <Button
            variant="tertiary"
            size="xsmall"
            aria-pressed={selected}
            tabIndex={index === tabStop ? 0 : -1}
            data-focus-id={node.id}
            onClick={() => {
              setFocusId(node.id);
              onSelect(node.id);
            }}
            onFocus={() => setFocusId(node.id)}
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
    );
  };

  const hintId = useId();
  return (
    <div
      className={`samla-graph-table${enabled ? " samla-graph-table--virtual" : ""}`}
      ref={scrollRef}
      // A row focused by the keyboard scrolls in below the sticky header, not under it.
      style={{ scrollPaddingTop: headHeight }}
    >
      <Table
        size="small"
        data-testid="graph-table"
        aria-rowcount={rows.length + 1}
        aria-describedby={hintId}
        // The fixed columns (graph.css) and at least 9rem for each of the others.
        style={enabled ? { minWidth: `${44.5 + 9 * (1 + extraColumns.length)}rem` } : undefined}
      >
        <caption className="aksel-sr-only">{caption ?? gt("graph.table.caption")}</caption>
        <Table.Header ref={headRef}>
          <Table.Row aria-rowindex={1}>
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
        <Table.Body onKeyDown={onKeyDown}>
          {items
            ? tablePieces(items, headHeight, virtualizer.getTotalSize()).map((piece) =>
                piece.kind === "row" ? (
                  renderRow(piece.index)
                ) : (
                  <tr key={piece.key} aria-hidden className="samla-graph-table__gap">
                    <td colSpan={columnCount} style={{ height: piece.height }} />
                  </tr>
                ),
              )
            : rows.map((_, index) => renderRow(index))}
        </Table.Body>
      </Table>
      <p id={hintId} className="aksel-sr-only">
        {gt("graph.table.keys")}
      </p>
    </div>
  );
}
