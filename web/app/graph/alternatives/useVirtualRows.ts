// The virtualiser both alternatives share: on from VIRTUALISE_FROM rows, keeps the focused
// row rendered wherever the list is scrolled, and moves focus to rows not yet rendered
// (rendered on the next commit, then focused, which scrolls it into view).
import { defaultRangeExtractor, useVirtualizer, type Range } from "@tanstack/react-virtual";
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

  // Focus waits for the row's element: it is rendered on the next commit (keepIndex).
  const pendingFocus = useRef<string | null>(null);
  useLayoutEffect(() => {
    const id = pendingFocus.current;
    if (!id) return;
    const element = scrollRef.current?.querySelector<HTMLElement>(`[data-focus-id="${CSS.escape(id)}"]`);
    if (!element) return;
    pendingFocus.current = null;
    element.focus();
  });

  /** Shows row `index` (scrolling only when it is out of view). */
  const reveal = useCallback(
    (index: number) => {
      if (index < 0 || index >= count) return;
      if (enabled) virtualizer.scrollToIndex(index, { align: "auto" });
      else {
        const id = getItemKey(index);
        scrollRef.current?.querySelector<HTMLElement>(`[data-focus-id="${CSS.escape(id)}"]`)?.scrollIntoView({ block: "nearest" });
      }
    },
    [count, enabled, virtualizer, getItemKey, scrollRef],
  );

  /** Moves keyboard focus to row `index`, rendering and scrolling to it first. */
  const focusRow = useCallback(
    (index: number) => {
      if (index < 0 || index >= count) return;
      const id = getItemKey(index);
      const element = scrollRef.current?.querySelector<HTMLElement>(`[data-focus-id="${CSS.escape(id)}"]`);
      // The browser scrolls a focused element into view, in the list and in the window: the
      // row is rendered where it belongs (at its measured or estimated place) even far from
      // view, since it is the kept row, and the virtualiser follows the scroll.
      if (element) element.focus();
      else pendingFocus.current = id;
    },
    [count, getItemKey, scrollRef],
  );

  /** How many rows a Page Up/Page Down moves: about one screenful. */
  const pageSize = () => Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? estimateSize * 10) / estimateSize) - 1);

  return { enabled, virtualizer, reveal, focusRow, pageSize };
}
