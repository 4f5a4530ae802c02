import type { MetaFunction } from "@remix-run/react";
import { GraphExplorer } from "../graph/GraphExplorer";
import { gt } from "../graph/texts";

export const meta: MetaFunction = () => [{ title: `${gt("graph.title")} – Samla` }];

export default function OrganisationRoute() {
  return <GraphExplorer />;
}
