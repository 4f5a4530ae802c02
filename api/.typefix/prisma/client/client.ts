// TEMPORARY: schema/prisma/schema.prisma's pothos generator has clientOutput "./prisma/client",
// so the generated pothos-types.ts imports "./prisma/client/client.js", which does not exist
// (it should be clientOutput = "./prisma"). tsconfig's rootDirs maps that import here
// until the schema is fixed. Delete this folder then.
export * from "../../../../schema/src/generated/prisma/client";
