// GraphiQL's page (development mode only) from the @graphql-yoga/render-graphiql package: its
// script, styles and editor workers are inlined into the page the API serves, so nothing is
// loaded from elsewhere. yoga's default page loads them from unpkg.com without integrity
// checks, which fails on an air-gapped network and trusts a third party with the page.

import type { GraphiQLOptions } from "graphql-yoga";

/** Loaded on first use: the package is ~9 MB of JavaScript that production never needs. */
export async function renderSelfContainedGraphiQL(options: GraphiQLOptions): Promise<string> {
  const { renderGraphiQL } = await import("@graphql-yoga/render-graphiql");
  return renderGraphiQL(options);
}
