// Bokmål texts of the rollout and adoption screens (issue 7, adoption-dashboard); spread into nb.ts.
export const adoptionDashboardNb = {
  "nav.adoption": "Innføring",
  "adoption.nav.label": "Sider om innføringen",
  "adoption.nav.dashboard": "Oversikt",
  "adoption.nav.plan": "Innføringsplan",
  "adoption.nav.reports": "Statusrapporter",
  "adoption.nav.monthlySummary": "Månedsrapport",
};
