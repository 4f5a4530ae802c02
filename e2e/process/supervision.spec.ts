// `npm start` supervises its parts: the API runs in a child process; when that dies (here:
// SIGKILL, as the kernel does when the heap runs out), it is started again, while the web
// server and the sign-in server (in the supervising process) answer throughout. SIGTERM to
// npm start then stops everything.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import pg from "pg";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
// Next to the e2e stack's ports (E2E_PORT_BASE + 0, 1173, 4180), so both can run at once.
const base = Number(process.env.E2E_PORT_BASE ?? 14000) + 500;
const ports = { api: base, web: base + 1, idp: base + 2 };
const urls = {
  healthz: `http://127.0.0.1:${ports.api}/healthz`,
  graphql: `http://127.0.0.1:${ports.api}/graphql`,
  web: `http://127.0.0.1:${ports.web}/config.json`,
  idp: `http://127.0.0.1:${ports.idp}/realms/samla/.well-known/openid-configuration`,
};

async function freshDatabaseUrl(): Promise<string> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl?.startsWith("postgres")) return path.join(mkdtempSync(path.join(tmpdir(), "samla-supervision-")), "pglite");
  const name = "samla_e2e_supervision";
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** npm start's output so far, and a way to wait for a line. */
function watchOutput(child: ChildProcess) {
  let output = "";
  const append = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout!.on("data", append);
  child.stderr!.on("data", append);
  return {
    text: () => output,
    async waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const match = pattern.exec(output);
        if (match) return match;
        if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}) before ${pattern}:\n${output}`);
        if (Date.now() > until) throw new Error(`no ${pattern} within ${timeoutMs} ms:\n${output.slice(-3000)}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
  };
}

const answers = async (url: string) => (await fetch(url).catch(() => undefined))?.status === 200;
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

test("a killed API process is started again while the web server and the sign-in server keep answering", async () => {
  // The supervisor itself, without npm's and tsx's wrapper processes, so its pid is ours to signal.
  const start = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", "start.ts")], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: await freshDatabaseUrl(),
      SAMLA_API_PORT: String(ports.api),
      SAMLA_WEB_PORT: String(ports.web),
      SAMLA_IDP_PORT: String(ports.idp),
      SAMLA_API_WORKERS: "1",
      // The embedded IdP is one of the parts watched, also in the Keycloak pass of CI.
      KEYCLOAK_URL: "",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output = watchOutput(start);
  try {
    const firstPid = Number((await output.waitFor(/API ready \(process (\d+)\)/, 240_000))[1]);
    await output.waitFor(/Demo users/, 5_000);
    expect(await answers(urls.healthz)).toBe(true);

    // Watch the web server and the IdP from now on: every poll must be answered.
    const missed: string[] = [];
    let polls = 0;
    let watching = true;
    const watcher = (async () => {
      while (watching) {
        for (const url of [urls.web, urls.idp]) if (!(await answers(url))) missed.push(url);
        polls += 1;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();

    const killedAt = Date.now();
    process.kill(firstPid, "SIGKILL");
    await output.waitFor(new RegExp(`API process ${firstPid} stopped unexpectedly \\(killed by SIGKILL\\); starting it again`), 10_000);
    const secondPid = Number((await output.waitFor(/API is back \(process (\d+)\)/, 60_000))[1]);
    const downMs = Date.now() - killedAt;
    watching = false;
    await watcher;

    expect(secondPid).not.toBe(firstPid);
    expect(alive(firstPid)).toBe(false);
    expect(await answers(urls.healthz)).toBe(true); // the database is back too
    const health = await fetch(urls.graphql, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ health }" }),
    });
    expect(await health.json()).toEqual({ data: { health: "ok" } });
    expect(polls).toBeGreaterThan(5);
    expect(missed).toEqual([]);
    expect(start.exitCode).toBeNull();
    console.log(`API answered again ${downMs} ms after SIGKILL; web and IdP answered ${polls} polls each`);

    // SIGTERM to npm start stops everything: the API process first, then the web server and the IdP.
    const exited = new Promise<number | null>((resolve) => start.once("exit", (code) => resolve(code)));
    start.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(alive(secondPid)).toBe(false);
    for (const url of [urls.healthz, urls.web, urls.idp]) expect(await answers(url), url).toBe(false);
  } finally {
    if (start.exitCode === null) start.kill("SIGKILL");
  }
});
