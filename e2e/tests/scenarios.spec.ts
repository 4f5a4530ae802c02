import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../src/a11y";
import { apiAs } from "../src/api";
import { newSignedInPage } from "../src/sign-in";

// Merger and scenario modelling (issue 5), through the browser. Seed facts: the PROPOSED
// merger below has three source offices, Nav Gjøvik (3407, a medium office with two
// departments and a top-level "Markedsteam"), Nav Vestre Toten (3443) and Nav Østre
// Toten (3442), into the planned office 3490, effective 1 January 2028. The stack is shared
// by every spec file in a run: only this file uses these offices, and the main journey
// completes the merger ahead of its effective date, which schedules it (issue 14, item 2):
// the three offices stay active and the new one planned until 2028.

const MERGER = "Sammenslåing Nav Gjøvik og Toten (planleggingseksempel)";
const TARGET_OFFICE = "Nav Gjøvik og Toten (planleggingseksempel)";
const SCENARIO = "E2E: Gjøvik og Toten fra nå-situasjonen";

const mainNav = (page: Page) => page.getByRole("navigation", { name: /^(Hovedmeny|Main menu)$/ });

const announced = (page: Page, text: string | RegExp) => page.getByRole("status").filter({ hasText: text });

/** Opens a team's or position's action menu and picks an item. */
async function chooseAction(page: Page, scope: Page | Locator, menuName: string | RegExp, item: string) {
  await scope.getByRole("button", { name: menuName }).click();
  await page.getByRole("menuitem", { name: item, exact: true }).click();
}

/** The scenario's head count after the changes (the impact panel's first figure). */
async function headcountAfter(page: Page): Promise<Locator> {
  await page.getByRole("tab", { name: "Effekt" }).click();
  const staffing = page.getByTestId("impact-staffing");
  await expect(staffing).toBeVisible();
  // Row 0 is the header; row 1 the head count: before, after, difference.
  return staffing.getByRole("row").nth(1).getByRole("cell").nth(1);
}

const numberIn = async (cell: Locator) => Number((await cell.innerText()).replace(/\D/g, ""));

async function moveMerger(page: Page, step: string, done: string) {
  await page.getByRole("button", { name: step, exact: true }).click();
  const dialog = page.getByRole("dialog", { name: step });
  await dialog.getByRole("button", { name: step, exact: true }).click();
  await expect(announced(page, done)).toBeVisible();
}

test("planners see the merger and scenario screens; a viewer reads them without the planners' actions", async ({ browser }) => {
  const viewer = await newSignedInPage(browser, "viewer", "/sammenslaainger");
  await expect(mainNav(viewer).getByRole("link", { name: "Scenarier" })).toBeVisible();
  await expect(viewer.getByRole("button", { name: "Foreslå sammenslåing" })).toHaveCount(0);
  await viewer.getByRole("link", { name: MERGER, exact: true }).click();
  await expect(viewer.getByRole("heading", { level: 1, name: MERGER, exact: true })).toBeVisible();
  await expect(viewer.getByTestId("merger-sources").getByRole("listitem")).toHaveCount(3);
  await expect(viewer.getByRole("region", { name: "Status og neste steg" }).getByRole("button")).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Nytt scenario" })).toHaveCount(0);
  await mainNav(viewer).getByRole("link", { name: "Scenarier" }).click();
  await expect(viewer.getByRole("heading", { level: 1, name: "Scenarier" })).toBeVisible();
  await expect(viewer.getByRole("button", { name: "Nytt scenario" })).toHaveCount(0);
  await expectNoSeriousA11yViolations(viewer, "/scenarier as viewer");
  await viewer.context().close();

  // A planner may propose a merger; the form says what is missing before anything is sent.
  const planner = await newSignedInPage(browser, "planner", "/sammenslaainger");
  // Aksel's Button as a link keeps the button role.
  await planner.getByRole("button", { name: "Foreslå sammenslåing" }).click();
  await expect(planner.getByRole("heading", { level: 1, name: "Foreslå sammenslåing" })).toBeVisible();
  await planner.getByRole("button", { name: "Foreslå sammenslåingen" }).click();
  await expect(planner.getByRole("heading", { name: "For å gå videre må du rette opp følgende:" })).toBeVisible();
  await expect(planner.getByRole("link", { name: /^Kontorer som slås sammen: Velg minst to kontorer/ })).toBeVisible();
  await expect(planner.getByRole("link", { name: /^Kontornummer: Kontornummeret må være fire siffer/ })).toBeVisible();
  await planner.getByLabel("Kontorer som slås sammen").fill("3403");
  await planner.getByRole("option", { name: "Nav Hamar (3403)" }).click();
  await planner.getByRole("button", { name: "Foreslå sammenslåingen" }).click();
  await expect(planner.getByLabel("Kontorer som slås sammen")).toHaveAccessibleDescription(/Velg minst to kontorer/);
  await expectNoSeriousA11yViolations(planner, "/sammenslaainger/ny with errors");
  await planner.context().close();
});

test("a planner models the Gjøvik and Toten merger, a second planner approves it, and the merger completes", async ({
  browser,
}) => {
  // A long journey through two users and many edits.
  test.setTimeout(300_000);

  // The planner opens the proposed merger and makes a scenario from the as-is.
  const planner = await newSignedInPage(browser, "planner", "/sammenslaainger");
  await planner.getByRole("link", { name: MERGER, exact: true }).click();
  await expect(planner.getByRole("heading", { level: 1, name: MERGER, exact: true })).toBeVisible();
  const sources = planner.getByTestId("merger-sources");
  for (const office of ["Nav Gjøvik (3407)", "Nav Vestre Toten (3443)", "Nav Østre Toten (3442)"]) {
    await expect(sources.getByRole("link", { name: office })).toBeVisible();
  }
  const mergerUrl = planner.url();
  await expectNoSeriousA11yViolations(planner, "/sammenslaainger/:id");

  await planner.getByRole("button", { name: "Nytt scenario" }).click();
  const create = planner.getByRole("dialog", { name: `Nytt scenario for ${MERGER}` });
  await create.getByLabel("Navn på scenarioet").fill(SCENARIO);
  await expect(create.getByRole("radio", { name: "Nå-situasjonen" })).toBeChecked();
  await create.getByRole("button", { name: "Lag scenarioet" }).click();
  await expect(planner.getByRole("heading", { level: 1, name: SCENARIO, exact: true })).toBeVisible();
  await expect(planner).toHaveURL(/\/scenarier\/[^/]+$/);
  const scenarioUrl = new URL(planner.url()).pathname;
  const scenarioId = decodeURIComponent(scenarioUrl.split("/").pop()!);
  const header = planner.getByTestId("scenario-header");
  for (const office of ["Nav Gjøvik", "Nav Vestre Toten", "Nav Østre Toten"]) await expect(header).toContainText(office);
  await expect(header.getByRole("link", { name: MERGER, exact: true })).toBeVisible();

  // The as-is teams of the three offices; names shared by several offices get the office.
  const tree = planner.getByRole("list", { name: "Team i den nye organiseringen" });
  await expect(tree.getByRole("region", { name: "Markedsteam" })).toBeVisible();
  await expect(tree.getByRole("region", { name: "Team oppfølging (Vestre Toten)" })).toBeVisible();
  await expect(tree.getByRole("region", { name: "Mottak og veiledning (Gjøvik)" })).toBeVisible();
  await expectNoSeriousA11yViolations(planner, "/scenarier/:id");

  // Move a team: Markedsteam goes under Avdeling for oppfølging. Undo puts it back; move it again.
  const moved = planner.locator('li[data-team-name="Avdeling for oppfølging"] li[data-team-name="Markedsteam"]');
  for (const attempt of ["first", "after undo"]) {
    await chooseAction(planner, tree, "Handlinger for Markedsteam", "Flytt");
    const move = planner.getByRole("dialog", { name: "Flytt Markedsteam" });
    await move.getByLabel("Flytt til under").selectOption({ label: "Avdeling for oppfølging" });
    if (attempt === "first") await expectNoSeriousA11yViolations(planner, "the move dialog");
    await move.getByRole("button", { name: "Flytt teamet" }).click();
    await expect(announced(planner, "Markedsteam er flyttet til Avdeling for oppfølging.")).toBeVisible();
    await expect(moved).toHaveAttribute("data-action", "CHANGED");
    if (attempt === "first") {
      await planner.getByRole("button", { name: "Angre siste endring" }).click();
      await expect(announced(planner, "Den siste endringen er angret.")).toBeVisible();
      await expect(moved).toHaveCount(0);
      await expect(planner.locator('li[data-team-name="Markedsteam"]')).toHaveAttribute("data-action", "UNCHANGED");
    }
  }

  // The figures and checks before a position is closed.
  const headcount = await headcountAfter(planner);
  await expect(headcount).toHaveText(/\d/);
  const headcountBefore = await numberIn(headcount);
  await planner.getByRole("tab", { name: "Helsesjekker" }).click();
  const leaderCheck = planner.getByTestId("health-check-LEADER_MISSING");
  await expect(leaderCheck).toHaveAttribute("data-outcome", "ok");

  // Someone else edits the scenario meanwhile (through the API): the planner's next edit
  // meets a conflict that names the change, and goes through after "Hent siste versjon".
  const api = await apiAs(planner, `${scenarioUrl}?fane=organisering`);
  const current = await api<{ scenario: { version: number; teams: Array<{ id: string; name: string }> } }>(
    `query ($id: ID!) { scenario(id: $id) { version teams { id name } } }`,
    { id: scenarioId }
  );
  const scenarioBefore = current.data!.scenario;
  const leadership = scenarioBefore.teams.find((team) => team.name === "Ledelse (Østre Toten)")!;
  const behindTheBack = await api<{ updateScenarioTeam: { __typename: string } }>(
    `mutation ($input: UpdateScenarioTeamInput!) { updateScenarioTeam(input: $input) { __typename } }`,
    {
      input: {
        scenarioId,
        version: scenarioBefore.version,
        teamId: leadership.id,
        purpose: "Nav-leder og stab, til det nye kontoret har én ledelse.",
      },
    }
  );
  expect(behindTheBack.data?.updateScenarioTeam.__typename).toBe("UpdateScenarioTeamPayload");

  // Close a position: the team leader of Mottak og veiledning (Gjøvik), a top-level team.
  const reception = tree.getByRole("region", { name: "Mottak og veiledning (Gjøvik)" });
  await chooseAction(planner, reception, /^Handlinger for Teamleder: /, "Lukk stillingen");
  const close = planner.getByRole("dialog", { name: /^Lukk Teamleder: / });
  await close.getByRole("button", { name: "Lukk stillingen" }).click();
  const conflict = close.getByRole("alert").filter({ hasText: "Ikke lagret: scenarioet er endret" });
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText("Ledelse (Østre Toten)");
  await conflict.getByRole("button", { name: "Hent siste versjon" }).click();
  await expect(close.getByRole("status")).toContainText(`Du ser nå versjon ${scenarioBefore.version + 1}.`);
  await close.getByRole("button", { name: "Lukk stillingen" }).click();
  await expect(announced(planner, /Teamleder: .+ er lukket\./)).toBeVisible();
  await expect(reception.getByRole("row", { name: /^Teamleder/ }).first()).toHaveAttribute("data-action", "CLOSED");

  // The impact follows the edit: one person fewer in a position, and the check fires for the team.
  await expect(await headcountAfter(planner)).toHaveText(String(headcountBefore - 1));
  await planner.getByRole("tab", { name: "Helsesjekker" }).click();
  await expect(leaderCheck).not.toHaveAttribute("data-outcome", "ok");
  await expect(leaderCheck.getByRole("rowheader", { name: "Mottak og veiledning (Gjøvik)" })).toBeVisible();

  // The change log has every edit, the other user's and the undone one too, newest first.
  await planner.getByRole("tab", { name: "Endringslogg" }).click();
  const log = planner.getByTestId("change-log").getByRole("row");
  await expect(log).toHaveCount(6);
  await expect(log.nth(1)).toContainText("La ned stillingen");
  await expect(log.nth(2)).toContainText("Ledelse (Østre Toten)");
  await expect(log.nth(5)).toContainText("Markedsteam");

  // Submit: the scenario is read-only in review, and its author may not approve it.
  await planner.getByRole("button", { name: "Send til godkjenning" }).click();
  const submit = planner.getByRole("dialog", { name: `Send ${SCENARIO} til godkjenning` });
  await submit.getByLabel("Kommentar").fill("Klar for vurdering.");
  await submit.getByRole("button", { name: "Send til godkjenning" }).click();
  await expect(announced(planner, "Scenarioet er sendt til godkjenning.")).toBeVisible();
  await expect(planner.getByTestId("self-approval-note")).toBeVisible();
  await expect(planner.getByRole("button", { name: "Godkjenn", exact: true })).toHaveCount(0);
  await planner.getByRole("tab", { name: "Organisering" }).click();
  await expect(planner.getByRole("button", { name: "Legg til team" })).toHaveCount(0);
  await expect(planner.getByRole("button", { name: /^Handlinger for / })).toHaveCount(0);
  const inReview = await api<{ scenario: { version: number } }>(`query ($id: ID!) { scenario(id: $id) { version } }`, {
    id: scenarioId,
  });
  const selfApproval = await api<{ approveScenario: { __typename: string; rule?: string } }>(
    `mutation ($input: ApproveScenarioInput!) {
      approveScenario(input: $input) { __typename ... on NotAllowedError { rule } }
    }`,
    { input: { id: scenarioId, version: inReview.data!.scenario.version } }
  );
  expect(selfApproval.data?.approveScenario).toEqual({ __typename: "NotAllowedError", rule: "SELF_APPROVAL" });

  // The merger moves on, but cannot complete without an approved scenario: the API says why.
  await planner.goto(mergerUrl);
  await expect(planner.getByTestId("merger-scenarios").getByRole("row", { name: new RegExp(SCENARIO) })).toBeVisible();
  await moveMerger(planner, "Godkjenn sammenslåingen", "Sammenslåingen er godkjent.");
  await moveMerger(planner, "Start gjennomføringen", "Gjennomføringen av sammenslåingen er startet.");
  await planner.getByRole("button", { name: "Fullfør sammenslåingen", exact: true }).click();
  const tooEarly = planner.getByRole("dialog", { name: "Fullfør sammenslåingen" });
  await expect(tooEarly).toContainText("Ingen scenarioer for sammenslåingen er godkjent.");
  await tooEarly.getByRole("button", { name: "Fullfør sammenslåingen" }).click();
  await expect(tooEarly.getByTestId("merger-step-error")).toContainText(/godkjent/);
  await tooEarly.getByRole("button", { name: "Avbryt" }).click();
  await expect(planner.getByRole("region", { name: "Status og neste steg" })).toContainText("Sammenslåingen gjennomføres.");

  // A second planner approves the scenario; it is read-only from then on.
  const planner2 = await newSignedInPage(browser, "planner2", scenarioUrl);
  await expect(planner2.getByRole("heading", { level: 1, name: SCENARIO, exact: true })).toBeVisible();
  await planner2.getByRole("button", { name: "Godkjenn", exact: true }).click();
  const approve = planner2.getByRole("dialog", { name: `Godkjenn ${SCENARIO}` });
  await approve.getByRole("button", { name: "Godkjenn", exact: true }).click();
  await expect(announced(planner2, "Scenarioet er godkjent.")).toBeVisible();
  await expect(planner2.getByTestId("scenario-read-only")).toContainText("Scenarioet er godkjent og kan ikke endres.");
  await expect(planner2.getByRole("button", { name: "Legg til team" })).toHaveCount(0);
  await expect(planner2.getByRole("button", { name: "Angre siste endring" })).toHaveCount(0);
  await expect(planner2.getByRole("button", { name: /^Handlinger for / })).toHaveCount(0);
  await planner2.getByRole("tab", { name: /^Kommentarer/ }).click();
  await expect(planner2.getByRole("list", { name: "Kommentarer" })).toContainText("Klar for vurdering.");

  // The merger completes with the approved design.
  await planner2.getByRole("link", { name: `Til ${MERGER}` }).click();
  await expect(planner2.getByRole("heading", { level: 1, name: MERGER, exact: true })).toBeVisible();
  await expect(planner2.getByRole("region", { name: "Status og neste steg" })).toContainText(`Godkjent scenario: ${SCENARIO}.`);
  // Completed ahead of its effective date, it is scheduled: today's offices are unchanged.
  const activeOffices = async (page: Page) => {
    await page.goto("/");
    return Number(await page.getByTestId("figure-active-offices").innerText());
  };
  const activeBefore = await activeOffices(planner2);
  await planner2.goto(mergerUrl);
  await moveMerger(
    planner2,
    "Fullfør sammenslåingen",
    "Sammenslåingen er fullført og trer i kraft 1. januar 2028. Til da er dagens kontorer uendret.",
  );
  await expect(planner2.getByTestId("merger-status-text")).toContainText("trer i kraft 1. januar 2028");
  await expect(planner2.getByTestId("merger-sources").getByRole("listitem").filter({ hasText: "Aktiv" })).toHaveCount(3);
  await expect(planner2.getByTestId("merger-sources").getByRole("listitem").filter({ hasText: "Slått sammen" })).toHaveCount(0);
  await expect(planner2.getByRole("button", { name: "Nytt scenario" })).toHaveCount(0);
  expect(await activeOffices(planner2)).toBe(activeBefore);
  await planner2.goto("/kontorer?status=ACTIVE&q=Toten");
  await expect(planner2.getByRole("link", { name: "Nav Vestre Toten" })).toBeVisible();
  await expect(planner2.getByRole("link", { name: "Nav Østre Toten" })).toBeVisible();
  await planner2.goto("/kontorer?status=PLANNED&q=3490");
  await expect(planner2.getByRole("link", { name: TARGET_OFFICE })).toBeVisible();
  await planner2.goto(mergerUrl);

  // The org graph shows the new office with the teams of the approved design.
  await planner2
    .getByRole("link", { name: `${TARGET_OFFICE} (3490)` })
    .first()
    .click();
  await expect(planner2.getByRole("heading", { level: 1, name: TARGET_OFFICE, exact: true })).toBeVisible();
  // Planned until the effective date: its people start then.
  await expect(planner2.getByText("Ingen ansatte ennå: kontoret er planlagt fra 1. januar 2028.")).toBeVisible();
  const officeId = decodeURIComponent(new URL(planner2.url()).pathname.split("/").pop()!);
  await planner2.goto(`/organisasjon?kontor=${encodeURIComponent(officeId)}&visning=tabell`);
  const graphTable = planner2.getByTestId("graph-table");
  await expect(graphTable.locator('tr[data-node-type="OFFICE"]')).toContainText(TARGET_OFFICE);
  const teamRow = (name: string) => graphTable.locator('tr[data-node-type="TEAM"]').filter({ hasText: new RegExp(`^${name}`) });
  await expect(teamRow("Markedsteam")).toContainText("Avdeling for oppfølging");
  await expect(teamRow("Mottak og veiledning \\(Gjøvik\\)")).toBeVisible();
  await expect(teamRow("Team oppfølging \\(Østre Toten\\)")).toBeVisible();

  await planner.context().close();
  await planner2.context().close();
});
