// The national view's data: all offices folded (one small request), and the contents of
// each office that is open fetched once and kept. Opening an office (by the user, by
// zooming, or all at once) asks the API for that office only, so it is drawn within a
// few hundred milliseconds instead of reloading the whole country (issue 15).
import { useEffect, useMemo, useRef, useState } from "react";
import { request } from "../../graphql";
import { OrgGraphQuery, type GraphEdge, type GraphNode, type OrgGraphData } from "../model";

interface OfficeContents {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export type NationalGraph =
  | { status: "loading" }
  | { status: "error"; error: unknown }
  | { status: "ok"; data: OrgGraphData; loadingOfficeIds: ReadonlySet<string> };

/** The contents of `officeIds` from an answer that has those offices open. */
export function splitOfficeContents(answer: OrgGraphData, officeIds: readonly string[]): Map<string, OfficeContents> {
  const wanted = new Set(officeIds);
  const byOffice = new Map<string, OfficeContents>(officeIds.map((id) => [id, { nodes: [], edges: [] }]));
  const officeOf = new Map<string, string>();
  for (const node of answer.nodes) {
    if (node.officeId && wanted.has(node.officeId) && (node.type === "TEAM" || node.type === "PERSON")) {
      byOffice.get(node.officeId)!.nodes.push(node);
      officeOf.set(node.id, node.officeId);
    }
  }
  const services = new Map(answer.nodes.filter((node) => node.type === "SERVICE").map((node) => [node.id, node]));
  for (const edge of answer.edges) {
    const office = officeOf.get(edge.source);
    if (!office) continue;
    const contents = byOffice.get(office)!;
    contents.edges.push(edge);
    // A service goes with every office that delivers it; merging removes the repeats.
    const service = edge.type === "DELIVERS" ? services.get(edge.target) : undefined;
    if (service) contents.nodes.push(service);
  }
  return byOffice;
}

/** The folded national graph with the given offices' contents put in. */
export function mergeOfficeContents(base: OrgGraphData, contents: ReadonlyMap<string, OfficeContents>, open: ReadonlySet<string>): OrgGraphData {
  const nodes: GraphNode[] = [];
  const seen = new Set<string>();
  const edges: GraphEdge[] = [];
  const add = (node: GraphNode) => {
    if (seen.has(node.id)) return;
    seen.add(node.id);
    nodes.push(node);
  };
  for (const node of base.nodes) {
    if (node.type !== "OFFICE") continue;
    add({ ...node, collapsed: !(open.has(node.id) && contents.has(node.id)) });
  }
  const services: GraphNode[] = [];
  for (const [officeId, office] of contents) {
    if (!open.has(officeId)) continue;
    // A person working in two open offices comes with both: keep the first.
    for (const node of office.nodes) if (node.type === "SERVICE") services.push(node);
    else add(node);
    edges.push(...office.edges);
  }
  // Services last, in the API's order (by name), once each.
  services.sort((a, b) => a.label.localeCompare(b.label, "nb"));
  for (const service of services) add(service);
  edges.push(...base.edges.filter((edge) => edge.type === "MERGES_INTO"));
  return { asOf: base.asOf, nodes, edges };
}

/**
 * The national graph with `openOfficeIds` open: `null` opens every office (all people at
 * once). Contents already fetched are reused; the missing ones come in one request.
 */
export function useNationalGraph(enabled: boolean, openOfficeIds: readonly string[] | null, prefetchOfficeId: string | null = null): NationalGraph {
  const [base, setBase] = useState<{ data: OrgGraphData } | { error: unknown } | null>(null);
  const contents = useRef(new Map<string, OfficeContents>());
  const [version, setVersion] = useState(0);
  const inFlight = useRef(new Set<string>());
  const failed = useRef(new Set<string>());

  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    request(OrgGraphQuery, { scope: { all: true } }, { signal: controller.signal }).then(
      (answer) => {
        performance.mark("samla-graph:data");
        setBase({ data: answer.orgGraph });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setBase({ error });
      },
    );
    return () => controller.abort();
  }, [enabled]);

  const baseData = base && "data" in base ? base.data : null;
  const open = useMemo(
    () => new Set(openOfficeIds ?? baseData?.nodes.filter((node) => node.type === "OFFICE").map((node) => node.id) ?? []),
    [openOfficeIds, baseData],
  );

  useEffect(() => {
    if (!baseData) return;
    // A selected office is fetched before it is opened: the user is likely to open it next.
    const prefetch = prefetchOfficeId && baseData.nodes.some((node) => node.id === prefetchOfficeId && node.type === "OFFICE");
    const wanted = prefetch ? [...open, prefetchOfficeId] : [...open];
    const missing = [...new Set(wanted)].filter((id) => !contents.current.has(id) && !inFlight.current.has(id) && !failed.current.has(id));
    if (missing.length === 0) return;
    for (const id of missing) inFlight.current.add(id);
    // The office scope reads only these offices (the national one would count every office's
    // people again: over a second on the national data set).
    request(OrgGraphQuery, { scope: { officeIds: missing } }).then(
      (answer) => {
        for (const [id, office] of splitOfficeContents(answer.orgGraph, missing)) contents.current.set(id, office);
        performance.mark("samla-graph:office-data");
      },
      (error: unknown) => {
        // Shown folded; not asked for again until the page is reloaded.
        console.error(error);
        for (const id of missing) failed.current.add(id);
      },
    ).finally(() => {
      for (const id of missing) inFlight.current.delete(id);
      setVersion((current) => current + 1);
    });
  }, [baseData, open, prefetchOfficeId]);

  const data = useMemo(
    () => (baseData ? mergeOfficeContents(baseData, contents.current, open) : null),
    // `version` tells that contents (a ref) gained offices.
    [baseData, open, version],
  );
  // Open offices without contents yet are loading, also in the render before their request starts.
  const loading = useMemo(
    () => new Set([...open].filter((id) => !contents.current.has(id) && !failed.current.has(id))),
    // `version` tells that contents (a ref) gained offices.
    [open, version],
  );
  if (!enabled || !base) return { status: "loading" };
  if ("error" in base) return { status: "error", error: base.error };
  return { status: "ok", data: data!, loadingOfficeIds: loading };
}
