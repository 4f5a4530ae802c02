// Who is calling the API, as read from a verified access token (Keycloak's shape).

/** Keycloak realm roles Samla knows (realm `samla`). */
export const SAMLA_ROLES = ["planner", "office-leader", "hr", "viewer", "admin"] as const;
export type SamlaRole = (typeof SAMLA_ROLES)[number];

export function isSamlaRole(role: string): role is SamlaRole {
  return (SAMLA_ROLES as readonly string[]).includes(role);
}

export interface Viewer {
  /** The token's `sub`: the Keycloak user id, which `Person.ssoSubject` links to. */
  subject: string;
  /** `preferred_username` */
  username: string;
  /** `name`, or the username when the token has none */
  name: string;
  email?: string;
  /** Samla's realm roles from `realm_access.roles`; other roles are dropped. */
  roles: SamlaRole[];
  /** The token's `exp`: a long-lived stream (a subscription) ends then, and the client renews its token. */
  expiresAt?: Date;
}
