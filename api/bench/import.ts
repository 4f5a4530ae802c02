// Benchmark: importAssignments through GraphQL over HTTP (yoga's fetch) on an in-memory
// PGlite database, for files of 1,000 and 5,000 rows, as a dry run and as a real import.
//   npm run bench:import
// Prints figures; asserts nothing about time.
import { applyMigrations, createDb, openPGlite } from "@samla/schema";
import { createTokenIssuer } from "../test/harness";
import { createSamlaServer } from "../src/server";

const SIZES = [1_000, 5_000];

async function main() {
  const pglite = openPGlite("pglite:memory");
  await applyMigrations((sql) => pglite.exec(sql));
  const db = createDb("pglite:memory", { pglite });
  const tokens = await createTokenIssuer();
  const server = createSamlaServer({ db, verifyToken: tokens.verifyToken, logging: false });
  const token = await tokens.token("hr");

  const office = await db.office.create({ data: { code: "0230", name: "Nav Benk", validFrom: new Date("2020-01-01") } });
  await db.team.create({ data: { officeId: office.id, name: "Mottak" } });
  await db.role.create({ data: { code: "VEIL", name: "Veileder", category: "ADVISER" } });
  const people = Math.max(...SIZES);
  await db.person.createMany({
    data: Array.from({ length: people }, (_, i) => ({ name: `Benk ${i}`, email: `b${i}@bench.test`, employer: "STATE" as const })),
  });

  const document = `mutation($input: ImportAssignmentsInput!) { importAssignments(input: $input) { rowCount imported errors { row message } } }`;
  let year = 2030;
  console.log("rader  modus       ms   (PGlite i minnet, GraphQL over HTTP)");
  for (const size of SIZES) {
    for (const dryRun of [true, false]) {
      year += 1;
      const lines = ["e-post,rolle,kontor,team,stillingsprosent,fra,til"];
      for (let i = 0; i < size; i++) lines.push(`b${i}@bench.test,VEIL,0230,Mottak,20,${year}-01-01,${year}-12-31`);
      const contentBase64 = Buffer.from(lines.join("\n")).toString("base64");
      const started = performance.now();
      const response = await server.fetch(
        new Request("http://localhost/graphql", {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: document, variables: { input: { fileName: "benk.csv", contentBase64, dryRun } } }),
        }),
      );
      const body = (await response.json()) as { data?: { importAssignments: { rowCount: number; imported: number; errors: unknown[] } }; errors?: unknown };
      const ms = performance.now() - started;
      const result = body.data?.importAssignments;
      if (!result || result.errors.length) throw new Error(`import failed: ${JSON.stringify(body).slice(0, 500)}`);
      console.log(`${String(size).padStart(5)}  ${dryRun ? "prøvekjøring" : "import     "} ${ms.toFixed(0).padStart(6)}   (${result.imported} skrevet)`);
    }
  }
  await db.$disconnect();
  await pglite.close();
}

await main();
