import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Seeding an in-memory PGlite takes a few seconds.
    hookTimeout: 120_000,
    testTimeout: 120_000,
  },
});
