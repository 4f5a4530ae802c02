import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // Each test file migrates its own database (PGlite in memory or a new PostgreSQL database).
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
