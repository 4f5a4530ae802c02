// The overview canvas: the national view and any graph too big for cytoscape (issue 15).
// Nested circles (pack-layout.ts) drawn on a 2D canvas (draw.ts) with level of detail;
// d3-zoom handles the mouse, wheel and touch; the keyboard pans and zooms too.
import { select } from "d3-selection";
import { zoom as d3Zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from "d3-zoom";
import { forwardRef, useEffect, useImperativeHandle, useMemo, useRef } from "react";
import type { GraphCanvasHandle } from "../GraphCanvas";
import type { FilteredGraph } from "../model";
import { drawScene, type Camera, type DrawStats } from "./draw";
import { exportPng, exportSvg } from "./export";
import { semanticZoomChanges, PERSON_LABEL_MIN_PX } from "./level-of-detail";
import { packGraph, PERSON_RADIUS } from "./pack-layout";
import { buildScene, nodeAt, type Scene, type SceneTexts } from "./scene";

export interface OverviewCanvasProps {
  graph: FilteredGraph;
  /** Changes when the scope changes: the view is fitted anew then, not on every expansion. */
  scopeKey: string;
  texts: SceneTexts;
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  onToggle: (id: string) => void;
  /** Semantic zoom (national view): offices zooming opens and folds; null turns it off. */
  semanticZoom: null | {
    expanded(id: string): boolean;
    /** true/false when the user opened/folded the office themselves; null otherwise. */
    explicit(id: string): boolean | null;
    onChange(expand: string[], fold: string[]): void;
  };
  /** Office contents still being fetched: the view is not complete yet. */
  loading: boolean;
  ariaLabel: string;
  height: number | string;
  exposeTestHook?: boolean;
}

/** What the overview exposes as window.__samlaGraph for tests and the benchmark. */
export interface OverviewTestHook {
  renderer: "overview";
  layouts: number;
  layoutBusy: boolean;
  lastLayoutMs: number;
  lastRenderMs: number;
  frames: number;
  /** performance.now() of the last frame drawn. */
  lastFrameAt: number;
  nodeIds(): string[];
  selectedIds(): string[];
  nodeCount(): number;
  edgeCount(): number;
  camera(): Camera;
  drawn(): DrawStats;
  /** The nodes drawn directly inside this one (an office's teams, a team's people). */
  childrenOf(id: string): string[];
  /** Where a node is on screen, relative to the canvas (px), or null when it is not drawn. */
  screenPosition(id: string): { x: number; y: number; r: number } | null;
}

const MIN_ZOOM = 0.005;
const MAX_ZOOM = 8;

export const OverviewCanvas = forwardRef<GraphCanvasHandle, OverviewCanvasProps>(function OverviewCanvas(props, ref) {
  const host = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const propsRef = useRef(props);
  propsRef.current = props;
  const camera = useRef<Camera>({ k: 1, x: 0, y: 0 });
  const zoomBehaviour = useRef<ZoomBehavior<HTMLCanvasElement, unknown> | null>(null);
  const size = useRef({ width: 0, height: 0 });
  const lastStats = useRef<DrawStats>({ offices: 0, teams: 0, people: 0, labels: 0, edges: 0, badges: 0, labelled: [] });
  const frame = useRef(0);
  const fittedScope = useRef<string | null>(null);
  const hook = useRef<OverviewTestHook | null>(null);
  const clickedId = useRef<string | null>(null);
  const revealedId = useRef<string | null>(null);
  const keyTimer = useRef<ReturnType<typeof setTimeout>>();

  // Layout and scene: only offices whose contents changed are laid out again (pack-layout).
  const started = typeof performance !== "undefined" ? performance.now() : 0;
  const scene = useMemo<Scene>(() => {
    const layout = packGraph(props.graph);
    return buildScene(props.graph, layout, props.texts, PERSON_RADIUS);
  }, [props.graph, props.texts]);
  const sceneRef = useRef(scene);
  sceneRef.current = scene;

  const requestDraw = () => {
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      const element = canvas.current;
      const context = element?.getContext("2d", { alpha: false });
      if (!element || !context) return;
      const ratio = window.devicePixelRatio || 1;
      context.setTransform(ratio, 0, 0, ratio, 0, 0);
      lastStats.current = drawScene(context, sceneRef.current, camera.current, size.current, propsRef.current.selectedId);
      if (hook.current) {
        hook.current.frames += 1;
        hook.current.lastFrameAt = performance.now();
      }
    });
  };

  const setCamera = (transform: { k: number; x: number; y: number }) => {
    const element = canvas.current;
    if (!element || !zoomBehaviour.current) return;
    select(element).call(zoomBehaviour.current.transform, zoomIdentity.translate(transform.x, transform.y).scale(transform.k));
  };

  const fitTo = (circle: { x: number; y: number; r: number }, share = 0.9) => {
    const { width, height } = size.current;
    if (!width || !height) return;
    const k = Math.min(Math.max((share * Math.min(width, height)) / (2 * Math.max(circle.r, 1)), MIN_ZOOM), MAX_ZOOM);
    setCamera({ k, x: width / 2 - circle.x * k, y: height / 2 - circle.y * k });
  };

  // Canvas size follows its box; the drawing buffer follows the device's pixel ratio.
  useEffect(() => {
    const element = canvas.current;
    const box = host.current;
    if (!element || !box) return;
    const resize = () => {
      const ratio = window.devicePixelRatio || 1;
      const { width, height } = box.getBoundingClientRect();
      size.current = { width, height };
      element.width = Math.max(1, Math.round(width * ratio));
      element.height = Math.max(1, Math.round(height * ratio));
      element.style.width = `${width}px`;
      element.style.height = `${height}px`;
      requestDraw();
    };
    const observer = new ResizeObserver(resize);
    observer.observe(box);
    resize();
    return () => observer.disconnect();
    // requestDraw reads refs only.
  }, []);

  // Mouse, wheel and touch through d3-zoom; a click selects, a double click opens/folds.
  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    let semanticTimer: ReturnType<typeof setTimeout> | undefined;
    const behaviour = d3Zoom<HTMLCanvasElement, unknown>()
      .scaleExtent([MIN_ZOOM, MAX_ZOOM])
      // d3-zoom's default: no right button, no ctrl-drag (ctrl+wheel is a pinch).
      .filter((event: MouseEvent) => (!event.ctrlKey || event.type === "wheel") && !event.button)
      .on("zoom", (event: { transform: ZoomTransform }) => {
        camera.current = { k: event.transform.k, x: event.transform.x, y: event.transform.y };
        requestDraw();
      })
      .on("end", () => {
        clearTimeout(semanticTimer);
        semanticTimer = setTimeout(applySemanticZoom, 120);
      });
    zoomBehaviour.current = behaviour;
    const selection = select(element).call(behaviour).on("dblclick.zoom", null);
    const pointToLayout = (event: MouseEvent) => {
      const rect = element.getBoundingClientRect();
      const { k, x, y } = camera.current;
      return [(event.clientX - rect.left - x) / k, (event.clientY - rect.top - y) / k] as const;
    };
    const onClick = (event: MouseEvent) => {
      const [x, y] = pointToLayout(event);
      const id = nodeAt(sceneRef.current, x, y)?.id ?? null;
      // What the user clicked is where they are looking: the view does not jump to it.
      clickedId.current = id;
      propsRef.current.onSelect(id);
    };
    const onDoubleClick = (event: MouseEvent) => {
      const [x, y] = pointToLayout(event);
      const hit = nodeAt(sceneRef.current, x, y);
      if (hit && (hit.node.type === "OFFICE" || hit.node.type === "TEAM")) propsRef.current.onToggle(hit.id);
    };
    element.addEventListener("click", onClick);
    element.addEventListener("dblclick", onDoubleClick);
    return () => {
      clearTimeout(semanticTimer);
      selection.on(".zoom", null);
      element.removeEventListener("click", onClick);
      element.removeEventListener("dblclick", onDoubleClick);
      zoomBehaviour.current = null;
    };
  }, []);

  function applySemanticZoom() {
    const semantic = propsRef.current.semanticZoom;
    if (!semantic) return;
    const { k, x, y } = camera.current;
    const { width, height } = size.current;
    const offices = sceneRef.current.groups
      .filter((group) => group.office.node.type === "OFFICE")
      .map((group) => {
        const office = group.office;
        const [cx, cy, r] = [office.x * k + x, office.y * k + y, office.r * k];
        return {
          id: office.id,
          radiusPx: r,
          visible: cx + r >= 0 && cx - r <= width && cy + r >= 0 && cy - r <= height,
          expanded: semantic.expanded(office.id),
          explicit: semantic.explicit(office.id),
        };
      });
    const changes = semanticZoomChanges(offices, Math.min(width, height));
    if (changes.expand.length > 0 || changes.fold.length > 0) semantic.onChange(changes.expand, changes.fold);
  }

  // The test hook first: effects run in order, and the scene effect below counts layouts on it.
  useEffect(() => {
    if (!props.exposeTestHook) return;
    const testHook: OverviewTestHook = {
      renderer: "overview",
      layouts: 0,
      layoutBusy: false,
      lastLayoutMs: 0,
      lastRenderMs: 0,
      frames: 0,
      lastFrameAt: 0,
      nodeIds: () => [...sceneRef.current.byId.keys()],
      selectedIds: () => (propsRef.current.selectedId ? [propsRef.current.selectedId] : []),
      nodeCount: () => sceneRef.current.byId.size,
      edgeCount: () => sceneRef.current.reportsTo.length + sceneRef.current.delivers.length + sceneRef.current.mergesInto.length,
      camera: () => ({ ...camera.current }),
      childrenOf: (id) => [...sceneRef.current.byId.values()].filter((item) => item.node.parent === id).map((item) => item.id),
      drawn: () => ({ ...lastStats.current }),
      screenPosition: (id) => {
        const item = sceneRef.current.byId.get(id);
        if (!item) return null;
        const { k, x, y } = camera.current;
        return { x: item.x * k + x, y: item.y * k + y, r: item.r * k };
      },
    };
    hook.current = testHook;
    (window as unknown as { __samlaGraph?: unknown }).__samlaGraph = testHook;
    return () => {
      if ((window as unknown as { __samlaGraph?: unknown }).__samlaGraph === testHook) delete (window as unknown as { __samlaGraph?: unknown }).__samlaGraph;
      hook.current = null;
    };
  }, [props.exposeTestHook]);

  // A new scene: fit once per scope, otherwise keep the user's view (positions are stable).
  useEffect(() => {
    if (fittedScope.current !== props.scopeKey) {
      fittedScope.current = props.scopeKey;
      fitTo(scene.bounds);
    }
    requestDraw();
    if (hook.current) {
      hook.current.layouts += 1;
      hook.current.layoutBusy = propsRef.current.loading;
      hook.current.lastLayoutMs = performance.now() - started;
      hook.current.lastRenderMs = performance.now() - started;
    }
    performance.mark("samla-graph:layout-done");
    // fitTo/requestDraw read refs; `started` belongs to this render.
  }, [scene, props.scopeKey]);

  useEffect(() => {
    if (hook.current) hook.current.layoutBusy = props.loading;
  }, [props.loading]);

  // Selection from outside (search, tree, table, URL): show it, readable, once. (The scene is
  // a dependency for a selection whose office is still loading; a later scene, e.g. an office
  // opened by zooming elsewhere, must not pull the view back to it.)
  useEffect(() => {
    requestDraw();
    const target = props.selectedId ? scene.byId.get(props.selectedId) : undefined;
    if (!target || clickedId.current === props.selectedId || revealedId.current === props.selectedId) return;
    revealedId.current = props.selectedId;
    const { k, x, y } = camera.current;
    const { width, height } = size.current;
    const [cx, cy, r] = [target.x * k + x, target.y * k + y, target.r * k];
    const onScreen = cx - r >= 0 && cx + r <= width && cy - r >= 0 && cy + r <= height;
    const readable = target.node.type === "PERSON" ? r >= PERSON_LABEL_MIN_PX : r >= 30;
    if (onScreen && readable) return;
    if (target.node.type === "PERSON") {
      const team = target.node.parent ? scene.byId.get(target.node.parent) : undefined;
      const kPerson = Math.max((PERSON_LABEL_MIN_PX * 1.5) / target.r, k);
      const kTeam = team ? (0.8 * Math.min(width, height)) / (2 * team.r) : kPerson;
      const zoomTo = Math.min(Math.max(kPerson, Math.min(kTeam, kPerson * 2)), MAX_ZOOM);
      setCamera({ k: zoomTo, x: width / 2 - target.x * zoomTo, y: height / 2 - target.y * zoomTo });
    } else fitTo(target, 0.8);
  }, [props.selectedId, scene]);


  useImperativeHandle(ref, () => ({
    fit: () => fitTo(sceneRef.current.bounds),
    png: () => exportPng(sceneRef.current),
    svg: () => exportSvg(sceneRef.current),
  }));

  // Keyboard: arrows pan, + and - zoom, 0 fits. (The tree and table are the full alternatives.)
  const onKeyDown = (event: React.KeyboardEvent) => {
    const element = canvas.current;
    const behaviour = zoomBehaviour.current;
    if (!element || !behaviour) return;
    const step = 80;
    const moves: Record<string, [number, number]> = { ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
    if (moves[event.key]) {
      const [dx, dy] = moves[event.key]!;
      setCamera({ ...camera.current, x: camera.current.x + dx, y: camera.current.y + dy });
    } else if (event.key === "+" || event.key === "=" || event.key === "-") {
      select(element).call(behaviour.scaleBy, event.key === "-" ? 1 / 1.5 : 1.5);
    } else if (event.key === "0") fitTo(sceneRef.current.bounds);
    else return;
    event.preventDefault();
    clearTimeout(keyTimer.current);
    keyTimer.current = setTimeout(applySemanticZoom, 300);
  };

  return (
    <div ref={host} className="samla-graph-canvas samla-graph-overview" style={{ height: props.height, width: "100%" }} data-testid="graph-canvas" data-selected={props.selectedId ?? ""}>
      <canvas ref={canvas} role="img" aria-label={props.ariaLabel} tabIndex={0} onKeyDown={onKeyDown} />
    </div>
  );
});
