// Before any load: every server's answer to every workload, compared as row sets with
// Samla's (canonical.ts). A mismatch fails the bench: figures for different rows mean nothing.
import { compareSections, describeDifferences, rowCount, sectionsOf, type Json } from "./canonical";
import { isGoodAnswer, requestFor, send, type Server } from "./targets";
import type { TokenIssuer } from "./tokens";
import type { Workload } from "./workloads";

export interface EqualityResult {
  workload: string;
  server: string;
  ok: boolean;
  /** The answer body when the server answered the same bytes twice (autocannon then checks every answer against it). */
  stableBody: string | null;
}

function parseData(text: string): Json {
  return (JSON.parse(text) as { data: Json }).data;
}

/**
 * `reference` is the Samla instance whose answer the others are compared with. Prints one
 * line per server and workload: OK, or MISMATCH with a short diff.
 */
export async function checkEquality(
  workloads: Workload[],
  reference: Server,
  servers: Server[],
  tokens: TokenIssuer,
): Promise<EqualityResult[]> {
  const results: EqualityResult[] = [];
  console.log("\nEquality check (same rows from every server, before any load):");
  for (const workload of workloads) {
    const referenceRequest = (await requestFor(reference, workload, tokens))!;
    const samlaAnswer = await send(referenceRequest);
    if (!isGoodAnswer(samlaAnswer)) {
      console.log(`  ${workload.name.padEnd(18)} ${reference.label}: FAILED (HTTP ${samlaAnswer.status}): ${samlaAnswer.text.slice(0, 300)}`);
      for (const server of servers) results.push({ workload: workload.name, server: server.label, ok: false, stableBody: null });
      continue;
    }
    const samlaSections = sectionsOf(parseData(samlaAnswer.text));
    console.log(
      `  ${workload.name.padEnd(18)} ${reference.label} answers ${rowCount(samlaSections)} rows in ${samlaSections.size} sections ` +
        `(${(samlaAnswer.text.length / 1024).toFixed(0)} KiB, ${samlaAnswer.ms.toFixed(0)} ms)`,
    );
    for (const server of servers) {
      const request = await requestFor(server, workload, tokens);
      if (!request) {
        console.log(`    ${server.label.padEnd(14)} n/a: ${workload.postgraphileReason ?? "not served"}`);
        continue;
      }
      const first = await send(request);
      const second = await send(request);
      const stableBody = first.text === second.text ? first.text : null;
      if (!isGoodAnswer(first)) {
        console.log(`    ${server.label.padEnd(14)} MISMATCH: no good answer (HTTP ${first.status}): ${first.text.slice(0, 300)}`);
        results.push({ workload: workload.name, server: server.label, ok: false, stableBody: null });
        continue;
      }
      let data = parseData(first.text);
      if (server.kind === "postgraphile") data = workload.postgraphile!.toSamla(data);
      const differences = compareSections(samlaSections, sectionsOf(data));
      const ok = differences.length === 0;
      const size = `${(first.text.length / 1024).toFixed(0)} KiB, ${first.ms.toFixed(0)} ms`;
      console.log(`    ${server.label.padEnd(14)} ${ok ? "OK" : "MISMATCH"} (${size}${stableBody ? "" : ", answers vary"})`);
      if (!ok) for (const line of describeDifferences(differences, reference.label, server.label)) console.log(line);
      results.push({ workload: workload.name, server: server.label, ok, stableBody });
    }
  }
  return results;
}
