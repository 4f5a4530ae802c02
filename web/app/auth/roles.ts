// Keycloak realm roles Samla knows (realm `samla`); mirrors api/src/auth/viewer.ts.
export const SAMLA_ROLES = ["planner", "office-leader", "hr", "viewer", "admin"] as const;
export type SamlaRole = (typeof SAMLA_ROLES)[number];

export function isSamlaRole(role: string): role is SamlaRole {
  return (SAMLA_ROLES as readonly string[]).includes(role);
}
