import { expect, test, type Page } from "@playwright/test";
import { signIn } from "../src/sign-in";

// Issue 14, item 9: a malformed id in a detail route's URL names nothing, just as a
// well-formed unknown id does, so it gets the same "Fant ikke" page, not "Noe gikk galt".

async function expectNotFoundPage(page: Page, path: string, heading: string | RegExp) {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  await expect(page.getByText("Noe gikk galt")).toHaveCount(0);
}

// A well-formed global id of a row that does not exist, and one of another type.
const unknownOfficeId = Buffer.from("Office:finnes-ikke").toString("base64");
const scenarioTypedId = Buffer.from("Scenario:finnes-ikke").toString("base64");

test("a malformed scenario, office or report id shows the Fant ikke page", async ({ page }) => {
  await signIn(page, "planner", "/");
  await expectNotFoundPage(page, "/scenarier/abc", "Fant ikke scenarioet");
  await expectNotFoundPage(page, "/kontorer/finnesikke", "Fant ikke kontoret");
  await expectNotFoundPage(page, "/innforing/rapporter/zzz", "Fant ikke rapporten");
  // The same page as for a well-formed id of no office, and for an id of another type.
  await expectNotFoundPage(page, `/kontorer/${unknownOfficeId}`, "Fant ikke kontoret");
  await expectNotFoundPage(page, `/kontorer/${scenarioTypedId}`, "Fant ikke kontoret");
});

test("every other detail route with a malformed id shows its Fant ikke page", async ({ page }) => {
  await signIn(page, "planner", "/");
  await expectNotFoundPage(page, "/kontorer/finnesikke/metodikk", "Fant ikke kontoret");
  await expectNotFoundPage(page, "/sammenslaainger/zzz", "Fant ikke sammenslåingen");
  await expectNotFoundPage(page, "/scenarier/abc/sammenlign", "Fant ikke scenarioet");
  await expectNotFoundPage(page, "/scenarier/abc/utskrift", "Fant ikke scenarioet");
});

test("HR sees Fant ikke personen for a malformed person id", async ({ page }) => {
  await signIn(page, "hr", "/");
  await expectNotFoundPage(page, "/hr/personer/zzz", "Fant ikke personen");
});
