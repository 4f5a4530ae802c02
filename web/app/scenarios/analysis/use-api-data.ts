// Loads data for a panel and loads it again when its key changes (e.g. the scenario's
// version after an edit). Data of the same `scope` (the same scenario) stays on screen
// while the new data loads, so a panel does not flash empty after every edit;
// `refreshing` says that it is stale. Data of another scope is never shown.
import { useEffect, useRef, useState } from "react";

export type ApiData<T> =
  | { status: "loading" }
  | { status: "error"; error: unknown; retry: () => void }
  | { status: "ok"; data: T; refreshing: boolean };

interface State<T> {
  data?: T;
  error?: unknown;
  /** The scope `data` belongs to. */
  scope?: string;
  loading: boolean;
}

export function useApiData<T>(load: (signal: AbortSignal) => Promise<T>, key: string, scope: string = key): ApiData<T> {
  const [state, setState] = useState<State<T>>({ loading: true });
  const [attempt, setAttempt] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const controller = new AbortController();
    setState((current) => ({ data: current.data, scope: current.scope, loading: true }));
    loadRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ data, scope, loading: false });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ error, loading: false });
      },
    );
    return () => controller.abort();
  }, [key, attempt]);

  if (state.error !== undefined && !state.loading) {
    return { status: "error", error: state.error, retry: () => setAttempt((n) => n + 1) };
  }
  if (state.data === undefined || state.scope !== scope) return { status: "loading" };
  return { status: "ok", data: state.data, refreshing: state.loading };
}
