import { defineConfig } from "@playwright/test";

// Process-level tests: each starts the product itself (as `npm start` does, on its own ports
// and database) and acts on its processes, so there is no shared webServer and no browser.
export default defineConfig({
  testDir: "./process",
  // A cold start builds the web app and seeds a fresh database before the test proper.
  timeout: 300_000,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  outputDir: "./test-results/process",
});
