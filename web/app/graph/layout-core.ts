// Layout computed on a headless cytoscape: run inside a Web Worker (layout.worker.ts) so a
// graph of thousands of nodes never blocks the page; the page then places the nodes with
// the "preset" layout. Node sizes come from the same stylesheet as the page's.
import cytoscape, { type ElementDefinition } from "cytoscape";
import dagre from "cytoscape-dagre";
import fcose from "cytoscape-fcose";
import type { LayoutName } from "./model";
import { graphStyle } from "./style";

let registered = false;
function register() {
  if (registered) return;
  cytoscape.use(fcose);
  cytoscape.use(dagre);
  registered = true;
}

export interface LayoutRequest {
  id: number;
  layout: LayoutName;
  elements: ElementDefinition[];
}

export interface LayoutResult {
  id: number;
  positions: Record<string, { x: number; y: number }>;
  ms: number;
}

export function computeLayout(request: LayoutRequest): LayoutResult {
  register();
  const started = performance.now();
  const elements = request.elements.map((element) => {
    // Dagre ranks an edge's source above its target; reporting lines put managers on top.
    if (request.layout === "dagre" && element.group === "edges" && element.data.type === "REPORTS_TO") {
      return { ...element, data: { ...element.data, source: element.data.target, target: element.data.source } };
    }
    return element;
  });
  const cy = cytoscape({ headless: true, styleEnabled: true, style: graphStyle, elements });
  const nodeCount = cy.nodes().length;
  const options =
    request.layout === "dagre"
      ? { name: "dagre", rankDir: "TB", nodeSep: 20, rankSep: 60, edgeSep: 10, animate: false, fit: false }
      : {
          name: "fcose",
          // Draft quality for big graphs: a few seconds less, still readable clusters.
          quality: nodeCount > 3000 ? "draft" : "default",
          randomize: true,
          animate: false,
          fit: false,
          nodeSeparation: 60,
          idealEdgeLength: 60,
          nodeRepulsion: 6000,
          nestingFactor: 0.3,
          tile: true,
          packComponents: true,
        };
  cy.layout(options as cytoscape.LayoutOptions).run();
  const positions: LayoutResult["positions"] = {};
  cy.nodes().forEach((node) => {
    // Compound nodes follow their children.
    if (node.isChildless()) positions[node.id()] = { ...node.position() };
  });
  cy.destroy();
  return { id: request.id, positions, ms: performance.now() - started };
}
