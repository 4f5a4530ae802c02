// The generated GraphQL types in app/graphql/generated must match the documents and the
// SDL: run `npm run codegen -w @samla/web` when this fails.
import { generate } from "@graphql-codegen/cli";
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import config from "../codegen";

describe("generated GraphQL types", () => {
  it("are up to date with the documents and the schema", async () => {
    const files = (await generate(config, false)) as Array<{ filename: string; content: string }>;
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const onDisk = await readFile(file.filename, "utf8").catch(() => "<missing>");
      expect(onDisk, `${file.filename} is stale`).toBe(file.content);
    }
  }, 60_000);
});
