// The checked-in SDL (schema/schema.graphql) must be what the code prints; the web app's
// documents are typed from it. Fix a failure with `npm run print-schema -w @samla/api`.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SCHEMA_FILE } from "../src/print-schema";
import { printSortedSchema } from "../src/schema";

describe("schema/schema.graphql", () => {
  it("is up to date with the code (run `npm run print-schema -w @samla/api`)", () => {
    const checkedIn = readFileSync(SCHEMA_FILE, "utf8");
    expect(checkedIn === printSortedSchema(), "schema/schema.graphql is stale: run `npm run print-schema -w @samla/api`").toBe(true);
  });

  it("is printed sorted, so diffs show real changes only", () => {
    const types = [...printSortedSchema().matchAll(/^(?:type|input|enum|interface|union|scalar) (\w+)/gm)].map((m) => m[1]!);
    expect(types).toEqual([...types].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });
});
