// The legend: each symbol drawn the way the canvas draws it, with a text that says what
// it means and how it differs besides colour.
import { Heading } from "@navikt/ds-react";
import type { ReactNode } from "react";
import { COLOURS } from "./style";
import { gt, type GraphTextKey } from "./texts";

function Swatch({ children }: { children: ReactNode }) {
  return (
    <svg width="28" height="20" viewBox="0 0 28 20" aria-hidden focusable="false">
      {children}
    </svg>
  );
}

const ITEMS: { key: GraphTextKey; swatch: ReactNode }[] = [
  { key: "graph.legend.state", swatch: <circle cx="14" cy="10" r="7" fill={COLOURS.state} /> },
  {
    key: "graph.legend.municipal",
    swatch: <rect x="7" y="3" width="14" height="14" rx="2" fill={COLOURS.municipal} stroke="#023d1a" strokeWidth="2" strokeDasharray="3 2" />,
  },
  { key: "graph.legend.leader", swatch: <circle cx="14" cy="10" r="7" fill={COLOURS.state} stroke={COLOURS.leader} strokeWidth="3" /> },
  {
    key: "graph.legend.overAllocated",
    swatch: <circle cx="14" cy="10" r="7" fill={COLOURS.state} stroke={COLOURS.overAllocated} strokeWidth="3" />,
  },
  { key: "graph.legend.vacant", swatch: <rect x="3" y="4" width="22" height="12" rx="3" fill="#f7f7f7" stroke="#9ba3ad" strokeDasharray="3 2" /> },
  { key: "graph.legend.pilot", swatch: <rect x="3" y="4" width="22" height="12" rx="3" fill={COLOURS.office} stroke={COLOURS.pilot} strokeWidth="3" /> },
  {
    key: "graph.legend.spearhead",
    swatch: <rect x="3" y="3" width="22" height="14" rx="3" fill={COLOURS.office} stroke={COLOURS.pilot} strokeWidth="5" />,
  },
  { key: "graph.legend.service", swatch: <polygon points="8,10 11,4 17,4 20,10 17,16 11,16" fill={COLOURS.service} /> },
  {
    key: "graph.legend.reportsTo",
    swatch: (
      <>
        <line x1="2" y1="10" x2="20" y2="10" stroke={COLOURS.edge} strokeWidth="2" />
        <polygon points="20,6 26,10 20,14" fill={COLOURS.edge} />
      </>
    ),
  },
  { key: "graph.legend.delivers", swatch: <line x1="2" y1="10" x2="26" y2="10" stroke={COLOURS.service} strokeWidth="2" strokeDasharray="4 3" /> },
  {
    key: "graph.legend.mergesInto",
    swatch: (
      <>
        <line x1="2" y1="10" x2="19" y2="10" stroke={COLOURS.merges} strokeWidth="5" />
        <polygon points="18,4 27,10 18,16" fill={COLOURS.merges} />
      </>
    ),
  },
];

/** An entry a screen adds to the legend (e.g. the compare view's changes). */
export interface LegendItem {
  key: string;
  label: string;
  swatch: ReactNode;
}

export function GraphLegend({ extraItems = [] }: { extraItems?: readonly LegendItem[] }) {
  return (
    <section className="samla-graph-panel samla-graph-legend" aria-labelledby="graph-legend-title">
      <Heading id="graph-legend-title" level="2" size="small" spacing>
        {gt("graph.legend")}
      </Heading>
      <ul>
        {ITEMS.map((item) => (
          <li key={item.key}>
            <Swatch>{item.swatch}</Swatch>
            <span>{gt(item.key)}</span>
          </li>
        ))}
        {extraItems.map((item) => (
          <li key={item.key}>
            <Swatch>{item.swatch}</Swatch>
            <span>{item.label}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
