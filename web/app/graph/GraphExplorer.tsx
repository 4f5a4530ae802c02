// The organisation graph explorer: scope, search, filters, layouts, the canvas or its text
// alternatives, a side panel and a legend. All view state lives in the URL's search params.
import { ArrowsSquarepathIcon, DownloadIcon, ExpandIcon } from "@navikt/aksel-icons";
import {
  BodyShort,
  Button,
  Heading,
  HStack,
  Link,
  Select,
  Switch,
  ToggleGroup,
  UNSAFE_Combobox,
  VStack,
} from "@navikt/ds-react";
import { Link as RemixLink, useSearchParams } from "@remix-run/react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { EmptyState, ErrorState, LoadingMessage } from "../components/States";
import { GraphCanvas, type GraphCanvasHandle } from "./GraphCanvas";
import { GraphTable, GraphTree } from "./GraphAlternatives";
import { GraphLegend } from "./GraphLegend";
import { useNationalGraph } from "./overview/national-data";
import { OverviewCanvas } from "./overview/OverviewCanvas";
import {
  fetchOrgGraph,
  fetchScopeOptions,
  filterGraph,
  hasScope,
  readViewState,
  searchOptions,
  toElements,
  writeViewState,
  type FilteredGraph,
  type OrgGraphData,
  type ScopeOptions,
  type ViewNode,
  type ViewState,
} from "./model";
import { formatFte, gt } from "./texts";
import "./graph.css";

type Loaded = { status: "loading" } | { status: "error"; error: unknown } | { status: "ok"; data: OrgGraphData };

const ROLE_CATEGORIES = ["LEADER", "CASEWORKER", "ADVISER", "SPECIALIST", "SUPPORT"] as const;
const countText = (teams: number, people: number) => gt("graph.count", { teams, people });

export function GraphExplorer() {
  const [searchParams, setSearchParams] = useSearchParams();
  const state = useMemo(() => readViewState(searchParams), [searchParams]);
  const update = useCallback(
    (change: Partial<ViewState>) => {
      setSearchParams((current) => writeViewState({ ...readViewState(current), ...change }), { replace: true });
    },
    [setSearchParams],
  );

  const [options, setOptions] = useState<ScopeOptions | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    fetchScopeOptions(controller.signal).then(setOptions, (error: unknown) => {
      if (!controller.signal.aborted) console.error(error);
    });
    return () => controller.abort();
  }, []);

  // The national view loads its offices folded, then each open office's contents (national-data.ts).
  const scopeKey = JSON.stringify([state.all, state.officeIds, state.mergerId]);
  const [zoomOpened, setZoomOpened] = useState<string[]>([]);
  useEffect(() => setZoomOpened([]), [scopeKey]);
  const openOfficeIds = useMemo(() => {
    if (state.everyone) return null;
    const folded = new Set(state.collapsedIds);
    return [...new Set([...state.expandedOfficeIds, ...zoomOpened])].filter((id) => !folded.has(id));
  }, [state.everyone, state.expandedOfficeIds, state.collapsedIds, zoomOpened]);
  const national = useNationalGraph(state.all, openOfficeIds, state.all ? state.selectedId : null);
  const [fetched, setLoaded] = useState<Loaded>({ status: "loading" });
  const loaded: Loaded = state.all ? (national.status === "ok" ? { status: "ok", data: national.data } : national) : fetched;
  useEffect(() => {
    if (!hasScope(state) || state.all) return;
    const controller = new AbortController();
    setLoaded((current) => (current.status === "ok" ? current : { status: "loading" }));
    fetchOrgGraph(state, controller.signal).then(
      (data) => {
        performance.mark("samla-graph:data");
        setLoaded({ status: "ok", data });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setLoaded({ status: "error", error });
      },
    );
    return () => controller.abort();
    // Deliberately only [scopeKey]: refetch when the scope changes, not for filters.
  }, [scopeKey]);

  const filtered = useMemo(
    () =>
      loaded.status === "ok"
        ? filterGraph(loaded.data, {
            employer: state.employer,
            roleCategory: state.roleCategory,
            serviceId: state.serviceId,
            teamId: state.teamId,
            collapsedIds: state.collapsedIds,
          })
        : null,
    [loaded, state.employer, state.roleCategory, state.serviceId, state.teamId, state.collapsedIds],
  );

  return (
    <VStack gap="space-24">
      <VStack gap="space-8">
        <Heading level="1" size="xlarge">
          {gt("graph.title")}
        </Heading>
        <BodyShort>{gt("graph.intro")}</BodyShort>
      </VStack>
      <ScopePicker state={state} options={options} onChange={update} />
      {!hasScope(state) ? (
        <EmptyState title={gt("graph.noScope.title")}>
          <BodyShort>{gt("graph.noScope.body")}</BodyShort>
        </EmptyState>
      ) : loaded.status === "loading" ? (
        <LoadingMessage text={gt("graph.loading")} />
      ) : loaded.status === "error" ? (
        <ErrorState title={gt("graph.error")} error={loaded.error} />
      ) : (
        <GraphWorkspace
          state={state}
          update={update}
          data={loaded.data}
          filtered={filtered!}
          scopeKey={scopeKey}
          loadingOfficeIds={national.status === "ok" ? national.loadingOfficeIds : NO_IDS}
          zoomOpened={zoomOpened}
          onZoomOpened={setZoomOpened}
        />
      )}
    </VStack>
  );
}

function ScopePicker({
  state,
  options,
  onChange,
}: {
  state: ViewState;
  options: ScopeOptions | null;
  onChange: (change: Partial<ViewState>) => void;
}) {
  const mode = state.all ? "all" : state.mergerId ? "merger" : "offices";
  const officeOptions = useMemo(
    () => (options?.offices ?? []).map((o) => ({ label: `${o.name} (${o.code})`, value: o.id })),
    [options],
  );
  const selectedOffices = officeOptions.filter((o) => state.officeIds.includes(o.value));
  const reset = { expandedOfficeIds: [], collapsedIds: [], selectedId: null, teamId: null, serviceId: null };
  return (
    <fieldset className="samla-graph-toolbar" style={{ border: 0, padding: 0, margin: 0 }}>
      <legend className="aksel-sr-only">{gt("graph.scope.legend")}</legend>
      <ToggleGroup
        size="small"
        label={gt("graph.scope.legend")}
        value={mode}
        onChange={(value) => {
          if (value === "all") onChange({ ...reset, all: true, officeIds: [], mergerId: null });
          else if (value === "merger") onChange({ ...reset, all: false, officeIds: [], mergerId: options?.mergers[0]?.id ?? null });
          else onChange({ ...reset, all: false, mergerId: null });
        }}
      >
        <ToggleGroup.Item value="offices" label={gt("graph.scope.offices")} />
        <ToggleGroup.Item value="merger" label={gt("graph.scope.merger")} />
        <ToggleGroup.Item value="all" label={gt("graph.scope.all")} />
      </ToggleGroup>
      {mode === "offices" && (
        <div style={{ minWidth: "20rem", flex: 1 }}>
          <UNSAFE_Combobox
            size="small"
            label={gt("graph.scope.chooseOffices")}
            isMultiSelect
            options={officeOptions}
            selectedOptions={selectedOffices}
            isLoading={!options}
            onToggleSelected={(value, selected) =>
              onChange({
                ...reset,
                officeIds: selected ? [...state.officeIds, value] : state.officeIds.filter((id) => id !== value),
              })
            }
          />
        </div>
      )}
      {mode === "merger" && (
        <Select
          size="small"
          label={gt("graph.scope.chooseMerger")}
          value={state.mergerId ?? ""}
          onChange={(event) => onChange({ ...reset, mergerId: event.target.value || null })}
        >
          <option value="">{gt("graph.scope.noMerger")}</option>
          {(options?.mergers ?? []).map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </Select>
      )}
    </fieldset>
  );
}

const NO_IDS: ReadonlySet<string> = new Set();

/** Above this many nodes the overview canvas draws the graph: cytoscape cannot keep up (issue 15). */
export const OVERVIEW_THRESHOLD = 1500;

function cytoscapeRequested(): boolean {
  return typeof location !== "undefined" && new URLSearchParams(location.search).get("renderer") === "cytoscape";
}

const sceneTexts = {
  count: countText,
  teamBadge: (people: number, fte: number) => gt("graph.teamBadge", { people, fte: formatFte(fte) }),
};

function GraphWorkspace({
  state,
  update,
  data,
  filtered,
  scopeKey,
  loadingOfficeIds,
  zoomOpened,
  onZoomOpened,
}: {
  state: ViewState;
  update: (change: Partial<ViewState>) => void;
  data: OrgGraphData;
  filtered: FilteredGraph;
  scopeKey: string;
  loadingOfficeIds: ReadonlySet<string>;
  zoomOpened: string[];
  onZoomOpened: (ids: string[]) => void;
}) {
  const canvas = useRef<GraphCanvasHandle>(null);
  const [layoutBusy, setLayoutBusy] = useState(false);
  // The national view and big graphs are drawn by the overview canvas, the rest by cytoscape.
  // `renderer=cytoscape` in the URL forces cytoscape, for the benchmark's comparison.
  const overview = !cytoscapeRequested() && (state.all || filtered.nodes.length > OVERVIEW_THRESHOLD);
  const elements = useMemo(() => (overview ? [] : toElements(filtered, countText)), [filtered, overview]);
  const selected = state.selectedId ? filtered.byId.get(state.selectedId) ?? null : null;

  const select = useCallback((id: string | null) => update({ selectedId: id }), [update]);
  const officeOpen = useCallback(
    (id: string) => state.everyone || ((state.expandedOfficeIds.includes(id) || zoomOpened.includes(id)) && !state.collapsedIds.includes(id)),
    [state.everyone, state.expandedOfficeIds, state.collapsedIds, zoomOpened],
  );
  const semanticZoom = useMemo(
    () =>
      state.all && !state.everyone
        ? {
            expanded: officeOpen,
            explicit: (id: string) => (state.expandedOfficeIds.includes(id) ? true : state.collapsedIds.includes(id) ? false : null),
            onChange: (expand: string[], fold: string[]) =>
              onZoomOpened([...zoomOpened.filter((id) => !fold.includes(id)), ...expand.filter((id) => !zoomOpened.includes(id))]),
          }
        : null,
    [state.all, state.everyone, state.expandedOfficeIds, state.collapsedIds, officeOpen, zoomOpened, onZoomOpened],
  );
  const toggle = useCallback(
    (id: string) => {
      const node = data.nodes.find((n) => n.id === id);
      if (!node) return;
      // National view: an explicit choice, kept in the URL, that zooming does not override.
      if (state.all && node.type === "OFFICE") {
        const open = officeOpen(id);
        // Selecting it in the same change: a double click's first click selected it, and two
        // quick URL updates would otherwise race (the second is computed from the params of
        // the last render, without the first).
        update({
          selectedId: id,
          expandedOfficeIds: open ? state.expandedOfficeIds.filter((x) => x !== id) : [...state.expandedOfficeIds, id],
          collapsedIds: open ? [...state.collapsedIds.filter((x) => x !== id), id] : state.collapsedIds.filter((x) => x !== id),
        });
        return;
      }
      const collapsed = state.collapsedIds.includes(id)
        ? state.collapsedIds.filter((x) => x !== id)
        : [...state.collapsedIds, id];
      update({ collapsedIds: collapsed });
    },
    [data, state.all, state.expandedOfficeIds, state.collapsedIds, officeOpen, update],
  );

  const services = data.nodes.filter((n) => n.type === "SERVICE");
  const teams = data.nodes.filter((n) => n.type === "TEAM");
  const counts = {
    offices: filtered.nodes.filter((n) => n.type === "OFFICE").length,
    teams: filtered.nodes.filter((n) => n.type === "TEAM").length,
    people: filtered.nodes.filter((n) => n.type === "PERSON").length,
    services: filtered.nodes.filter((n) => n.type === "SERVICE").length,
  };
  const collapsedOffices = filtered.nodes.filter((n) => n.type === "OFFICE" && n.isCollapsed).length;
  const summary =
    gt("graph.summary", counts) +
    (collapsedOffices > 0 ? ` ${gt("graph.summary.collapsed", { count: collapsedOffices })}` : "") +
    (loadingOfficeIds.size > 0 ? ` ${gt("graph.summary.loadingOffices", { count: loadingOfficeIds.size })}` : "");

  const download = (content: Blob, name: string) => {
    const url = URL.createObjectURL(content);
    const anchor = document.createElement("a");
    anchor.href = url;
    anchor.download = name;
    document.body.append(anchor);
    anchor.click();
    anchor.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  return (
    <VStack gap="space-16">
      <SearchBox graph={filtered} onPick={select} />
      <div className="samla-graph-toolbar" role="group" aria-label={gt("graph.filters")}>
        <Select
          size="small"
          label={gt("graph.filter.employer")}
          value={state.employer ?? ""}
          onChange={(e) => update({ employer: (e.target.value || null) as ViewState["employer"] })}
        >
          <option value="">{gt("graph.filter.all")}</option>
          <option value="STATE">{gt("graph.employer.STATE")}</option>
          <option value="MUNICIPAL">{gt("graph.employer.MUNICIPAL")}</option>
        </Select>
        <Select
          size="small"
          label={gt("graph.filter.roleCategory")}
          value={state.roleCategory ?? ""}
          onChange={(e) => update({ roleCategory: e.target.value || null })}
        >
          <option value="">{gt("graph.filter.all")}</option>
          {ROLE_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {gt(`graph.roleCategory.${c}`)}
            </option>
          ))}
        </Select>
        <Select
          size="small"
          label={gt("graph.filter.service")}
          value={state.serviceId ?? ""}
          onChange={(e) => update({ serviceId: e.target.value || null })}
        >
          <option value="">{gt("graph.filter.all")}</option>
          {services.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </Select>
        <Select size="small" label={gt("graph.filter.team")} value={state.teamId ?? ""} onChange={(e) => update({ teamId: e.target.value || null })}>
          <option value="">{gt("graph.filter.all")}</option>
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.label}
            </option>
          ))}
        </Select>
        <Button
          size="small"
          variant="tertiary"
          onClick={() => update({ employer: null, roleCategory: null, serviceId: null, teamId: null })}
        >
          {gt("graph.filter.clear")}
        </Button>
      </div>
      <HStack gap="space-16" align="end" wrap>
        <ToggleGroup size="small" label={gt("graph.view")} value={state.view} onChange={(value) => update({ view: value as ViewState["view"] })}>
          <ToggleGroup.Item value="graf" label={gt("graph.view.graph")} />
          <ToggleGroup.Item value="tre" label={gt("graph.view.tree")} />
          <ToggleGroup.Item value="tabell" label={gt("graph.view.table")} />
        </ToggleGroup>
        {state.view === "graf" && (
          <>
            {!overview && (
              <ToggleGroup size="small" label={gt("graph.layout")} value={state.layout} onChange={(value) => update({ layout: value as ViewState["layout"] })}>
                <ToggleGroup.Item value="fcose" label={gt("graph.layout.fcose")} />
                <ToggleGroup.Item value="dagre" label={gt("graph.layout.dagre")} />
              </ToggleGroup>
            )}
            {state.all && (
              <Switch size="small" checked={state.everyone} onChange={(event) => update({ everyone: event.target.checked, expandedOfficeIds: [], collapsedIds: [] })}>
                {gt("graph.everyone")}
              </Switch>
            )}
            <Button size="small" variant="secondary" icon={<ExpandIcon aria-hidden />} onClick={() => canvas.current?.fit()}>
              {gt("graph.fit")}
            </Button>
            <Button
              size="small"
              variant="secondary"
              icon={<DownloadIcon aria-hidden />}
              onClick={() => {
                const png = canvas.current?.png();
                if (png) download(png, "organisasjonskart.png");
              }}
            >
              {gt("graph.exportPng")}
            </Button>
            <Button
              size="small"
              variant="secondary"
              icon={<DownloadIcon aria-hidden />}
              onClick={() => {
                const svg = canvas.current?.svg();
                if (svg) download(new Blob([svg], { type: "image/svg+xml" }), "organisasjonskart.svg");
              }}
            >
              {gt("graph.exportSvg")}
            </Button>
          </>
        )}
      </HStack>
      <BodyShort aria-live="polite" data-testid="graph-summary">
        {summary}
      </BodyShort>
      {filtered.nodes.length === 0 ? (
        <EmptyState title={gt("graph.empty.title")}>
          <BodyShort>{gt("graph.empty.body")}</BodyShort>
        </EmptyState>
      ) : (
        <div className="samla-graph-layout">
          <div>
            {state.view === "graf" && (
              <>
                {overview && <BodyShort size="small" className="samla-graph-hint">{gt(state.all ? "graph.overview.hintNational" : "graph.overview.hint")}</BodyShort>}
                {layoutBusy && <LoadingMessage text={gt("graph.layingOut")} />}
                {overview ? (
                  <OverviewCanvas
                    ref={canvas}
                    graph={filtered}
                    scopeKey={scopeKey}
                    texts={sceneTexts}
                    selectedId={state.selectedId}
                    onSelect={select}
                    onToggle={toggle}
                    semanticZoom={semanticZoom}
                    loading={loadingOfficeIds.size > 0}
                    ariaLabel={`${gt("graph.canvas")} ${summary}`}
                    height="70vh"
                    exposeTestHook
                  />
                ) : (
                <GraphCanvas
                  ref={canvas}
                  elements={elements}
                  layout={state.layout}
                  selectedId={state.selectedId}
                  onSelect={select}
                  onToggle={toggle}
                  ariaLabel={`${gt("graph.canvas")} ${summary}`}
                  height="70vh"
                  interactive
                  onLayoutState={setLayoutBusy}
                  exposeTestHook
                />
                )}
              </>
            )}
            {state.view === "tre" && <GraphTree graph={filtered} selectedId={state.selectedId} onSelect={select} />}
            {state.view === "tabell" && <GraphTable graph={filtered} selectedId={state.selectedId} onSelect={select} />}
          </div>
          <VStack gap="space-16">
            <SidePanel node={selected} graph={filtered} onToggle={toggle} expandable={Boolean(selected && (selected.type === "OFFICE" || selected.type === "TEAM"))} />
            <GraphLegend />
          </VStack>
        </div>
      )}
    </VStack>
  );
}

function SearchBox({ graph, onPick }: { graph: FilteredGraph; onPick: (id: string) => void }) {
  const all = useMemo(() => searchOptions(graph), [graph]);
  const [text, setText] = useState("");
  // Our own filtering, capped, so a national graph's thousands of names stay fast.
  const filteredOptions = useMemo(() => {
    const needle = text.trim().toLocaleLowerCase("nb");
    const matches = needle ? all.filter((o) => o.label.toLocaleLowerCase("nb").includes(needle)) : all;
    return matches.slice(0, 50).map((o) => ({ label: `${o.label} (${gt(`graph.panel.type.${o.kind as ViewNode["type"]}`)})`, value: o.id }));
  }, [all, text]);
  return (
    <div style={{ maxWidth: "36rem" }}>
      <UNSAFE_Combobox
        size="small"
        label={gt("graph.search")}
        options={filteredOptions}
        filteredOptions={filteredOptions}
        value={text}
        onChange={setText}
        selectedOptions={[]}
        onToggleSelected={(value, isSelected) => {
          if (isSelected) {
            onPick(value);
            setText("");
          }
        }}
      />
    </div>
  );
}

function SidePanel({
  node,
  graph,
  onToggle,
  expandable,
}: {
  node: ViewNode | null;
  graph: FilteredGraph;
  onToggle: (id: string) => void;
  expandable: boolean;
}) {
  if (!node) {
    return (
      <section className="samla-graph-panel" aria-labelledby="graph-panel-title" data-testid="graph-panel">
        <Heading id="graph-panel-title" level="2" size="small" spacing>
          {gt("graph.panel.title")}
        </Heading>
        <BodyShort size="small">{gt("graph.panel.none")}</BodyShort>
      </section>
    );
  }
  const office = node.type === "OFFICE" ? node : node.officeId ? graph.byId.get(node.officeId) : undefined;
  const parent = node.parent ? graph.byId.get(node.parent) : undefined;
  return (
    <section className="samla-graph-panel" aria-labelledby="graph-panel-title" data-testid="graph-panel" data-node-id={node.id}>
      <Heading id="graph-panel-title" level="2" size="small" spacing>
        {node.label}
      </Heading>
      <dl>
        <dt>{gt("graph.table.type")}</dt>
        <dd>{gt(`graph.panel.type.${node.type}`)}</dd>
        {node.code && (
          <>
            <dt>{gt("graph.panel.code")}</dt>
            <dd>{node.code}</dd>
          </>
        )}
        {node.roleName && (
          <>
            <dt>{gt("graph.panel.role")}</dt>
            <dd>{node.roleName}</dd>
          </>
        )}
        {node.roleCategory && (
          <>
            <dt>{gt("graph.panel.roleCategory")}</dt>
            <dd>{gt(`graph.roleCategory.${node.roleCategory}`)}</dd>
          </>
        )}
        {node.employer && (
          <>
            <dt>{gt("graph.panel.employer")}</dt>
            <dd>{gt(`graph.employer.${node.employer}`)}</dd>
          </>
        )}
        {node.fte != null && (
          <>
            <dt>{gt("graph.panel.fte")}</dt>
            <dd>
              {formatFte(node.fte)}
              {node.overAllocated ? ` – ${gt("graph.panel.overAllocated")}` : ""}
            </dd>
          </>
        )}
        {node.type === "PERSON" && parent && (
          <>
            <dt>{gt("graph.panel.team")}</dt>
            <dd>{parent.label}</dd>
          </>
        )}
        {(node.type === "OFFICE" || node.type === "TEAM") && (
          <>
            <dt>{gt("graph.panel.teams")}</dt>
            <dd>{node.teamsBelow}</dd>
            <dt>{gt("graph.panel.people")}</dt>
            <dd>{node.peopleBelow}</dd>
          </>
        )}
        {node.type === "OFFICE" && (node.isPilot || node.isSpearhead) && (
          <>
            <dt>{gt("graph.pilot")}</dt>
            <dd>{node.isSpearhead ? gt("graph.spearhead") : gt("graph.pilot")}</dd>
          </>
        )}
        {node.provider && (
          <>
            <dt>{gt("graph.panel.provider")}</dt>
            <dd>{gt(`graph.provider.${node.provider}`)}</dd>
          </>
        )}
        {office && node.type !== "OFFICE" && (
          <>
            <dt>{gt("graph.panel.office")}</dt>
            <dd>{office.label}</dd>
          </>
        )}
      </dl>
      <VStack gap="space-8" align="start">
        {office && (
          <Link as={RemixLink} to={`/kontorer/${encodeURIComponent(office.id)}`}>
            {gt("graph.panel.openOffice")}
            {node.type !== "OFFICE" ? `: ${office.label}` : ""}
          </Link>
        )}
        {expandable && (
          <Button size="xsmall" variant="secondary" icon={<ArrowsSquarepathIcon aria-hidden />} onClick={() => onToggle(node.id)}>
            {node.isCollapsed ? gt("graph.expand") : gt("graph.collapse")}
          </Button>
        )}
      </VStack>
    </section>
  );
}
