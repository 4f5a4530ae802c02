import { defineConfig } from "vitest/config";

// Unit tests run in Node without the Remix plugin (which is only for the app build).
export default defineConfig({
  test: {
    include: ["app/**/*.test.ts", "test/**/*.test.ts"],
    environment: "node",
  },
});
