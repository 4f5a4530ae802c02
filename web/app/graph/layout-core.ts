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
  if (request.layout === "dagre") reserveLabelWidths(cy);
  const options =
    request.layout === "dagre"
      ? { name: "dagre", rankDir: "TB", nodeSep: 16, rankSep: 70, edgeSep: 10, animate: false, fit: false }
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

/** Average glyph width of the labels' font (Source Sans 3, 11 px) with a margin, in px. */
const LABEL_CHAR_WIDTH = 6.2;
/** The person label's wrap width (style.ts: text-max-width). */
const PERSON_LABEL_MAX_WIDTH = 140;

/** Estimated width of a person's label: its longest line, wrapped at the style's width. */
export function estimatedLabelWidth(label: string): number {
  const longest = Math.max(0, ...label.split("\n").map((line) => line.length));
  return Math.min(Math.ceil(longest * LABEL_CHAR_WIDTH), PERSON_LABEL_MAX_WIDTH);
}

/**
 * Reporting lines put a manager's people side by side in one rank, and their names and
 * roles under them are wider than the dots: dagre spaced the dots, so the labels ran into
 * each other (issue 14). A headless cytoscape cannot measure text, so the layout gives each
 * person the width of its label, estimated from the text, and dagre spaces those instead.
 */
function reserveLabelWidths(cy: cytoscape.Core) {
  cy.nodes(".person").forEach((node) => {
    const width = Math.max(node.width(), estimatedLabelWidth(String(node.data("label") ?? "")));
    node.style("width", width);
  });
}
