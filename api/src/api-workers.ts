// Several API processes on one machine (Node's cluster): the API is stateless (tokens are
// verified per request, live events travel through PostgreSQL's LISTEN/NOTIFY), so N
// workers share one port and the primary hands each new connection to the next worker.
// Across machines the same holds for N replicas behind a load balancer (README, NAIS).
import cluster, { type Worker } from "node:cluster";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";

/** The API's entry point, which each worker runs (see main.ts). */
const MAIN = fileURLToPath(new URL("./main.ts", import.meta.url));
/** A worker that dies is started again after this pause (not in a tight loop). */
const RESTART_DELAY_MS = 1_000;

/**
 * How many API processes to run: `SAMLA_API_WORKERS` (a number, or `auto` for one per
 * core); 1 when unset. PGlite allows one process per data directory, so it is always 1 there.
 */
export function apiWorkerCount(env: NodeJS.ProcessEnv, databaseIsPostgres: boolean): number {
  if (!databaseIsPostgres) return 1;
  const given = env.SAMLA_API_WORKERS?.trim();
  if (!given) return 1;
  if (given === "auto") return availableParallelism();
  const count = Number(given);
  if (!Number.isInteger(count) || count < 1 || count > 64) {
    throw new Error(`SAMLA_API_WORKERS must be a whole number from 1 to 64, or "auto" (got "${given}")`);
  }
  return count;
}

export interface ApiWorkers {
  count: number;
  close(): Promise<void>;
}

/**
 * Forks `count` workers that each run main.ts with `env` (DATABASE_URL, OIDC_ISSUER, PORT…)
 * and waits until all listen. A worker that exits unexpectedly is replaced.
 */
export async function forkApiWorkers(count: number, env: NodeJS.ProcessEnv): Promise<ApiWorkers> {
  // Workers run main.ts with this process's Node flags (tsx's loader among them).
  cluster.setupPrimary({ exec: MAIN, execArgv: process.execArgv });
  let closing = false;
  const workerEnv = { ...env, SAMLA_API_WORKER: "1" };

  const fork = (): Promise<Worker> =>
    new Promise((resolve, reject) => {
      const worker = cluster.fork(workerEnv);
      const onExit = (code: number) => reject(new Error(`API worker exited with code ${code} before listening`));
      worker.once("exit", onExit);
      worker.once("listening", () => {
        worker.off("exit", onExit);
        worker.once("exit", (code, signal) => {
          if (closing) return;
          console.error(`[samla] API worker ${worker.process.pid} stopped (${signal ?? code}); starting another`);
          setTimeout(() => void fork().catch((error: unknown) => console.error("[samla] API worker failed", error)), RESTART_DELAY_MS);
        });
        resolve(worker);
      });
    });

  await Promise.all(Array.from({ length: count }, fork));
  return {
    count,
    close: async () => {
      closing = true;
      const workers = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => worker !== undefined);
      await Promise.all(
        workers.map(
          (worker) =>
            new Promise<void>((resolve) => {
              worker.once("exit", () => resolve());
              worker.kill("SIGTERM");
            }),
        ),
      );
    },
  };
}
