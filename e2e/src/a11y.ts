import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** No serious or critical WCAG 2.1 A/AA violations on the page as it is now. */
export async function expectNoSeriousA11yViolations(page: Page, screen: string) {
  // A dialog or menu still fading in has its text at part opacity, which axe reports as
  // too little contrast: check the page as it settles, not a frame of its animation.
  // (Endless ones, such as a spinner, never finish and are left out.)
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getComputedTiming().iterations !== Infinity)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    `serious or critical axe violations on ${screen}`
  ).toEqual([]);
}
