// Cytoscape stylesheet. Meaning is never carried by colour alone: employers differ by
// shape and border style too, leaders by border width, over-allocation by a red double
// border and a "!" in the label, pilots by frame width. Colours are Aksel's palette.
import type { StylesheetJson } from "cytoscape";

export const COLOURS = {
  state: "#0067c5",
  municipal: "#06893a",
  leader: "#23262a",
  overAllocated: "#c30000",
  pilot: "#c77300",
  merges: "#634689",
  service: "#005b82",
  office: "#f2f3f5",
  team: "#ffffff",
  edge: "#6f7785",
} as const;

/** Scenario changes (compare view): a halo around people, a tint and a frame on teams. */
export const CHANGE_COLOURS = {
  new: "#06893a",
  moved: "#634689",
  changed: "#c77300",
  closed: "#c30000",
} as const;

/** Team fill per change, light enough for the label on top to keep its contrast. */
const CHANGE_TINTS = { new: "#ccf1d6", moved: "#e0d8e9", changed: "#ffe9cc", closed: "#f6e6e6" } as const;

const changeStyles: StylesheetJson = (Object.keys(CHANGE_COLOURS) as (keyof typeof CHANGE_COLOURS)[]).flatMap((change) => [
  {
    selector: `node.person.change-${change}`,
    style: {
      "underlay-color": CHANGE_COLOURS[change],
      "underlay-opacity": 0.55,
      "underlay-padding": 6,
      "underlay-shape": "ellipse",
    },
  },
  {
    selector: `node.team.change-${change}`,
    style: {
      "background-color": CHANGE_TINTS[change],
      "border-color": CHANGE_COLOURS[change],
      "border-width": 3,
    },
  },
]);

export const graphStyle: StylesheetJson = [
  {
    selector: "node",
    style: {
      label: "data(label)",
      "font-family": "Source Sans 3 Variable, Source Sans 3, Arial, sans-serif",
      "font-size": 11,
      color: "#23262a",
      "text-wrap": "wrap",
      "text-max-width": "140px",
      // Level of detail: labels vanish when they would be too small to read.
      "min-zoomed-font-size": 6,
    },
  },
  {
    selector: "node.person",
    style: {
      width: 26,
      height: 26,
      "text-valign": "bottom",
      "text-margin-y": 3,
      "border-width": 2,
      "border-color": "#ffffff",
    },
  },
  { selector: "node.state", style: { shape: "ellipse", "background-color": COLOURS.state, "border-style": "solid" } },
  {
    selector: "node.municipal",
    style: {
      shape: "round-rectangle",
      "background-color": COLOURS.municipal,
      "border-style": "dashed",
      "border-color": "#023d1a",
    },
  },
  { selector: "node.role-leader", style: { "border-width": 5, "border-color": COLOURS.leader, width: 32, height: 32 } },
  { selector: "node.role-caseworker", style: { "background-opacity": 0.85 } },
  { selector: "node.role-adviser", style: { "background-opacity": 1 } },
  { selector: "node.role-specialist", style: { "background-blacken": 0.3 } },
  { selector: "node.role-support", style: { "background-blacken": -0.35 } },
  {
    selector: "node.over-allocated",
    style: { "border-color": COLOURS.overAllocated, "border-width": 5, "border-style": "double" },
  },
  {
    selector: "node.team",
    style: {
      shape: "round-rectangle",
      "background-color": COLOURS.team,
      "border-width": 1,
      "border-color": "#9ba3ad",
      "text-valign": "top",
      "text-halign": "center",
      "font-weight": 600,
      padding: "12px",
      width: 60,
      height: 30,
    },
  },
  { selector: "node.team.vacant", style: { "border-style": "dashed", "border-width": 2, "background-color": "#f7f7f7" } },
  {
    selector: "node.office",
    style: {
      shape: "round-rectangle",
      "background-color": COLOURS.office,
      "border-width": 1,
      "border-color": "#49515e",
      "text-valign": "top",
      "text-halign": "center",
      "font-size": 14,
      "font-weight": 700,
      padding: "20px",
      width: 90,
      height: 50,
    },
  },
  { selector: "node.office.collapsed", style: { "text-valign": "center", "background-color": "#e6f0ff" } },
  { selector: "node.office.pilot", style: { "border-color": COLOURS.pilot, "border-width": 4 } },
  { selector: "node.office.spearhead", style: { "border-color": COLOURS.pilot, "border-width": 8, "border-style": "double" } },
  { selector: "node.office.planned", style: { "border-style": "dashed" } },
  { selector: "node.office.historic", style: { opacity: 0.6 } },
  { selector: "node.team.collapsed", style: { "text-valign": "center", "background-color": "#eef6fc" } },
  {
    selector: "node.service",
    style: {
      shape: "hexagon",
      width: 34,
      height: 30,
      "background-color": COLOURS.service,
      "text-valign": "bottom",
      "text-margin-y": 3,
      color: "#005b82",
    },
  },
  {
    selector: "edge",
    style: {
      width: 1.5,
      "line-color": COLOURS.edge,
      "target-arrow-color": COLOURS.edge,
      "curve-style": "straight",
      "arrow-scale": 0.8,
    },
  },
  { selector: "edge.reports-to", style: { "target-arrow-shape": "triangle" } },
  { selector: "edge.delivers", style: { "line-style": "dashed", "line-color": COLOURS.service, opacity: 0.5 } },
  {
    selector: "edge.merges-into",
    style: {
      width: 5,
      "line-color": COLOURS.merges,
      "target-arrow-color": COLOURS.merges,
      "target-arrow-shape": "triangle",
      "curve-style": "bezier",
    },
  },
  ...changeStyles,
  // Closed elements stay in the to-be graph, faded and with a dashed frame.
  { selector: "node.team.change-closed", style: { "border-style": "dashed", opacity: 0.7 } },
  { selector: "node.person.change-closed", style: { opacity: 0.55 } },
  {
    selector: "node:selected",
    style: { "overlay-color": "#ffbb00", "overlay-opacity": 0.45, "overlay-padding": 6 },
  },
  { selector: "edge:selected", style: { "line-color": "#ffbb00", "target-arrow-color": "#ffbb00", width: 4 } },
  { selector: ".faded", style: { opacity: 0.25 } },
];
