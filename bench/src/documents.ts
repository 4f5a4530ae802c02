// The GraphQL documents exactly as the web app sends them: graphql-codegen's client preset
// (web/codegen.ts, documentMode "string") turns each `graphql(...)` of web/app into a
// TypedDocumentString whose toString() is the request's `query` text, fragments included;
// web/app/graphql/client.ts sends `document.toString()`. Importing them from the generated
// module (plain strings, no React or browser code) means the bench cannot drift from the
// screens. The generated folder is not checked in (postinstall makes it); when a web
// source is newer than it, codegen runs first.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const WEB_APP = path.join(ROOT, "web", "app");
const GENERATED = path.join(WEB_APP, "graphql", "generated", "graphql.ts");

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "generated") newest = Math.max(newest, newestSource(full));
    } else if (/\.tsx?$/.test(entry.name)) {
      newest = Math.max(newest, statSync(full).mtimeMs);
    }
  }
  return newest;
}

/** Runs the web's codegen when the generated documents are missing or older than web/app. */
export function ensureGeneratedDocuments(): void {
  const schemaFile = path.join(ROOT, "schema", "schema.graphql");
  const stale =
    !existsSync(GENERATED) ||
    statSync(GENERATED).mtimeMs < newestSource(WEB_APP) ||
    (existsSync(schemaFile) && statSync(GENERATED).mtimeMs < statSync(schemaFile).mtimeMs);
  if (!stale) return;
  console.log("The web's generated GraphQL documents are missing or older than web/app: running its codegen …");
  const result = spawnSync("npm", ["run", "codegen", "-w", "@samla/web"], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
  if (result.status !== 0) throw new Error("npm run codegen -w @samla/web failed");
}

/** The documents the workloads and the page mix send, by operation name. */
export async function loadDocuments() {
  ensureGeneratedDocuments();
  const generated = await import("../../web/app/graphql/generated/graphql");
  const text = (document: { toString(): string }) => document.toString();
  return {
    OfficePage: text(generated.OfficePageDocument),
    OrgGraphView: text(generated.OrgGraphViewDocument),
    GraphScopeOptions: text(generated.GraphScopeOptionsDocument),
    OfficesList: text(generated.OfficesListDocument),
    HrPeople: text(generated.HrPeopleDocument),
    HrRoles: text(generated.HrRolesDocument),
    HrOfficeSearch: text(generated.HrOfficeSearchDocument),
    MethodComparison: text(generated.MethodComparisonDocument),
    MethodCaseFlows: text(generated.MethodCaseFlowsDocument),
    CompareOfficeOptions: text(generated.CompareOfficeOptionsDocument),
    AdoptionDashboard: text(generated.AdoptionDashboardDocument),
    AdoptionWaves: text(generated.AdoptionWavesDocument),
    ImpactChoices: text(generated.ImpactChoicesDocument),
    AdoptionImpact: text(generated.AdoptionImpactDocument),
    Overview: text(generated.OverviewDocument),
  };
}

export type Documents = Awaited<ReturnType<typeof loadDocuments>>;
