import type { ResultOf } from "../../graphql";
import type { RolloutPlanQuery } from "./documents";

export type PlanWave = ResultOf<typeof RolloutPlanQuery>["rolloutWaves"][number];
export type PlanRollout = PlanWave["rollouts"][number];
