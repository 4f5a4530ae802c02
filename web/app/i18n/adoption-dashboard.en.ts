// English texts of the rollout and adoption screens (issue 7, adoption-dashboard); spread into en.ts.
import type { adoptionDashboardNb } from "./adoption-dashboard.nb";

export const adoptionDashboardEn: Record<keyof typeof adoptionDashboardNb, string> = {
  "nav.adoption": "Rollout",
  "adoption.nav.label": "Rollout pages",
  "adoption.nav.dashboard": "Overview",
  "adoption.nav.plan": "Rollout plan",
  "adoption.nav.reports": "Progress reports",
  "adoption.nav.monthlySummary": "Monthly summary",
};
