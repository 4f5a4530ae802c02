// Who may use the HR screens: the API refuses the rest anyway; the UI says so up front.
import type { SamlaRole } from "../auth";

export const HR_ROLES: readonly SamlaRole[] = ["hr", "admin"];

export function mayUseHr(roles: readonly string[]): boolean {
  return roles.some((role) => (HR_ROLES as readonly string[]).includes(role));
}
