// A synthetic organisation graph in the shape of the API's OrgGraphView answer, for tests
// and benchmarks at sizes the seed does not have (e.g. 20,000 people): the browser gets it
// instead of the API's answer (routeOrgGraph).
import type { Page } from "@playwright/test";

export type SyntheticGraph = ReturnType<typeof syntheticGraph>;

/** A synthetic organisation: offices of ~100 people in 8 teams, leaders, services. */
export function syntheticGraph(nodeCount: number) {
  const nodes: Record<string, unknown>[] = [];
  const edges: Record<string, unknown>[] = [];
  const base = { officeId: null, code: null, status: null, isPilot: null, isSpearhead: null, employer: null, roleName: null, roleCategory: null, fte: null, provider: null, collapsed: null, teamCount: null, personCount: null };
  const services = Array.from({ length: 20 }, (_, i) => ({ ...base, id: `S${i}`, type: "SERVICE", label: `Tjeneste ${i}`, parent: null, code: `T${i}`, provider: i % 2 ? "STATE" : "MUNICIPAL" }));
  const officeCount = Math.max(1, Math.round((nodeCount - services.length) / 110));
  const perOffice = Math.floor((nodeCount - services.length) / officeCount);
  for (let o = 0; o < officeCount; o++) {
    const office = `O${o}`;
    nodes.push({ ...base, id: office, type: "OFFICE", label: `Nav Syntetisk ${o}`, parent: null, code: String(1000 + o), status: "ACTIVE", isPilot: o % 10 === 0, isSpearhead: o === 0, collapsed: false, teamCount: 8, personCount: perOffice - 9 });
    const teams = Array.from({ length: 8 }, (_, t) => `O${o}T${t}`);
    teams.forEach((team, t) => {
      nodes.push({ ...base, id: team, type: "TEAM", label: `Team ${t}`, parent: office, officeId: office });
      edges.push({ id: `D${team}`, source: team, target: `S${(o + t) % services.length}`, type: "DELIVERS" });
    });
    for (let p = 0; p < perOffice - 9; p++) {
      const team = teams[p % teams.length]!;
      const id = `O${o}P${p}`;
      const leader = p < teams.length;
      nodes.push({ ...base, id, type: "PERSON", label: `Person ${o}-${p}`, parent: team, officeId: office, employer: p % 3 ? "STATE" : "MUNICIPAL", roleName: leader ? "Teamleder" : "Veileder", roleCategory: leader ? "LEADER" : "ADVISER", fte: p % 17 === 0 ? 1.2 : 1 });
      if (!leader) edges.push({ id: `R${id}`, source: id, target: `O${o}P${p % teams.length}`, type: "REPORTS_TO" });
    }
  }
  nodes.push(...services);
  return { asOf: "2026-01-01", nodes, edges };
}

/** People in syntheticGraph(nodeCount): offices of 100 people, 8 teams and 20 services. */
export function syntheticPeople(graph: SyntheticGraph): number {
  return graph.nodes.filter((n) => n.type === "PERSON").length;
}

/**
 * Answers the page's OrgGraphView queries with `graph()` (when it returns a graph; the API
 * answers otherwise) and lets every other request through to the API.
 */
export async function routeOrgGraph(page: Page, graph: () => SyntheticGraph | null): Promise<void> {
  await page.route("**/graphql", async (route) => {
    const body = route.request().postData() ?? "";
    const answer = body.includes("OrgGraphView") ? graph() : null;
    if (answer) await route.fulfill({ contentType: "application/json", body: JSON.stringify({ data: { orgGraph: answer } }) });
    else await route.continue();
  });
}
