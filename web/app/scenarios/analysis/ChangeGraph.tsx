// The compare view's graph: the scenario's to-be as the organisation graph, with each
// node coloured (and marked in its label) by how it differs from the as-is or from the
// other scenario. A table lists the same nodes with their change, as the text alternative.
import { BodyShort, Button, HStack, Tag, ToggleGroup, VStack } from "@navikt/ds-react";
import { useCallback, useMemo, useRef, useState } from "react";
import { EmptyState, ErrorState, LoadingMessage } from "../../components/States";
import { ApiError, request, type ResultOf } from "../../graphql";
import { t } from "../../i18n";
import { GraphCanvas, type GraphCanvasHandle } from "../../graph/GraphCanvas";
import { GraphTable, type ExtraColumn } from "../../graph/GraphAlternatives";
import { GraphLegend, type LegendItem } from "../../graph/GraphLegend";
import { CHANGE_MARKS, filterGraph, toElements, type GraphChange, type ViewNode } from "../../graph/model";
import { CHANGE_COLOURS } from "../../graph/style";
import { gt } from "../../graph/texts";
import "../../graph/graph.css";
import { ScenarioGraphQuery } from "./documents";
import { actionName } from "./format";
import { useApiData } from "./use-api-data";

type ScenarioGraph = NonNullable<ResultOf<typeof ScenarioGraphQuery>["scenarioGraph"]>;
export type ChangeGraphView = "graf" | "tabell";

const SHOWN_CHANGES = ["NEW", "MOVED", "CHANGED", "CLOSED"] as const satisfies readonly GraphChange[];
const countText = (teams: number, people: number) => gt("graph.count", { teams, people });

async function fetchScenarioGraph(id: string, compareTo: string | null, signal: AbortSignal): Promise<ScenarioGraph> {
  const data = await request(ScenarioGraphQuery, { id, compareTo }, { signal });
  if (!data.scenarioGraph) throw new ApiError(`Scenario ${id} not found`, "result", { typename: "NotFoundError" });
  return data.scenarioGraph;
}

/** Counts of changed nodes per change, e.g. for the summary above the graph. */
export function countChanges(nodes: readonly { change?: GraphChange | null }[]): Record<GraphChange, number> {
  const counts: Record<GraphChange, number> = { NEW: 0, MOVED: 0, CHANGED: 0, CLOSED: 0, UNCHANGED: 0 };
  for (const node of nodes) if (node.change) counts[node.change] += 1;
  return counts;
}

function changeSwatch(change: (typeof SHOWN_CHANGES)[number]) {
  const colour = CHANGE_COLOURS[change.toLowerCase() as keyof typeof CHANGE_COLOURS];
  return (
    <>
      <circle cx="14" cy="10" r="9" fill={colour} opacity="0.55" />
      <circle cx="14" cy="10" r="5" fill="#ffffff" stroke={colour} strokeWidth="2" strokeDasharray={change === "CLOSED" ? "2 2" : undefined} />
    </>
  );
}

export function ChangeTag({ change }: { change: GraphChange | null | undefined }) {
  if (!change) return null;
  const color = { NEW: "success", MOVED: "meta-purple", CHANGED: "warning", CLOSED: "danger", UNCHANGED: "neutral" } as const;
  return (
    <Tag size="xsmall" variant="moderate" data-color={color[change]}>
      {CHANGE_MARKS[change] ? `${CHANGE_MARKS[change]} ` : ""}
      {actionName(change)}
    </Tag>
  );
}

export function ChangeGraph({
  scenarioId,
  compareTo,
  view,
  onViewChange,
}: {
  scenarioId: string;
  compareTo: string | null;
  view: ChangeGraphView;
  onViewChange: (view: ChangeGraphView) => void;
}) {
  const load = useCallback(
    (signal: AbortSignal) => fetchScenarioGraph(scenarioId, compareTo, signal),
    [scenarioId, compareTo],
  );
  const graph = useApiData(load, `${scenarioId}:${compareTo ?? ""}`);

  if (graph.status === "loading") return <LoadingMessage text={t("analysis.compare.graph.loading")} />;
  if (graph.status === "error") return <ErrorState title={t("analysis.compare.graph.error")} error={graph.error} />;
  return <ChangeGraphWorkspace data={graph.data} view={view} onViewChange={onViewChange} />;
}

function ChangeGraphWorkspace({
  data,
  view,
  onViewChange,
}: {
  data: ScenarioGraph;
  view: ChangeGraphView;
  onViewChange: (view: ChangeGraphView) => void;
}) {
  const canvas = useRef<GraphCanvasHandle>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [changedOnly, setChangedOnly] = useState(false);
  const filtered = useMemo(
    () => filterGraph(data, { employer: null, roleCategory: null, serviceId: null, teamId: null, collapsedIds: [] }),
    [data],
  );
  const elements = useMemo(() => toElements(filtered, countText), [filtered]);
  const counts = countChanges(filtered.nodes);
  const changedCount = SHOWN_CHANGES.reduce((sum, change) => sum + counts[change], 0);
  const summary = t("analysis.compare.graph.summary", {
    new: counts.NEW,
    moved: counts.MOVED,
    changed: counts.CHANGED,
    closed: counts.CLOSED,
  });

  const legend: LegendItem[] = SHOWN_CHANGES.map((change) => ({
    key: change,
    label: t(`analysis.compare.legend.${change}`),
    swatch: changeSwatch(change),
  }));
  const changeColumn: ExtraColumn = {
    header: t("analysis.compare.col.change"),
    cell: (node: ViewNode) => (node.change && node.change !== "UNCHANGED" ? <ChangeTag change={node.change} /> : actionName("UNCHANGED")),
  };
  const tableGraph = useMemo(() => {
    if (!changedOnly) return filtered;
    const nodes = filtered.nodes.filter((node) => node.change && node.change !== "UNCHANGED");
    return { ...filtered, nodes };
  }, [filtered, changedOnly]);

  if (filtered.nodes.length === 0) {
    return (
      <EmptyState title={t("analysis.compare.graph.empty.title")}>
        <BodyShort>{t("analysis.compare.graph.empty.body")}</BodyShort>
      </EmptyState>
    );
  }

  return (
    <VStack gap="space-16">
      <HStack gap="space-16" align="end" wrap>
        <ToggleGroup
          size="small"
          label={gt("graph.view")}
          value={view}
          onChange={(value) => onViewChange(value === "tabell" ? "tabell" : "graf")}
        >
          <ToggleGroup.Item value="graf" label={gt("graph.view.graph")} />
          <ToggleGroup.Item value="tabell" label={gt("graph.view.table")} />
        </ToggleGroup>
        {view === "graf" ? (
          <Button size="small" variant="secondary" type="button" onClick={() => canvas.current?.fit()}>
            {gt("graph.fit")}
          </Button>
        ) : (
          <Button
            size="small"
            variant="secondary"
            type="button"
            aria-pressed={changedOnly}
            onClick={() => setChangedOnly((current) => !current)}
          >
            {changedOnly ? t("analysis.compare.table.showAll") : t("analysis.compare.table.changedOnly")}
          </Button>
        )}
      </HStack>
      <BodyShort aria-live="polite" data-testid="change-summary">
        {summary}
      </BodyShort>
      <div className="samla-graph-layout">
        <div>
          {view === "graf" ? (
            <GraphCanvas
              ref={canvas}
              elements={elements}
              layout="fcose"
              selectedId={selectedId}
              onSelect={setSelectedId}
              ariaLabel={`${t("analysis.compare.graph.canvas")} ${summary}`}
              height="60vh"
              interactive
              exposeTestHook
            />
          ) : changedOnly && changedCount === 0 ? (
            <BodyShort>{t("analysis.compare.table.noChanges")}</BodyShort>
          ) : (
            <GraphTable
              graph={tableGraph}
              selectedId={selectedId}
              onSelect={setSelectedId}
              extraColumns={[changeColumn]}
              caption={t("analysis.compare.table.caption")}
            />
          )}
        </div>
        <GraphLegend extraItems={legend} />
      </div>
    </VStack>
  );
}
