// One lint setup for the whole monorepo.
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/build/**",
      "**/dist/**",
      "**/.cache/**",
      "**/generated/**",
      "**/test-results/**",
      "**/playwright-report/**",
      ".data/**",
      ".keycloak/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // One decoder for global ids (api/src/lib/ids.ts), which also refuses ids PostgreSQL cannot take.
    files: ["api/src/**/*.ts"],
    ignores: ["api/src/lib/ids.ts", "**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: [{ name: "@pothos/plugin-relay", importNames: ["decodeGlobalID"], message: "Use decodeGlobalID from api/src/lib/ids.ts." }] },
      ],
    },
  },
);
