// Keeps one child process running (npm start's API process, scripts/api-process.ts): forks
// it, waits for its `{ type: "ready" }` message, and when it exits unexpectedly forks it again
// after a pause that doubles with each quick failure (1 s up to 30 s), so a crash loop does not
// spin the CPU, and a process that ran a while is back after a second.
import { fork, type ChildProcess } from "node:child_process";

export interface SupervisorOptions {
  /** The script to fork; it runs with this process's Node flags (tsx's loader among them). */
  script: string;
  env: NodeJS.ProcessEnv;
  /** What the child is, for the log ("API"). */
  name: string;
  log(message: string): void;
  /** First pause before a restart. Default 1 s. */
  minRestartDelayMs?: number;
  /** Longest pause. Default 30 s. */
  maxRestartDelayMs?: number;
  /** A child that ran this long before it died restarts after the first pause again. Default 60 s. */
  stableAfterMs?: number;
  /** How long stop() waits after SIGTERM before SIGKILL. Default 10 s. */
  stopTimeoutMs?: number;
}

export interface Supervised {
  /** Resolves with the child's URL the first time it is ready; rejects if it dies before that. */
  ready: Promise<string>;
  /** The running child's pid (undefined between a crash and the restart). */
  pid(): number | undefined;
  /** How many times the child was started again after dying. */
  restarts(): number;
  /** Stops the child (SIGTERM, then SIGKILL) and does not restart it. */
  stop(): Promise<void>;
}

interface ReadyMessage {
  type: "ready";
  url: string;
}

const isReady = (message: unknown): message is ReadyMessage =>
  typeof message === "object" && message !== null && (message as { type?: unknown }).type === "ready";

export function supervise(options: SupervisorOptions): Supervised {
  const minDelay = options.minRestartDelayMs ?? 1_000;
  const maxDelay = options.maxRestartDelayMs ?? 30_000;
  const stableAfter = options.stableAfterMs ?? 60_000;
  const stopTimeout = options.stopTimeoutMs ?? 10_000;

  let child: ChildProcess | undefined;
  let everReady = false;
  let stopping = false;
  let delay = minDelay;
  let restartCount = 0;
  let restartTimer: NodeJS.Timeout | undefined;
  let resolveReady!: (url: string) => void;
  let rejectReady!: (error: Error) => void;
  const ready = new Promise<string>((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  // The caller awaits `ready` when it needs the API; until then a failed start must not count
  // as an unhandled rejection (which would end this process without its cleanup).
  ready.catch(() => undefined);

  const start = () => {
    restartTimer = undefined;
    const startedAt = Date.now();
    // SAMLA_SUPERVISED_RESTARTS tells the child it is a restart: one-time work (migrations) is done.
    const env = { ...options.env, SAMLA_SUPERVISED_RESTARTS: String(restartCount) };
    const current = fork(options.script, [], { env, execArgv: process.execArgv, stdio: "inherit" });
    child = current;
    current.on("message", (message) => {
      if (!isReady(message)) return;
      if (everReady) options.log(`${options.name} is back (process ${current.pid}): ${message.url}`);
      everReady = true;
      resolveReady(message.url);
    });
    current.once("exit", (code, signal) => {
      if (child === current) child = undefined;
      if (stopping) return;
      const how = signal ? `killed by ${signal}` : `exit code ${code}`;
      if (!everReady) {
        rejectReady(new Error(`${options.name} process ${current.pid} stopped before it was ready (${how})`));
        return;
      }
      delay = Date.now() - startedAt >= stableAfter ? minDelay : delay;
      options.log(`${options.name} process ${current.pid} stopped unexpectedly (${how}); starting it again in ${delay / 1000} s`);
      restartCount += 1;
      restartTimer = setTimeout(start, delay);
      delay = Math.min(delay * 2, maxDelay);
    });
  };
  start();

  return {
    ready,
    pid: () => child?.pid,
    restarts: () => restartCount,
    async stop() {
      stopping = true;
      if (restartTimer) clearTimeout(restartTimer);
      const running = child;
      if (!running || running.exitCode !== null || running.signalCode !== null) return;
      await new Promise<void>((resolve) => {
        const kill = setTimeout(() => running.kill("SIGKILL"), stopTimeout);
        running.once("exit", () => {
          clearTimeout(kill);
          resolve();
        });
        running.kill("SIGTERM");
      });
    },
  };
}
