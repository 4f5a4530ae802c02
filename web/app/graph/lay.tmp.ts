import cytoscape from "cytoscape";
import fcose from "cytoscape-fcose";
import dagre from "cytoscape-dagre";
import { readFileSync } from "node:fs";
import { graphStyle } from "./style";
cytoscape.use(fcose); cytoscape.use(dagre);
const els = JSON.parse(readFileSync(process.argv[2], "utf8"));
const variants: Record<string, object> = JSON.parse(process.argv[3]);
for (const [name, extra] of Object.entries(variants)) {
  const cy = cytoscape({ headless: true, styleEnabled: true, style: graphStyle, elements: els });
  const t0 = performance.now();
  cy.layout({ name: "fcose", quality: "default", randomize: true, animate: false, fit: false, nodeSeparation: 60, idealEdgeLength: 60, nodeRepulsion: 6000, nestingFactor: 0.3, tile: true, packComponents: true, ...extra } as any).run();
  const bb = cy.elements().boundingBox();
  console.log(name, Math.round(bb.w), Math.round(bb.h), "fitzoom", (Math.min(798 / bb.w, 580 / bb.h)).toFixed(3), Math.round(performance.now() - t0) + "ms");
}
