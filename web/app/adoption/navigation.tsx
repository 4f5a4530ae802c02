// The innføring area's sub-navigation: the pages a user's roles may use (the API still
// refuses the rest). Leaders see the reports; the directorate sees the plan and summary too.
import { SubNav, type SubNavPage } from "../components/SubNav";
import type { SamlaRole } from "../auth/roles";

const ADOPTION_PAGES: Array<SubNavPage & { roles: readonly SamlaRole[] }> = [
  { to: "/innforing", key: "adoption.nav.dashboard", end: true, roles: ["planner", "viewer", "admin", "office-leader"] },
  { to: "/innforing/plan", key: "adoption.nav.plan", roles: ["planner", "viewer", "admin"] },
  { to: "/innforing/rapporter", key: "adoption.nav.reports", roles: ["planner", "viewer", "admin", "office-leader"] },
  { to: "/innforing/manedsrapport", key: "adoption.nav.monthlySummary", roles: ["planner", "viewer", "admin"] },
];

export function adoptionPagesFor(roles: readonly string[]): SubNavPage[] {
  return ADOPTION_PAGES.filter((page) => page.roles.some((role) => roles.includes(role)));
}

/** Links between the innføring screens for a user with `roles`. */
export function AdoptionSubNav({ roles }: { roles: readonly string[] }) {
  return <SubNav labelKey="adoption.nav.label" pages={adoptionPagesFor(roles)} />;
}
