// English texts of the rollout and adoption screens (issue 7, adoption-plan); spread into en.ts.
import type { adoptionPlanNb } from "./adoption-plan.nb";

export const adoptionPlanEn: Record<keyof typeof adoptionPlanNb, string> = {
};
