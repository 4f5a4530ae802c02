// English texts of the rollout and adoption screens (issue 7, adoption-reports); spread into en.ts.
import type { adoptionReportsNb } from "./adoption-reports.nb";

export const adoptionReportsEn: Record<keyof typeof adoptionReportsNb, string> = {
};
