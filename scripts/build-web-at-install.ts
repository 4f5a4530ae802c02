// The root package's postinstall: builds the web app once at install time (npm 11 runs the root
// package's own scripts), so the first `npm start` takes the build from Turborepo's cache and
// only migrates and seeds. Best effort: when the build is skipped or fails, `npm install` still
// succeeds and `npm start` builds it again (and shows the error). SAMLA_SKIP_WEB_BUILD=1 skips it.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { logElapsed } from "./elapsed";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const log = (message: string) => console.log(`[samla] ${message}`);

if (process.env.SAMLA_SKIP_WEB_BUILD === "1") {
  log("SAMLA_SKIP_WEB_BUILD=1: the web app is built by the first npm start");
} else if (!existsSync(path.join(root, "web", "app"))) {
  // e.g. a container image that copies the sources after npm ci
  log("no web/app yet: the web app is built later");
} else {
  log("building the web app once now, so that the first npm start is quick (40 s to 2 min)…");
  const done = logElapsed(log, "building the web app");
  const build = spawn("npx", ["turbo", "run", "build", "--filter=@samla/web", "--output-logs=errors-only"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" },
  });
  build.once("error", (error) => {
    log(`the web app was not built now (${error.message}); npm start builds it`);
  });
  build.once("exit", (code) => {
    const seconds = done();
    log(code === 0 ? `web app built in ${seconds} s` : `the web app did not build (exit ${code}); npm start builds it again and shows why`);
  });
}
