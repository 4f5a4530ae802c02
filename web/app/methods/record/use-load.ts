// Loads data for a component and loads it again when `deps` change or on reload(). New
// deps start from "loading"; a reload keeps showing the data it has until the new data is
// there (a list under an open dialog stays put). An answer that arrives after the component
// moved on is dropped (its request is aborted).
import { useCallback, useEffect, useRef, useState } from "react";

export type Loaded<T> = { status: "loading" } | { status: "error"; error: unknown } | { status: "ok"; data: T };

export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[]) {
  const [state, setState] = useState<Loaded<T>>({ status: "loading" });
  const [reloads, setReloads] = useState(0);
  const keepData = useRef(false);

  useEffect(() => {
    const controller = new AbortController();
    if (!keepData.current) setState({ status: "loading" });
    keepData.current = false;
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: "ok", data });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: "error", error });
      },
    );
    return () => controller.abort();
    // `load` is a new function each render; what it reads is in `deps`.
  }, [...deps, reloads]);

  const reload = useCallback(() => {
    keepData.current = true;
    setReloads((n) => n + 1);
  }, []);
  return { ...state, reload };
}
