// Reads the parts of the Keycloak realm export the dev IdP needs: the public client and
// the users. The realm file (seed/keycloak/samla-realm.json) is the single source of truth,
// so the dev IdP and a real Keycloak sign in the same users with the same ids and roles.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const DEFAULT_REALM_FILE = fileURLToPath(new URL("../../../../seed/keycloak/samla-realm.json", import.meta.url));

export interface RealmUser {
  /** Keycloak user id, the tokens' `sub` */
  id: string;
  username: string;
  firstName: string;
  lastName: string;
  email: string;
  emailVerified: boolean;
  password: string;
  realmRoles: string[];
}

export interface RealmClient {
  clientId: string;
  name: string;
  /** Keycloak patterns: exact URIs, or a prefix ending in `*` */
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  /** Exact origins; "+" (origins of the redirect URIs) already expanded */
  webOrigins: string[];
  baseUrl?: string;
}

export interface Realm {
  name: string;
  displayName: string;
  accessTokenLifespan: number;
  ssoSessionIdleTimeout: number;
  ssoSessionMaxLifespan: number;
  client: RealmClient;
  users: RealmUser[];
}

interface ClientRepresentation {
  clientId?: string;
  name?: string;
  rootUrl?: string;
  baseUrl?: string;
  publicClient?: boolean;
  redirectUris?: string[];
  webOrigins?: string[];
  attributes?: Record<string, string>;
}

interface UserRepresentation {
  id?: string;
  username?: string;
  enabled?: boolean;
  firstName?: string;
  lastName?: string;
  email?: string;
  emailVerified?: boolean;
  credentials?: { type?: string; value?: string }[];
  realmRoles?: string[];
}

interface RealmRepresentation {
  realm?: string;
  displayName?: string;
  accessTokenLifespan?: number;
  ssoSessionIdleTimeout?: number;
  ssoSessionMaxLifespan?: number;
  clients?: ClientRepresentation[];
  users?: UserRepresentation[];
}

function originOf(uri: string): string | undefined {
  return URL.parse(uri.replace(/\*$/, ""))?.origin;
}

export function loadRealm(realmFile: string = DEFAULT_REALM_FILE, clientId = "samla-web"): Realm {
  const realm = JSON.parse(readFileSync(realmFile, "utf8")) as RealmRepresentation;
  const client = realm.clients?.find((candidate) => candidate.clientId === clientId);
  if (!client) throw new Error(`${realmFile} has no client ${clientId}`);
  if (!client.publicClient) throw new Error(`client ${clientId} in ${realmFile} must be public`);

  const redirectUris = client.redirectUris ?? [];
  // Keycloak: "post.logout.redirect.uris" is a "##"-separated list; "+" means "the redirect URIs".
  const postLogout = (client.attributes?.["post.logout.redirect.uris"] ?? "")
    .split("##")
    .filter(Boolean)
    .flatMap((entry) => (entry === "+" ? redirectUris : [entry]));
  const webOrigins = (client.webOrigins ?? []).flatMap((origin) =>
    origin === "+" ? redirectUris.map(originOf).filter((value): value is string => !!value) : [origin],
  );

  const users = (realm.users ?? [])
    .filter((user) => user.enabled !== false)
    .map((user): RealmUser => {
      const password = user.credentials?.find((credential) => credential.type === "password")?.value;
      if (!user.id || !user.username || !password) {
        throw new Error(`realm user ${user.username ?? "(no username)"} needs an id, a username and a password`);
      }
      return {
        id: user.id,
        username: user.username,
        firstName: user.firstName ?? "",
        lastName: user.lastName ?? "",
        email: user.email ?? "",
        emailVerified: user.emailVerified ?? false,
        password,
        realmRoles: user.realmRoles ?? [],
      };
    });

  return {
    name: realm.realm ?? "samla",
    displayName: realm.displayName ?? realm.realm ?? "Samla",
    accessTokenLifespan: realm.accessTokenLifespan ?? 300,
    ssoSessionIdleTimeout: realm.ssoSessionIdleTimeout ?? 1800,
    ssoSessionMaxLifespan: realm.ssoSessionMaxLifespan ?? 36000,
    client: {
      clientId,
      name: client.name ?? clientId,
      redirectUris,
      postLogoutRedirectUris: [...new Set(postLogout)],
      webOrigins: [...new Set(webOrigins)],
      ...(client.rootUrl || client.baseUrl
        ? { baseUrl: new URL(client.baseUrl ?? "/", client.rootUrl ?? "http://localhost:5173").href }
        : {}),
    },
    users,
  };
}

/** The OIDC claims Keycloak puts in tokens for a user (default client scopes). */
export function userClaims(user: RealmUser) {
  const name = [user.firstName, user.lastName].filter(Boolean).join(" ") || user.username;
  return {
    sub: user.id,
    name,
    given_name: user.firstName,
    family_name: user.lastName,
    preferred_username: user.username,
    email: user.email,
    email_verified: user.emailVerified,
    realm_access: { roles: user.realmRoles },
  };
}

/**
 * Keycloak's redirect URI check: exact match, or prefix match for patterns ending in `*`.
 * For local development and tests we also accept any http://localhost:<port> and
 * http://127.0.0.1:<port> URI: web dev servers and test runs pick their own ports, and this
 * IdP only ever runs on a developer's machine. oidc-provider itself compares exact strings,
 * so the dev IdP plugs this check in instead.
 */
export function redirectUriMatches(uri: string, patterns: readonly string[]): boolean {
  const parsed = URL.parse(uri);
  if (!parsed || parsed.hash) return false;
  if (parsed.protocol === "http:" && (parsed.hostname === "localhost" || parsed.hostname === "127.0.0.1")) return true;
  return patterns.some((pattern) => (pattern.endsWith("*") ? uri.startsWith(pattern.slice(0, -1)) : uri === pattern));
}

/** CORS: the client's web origins, plus any http://localhost / 127.0.0.1 port (see above). */
export function originAllowed(origin: string, webOrigins: readonly string[]): boolean {
  const parsed = URL.parse(origin);
  if (!parsed || origin === "null") return false;
  if (parsed.protocol === "http:" && (parsed.hostname === "localhost" || parsed.hostname === "127.0.0.1")) return true;
  return webOrigins.includes("*") || webOrigins.includes(parsed.origin);
}
