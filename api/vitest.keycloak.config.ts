// Tests that need a running Keycloak (KEYCLOAK_URL): run by `npm test` when it is set.
import { defineConfig } from "vitest/config";
import base from "./vitest.config";

export default defineConfig({ ...base, test: { ...base.test, include: ["keycloak-test/**/*.test.ts"] } });
