import { expect, test } from "@playwright/test";
import { signIn } from "../src/sign-in";

// Issue 14, item 10 (the wording is unit-tested in web/: plural rules, the impact verdict,
// the fill message): /innforing at 1440 px never scrolls sideways, its status matrix
// scrolls inside its own box, and the submitted count says which month it counts.

test.use({ viewport: { width: 1440, height: 900 } });

test("/innforing at 1440 px: the page does not scroll sideways, the matrix scrolls in its own box", async ({ page }) => {
  await signIn(page, "planner", "/innforing");
  const matrix = page.getByRole("table", { name: /^Trinn per kontor og praksis per / });
  await expect(matrix.getByRole("rowheader", { name: "Nav Lillestrøm", exact: true })).toBeVisible();

  const page_ = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement!.scrollWidth,
    clientWidth: document.scrollingElement!.clientWidth,
  }));
  expect(page_.scrollWidth).toBeLessThanOrEqual(page_.clientWidth);

  // Every practice column can be reached: scrolling the matrix's own region brings the last into view.
  const region = page.getByRole("region", { name: /^Trinn per kontor og praksis per / });
  const columns = matrix.locator("thead th");
  expect(await columns.count()).toBe(13);
  await region.evaluate((element) => element.scrollTo({ left: element.scrollWidth }));
  const last = columns.last();
  const [lastBox, regionBox] = [await last.boundingBox(), await region.boundingBox()];
  expect(lastBox!.x + lastBox!.width).toBeLessThanOrEqual(regionBox!.x + regionBox!.width + 1);
  expect(lastBox!.x).toBeGreaterThanOrEqual(regionBox!.x);
});

test("the submitted count names the month it counts", async ({ page }) => {
  await signIn(page, "planner", "/innforing");
  const today = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Oslo" }).format(new Date());
  const [year, month] = today.split("-").map(Number);
  const monthName = new Intl.DateTimeFormat("nb-NO", { month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(Date.UTC(year!, month! - 1, 1)),
  );
  const card = page.locator(".samla-adoption-card").filter({ has: page.getByTestId("summary-submitted") });
  await expect(card.locator("dt")).toHaveText(`Innsendt for ${monthName}`);
  await expect(card).not.toContainText("denne måneden");
});
