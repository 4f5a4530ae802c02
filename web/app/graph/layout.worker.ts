// The layout worker: see layout-core.ts.
import { computeLayout, type LayoutRequest } from "./layout-core";

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  try {
    self.postMessage(computeLayout(event.data));
  } catch (error) {
    self.postMessage({ id: event.data.id, error: String(error) });
  }
};
