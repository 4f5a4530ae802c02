// Runs layouts in a Web Worker, one at a time; a newer request supersedes an older one.
import type { ElementDefinition } from "cytoscape";
import type { LayoutResult } from "./layout-core";
import type { LayoutName } from "./model";

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve: (r: LayoutResult) => void; reject: (e: Error) => void }>();

function getWorker(): Worker | null {
  if (worker) return worker;
  if (typeof Worker === "undefined") return null;
  worker = new Worker(new URL("./layout.worker.ts", import.meta.url), { type: "module" });
  worker.onmessage = (event: MessageEvent<LayoutResult & { error?: string }>) => {
    const waiting = pending.get(event.data.id);
    pending.delete(event.data.id);
    if (!waiting) return;
    if (event.data.error) waiting.reject(new Error(event.data.error));
    else waiting.resolve(event.data);
  };
  return worker;
}

/** Node positions for the elements, computed off the main thread where possible. */
export async function layoutInBackground(layout: LayoutName, elements: ElementDefinition[]): Promise<LayoutResult> {
  const id = nextId++;
  const target = getWorker();
  if (!target) {
    const { computeLayout } = await import("./layout-core");
    return computeLayout({ id, layout, elements });
  }
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    // Only plain data crosses to the worker.
    target.postMessage({ id, layout, elements: elements.map((e) => ({ group: e.group, data: e.data, classes: e.classes })) });
  });
}
