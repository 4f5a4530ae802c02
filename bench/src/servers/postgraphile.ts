// PostGraphile 5 with its default preset (amber) over Samla's tables in schema `public`,
// served by grafserv on node:http. A child process of bench:api (see ../servers.ts):
//   node --import ./polyfill.mjs --import tsx postgraphile.ts
// Env: DATABASE_URL, PORT, HOST (127.0.0.1). GraphiQL, watch mode and the explain plugin
// are off; the connection-filter plugin adds `filter:` (dates, OR, ILIKE) so every workload
// can ask for exactly the rows Samla returns (and see EndDateFilter below).
import { createServer } from "node:http";
import { postgraphile } from "postgraphile";
import { makePgService } from "postgraphile/adaptors/pg";
import { grafserv } from "postgraphile/grafserv/node";
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { PostGraphileConnectionFilterPreset } from "postgraphile-plugin-connection-filter";
import { jsonPgSmartTags } from "postgraphile/utils";

const connectionString = process.env.DATABASE_URL;
if (!connectionString) throw new Error("DATABASE_URL must be set");
const port = Number(process.env.PORT ?? 4702);
const host = process.env.HOST ?? "127.0.0.1";

/**
 * The one change to the default schema: PostGraphile only lets clients filter on indexed
 * columns, and "Assignment"."endDate" has no index; "not ended" (endDate null or on/after
 * today) is how Samla shows current staff, so the column may be filtered here.
 */
const EndDateFilter = jsonPgSmartTags({
  version: 1,
  config: { attribute: { "Assignment.endDate": { tags: { behavior: "+filterBy" } } } },
});

const preset: GraphileConfig.Preset = {
  extends: [PostGraphileAmberPreset, PostGraphileConnectionFilterPreset],
  plugins: [EndDateFilter],
  pgServices: [makePgService({ connectionString, schemas: ["public"], poolConfig: { max: Number(process.env.PG_POOL_MAX ?? 10) } })],
  grafserv: { graphiql: false, watch: false, graphqlPath: "/graphql" },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
server.on("error", (error) => {
  console.error(error);
  process.exit(1);
});
await serv.addTo(server);
if (process.argv.includes("--print-schema")) {
  const { printSchema } = await import("postgraphile/graphql");
  console.log(printSchema(await pgl.getSchema()));
  await pgl.release();
  process.exit(0);
}
await pgl.getSchema();
server.listen(port, host, () => console.log(`PostGraphile listening on http://${host}:${port}/graphql`));
const stop = () => {
  server.close();
  void Promise.resolve(pgl.release()).finally(() => process.exit(0));
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
