import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql 16 ships CJS ("main") and ESM ("module") builds. Node, and so yoga and Pothos,
    // load the CJS one; without this alias Vite would give our sources the ESM one, and
    // `instanceof GraphQLError` would fail across the two (errors get masked in tests only).
    alias: [{ find: /^graphql$/, replacement: require.resolve("graphql") }],
  },
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // Each test file migrates its own database (PGlite in memory or a new PostgreSQL database).
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
