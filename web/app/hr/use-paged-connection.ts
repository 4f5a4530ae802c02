// Loads a Relay connection page by page ("Vis flere"): the first page on mount, the next
// on demand. The component using it is keyed on its filter, so a new filter starts over.
import { useEffect, useState } from "react";

interface Connection<Node> {
  edges: { node: Node }[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

export function usePagedConnection<Node, Page extends Connection<Node>>(
  fetchPage: (after: string | null, signal?: AbortSignal) => Promise<Page>,
) {
  const [pages, setPages] = useState<Page[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);

  const load = async (after: string | null, signal?: AbortSignal) => {
    setLoading(true);
    setError(null);
    try {
      const page = await fetchPage(after, signal);
      setPages((current) => (after ? [...current, page] : [page]));
    } catch (caught) {
      if (!signal?.aborted) setError(caught);
    } finally {
      if (!signal?.aborted) setLoading(false);
    }
  };

  useEffect(() => {
    const controller = new AbortController();
    void load(null, controller.signal);
    return () => controller.abort();
    // Once per mount: the caller keys the component on its filter.
  }, []);

  const lastPage = pages[pages.length - 1];
  return {
    pages,
    nodes: pages.flatMap((page) => page.edges.map((edge) => edge.node)),
    lastPage,
    loading,
    error,
    loadMore: () => void load(lastPage?.pageInfo.endCursor ?? null),
  };
}
