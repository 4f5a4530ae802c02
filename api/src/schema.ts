// Builds the GraphQL schema from every module. Import order does not matter to Pothos;
// each module registers its types on the shared builder.
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from "graphql";
import { builder } from "./builder";
import "./lib/error-types";
import "./viewer/viewer";
import "./org/municipalities";
import "./org/offices";
import "./org/teams";
import "./org/office-mutations";
import "./org/team-mutations";
import "./org/org-graph";
import "./catalog/roles";
import "./catalog/services";
import "./people/persons";
import "./catalog/catalog-mutations";
import "./people/assignment-mutations";
import "./people/assignment-changes";
import "./people/import-assignments";
import "./sso/sso-users";
import "./mergers/mergers";
import "./mergers/merger-mutations";
import "./scenarios/scenarios";
import "./scenarios/scenario-queries";
import "./scenarios/scenario-create";
import "./scenarios/scenario-edits";
import "./scenarios/scenario-review";
import "./scenarios/scenario-impact";
import "./scenarios/scenario-health";
import "./scenarios/scenario-graph";
import "./scenarios/scenario-export";
import "./audit/audit-events";
import "./methods/method-types";
import "./methods/catalogue";
import "./methods/catalogue-mutations";
import "./methods/recording";
import "./methods/recording-office";
import "./methods/comparison";
import "./adoption/adoption-types";
import "./adoption/rollout-plan";
import "./adoption/progress-reports";
import "./adoption/progress-report-mutations";
import "./adoption/report-events";
import "./adoption/dashboard";
import "./adoption/impact";
import "./adoption/adoption-export";

export const schema: GraphQLSchema = builder.toSchema();

/** The SDL checked in as schema/schema.graphql: sorted, so diffs show real changes only. */
export function printSortedSchema(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
