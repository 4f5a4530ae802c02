// The API child process: started detached (its own process group) on 127.0.0.1, watched for
// an exit (a crash is a finding), restarted on the same database when it died, always
// stopped at the end; its memory is read from /proc.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdirSync, readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const RESULTS_DIR = path.join(ROOT, "fuzz-results");

/** Every port the fuzz listens on or starts a server on (this repo's share of 20000-20999). */
export const PORT_RANGE = { first: 20400, last: 20499 } as const;
const taken = new Set<number>();

async function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

/** The first free port of the range from FUZZ_PORT_BASE (default 20400) on. */
export async function freePort(): Promise<number> {
  const first = Number(process.env.FUZZ_PORT_BASE ?? PORT_RANGE.first);
  for (let port = first; port <= Math.max(first, PORT_RANGE.last); port++) {
    if (taken.has(port)) continue;
    if (await isFree(port)) {
      taken.add(port);
      return port;
    }
  }
  throw new Error(`No free port from ${first} to ${PORT_RANGE.last}`);
}

export interface ApiChildOptions {
  databaseUrl: string;
  issuer: string;
  jwksUrl: string;
  apiPort: number;
  controlPort: number;
}

export class ApiChild {
  readonly origin: string;
  readonly controlOrigin: string;
  readonly logFile = path.join(RESULTS_DIR, "fuzz-api.log");
  private process: ChildProcess | null = null;
  private exitCode: number | null | undefined;
  private exitSignal: string | null = null;
  private peakRssBytes = 0;
  private sampler: NodeJS.Timeout | null = null;
  /** How often the child died under the fuzz. */
  crashes = 0;

  constructor(private readonly options: ApiChildOptions) {
    this.origin = `http://127.0.0.1:${options.apiPort}`;
    this.controlOrigin = `http://127.0.0.1:${options.controlPort}`;
  }

  get pid(): number | undefined {
    return this.process?.pid;
  }

  get alive(): boolean {
    return this.process !== null && this.exitCode === undefined;
  }

  /** How the last child ended, for the report ("code 134", "signal SIGKILL"). */
  get exitDescription(): string {
    return this.exitSignal ? `signal ${this.exitSignal}` : `code ${this.exitCode}`;
  }

  async start(): Promise<void> {
    mkdirSync(RESULTS_DIR, { recursive: true });
    const log = createWriteStream(this.logFile, { flags: "a" });
    // node --import tsx (not the tsx wrapper): the pid is the API's own process, so its RSS is the API's.
    const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "fuzz", "src", "api-process.ts")], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: "production",
        FUZZ_DATABASE_URL: this.options.databaseUrl,
        FUZZ_ISSUER: this.options.issuer,
        FUZZ_JWKS_URL: this.options.jwksUrl,
        FUZZ_API_PORT: String(this.options.apiPort),
        FUZZ_CONTROL_PORT: String(this.options.controlPort),
      },
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    this.process = child;
    this.exitCode = undefined;
    this.exitSignal = null;
    child.once("exit", (code, signal) => {
      this.exitCode = code;
      this.exitSignal = signal;
    });
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      if (!this.alive) throw new Error(`The API exited while starting (${this.exitDescription}); see ${this.logFile}:\n${tail(this.logFile)}`);
      try {
        const response = await fetch(`${this.controlOrigin}/counts`, { signal: AbortSignal.timeout(5000) });
        if (response.ok) break;
      } catch {
        // not up yet
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    if (!this.alive) throw new Error(`The API did not start; see ${this.logFile}`);
    this.sampler ??= setInterval(() => this.sampleRss(), 100);
    this.sampler.unref();
  }

  /** Resident memory now (bytes); 0 when the child is gone. */
  rssBytes(): number {
    const pid = this.process?.pid;
    if (!pid || !this.alive) return 0;
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      return match ? Number(match[1]) * 1024 : 0;
    } catch {
      return 0;
    }
  }

  private sampleRss(): void {
    this.peakRssBytes = Math.max(this.peakRssBytes, this.rssBytes());
  }

  /** Highest RSS seen since the last reset (sampled every 100 ms, plus on demand). */
  peakRss(): number {
    this.sampleRss();
    return this.peakRssBytes;
  }

  resetPeak(): void {
    this.peakRssBytes = this.rssBytes();
  }

  /** Waits up to `ms` for the child to have exited (a crash under way), true if it did. */
  async exitedWithin(ms: number): Promise<boolean> {
    const deadline = Date.now() + ms;
    while (this.alive && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    return !this.alive;
  }

  async stop(): Promise<void> {
    if (this.sampler) clearInterval(this.sampler);
    this.sampler = null;
    const pid = this.process?.pid;
    if (!pid || !this.alive) return;
    signalGroup(pid, "SIGTERM");
    if (!(await this.exitedWithin(5000))) signalGroup(pid, "SIGKILL");
    await this.exitedWithin(2000);
  }

  /** Synchronous last resort on exit: SIGKILL the child's process group. */
  killNow(): void {
    const pid = this.process?.pid;
    if (pid && this.alive) signalGroup(pid, "SIGKILL");
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

export function tail(file: string, lines = 20): string {
  try {
    return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "";
  }
}
