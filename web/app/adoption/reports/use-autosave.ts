// Autosave: after each change, wait for a pause in typing, then save. One save at a time;
// a change made while a save is under way is saved after it. Which changes each save
// covered is counted, so "Lagret" only shows when everything typed is saved. A conflict or
// a report that can no longer be edited stops autosaving until the page says otherwise.
import { useCallback, useEffect, useRef, useState } from "react";

export type SaveOutcome =
  | { kind: "saved" }
  | { kind: "error"; message: string }
  | { kind: "conflict" }
  | { kind: "closed"; message: string };

export type AutosaveState =
  | { kind: "idle" }
  | { kind: "pending" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date }
  | { kind: "error"; message: string }
  | { kind: "conflict" }
  | { kind: "closed"; message: string };

export interface Autosave {
  state: AutosaveState;
  /** Call after every change: (re)starts the pause before saving. */
  changed: () => void;
  /** Saves now (after any save under way); true when everything is saved. */
  flush: (options?: { force?: boolean }) => Promise<boolean>;
  /** After a conflict was resolved (the latest version fetched): saving may go on. */
  resume: () => void;
  /** The change counter a save started at, for the caller to know which changes it covered. */
  changeCount: () => number;
}

/**
 * `save(changeCount)` sends what is typed now; `changeCount` is the number of changes it
 * covers (the caller uses it to forget the fields it saved).
 */
export function useAutosave(save: (changeCount: number) => Promise<SaveOutcome>, delayMs: number): Autosave {
  const [state, setState] = useState<AutosaveState>({ kind: "idle" });
  const changes = useRef(0);
  const savedChanges = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const running = useRef<Promise<SaveOutcome> | null>(null);
  const stopped = useRef<"conflict" | "closed" | null>(null);
  const saveRef = useRef(save);
  saveRef.current = save;

  const clearTimer = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };

  const runOnce = useCallback(async (): Promise<SaveOutcome> => {
    while (running.current) await running.current;
    if (stopped.current === "conflict") return { kind: "conflict" };
    if (stopped.current === "closed") return { kind: "closed", message: "" };
    const covering = changes.current;
    setState({ kind: "saving" });
    const attempt = saveRef.current(covering);
    running.current = attempt;
    let outcome: SaveOutcome;
    try {
      outcome = await attempt;
    } finally {
      running.current = null;
    }
    if (outcome.kind === "saved") {
      savedChanges.current = Math.max(savedChanges.current, covering);
      // Typed during the save: still unsaved, and its own timer is running.
      setState(changes.current > covering ? { kind: "pending" } : { kind: "saved", at: new Date() });
    } else if (outcome.kind === "conflict" || outcome.kind === "closed") {
      stopped.current = outcome.kind;
      clearTimer();
      setState(outcome);
    } else {
      setState(outcome);
    }
    return outcome;
  }, []);

  const changed = useCallback(() => {
    changes.current += 1;
    if (stopped.current) return;
    setState({ kind: "pending" });
    clearTimer();
    timer.current = setTimeout(() => {
      timer.current = null;
      void runOnce();
    }, delayMs);
  }, [delayMs, runOnce]);

  const flush = useCallback(
    async ({ force = false }: { force?: boolean } = {}) => {
      clearTimer();
      while (running.current) await running.current;
      if (!force && savedChanges.current >= changes.current) return stopped.current === null;
      const outcome = await runOnce();
      return outcome.kind === "saved";
    },
    [runOnce],
  );

  const resume = useCallback(() => {
    stopped.current = null;
    setState(savedChanges.current >= changes.current ? { kind: "idle" } : { kind: "pending" });
  }, []);

  // Leaving the page with unsaved changes: save them on the way out (the request goes on
  // after the component is gone), and ask before the browser tab closes.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (savedChanges.current < changes.current && !stopped.current) event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => {
      window.removeEventListener("beforeunload", warn);
      if (timer.current && !stopped.current) {
        clearTimer();
        void saveRef.current(changes.current);
      }
    };
  }, []);

  return { state, changed, flush, resume, changeCount: () => changes.current };
}
