import type { ResultOf } from "../../graphql";
import type { AdoptionImpactQuery } from "./documents";

type ImpactResult = ResultOf<typeof AdoptionImpactQuery>["adoptionImpact"];

/** The estimate as the screen reads it (the AdoptionImpact member of the result union). */
export type Impact = Extract<ImpactResult, { __typename: "AdoptionImpact" }>;
