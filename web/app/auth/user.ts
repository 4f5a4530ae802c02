import { isSamlaRole, type SamlaRole } from "./roles";

/** The signed-in user, read from the access token (Keycloak's claims). */
export interface SignedInUser {
  subject: string;
  username: string;
  name: string;
  email?: string;
  /** Samla's realm roles from `realm_access.roles`; Keycloak's own default roles are dropped. */
  roles: SamlaRole[];
}

interface KeycloakClaims {
  sub?: string;
  preferred_username?: string;
  name?: string;
  given_name?: string;
  family_name?: string;
  email?: string;
  realm_access?: { roles?: unknown };
}

export function userFromClaims(claims: KeycloakClaims | undefined): SignedInUser {
  const subject = claims?.sub ?? "";
  const username = claims?.preferred_username ?? subject;
  const fullName = [claims?.given_name, claims?.family_name].filter(Boolean).join(" ");
  const rawRoles = claims?.realm_access?.roles;
  const roles = Array.isArray(rawRoles)
    ? rawRoles.filter((role): role is SamlaRole => typeof role === "string" && isSamlaRole(role))
    : [];
  return {
    subject,
    username,
    name: claims?.name || fullName || username,
    ...(claims?.email ? { email: claims.email } : {}),
    roles,
  };
}
