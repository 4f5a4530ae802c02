// A cache of Prisma's query plans. Prisma 6.19's JS engine compiles every query to a plan
// in WASM before it runs it: about a third of the API's CPU on a small page (bench:api,
// docs/decisions/006). The plan is a pure function of the request's JSON (model, action,
// selection, arguments), so the same request compiles to the same plan: remember the
// latest plans by that text. Pages that many people open (the office list, an office, the
// national graph, the dashboard) then skip the compiler. Prisma 7 caches plans by their
// parameterised shape; this is the exact-text version of that for Prisma 6.19.
// @ts-expect-error -- Prisma ships no types for its compiler module; we wrap one method.
import { QueryCompiler } from "@prisma/client/runtime/query_compiler_bg.postgresql.mjs";

/** Most plans kept (LRU). An office page's plan is tens of KB. */
const MAX_PLANS = 500;
/** Longer requests (bulk writes, imports) are compiled every time, not kept. */
const MAX_REQUEST_LENGTH = 16_000;

interface CompilerPrototype {
  compile(request: string): unknown;
  __samlaPlanCache?: true;
}

const plans = new Map<string, unknown>();

/** Installs the cache once per process (idempotent). */
export function enableQueryPlanCache(): void {
  const prototype = (QueryCompiler as { prototype: CompilerPrototype }).prototype;
  if (prototype.__samlaPlanCache) return;
  const compile = prototype.compile;
  prototype.compile = function compileCached(this: CompilerPrototype, request: string): unknown {
    if (request.length > MAX_REQUEST_LENGTH) return compile.call(this, request);
    const cached = plans.get(request);
    if (cached !== undefined) {
      // Most recently used last, so the first key is the one to drop.
      plans.delete(request);
      plans.set(request, cached);
      return cached;
    }
    const plan = compile.call(this, request);
    plans.set(request, plan);
    if (plans.size > MAX_PLANS) plans.delete(plans.keys().next().value!);
    return plan;
  };
  prototype.__samlaPlanCache = true;
}

/** For tests: how many plans are kept now. */
export function cachedQueryPlanCount(): number {
  return plans.size;
}
