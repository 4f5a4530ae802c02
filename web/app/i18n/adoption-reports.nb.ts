// Bokmål texts of the rollout and adoption screens (issue 7, adoption-reports); spread into nb.ts.
export const adoptionReportsNb = {
};
