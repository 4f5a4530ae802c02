// Where the IdP and the API are. Two sources, the later winning:
// 1. build time: VITE_SAMLA_OIDC_URL, VITE_SAMLA_OIDC_CLIENT, VITE_SAMLA_API_URL (with
//    local defaults), which is all `remix vite:dev` and `vite preview` have;
// 2. run time: /config.json, which web/serve.ts (npm start, the container image) serves,
//    so one build runs against any IdP and API.

export interface SamlaWebConfig {
  /** Keycloak base URL, without the realm path. */
  oidcUrl: string;
  realm: string;
  oidcClientId: string;
  apiUrl: string;
}

export function readConfig(env: Partial<Record<string, string | undefined>>): SamlaWebConfig {
  return {
    oidcUrl: stripTrailingSlash(env.VITE_SAMLA_OIDC_URL || "http://localhost:8180"),
    realm: "samla",
    oidcClientId: env.VITE_SAMLA_OIDC_CLIENT || "samla-web",
    apiUrl: env.VITE_SAMLA_API_URL || "http://localhost:4000/graphql",
  };
}

/** The shape web/serve.ts writes to /config.json. */
interface RuntimeConfigJson {
  oidcUrl?: unknown;
  realm?: unknown;
  clientId?: unknown;
  apiUrl?: unknown;
}

/** Build-time config overridden by the non-empty string fields of /config.json. */
export function mergeRuntimeConfig(base: SamlaWebConfig, runtime: RuntimeConfigJson | null): SamlaWebConfig {
  if (!runtime || typeof runtime !== "object") return base;
  const text = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? value.trim() : undefined);
  return {
    oidcUrl: stripTrailingSlash(text(runtime.oidcUrl) ?? base.oidcUrl),
    realm: text(runtime.realm) ?? base.realm,
    oidcClientId: text(runtime.clientId) ?? base.oidcClientId,
    apiUrl: text(runtime.apiUrl) ?? base.apiUrl,
  };
}

function stripTrailingSlash(url: string): string {
  return url.replace(/\/+$/, "");
}

export const buildTimeConfig: SamlaWebConfig = readConfig(import.meta.env);

let loaded: Promise<SamlaWebConfig> | undefined;

/** The configuration for this page load (fetched once). */
export function loadConfig(fetchImpl: typeof fetch = globalThis.fetch.bind(globalThis)): Promise<SamlaWebConfig> {
  loaded ??= fetchRuntimeConfig(fetchImpl).then((runtime) => mergeRuntimeConfig(buildTimeConfig, runtime));
  return loaded;
}

async function fetchRuntimeConfig(fetchImpl: typeof fetch): Promise<RuntimeConfigJson | null> {
  try {
    const response = await fetchImpl("/config.json", { cache: "no-store", headers: { accept: "application/json" } });
    // The Vite dev server answers unknown paths with the app's HTML: not a config.
    if (!response.ok || !response.headers.get("content-type")?.includes("json")) return null;
    return (await response.json()) as RuntimeConfigJson;
  } catch {
    return null;
  }
}
