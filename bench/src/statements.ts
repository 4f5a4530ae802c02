// SQL statements per Samla request: a Samla instance of its own talks to PostgreSQL
// through the counting proxy (statement-counter.ts); each workload is sent a few times to
// warm up (the once-per-process work, e.g. remembering the SSO user, happens then), then
// `runs` times one after the other, and the statements in between are divided by `runs`.
import type { StatementCounter } from "./statement-counter";
import { isGoodAnswer, send, type PreparedRequest } from "./targets";

export interface StatementCount {
  perRequest: number;
  /** BEGIN/COMMIT and the like, per request (round trips that are not queries). */
  controlPerRequest: number;
  /** Distinct statement shapes with how often each ran per request, most frequent first. */
  shapes: { text: string; perRequest: number }[];
}

const WARMUP = 3;

/** A statement's shape: literals and parameter lists collapsed, first 110 characters. */
function shapeOf(text: string): string {
  return text
    .replace(/\$\d+(\s*,\s*\$\d+)+/g, "$…")
    .replace(/'[^']*'/g, "'…'")
    .slice(0, 110);
}

export async function countStatements(counter: StatementCounter, request: PreparedRequest, runs: number): Promise<StatementCount> {
  for (let i = 0; i < WARMUP; i++) await send(request);
  const before = counter.snapshot();
  for (let i = 0; i < runs; i++) {
    const answer = await send(request);
    if (!isGoodAnswer(answer)) throw new Error(`statement count: the answer was not good (HTTP ${answer.status}): ${answer.text.slice(0, 300)}`);
  }
  const after = counter.snapshot();
  const texts = after.texts.slice(before.texts.length);
  const shapes = new Map<string, number>();
  for (const text of texts) shapes.set(shapeOf(text), (shapes.get(shapeOf(text)) ?? 0) + 1);
  return {
    perRequest: (after.statements - before.statements) / runs,
    controlPerRequest: (after.control - before.control) / runs,
    shapes: [...shapes.entries()].map(([text, count]) => ({ text, perRequest: count / runs })).sort((a, b) => b.perRequest - a.perRequest),
  };
}
