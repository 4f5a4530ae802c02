import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../src/a11y";
import { apiAs } from "../src/api";
import { signIn } from "../src/sign-in";

// The app shell (navigation by role, language switch, 404) and the screens around it:
// the overview, the mergers list and an office's mergers, all on the seeded pilot data.

const mainNav = (page: Page) => page.getByRole("navigation", { name: /^(Hovedmeny|Main menu)$/ });

test.describe("navigation by role", () => {
  // Every Samla role reads the first four screens; "Scenarier" is for readers and planners,
  // "Sammenlign piloter" and "Innføring" for planners, readers, office leaders and admins,
  // "Mitt kontor" for office leaders and "HR" for HR.
  const readScreens = ["Oversikt", "Organisasjon", "Kontorer", "Sammenslåinger"];

  for (const [user, roleLabel, screens] of [
    ["viewer", "Leser", [...readScreens, "Scenarier", "Sammenlign piloter", "Innføring"]],
    ["planner", "Planlegger", [...readScreens, "Scenarier", "Sammenlign piloter", "Innføring"]],
    ["leader", "Kontorleder", [...readScreens, "Sammenlign piloter", "Innføring", "Mitt kontor"]],
    ["hr", "HR", [...readScreens, "HR"]],
  ] as const) {
    test(`${user} sees the screens their role may use and the current page is marked`, async ({ page }) => {
      await signIn(page, user);
      await expect(page.getByTestId("signed-in-user")).toContainText(roleLabel);
      const links = mainNav(page).getByRole("link");
      await expect(links).toHaveText([...screens]);

      await expect(mainNav(page).getByRole("link", { name: "Oversikt" })).toHaveAttribute("aria-current", "page");
      await mainNav(page).getByRole("link", { name: "Sammenslåinger" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Sammenslåinger" })).toBeVisible();
      await expect(mainNav(page).getByRole("link", { name: "Sammenslåinger" })).toHaveAttribute("aria-current", "page");
      await expect(mainNav(page).getByRole("link", { name: "Oversikt" })).not.toHaveAttribute("aria-current", "page");
    });
  }
});

test("the language switch changes texts and <html lang>, and is remembered after a reload", async ({ page }) => {
  await signIn(page, "viewer", "/sammenslaainger");
  await expect(page.locator("html")).toHaveAttribute("lang", "nb");
  await expect(page.getByRole("heading", { level: 1, name: "Sammenslåinger" })).toBeVisible();

  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1, name: "Mergers" })).toBeVisible();
  await expect(mainNav(page).getByRole("link")).toHaveText(["Overview", "Organisation", "Offices", "Mergers", "Scenarios", "Compare pilots", "Rollout"]);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  // Dates and statuses follow the language too.
  const lillestrom = page.getByRole("row", { name: /Sammenslåing Nav Lillestrøm/ });
  await expect(lillestrom).toContainText("1 January 2020");
  await expect(lillestrom).toContainText("Completed");
  // Keyboard focus stays on the switch, now offering the way back.
  await expect(page.getByRole("button", { name: "Norsk" })).toBeFocused();
  await expect(page).toHaveTitle("Mergers – Samla");
  await expectNoSeriousA11yViolations(page, "the mergers list in English");

  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Mergers" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  await page.getByRole("button", { name: "Norsk" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sammenslåinger" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "nb");
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Sammenslåinger" })).toBeVisible();
});

test("an unknown address shows the 404 page inside the shell", async ({ page }) => {
  await signIn(page, "viewer", "/finnes-ikke");
  await expect(page.getByRole("heading", { level: 1, name: "Siden finnes ikke" })).toBeVisible();
  await expect(mainNav(page)).toBeVisible();
  await expectNoSeriousA11yViolations(page, "the 404 page");
  await page.getByRole("link", { name: "Gå til forsiden" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Oversikt" })).toBeVisible();
});

test("the overview shows the seeded figures, the pilot offices and mergers by status", async ({ page }) => {
  await signIn(page, "viewer");
  await expect(page.getByRole("heading", { level: 1, name: "Oversikt" })).toBeVisible();

  // The seed's five pilot offices, each a link to its page, Lillestrøm as the spearhead.
  await expect(page.getByTestId("figure-pilot-offices")).toHaveText("5");
  const pilots = page.getByRole("region", { name: "Pilotkontorer" });
  await expect(pilots.getByRole("link")).toHaveText(["Nav Asker", "Nav Drammen", "Nav Indre Østfold", "Nav Kristiansand", "Nav Lillestrøm"]);
  await expect(pilots.getByRole("listitem").filter({ hasText: "Nav Lillestrøm" })).toContainText("Spydspiss");

  // The seed's twelve mergers (eleven municipal ones and one proposal, which the scenario
  // spec may have completed by now), by status as the API counts them.
  await expect(page.getByTestId("figure-mergers")).toHaveText("12");
  const api = await apiAs(page, "/");
  for (const status of ["PROPOSED", "APPROVED", "IN_PROGRESS", "COMPLETED", "CANCELLED"]) {
    const counted = await api<{ mergers: { totalCount: number } }>(
      "query($status: [MergerStatus!]) { mergers(first: 1, filter: { status: $status }) { totalCount } }",
      { status: [status] },
    );
    await expect(page.getByTestId(`mergers-${status}`)).toHaveText(String(counted.data!.mergers.totalCount));
  }
  expect(Number(await page.getByTestId("mergers-COMPLETED").innerText())).toBeGreaterThanOrEqual(11);

  // Nav Lillestrøm alone has 120 people, so the head count is at least that.
  const staff = Number((await page.getByTestId("figure-staff").innerText()).replace(/\D/g, ""));
  expect(staff).toBeGreaterThanOrEqual(120);
  await expectNoSeriousA11yViolations(page, "the overview");

  // The active offices figure agrees with the offices list filtered to active offices.
  const active = await page.getByTestId("figure-active-offices").innerText();
  expect(Number(active)).toBeGreaterThan(5);
  await page.goto("/kontorer?status=ACTIVE");
  await expect(page.getByText(new RegExp(`av ${active} kontorer`))).toBeVisible();

  await page.goto("/");
  await page.getByRole("region", { name: "Pilotkontorer" }).getByRole("link", { name: "Nav Lillestrøm" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nav Lillestrøm" })).toBeVisible();
});

test("the mergers list shows the Lillestrøm merger and links to its graph and offices", async ({ page }) => {
  await signIn(page, "planner", "/sammenslaainger");
  await expect(page.getByText("12 sammenslåinger")).toBeVisible();
  const row = page.getByRole("row", { name: /Sammenslåing Nav Lillestrøm/ });
  await expect(row.getByRole("link", { name: /^Nav (Skedsmo|Fet|Sørum) \(\d{4}\)$/ })).toHaveText([
    "Nav Fet (0227)",
    "Nav Skedsmo (0231)",
    "Nav Sørum (0226)",
  ]);
  await expect(row.getByRole("link", { name: "Nav Lillestrøm (3030)" })).toBeVisible();
  await expect(row).toContainText("1. januar 2020");
  await expect(row).toContainText("Gjennomført");
  const graphLink = row.getByRole("link", { name: "Vis graf for Sammenslåing Nav Lillestrøm" });
  await expect(graphLink).toHaveAttribute("href", /^\/organisasjon\?fusjon=[^&]+$/);
  const graphHref = await graphLink.getAttribute("href");
  await expectNoSeriousA11yViolations(page, "the mergers list");

  // A source office's page shows the merger it was merged by.
  await row.getByRole("link", { name: "Nav Skedsmo (0231)" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nav Skedsmo" })).toBeVisible();
  const mergers = page.getByRole("region", { name: "Sammenslåinger" });
  const skedsmoRow = mergers.getByRole("row", { name: /Sammenslåing Nav Lillestrøm/ });
  await expect(skedsmoRow).toContainText("Fra-kontor");
  await expect(skedsmoRow.getByRole("link", { name: "Nav Lillestrøm (3030)" })).toBeVisible();
  // The merger's name opens the same graph as the list's link.
  await expect(skedsmoRow.getByRole("link", { name: "Sammenslåing Nav Lillestrøm" })).toHaveAttribute("href", graphHref ?? "");
});

test("the office page shows the mergers the office took part in, teams, people and services", async ({ page }) => {
  await signIn(page, "leader", "/kontorer?q=3030");
  await page.getByRole("link", { name: "Nav Lillestrøm", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nav Lillestrøm" })).toBeVisible();

  const mergers = page.getByRole("region", { name: "Sammenslåinger" });
  const row = mergers.getByRole("row", { name: /Sammenslåing Nav Lillestrøm/ });
  await expect(row).toContainText("Til-kontor");
  await expect(row).toContainText("Gjennomført");
  for (const source of ["Nav Fet (0227)", "Nav Skedsmo (0231)", "Nav Sørum (0226)"]) {
    await expect(row.getByRole("link", { name: source })).toBeVisible();
  }
  await expect(page.getByRole("region", { name: "Team" }).getByRole("listitem").first()).toBeVisible();
  await expect(page.getByRole("region", { name: "Ansatte" }).getByRole("row", { name: /Liv Leder/ })).toContainText("Nav-leder");
  await expect(page.getByRole("region", { name: "Tjenester" }).getByRole("row").nth(1)).toBeVisible();
  // The small graph of the office (the graph explorer's OfficeGraph) and the way to the full one.
  const chart = page.getByRole("region", { name: "Organisasjonskart" });
  await expect(chart.getByTestId("office-graph").locator("canvas").first()).toBeVisible();
  await expect(chart.getByRole("link", { name: "Åpne i organisasjonskartet" })).toHaveAttribute("href", /^\/organisasjon\?kontor=/);
  await expectNoSeriousA11yViolations(page, "the office page");
});
