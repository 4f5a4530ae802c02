/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Keycloak base URL (realm `samla` lives under it), e.g. http://localhost:8180 */
  readonly VITE_SAMLA_OIDC_URL?: string;
  /** Public OIDC client id */
  readonly VITE_SAMLA_OIDC_CLIENT?: string;
  /** The GraphQL endpoint */
  readonly VITE_SAMLA_API_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
