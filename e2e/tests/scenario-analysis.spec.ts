import { expect, test, type Page } from "@playwright/test";
import { apiAs } from "../src/api";
import { expectNoSeriousA11yViolations } from "../src/a11y";
import { newSignedInPage } from "../src/sign-in";

// Scenario analysis (issue 5): health check thresholds, the compare page and the print
// page. Seed facts: Nav Hamar (3403) is an office no merger touches, with a "Team AAP" of
// a team leader and about ten advisers. The stack is shared by every spec file in a run:
// this file makes its own scenario of Nav Hamar and puts the health check thresholds
// back as it found them.

const SCENARIO = "E2E: Hamar med nytt ungdomsteam";
const NEW_TEAM = "Team Ungdom 2.0";

const mainNav = (page: Page) => page.getByRole("navigation", { name: /^(Hovedmeny|Main menu)$/ });

/** No serious or critical WCAG 2.1 A/AA violations on the page as it is now. */

type Api = Awaited<ReturnType<typeof apiAs>>;

interface Settings {
  maxSpan: number;
  minSpan: number;
  maxLayers: number;
  minTeamSize: number;
  maxFte: number;
  version: number;
}

const SETTINGS = `{ healthCheckSettings { maxSpan minSpan maxLayers minTeamSize maxFte version } }`;
const UPDATE_SETTINGS = `mutation ($input: UpdateHealthCheckSettingsInput!) {
  updateHealthCheckSettings(input: $input) {
    __typename
    ... on UpdateHealthCheckSettingsPayload { settings { version } }
    ... on Error { message }
  }
}`;

async function readSettings(api: Api): Promise<Settings> {
  const response = await api<{ healthCheckSettings: Settings }>(SETTINGS);
  return response.data!.healthCheckSettings;
}

async function updateSettings(api: Api, input: Partial<Settings> & { version: number }) {
  const response = await api<{ updateHealthCheckSettings: { __typename: string; message?: string } }>(UPDATE_SETTINGS, {
    input,
  });
  expect(response.data?.updateHealthCheckSettings, JSON.stringify(response)).toMatchObject({
    __typename: "UpdateHealthCheckSettingsPayload",
  });
}

interface Position {
  id: string;
  person: { id: string; name: string } | null;
  role: { name: string; category: string };
}

/**
 * The planner's scenario of Nav Hamar, edited through the API: a new team (wave 2), an
 * adviser of Team AAP moved into it, and another adviser's position closed.
 */
async function makeScenario(api: Api) {
  const offices = await api<{ offices: { edges: Array<{ node: { id: string; code: string } }> } }>(
    `{ offices(first: 10, filter: { text: "Hamar" }) { edges { node { id code } } } }`,
  );
  const hamar = offices.data!.offices.edges.map((edge) => edge.node).find((office) => office.code === "3403")!;
  const created = await api<{
    createScenario: { scenario: { id: string; version: number; teams: Array<{ id: string; name: string; positions: Position[] }> } };
  }>(
    `mutation ($input: CreateScenarioInput!) {
      createScenario(input: $input) {
        __typename
        ... on CreateScenarioPayload {
          scenario { id version teams { id name positions { id person { id name } role { name category } } } }
        }
        ... on Error { message }
      }
    }`,
    { input: { name: SCENARIO, officeIds: [hamar.id], base: "AS_IS" } },
  );
  const scenario = created.data!.createScenario.scenario;
  expect(scenario, JSON.stringify(created)).toBeTruthy();
  let version = scenario.version;
  const edit = async (mutation: string, input: Record<string, unknown>, select = "") => {
    const type = mutation.charAt(0).toUpperCase() + mutation.slice(1);
    const response = await api<Record<string, { __typename: string; scenario: { version: number }; team?: { id: string } }>>(
      `mutation ($input: ${type}Input!) {
        ${mutation}(input: $input) { __typename ... on ${type}Payload { scenario { version } ${select} } ... on Error { message } }
      }`,
      { input: { scenarioId: scenario.id, version, ...input } },
    );
    const result = response.data?.[mutation];
    expect(result?.__typename, JSON.stringify(response)).toBe(`${type}Payload`);
    version = result!.scenario.version;
    return result!;
  };

  // Advisers with one position only, so closing it leaves the person without a position.
  const positionsOf = new Map<string, number>();
  for (const position of scenario.teams.flatMap((team) => team.positions)) {
    if (position.person) positionsOf.set(position.person.id, (positionsOf.get(position.person.id) ?? 0) + 1);
  }
  const aap = scenario.teams.find((team) => team.name === "Team AAP")!;
  const advisers = aap.positions
    .filter((position) => position.person && position.role.category !== "LEADER" && positionsOf.get(position.person.id) === 1)
    .sort((a, b) => a.person!.name.localeCompare(b.person!.name, "nb"));
  const [moved, closed] = advisers as [Position, Position];
  const added = await edit("addScenarioTeam", { name: NEW_TEAM, wave: 2 }, "team { id }");
  await edit("updateScenarioPosition", { positionId: moved.id, teamId: added.team!.id });
  await edit("closeScenarioPosition", { positionId: closed.id });
  return { id: scenario.id, movedPerson: moved.person!.name, closedPerson: closed.person!.name };
}

test("an admin's threshold changes a planner's health check; compare and print show the changes", async ({ browser }) => {
  // Two users, several pages and a graph layout.
  test.setTimeout(240_000);

  const admin = await newSignedInPage(browser, "admin", "/");
  const adminApi = await apiAs(admin, "/");
  const original = await readSettings(adminApi);

  try {
    const planner = await newSignedInPage(browser, "planner", "/");
    const plannerApi = await apiAs(planner, "/");
    const scenario = await makeScenario(plannerApi);
    const printUrl = `/scenarier/${encodeURIComponent(scenario.id)}/utskrift`;
    const compareUrl = `/scenarier/${encodeURIComponent(scenario.id)}/sammenlign`;

    // The admin opens the thresholds (admin only: the planner has no such menu item).
    await expect(mainNav(planner).getByRole("link", { name: "Admin" })).toHaveCount(0);
    await mainNav(admin).getByRole("link", { name: "Admin" }).click();
    await admin.getByRole("navigation", { name: "Admin-sider" }).getByRole("link", { name: "Helsesjekker" }).click();
    await expect(admin.getByRole("heading", { level: 1, name: "Terskler for helsesjekker" })).toBeVisible();
    await expect(mainNav(admin).getByRole("link", { name: "Admin" })).toHaveAttribute("aria-current", "page");
    const minTeamSize = admin.getByLabel("Minste teamstørrelse (personer)");
    const maxSpan = admin.getByLabel("Største kontrollspenn (direkte underordnede per leder)");
    await expect(minTeamSize).toHaveValue(String(original.minTeamSize));
    await expectNoSeriousA11yViolations(admin, "/admin/helsesjekker");

    // Meanwhile someone else saves a minimum team size of 0, so no team is too small ...
    await updateSettings(adminApi, { version: original.version, minTeamSize: 0 });

    // ... which the planner's scenario shows.
    await planner.goto(printUrl);
    const teamCheck = planner.getByTestId("health-check-TEAM_TOO_SMALL");
    await expect(teamCheck).toHaveAttribute("data-outcome", "ok");
    await expect(teamCheck.getByRole("heading", { name: "For lite team" })).toBeVisible();
    await expect(teamCheck.getByText("OK", { exact: true })).toBeVisible();

    // The admin asks for at least 100 people per team. A span of 500 is refused by the
    // API at its field; then the stale version meets a conflict that keeps what was typed.
    await maxSpan.fill("500");
    await minTeamSize.fill("100");
    await admin.getByRole("button", { name: "Lagre tersklene" }).click();
    await expect(maxSpan).toHaveAccessibleDescription(/Kan ikke være mer enn 100/);
    await expect(admin.getByRole("link", { name: /^Største kontrollspenn .*: Kan ikke være mer enn 100/ })).toBeVisible();
    await maxSpan.fill(String(original.maxSpan));
    await admin.getByRole("button", { name: "Lagre tersklene" }).click();
    await expect(admin.getByTestId("settings-conflict")).toContainText("Minste teamstørrelse (personer): 0");
    await expect(minTeamSize).toHaveValue("100");
    await expectNoSeriousA11yViolations(admin, "/admin/helsesjekker with a conflict");
    await admin.getByRole("button", { name: "Lagre tersklene" }).click();
    await expect(admin.getByRole("status").filter({ hasText: "Tersklene er lagret." })).toBeVisible();
    await expect(admin.getByText(`Versjon ${original.version + 2}`)).toBeVisible();

    // The planner sees the check fire for every team, the new one included.
    await planner.reload();
    await expect(teamCheck).toHaveAttribute("data-outcome", "warning");
    await expect(teamCheck.getByText("Advarsel", { exact: true })).toBeVisible();
    await expect(teamCheck.getByTestId("health-threshold")).toHaveText("Terskel: minst 100 personer per team");
    await expect(teamCheck.getByRole("rowheader", { name: NEW_TEAM, exact: true })).toBeVisible();
    // Failing checks come first.
    await expect(planner.getByTestId("health-checks").locator(":scope > li").first()).not.toHaveAttribute("data-outcome", "ok");

    // The print page: the design, actions, change log, impact and checks, without navigation.
    await expect(planner.getByRole("heading", { level: 1, name: SCENARIO })).toBeVisible();
    for (const section of ["Design", "Tiltak", "Endringslogg", "Effekt", "Helsesjekker"]) {
      await expect(planner.getByRole("heading", { level: 2, name: section, exact: true })).toBeVisible();
    }
    await expect(planner.getByRole("heading", { level: 3, name: NEW_TEAM })).toBeVisible();
    await expect(planner.getByTestId("change-log").getByRole("row")).toHaveCount(4);
    await expect(planner.getByTestId("impact-without-position")).toContainText(scenario.closedPerson);
    await expect(mainNav(planner)).toHaveCount(0);
    const printButton = planner.getByRole("button", { name: "Skriv ut" });
    await expect(printButton).toBeVisible();
    await expectNoSeriousA11yViolations(planner, "/scenarier/:id/utskrift");
    await planner.emulateMedia({ media: "print" });
    await expect(printButton).toBeHidden();
    await expect(planner.getByRole("banner")).toBeHidden();
    await expect(planner.getByRole("heading", { level: 1, name: SCENARIO })).toBeVisible();
    await planner.emulateMedia({ media: "screen" });

    // The compare page against the as-is: the graph colours the changes.
    await planner.goto(compareUrl);
    await expect(planner.getByRole("heading", { level: 1, name: `Sammenlign: ${SCENARIO}` })).toBeVisible();
    await expect(planner.getByLabel("Sammenlign med")).toHaveValue("");
    await expect(planner.getByTestId("change-summary")).toHaveText(/^Nye: [1-9]\d*\. Flyttet: [1-9]\d*\. Endret: \d+\. Avsluttet: [1-9]\d*\.$/);
    await planner.waitForFunction(
      () => {
        const hook = (window as unknown as { __samlaGraph?: { layouts: number; layoutBusy: boolean } }).__samlaGraph;
        return Boolean(hook && hook.layouts > 0 && !hook.layoutBusy);
      },
      undefined,
      { timeout: 30_000 },
    );
    const coloured = await planner.evaluate(() => {
      const cy = (window as unknown as { __samlaGraph: { cy: { $(selector: string): { map<T>(fn: (n: { data(key: string): string }) => T): T[] } } } })
        .__samlaGraph.cy;
      const labels = (selector: string) => cy.$(selector).map((node) => node.data("label"));
      return { new: labels("node.change-new"), moved: labels("node.change-moved"), closed: labels("node.change-closed") };
    });
    expect(coloured.new).toContain(`+ ${NEW_TEAM}`);
    expect(coloured.moved.some((label) => label.startsWith(`→ ${scenario.movedPerson}`))).toBe(true);
    expect(coloured.closed.some((label) => label.startsWith(`× ${scenario.closedPerson}`))).toBe(true);
    await expect(planner.getByRole("region", { name: "Tegnforklaring" })).toContainText("+ Ny (grønn)");

    // The table alternative lists the same changes, and the link with it can be shared.
    await planner.getByRole("radio", { name: "Tabell" }).click();
    await expect(planner).toHaveURL(/visning=tabell/);
    const table = planner.getByTestId("graph-table");
    await expect(table.getByRole("row", { name: new RegExp(`^${NEW_TEAM} Team`) })).toContainText("+ Ny");
    await expect(table.getByRole("row", { name: new RegExp(`^${scenario.movedPerson} Person`) })).toContainText("→ Flyttet");
    await expect(table.getByRole("row", { name: new RegExp(`^${scenario.closedPerson} Person`) })).toContainText("× Avsluttet");
    await planner.reload();
    await expect(table.getByRole("row", { name: new RegExp(`^${NEW_TEAM} Team`) })).toContainText("+ Ny");
    await planner.getByRole("button", { name: "Vis bare endringer" }).click();
    await expect(table.getByRole("row").filter({ hasText: "Uendret" })).toHaveCount(0);

    // Every action with its date or wave, the change log, and the impact side by side.
    const actions = planner.getByTestId("actions-table");
    await expect(actions.getByRole("row", { name: new RegExp(`^${NEW_TEAM}`) })).toContainText("Ny");
    await expect(actions.getByRole("row", { name: new RegExp(`^${NEW_TEAM}`) })).toContainText("bølge 2");
    await expect(actions.getByRole("row", { name: new RegExp(`– ${scenario.closedPerson}`) })).toContainText("Avsluttet");
    await expect(planner.getByTestId("change-log").getByRole("row")).toHaveCount(4);
    const comparison = planner.getByTestId("impact-comparison");
    await expect(comparison.getByRole("columnheader", { name: "Dagens organisasjon" })).toBeVisible();
    await expect(comparison.getByRole("row", { name: /^Personer uten stilling/ }).getByRole("cell").nth(1)).toHaveText("1");
    await expectNoSeriousA11yViolations(planner, "/scenarier/:id/sammenlign?visning=tabell");
  } finally {
    // Put the thresholds back as this file found them, whatever happened above.
    const current = await readSettings(adminApi);
    const { version: _version, ...values } = original;
    await updateSettings(adminApi, { ...values, version: current.version });
  }
});
