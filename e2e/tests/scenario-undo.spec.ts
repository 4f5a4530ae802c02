import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../src/a11y";
import { apiAs } from "../src/api";
import { demoUser, newSignedInPage } from "../src/sign-in";

// Issue 14, item 4: "Angre siste endring" silently undid another planner's rename. Now the
// editor says whose the last change is and asks before undoing someone else's. Seed facts:
// Nav Hamar (3403) is an office no merger touches; this file makes its own scenario of it
// (scenario-analysis.spec makes another, under another name).

const SCENARIO = "E2E: Angre med to planleggere";

type Api = Awaited<ReturnType<typeof apiAs>>;

async function renameTeam(api: Api, scenarioId: string, teamId: string, name: string) {
  const read = await api<{ scenario: { version: number } }>(`query ($id: ID!) { scenario(id: $id) { version } }`, { id: scenarioId });
  const response = await api<{ updateScenarioTeam: { __typename: string } }>(
    `mutation ($input: UpdateScenarioTeamInput!) { updateScenarioTeam(input: $input) { __typename ... on Error { message } } }`,
    { input: { scenarioId, version: read.data!.scenario.version, teamId, name } },
  );
  expect(response.data?.updateScenarioTeam.__typename, JSON.stringify(response)).toBe("UpdateScenarioTeamPayload");
}

test("undo says whose the last change is and asks before undoing another planner's rename", async ({ browser }) => {
  test.setTimeout(120_000);
  const pia = await newSignedInPage(browser, "planner", "/scenarier");
  const piaApi = await apiAs(pia, "/scenarier");
  const offices = await piaApi<{ offices: { edges: Array<{ node: { id: string; code: string } }> } }>(
    `{ offices(first: 10, filter: { text: "Hamar" }) { edges { node { id code } } } }`,
  );
  const hamar = offices.data!.offices.edges.map((edge) => edge.node).find((office) => office.code === "3403")!;
  const created = await piaApi<{ createScenario: { scenario: { id: string; teams: Array<{ id: string; name: string }> } } }>(
    `mutation ($input: CreateScenarioInput!) {
      createScenario(input: $input) { __typename ... on CreateScenarioPayload { scenario { id teams { id name } } } ... on Error { message } }
    }`,
    { input: { name: SCENARIO, officeIds: [hamar.id], base: "AS_IS" } },
  );
  const scenario = created.data!.createScenario.scenario;
  expect(scenario, JSON.stringify(created)).toBeTruthy();
  const [first, second] = scenario.teams;
  const scenarioUrl = `/scenarier/${encodeURIComponent(scenario.id)}`;

  // Pia renames one team, then Per (planner2) renames another.
  await renameTeam(piaApi, scenario.id, first!.id, `${first!.name} (Pia)`);
  const per = await newSignedInPage(browser, "planner2", "/scenarier");
  const perName = demoUser("planner2").name;
  await renameTeam(await apiAs(per, scenarioUrl), scenario.id, second!.id, `${second!.name} (Per)`);
  await per.context().close();

  await pia.goto(scenarioUrl);
  await expect(pia.getByRole("heading", { level: 1, name: SCENARIO, exact: true })).toBeVisible();
  const tree = pia.getByRole("list", { name: "Team i den nye organiseringen" });
  await expect(tree.getByRole("region", { name: `${second!.name} (Per)` })).toBeVisible();
  await expect(pia.getByText(`Siste endring er gjort av ${perName}: Ga teamet «${second!.name}» nytt navn «${second!.name} (Per)»`)).toBeVisible();

  // Undo asks first; cancelling undoes nothing.
  await pia.getByRole("button", { name: "Angre siste endring" }).click();
  const ask = pia.getByRole("dialog", { name: `Angre endringen til ${perName}?` });
  await expect(ask).toContainText(`Den siste endringen i scenarioet ble gjort av ${perName}, ikke av deg:`);
  await expectNoSeriousA11yViolations(pia, "the undo confirmation");
  await ask.getByRole("button", { name: "Avbryt" }).click();
  await expect(ask).toHaveCount(0);
  await expect(tree.getByRole("region", { name: `${second!.name} (Per)` })).toBeVisible();

  // Confirmed, Per's rename is undone; Pia's own is next, and goes without asking.
  await pia.getByRole("button", { name: "Angre siste endring" }).click();
  await ask.getByRole("button", { name: `Angre endringen til ${perName}` }).click();
  await expect(pia.getByRole("status").filter({ hasText: "Den siste endringen er angret." })).toBeVisible();
  await expect(tree.getByRole("region", { name: second!.name, exact: true })).toBeVisible();
  await expect(pia.getByText(`Angrer din endring: Ga teamet «${first!.name}» nytt navn «${first!.name} (Pia)»`)).toBeVisible();
  await pia.getByRole("button", { name: "Angre siste endring" }).click();
  await expect(tree.getByRole("region", { name: first!.name, exact: true })).toBeVisible();
  await expect(pia.getByRole("dialog")).toHaveCount(0);
  await expect(pia.getByRole("button", { name: "Angre siste endring" })).toBeDisabled();

  // The change log says whose change the undo reverted.
  await pia.getByRole("tab", { name: "Endringslogg" }).click();
  await expect(pia.getByTestId("change-log")).toContainText(`(gjort av ${perName})`);
  await pia.context().close();
});
