// Child processes of the bench: started in their own process group on 127.0.0.1, always
// stopped again (normal exit, an error, Ctrl-C), with their CPU time read from /proc.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";

/** Every port the bench listens on or starts a server on lies in this range. */
export const PORT_RANGE = { first: 4700, last: 4799 } as const;

const taken = new Set<number>();

async function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

/** A free port in 4700-4799, `preferred` if it is free (other work on the machine may hold some). */
export async function freePort(preferred: number): Promise<number> {
  const size = PORT_RANGE.last - PORT_RANGE.first + 1;
  for (let i = 0; i < size; i++) {
    const port = PORT_RANGE.first + ((preferred - PORT_RANGE.first + i) % size);
    if (taken.has(port)) continue;
    if (await isFree(port)) {
      taken.add(port);
      return port;
    }
  }
  throw new Error(`No free port in ${PORT_RANGE.first}-${PORT_RANGE.last}`);
}

export interface Child {
  name: string;
  pid: number;
  url: string;
  logFile: string;
  process: ChildProcess;
  /** Resolves when the process has exited. */
  exited: Promise<number | null>;
}

const children = new Set<Child>();
const cleanups: (() => void)[] = [];

/**
 * The running children's process groups, on disk: a bench that was killed outright (SIGKILL,
 * a closed terminal) cannot stop its servers, so the next run stops them (see reapLeftovers).
 */
let pidFile: string | null = null;

function savePids(): void {
  if (!pidFile) return;
  try {
    writeFileSync(pidFile, JSON.stringify([...children].map((child) => child.pid)));
  } catch {
    // best effort
  }
}

/** Stops the servers a previous, killed run left behind (only ours: their command lines are checked). */
export function reapLeftovers(logDir: string): void {
  mkdirSync(logDir, { recursive: true });
  pidFile = path.join(logDir, "running-pids.json");
  let pids: number[] = [];
  try {
    pids = JSON.parse(readFileSync(pidFile, "utf8")) as number[];
  } catch {
    pids = [];
  }
  for (const pid of pids) {
    let command = "";
    try {
      command = readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
    } catch {
      continue;
    }
    if (/api\/src\/main\.ts|bench\/src\/servers\//.test(command)) {
      console.log(`Stopping a server a previous run left behind (process group ${pid})`);
      signalGroup(pid, "SIGKILL");
    }
  }
  savePids();
}

/** Stops one child: SIGTERM to its process group, SIGKILL after `graceMs`. */
export async function stopChild(child: Child, graceMs = 3000): Promise<void> {
  if (!children.has(child)) return;
  children.delete(child);
  savePids();
  signalGroup(child.pid, "SIGTERM");
  const timer = setTimeout(() => signalGroup(child.pid, "SIGKILL"), graceMs);
  await child.exited;
  clearTimeout(timer);
  // Cluster workers or tsx's node process may outlive the leader for a moment.
  signalGroup(child.pid, "SIGKILL");
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    // detached: true made the child the leader of a process group with its own id.
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/** Synchronous last resort (process 'exit'): SIGKILL every child's process group. */
function killAllNow(): void {
  for (const child of children) signalGroup(child.pid, "SIGKILL");
  children.clear();
  savePids();
  for (const cleanup of cleanups.splice(0)) {
    try {
      cleanup();
    } catch {
      // best effort
    }
  }
}

/** Registers something to undo on any exit (e.g. closing a local server). */
export function onExit(cleanup: () => void): void {
  cleanups.push(cleanup);
}

let handlersInstalled = false;

/** Kills the children on exit, Ctrl-C, SIGTERM and uncaught errors. Call once, early. */
export function installExitHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on("exit", killAllNow);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      console.error(`\n${signal}: stopping the servers …`);
      killAllNow();
      process.exit(130);
    });
  }
  process.on("uncaughtException", (error) => {
    console.error(error);
    killAllNow();
    process.exit(1);
  });
  process.on("unhandledRejection", (error) => {
    console.error(error);
    killAllNow();
    process.exit(1);
  });
}

export interface StartOptions {
  name: string;
  command: string;
  args: string[];
  env: Record<string, string | undefined>;
  cwd: string;
  /** GET this URL until it answers (any HTTP status), then the child counts as started. */
  readyUrl: string;
  url: string;
  logDir: string;
  timeoutMs?: number;
}

/** Starts a server in its own process group, output to a log file; waits until it answers. */
export async function startChild(options: StartOptions): Promise<Child> {
  mkdirSync(options.logDir, { recursive: true });
  const logFile = path.join(options.logDir, `${options.name.toLowerCase().replace(/×/g, "x").replace(/[^\w.]+/g, "-").replace(/-+$/, "")}.log`);
  const log = createWriteStream(logFile);
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  if (child.pid === undefined) throw new Error(`${options.name}: could not start ${options.command}`);
  const started: Child = { name: options.name, pid: child.pid, url: options.url, logFile, process: child, exited };
  children.add(started);
  savePids();

  const deadline = Date.now() + (options.timeoutMs ?? 90_000);
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  while (Date.now() < deadline) {
    if (exitCode !== undefined) {
      children.delete(started);
      savePids();
      throw new Error(`${options.name} exited (code ${exitCode}) while starting; see ${logFile}:\n${tail(logFile)}`);
    }
    try {
      await fetch(options.readyUrl, { signal: AbortSignal.timeout(2000) });
      return started;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  await stopChild(started);
  throw new Error(`${options.name} did not answer on ${options.readyUrl} within ${options.timeoutMs ?? 90_000} ms; see ${logFile}:\n${tail(logFile)}`);
}

export function tail(file: string, lines = 15): string {
  try {
    return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "";
  }
}

// ---- CPU time from /proc ---------------------------------------------------------------

/** Clock ticks per second of /proc/<pid>/stat (sysconf(_SC_CLK_TCK); 100 on Linux/x86). */
const CLOCK_TICKS = 100;

function readStat(pid: number): { ppid: number; ticks: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) is in parentheses and may contain spaces.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // After the name: state(3) ppid(4) … utime(14) stime(15), i.e. indexes 1, 11 and 12 here.
    return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null;
  }
}

/**
 * CPU milliseconds (user + system) used so far by `pid` and all its descendants (tsx's node
 * process, cluster workers). Children that already exited are not counted: the servers'
 * processes live for the whole run.
 */
export function cpuMillis(pid: number): number {
  const parents = new Map<number, number[]>();
  const ticks = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (!stat) continue;
    ticks.set(Number(entry), stat.ticks);
    const siblings = parents.get(stat.ppid) ?? [];
    siblings.push(Number(entry));
    parents.set(stat.ppid, siblings);
  }
  let total = 0;
  const queue = [pid];
  while (queue.length > 0) {
    const current = queue.pop()!;
    total += ticks.get(current) ?? 0;
    queue.push(...(parents.get(current) ?? []));
  }
  return (total * 1000) / CLOCK_TICKS;
}

/** How many processes the tree of `pid` has (1 + tsx's node + cluster workers). */
export function processCount(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (!stat) continue;
    const list = children.get(stat.ppid) ?? [];
    list.push(Number(entry));
    children.set(stat.ppid, list);
  }
  let count = 0;
  const queue = [pid];
  while (queue.length > 0) {
    const current = queue.pop()!;
    count += 1;
    queue.push(...(children.get(current) ?? []));
  }
  return count;
}
