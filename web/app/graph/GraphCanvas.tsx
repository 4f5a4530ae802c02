// The cytoscape canvas. Layout runs in a worker (layout.ts); the canvas only places the
// nodes, so the page stays responsive while thousands of nodes are laid out.
import cytoscape, { type Core, type ElementDefinition } from "cytoscape";
import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from "react";
import { layoutInBackground } from "./layout";
import type { LayoutName } from "./model";
import { graphStyle } from "./style";

// cytoscape-svg touches `window` when imported, and the SPA build renders index.html in
// Node: load it in the browser only. It extends the core prototype, so instances made
// before it arrives gain cy.svg() too.
let svgExtension: Promise<void> | null = null;
function registerExtensions(): Promise<void> {
  svgExtension ??= import("cytoscape-svg").then((module) => cytoscape.use(module.default));
  return svgExtension;
}

/**
 * Cytoscape's experimental WebGL renderer (≥ 3.31) for big graphs: opt in with `webgl=1`
 * in the URL (used above this many elements). Off by default: without a GPU (headless
 * Chromium, SwiftShader) it measured far slower than the canvas; see the benchmark.
 */
const WEBGL_THRESHOLD = 3000;
function webglRequested(): boolean {
  return typeof location !== "undefined" && new URLSearchParams(location.search).get("webgl") === "1";
}

export interface GraphCanvasHandle {
  fit(): void;
  png(): Blob | null;
  svg(): string | null;
}

export interface GraphCanvasProps {
  elements: ElementDefinition[];
  layout: LayoutName;
  selectedId: string | null;
  onSelect?: (id: string | null) => void;
  onToggle?: (id: string) => void;
  ariaLabel: string;
  height: number | string;
  interactive?: boolean;
  onLayoutState?: (busy: boolean) => void;
  /** Exposed as window.__samlaGraph for tests and the benchmark. */
  exposeTestHook?: boolean;
}

interface TestHook {
  renderer: "cytoscape";
  cy: Core;
  nodeCount(): number;
  edgeCount(): number;
  selectedIds(): string[];
  nodeIds(): string[];
  layouts: number;
  layoutBusy: boolean;
  lastLayoutMs: number;
  lastRenderMs: number;
  webgl: boolean;
}

declare global {
  interface Window {
    __samlaGraph?: TestHook;
  }
}

export const GraphCanvas = forwardRef<GraphCanvasHandle, GraphCanvasProps>(function GraphCanvas(props, ref) {
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const hookRef = useRef<TestHook | null>(null);
  const propsRef = useRef(props);
  propsRef.current = props;
  const [ready, setReady] = useState(false);
  const webgl = props.elements.length > WEBGL_THRESHOLD && webglRequested();

  // One cytoscape instance per renderer choice.
  useEffect(() => {
    void registerExtensions();
    if (!container.current) return;
    const options: cytoscape.CytoscapeOptions = {
      container: container.current,
      style: graphStyle,
      elements: [],
      minZoom: 0.02,
      maxZoom: 4,
      wheelSensitivity: 0.3,
      // Level of detail while panning and zooming large graphs.
      textureOnViewport: true,
      hideEdgesOnViewport: true,
      motionBlur: false,
      boxSelectionEnabled: false,
      autoungrabify: !props.interactive,
      userZoomingEnabled: true,
      userPanningEnabled: true,
    };
    // cytoscape ≥ 3.31: experimental WebGL node drawing for big graphs.
    if (webgl) (options as unknown as { renderer: unknown }).renderer = { name: "canvas", webgl: true };
    const cy = cytoscape(options);
    cyRef.current = cy;
    cy.on("select", "node, edge", (event) => propsRef.current.onSelect?.(event.target.id()));
    cy.on("unselect", () => {
      // Only report "nothing selected" when nothing else got selected in the same tap.
      setTimeout(() => {
        if (cyRef.current && cyRef.current.$(":selected").length === 0) propsRef.current.onSelect?.(null);
      }, 0);
    });
    cy.on("dbltap", "node.office, node.team", (event) => propsRef.current.onToggle?.(event.target.id()));
    // Office and team names stay readable when zoomed out (issue 14): one update per frame.
    let labelFrame = 0;
    cy.on("zoom", () => {
      if (labelFrame) return;
      labelFrame = requestAnimationFrame(() => {
        labelFrame = 0;
        if (!cy.destroyed()) scaleContainerLabels(cy, cy.zoom());
      });
    });
    if (props.exposeTestHook) {
      const hook: TestHook = {
        renderer: "cytoscape",
        cy,
        nodeCount: () => cy.nodes().length,
        edgeCount: () => cy.edges().length,
        selectedIds: () => cy.$(":selected").map((e) => e.id()),
        nodeIds: () => cy.nodes().map((n) => n.id()),
        layouts: 0,
        layoutBusy: false,
        lastLayoutMs: 0,
        lastRenderMs: 0,
        webgl,
      };
      hookRef.current = hook;
      window.__samlaGraph = hook;
    }
    setReady(true);
    return () => {
      setReady(false);
      cy.destroy();
      cyRef.current = null;
      if (window.__samlaGraph === hookRef.current) delete window.__samlaGraph;
      hookRef.current = null;
    };
    // Deliberately only [webgl]: a new cytoscape instance only for a new renderer.
  }, [webgl]);

  // Lay out and place the elements whenever they or the layout change.
  useEffect(() => {
    const cy = cyRef.current;
    if (!ready || !cy) return;
    let cancelled = false;
    const started = performance.now();
    const hook = hookRef.current;
    if (hook) hook.layoutBusy = true;
    propsRef.current.onLayoutState?.(true);
    // Cytoscape measures each label once and keeps the size: measured in the fallback font
    // before Source Sans has loaded, labels and exports would be sized for the wrong font.
    Promise.all([layoutInBackground(props.layout, props.elements), graphFontsLoaded()])
      .then(([result]) => {
        if (cancelled || cy.destroyed()) return;
        const placed = performance.now();
        cy.batch(() => {
          cy.elements().remove();
          cy.add(
            props.elements.map((element) =>
              element.group === "nodes" && result.positions[element.data.id!]
                ? { ...element, position: result.positions[element.data.id!] }
                : element,
            ),
          );
        });
        cy.layout({ name: "preset", fit: true, padding: 24 }).run();
        scaleContainerLabels(cy, cy.zoom(), true);
        const selectedId = propsRef.current.selectedId;
        if (selectedId) selectAndReveal(cy, selectedId);
        performance.mark("samla-graph:layout-done");
        if (hook) {
          hook.layouts += 1;
          hook.layoutBusy = false;
          hook.lastLayoutMs = result.ms;
          hook.lastRenderMs = performance.now() - started;
          performance.measure("samla-graph:place", { start: placed, end: performance.now() });
        }
        propsRef.current.onLayoutState?.(false);
      })
      .catch((error: unknown) => {
        console.error(error);
        if (hook) hook.layoutBusy = false;
        propsRef.current.onLayoutState?.(false);
      });
    return () => {
      cancelled = true;
    };
  }, [ready, props.elements, props.layout]);

  // Selection from outside (search, tree, table, URL).
  useEffect(() => {
    const cy = cyRef.current;
    if (!ready || !cy) return;
    const current = cy.$(":selected").map((e) => e.id());
    if (props.selectedId && (current.length !== 1 || current[0] !== props.selectedId)) {
      selectAndReveal(cy, props.selectedId);
    } else if (!props.selectedId && current.length > 0) {
      cy.$(":selected").unselect();
    }
  }, [ready, props.selectedId]);

  useImperativeHandle(ref, () => ({
    fit: () => cyRef.current?.fit(undefined, 24),
    // Exports show the whole graph whatever the user has zoomed to (issue 14): a crop of
    // the viewport after selecting a person was half empty and missed most of the graph.
    // The image has its own zoom (its scale), so labels are sized for that while it is drawn.
    png: () => {
      const cy = cyRef.current;
      if (!cy) return null;
      const size = pngSize(cy);
      return withLabelsFor(cy, "scale" in size ? size.scale : 1, () => cy.png({ output: "blob", full: true, bg: "#ffffff", ...size }) as Blob);
    },
    svg: () => {
      const cy = cyRef.current as (Core & { svg?: (options: object) => string }) | null;
      return cy?.svg ? withLabelsFor(cy, 1, () => cy.svg!({ full: true, bg: "#ffffff" })) : null;
    },
  }));

  return (
    <div
      ref={container}
      role="img"
      aria-label={props.ariaLabel}
      data-testid="graph-canvas"
      data-selected={props.selectedId ?? ""}
      className="samla-graph-canvas"
      style={{ height: props.height, width: "100%" }}
    />
  );
});

/** The graph's label font in the weights its style uses (one variable font file). */
function graphFontsLoaded(): Promise<unknown> {
  if (typeof document === "undefined" || !document.fonts) return Promise.resolve();
  return Promise.all(["400", "600", "700"].map((weight) => document.fonts.load(`${weight} 11px "Source Sans 3 Variable"`))).catch(() => undefined);
}

/** Largest PNG side in pixels: a national graph at scale 2 would exceed what a canvas can hold. */
export const PNG_MAX_SIDE = 8000;

/** Twice the graph's own size (sharp when printed), shrunk to fit PNG_MAX_SIDE for big graphs. */
function pngSize(cy: Core): { scale: number } | { maxWidth: number; maxHeight: number } {
  const box = cy.elements().boundingBox();
  return Math.max(box.w, box.h) * 2 > PNG_MAX_SIDE ? { maxWidth: PNG_MAX_SIDE, maxHeight: PNG_MAX_SIDE } : { scale: 2 };
}

/** Space kept around an element the view moves to. */
const REVEAL_PADDING = 40;

/** Zoom at which the element (an office with all its people) fits the viewport with padding. */
export function zoomToFit(box: { w: number; h: number }, viewport: { width: number; height: number }, padding = REVEAL_PADDING): number {
  const width = Math.max(viewport.width - 2 * padding, 1);
  const height = Math.max(viewport.height - 2 * padding, 1);
  return Math.min(width / Math.max(box.w, 1), height / Math.max(box.h, 1));
}

function selectAndReveal(cy: Core, id: string) {
  const element = cy.getElementById(id);
  if (element.empty()) return;
  cy.$(":selected").not(element).unselect();
  if (!element.selected()) element.select();
  // Jump to it when it is off screen or too small to read, zooming in to 0.8 at most and
  // never further than keeps all of it in view: an expanded office shows all its people,
  // not the few that fit at a fixed zoom (issue 14).
  const extent = cy.extent();
  const box = element.boundingBox();
  const visible = box.x1 >= extent.x1 && box.x2 <= extent.x2 && box.y1 >= extent.y1 && box.y2 <= extent.y2;
  if (visible && cy.zoom() >= 0.5) return;
  const zoom = Math.min(Math.max(cy.zoom(), 0.8), zoomToFit(box, { width: cy.width(), height: cy.height() }), cy.maxZoom());
  const centre = { x: (box.x1 + box.x2) / 2, y: (box.y1 + box.y2) / 2 };
  cy.animate({ zoom, pan: { x: cy.width() / 2 - zoom * centre.x, y: cy.height() / 2 - zoom * centre.y } }, { duration: 200 });
}

/**
 * Office and team names are enlarged when zoomed out, so that they render at about
 * LABEL_MIN_PX (readable) rather than vanishing below the style's min-zoomed-font-size;
 * by at most OFFICE_LABEL_MAX_SCALE / CONTAINER_LABEL_MAX_SCALE for an expanded office or team
 * (its name sits above a large box) and COLLAPSED_LABEL_MAX_SCALE for a collapsed one (a small box among
 * others, whose name would run over its neighbours). People's names keep their size and
 * appear when zoomed in. Style bypasses on these few nodes, nothing else is restyled.
 */
export const LABEL_MIN_PX = 12;
const CONTAINER_LABEL_MAX_SCALE = 5;
/** An expanded office's name sits above the whole office, so it may grow further. */
const OFFICE_LABEL_MAX_SCALE = 6;
const COLLAPSED_LABEL_MAX_SCALE = 2;
const BASE_LABEL = { office: { size: 14, width: 140 }, team: { size: 11, width: 140 } } as const;

/** How much a label of `size` px is enlarged at `zoom`. */
export function labelScale(size: number, zoom: number, maxScale: number): number {
  return Math.min(Math.max(LABEL_MIN_PX / (size * zoom), 1), maxScale);
}

function scaleContainerLabels(cy: Core, zoom: number, force = false) {
  const scratch = cy.scratch("_samlaLabelZoom") as number | undefined;
  // Skip tiny zoom steps: restyling on every wheel tick is wasted work.
  if (!force && scratch && Math.abs(zoom / scratch - 1) < 0.05) return;
  cy.scratch("_samlaLabelZoom", zoom);
  cy.batch(() => {
    for (const kind of ["office", "team"] as const) {
      const base = BASE_LABEL[kind];
      for (const [selector, maxScale] of [
        [`node.${kind}:parent`, kind === "office" ? OFFICE_LABEL_MAX_SCALE : CONTAINER_LABEL_MAX_SCALE],
        [`node.${kind}:childless`, COLLAPSED_LABEL_MAX_SCALE],
      ] as const) {
        const scale = labelScale(base.size, zoom, maxScale);
        cy.nodes(selector).style({ "font-size": base.size * scale, "text-max-width": `${Math.round(base.width * scale)}px` });
      }
    }
  });
}

/** Runs `draw` with labels sized for `zoom` (an export's scale), then restores them. */
function withLabelsFor<T>(cy: Core, zoom: number, draw: () => T): T {
  scaleContainerLabels(cy, zoom, true);
  try {
    return draw();
  } finally {
    scaleContainerLabels(cy, cy.zoom(), true);
  }
}
