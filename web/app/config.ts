// Build-time configuration (Vite replaces import.meta.env.VITE_* when it bundles).

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

function stripTrailingSlash(url: string): string {
  return url.replace(/\/+$/, "");
}

export const config: SamlaWebConfig = readConfig(import.meta.env);
