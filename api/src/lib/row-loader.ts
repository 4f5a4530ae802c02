// Rows by id for list fields that name many catalogue rows (the adoption dashboard names 250
// offices; each of its 3,000 cells a practice): one findMany per model and Pothos selection
// per request, instead of one query per row.
import type { Kpi, Office, Practice, RolloutWave } from "@samla/schema";
import DataLoader from "dataloader";
import type { SamlaContext } from "../context";

interface RowModels {
  office: Office;
  rolloutWave: RolloutWave;
  practice: Practice;
  kpi: Kpi;
}
type RowModel = keyof RowModels;

const loadersByRequest = new WeakMap<SamlaContext, Map<string, DataLoader<string, unknown>>>();

/** A row of `model` by id, with the Prisma selection (`query`) Pothos asks for. */
export function loadRow<M extends RowModel>(context: SamlaContext, model: M, query: object, id: string): Promise<RowModels[M]> {
  let loaders = loadersByRequest.get(context);
  if (!loaders) loadersByRequest.set(context, (loaders = new Map()));
  const key = `${model} ${JSON.stringify(query)}`;
  let loader = loaders.get(key);
  if (!loader) {
    loader = new DataLoader(
      async (ids: readonly string[]) => {
        const delegate = context.db[model] as unknown as { findMany(args: object): Promise<{ id: string }[]> };
        // The id matches rows to callers: add it when Pothos's selection does not have it.
        const selection = "select" in query && query.select ? { ...query, select: { ...query.select, id: true } } : query;
        const rows = await delegate.findMany({ ...selection, where: { id: { in: [...ids] } } });
        const byId = new Map(rows.map((row) => [row.id, row]));
        return ids.map((id) => byId.get(id) ?? new Error(`${model} ${id} is gone`));
      },
      // Resolvers of one list run over several ticks: wait for all of them before reading.
      { batchScheduleFn: (read) => setImmediate(read) },
    );
    loaders.set(key, loader);
  }
  return loader.load(id) as Promise<RowModels[M]>;
}
