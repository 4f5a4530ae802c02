import { describe, expect, it } from "vitest";
import { loadConfig, mergeRuntimeConfig, readConfig } from "./config";

describe("readConfig", () => {
  it("uses the local defaults when no VITE_SAMLA_* variables are set", () => {
    expect(readConfig({})).toEqual({
      oidcUrl: "http://localhost:8180",
      realm: "samla",
      oidcClientId: "samla-web",
      apiUrl: "http://localhost:4000/graphql",
    });
  });

  it("takes the IdP, client and API from the environment, without a trailing slash on the IdP", () => {
    const config = readConfig({
      VITE_SAMLA_OIDC_URL: "https://auth.example.no/",
      VITE_SAMLA_OIDC_CLIENT: "samla-test",
      VITE_SAMLA_API_URL: "https://api.example.no/graphql",
    });
    expect(config).toMatchObject({
      oidcUrl: "https://auth.example.no",
      oidcClientId: "samla-test",
      apiUrl: "https://api.example.no/graphql",
    });
  });
});

describe("runtime config (/config.json from web/serve.ts)", () => {
  const base = readConfig({});

  it("overrides the build-time values with the served ones", () => {
    expect(
      mergeRuntimeConfig(base, {
        oidcUrl: "http://localhost:18180/",
        realm: "samla",
        clientId: "samla-web",
        apiUrl: "http://localhost:14000/graphql",
      }),
    ).toEqual({
      oidcUrl: "http://localhost:18180",
      realm: "samla",
      oidcClientId: "samla-web",
      apiUrl: "http://localhost:14000/graphql",
    });
  });

  it("ignores missing, empty or non-string fields", () => {
    expect(mergeRuntimeConfig(base, { oidcUrl: "", apiUrl: 42 })).toEqual(base);
    expect(mergeRuntimeConfig(base, null)).toEqual(base);
  });

  it("keeps the build-time config when /config.json is not JSON (the Vite dev server's HTML)", async () => {
    const config = await loadConfig(async () => new Response("<!DOCTYPE html>", { headers: { "content-type": "text/html" } }));
    expect(config).toEqual(base);
  });
});
