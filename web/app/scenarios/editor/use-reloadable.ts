// Loads a page's data on mount and again on demand (after an edit, or to see someone
// else's change). The previous data stays on screen while it reloads.
import { useCallback, useEffect, useState } from "react";

export function useReloadable<T>(fetcher: (signal?: AbortSignal) => Promise<T>) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(
    async (signal?: AbortSignal) => {
      try {
        setData(await fetcher(signal));
        setError(null);
      } catch (caught) {
        if (!signal?.aborted) setError(caught);
      }
    },
    [fetcher]
  );

  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);

  return { data, error, reload: useCallback(() => load(), [load]) };
}
