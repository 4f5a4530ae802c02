import { defineConfig } from "@playwright/test";
import { E2E_PORTS } from "./src/ports";

// Debian's Chromium (PLATFORM.md): Playwright's own browser download cannot run here.
const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export default defineConfig({
  testDir: "./tests",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  outputDir: "./test-results",
  use: {
    baseURL: `http://localhost:${E2E_PORTS.web}`,
    locale: "nb-NO",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: chromiumArgs },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    // The whole product, as `npm start` runs it, on its own ports and a fresh database.
    command: "npx tsx src/stack.ts",
    url: `http://localhost:${E2E_PORTS.web}/config.json`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});
