// scenarioGraph: a scenario's to-be in the org graph's shape, each node marked with how it
// differs from the as-is or from another scenario (computed in analysis-graph.ts).
import { GraphQLError } from "graphql";
import { builder } from "../builder";
import { OrgGraphRef } from "../org/org-graph";
import { scenarioAnalysis } from "./analysis-context";
import { scenarioGraph } from "./analysis-graph";
import { ScenarioRef } from "./scenarios";

builder.queryField("scenarioGraph", (t) =>
  t.field({
    type: OrgGraphRef,
    nullable: true,
    description:
      "The scenario's to-be as cytoscape nodes and edges (office ⊃ team ⊃ person, services, DELIVERS, REPORTS_TO and " +
      "MERGES_INTO), each node's `change` against the as-is, or against the to-be of scenario `compareTo`. Teams sit in " +
      "their to-be office (a merger's target); closed teams and people left without a position are included, marked " +
      "CLOSED; vacant positions are PERSON nodes whose id is the ScenarioPosition's and whose employer is null. " +
      "`asOf` is the scenario's effective date. Null when there is no such scenario.",
    args: {
      id: t.arg.globalID({ required: true, for: ScenarioRef }),
      compareTo: t.arg.globalID({ required: false, for: ScenarioRef, description: "Another scenario to compare with." }),
    },
    resolve: async (_parent, args, context) => {
      const [analysis, other] = await Promise.all([
        scenarioAnalysis(context, args.id.id),
        args.compareTo ? scenarioAnalysis(context, args.compareTo.id) : null,
      ]);
      if (!analysis) return null;
      if (args.compareTo && !other) {
        throw new GraphQLError("Fant ikke scenarioet det skal sammenlignes med.", { extensions: { code: "BAD_USER_INPUT" } });
      }
      return scenarioGraph(analysis.model, other?.model ?? null);
    },
  }),
);
