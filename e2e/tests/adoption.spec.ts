import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../src/a11y";
import { apiAs } from "../src/api";
import { newSignedInPage } from "../src/sign-in";

// Progress reports (issue 7): an office leader opens the month's due report, fills it in
// (autosaved) and submits it; the planner's dashboard shows it without a reload; the
// planner acknowledges it; another office's leader can neither open nor change it. And the
// loop back: the planner asks for changes, the leader sees the comment and submits again.
// Seed facts: `leader` (Liv Leder) leads Nav Lillestrøm (3030), `leader2` (Leif Leder)
// leads Nav Drammen (3005); both are pilots with a report for every month up to last month
// and none for the current month. The stack is shared by the spec files of a run (and a
// test may be retried), so each test finds its report's state first: the first test uses
// Lillestrøm's current month, the second Drammen's, and neither assumes it is untouched.

type Api = Awaited<ReturnType<typeof apiAs>>;

/** The current month in Norway: its first day and how people write it ("november 2026"). */
function currentMonth(): { period: string; label: string } {
  const today = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Oslo" }).format(new Date());
  const [year, month] = today.split("-").map(Number);
  const label = new Intl.DateTimeFormat("nb-NO", { month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(Date.UTC(year!, month! - 1, 1)),
  );
  return { period: `${today.slice(0, 7)}-01`, label };
}

const OFFICE_BY_CODE = `query ($code: String!) {
  officeByCode(code: $code) { id name }
}`;
const REPORTS_OF = `query ($officeId: ID!, $period: Date!) {
  progressReports(first: 1, filter: { officeId: $officeId, periodFrom: $period, periodTo: $period }) {
    edges { node { id status version submissions { number } } }
  }
}`;

interface ReportState {
  id: string;
  status: "DRAFT" | "SUBMITTED" | "CHANGES_REQUESTED" | "ACKNOWLEDGED";
  version: number;
  submissions: number;
}

async function officeByCode(api: Api, code: string): Promise<{ id: string; name: string }> {
  const response = await api(OFFICE_BY_CODE, { code });
  expect(response.errors).toBeUndefined();
  return response.data?.officeByCode as { id: string; name: string };
}

/** The office's report for the month, if one has been opened (read as the planner: all offices). */
async function reportOf(api: Api, officeId: string, period: string): Promise<ReportState | null> {
  const response = await api(REPORTS_OF, { officeId, period });
  expect(response.errors).toBeUndefined();
  const edges = (response.data?.progressReports as { edges: Array<{ node: ReportState & { submissions: unknown[] } }> }).edges;
  const node = edges[0]?.node;
  return node ? { ...node, submissions: node.submissions.length } : null;
}

/**
 * A submitted report from an earlier attempt is sent back for changes through the API, so
 * the leader can fill it in and submit it again (an acknowledged one cannot be reopened).
 */
async function makeEditable(planner: Api, report: ReportState | null) {
  expect(report?.status, "the month's report was acknowledged by an earlier run").not.toBe("ACKNOWLEDGED");
  if (report?.status !== "SUBMITTED") return;
  const response = await planner(
    `mutation ($input: RequestProgressReportChangesInput!) { requestProgressReportChanges(input: $input) { __typename } }`,
    { input: { id: report.id, version: report.version, comment: "Sendt tilbake før e2e-testen fyller den ut på nytt." } },
  );
  expect(response.data?.requestProgressReportChanges).toEqual({ __typename: "RequestProgressReportChangesPayload" });
}

/** From /innforing/rapporter: opens the office's due report for the month (openProgressReport) and checks the page. */
async function openDueReport(page: Page, office: string, month: string) {
  await page.goto("/innforing/rapporter");
  await expect(page.getByRole("heading", { level: 1, name: "Statusrapporter" })).toBeVisible();
  const due = page.getByTestId("reports-due");
  await expect(due.getByRole("heading", { name: /Rapporter som skal leveres/ })).toBeVisible();
  await due.getByRole("button", { name: `Åpne rapporten for ${office} ${month}` }).click();
  await expect(page).toHaveURL(/\/innforing\/rapporter\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1, name: `Statusrapport for ${office}, ${month}` })).toBeVisible();
  return page.url();
}

/** Fills in the form: every stage chosen (the first one step further), a note, the texts; waits for the autosave. */
async function fillReport(page: Page, texts: { learning: string; obstacles: string; helpNeeded: string }) {
  const stages = page.getByRole("group", { name: "Stadium per praksis" }).getByRole("combobox");
  const count = await stages.count();
  expect(count).toBeGreaterThan(3);
  for (let index = 0; index < count; index += 1) {
    const select = stages.nth(index);
    const current = await select.inputValue();
    const order = ["NOT_STARTED", "PREPARING", "PILOTING", "ADOPTED", "EMBEDDED"];
    // Further, never back: a lower stage would put the pilot behind its plan for later specs.
    const chosen = index === 0 ? order[Math.min(order.indexOf(current) + 1, order.length - 1)]! : current || "PREPARING";
    await select.selectOption(chosen);
  }
  const firstPractice = (await page.getByRole("group", { name: "Stadium per praksis" }).locator("label").first().textContent())!;
  await page.getByLabel(`Merknad om ${firstPractice} (valgfri)`).fill("Alle team bruker tavla hver morgen.");
  await page.getByLabel("Hva har dere lært?").fill(texts.learning);
  await page.getByLabel("Hindringer", { exact: true }).fill(texts.obstacles);
  await page.getByLabel("Hva trenger dere hjelp til?").fill(texts.helpNeeded);
  // Autosave: the status says when the last change is saved.
  await expect(page.getByTestId("report-save-status")).toHaveText(/^Lagret kl\. \d{2}:\d{2}$/);
}

async function submitReport(page: Page) {
  await page.getByRole("button", { name: "Send inn rapporten" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Rapporten er sendt inn." })).toBeVisible();
  await expect(page.getByTestId("report-status")).toHaveText("Sendt inn");
  await expect(page.getByTestId("report-read-only")).toHaveText("Rapporten er sendt inn og kan ikke endres.");
  await expect(page.getByRole("button", { name: "Send inn rapporten" })).toHaveCount(0);
}

test("a leader submits the due report, the planner sees it live and acknowledges it, another leader is refused", async ({
  browser,
}) => {
  const { period, label: month } = currentMonth();

  // (1) The planner's dashboard, open before the report is submitted.
  const planner = await newSignedInPage(browser, "planner", "/innforing");
  const asPlanner = await apiAs(planner, "/innforing");
  const lillestrom = await officeByCode(asPlanner, "3030");
  await makeEditable(asPlanner, await reportOf(asPlanner, lillestrom.id, period));
  // Load the dashboard afresh (its counts then include what makeEditable changed), but only once
  // the first load has settled: with Keycloak a reload during sign-in's redirects is aborted.
  await expect(planner.getByTestId("live-status")).toHaveAttribute("data-status", "live");
  await planner.goto("/innforing");
  const live = planner.getByRole("region", { name: "Siste innsendinger", exact: true });
  await expect(live).toBeVisible();
  await expect(planner.getByTestId("live-status")).toHaveAttribute("data-status", "live");
  const submittedBefore = Number(await planner.getByTestId("summary-submitted").textContent());
  expect(Number.isInteger(submittedBefore)).toBe(true);

  // (2) The leader opens the due report, fills it in (autosaved) and submits it.
  const leader = await newSignedInPage(browser, "leader", "/innforing/rapporter");
  const reportUrl = await openDueReport(leader, "Nav Lillestrøm", month);
  await expect(leader.getByTestId("report-status")).toHaveText(/Utkast|Endringer etterspurt/);
  await fillReport(leader, {
    learning: "Daglige tavlemøter gir bedre oversikt over saker som står stille.",
    obstacles: "Mange nyansatte i mottaket denne måneden.",
    helpNeeded: "Opplæring i verdistrømkartlegging for teamlederne.",
  });
  await expectNoSeriousA11yViolations(leader, "/innforing/rapporter/:id (utfylling)");
  await submitReport(leader);
  await expect(leader.getByTestId("report-history")).toContainText("Innsending");

  // (3) The planner's dashboard, not reloaded, shows the submission and counts it.
  await expect(live.getByRole("listitem").filter({ hasText: `Nav Lillestrøm sendte statusrapporten for ${month}` })).toBeVisible();
  await expect(planner.getByTestId("summary-submitted")).toHaveText(String(submittedBefore + 1));

  // (5) Leif Leder leads Nav Drammen, not Lillestrøm: the page says so, and the API refuses him.
  const leader2 = await newSignedInPage(browser, "leader2", "/innforing/rapporter");
  await leader2.goto(reportUrl);
  await expect(leader2.getByRole("heading", { level: 1, name: "Du har ikke tilgang til denne rapporten" })).toBeVisible();
  await expect(leader2.getByLabel("Hva har dere lært?")).toHaveCount(0);
  const asLeader2 = await apiAs(leader2, "/innforing/rapporter");
  const reportId = decodeURIComponent(reportUrl.split("/").pop()!);
  const read = await asLeader2(`query ($id: ID!) { progressReport(id: $id) { id learning } }`, { id: reportId });
  expect(read.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  expect(read.data?.progressReport ?? null).toBeNull();
  const write = await asLeader2(
    `mutation ($input: SaveProgressReportInput!) { saveProgressReport(input: $input) { __typename } }`,
    { input: { id: reportId, version: 1, learning: "Skrevet av feil leder" } },
  );
  expect(write.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  expect(write.data?.saveProgressReport ?? null).toBeNull();

  // (4) + (6) The planner opens the report from the live list and acknowledges it.
  await live
    .getByRole("listitem")
    .filter({ hasText: `Nav Lillestrøm sendte statusrapporten for ${month}` })
    .getByRole("link")
    .first()
    .click();
  await expect(planner).toHaveURL(reportUrl);
  await expect(planner.getByRole("heading", { level: 1, name: `Statusrapport for Nav Lillestrøm, ${month}` })).toBeVisible();
  await expect(planner.getByTestId("report-status")).toHaveText("Sendt inn");
  await expect(planner.getByTestId("report-content")).toContainText("Daglige tavlemøter gir bedre oversikt over saker som står stille.");
  await expectNoSeriousA11yViolations(planner, "/innforing/rapporter/:id (kvittering)");
  await planner.getByLabel("Kommentar til kontoret").fill("Takk, fin rapport.");
  await planner.getByRole("button", { name: "Kvitter ut" }).click();
  await expect(planner.getByTestId("report-status")).toHaveText("Kvittert");
  await expect(planner.getByRole("button", { name: "Kvitter ut" })).toHaveCount(0);
  await expect(planner.getByTestId("report-comments")).toContainText("Takk, fin rapport.");
  const acknowledged = await reportOf(asPlanner, lillestrom.id, period);
  expect(acknowledged?.status).toBe("ACKNOWLEDGED");
});

test("the planner asks for changes; the leader sees the comment, edits and submits again, and both submissions are kept", async ({
  browser,
}) => {
  const { period, label: month } = currentMonth();
  const planner = await newSignedInPage(browser, "planner", "/innforing/rapporter");
  const asPlanner = await apiAs(planner, "/innforing/rapporter");
  const drammen = await officeByCode(asPlanner, "3005");
  await makeEditable(asPlanner, await reportOf(asPlanner, drammen.id, period));
  const submissionsBefore = (await reportOf(asPlanner, drammen.id, period))?.submissions ?? 0;

  // The leader of Nav Drammen submits the month's report.
  const leader2 = await newSignedInPage(browser, "leader2", "/innforing/rapporter");
  const reportUrl = await openDueReport(leader2, "Nav Drammen", month);
  await fillReport(leader2, {
    learning: "Verdistrømkartleggingen viste tre unødvendige overleveringer.",
    obstacles: "",
    helpNeeded: "",
  });

  // A save that fails keeps the text and can be tried again.
  await leader2.route("**/graphql", (route) =>
    route.request().postData()?.includes("saveProgressReport") ? route.abort("connectionfailed") : route.fallback(),
  );
  const help = leader2.getByLabel("Hva trenger dere hjelp til?");
  await help.fill("Hjelp til å måle ventetid mellom stegene.");
  await expect(leader2.getByTestId("report-save-status")).toContainText("Endringene ble ikke lagret.");
  await leader2.unroute("**/graphql");
  await expect(help).toHaveValue("Hjelp til å måle ventetid mellom stegene.");
  await leader2.getByRole("button", { name: "Prøv igjen" }).click();
  await expect(leader2.getByTestId("report-save-status")).toHaveText(/^Lagret kl\. \d{2}:\d{2}$/);

  // The same report changed in another tab: this one is told, fetches the latest version
  // and keeps what was typed here on top of the other tab's change.
  const otherTab = await leader2.context().newPage();
  await otherTab.goto(reportUrl);
  await otherTab.getByLabel("Hindringer", { exact: true }).fill("Skrevet i den andre fanen.");
  await expect(otherTab.getByTestId("report-save-status")).toHaveText(/^Lagret kl\. \d{2}:\d{2}$/);
  await otherTab.close();
  await help.fill("Hjelp til å måle ventetid mellom stegene, og til å dele funnene.");
  await expect(leader2.getByRole("heading", { name: "Rapporten er endret et annet sted" })).toBeVisible();
  await leader2.getByRole("button", { name: "Hent siste versjon" }).click();
  await expect(leader2.getByTestId("report-save-status")).toHaveText(/^Lagret kl\. \d{2}:\d{2}$/);
  await expect(help).toHaveValue("Hjelp til å måle ventetid mellom stegene, og til å dele funnene.");
  await expect(leader2.getByLabel("Hindringer", { exact: true })).toHaveValue("Skrevet i den andre fanen.");

  await submitReport(leader2);
  await expect(leader2.getByTestId("report-content")).toContainText("Hjelp til å måle ventetid mellom stegene, og til å dele funnene.");

  // The planner asks for changes: a comment is required.
  await planner.goto(reportUrl);
  await expect(planner.getByTestId("report-status")).toHaveText("Sendt inn");
  await planner.getByRole("button", { name: "Be om endringer" }).click();
  await expect(planner.getByText("Skriv hva kontoret skal endre").first()).toBeVisible();
  const comment = "Skriv litt om hindringene dere møter i mottaket.";
  await planner.getByLabel("Kommentar til kontoret").fill(comment);
  await planner.getByRole("button", { name: "Be om endringer" }).click();
  await expect(planner.getByTestId("report-status")).toHaveText("Endringer etterspurt");

  // The leader sees the comment, edits the report and submits it again.
  await leader2.reload();
  await expect(leader2.getByTestId("report-status")).toHaveText("Endringer etterspurt");
  await expect(leader2.getByTestId("report-changes-requested")).toContainText(comment);
  const obstacles = leader2.getByLabel("Hindringer", { exact: true });
  await obstacles.fill("Mottaket har to ledige stillinger, så kartleggingen går saktere enn planlagt.");
  await expect(leader2.getByTestId("report-save-status")).toHaveText(/^Lagret kl\. \d{2}:\d{2}$/);
  await submitReport(leader2);

  // The history keeps both submissions, each with what it said.
  const history = leader2.getByTestId("report-history");
  const items = history.getByRole("button", { name: /^Innsending \d+ – / });
  await expect(items).toHaveCount(submissionsBefore + 2);
  const last = items.last();
  await expect(last).toHaveText(new RegExp(`^Innsending ${submissionsBefore + 2} – `));
  await last.click();
  await expect(history).toContainText("Mottaket har to ledige stillinger");
  await expect(leader2.getByTestId("report-comments")).toContainText(comment);
});
