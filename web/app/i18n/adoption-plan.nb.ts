// Bokmål texts of the rollout and adoption screens (issue 7, adoption-plan); spread into nb.ts.
export const adoptionPlanNb = {
};
