import { afterEach, describe, expect, it } from "vitest";
import { setLocale } from "../../i18n";
import {
  changePhrase,
  changeVerdict,
  countsSentence,
  formatAmount,
  impactSentence,
  intervalPhrase,
  intervalIncludesNoChange,
  intervalSpansZero,
  lowerFirst,
  relativeMonthLabel,
  verdictSentence,
  type ImpactKpi,
} from "./format";

const days: ImpactKpi = { name: "Saksbehandlingstid", unit: "dager", direction: "LOWER_IS_BETTER" };
const share: ImpactKpi = { name: "Andel saker innen frist", unit: "%", direction: "HIGHER_IS_BETTER" };
const score: ImpactKpi = { name: "Medarbeiderengasjement", unit: "1-5", direction: "HIGHER_IS_BETTER" };
const backlog: ImpactKpi = { name: "Restanser", unit: "saker", direction: "LOWER_IS_BETTER" };

// Intl puts non-breaking spaces in numbers and units; compare with plain spaces.
const plain = (text: string | null) => text?.replace(/[\u00a0\u202f]/g, " ") ?? null;

afterEach(() => setLocale("nb", { remember: false }));

describe("impact wording", () => {
  it("says shorter or longer for days, lower or higher otherwise, in the KPI's unit", () => {
    expect(plain(changePhrase(-2.34, days))).toBe("2,3 dager kortere saksbehandlingstid");
    expect(plain(changePhrase(1.05, days))).toBe("1,1 dager lengre saksbehandlingstid");
    expect(plain(changePhrase(4, share))).toBe("4 prosentpoeng høyere andel saker innen frist");
    expect(plain(changePhrase(-0.32, score))).toBe("0,3 poeng lavere medarbeiderengasjement");
    expect(plain(changePhrase(-12, backlog))).toBe("12 saker lavere restanser");
  });

  it("calls a change that rounds to zero the same", () => {
    expect(changePhrase(0.04, days)).toBe("samme saksbehandlingstid");
    expect(changePhrase(-0.049, days)).toBe("samme saksbehandlingstid");
    expect(changeVerdict(-0.04, "LOWER_IS_BETTER")).toBe("same");
  });

  it("judges better and worse by the KPI's direction", () => {
    expect(changeVerdict(-2, "LOWER_IS_BETTER")).toBe("better");
    expect(changeVerdict(2, "LOWER_IS_BETTER")).toBe("worse");
    expect(changeVerdict(2, "HIGHER_IS_BETTER")).toBe("better");
    expect(changeVerdict(-2, "HIGHER_IS_BETTER")).toBe("worse");
  });

  it("lowercases a name but keeps acronyms", () => {
    expect(lowerFirst("Daglige tavlemøter")).toBe("daglige tavlemøter");
    expect(lowerFirst("KPI-tavle")).toBe("KPI-tavle");
    expect(lowerFirst("")).toBe("");
  });

  it("formats amounts without sign", () => {
    expect(plain(formatAmount(-3.25, "dager"))).toBe("3,3 dager");
    expect(plain(formatAmount(0.5, " saker "))).toBe("0,5 saker");
  });

  it("words the interval in the sentence's terms, nearest end first", () => {
    expect(plain(intervalPhrase(-3.5, -1.1, "dager"))).toBe("1,1 til 3,5 dager kortere");
    expect(plain(intervalPhrase(0.8, 2.4, "%"))).toBe("0,8 til 2,4 prosentpoeng høyere");
    expect(plain(intervalPhrase(-3.5, 0.9, "dager"))).toBe("fra 3,5 dager kortere til 0,9 dager lengre");
    expect(plain(intervalPhrase(0, 2, "dager"))).toBe("fra 0 til 2 dager lengre");
    expect(intervalSpansZero(-3.5, 0.9)).toBe(true);
    expect(intervalSpansZero(-3.5, -0.9)).toBe(false);
  });

  it("writes the whole sentence with the interval, or says why there is none", () => {
    const figures = { practiceName: "Daglige tavlemøter", kpi: days, estimate: -2.3, confidenceLow: -3.5, confidenceHigh: -1.1 };
    expect(plain(impactSentence(figures))).toBe(
      "Kontorene som tok i bruk daglige tavlemøter fikk i snitt 2,3 dager kortere saksbehandlingstid enn kontorer som ennå ikke hadde tatt den i bruk, i de samme månedene (95 % intervall: 1,1 til 3,5 dager kortere).",
    );
    expect(verdictSentence(figures)).toBe("Det er en forbedring (lavere er bedre).");
    const single = { ...figures, confidenceLow: null, confidenceHigh: null };
    expect(plain(impactSentence(single))).toMatch(/\(for få kontorer til å beregne et intervall\)\.$/);
    expect(verdictSentence(single)).toBe(
      "Anslaget peker mot en forbedring (lavere er bedre), men det er ikke tydelig: for få kontorer til å beregne et intervall.",
    );
    const worse = { ...figures, kpi: share, estimate: -1.5, confidenceLow: -4, confidenceHigh: 1 };
    expect(verdictSentence(worse)).toBe(
      "Anslaget peker mot en forverring (høyere er bedre), men det er ikke tydelig: 95 %-intervallet omfatter ingen endring, så tallene kan ikke skille forskjellen fra tilfeldig variasjon.",
    );
    expect(impactSentence({ ...figures, estimate: null })).toBeNull();
    expect(verdictSentence({ ...figures, estimate: null })).toBeNull();
  });

  it("does not call it an improvement when the interval starts at 0 (issue 14)", () => {
    // Shown as "fra 0 til 3,5 dager kortere": the interval includes no change.
    const fromZero = { practiceName: "Daglige tavlemøter", kpi: days, estimate: -2.3, confidenceLow: -3.5, confidenceHigh: 0 };
    expect(verdictSentence(fromZero)).toMatch(/^Anslaget peker mot en forbedring \(lavere er bedre\), men det er ikke tydelig: 95 %-intervallet omfatter ingen endring/);
    expect(verdictSentence({ ...fromZero, confidenceHigh: -0.03 })).toMatch(/ikke tydelig/);
    expect(verdictSentence({ ...fromZero, confidenceHigh: -0.2 })).toBe("Det er en forbedring (lavere er bedre).");
    expect(intervalIncludesNoChange(0, 2)).toBe(true);
    expect(intervalIncludesNoChange(0.04, 2)).toBe(true);
    expect(intervalIncludesNoChange(0.2, 2)).toBe(false);
  });

  it("says 1 dag, not 1 dager (plural rules)", () => {
    expect(plain(formatAmount(1, "dager"))).toBe("1 dag");
    expect(plain(formatAmount(-1.04, "dager"))).toBe("1 dag");
    expect(plain(formatAmount(1.5, "dager"))).toBe("1,5 dager");
    expect(plain(changePhrase(-1, days))).toBe("1 dag kortere saksbehandlingstid");
    expect(plain(intervalPhrase(-3.5, -1, "dager"))).toBe("1 til 3,5 dager kortere");
    expect(plain(intervalPhrase(-1, 0.5, "dager"))).toBe("fra 1 dag kortere til 0,5 dager lengre");
  });

  it("counts the offices behind the figure, singular and plural", () => {
    expect(countsSentence(1, 9)).toBe(
      "Tallet bygger på 1 kontor som tok i bruk praksisen, sammenlignet med 9 kontorer som ikke hadde gjort det ennå.",
    );
  });

  it("names months relative to adoption", () => {
    expect([-3, 0, 2].map(relativeMonthLabel)).toEqual(["3 mnd. før", "Måned 0 (tatt i bruk)", "2 mnd. etter"]);
  });

  it("speaks English too", () => {
    setLocale("en", { remember: false });
    expect(plain(changePhrase(-2.34, days))).toBe("2.3 days shorter saksbehandlingstid");
    expect(plain(intervalPhrase(-3.5, 0.9, "dager"))).toBe("from 3.5 days shorter to 0.9 days longer");
  });
});
