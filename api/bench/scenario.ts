// Benchmark: Scenario.impact and Scenario.healthChecks of a national-scale merger scenario
// (10 offices, about 1,000 people) on PostgreSQL, through GraphQL over HTTP (yoga's fetch).
//   npm run bench:scenario
// Uses the database "samla_bench" on the PostgreSQL server of DATABASE_URL (default: the
// local socket), dropped and made again on each run: migrations, the national seed, a
// merger of 10 offices proposed and a scenario created and edited through GraphQL. Then
// times the analysis query (median, p95, max; SQL statements and this process's CPU per
// request) and prints PASS or FAIL for p95 ≤ 500 ms; a FAIL exits non-zero. Run it while
// nothing else loads the machine (it prints how busy the cores were).
import { DEFAULT_TODAY, seedDatabase } from "@samla/seed";
import type { Db } from "@samla/schema";
import { fromGlobalId, toGlobalId } from "../src/lib/ids";
import { checkTarget, countStatements, freshBenchDatabase, graphqlAs, timed, watchMachine, type Json } from "./bench-lib";

const OFFICES = 10;
const TARGET_PEOPLE = 1_000;
const RUNS = 30;
const GOAL_MS = 500;



/** The 10 active offices, outside any open merger, whose staff add up closest to 1,000. */
async function pickOffices(db: Db, day: string): Promise<{ id: string; name: string; people: number }[]> {
  const rows = await db.$queryRaw<{ id: string; name: string; people: number }[]>`
    SELECT o."id", o."name", COUNT(DISTINCT a."personId")::int AS "people"
    FROM "Office" o
    JOIN "Team" t ON t."officeId" = o."id"
    JOIN "Assignment" a ON a."teamId" = t."id"
    WHERE o."status" = 'ACTIVE'
      AND a."startDate" <= ${day}::date AND (a."endDate" IS NULL OR a."endDate" >= ${day}::date)
      AND NOT EXISTS (
        SELECT 1 FROM "_MergerSources" ms JOIN "Merger" m ON m."id" = ms."A"
        WHERE ms."B" = o."id" AND m."status" IN ('PROPOSED', 'APPROVED', 'IN_PROGRESS'))
    GROUP BY o."id", o."name"
    ORDER BY "people", o."id"`;
  let best = { start: 0, gap: Infinity };
  for (let start = 0; start + OFFICES <= rows.length; start++) {
    const sum = rows.slice(start, start + OFFICES).reduce((total, row) => total + row.people, 0);
    const gap = Math.abs(sum - TARGET_PEOPLE);
    if (gap < best.gap) best = { start, gap };
  }
  return rows.slice(best.start, best.start + OFFICES);
}


const IMPACT_AND_HEALTH = /* GraphQL */ `
  query($id: ID!) {
    scenario(id: $id) {
      id
      impact {
        asOfDate
        before { ...Totals }
        after { ...Totals }
        byOffice { ...Row }
        byTeam { ...Row action }
        byRoleCategory { ...Row }
        byEmployer { ...Row }
        peopleChangedCount
        peopleChanges {
          person { id name employer }
          teamChanged roleChanged managerChanged
          beforeTeam { id name } afterTeam { id name action }
          beforeRole { id name category } afterRole { id name category }
          beforeManager { id name } afterManager { id name }
        }
        spanBefore { ...Span }
        spanAfter { ...Span }
        serviceCoverage { service { id code name } deliveredBefore covered teams { id name } beforeTeams { id name } }
        uncoveredServiceCount
        vacancies { id fte action team { id name } role { id name } }
        vacancyCount
        peopleWithoutPosition { id name employer }
        peopleWithoutPositionCount
      }
      healthChecks { code severity passed message threshold elements { kind id label value note } }
    }
  }
  fragment Totals on ImpactTotals { headcount fte positions vacancies vacantFte }
  fragment Row on ImpactRow { key label before { ...Totals } after { ...Totals } }
  fragment Span on SpanOfControl { managers averageSpan maxSpan minSpan layers }
`;


async function main() {
  const started = performance.now();
  const { db } = await freshBenchDatabase();
  const summary = await seedDatabase(db, { scale: "national" });
  const seeded = performance.now();
  console.log(`Nasjonal seed: ${summary.offices} kontorer, ${summary.persons} personer (${((seeded - started) / 1000).toFixed(1)} s)`);

  const graphql = await graphqlAs(db, "planner");

  const offices = await pickOffices(db, DEFAULT_TODAY);
  const officeIds = offices.map((office) => office.id);
  const proposed = await graphql(
    `mutation($input: ProposeMergerInput!) {
      proposeMerger(input: $input) { __typename ... on ProposeMergerPayload { merger { id } } ... on Error { message } }
    }`,
    {
      input: {
        name: "Benk: ti kontorer",
        sourceOfficeIds: officeIds.map((id) => toGlobalId("Office", id)),
        newTargetOffice: { code: "8999", name: "Nav Benk" },
        effectiveDate: "2027-01-01",
      },
    },
  );
  const mergerId = proposed.proposeMerger.merger?.id;
  if (!mergerId) throw new Error(`proposeMerger: ${JSON.stringify(proposed)}`);
  const created = await graphql(
    `mutation($input: CreateScenarioInput!) {
      createScenario(input: $input) { __typename ... on CreateScenarioPayload { scenario { id version } } ... on Error { message } }
    }`,
    { input: { name: "Benk", mergerId, base: "AS_IS", asOfDate: DEFAULT_TODAY } },
  );
  const scenario = created.createScenario.scenario;
  if (!scenario) throw new Error(`createScenario: ${JSON.stringify(created)}`);
  const edits = await editScenario(graphql, db, scenario.id, scenario.version);
  const prepared = performance.now();
  console.log(`Sammenslåing, scenario og ${edits} endringer gjennom GraphQL (${((prepared - seeded) / 1000).toFixed(1)} s)`);

  // As autovacuum leaves the tables (statistics and visibility map): otherwise it runs during
  // the timing and the plans change under it.
  await db.$executeRawUnsafe("VACUUM ANALYZE");
  const request = () => graphql(IMPACT_AND_HEALTH, { id: scenario.id });
  const machine = watchMachine();
  const { median, p95, max, cpu, last } = await timed(RUNS, request);
  const machineUse = machine.stop();
  const statements = await countStatements(request);
  const impact = last.scenario.impact;
  const failed = last.scenario.healthChecks.filter((check: Json) => !check.passed).map((check: Json) => check.code);

  console.log("");
  console.log(`Kontorer: ${offices.length} (${offices.map((o) => `${o.name.replace(" (generert)", "")} ${o.people}`).join(", ")})`);
  console.log(`Personer før: ${impact.before.headcount} (${impact.before.fte} årsverk), etter: ${impact.after.headcount} (${impact.after.fte} årsverk)`);
  console.log(
    `Team: ${impact.byTeam.length}, endrede personer: ${impact.peopleChangedCount}, ledige stillinger: ${impact.vacancyCount}, ` +
      `uten stilling: ${impact.peopleWithoutPositionCount}, tjenester uten team: ${impact.uncoveredServiceCount}`,
  );
  console.log(`Helsesjekker som slår ut: ${failed.join(", ") || "ingen"}`);
  console.log("");
  console.log(`Scenario.impact + healthChecks over GraphQL/HTTP på PostgreSQL, ${RUNS} kjøringer (etter oppvarming):`);
  console.log(`  median ${median.toFixed(1)} ms   p95 ${p95.toFixed(1)} ms   maks ${max.toFixed(1)} ms`);
  console.log(`  ${statements} SQL-setninger per forespørsel; CPU i Node ${cpu.toFixed(1)} ms per forespørsel (server og klient)`);
  console.log(`  Maskinen under målingen: ${machineUse}`);
  console.log(`  ${offices.length} kontorer / ${impact.before.headcount} personer`);
  console.log("");
  checkTarget("bench:scenario Scenario.impact + healthChecks p95", p95, GOAL_MS);
  await db.$disconnect();
}

/**
 * A planner's first edits, through GraphQL: the offices' reception teams merged into one,
 * a team moved, a few positions closed, two positions added and a person moved into one.
 * Returns how many edits were made.
 */
async function editScenario(
  graphql: (query: string, variables: Record<string, unknown>) => Promise<Json>,
  db: Db,
  scenarioGlobalId: string,
  startVersion: number,
): Promise<number> {
  const scenarioId = fromGlobalId(scenarioGlobalId, "Scenario", "id");
  let version = startVersion;
  let edits = 0;
  const edit = async (mutation: string, inputType: string, input: Record<string, unknown>) => {
    const data = await graphql(
      `mutation($input: ${inputType}!) {
        ${mutation}(input: $input) { __typename ... on Error { message } ... on ${inputType.replace(/Input$/, "Payload")} { scenario { version } } }
      }`,
      { input: { scenarioId: scenarioGlobalId, version, ...input } },
    );
    const result = data[mutation];
    if (!result.scenario) throw new Error(`${mutation}: ${JSON.stringify(result)}`);
    version = result.scenario.version;
    edits += 1;
  };

  const teams = await db.scenarioTeam.findMany({ where: { scenarioId }, orderBy: { position: "asc" } });
  const positions = await db.scenarioPosition.findMany({ where: { scenarioId }, include: { role: true }, orderBy: { id: "asc" } });
  const gidTeam = (id: string) => toGlobalId("ScenarioTeam", id);

  // One reception for the merged office.
  const receptions = teams.filter((team) => team.name.startsWith("Mottak og veiledning"));
  await edit("mergeScenarioTeams", "MergeScenarioTeamsInput", {
    teamIds: receptions.slice(1).map((team) => gidTeam(team.id)),
    intoTeamId: gidTeam(receptions[0]!.id),
  });
  // A market team moved under a follow-up department.
  const market = teams.find((team) => team.name.startsWith("Markedsteam"));
  const department = teams.find((team) => team.name.startsWith("Avdeling for oppfølging"));
  if (market && department) {
    await edit("moveScenarioTeam", "MoveScenarioTeamInput", { teamId: gidTeam(market.id), parentId: gidTeam(department.id) });
  }
  // Three caseworker positions closed.
  const caseworkers = positions.filter((position) => position.role.code === "SAKSBEHANDLER" && position.personId);
  for (const position of caseworkers.slice(0, 3)) {
    await edit("closeScenarioPosition", "CloseScenarioPositionInput", { positionId: toGlobalId("ScenarioPosition", position.id) });
  }
  // Two new adviser positions in the merged reception, and the first closed caseworker moved
  // into one of them; the other stays vacant.
  const adviserRoleId = toGlobalId("Role", positions.find((position) => position.role.code === "VEILEDER")!.roleId);
  for (const fte of [1, 0.5]) {
    await edit("addScenarioPosition", "AddScenarioPositionInput", { teamId: gidTeam(receptions[0]!.id), roleId: adviserRoleId, fte });
  }
  const added = await db.scenarioPosition.findFirst({
    where: { scenarioId, sourceAssignmentId: null, personId: null, action: "NEW", fte: 1 },
  });
  if (added && caseworkers[0]?.personId) {
    await edit("moveScenarioPerson", "MoveScenarioPersonInput", {
      personId: toGlobalId("Person", caseworkers[0].personId),
      toPositionId: toGlobalId("ScenarioPosition", added.id),
    });
  }
  return edits;
}

await main();
