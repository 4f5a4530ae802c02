// The virtualiser both alternatives share: on from VIRTUALISE_FROM rows, keeps the focused
// row rendered wherever the list is scrolled, and moves focus to rows not yet rendered.
import { defaultRangeExtractor, useVirtualizer, type Range, type VirtualItem } from "@tanstack/react-virtual";
import { useCallback, useLayoutEffect, useRef, type RefObject } from "react";
import { VIRTUALISE_FROM, withKeptIndex } from "./rows";

interface Options {
  count: number;
  scrollRef: RefObject<HTMLElement | null>;
  /** A row's height before it is measured, in px. */
  estimateSize: number;
  /** A stable key for row i (e.g. the node id), so measured heights follow their rows. */
  getItemKey: (index: number) => string;
  /** The row that holds the tab stop: always rendered, so focus is never lost to scrolling. */
  keepIndex: number | null;
  /** Space above row 0 inside the scroll element (a sticky table header), in px. */
  paddingStart?: number;
}

export function useVirtualRows({ count, scrollRef, estimateSize, getItemKey, keepIndex, paddingStart = 0 }: Options) {
  const enabled = count >= VIRTUALISE_FROM;
  const rangeExtractor = useCallback((range: Range) => withKeptIndex(defaultRangeExtractor(range), keepIndex, range.count), [keepIndex]);
  const virtualizer = useVirtualizer<HTMLElement, HTMLElement>({
    count,
    enabled,
    getScrollElement: () => scrollRef.current,
    estimateSize: useCallback(() => estimateSize, [estimateSize]),
    getItemKey,
    rangeExtractor,
    overscan: 10,
    paddingStart,
    scrollPaddingStart: paddingStart,
  });

  const find = useCallback(
    (id: string) => scrollRef.current?.querySelector<HTMLElement>(`[data-focus-id="${CSS.escape(id)}"]`) ?? null,
    [scrollRef],
  );

  // Focusing a row. Small lists: the browser scrolls the focused row into view. Virtualised,
  // rows measured after a long jump can push it out of view again, so the virtualiser
  // scrolls the list to it (only if needed) and holds it there while they settle; the window
  // scrolls so the whole list (at most 70vh) is in view, and with it the row.
  const focusAndHold = useCallback(
    (element: HTMLElement, index: number) => {
      if (!enabled) {
        element.focus();
        return;
      }
      element.focus({ preventScroll: true });
      scrollRef.current?.scrollIntoView({ block: "nearest" });
      virtualizer.scrollToIndex(index, { align: "auto" });
    },
    [enabled, virtualizer, scrollRef],
  );

  // A row not rendered yet is focused on the next commit (it is rendered then: keepIndex).
  const pendingFocus = useRef<{ id: string; index: number } | null>(null);
  useLayoutEffect(() => {
    const pending = pendingFocus.current;
    const element = pending ? find(pending.id) : null;
    if (!pending || !element) return;
    pendingFocus.current = null;
    focusAndHold(element, pending.index);
  });

  /** Moves keyboard focus to row `index`, rendering and scrolling to it first. */
  const focusRow = useCallback(
    (index: number) => {
      if (index < 0 || index >= count) return;
      const id = getItemKey(index);
      const element = find(id);
      if (element) focusAndHold(element, index);
      else pendingFocus.current = { id, index };
    },
    [count, getItemKey, find, focusAndHold],
  );

  /** Shows row `index` in the list without moving focus (scrolling only when it is out of view). */
  const reveal = useCallback(
    (index: number) => {
      if (index < 0 || index >= count) return;
      if (enabled) virtualizer.scrollToIndex(index, { align: "auto" });
      else {
        // Only the list scrolls (not the window: the user may be typing in the search box).
        const element = find(getItemKey(index));
        const list = scrollRef.current;
        if (!element || !list) return;
        const [row, view] = [element.getBoundingClientRect(), list.getBoundingClientRect()];
        if (row.top < view.top + paddingStart) list.scrollTop -= view.top + paddingStart - row.top;
        else if (row.bottom > view.bottom) list.scrollTop += row.bottom - view.bottom;
      }
    },
    [count, enabled, virtualizer, getItemKey, find, scrollRef, paddingStart],
  );

  /** How many rows a Page Up/Page Down moves from row `index`: about one screenful. */
  const pageSize = (index: number) => {
    const row = index >= 0 && index < count ? find(getItemKey(index))?.closest<HTMLElement>("[data-index]") : null;
    const height = row?.offsetHeight || estimateSize;
    return Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? height * 10) / height) - 1);
  };

  // The rows to render (null: all of them, not virtualised). Just after turning on, before the
  // virtualiser has seen its scroll element, it has no range yet: the first rows and the
  // focused one stand in, so focus is not lost when a list grows past VIRTUALISE_FROM.
  let items: VirtualItem[] | null = enabled ? virtualizer.getVirtualItems() : null;
  if (items && items.length === 0 && count > 0) {
    const first = Array.from({ length: Math.min(count, 30) }, (_, index) => index);
    items = withKeptIndex(first, keepIndex, count).flatMap((index) => virtualizer.measurementsCache[index] ?? []);
  }

  return { enabled, virtualizer, items, reveal, focusRow, pageSize };
}
