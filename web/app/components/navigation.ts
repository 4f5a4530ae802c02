// The main navigation, in one list: each screen names the roles that may use it, and the
// shell shows a user only the screens their roles allow (the API still refuses the rest).
import type { SamlaRole } from "../auth/roles";
import type { MessageKey } from "../i18n";

export interface NavItem {
  to: string;
  labelKey: MessageKey;
  /** Realm roles that may use the screen; a user needs at least one of them. */
  roles: readonly SamlaRole[];
  /** Only the exact path marks the item as current ("/" would match every page). */
  end?: boolean;
}

const EVERYONE: readonly SamlaRole[] = ["viewer", "planner", "office-leader", "hr", "admin"];

export const NAV_ITEMS: readonly NavItem[] = [
  { to: "/", labelKey: "nav.overview", roles: EVERYONE, end: true },
  { to: "/organisasjon", labelKey: "nav.organisation", roles: EVERYONE },
  { to: "/kontorer", labelKey: "nav.offices", roles: EVERYONE },
  { to: "/sammenslaainger", labelKey: "nav.mergers", roles: EVERYONE },
  { to: "/scenarier", labelKey: "nav.scenarios", roles: ["planner", "admin", "viewer"] },
  { to: "/sammenlign", labelKey: "nav.comparePilots", roles: ["planner", "viewer", "admin", "office-leader"] },
  { to: "/innforing", labelKey: "nav.adoption", roles: ["planner", "viewer", "admin", "office-leader"] },
  { to: "/mitt-kontor", labelKey: "nav.myOffice", roles: ["office-leader"] },
  { to: "/hr", labelKey: "nav.hr", roles: ["hr", "admin"] },
  // One entry for the admin screens; they link to each other (methods/catalogue AdminSubNav).
  { to: "/admin", labelKey: "catalogue.nav.admin", roles: ["admin"] },
];

/** The items a user with `roles` may use, in the list's order. */
export function navItemsFor(roles: readonly string[], items: readonly NavItem[] = NAV_ITEMS): NavItem[] {
  const held = new Set(roles);
  return items.filter((item) => item.roles.some((role) => held.has(role)));
}
