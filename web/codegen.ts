// graphql-codegen: types for the GraphQL documents in app/ from the SDL the API prints
// (schema/schema.graphql). Run `npm run codegen -w @samla/web` after changing a
// document or the SDL (postinstall, build and typecheck run it). The output is not checked in.
import type { CodegenConfig } from "@graphql-codegen/cli";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const webDir = dirname(fileURLToPath(import.meta.url));

const config: CodegenConfig = {
  schema: join(webDir, "../schema/schema.graphql"),
  documents: [join(webDir, "app/**/*.{ts,tsx}"), `!${join(webDir, "app/graphql/generated/**")}`],
  ignoreNoDocuments: true,
  generates: {
    [join(webDir, "app/graphql/generated/")]: {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: "string",
        enumsAsTypes: true,
        useTypeImports: true,
        skipTypename: false,
        scalars: {
          Date: "string",
          DateTime: "string",
          Decimal: "number",
        },
      },
    },
  },
};

export default config;
