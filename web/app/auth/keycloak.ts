// Sign-in with keycloak-js (works the same against Keycloak and the embedded dev IdP).
// Tokens live only in the keycloak-js instance in memory; keycloak-js keeps just the
// short-lived PKCE/state values for the redirect in browser storage.
import Keycloak, { type KeycloakConfig, type KeycloakInitOptions } from "keycloak-js";
import { loadConfig } from "../config";
import { IdpUnreachableError, SignInFailedError } from "./errors";
import { restoreFragment, revealFragment, setAsideFragment, type BrowserLocation } from "./return-fragment";
import { userFromClaims, type SignedInUser } from "./user";

export interface AuthSession {
  user: SignedInUser;
  /** A valid access token, refreshed first when it has less than 30 s left. */
  getToken(): Promise<string>;
  /** Ends the session at the IdP and comes back to the app's front page. */
  signOut(): Promise<void>;
}

/** The part of keycloak-js this module uses (so tests can pass a fake). */
export type KeycloakClient = Pick<
  Keycloak,
  "init" | "updateToken" | "login" | "logout" | "isTokenExpired" | "token" | "tokenParsed" | "onTokenExpired"
>;

export interface SignInOptions {
  oidcUrl: string;
  realm: string;
  clientId: string;
  /** Where the IdP sends the browser after sign-out. */
  postLogoutRedirectUri: string;
  createKeycloak?: (keycloakConfig: KeycloakConfig) => KeycloakClient;
  fetch?: typeof fetch;
  probeTimeoutMs?: number;
  /** The page's location, history and sessionStorage: the URL's #fragment is kept across the redirect. */
  browser?: BrowserLocation;
  /** Called with the fragment put back after sign-in (the app scrolls to its section). */
  onFragmentRestored?: (fragment: string) => void;
}

/** Seconds of validity a token must have left before we use it; else it is refreshed. */
export const MIN_TOKEN_VALIDITY_SECONDS = 30;

export const KEYCLOAK_INIT_OPTIONS: KeycloakInitOptions = {
  onLoad: "login-required",
  pkceMethod: "S256",
  checkLoginIframe: false,
};

export async function startSignIn(options: SignInOptions): Promise<AuthSession> {
  const realmUrl = `${options.oidcUrl}/realms/${encodeURIComponent(options.realm)}`;
  // keycloak-js builds the login URL without contacting the IdP, so an IdP that is down
  // would leave the user on the browser's own error page. Ask first, and fail here.
  await probeIdp(realmUrl, options.fetch ?? globalThis.fetch.bind(globalThis), options.probeTimeoutMs ?? 10_000);

  const keycloakConfig: KeycloakConfig = { url: options.oidcUrl, realm: options.realm, clientId: options.clientId };
  const keycloak = options.createKeycloak ? options.createKeycloak(keycloakConfig) : new Keycloak(keycloakConfig);

  // keycloak-js sends location.href as redirect_uri, and the IdPs refuse one with a fragment.
  if (options.browser) setAsideFragment(options.browser);

  let authenticated: boolean;
  try {
    // With login-required this redirects to the IdP (and never resolves) until the
    // browser comes back with an authorisation code.
    authenticated = await keycloak.init(KEYCLOAK_INIT_OPTIONS);
  } catch (cause) {
    throw new SignInFailedError(`keycloak-js init failed: ${describe(cause)}`, { cause });
  }
  if (!authenticated || !keycloak.token) {
    throw new SignInFailedError("keycloak-js finished without a token");
  }
  const restored = options.browser ? restoreFragment(options.browser) : undefined;
  if (restored) options.onFragmentRestored?.(restored);

  const getToken = async (): Promise<string> => {
    try {
      await keycloak.updateToken(MIN_TOKEN_VALIDITY_SECONDS);
    } catch {
      // A token that is still valid is fine to use while the IdP is briefly away; an
      // expired one means the IdP session has ended: sign in again.
      if (keycloak.isTokenExpired(0)) {
        if (options.browser) setAsideFragment(options.browser);
        await keycloak.login();
      }
    }
    if (!keycloak.token) throw new SignInFailedError("no access token after refresh");
    return keycloak.token;
  };

  keycloak.onTokenExpired = () => {
    void getToken().catch(() => undefined);
  };

  return {
    user: userFromClaims(keycloak.tokenParsed),
    getToken,
    signOut: () => keycloak.logout({ redirectUri: options.postLogoutRedirectUri }),
  };
}

async function probeIdp(realmUrl: string, fetchImpl: typeof fetch, timeoutMs: number): Promise<void> {
  try {
    // no-cors: any answer at all proves the IdP is up; only a network failure throws.
    await fetchImpl(`${realmUrl}/.well-known/openid-configuration`, {
      mode: "no-cors",
      cache: "no-store",
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (cause) {
    throw new IdpUnreachableError(`The identity provider at ${realmUrl} did not answer`, { cause });
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (error && typeof error === "object" && "error" in error) return String((error as { error: unknown }).error);
  return String(error);
}

let currentSession: Promise<AuthSession> | undefined;

/**
 * Signs in once per page load; every caller shares the same session (or the same
 * failure: "Prøv igjen" reloads the page, which starts afresh).
 */
export function signIn(): Promise<AuthSession> {
  currentSession ??= loadConfig().then((config) =>
    startSignIn({
      oidcUrl: config.oidcUrl,
      realm: config.realm,
      clientId: config.oidcClientId,
      postLogoutRedirectUri: `${window.location.origin}/`,
      browser: window,
      onFragmentRestored: (fragment) => revealFragment(fragment),
    }),
  );
  return currentSession;
}

/** A valid access token for an API call (waits for sign-in when it is still running). */
export async function getAccessToken(): Promise<string> {
  const session = await signIn();
  return session.getToken();
}
